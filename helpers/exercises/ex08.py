"""`08_predict` 노트북의 연습문제: 예측 클래스, 검증 데이터로 임계값 고르기, 타깃을 표준화한 회귀(와인의 프롤린)."""

from __future__ import annotations

import numpy as np

from .core import (
    Book,
    answer,
    close,
    fingerprint,
    fits,
    lesson,
    mistake,
    need_array,
    need_number,
    raised_in_answer_cell,
)

book = Book("08_predict")

THRESHOLDS = [round(0.1 * k, 1) for k in range(1, 10)]


# --------------------------------------------------------------------------- 1. 예측 클래스


@book.exercise(
    stars=1,
    title="시험 데이터 전체의 예측 클래스",
    hint=(
        "2절의 `predict_value`를 만든 한 줄을 시험 데이터 전부에 쓰세요. 결과의 모양이 (114,)인지 `.shape`로, "
        "정수인지 `.dtype`으로 확인하세요."
    ),
    solution='q1_classes = (model.predict(X_test, verbose=0) > 0.5).astype("int32").ravel()\n',
    mistakes={
        "predict_classes": (
            "`predict_classes`는 Keras에서 사라진 메서드라 답안 셀이 `AttributeError`를 냈습니다(2절). "
            "`model.predict`로 확률을 받아 임계값 규칙으로 0과 1로 바꾸세요.",
            "q1_classes = model.predict_classes(X_test)\n",
        ),
        "ten_rows": (
            "10개만 예측했습니다. 노트의 `x_data[0:10]`을 그대로 옮기면 이렇게 됩니다(4절의 `IndexError`도 여기서 "
            "시작했습니다). 시험 데이터 전부(`X_test`)를 예측하세요.",
            'q1_classes = (model.predict(X_test[0:10], verbose=0) > 0.5).astype("int32").ravel()\n',
        ),
        "argmax": (
            "출력 노드가 1개인 sigmoid 모델에 `argmax`를 쓰면 행마다 위치 0만 나와서 모두 0이 됩니다. "
            "`argmax`는 softmax 출력(클래스마다 확률)에 쓰고, 이진 분류는 임계값으로 바꿉니다.",
            "q1_classes = model.predict(X_test, verbose=0).argmax(axis=1)\n",
        ),
        "two_dimensional": (
            "모양이 (114, 1)입니다. 이대로 1차원 타깃 `y_test`와 `==`로 비교하면 (114, 114) 표가 만들어져 정확도가 "
            "틀리게 나옵니다. `.ravel()`로 (114,)로 바꾸세요.",
            'q1_classes = (model.predict(X_test, verbose=0) > 0.5).astype("int32")\n',
        ),
        "probabilities": (
            "확률을 그대로 담았습니다. `predict`는 클래스가 아니라 확률을 돌려줍니다. "
            "임계값과 비교해 0과 1로 바꾸세요.",
            "q1_classes = model.predict(X_test, verbose=0).ravel()\n",
        ),
        "python_list": (
            "파이썬 리스트를 담았습니다. 문제는 NumPy 배열을 요구합니다(리스트에는 `.shape`도, 배열끼리의 `==` "
            "비교도 없습니다). `np.array(...)`로 바꾸거나, `(확률 > 0.5).astype(\"int32\")`처럼 배열 연산으로 "
            "만드세요.",
            "q1_classes = [int(p > 0.5) for p in proba_test]\n",
        ),
    },
    rejects=[
        "q1_classes = np.round(proba_test)\n",  # 실수 배열 (0.0, 1.0)
        "q1_classes = proba_test > 0.5\n",  # 참/거짓 배열
        'q1_classes = (model.predict(X_train, verbose=0) > 0.5).astype("int32").ravel()\n',
        'q1_classes = (proba_test < 0.5).astype("int32")\n',  # 0과 1이 거꾸로
        'q1_classes = (proba_test > 0.9).astype("int32")\n',  # 다른 임계값
    ],
    accepts=[
        "q1_classes = np.where(model.predict(X_test, verbose=0).ravel() > 0.5, 1, 0)\n",
        "q1_classes = np.array([1 if p > 0.5 else 0 for p in proba_test])\n",
        "q1_classes = (proba_test > 0.5).astype(int)\n",
    ],
)
def q1(ns):
    raised = raised_in_answer_cell(ns, "q1")
    if raised and "predict_classes" in raised:
        mistake("predict_classes")
    value = answer(ns, "q1_classes")
    (proba,) = lesson(ns, "proba_test")
    proba = np.asarray(proba).ravel()
    n = len(proba)
    if isinstance(value, list | tuple):
        mistake("python_list")
    if not isinstance(value, np.ndarray):
        mistake(detail=f"`q1_classes`에는 NumPy 배열을 담으세요 (받은 것: {type(value).__name__}).")
    if value.shape == (n, 1):
        mistake("two_dimensional")
    if value.ndim == 1 and len(value) == 10:
        mistake("ten_rows")
    classes = need_array(value, "q1_classes", shape=(n,))
    if classes.dtype.kind == "f" and not np.all(np.isin(classes, [0.0, 1.0])):
        mistake("probabilities")
    classes = need_array(classes, "q1_classes", kind="iu")
    expected = (proba > 0.5).astype("int64")
    if not np.any(classes) and np.any(expected):
        mistake("argmax")
    if not np.array_equal(classes.astype("int64"), expected):
        differ = int(np.sum(classes != expected))
        if differ == n:
            mistake(detail="모든 샘플에서 0과 1이 거꾸로입니다. 클래스 1(양성(benign))은 확률이 0.5보다 클 때입니다.")
        mistake(detail=f"{n}개 중 {differ}개가 `확률 > 0.5` 규칙의 결과와 다릅니다. `X_test` 전부를 예측했는지, "
                "임계값이 0.5인지 확인하세요.")
    return (
        f"정답입니다. {n}개 모두 `확률 > 0.5` 규칙으로 바꿨습니다. 예측 개수와 실제값 개수가 같으니 노트의 "
        "반복문도 `IndexError` 없이 돕니다."
    )


