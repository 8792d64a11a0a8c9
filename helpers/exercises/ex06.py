"""`06_evaluate`의 연습문제: 시험 정확도, 누출 없는 표준화, 회귀의 기준선, 와인 품종 모델의 혼동 행렬."""

from __future__ import annotations

import numpy as np

from .core import (
    Book,
    answer,
    call_answer,
    close,
    fingerprint,
    fits,
    lesson,
    mistake,
    need_array,
    need_number,
    raised_in_answer_cell,
)
from .tracking import answer_frame

book = Book("06_evaluate")


def _text_number(value):
    """'0.9561'처럼 숫자로 읽히는 문자열이면 그 숫자, 아니면 None."""
    if not isinstance(value, str):
        return None
    try:
        return float(value.strip().rstrip("%"))
    except ValueError:
        return None


def _plain(value):
    """텐서(예: keras 지표의 `result()`)면 NumPy 값으로, 아니면 그대로."""
    to_numpy = getattr(value, "numpy", None)
    return to_numpy() if callable(to_numpy) and not isinstance(value, np.ndarray) else value


# --------------------------------------------------------------------------- 1. 시험 정확도


@book.exercise(
    stars=1,
    title="시험 정확도 꺼내기",
    hint=(
        "`evaluate`에 어떤 데이터를 넣어야 일반화 성능을 잴 수 있는지 생각해 보세요. "
        "`return_dict=True`로 받으면 값을 이름으로 꺼낼 수 있습니다."
    ),
    solution="""
        q1_test_acc = model.evaluate(X_test, y_test, verbose=0, return_dict=True)["accuracy"]
    """,
    mistakes={
        "train": (
            "훈련 데이터(`X_train`, `y_train`)로 평가했습니다. 모델이 타깃을 보고 맞춘 데이터의 점수라서 "
            "일반화 성능보다 낙관적입니다. 한 번도 학습에 쓰지 않은 시험 데이터로 평가하세요.",
            'q1_test_acc = model.evaluate(X_train, y_train, verbose=0, return_dict=True)["accuracy"]\n',
        ),
        "loss": (
            "손실을 꺼냈습니다. `evaluate`가 돌려주는 리스트의 `[0]`은 손실이고 정확도는 `[1]`입니다. "
            "`return_dict=True`로 받아 `[\"accuracy\"]`처럼 이름으로 꺼내면 헷갈리지 않습니다.",
            "q1_test_acc = model.evaluate(X_test, y_test, verbose=0)[0]\n",
        ),
        "whole_result": (
            "`evaluate`의 결과 전체(리스트나 딕셔너리)를 담았습니다. 그 안에서 정확도 하나만 꺼내 담으세요.",
            "q1_test_acc = model.evaluate(X_test, y_test, verbose=0)\n",
        ),
        "string": (
            "숫자가 아니라 글자(문자열)를 담았습니다. 노트의 `\"%.4f\" % ...`나 f-문자열은 화면에 보여 줄 글자를 "
            "만듭니다. 계산에 다시 쓸 값은 숫자 그대로 담으세요 (반올림이 필요하면 `round(값, 4)`).",
            'q1_test_acc = "%.4f" % model.evaluate(X_test, y_test, verbose=0)[1]\n',
        ),
        "percent": (
            "정확도에 100을 곱한 백분율을 담았습니다. 문제는 0과 1 사이의 비율을 묻습니다. "
            "`evaluate`가 돌려준 값을 그대로 담으세요.",
            "q1_test_acc = model.evaluate(X_test, y_test, verbose=0)[1] * 100\n",
        ),
    },
    rejects=[
        ("q1_test_acc = model.evaluate(X_train, y_train, verbose=0)[1]\n", "train"),
        ('q1_test_acc = f"{model.evaluate(X_test, y_test, verbose=0)[1]:.4f}"\n', "string"),
        ("q1_test_acc = round(model.evaluate(X_test, y_test, verbose=0)[1] * 100, 2)\n", "percent"),
        ("q1_test_acc = model.evaluate(X_test, y_test, verbose=0, return_dict=True)\n", "whole_result"),
        "q1_test_acc = print(model.evaluate(X_test, y_test, verbose=0)[1])\n",
        "q1_test_acc = round(model.evaluate(X_test, y_test, verbose=0)[1], 1)\n",
    ],
    accepts=[
        "_, q1_test_acc = model.evaluate(X_test, y_test, verbose=0)\n",
        'q1_test_acc = round(model.evaluate(X_test, y_test, verbose=0, return_dict=True)["accuracy"], 4)\n',
        "q1_test_acc = float(np.mean((model.predict(X_test, verbose=0)[:, 0] > 0.5) == y_test))\n",
    ],
)
def q1(ns):
    raw = answer(ns, "q1_test_acc")
    if isinstance(raw, dict | list | tuple) or np.ndim(raw) > 0:
        mistake("whole_result")
    if _text_number(raw) is not None:
        mistake("string")
    value = need_number(raw, "q1_test_acc")
    model, X_train, y_train, X_test, y_test = lesson(ns, "model", "X_train", "y_train", "X_test", "y_test")
    test = model.evaluate(X_test, y_test, verbose=0, return_dict=True)
    if close(value, test["accuracy"], decimals=4):
        return (
            f"정답입니다 (시험 정확도 {value:.4f}). 모델이 한 번도 보지 못한 {len(y_test)}건에서 잰 점수라서, "
            "훈련 정확도와 달리 일반화 성능을 정직하게 보여 줍니다."
        )
    if close(value, 100 * test["accuracy"], decimals=2):
        mistake("percent")
    train = model.evaluate(X_train, y_train, verbose=0, return_dict=True)
    if close(value, train["accuracy"], decimals=4):
        mistake("train")
    if close(value, test["loss"], decimals=4) or close(value, train["loss"], decimals=4):
        mistake("loss")
    mistake(detail=f"받은 값 {value:.4f}는 `model`의 시험 정확도(소수점 넷째 자리까지)가 아닙니다.")


