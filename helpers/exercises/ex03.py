"""`03_compile`의 연습문제: 손실 함수와 평가 지표 고르기, 경사 하강법 한 걸음, 옛 compile 줄 고치기."""

from __future__ import annotations

import math
import re

import numpy as np

from .core import Book, NotAnswered, answer, mistake

book = Book("03_compile")

# --- 연습문제 1 ---------------------------------------------------------------

REGRESSION_LOSSES = {"mse", "mean_squared_error", "mae", "mean_absolute_error", "huber"}
REGRESSION_METRICS = {"mae", "mean_absolute_error", "mse", "mean_squared_error", "root_mean_squared_error"}
ACCURACY = {"accuracy", "acc"}
CROSSENTROPIES = {"binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"}


def _name(value) -> str:
    """문자열, Keras 손실/지표 객체, 함수를 비교할 수 있는 소문자 이름으로 바꾼다."""
    if isinstance(value, list | tuple) and len(value) == 1:
        value = value[0]
    if isinstance(value, list | tuple):
        return ", ".join(_name(v) for v in value)
    if isinstance(value, str):
        return value.strip().lower()
    if isinstance(value, dict) and "class_name" in value:  # get_compile_config()에 저장된 지표 객체
        return _snake(value["class_name"])
    if callable(value) and hasattr(value, "__name__"):
        return value.__name__.lower()
    return _snake(type(value).__name__)


def _snake(class_name: str) -> str:
    """MeanSquaredError → mean_squared_error"""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


def _metric_names(value) -> list[str]:
    """평가 지표 답안 하나 또는 여러 개(리스트)를 이름 목록으로."""
    values = value if isinstance(value, list | tuple) else [value]
    return [_name(v) for v in values] or ["(빈 목록)"]