# --------------------------------------------------------------------------- 2. 검증 데이터로 임계값 고르기


def _counts(proba, y, threshold, *, at_least=False):
    pred = ((proba >= threshold) if at_least else (proba > threshold)).astype("int64")
    missed = int(np.sum((y == 0) & (pred == 1)))  # 악성인데 양성(benign) 예측
    alarms = int(np.sum((y == 1) & (pred == 0)))  # 양성(benign)인데 악성 예측
    return missed, alarms, float(np.mean(pred == y))


def _pick(proba, y, rule="right"):
    """임계값 후보에서 규칙대로 하나를 고른다. rule은 틀린 규칙을 흉내 낼 때 쓴다."""
    best_key, best = None, None
    for threshold in THRESHOLDS:
        missed, alarms, accuracy = _counts(proba, y, threshold, at_least=rule == "at_least")
        key = {
            "accuracy_only": (-accuracy,),
            "flipped": (alarms, -accuracy),
            "larger_tie": (missed, -accuracy, -threshold),
        }.get(rule, (missed, -accuracy))
        if best_key is None or key < best_key:
            best_key, best = key, threshold
    return best


_THRESHOLD_CAUSES = {
    "accuracy_only": "놓친 악성을 보지 않고 정확도만 보고 골랐다",
    "flipped": "놓친 악성을 거꾸로 셌다(양성(benign)인데 악성이라고 한 오경보를 셌다: 놓친 악성은 `y == 0`이고 "
    "예측이 1)",
    "larger_tie": "놓친 악성과 정확도가 같을 때 더 큰 임계값을 골랐다",
    "at_least": "예측을 `확률 >= 임계값`으로 만들었다",
}

_Q2_PICK = """\
rows = []
for t in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]:
    pred = (proba_val > t).astype("int32")
    missed = int(np.sum((y_val == 0) & (pred == 1)))  # 놓친 악성: 악성인데 양성(benign) 예측
    rows.append((missed, -float(np.mean(pred == y_val)), t))  # 튜플은 앞에서부터 비교: 작을수록 좋다
q2_threshold = min(rows)[2]
"""