# --------------------------------------------------------------------------- 2. 누출 없는 표준화

_XTR = np.array([[0.0, 10.0], [2.0, 20.0], [4.0, 60.0]])
_XTE = np.array([[6.0, 0.0], [1.0, 30.0]])


def _standardize(X, mean, std):
    return (X - mean) / std


@book.exercise(
    stars=2,
    title="누출 없는 표준화 함수",
    hint=(
        "평균과 표준편차를 구하는(fit) 일은 한 번, 훈련 데이터로만 합니다. 그렇게 구한 같은 값으로 "
        "두 배열을 모두 바꿉니다(transform)."
    ),
    solution="""
        def q2_scale(X_train, X_test):
            scaler = StandardScaler().fit(X_train)
            return scaler.transform(X_train), scaler.transform(X_test)
    """,
    mistakes={
        "own_scaler": (
            "시험 데이터를 시험 데이터 자신의 평균과 표준편차로 표준화했습니다. 시험 데이터는 아직 보지 못한 "
            "새 데이터라서 그 통계를 미리 쓸 수 없습니다. "
            "훈련 데이터로 한 번 fit한 scaler로 두 배열을 모두 transform하세요.",
            "def q2_scale(X_train, X_test):\n"
            "    return StandardScaler().fit_transform(X_train), StandardScaler().fit_transform(X_test)\n",
        ),
        "all_data": (
            "훈련과 시험 데이터를 합친 전체로 평균과 표준편차를 구했습니다. 시험 데이터의 정보가 전처리 안으로 "
            "새어 들어가는 누출입니다 (3절). fit은 훈련 데이터로만 하세요.",
            "def q2_scale(X_train, X_test):\n"
            "    scaler = StandardScaler().fit(np.vstack([X_train, X_test]))\n"
            "    return scaler.transform(X_train), scaler.transform(X_test)\n",
        ),
        "test_unscaled": (
            "시험 데이터를 바꾸지 않고 그대로 돌려주었습니다. 모델은 표준화된 값으로 배우므로, 시험 데이터도 "
            "훈련 데이터와 같은 변환을 거쳐야 합니다.",
            "def q2_scale(X_train, X_test):\n"
            "    return StandardScaler().fit_transform(X_train), X_test\n",
        ),
        "ddof": (
            "표준편차를 n-1로 나눠 구했습니다 (pandas의 `.std()` 또는 `np.std(..., ddof=1)`). "
            "`StandardScaler`는 n으로 나눕니다 (`np.std`의 기본값 `ddof=0`).",
            "def q2_scale(X_train, X_test):\n"
            "    mean, std = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)\n"
            "    return (X_train - mean) / std, (X_test - mean) / std\n",
        ),
        "not_fitted": (
            "`fit`하기 전에 `transform`을 불렀습니다(`NotFittedError`). `StandardScaler()`는 만들기만 해서는 평균과 "
            "표준편차를 모릅니다. 먼저 `.fit(X_train)`으로 훈련 데이터에서 배우게 하세요.",
            "def q2_scale(X_train, X_test):\n"
            "    scaler = StandardScaler()\n"
            "    return scaler.transform(X_train), scaler.transform(X_test)\n",
        ),
        "swapped": (
            "두 배열의 순서가 바뀌었습니다. 문제는 `(훈련, 시험)` 순서로 돌려달라고 합니다.",
            "def q2_scale(X_train, X_test):\n"
            "    scaler = StandardScaler().fit(X_train)\n"
            "    return scaler.transform(X_test), scaler.transform(X_train)\n",
        ),
        "no_axis": (
            "배열 전체의 평균과 표준편차 하나씩으로 나눴습니다(`axis`를 주지 않음). 표준화는 특성(열)마다 따로 "
            "합니다: `X_train.mean(axis=0)`, `X_train.std(axis=0)`.",
            "def q2_scale(X_train, X_test):\n"
            "    mean, std = X_train.mean(), X_train.std()\n"
            "    return (X_train - mean) / std, (X_test - mean) / std\n",
        ),
    },
    rejects=[
        (
            "def q2_scale(X_train, X_test):\n"
            "    scaler = StandardScaler()\n"
            "    X_test_scaled = scaler.transform(X_test)\n"
            "    return scaler.fit_transform(X_train), X_test_scaled\n",
            "not_fitted",
        ),
        (
            "def q2_scale(X_train, X_test):\n"
            "    scaler = StandardScaler().fit(X_train)\n"
            "    return X_train, scaler.transform(X_test)\n"
        ),
        (
            "def q2_scale(X_train, X_test):\n"
            "    low, high = X_train.min(axis=0), X_train.max(axis=0)\n"
            "    return (X_train - low) / (high - low), (X_test - low) / (high - low)\n"
        ),
        (
            "def q2_scale(X_train, X_test):\n"
            "    scaler = StandardScaler().fit(X_train)\n"
            "    print(scaler.transform(X_train), scaler.transform(X_test))\n"
        ),
        (
            "def q2_scale(X_train, X_test):\n"
            "    both = StandardScaler().fit_transform(np.vstack([X_train, X_test]))\n"
            "    return both[: len(X_train)], both[len(X_train):]\n",
            "all_data",
        ),
    ],
    accepts=[
        "def q2_scale(X_train, X_test):\n"
        "    mean, std = np.mean(X_train, axis=0), np.std(X_train, axis=0)\n"
        "    return (X_train - mean) / std, (X_test - mean) / std\n",
        "from sklearn import preprocessing\n\n"
        "def q2_scale(X_train, X_test):\n"
        "    s = preprocessing.StandardScaler()\n"
        "    train = s.fit_transform(X_train).astype('float32')\n"
        "    return [train, s.transform(X_test).astype('float32')]\n",
    ],
)
def q2(ns):
    from sklearn.exceptions import NotFittedError

    function = answer(ns, "q2_scale")
    try:
        returned = call_answer(function, _XTR.copy(), _XTE.copy(), returns="`(훈련 배열, 시험 배열)` 두 배열")
    except NotFittedError as exc:
        frame = answer_frame(exc.__traceback__)
        where = ""
        if frame:
            where = f"여러분의 코드 {frame[0]}번째 줄" + (f" `{frame[1]}`" if frame[1] else "") + "에서 났습니다."
        mistake("not_fitted", detail=where)
    if not isinstance(returned, tuple | list) or len(returned) != 2:
        mistake(detail="`(표준화한 훈련 배열, 표준화한 시험 배열)` 두 개를 튜플로 돌려주세요.")
    got_train, got_test = (np.asarray(part, dtype=float) for part in returned)
    if got_train.shape == _XTE.shape and got_test.shape == _XTR.shape:
        mistake("swapped")
    if got_train.shape != _XTR.shape or got_test.shape != _XTE.shape:
        shapes = f"{got_train.shape}, {got_test.shape}"
        mistake(detail=f"돌려준 배열의 모양이 {shapes}입니다. 입력과 같은 모양이어야 합니다.")
    mean, std = _XTR.mean(axis=0), _XTR.std(axis=0)
    train_ok = np.allclose(got_train, _standardize(_XTR, mean, std), atol=1e-5)
    if train_ok and np.allclose(got_test, _standardize(_XTE, mean, std), atol=1e-5):
        return (
            "정답입니다. 시험 데이터는 훈련 데이터의 평균·표준편차로만 바뀌므로, 시험 점수가 "
            "'처음 보는 데이터'에서의 성능을 그대로 잽니다."
        )
    if train_ok and np.allclose(got_test, _XTE):
        mistake("test_unscaled")
    if train_ok and np.allclose(got_test, _standardize(_XTE, _XTE.mean(axis=0), _XTE.std(axis=0)), atol=1e-5):
        mistake("own_scaler")
    both = np.vstack([_XTR, _XTE])
    if np.allclose(got_test, _standardize(_XTE, both.mean(axis=0), both.std(axis=0)), atol=1e-5):
        mistake("all_data")
    if np.allclose(got_train, _standardize(_XTR, mean, _XTR.std(axis=0, ddof=1)), atol=1e-5):
        mistake("ddof")
    if np.allclose(got_train, _standardize(_XTR, _XTR.mean(), _XTR.std()), atol=1e-5):
        mistake("no_axis")
    if not train_ok:
        mistake(detail="표준화한 훈련 데이터는 특성(열)마다 평균 0, 표준편차 1이어야 합니다.")
    mistake(detail="훈련 배열은 맞지만 시험 배열이 훈련 데이터의 평균과 표준편차로 바꾼 값이 아닙니다.")


