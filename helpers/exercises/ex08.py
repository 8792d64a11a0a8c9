"""`08_predict` 노트북의 연습문제: 예측 클래스, 검증 데이터로 임계값 고르기, 타깃을 표준화한 회귀."""

from __future__ import annotations

import numpy as np

from .core import Book, answer, mistake

book = Book("08_predict")

THRESHOLDS = [round(0.1 * k, 1) for k in range(1, 10)]


def _array(value, name):
    try:
        return np.asarray(value)
    except Exception:  # 배열로 바꿀 수 없는 것
        mistake(detail=f"`{name}`은 NumPy 배열이어야 합니다 (받은 것: {type(value).__name__}).")


@book.exercise(
    stars=1,
    title="시험 데이터 전체의 예측 클래스",
    hint=(
        "2절의 `predict_value`를 만든 한 줄을 시험 데이터 전부에 쓰세요. "
        "결과의 모양이 (114,)인지 `.shape`로 확인하세요."
    ),
    solution='q1_classes = (model.predict(X_test, verbose=0) > 0.5).astype("int32").ravel()\n',
    mistakes={
        "ten_rows": (
            "10개만 예측했습니다. 노트의 `x_data[0:10]`을 그대로 옮기면 이렇게 됩니다(3절의 `IndexError`도 여기서 "
            "시작했습니다). 시험 데이터 전부(`X_test`)를 예측하세요.",
            'q1_classes = (model.predict(X_test[0:10], verbose=0) > 0.5).astype("int32").ravel()\n',
        ),
        "argmax": (
            "출력 노드가 1개인 sigmoid 모델에 `argmax`를 쓰면 행마다 위치 0만 나와서 모두 0이 됩니다. "
            "`argmax`는 softmax 출력(클래스마다 확률)에 쓰고, 이진 분류는 임계값으로 바꿉니다.",
            "q1_classes = model.predict(X_test, verbose=0).argmax(axis=1)\n",
        ),
        "two_dimensional": (
            "모양이 (114, 1)입니다. 이대로 1차원 정답 `y_test`와 `==`로 비교하면 (114, 114) 표가 만들어져 정확도가 "
            "틀리게 나옵니다. `.ravel()`로 (114,)로 바꾸세요.",
            'q1_classes = (model.predict(X_test, verbose=0) > 0.5).astype("int32")\n',
        ),
        "probabilities": (
            "확률을 그대로 담았습니다. `predict`는 클래스가 아니라 확률을 돌려줍니다. "
            "임계값과 비교해 0과 1로 바꾸세요.",
            "q1_classes = model.predict(X_test, verbose=0).ravel()\n",
        ),
    },
)
def q1(ns):
    classes = _array(answer(ns, "q1_classes"), "q1_classes")
    proba = np.asarray(ns["proba_test"]).ravel() if "proba_test" in ns else None
    if proba is None:
        mistake(detail="1절의 셀(`proba_test`)을 먼저 실행하세요.")
    n = len(proba)
    if classes.ndim == 2 and classes.shape == (n, 1):
        mistake("two_dimensional")
    if classes.ndim != 1:
        mistake(detail=f"`q1_classes`의 모양이 {classes.shape}입니다. ({n},)인 1차원 배열이어야 합니다.")
    if len(classes) == 10:
        mistake("ten_rows")
    if len(classes) != n:
        mistake(detail=f"`q1_classes`에 {len(classes)}개가 있습니다. 시험 데이터는 {n}개입니다.")
    if classes.dtype.kind == "f" and not np.all(np.isin(classes, [0.0, 1.0])):
        mistake("probabilities")
    expected = (proba > 0.5).astype("int32")
    if not np.any(classes) and np.any(expected):
        mistake("argmax")
    if not np.array_equal(classes.astype("int64"), expected):
        mistake(detail=f"{int(np.sum(classes != expected))}개가 `> 0.5` 규칙의 결과와 다릅니다.")
    return (
        f"정답입니다. {n}개 모두 `확률 > 0.5` 규칙으로 바꿨습니다. 예측 개수와 정답 개수가 같으니 노트의 "
        "반복문도 `IndexError` 없이 돕니다."
    )


def _counts(proba, y, threshold):
    pred = (proba > threshold).astype("int32")
    return int(np.sum((y == 0) & (pred == 1))), float(np.mean(pred == y))


def _pick(proba, y, by_accuracy_only=False):
    """규칙: 놓친 악성이 가장 적고, 그중 정확도가 가장 높고, 그래도 같으면 더 작은 임계값."""
    best_key, best = None, None
    for threshold in THRESHOLDS:
        missed, accuracy = _counts(proba, y, threshold)
        key = (-accuracy,) if by_accuracy_only else (missed, -accuracy)
        if best_key is None or key < best_key:
            best_key, best = key, threshold
    return best