_Q2_PANDAS = """\
import pandas as pd

candidates = pd.DataFrame(
    [{"임계값": t,
      "놓친 악성": int(np.sum((y_val == 0) & (proba_val > t))),
      "정확도": float(np.mean((proba_val > t).astype("int32") == y_val))}
     for t in np.round(np.arange(0.1, 1.0, 0.1), 1)]
)
fewest = candidates[candidates["놓친 악성"] == candidates["놓친 악성"].min()]
q2_threshold = float(fewest.sort_values(["정확도", "임계값"], ascending=[False, True])["임계값"].iloc[0])
"""

_Q2_EVALUATE = """\
proba_test_val_model = val_model.predict(X_test, verbose=0).ravel()
q2_test_accuracy = float(np.mean((proba_test_val_model > q2_threshold).astype("int32") == y_test))
"""


def _loop_pick(score_expression, tie="t"):
    """틀린 규칙을 재현하는 답안 코드: 후보마다 (점수..., 임계값)을 모아 가장 작은 것을 고른다."""
    return f"""\
found = []
for t in np.round(np.arange(0.1, 1.0, 0.1), 1):
    pred = (proba_val > t).astype("int32")
    found.append(({score_expression}, {tie}))
q2_threshold = float(min(found)[-1])
"""


@book.exercise(
    stars=2,
    title="검증 데이터로 임계값 고르고 한 번 평가하기",
    hint=(
        "`for t in [0.1, 0.2, ..., 0.9]:`로 돌며 `(proba_val > t)`로 만든 예측에서 놓친 악성(`y_val == 0`인데 예측이 "
        "1) 수와 정확도를 표로 모으세요. 고를 때는 검증 데이터만 씁니다. 시험 데이터는 고른 뒤, `val_model`이 "
        "`X_test`에 낸 확률로 한 번만 씁니다."
    ),
    solution=_Q2_PICK + _Q2_EVALUATE,
    mistakes={
        "test_set": (
            "임계값을 시험 데이터로 골랐습니다. 시험 데이터를 보며 고른 값으로 매긴 시험 점수는 더는 새 데이터의 "
            "점수가 아닙니다. 고르기는 검증 데이터(`proba_val`, `y_val`)로 하세요.",
            """\
proba_test_val_model = val_model.predict(X_test, verbose=0).ravel()
found = []
for t in np.round(np.arange(0.1, 1.0, 0.1), 1):
    pred = (proba_test_val_model > t).astype("int32")
    found.append((int(np.sum((y_test == 0) & (pred == 1))), -float(np.mean(pred == y_test)), float(t)))
q2_threshold = min(found)[2]
q2_test_accuracy = float(np.mean((proba_test_val_model > q2_threshold).astype("int32") == y_test))
""",
        ),
        "wrong_rule": (
            "고른 임계값이 문제의 규칙(놓친 악성이 가장 적은 후보 → 그중 정확도가 가장 높은 것 → 그래도 같으면 더 "
            "작은 임계값)으로 고른 값과 다릅니다.",
            _loop_pick("-float(np.mean(pred == y_val))") + _Q2_EVALUATE,
        ),
        "accuracy_source": (
            "임계값은 맞게 골랐지만 `q2_test_accuracy`가 `val_model`의 시험 데이터 정확도가 아닙니다.",
            _Q2_PICK + "q2_test_accuracy = float(np.mean((proba_val > q2_threshold).astype(\"int32\") == y_val))\n",
        ),
        "percent": (
            "`q2_test_accuracy`를 퍼센트(0~100)로 적었습니다. 문제는 0~1 사이의 비율을 요구합니다(95%면 0.95).",
            _Q2_PICK + _Q2_EVALUATE + "q2_test_accuracy = 100 * q2_test_accuracy\n",
        ),
    },
    rejects=[
        # 놓친 악성을 거꾸로 셈 (오경보를 셈)
        (_loop_pick("int(np.sum((y_val == 1) & (pred == 0))), -float(np.mean(pred == y_val))") + _Q2_EVALUATE,
         "wrong_rule"),
        # 같으면 더 큰 임계값
        (_loop_pick("int(np.sum((y_val == 0) & (pred == 1))), -float(np.mean(pred == y_val))", tie="-t")
         .replace("float(min(found)[-1])", "float(-min(found)[-1])") + _Q2_EVALUATE, "wrong_rule"),
        # 1절의 model로 시험 정확도를 계산
        (_Q2_PICK + "q2_test_accuracy = float(np.mean((proba_test > q2_threshold).astype(\"int32\") == y_test))\n",
         "accuracy_source"),
        # 숫자가 아니라 문자열
        _Q2_PICK + _Q2_EVALUATE + "q2_threshold = str(q2_threshold)\n",
        # 임계값을 고르지 않고 기본값 0.5로 평가
        "q2_threshold = 0.7\n" + _Q2_EVALUATE,
    ],
    accepts=[
        """\
from sklearn.metrics import accuracy_score

rows = []
for t in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]:
    pred = (proba_val > t).astype(int)
    rows.append((int(((y_val == 0) & (pred == 1)).sum()), -accuracy_score(y_val, pred), t))
q2_threshold = sorted(rows)[0][2]
q2_test_accuracy = accuracy_score(y_test, (val_model.predict(X_test, verbose=0).ravel() > q2_threshold).astype(int))
""",
        _Q2_PANDAS + _Q2_EVALUATE + "q2_test_accuracy = round(q2_test_accuracy, 4)\n",
        """\
best = None
for k in range(1, 10):
    t = k / 10
    pred = proba_val > t
    missed = np.sum((y_val == 0) & pred)
    accuracy = np.mean(pred.astype(int) == y_val)
    if best is None or (missed, -accuracy) < (best[0], -best[1]):
        best = (missed, accuracy, t)
q2_threshold = best[2]
q2_test_accuracy = np.mean((val_model.predict(X_test, verbose=0)[:, 0] > q2_threshold) == y_test)
""",
    ],
)
def q2(ns):
    threshold = need_number(answer(ns, "q2_threshold"), "q2_threshold")
    accuracy = need_number(answer(ns, "q2_test_accuracy"), "q2_test_accuracy")
    proba_val, y_val, val_model, X_test, y_test = lesson(ns, "proba_val", "y_val", "val_model", "X_test", "y_test")
    proba_val, y_val, y_test = np.asarray(proba_val).ravel(), np.asarray(y_val), np.asarray(y_test)
    proba_test = np.asarray(val_model.predict(X_test, verbose=0)).ravel()
    right = _pick(proba_val, y_val)
    if not close(threshold, right, decimals=6):
        causes = [text for rule, text in _THRESHOLD_CAUSES.items() if close(threshold, _pick(proba_val, y_val, rule))]
        on_test = close(threshold, _pick(proba_test, y_test))
        if on_test and not causes:
            mistake("test_set")
        if on_test:
            causes.append("시험 데이터로 골랐다")
        if causes:
            mistake("wrong_rule", detail=f"받은 임계값이 {threshold:g}입니다. 이 값은 이런 경우에 나옵니다: "
                    f"{'; '.join(causes)}.")
        mistake(detail=f"받은 임계값: {threshold:g}. 후보마다 검증 데이터의 놓친 악성 수와 정확도를 세어 보세요.")
    test_accuracy = _counts(proba_test, y_test, right)[2]
    if not close(accuracy, test_accuracy, decimals=4):
        if close(accuracy / 100, test_accuracy, decimals=4):
            mistake("percent")
        sources = []
        if close(accuracy, _counts(proba_val, y_val, right)[2], decimals=4):
            sources.append("검증 데이터(`proba_val`)의 정확도")
        if "proba_test" in ns and close(accuracy, _counts(np.asarray(ns["proba_test"]).ravel(), y_test, right)[2],
                                        decimals=4):
            sources.append("1절의 `model`(훈련 데이터 전부로 학습한 모델)이 낸 시험 데이터 정확도")
        if close(accuracy, 1 - test_accuracy, decimals=4):
            sources.append("틀린 비율(1 - 정확도)")
        if sources:
            mistake("accuracy_source", detail=f"받은 값이 {accuracy:.4f}입니다. 이 값은 {' 또는 '.join(sources)}와 "
                    "같습니다.")
        mistake(detail=f"`q2_test_accuracy`가 {accuracy:.4f}입니다. `val_model`이 `X_test`에 낸 확률을 임계값 "
                f"{right:g}로 바꿔 `y_test`와 비교해 다시 세어 보세요.")
    missed = _counts(proba_test, y_test, right)[0]
    return (
        f"정답입니다. 검증 데이터로 임계값 {right:g}를 고르고, 시험 데이터로는 한 번만 평가했습니다 "
        f"(시험 정확도 {test_accuracy:.4f}, 놓친 악성 {missed}개). 이 점수는 처음 보는 데이터에서의 점수입니다."
    )