# --------------------------------------------------------------------------- 3. 회귀의 기준선

_DIABETES = 'Xd_train, Xd_test, yd_train, yd_test = helpers.train_test_data("diabetes")\n'


@book.exercise(
    stars=2,
    title="회귀의 기준선 만들기",
    hint=(
        "기준선이 훈련 데이터에서 배우는 것은 숫자 하나(타깃의 평균)뿐입니다. 그 숫자를 시험 데이터의 "
        "샘플 수만큼 늘어놓고(`np.full`), 시험 데이터의 타깃과 비교해 RMSE를 계산하세요."
    ),
    solution=_DIABETES
    + """q3_pred = np.full(len(yd_test), yd_train.mean())
q3_rmse = float(np.sqrt(np.mean((yd_test - q3_pred) ** 2)))
""",
    mistakes={
        "test_mean": (
            "시험 데이터 타깃의 평균으로 예측했습니다. 기준선도 모델이므로 시험 데이터의 타깃을 미리 볼 수 "
            "없습니다. 평균은 훈련 데이터의 타깃에서 구하세요.",
            _DIABETES
            + "q3_pred = np.full(len(yd_test), yd_test.mean())\n"
            "q3_rmse = float(np.sqrt(np.mean((yd_test - q3_pred) ** 2)))\n",
        ),
        "all_mean": (
            "훈련과 시험 데이터를 합친 전체 타깃의 평균으로 예측했습니다. 시험 데이터의 타깃이 기준선 안으로 "
            "새어 들어갑니다. 평균은 훈련 데이터의 타깃에서만 구하세요.",
            _DIABETES
            + "q3_pred = np.full(len(yd_test), np.concatenate([yd_train, yd_test]).mean())\n"
            "q3_rmse = float(np.sqrt(np.mean((yd_test - q3_pred) ** 2)))\n",
        ),
        "train_data": (
            "훈련 데이터에서 평가했습니다. 예측은 시험 데이터의 샘플마다 하나씩(길이 = 시험 데이터 건수) 만들고, "
            "RMSE도 시험 데이터의 타깃과 비교해 계산합니다.",
            _DIABETES
            + "q3_pred = np.full(len(yd_train), yd_train.mean())\n"
            "q3_rmse = float(np.sqrt(np.mean((yd_train - q3_pred) ** 2)))\n",
        ),
        "accuracy": (
            "정확도(맞힌 비율)를 계산했습니다. 회귀에서는 예측이 타깃과 딱 같은 경우가 거의 없어서 정확도는 "
            "의미가 없습니다 (`03_compile`). 오차의 크기를 재는 RMSE를 쓰세요.",
            _DIABETES
            + "q3_pred = np.full(len(yd_test), yd_train.mean())\n"
            "q3_rmse = float(np.mean(yd_test == q3_pred))\n",
        ),
        "mse": (
            "제곱 오차의 평균(MSE)에서 멈췄습니다. RMSE는 그 제곱근입니다 (`np.sqrt`). 제곱근을 씌워야 "
            "타깃과 같은 단위가 되어 '평균적으로 얼마나 빗나가는지'로 읽을 수 있습니다.",
            _DIABETES
            + "q3_pred = np.full(len(yd_test), yd_train.mean())\n"
            "q3_rmse = float(np.mean((yd_test - q3_pred) ** 2))\n",
        ),
    },
    rejects=[
        _DIABETES + "q3_pred = np.full((len(yd_test), 1), yd_train.mean())\n"
        "q3_rmse = float(np.sqrt(np.mean((yd_test - q3_pred.ravel()) ** 2)))\n",
        _DIABETES + "q3_pred = yd_train.mean()\nq3_rmse = float(np.sqrt(np.mean((yd_test - q3_pred) ** 2)))\n",
        _DIABETES + "q3_pred = np.full(len(yd_test), np.median(yd_train))\n"
        "q3_rmse = float(np.sqrt(np.mean((yd_test - q3_pred) ** 2)))\n",
        _DIABETES + "q3_pred = np.full(len(yd_test), yd_train.mean())\n"
        "q3_rmse = '%.4f' % np.sqrt(np.mean((yd_test - q3_pred) ** 2))\n",
        (
            _DIABETES + "q3_pred = np.full(len(yd_test), yd_test.mean())\n"
            "q3_rmse = float(np.sqrt(np.mean((yd_test - yd_train.mean()) ** 2)))\n",
            "test_mean",
        ),
    ],
    accepts=[
        _DIABETES + "from sklearn.dummy import DummyRegressor\n"
        "from sklearn.metrics import mean_squared_error\n"
        "q3_pred = DummyRegressor(strategy='mean').fit(Xd_train, yd_train).predict(Xd_test)\n"
        "q3_rmse = mean_squared_error(yd_test, q3_pred) ** 0.5\n",
        _DIABETES + "rmse = keras.metrics.RootMeanSquaredError()\n"
        "q3_pred = np.repeat(yd_train.mean(), len(yd_test))\n"
        "rmse.update_state(yd_test, q3_pred)\n"
        "q3_rmse = rmse.result()\n",
        _DIABETES + "import math\n"
        "mean = sum(yd_train) / len(yd_train)\n"
        "q3_pred = np.repeat(mean, len(yd_test))\n"
        "q3_rmse = round(math.sqrt(sum((t - mean) ** 2 for t in yd_test) / len(yd_test)), 4)\n",
    ],
)
def q3(ns):
    pred_raw = answer(ns, "q3_pred")
    rmse_raw = answer(ns, "q3_rmse")
    pred = need_array(_plain(pred_raw), "q3_pred", shape=(None,)).astype(float)
    rmse_raw = _plain(rmse_raw)
    if _text_number(rmse_raw) is not None:
        mistake(detail="`q3_rmse`에 글자(문자열)를 담았습니다. `'%.4f' % ...`나 f-문자열은 화면에 보여 줄 글자를 "
                "만듭니다. 숫자 그대로 담으세요 (반올림은 `round(값, 4)`).")
    rmse = need_number(rmse_raw, "q3_rmse")

    from ..data import train_test_data

    _, _, y_train, y_test = train_test_data("diabetes")
    y_train, y_test = y_train.astype(float), y_test.astype(float)
    train_mean = y_train.mean()
    if len(pred) == len(y_train) != len(y_test):
        mistake("train_data")
    if len(pred) != len(y_test):
        mistake(detail=f"`q3_pred`의 길이가 {len(pred)}입니다. 시험 데이터 건수({len(y_test)})와 같아야 합니다.")
    if not np.allclose(pred, train_mean):
        if np.allclose(pred, y_test.mean()):
            mistake("test_mean")
        if np.allclose(pred, np.concatenate([y_train, y_test]).mean()):
            mistake("all_mean")
        mistake(detail="평균 예측은 모든 샘플에 같은 숫자 하나(훈련 타깃의 평균)를 답합니다.")
    expected = float(np.sqrt(np.mean((y_test - train_mean) ** 2)))
    if close(rmse, expected, decimals=4):
        return (
            f"정답입니다. 평균 예측의 시험 RMSE는 {expected:.2f}입니다. 회귀 모델의 RMSE가 이보다 낮지 않으면 "
            "특성에서 아무것도 배우지 못한 것입니다."
        )
    if rmse == float(np.mean(y_test == pred)):
        mistake("accuracy")
    if close(rmse, expected**2, decimals=4):
        mistake("mse")
    if close(rmse, float(y_train.std()), decimals=4):
        mistake("train_data")
    mistake(detail=f"받은 RMSE {rmse:.4f}가 `q3_pred`로 계산한 값과 다릅니다.")