@book.exercise(
    stars=1,
    title="새 문제에 맞는 손실 함수와 평가 지표 고르기",
    hint="""
        먼저 문제의 종류(회귀, 정수 정답의 다중 분류, 이진 분류)를 정하고, 2절 끝의 '정답의 모양' 표와 정리의 표에서
        손실 함수를 고르세요. 평가 지표는 회귀인지 분류인지만 보면 됩니다(4절).
    """,
    solution="""
        q1_price_loss = "mse"
        q1_price_metric = "mae"
        q1_iris_loss = "sparse_categorical_crossentropy"
        q1_iris_metric = "accuracy"
        q1_spam_loss = "binary_crossentropy"
        q1_spam_metric = "accuracy"
    """,
    mistakes={
        "accuracy_regression": (
            "(가) 아파트 가격은 회귀입니다. 회귀에 'accuracy'를 쓰면 Keras는 출력이 하나라서 BinaryAccuracy를 골라 "
            "예측을 0/1로 바꾼 뒤 정답과 같은지 세므로, 가격 같은 정답에서는 언제나 0입니다(4절). "
            "오차의 크기를 재는 'mae'를 쓰세요.",
            'q1_price_loss = "mse"\nq1_price_metric = "accuracy"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
        "rmse_string": (
            "(가) 문자열 'rmse'는 Keras가 모르는 이름이라 compile에서 오류가 납니다. RMSE는 "
            "keras.metrics.RootMeanSquaredError() 객체로 넘기고, 문자열로 쓰려면 'mae'를 쓰세요.",
            'q1_price_loss = "mse"\nq1_price_metric = "rmse"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
        "categorical_int": (
            "(나) 정답이 원-핫이 아니라 정수 0, 1, 2입니다. 정수 정답에 'categorical_crossentropy'를 쓰면 모양이 맞지 "
            "않아 오류가 납니다(2-4절). 정수 정답용 'sparse_categorical_crossentropy'를 쓰세요.",
            'q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
        "binary_multiclass": (
            "(나) 클래스가 셋인 다중 분류에 'binary_crossentropy'는 맞지 않습니다. 이진 분류(클래스 둘, sigmoid 출력 "
            "하나)용입니다. softmax 출력 셋과 정수 정답에는 'sparse_categorical_crossentropy'를 쓰세요.",
            'q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "binary_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
        "mse_classification": (
            "분류 문제에 회귀의 손실(mse, mae)을 골랐습니다. 분류 모델은 확률을 내므로 교차 엔트로피를 씁니다: "
            "(나)는 'sparse_categorical_crossentropy', (다)는 'binary_crossentropy'.",
            'q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "mse"\nq1_spam_metric = "accuracy"\n',
        ),
        "categorical_binary": (
            "(다) 출력이 sigmoid 하나뿐인 모델에 다중 분류용 손실을 골랐습니다. "
            "'categorical_crossentropy'는 출력 하나를 확률 1로 보아 손실이 언제나 0이 되고, "
            "'sparse_categorical_crossentropy'는 정답 1에서 오류가 납니다. "
            "이진 분류에는 'binary_crossentropy'를 쓰세요.",
            'q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "categorical_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
    },
)
def q1(ns):
    price_loss, price_metrics = _name(answer(ns, "q1_price_loss")), _metric_names(answer(ns, "q1_price_metric"))
    iris_loss, iris_metrics = _name(answer(ns, "q1_iris_loss")), _metric_names(answer(ns, "q1_iris_metric"))
    spam_loss, spam_metrics = _name(answer(ns, "q1_spam_loss")), _metric_names(answer(ns, "q1_spam_metric"))

    if price_loss in CROSSENTROPIES:
        mistake(detail=f"(가) 아파트 가격은 수치를 예측하는 회귀인데 손실이 {price_loss!r}입니다.")
    if price_loss not in REGRESSION_LOSSES:
        mistake(detail=f"(가) 손실 {price_loss!r}을(를) 다시 보세요. 회귀의 손실은 2-1절에 있습니다.")
    if any(m in ACCURACY or "accuracy" in m for m in price_metrics):
        mistake("accuracy_regression")
    if "rmse" in price_metrics:
        mistake("rmse_string")
    if not set(price_metrics) <= REGRESSION_METRICS:
        mistake(detail=f"(가) 평가 지표 {', '.join(price_metrics)!r}을(를) 다시 보세요. 회귀의 지표는 4절에 있습니다.")

    for loss in (iris_loss, spam_loss):
        if loss in REGRESSION_LOSSES:
            mistake("mse_classification")
    if iris_loss == "categorical_crossentropy":
        mistake("categorical_int")
    if iris_loss == "binary_crossentropy":
        mistake("binary_multiclass")
    if iris_loss != "sparse_categorical_crossentropy":
        mistake(detail=f"(나) 손실 {iris_loss!r}을(를) 다시 보세요.")
    if spam_loss in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        mistake("categorical_binary")
    if spam_loss != "binary_crossentropy":
        mistake(detail=f"(다) 손실 {spam_loss!r}을(를) 다시 보세요.")

    for label, metrics, variants in (("(나)", iris_metrics, {"sparse_categorical_accuracy"}),
                                     ("(다)", spam_metrics, {"binary_accuracy"})):
        if not set(metrics) <= ACCURACY | variants:
            mistake(detail=f"{label} 분류 문제의 평가 지표가 {', '.join(metrics)!r}입니다. "
                           "분류에서 가장 흔히 쓰는 지표를 떠올리세요.")
    return (
        "정답입니다. 손실은 문제의 종류와 정답의 모양으로, 평가 지표는 회귀인지 분류인지로 고릅니다. "
        "(나)와 (다)에 같은 'accuracy'를 써도 Keras가 모양을 보고 알맞은 정확도를 골라 줍니다."
    )


# --- 연습문제 2 ---------------------------------------------------------------

def _true_step(w, lr):
    return w - lr * 2 * (w + 2)


STEP_CASES = [(0.0, 0.1), (1.0, 0.5), (-5.0, 0.25), (3.0, 0.01)]
WRONG_STEPS = {
    "sign": lambda w, lr: w + lr * 2 * (w + 2),
    "no_learning_rate": lambda w, lr: w - 2 * (w + 2),
    "gradient": lambda w, lr: w - lr * (w + 2),
}


def _matches(func, reference) -> bool:
    return all(math.isclose(float(func(w, lr)), reference(w, lr), rel_tol=1e-6, abs_tol=1e-9) for w, lr in STEP_CASES)


def _repeat(step, times, w=0.0, lr=0.1):
    for _ in range(times):
        w = step(w, lr)
    return w


_Q2_LOOP = "\n\nq2_w3 = 0.0\nfor _ in range(3):\n    q2_w3 = q2_step(q2_w3, 0.1)\n"


@book.exercise(
    stars=2,
    title="경사 하강법 한 걸음 직접 구현하기",
    hint="""
        3-1절의 갱신 규칙 w ← w − η·∂L/∂w에 이 문제의 그레이디언트 2(w + 2)를 넣으세요. 세 걸음은 w = 0에서 시작해
        q2_step의 결과를 다시 q2_step에 넣기를 세 번 반복하면 됩니다.
    """,
    solution="""
        def q2_step(w, learning_rate):
            return w - learning_rate * 2 * (w + 2)


        q2_w3 = 0.0
        for _ in range(3):
            q2_w3 = q2_step(q2_w3, 0.1)
    """,
    mistakes={
        "sign": (
            "부호가 반대입니다. w + η·그레이디언트는 손실이 가장 빠르게 커지는 쪽으로 가서, 걸음마다 바닥(−2)에서 "
            "멀어집니다. 그레이디언트의 반대 방향, w − η·그레이디언트로 가세요.",
            "def q2_step(w, learning_rate):\n    return w + learning_rate * 2 * (w + 2)" + _Q2_LOOP,
        ),
        "no_learning_rate": (
            "학습률을 곱하지 않았습니다. 그레이디언트를 그대로 빼면 학습률 1과 같아서, 이 손실에서는 바닥(−2)의 "
            "반대편으로 같은 거리만큼 뛰어넘기만 하고 다가가지 못합니다(0 → −4 → 0 → ...). "
            "걸음은 학습률 × 그레이디언트입니다.",
            "def q2_step(w, learning_rate):\n    return w - 2 * (w + 2)" + _Q2_LOOP,
        ),
        "gradient": (
            "그레이디언트가 틀렸습니다. (w + 2)²를 w로 미분하면 (w + 2)가 아니라 2(w + 2)입니다.",
            "def q2_step(w, learning_rate):\n    return w - learning_rate * (w + 2)" + _Q2_LOOP,
        ),
        "steps": (
            "q2_step은 맞았는데 q2_w3이 세 걸음 뒤의 값이 아닙니다. w = 0.0에서 시작해 학습률 0.1로 q2_step을 세 번 "
            "반복했는지(한 번이나 두 번이 아니라), 반복할 때 앞 걸음의 결과를 다음 걸음에 넣었는지 보세요.",
            "def q2_step(w, learning_rate):\n    return w - learning_rate * 2 * (w + 2)\n\n\n"
            "q2_w3 = q2_step(0.0, 0.1)\n",
        ),
    },
)
def q2(ns):
    step = answer(ns, "q2_step")
    if not callable(step):
        mistake(detail="q2_step은 (w, learning_rate)를 받아 새 w를 돌려주는 함수여야 합니다.")
    if step(0.0, 0.1) is None:  # 본문이 아직 `...`
        raise NotAnswered("q2_step")
    for key, wrong in WRONG_STEPS.items():
        if _matches(step, wrong):
            mistake(key)
    if not _matches(step, _true_step):
        got = float(step(0.0, 0.1))
        mistake(detail=f"q2_step(0.0, 0.1)이 {got:.4g}를 돌려줍니다 (기대하는 값: −0.4).")
    w3 = float(answer(ns, "q2_w3"))
    if not math.isclose(w3, _repeat(_true_step, 3), abs_tol=1e-6):
        mistake("steps", detail=f"(받은 값: {w3:.4g})")
    return (
        "정답입니다. w는 0 → −0.4 → −0.72 → −0.976으로 바닥 −2에 다가갑니다. Keras의 SGD가 가중치마다 배치마다 "
        "하는 일이 바로 이 한 줄입니다."
    )


# --- 연습문제 3 ---------------------------------------------------------------

_Q3_DATA = 'q3_X_train, q3_X_test, q3_y_train, q3_y_test = helpers.train_test_data("diabetes")\n'
_Q3_BUILD = "q3_model = make_model(q3_X_train.shape[1], layers.Dense(1))\n"
_Q3_FIT = "q3_history = q3_model.fit(q3_X_train, q3_y_train, epochs=10, batch_size=8, verbose=0)\n"


def _q3_answer(optimizer: str, metrics: str) -> str:
    return (
        _Q3_BUILD
        + f'q3_model.compile(loss="mean_squared_error", optimizer={optimizer}, metrics={metrics})\n'
        + _Q3_FIT
    )


@book.exercise(
    stars=3,
    title="노트 스타일의 옛 compile 줄을 고쳐 회귀 모델 학습하기",
    hint="""
        3-4절에서 `Adam(lr=...)`이 무엇으로 바뀌었는지, 4절에서 회귀에 어떤 평가 지표를 쓰는지 보세요.
        옵티마이저는 문자열 'adam'이 아니라 학습률을 넘길 수 있는 객체로 만들어야 옛 줄의 학습률 0.01이 살아 있습니다.
    """,
    solution=_Q3_DATA
    + _Q3_BUILD
    + "q3_model.compile(\n"
    + '    loss="mean_squared_error", optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=["mae"]\n'
    + ")\n"
    + _Q3_FIT,
    mistakes={
        "accuracy": (
            "평가 지표에 아직 'accuracy'가 있습니다. 당뇨병 같은 회귀에서 accuracy는 언제나 0인 뜻 없는 숫자입니다"
            "(4절). metrics=['mae']로 바꾸세요.",
            _q3_answer("keras.optimizers.Adam(learning_rate=0.01)", '["accuracy"]'),
        ),
        "default_learning_rate": (
            "옵티마이저의 학습률이 0.001입니다. lr=0.01을 지우고 문자열 'adam'이나 Adam()으로 바꾸면 "
            "기본값 0.001이 되어 옛 줄의 뜻(학습률 0.01)이 사라지고, 10 에포크로는 손실이 충분히 줄지 않습니다. "
            "keras.optimizers.Adam(learning_rate=0.01)을 쓰세요.",
            _q3_answer('"adam"', '["mae"]'),
        ),
    },
)
def q3(ns):
    import keras

    from helpers import train_test_data

    model = answer(ns, "q3_model")
    history = answer(ns, "q3_history")
    if not isinstance(model, keras.Model):
        mistake(detail=f"q3_model은 Keras 모델이어야 합니다 (받은 것: {type(model).__name__}).")
    if not isinstance(history, keras.callbacks.History) or getattr(history, "model", None) is not model:
        mistake(detail="q3_history는 q3_model.fit(...)이 돌려준 값이어야 합니다.")
    if getattr(model, "optimizer", None) is None or model.loss is None:
        mistake(detail="q3_model을 compile하지 않은 것 같습니다.")

    metrics = [_name(m) for m in (model.get_compile_config().get("metrics") or [])]
    if any(m in ACCURACY or "accuracy" in m for m in metrics):
        mistake("accuracy")
    loss = _name(model.loss)
    if loss not in ("mse", "mean_squared_error"):
        mistake(detail=f"손실은 옛 줄 그대로 'mean_squared_error'로 두세요 (받은 것: {loss!r}).")
    if type(model.optimizer).__name__ != "Adam":
        mistake(detail=f"옵티마이저는 Adam으로 두세요 (받은 것: {type(model.optimizer).__name__}).")
    learning_rate = float(model.optimizer.learning_rate)
    if math.isclose(learning_rate, 0.001, rel_tol=1e-4):
        mistake("default_learning_rate")
    if not math.isclose(learning_rate, 0.01, rel_tol=1e-4):
        mistake(detail=f"학습률이 {learning_rate:g}입니다. 옛 줄의 lr=0.01과 같은 학습률을 쓰세요.")
    if not {"mae", "mean_absolute_error"} & set(history.history):
        mistake(detail="평가 지표로 'mae'를 넣고 compile한 뒤 다시 fit하세요.")
    if history.params.get("epochs") != 10:
        mistake(detail=f"fit의 epochs가 {history.params.get('epochs')}입니다. 문제대로 10으로 학습하세요.")

    _, X_test, y_train, y_test = train_test_data("diabetes")
    pred = np.asarray(model(X_test, training=False)).reshape(-1)
    model_mae = float(np.mean(np.abs(pred - y_test)))
    baseline_mae = float(np.mean(np.abs(np.mean(y_train) - y_test)))
    if not model_mae < baseline_mae:
        mistake(detail=f"시험 mae {model_mae:.1f}가 평균 예측 기준선 {baseline_mae:.1f}보다 작지 않습니다. "
                       "모델을 새로 만들어 처음부터 다시 학습해 보세요.")
    return (
        f"정답입니다. 시험 mae {model_mae:.1f} (평균 예측 기준선 {baseline_mae:.1f}). 옛 코드를 옮길 때는 "
        "오류가 나는 곳(lr=)만 고치지 말고, 회귀의 accuracy처럼 오류 없이 뜻 없는 숫자를 내는 곳도 고쳐야 합니다."
    )