# --------------------------------------------------------------------------- 3. 와인의 프롤린: 타깃 표준화


def _wine():
    """노트북의 문제 셀과 같은 분할: (X_train, X_test, y_train, y_test)."""
    from sklearn.model_selection import train_test_split

    from helpers.data import load_xy

    wine_X = load_xy("wine")[0]
    X = wine_X.drop(columns="proline").to_numpy("float32")
    y = wine_X["proline"].to_numpy("float64")
    return train_test_split(X, y, test_size=0.25, random_state=42)


def _rmse(actual, predicted):
    return float(np.sqrt(np.mean((actual - predicted) ** 2)))


def _standardized_prints(y, mean, std) -> set:
    """(y - mean) / std를 학생이 쓸 법한 몇 가지 방식(모양, float32 계산)으로 만든 지문들."""
    prints = set()
    for values in ((y - mean) / std, ((y.astype("float32") - np.float32(mean)) / np.float32(std))):
        prints.add(fingerprint(values))
        prints.add(fingerprint(values.reshape(-1, 1)))
    return prints


def _stats(y):
    return y.mean(), (y.std(), y.std(ddof=1))


def _same(value, target):
    return abs(value - target) <= 0.05 + 1e-6 * abs(target)


_Q3_SOLUTION = """\
q3_mean, q3_std = yp_train.mean(), yp_train.std()
keras.utils.set_random_seed(42)
q3_model = build_regressor(Xp_train)
q3_model.fit(Xp_train, (yp_train - q3_mean) / q3_std, epochs=30, batch_size=16, verbose=0)
q3_pred = q3_model.predict(Xp_test, verbose=0).ravel() * q3_std + q3_mean
"""