# --------------------------------------------------------------------------- 4. 와인 품종 모델의 혼동 행렬

_WINE = '''\
Xw_train, Xw_test, yw_train, yw_test = helpers.train_test_data("wine", encode_labels=True)  # 원래 값 그대로


def train_wine_model(X_train_scaled, y_train):
    """표준화된 훈련 특성으로 와인 품종 모델(출력: 품종마다 확률 3개)을 학습해 돌려준다."""
    keras.utils.set_random_seed(42)
    wine = keras.Sequential(
        [keras.Input(shape=(13,)), layers.Dense(16, activation="relu"), layers.Dense(3, activation="softmax")]
    )
    wine.compile(loss="sparse_categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01))
    wine.fit(X_train_scaled, y_train, epochs=10, batch_size=16, verbose=0)
    return wine


'''

_SCALED = """\
scaler = StandardScaler().fit(Xw_train)
Xw_train_scaled = scaler.transform(Xw_train)
Xw_test_scaled = scaler.transform(Xw_test)
wine_model = train_wine_model(Xw_train_scaled, yw_train)
"""

_CM = "q4_cm = confusion_matrix(yw_test, wine_model.predict(Xw_test_scaled, verbose=0).argmax(axis=1))\n"


def _wine():
    from sklearn.preprocessing import StandardScaler

    from ..data import train_test_data

    X_train, X_test, y_train, y_test = train_test_data("wine", encode_labels=True)
    scaler = StandardScaler().fit(X_train)
    both = StandardScaler().fit(np.vstack([X_train, X_test]))
    return {
        "X_train": X_train, "X_test": X_test, "y_train": y_train, "y_test": y_test,
        "train_scaled": scaler.transform(X_train), "test_scaled": scaler.transform(X_test),
        "train_all": both.transform(X_train), "test_all": both.transform(X_test),
        "test_own": StandardScaler().fit_transform(X_test),
    }