_Q2_PICK = """\
candidates = pd.DataFrame(
    [{"임계값": t,
      "놓친 악성": int(np.sum((y_val == 0) & (proba_val > t))),
      "정확도": float(np.mean((proba_val > t).astype("int32") == y_val))}
     for t in np.round(np.arange(0.1, 1.0, 0.1), 1)]
)
fewest = candidates[candidates["놓친 악성"] == candidates["놓친 악성"].min()]
q2_threshold = float(fewest.sort_values(["정확도", "임계값"], ascending=[False, True])["임계값"].iloc[0])
"""


@book.exercise(
    stars=2,
    title="검증 데이터로 임계값 고르고 한 번 평가하기",
    hint=(
        "`for threshold in [0.1, 0.2, ..., 0.9]:`로 돌며 `(proba_val > threshold)`로 만든 예측에서 놓친 악성 수와 "
        "정확도를 표로 모으세요. 고를 때는 검증 데이터만, 시험 데이터는 고른 뒤 한 번만 씁니다."
    ),
    solution=_Q2_PICK
    + """\
proba_test_val_model = val_model.predict(X_test, verbose=0).ravel()
q2_test_accuracy = float(np.mean((proba_test_val_model > q2_threshold).astype("int32") == y_test))
""",
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
        "accuracy_only": (
            "정확도만 보고 골랐습니다. 이 문제의 규칙은 놓친 악성(악성인데 양성이라고 한 것)을 먼저 가장 적게 하고, "
            "그다음에 정확도를 봅니다. 놓친 악성이 위험한 실수이기 때문입니다.",
            """\
found = []
for t in np.round(np.arange(0.1, 1.0, 0.1), 1):
    found.append((-float(np.mean((proba_val > t).astype("int32") == y_val)), float(t)))
q2_threshold = min(found)[1]
proba_test_val_model = val_model.predict(X_test, verbose=0).ravel()
q2_test_accuracy = float(np.mean((proba_test_val_model > q2_threshold).astype("int32") == y_test))
""",
        ),
        "validation_score": (
            "임계값은 맞게 골랐지만, `q2_test_accuracy`에 검증 데이터의 정확도를 넣었습니다. 마지막 평가는 "
            "`val_model`이 시험 데이터(`X_test`)에 낸 확률로 한 번 계산합니다.",
            _Q2_PICK
            + """\
q2_test_accuracy = float(np.mean((proba_val > q2_threshold).astype("int32") == y_val))
""",
        ),
    },
)
def q2(ns):
    threshold = answer(ns, "q2_threshold")
    accuracy = answer(ns, "q2_test_accuracy")
    for name in ("proba_val", "y_val", "val_model", "X_test", "y_test"):
        if name not in ns:
            mistake(detail=f"4절의 셀을 먼저 실행하세요 (`{name}`가 없습니다).")
    try:
        threshold, accuracy = float(threshold), float(accuracy)
    except (TypeError, ValueError):
        mistake(detail="`q2_threshold`와 `q2_test_accuracy`는 숫자(float) 하나씩이어야 합니다.")
    proba_val, y_val = np.asarray(ns["proba_val"]).ravel(), np.asarray(ns["y_val"])
    y_test = np.asarray(ns["y_test"])
    proba_test = np.asarray(ns["val_model"].predict(ns["X_test"], verbose=0)).ravel()
    right = _pick(proba_val, y_val)
    if abs(threshold - right) > 1e-6:
        if abs(threshold - _pick(proba_test, y_test)) < 1e-6:
            mistake("test_set")
        if abs(threshold - _pick(proba_val, y_val, by_accuracy_only=True)) < 1e-6:
            mistake("accuracy_only")
        mistake(detail=f"받은 임계값: {threshold:g}. 후보마다 검증 데이터의 놓친 악성 수와 정확도를 세어 보세요.")
    test_accuracy = _counts(proba_test, y_test, right)[1]
    if abs(accuracy - test_accuracy) > 1e-6:
        if abs(accuracy - _counts(proba_val, y_val, right)[1]) < 1e-6:
            mistake("validation_score")
        mistake(detail=f"`q2_test_accuracy`가 {accuracy:.4f}입니다. `val_model`의 시험 데이터 확률로 다시 세어 보세요.")
    missed = _counts(proba_test, y_test, right)[0]
    return (
        f"정답입니다. 검증 데이터로 임계값 {right:g}를 고르고, 시험 데이터로는 한 번만 평가했습니다 "
        f"(시험 정확도 {test_accuracy:.4f}, 놓친 악성 {missed}개). 이 점수는 처음 보는 데이터에서의 점수입니다."
    )


