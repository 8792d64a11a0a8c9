"""`06_evaluate`의 연습문제: 시험 데이터로 평가하기, 누출 없는 표준화, 회귀의 기준선."""

from __future__ import annotations

import math

import numpy as np

from .core import Book, answer, call_answer, lesson, mistake

book = Book("06_evaluate")


def _close(a: float, b: float, tol: float = 1e-4) -> bool:
    return math.isclose(float(a), float(b), rel_tol=tol, abs_tol=1e-6)



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
            "훈련 데이터(`X_train`, `y_train`)로 평가했습니다. 모델이 정답을 보고 맞춘 데이터의 점수라서 "
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
    },
)
def q1(ns):
    value = answer(ns, "q1_test_acc")
    if isinstance(value, dict | list | tuple) or np.ndim(value) > 0:
        mistake("whole_result")
    model, X_train, y_train, X_test, y_test = lesson(ns, "model", "X_train", "y_train", "X_test", "y_test")
    test = model.evaluate(X_test, y_test, verbose=0, return_dict=True)
    if _close(value, test["accuracy"]):
        return (
            f"정답입니다 (시험 정확도 {float(value):.4f}). 모델이 한 번도 보지 못한 {len(y_test)}건에서 잰 점수라서, "
            "훈련 정확도와 달리 일반화 성능을 정직하게 보여 줍니다."
        )
    train = model.evaluate(X_train, y_train, verbose=0, return_dict=True)
    if _close(value, train["accuracy"]):
        mistake("train")
    if _close(value, test["loss"]) or _close(value, train["loss"]):
        mistake("loss")
    mistake(detail=f"받은 값 {float(value):.4f}는 `model`의 시험 정확도가 아닙니다.")


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
            "훈련 데이터와 같은 변환(④)을 거쳐야 합니다.",
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
    },
)
def q2(ns):
    function = answer(ns, "q2_scale")
    returned = call_answer(function, _XTR.copy(), _XTE.copy(), returns="`(훈련 배열, 시험 배열)` 두 배열")
    if not isinstance(returned, tuple | list) or len(returned) != 2:
        mistake(detail="`(표준화한 훈련 배열, 표준화한 시험 배열)` 두 개를 튜플로 돌려주세요.")
    got_train, got_test = (np.asarray(part, dtype=float) for part in returned)
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
    std1 = _XTR.std(axis=0, ddof=1)
    if np.allclose(got_train, _standardize(_XTR, mean, std1), atol=1e-5):
        mistake("ddof")
    mistake(detail="표준화한 훈련 데이터는 특성마다 평균 0, 표준편차 1이어야 합니다.")


# --------------------------------------------------------------------------- 3. 회귀의 기준선


@book.exercise(
    stars=3,
    title="회귀의 기준선 만들기",
    hint=(
        "기준선이 훈련 데이터에서 배우는 것은 숫자 하나(타깃의 평균)뿐입니다. 그 숫자를 시험 데이터의 "
        "샘플 수만큼 늘어놓고(`np.full`), 시험 데이터의 정답과 비교해 RMSE를 계산하세요."
    ),
    solution="""
        Xd_train, Xd_test, yd_train, yd_test = helpers.train_test_data("diabetes")
        q3_pred = np.full(len(yd_test), yd_train.mean())
        q3_rmse = float(np.sqrt(np.mean((yd_test - q3_pred) ** 2)))
    """,
    mistakes={
        "test_mean": (
            "시험 데이터 타깃의 평균으로 예측했습니다. 기준선도 모델이므로 시험 데이터의 정답을 미리 볼 수 "
            "없습니다. 평균은 훈련 데이터의 타깃에서 구하세요.",
            'Xd_train, Xd_test, yd_train, yd_test = helpers.train_test_data("diabetes")\n'
            "q3_pred = np.full(len(yd_test), yd_test.mean())\n"
            "q3_rmse = float(np.sqrt(np.mean((yd_test - q3_pred) ** 2)))\n",
        ),
        "train_data": (
            "훈련 데이터에서 평가했습니다. 예측은 시험 데이터의 샘플마다 하나씩(길이 = 시험 데이터 건수) 만들고, "
            "RMSE도 시험 데이터의 정답과 비교해 계산합니다.",
            'Xd_train, Xd_test, yd_train, yd_test = helpers.train_test_data("diabetes")\n'
            "q3_pred = np.full(len(yd_train), yd_train.mean())\n"
            "q3_rmse = float(np.sqrt(np.mean((yd_train - q3_pred) ** 2)))\n",
        ),
        "accuracy": (
            "정확도(맞힌 비율)를 계산했습니다. 회귀에서는 예측이 정답과 딱 같은 경우가 거의 없어서 정확도는 "
            "의미가 없습니다 (`03_compile`). 오차의 크기를 재는 RMSE를 쓰세요.",
            'Xd_train, Xd_test, yd_train, yd_test = helpers.train_test_data("diabetes")\n'
            "q3_pred = np.full(len(yd_test), yd_train.mean())\n"
            "q3_rmse = float(np.mean(yd_test == q3_pred))\n",
        ),
        "mse": (
            "제곱 오차의 평균(MSE)에서 멈췄습니다. RMSE는 그 제곱근입니다 (`np.sqrt`). 제곱근을 씌워야 "
            "타깃과 같은 단위가 되어 '평균적으로 얼마나 빗나가는지'로 읽을 수 있습니다.",
            'Xd_train, Xd_test, yd_train, yd_test = helpers.train_test_data("diabetes")\n'
            "q3_pred = np.full(len(yd_test), yd_train.mean())\n"
            "q3_rmse = float(np.mean((yd_test - q3_pred) ** 2))\n",
        ),
    },
)
def q3(ns):
    pred = np.asarray(answer(ns, "q3_pred"), dtype=float).ravel()
    rmse = answer(ns, "q3_rmse")
    if np.ndim(rmse) > 0:
        mistake(detail="`q3_rmse`는 숫자 하나(float)여야 합니다.")
    rmse = float(rmse)

    from ..data import train_test_data

    _, _, y_train, y_test = train_test_data("diabetes")
    y_train, y_test = y_train.astype(float), y_test.astype(float)
    train_mean = y_train.mean()
    if len(pred) == len(y_train) != len(y_test):
        mistake("train_data")
    if len(pred) != len(y_test):
        mistake(detail=f"`q3_pred`의 길이가 {len(pred)}입니다. 시험 데이터 건수({len(y_test)})와 같아야 합니다.")
    if np.allclose(pred, y_test.mean()) and not np.allclose(pred, train_mean):
        mistake("test_mean")
    if not np.allclose(pred, train_mean):
        mistake(detail="평균 예측은 모든 샘플에 같은 숫자 하나(훈련 타깃의 평균)를 답합니다.")
    expected = float(np.sqrt(np.mean((y_test - train_mean) ** 2)))
    if _close(rmse, expected):
        return (
            f"정답입니다. 평균 예측의 시험 RMSE는 {expected:.2f}입니다. 회귀 모델의 RMSE가 이보다 낮지 않으면 "
            "특성에서 아무것도 배우지 못한 것입니다."
        )
    if 0.0 <= rmse <= 1.0:
        mistake("accuracy")
    if _close(rmse, expected**2):
        mistake("mse")
    if _close(rmse, float(y_train.std())):
        mistake("train_data")
    mistake(detail=f"받은 RMSE {rmse:.4f}가 `q3_pred`로 계산한 값과 다릅니다.")