def _q3(mean="yp_train.mean(), yp_train.std()", target="(yp_train - q3_mean) / q3_std", x="Xp_train",
        predict="q3_model.predict(Xp_test, verbose=0).ravel() * q3_std + q3_mean", fit=True):
    fit_line = f"q3_model.fit({x}, {target}, epochs=30, batch_size=16, verbose=0)\n" if fit else ""
    return (f"q3_mean, q3_std = {mean}\nkeras.utils.set_random_seed(42)\nq3_model = build_regressor(Xp_train)\n"
            f"{fit_line}q3_pred = {predict}\n")


@book.exercise(
    stars=3,
    title="와인의 프롤린 함량 예측하기: 타깃을 표준화해서",
    hint=(
        "7절의 `bmi_model` 셀과 같은 순서입니다: 평균과 표준편차는 어느 데이터의 타깃에서 구해야 할까요? "
        "학습할 때는 표준화한 타깃을, 예측한 뒤에는 표준화를 거꾸로 되돌린 값을 씁니다. 모양은 `.ravel()`로 맞추세요."
    ),
    solution=_Q3_SOLUTION,
    mistakes={
        "test_statistics": (
            "평균과 표준편차를 시험 데이터의 타깃(`yp_test`)에서 구했습니다. 시험 데이터는 모델이 처음 보는 데이터여야 "
            "하므로 표준화에 쓰는 숫자도 훈련 데이터의 타깃(`yp_train`)에서만 구합니다.",
            _q3(mean="yp_test.mean(), yp_test.std()"),
        ),
        "all_statistics": (
            "평균과 표준편차를 데이터 전체(`yp`, 훈련 + 시험)에서 구했습니다. 여기에는 시험 데이터가 섞여 있습니다. "
            "훈련 데이터의 타깃(`yp_train`)에서만 구하세요.",
            _q3(mean="yp.mean(), yp.std()"),
        ),
        "inverse_with_test": (
            "학습은 훈련 데이터의 평균과 표준편차로 했는데, 예측을 되돌릴 때 시험 데이터 타깃의 평균과 표준편차를 "
            "썼습니다. 되돌릴 때도 학습에 쓴 숫자(`q3_std`, `q3_mean`)를 씁니다.",
            _q3(predict="q3_model.predict(Xp_test, verbose=0).ravel() * yp_test.std() + yp_test.mean()"),
        ),
        "raw_target": (
            "`q3_mean`, `q3_std`는 구했지만 모델은 표준화하지 않은 타깃(`yp_train`)을 그대로 학습했습니다. "
            "`fit`에 `(yp_train - q3_mean) / q3_std`를 주세요.",
            _q3(target="yp_train"),
        ),
        "not_inverted": (
            "예측이 아직 표준화된 단위(평균 0 근처)입니다. 모델은 표준화된 타깃을 배웠으니 예측에 "
            "`* q3_std + q3_mean`을 해서 원래 단위(mg/L)로 되돌리세요.",
            _q3(predict="q3_model.predict(Xp_test, verbose=0).ravel()"),
        ),
        "train_rows": (
            "훈련 데이터(`Xp_train`)로 예측했습니다. 모델의 실력은 학습에 쓰지 않은 시험 데이터(`Xp_test`)로 잽니다.",
            _q3(predict="q3_model.predict(Xp_train, verbose=0).ravel() * q3_std + q3_mean"),
        ),
        "not_trained": (
            "`q3_model`을 이 답안 셀에서 학습한 기록이 없습니다. 새 모델을 만들고 답안 셀 안에서 "
            "`q3_model.fit(...)`으로 학습하세요(수업 부분에서 학습한 모델을 그대로 담아도 이렇게 나옵니다).",
            _q3(fit=False),
        ),
    },
    rejects=[
        _q3(predict="q3_model.predict(Xp_test, verbose=0) * q3_std + q3_mean"),  # 모양 (45, 1)
        _q3(x="Xp_test", target="(yp_test - q3_mean) / q3_std"),  # 시험 데이터로 학습
        "q3_mean, q3_std = yp_train.mean(), yp_train.std()\nq3_model = bmi_model\n"
        "q3_pred = bmi_model.predict(xb_test, verbose=0).ravel() * q3_std + q3_mean\n",  # 수업의 모델
        (_q3(mean="yp_test.mean(), yp_test.std()", target="(yp_train - yp_test.mean()) / yp_test.std()",
             predict="q3_model.predict(Xp_test, verbose=0).ravel() * yp_test.std() + yp_test.mean()")
         .replace("= yp_test.mean(), yp_test.std()\n", "= yp_train.mean(), yp_train.std()\n"),
         "test_statistics"),  # 변수에는 훈련 통계를 담고 학습은 시험 통계로
        _q3(mean='"743.0", "305.7"'),  # 문자열
    ],
    accepts=[
        """\
from sklearn.preprocessing import StandardScaler

scaler = StandardScaler().fit(yp_train.reshape(-1, 1))
q3_mean, q3_std = float(scaler.mean_[0]), float(scaler.scale_[0])
keras.utils.set_random_seed(42)
q3_model = build_regressor(Xp_train)
q3_model.fit(Xp_train, scaler.transform(yp_train.reshape(-1, 1)), epochs=30, batch_size=16, verbose=0)
q3_pred = scaler.inverse_transform(q3_model.predict(Xp_test, verbose=0)).ravel()
""",
        """\
import pandas as pd

target = pd.Series(yp_train)
q3_mean, q3_std = target.mean(), target.std()  # pandas의 std는 ddof=1
normalizer = layers.Normalization()
normalizer.adapt(Xp_train)
inputs = keras.Input(shape=(12,))
outputs = layers.Dense(1)(layers.Dense(32, activation="relu")(normalizer(inputs)))
q3_model = keras.Model(inputs, outputs)
q3_model.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=0.01))
keras.utils.set_random_seed(1)
q3_model.fit(Xp_train, ((target - q3_mean) / q3_std).to_numpy(), epochs=30, batch_size=16, verbose=0)
q3_pred = np.squeeze(q3_model.predict(Xp_test, verbose=0) * q3_std + q3_mean)
""",
    ],
)
def q3(ns):
    import keras

    mean = need_number(answer(ns, "q3_mean"), "q3_mean")
    std = need_number(answer(ns, "q3_std"), "q3_std")
    model = answer(ns, "q3_model")
    pred = answer(ns, "q3_pred")
    X_train, X_test, y_train, y_test = _wine()
    train_mean, train_stds = _stats(y_train)
    test_mean, test_stds = _stats(y_test)
    all_mean, all_stds = _stats(np.concatenate([y_train, y_test]))
    if _same(mean, test_mean) or any(_same(std, s) for s in test_stds):
        mistake("test_statistics")
    if _same(mean, all_mean) or any(_same(std, s) for s in all_stds):
        mistake("all_statistics")
    if not _same(mean, train_mean) or not any(_same(std, s) for s in train_stds):
        mistake(detail=f"`q3_mean` = {mean:.1f}, `q3_std` = {std:.1f}입니다. 훈련 데이터 타깃(`yp_train`)의 평균과 "
                "표준편차를 담으세요.")
    if not isinstance(model, keras.Model):
        mistake(detail=f"`q3_model`에는 Keras 모델을 담으세요 (받은 것: {type(model).__name__}).")
    history = fits(model)
    if not history:
        mistake("not_trained")
    last = history[-1]
    if last["n"] != len(y_train):
        where = "시험 데이터(`Xp_test`)" if last["n"] == len(y_test) else f"{last['n']}개 샘플"
        mistake(detail=f"`q3_model`이 마지막으로 {where}로 학습했습니다. 훈련 데이터(`Xp_train`, "
                f"{len(y_train)}개)로 학습하세요.")
    if last["y"] in {fingerprint(y_train), fingerprint(y_train.reshape(-1, 1))}:
        mistake("raw_target")
    if any(last["y"] in _standardized_prints(y_train, test_mean, s) for s in test_stds):
        mistake("test_statistics")
    if any(last["y"] in _standardized_prints(y_train, all_mean, s) for s in all_stds):
        mistake("all_statistics")
    allowed = _standardized_prints(y_train, mean, std)
    for s in train_stds:
        allowed |= _standardized_prints(y_train, train_mean, s)
    if last["y"] not in allowed:
        mistake(detail="`q3_model`이 학습한 타깃이 `(yp_train - q3_mean) / q3_std`와 다릅니다. 가능한 원인: 다른 "
                "숫자로 표준화했다, 타깃의 순서를 바꿨다(섞었다), 다른 식을 썼다.")
    pred = np.asarray(pred)
    if pred.ndim >= 1 and pred.shape[0] == len(y_train):
        mistake("train_rows")
    pred = need_array(pred, "q3_pred", shape=(len(y_test),), kind="fiu").astype("float64")
    output = np.asarray(model.predict(X_test, verbose=0), dtype="float64").reshape(-1)
    if output.shape == pred.shape and np.ptp(output) > 0:
        scale, shift = np.polyfit(output, pred, 1)
        exact = np.allclose(pred, scale * output + shift, rtol=1e-4, atol=1e-2)
        if exact and abs(scale - 1) < 1e-3 and abs(shift) < 1e-2:
            mistake("not_inverted")
        if exact and any(abs(scale - s) < 0.05 for s in test_stds) and abs(shift - test_mean) < 0.05:
            mistake("inverse_with_test")
        if exact and not (abs(scale - std) < 0.05 and abs(shift - mean) < 0.05):
            mistake(detail=f"`q3_pred`는 모델의 출력 × {scale:.1f} + {shift:.1f}입니다. 되돌릴 때는 "
                    f"× `q3_std`({std:.1f}) + `q3_mean`({mean:.1f})입니다.")
    if abs(pred.mean()) < 5:
        mistake("not_inverted")
    score = _rmse(y_test, pred)
    baseline = _rmse(y_test, np.full_like(y_test, train_mean))
    if score > 270:
        mistake(detail=f"시험 RMSE가 {score:.1f}입니다 (평균 예측 {baseline:.1f}). 목표는 270 이하입니다. 에포크 수, "
                "학습률, 예측에 `Xp_test`를 넣었는지 확인하세요.")
    return (
        f"정답입니다. 시험 RMSE {score:.1f}: 평균 예측({baseline:.1f})보다 확실히 낮습니다. 훈련 데이터 타깃의 평균과 "
        "표준편차로 학습하고 되돌렸으니, 처음 보는 와인에도 같은 두 숫자로 예측을 원래 단위로 바꿀 수 있습니다."
    )