def _diabetes():
    from helpers.data import train_test_data

    _, _, y_train, y_test = train_test_data("diabetes", scale=False)
    return y_train.astype(float), y_test.astype(float)


def _rmse(actual, predicted):
    return float(np.sqrt(np.mean((actual - predicted) ** 2)))


_Q3_SOLUTION = """\
y_mean, y_std = yd_train.mean(), yd_train.std()
keras.utils.set_random_seed(42)
q3_model = build_regressor(Xd_train)
q3_model.fit(Xd_train, (yd_train - y_mean) / y_std, epochs=15, batch_size=32, verbose=0)
q3_pred = q3_model.predict(Xd_test, verbose=0).ravel() * y_std + y_mean
"""


@book.exercise(
    stars=3,
    title="특성 10개로 예측하기: 타깃을 표준화해서",
    hint=(
        "6절의 `bmi_model` 셀을 따라 하되 `Xd_train[:, [bmi]]` 대신 `Xd_train` 전체를 쓰세요. 학습할 때는 "
        "`(yd_train - y_mean) / y_std`, 예측한 뒤에는 `× y_std + y_mean`입니다."
    ),
    solution=_Q3_SOLUTION,
    mistakes={
        "not_inverted": (
            "예측이 아직 표준화된 단위(평균 0 근처)입니다. 모델은 표준화된 타깃을 배웠으니 예측에 `* y_std + y_mean`을 "
            "해서 원래 단위로 되돌리세요.",
            """\
y_mean, y_std = yd_train.mean(), yd_train.std()
keras.utils.set_random_seed(42)
q3_model = build_regressor(Xd_train)
q3_model.fit(Xd_train, (yd_train - y_mean) / y_std, epochs=15, batch_size=32, verbose=0)
q3_pred = q3_model.predict(Xd_test, verbose=0).ravel()
""",
        ),
        "raw_target": (
            "타깃을 표준화하지 않고 그대로 학습한 것 같습니다: 예측이 실제값보다 한참 작은 쪽에 몰려 있습니다. "
            "훈련 데이터 타깃의 평균과 표준편차로 `(y - 평균) / 표준편차`를 학습하세요.",
            """\
keras.utils.set_random_seed(42)
q3_model = build_regressor(Xd_train)
q3_model.fit(Xd_train, yd_train, epochs=15, batch_size=32, verbose=0)
q3_pred = q3_model.predict(Xd_test, verbose=0).ravel()
""",
        ),
        "train_rows": (
            "훈련 데이터(`Xd_train`)로 예측했습니다. 모델의 실력은 학습에 쓰지 않은 시험 데이터(`Xd_test`)로 잽니다.",
            _Q3_SOLUTION.replace("q3_model.predict(Xd_test", "q3_model.predict(Xd_train"),
        ),
    },
)
def q3(ns):
    pred = _array(answer(ns, "q3_pred"), "q3_pred")
    y_train, y_test = _diabetes()
    if pred.ndim == 2 and pred.shape[1] == 1:
        pred = pred.ravel()
    if pred.ndim != 1:
        mistake(detail=f"`q3_pred`의 모양이 {pred.shape}입니다. 길이 {len(y_test)}인 1차원 배열이어야 합니다.")
    if len(pred) == len(y_train):
        mistake("train_rows")
    if len(pred) != len(y_test):
        mistake(detail=f"`q3_pred`에 {len(pred)}개가 있습니다. 시험 데이터는 {len(y_test)}개입니다.")
    pred = pred.astype(float)
    mean, std = y_train.mean(), y_train.std()
    score = _rmse(y_test, pred)
    baseline = _rmse(y_test, np.full_like(y_test, mean))
    if abs(pred.mean()) < 3 and _rmse(y_test, pred * std + mean) < baseline:
        mistake("not_inverted")
    if pred.mean() < mean - 25:
        mistake("raw_target")
    if score > 56:
        mistake(
            detail=f"시험 RMSE가 {score:.1f}입니다 (평균 예측 {baseline:.1f}). 타깃 표준화, 15 에포크, 학습률 0.01을 "
            "확인하세요."
        )
    return (
        f"정답입니다. 시험 RMSE {score:.1f}: 평균 예측({baseline:.1f})보다 한참 낫습니다. 타깃을 표준화하면 "
        "학습률을 억지로 키우지 않아도 출력이 타깃의 크기에 맞춰집니다."
    )