def _same(a, b, atol=1e-4) -> bool:
    return a.shape == b.shape and np.allclose(a, b, atol=atol)


@book.exercise(
    stars=3,
    title="와인 품종 모델의 혼동 행렬",
    hint=(
        "1번은 3절의 `StandardScaler` 세 줄과 같습니다(fit은 `Xw_train`으로 한 번). 3번에서 모델의 출력은 "
        "샘플마다 확률 3개입니다: 그중 가장 큰 확률의 위치가 예측 품종입니다(NumPy에 그 위치를 찾는 함수가 "
        "있습니다). `confusion_matrix`에는 실제 품종을 먼저, 예측 품종을 다음에 넣습니다."
    ),
    solution=_WINE + _SCALED + _CM,
    mistakes={
        "unscaled": (
            "`wine_model`이 표준화하지 않은 원래 값으로 학습했습니다. 와인 특성은 크기가 제각각이라 "
            "(`proline`은 수백~천여) 큰 특성이 학습을 좌우합니다. 훈련 데이터로 fit한 scaler로 바꾼 값을 "
            "`train_wine_model`에 넣으세요.",
            _WINE
            + "Xw_train_scaled = Xw_train\nXw_test_scaled = Xw_test\n"
            "wine_model = train_wine_model(Xw_train, yw_train)\n" + _CM,
        ),
        "all_data": (
            "표준화의 평균과 표준편차를 훈련과 시험 데이터를 합친 전체에서 구했습니다. 시험 데이터의 정보가 "
            "전처리로 새어 들어가는 누출입니다 (3절). fit은 `Xw_train`으로만 하세요.",
            _WINE
            + "scaler = StandardScaler().fit(np.vstack([Xw_train, Xw_test]))\n"
            "Xw_train_scaled = scaler.transform(Xw_train)\n"
            "Xw_test_scaled = scaler.transform(Xw_test)\n"
            "wine_model = train_wine_model(Xw_train_scaled, yw_train)\n" + _CM,
        ),
        "own_scaler": (
            "시험 특성을 시험 데이터 자신의 평균과 표준편차로 표준화했습니다(`fit_transform(Xw_test)`). 시험 "
            "데이터는 아직 보지 못한 새 데이터라서, 훈련 데이터로 fit한 같은 scaler로 `transform`만 합니다.",
            _WINE
            + "scaler = StandardScaler()\n"
            "Xw_train_scaled = scaler.fit_transform(Xw_train)\n"
            "Xw_test_scaled = scaler.fit_transform(Xw_test)\n"
            "wine_model = train_wine_model(Xw_train_scaled, yw_train)\n" + _CM,
        ),
        "probabilities": (
            "`confusion_matrix`에 확률(샘플마다 3개)을 그대로 넣어서 오류가 났습니다(`continuous-multioutput`). "
            "혼동 행렬은 품종 번호끼리 셉니다: 확률 3개 중 가장 큰 것의 위치(`argmax(axis=1)`)가 예측 품종입니다.",
            _WINE + _SCALED + "q4_cm = confusion_matrix(yw_test, wine_model.predict(Xw_test_scaled, verbose=0))\n",
        ),
        "threshold": (
            "이진 분류처럼 `> 0.5`로 바꿔서, 샘플마다 참/거짓 3개가 되어 오류가 났습니다(`multilabel-indicator`). "
            "다중 분류에서는 확률 3개 중 가장 큰 것의 위치(`argmax(axis=1)`)가 예측 품종입니다.",
            _WINE + _SCALED
            + "q4_cm = confusion_matrix(yw_test, wine_model.predict(Xw_test_scaled, verbose=0) > 0.5)\n",
        ),
        "transposed": (
            "행과 열이 바뀌었습니다. `confusion_matrix(실제, 예측)` 순서로 넣어야 행이 실제 품종, 열이 예측 "
            "품종이 됩니다.",
            _WINE + _SCALED
            + "q4_cm = confusion_matrix(wine_model.predict(Xw_test_scaled, verbose=0).argmax(axis=1), yw_test)\n",
        ),
        "train_cm": (
            "훈련 데이터의 혼동 행렬입니다(건수의 합이 훈련 데이터 건수). 일반화 성능은 시험 데이터로 잽니다: "
            "`Xw_test_scaled`와 `yw_test`로 만드세요.",
            _WINE + _SCALED
            + "q4_cm = confusion_matrix(yw_train, wine_model.predict(Xw_train_scaled, verbose=0).argmax(axis=1))\n",
        ),
        "raw_test_input": (
            "표준화한 값으로 학습한 모델에 표준화하지 않은 시험 특성(`Xw_test`)을 넣어 예측했습니다. 예측할 때도 "
            "학습 때와 같은 변환을 거친 `Xw_test_scaled`를 넣어야 합니다.",
            _WINE + _SCALED
            + "q4_cm = confusion_matrix(yw_test, wine_model.predict(Xw_test, verbose=0).argmax(axis=1))\n",
        ),
    },
    rejects=[
        (
            _WINE
            + _SCALED.replace("train_wine_model(Xw_train_scaled, yw_train)", "train_wine_model(Xw_train, yw_train)")
            + _CM,
            "unscaled",
        ),
        _WINE + _SCALED
        + "q4_cm = confusion_matrix(yw_test, wine_model.predict(Xw_test_scaled, verbose=0).argmax(axis=0))\n",
        _WINE + _SCALED
        + "q4_cm = confusion_matrix(yw_test, wine_model.predict(Xw_test_scaled, verbose=0).argmax(axis=1), "
        "normalize='true')\n",
        _WINE + _SCALED + "q4_cm = confusion_matrix(yw_test, yw_test)\n",
        (
            _WINE + "Xw_train_scaled = StandardScaler().fit_transform(Xw_train)\n"
            "Xw_test_scaled = StandardScaler().fit_transform(Xw_test)\n"
            "wine_model = train_wine_model(Xw_train_scaled, yw_train)\n" + _CM,
            "own_scaler",
        ),
    ],
    accepts=[
        _WINE
        + "mean, std = Xw_train.mean(axis=0), Xw_train.std(axis=0)\n"
        "Xw_train_scaled = (Xw_train - mean) / std\n"
        "Xw_test_scaled = (Xw_test - mean) / std\n"
        "wine_model = train_wine_model(Xw_train_scaled, yw_train)\n"
        "pred = np.argmax(wine_model.predict(Xw_test_scaled, verbose=0), axis=1)\n"
        "q4_cm = np.zeros((3, 3), dtype=int)\n"
        "for actual, guess in zip(yw_test, pred):\n"
        "    q4_cm[actual, guess] += 1\n",
        _WINE + _SCALED
        + "import pandas as pd\n"
        "pred = wine_model.predict(Xw_test_scaled, verbose=0).argmax(axis=1)\n"
        "q4_cm = pd.crosstab(yw_test, pred)\n",
        _WINE + _SCALED
        + "from sklearn.metrics import ConfusionMatrixDisplay\n"
        "shown = ConfusionMatrixDisplay.from_predictions(yw_test, np.argmax(wine_model.predict(Xw_test_scaled, "
        "verbose=0), axis=1))\n"
        "q4_cm = shown.confusion_matrix\n",
    ],
)
def q4(ns):
    import keras

    raised = raised_in_answer_cell(ns, "q4") or ""
    if "continuous-multioutput" in raised:
        mistake("probabilities")
    if "multilabel-indicator" in raised:
        mistake("threshold")
    if raised and "NotFittedError" in raised:
        mistake(detail=f"답안 셀에서 오류가 났습니다: {raised}. `StandardScaler()`는 먼저 `.fit(Xw_train)`으로 "
                "훈련 데이터에서 배운 뒤에 `transform`할 수 있습니다.")
    if raised:
        answer(ns, "q4_cm")  # 답안 셀 오류를 그 줄과 함께 알려 준다
    train_scaled = need_array(answer(ns, "Xw_train_scaled"), "Xw_train_scaled", shape=(None, 13)).astype(float)
    test_scaled = need_array(answer(ns, "Xw_test_scaled"), "Xw_test_scaled", shape=(None, 13)).astype(float)
    model = answer(ns, "wine_model")
    if not isinstance(model, keras.Model):
        mistake(detail=f"`wine_model`에는 `train_wine_model(...)`이 돌려준 모델을 담으세요 (받은 것: "
                f"{type(model).__name__}).")
    cm_raw = answer(ns, "q4_cm")
    if isinstance(cm_raw, np.ndarray) and cm_raw.dtype.kind == "f" and cm_raw.shape == (3, 3):
        mistake(detail="`q4_cm`에 비율(실수)이 들어 있습니다. 혼동 행렬은 건수(정수)로 담으세요: "
                "`normalize`를 주지 마세요.")
    cm = need_array(cm_raw, "q4_cm", shape=(3, 3), kind="iu")

    wine = _wine()
    if _same(train_scaled, wine["X_train"]):
        mistake("unscaled")
    if _same(train_scaled, wine["train_all"]):
        mistake("all_data")
    if not _same(train_scaled, wine["train_scaled"]):
        mistake(detail="`Xw_train_scaled`가 `Xw_train`을 특성마다 훈련 데이터의 평균과 표준편차로 바꾼 값이 아닙니다.")
    if _same(test_scaled, wine["test_own"]):
        mistake("own_scaler")
    if _same(test_scaled, wine["X_test"]):
        mistake(detail="`Xw_test_scaled`가 표준화하지 않은 `Xw_test` 그대로입니다. 훈련 데이터로 fit한 scaler로 "
                "`transform`하세요.")
    if not _same(test_scaled, wine["test_scaled"]):
        mistake(detail="`Xw_test_scaled`가 `Xw_test`를 훈련 데이터의 평균과 표준편차로 바꾼 값이 아닙니다.")

    records = fits(model)
    if not records:
        mistake(detail="`wine_model`이 학습한 기록이 없습니다. `train_wine_model(표준화한 훈련 특성, yw_train)`이 "
                "돌려준 모델을 담으세요.")
    trained_on = records[-1]["x"]
    if trained_on == fingerprint(wine["X_train"]):
        mistake("unscaled")
    if trained_on not in (fingerprint(train_scaled), fingerprint(wine["train_scaled"])):
        mistake(detail=f"`wine_model`이 학습한 특성({records[-1]['n']}건)이 `Xw_train_scaled`가 아닙니다. "
                "`train_wine_model(Xw_train_scaled, yw_train)`으로 학습하세요.")

    y_test = wine["y_test"]
    pred = np.asarray(model.predict(test_scaled.astype("float32"), verbose=0)).argmax(axis=1)
    expected = np.zeros((3, 3), dtype=int)
    np.add.at(expected, (y_test, pred), 1)
    if np.array_equal(cm, expected):
        n, right = int(cm.sum()), int(np.trace(cm))
        wrong = [f"실제 {i} → 예측 {j}: {cm[i, j]}건" for i in range(3) for j in range(3) if i != j and cm[i, j]]
        detail = f" 틀린 칸: {', '.join(wrong)}." if wrong else " 틀린 칸이 없습니다."
        return (
            f"정답입니다. 시험 데이터 {n}건 중 {right}건을 맞혔습니다.{detail} 다중 분류의 예측은 확률 중 가장 큰 "
            "것의 위치(argmax)이고, 표준화는 훈련 데이터로 fit한 같은 변환을 시험 데이터에도 씁니다."
        )
    if int(cm.sum()) == len(wine["y_train"]):
        mistake("train_cm")
    if np.array_equal(cm, expected.T):
        mistake("transposed")
    raw_pred = np.asarray(model.predict(wine["X_test"], verbose=0)).argmax(axis=1)
    from_raw = np.zeros((3, 3), dtype=int)
    np.add.at(from_raw, (y_test, raw_pred), 1)
    if np.array_equal(cm, from_raw):
        mistake("raw_test_input")
    mistake(detail=f"`q4_cm`이 `wine_model`의 시험 데이터 예측으로 센 혼동 행렬과 다릅니다 (받은 것: "
            f"{cm.tolist()}, 행 = 실제 품종, 열 = 예측 품종).")
