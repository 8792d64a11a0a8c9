"""`03_compile`의 연습문제: 손실 함수와 평가 지표 고르기, 경사 하강법 한 걸음, 옛 compile 줄을 새 데이터에 옮기기."""

from __future__ import annotations

import math
import re

import numpy as np

from .core import (
    Book,
    Mistake,
    answer,
    call_answer,
    fingerprint,
    fits,
    mistake,
    need_number,
    raised_in_answer_cell,
)

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
    if hasattr(value, "get_config"):  # 손실/지표 객체: 설정에 적힌 이름 (예: root_mean_squared_error)
        name = value.get_config().get("name")
        if isinstance(name, str):
            return name.lower()
    return _snake(type(value).__name__)


def _snake(class_name: str) -> str:
    """MeanSquaredError → mean_squared_error"""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


def _metric_names(value) -> list[str]:
    """평가 지표 답안 하나 또는 여러 개(리스트)를 이름 목록으로."""
    values = value if isinstance(value, list | tuple) else [value]
    return [_name(v) for v in values] or ["(빈 목록)"]


_Q1_REST = (
    'q1_iris_loss = "sparse_categorical_crossentropy"\nq1_iris_metric = "accuracy"\n'
    'q1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n'
)


@book.exercise(
    stars=1,
    title="새 문제에 맞는 손실 함수와 평가 지표 고르기",
    hint="""
        먼저 문제의 종류(회귀, 정수 레이블의 다중 분류, 이진 분류)를 정하고, 2-4절의 '타깃의 모양' 표와 정리의 표에서
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
            "예측을 0/1로 바꾼 뒤 타깃과 같은지 세므로, 가격 같은 타깃에서는 언제나 0입니다(4절). "
            "오차의 크기를 재는 'mae'를 쓰세요.",
            'q1_price_loss = "mse"\nq1_price_metric = "accuracy"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
        "rmse_string": (
            "(가) 문자열 'rmse'는 Keras가 모르는 지표 이름입니다. compile은 오류 없이 지나가지만, fit을 시작하면 "
            "`ValueError: Could not interpret metric identifier: rmse`가 납니다. 문자열로는 'mae'나 긴 이름 "
            "'root_mean_squared_error'를 쓰세요 (객체로는 keras.metrics.RootMeanSquaredError()).",
            'q1_price_loss = "mse"\nq1_price_metric = "rmse"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
        "categorical_int": (
            "(나) 타깃이 원-핫이 아니라 정수 레이블 0, 1, 2입니다. 정수 레이블에 'categorical_crossentropy'를 쓰면 "
            "모양이 맞지 않아 fit에서 오류가 납니다(2-4절). 정수 레이블용 'sparse_categorical_crossentropy'를 쓰세요.",
            'q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
        "binary_multiclass": (
            "(나) 클래스가 셋인 다중 분류에 'binary_crossentropy'는 맞지 않습니다. 이진 분류(클래스 둘, sigmoid 출력 "
            "하나)용입니다. softmax 출력 셋과 정수 레이블에는 'sparse_categorical_crossentropy'를 쓰세요.",
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
            "'sparse_categorical_crossentropy'는 레이블 1에서 오류가 납니다. "
            "이진 분류에는 'binary_crossentropy'를 쓰세요.",
            'q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
            'q1_iris_metric = "accuracy"\nq1_spam_loss = "categorical_crossentropy"\nq1_spam_metric = "accuracy"\n',
        ),
    },
    rejects=[
        # 학생 표: 철자를 틀린 손실 이름
        ('q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "sparse_categorical_crossentrophy"\n'
         'q1_iris_metric = "accuracy"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n', None),
        # 학생 표: 스팸에 mean_squared_error
        ('q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
         'q1_iris_metric = "accuracy"\nq1_spam_loss = "mean_squared_error"\nq1_spam_metric = "accuracy"\n',
         "mse_classification"),
        # 지표 목록에 accuracy를 함께 넣음
        ('q1_price_loss = "mse"\nq1_price_metric = ["mae", "accuracy"]\n' + _Q1_REST, "accuracy_regression"),
        # 분류에 회귀의 지표
        ('q1_price_loss = "mse"\nq1_price_metric = "mae"\nq1_iris_loss = "sparse_categorical_crossentropy"\n'
         'q1_iris_metric = "mae"\nq1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "accuracy"\n', None),
        # 회귀에 분류의 손실
        ('q1_price_loss = "binary_crossentropy"\nq1_price_metric = "mae"\n' + _Q1_REST, None),
    ],
    accepts=[
        # 긴 이름과 구체적인 정확도 이름
        'q1_price_loss = "mean_squared_error"\nq1_price_metric = "mean_absolute_error"\n'
        'q1_iris_loss = "sparse_categorical_crossentropy"\nq1_iris_metric = "sparse_categorical_accuracy"\n'
        'q1_spam_loss = "binary_crossentropy"\nq1_spam_metric = "binary_accuracy"\n',
        # RMSE의 긴 문자열 이름, 지표를 리스트로
        'q1_price_loss = "mse"\nq1_price_metric = ["root_mean_squared_error"]\n' + _Q1_REST,
        # mae 손실 + mse 지표 (회귀끼리 바꿔 써도 회귀의 손실과 지표)
        'q1_price_loss = "mae"\nq1_price_metric = "mse"\n' + _Q1_REST,
    ],
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
        "(나)와 (다)에 같은 'accuracy'를 써도 Keras가 출력과 타깃의 모양을 보고 알맞은 정확도를 골라 줍니다."
    )


# --- 연습문제 2 ---------------------------------------------------------------

def _true_step(w, lr):
    return w - lr * 2 * (w + 2)


STEP_CASES = [(0.0, 0.1), (1.0, 0.5), (-5.0, 0.25), (3.0, 0.01)]
WRONG_STEPS = {
    "sign": lambda w, lr: w + lr * 2 * (w + 2),
    "no_learning_rate": lambda w, lr: w - 2 * (w + 2),
    "gradient": lambda w, lr: w - lr * (w + 2),
    "lesson_gradient": lambda w, lr: w - lr * 2 * (w - 3),
    "returns_step": lambda w, lr: lr * 2 * (w + 2),
    "returns_gradient": lambda w, lr: 2 * (w + 2),
    "fixed_rate": lambda w, lr: w - 0.1 * 2 * (w + 2),
}


def _step_values(step, raised: str | None = None) -> list[float]:
    """학생의 q2_step을 여러 (w, 학습률)에서 부른 값. print만 하고 돌려주지 않으면 그 말을 한다."""
    values = []
    for w, lr in STEP_CASES:
        try:
            got = call_answer(step, w, lr, returns="한 걸음 뒤의 새 w")
        except Mistake as exc:
            if raised and "NoneType" in raised:
                exc.detail += (" 그래서 반복할 때 None을 다시 q2_step에 넣다가 답안 셀이 오류를 냈습니다"
                               f" ({raised.split(' (답안 셀')[0]}).")
            raise
        values.append(need_number(got, f"q2_step({w}, {lr})의 결과"))
    return values


def _matches(values, reference) -> bool:
    return all(math.isclose(v, reference(w, lr), rel_tol=1e-5, abs_tol=1e-6)
               for v, (w, lr) in zip(values, STEP_CASES, strict=True))


def _repeat(step, times, w=0.0, lr=0.1):
    for _ in range(times):
        w = step(w, lr)
    return w


_Q2_LOOP = "\n\nq2_w3 = 0.0\nfor _ in range(3):\n    q2_w3 = q2_step(q2_w3, 0.1)\n"
_Q2_RIGHT = "def q2_step(w, learning_rate):\n    return w - learning_rate * 2 * (w + 2)\n"


@book.exercise(
    stars=2,
    title="경사 하강법 한 걸음 직접 구현하기",
    hint="""
        3-1절의 갱신 규칙 w ← w − η·∂L/∂w에 이 문제의 그레이디언트 2(w + 2)를 넣고, 그 결과를 `return`하세요. 세 걸음은
        w = 0에서 시작해 q2_step의 결과를 다시 q2_step에 넣기를 세 번 반복하고, 마지막 w 하나만 q2_w3에 담으면 됩니다.
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
        "lesson_gradient": (
            "3-1절 손실 (w − 3)²의 그레이디언트 2(w − 3)를 그대로 썼습니다. 이 문제의 손실은 (w + 2)²이고 "
            "그레이디언트는 2(w + 2)입니다: 바닥이 3이 아니라 −2입니다.",
            "def q2_step(w, learning_rate):\n    return w - learning_rate * 2 * (w - 3)" + _Q2_LOOP,
        ),
        "returns_step": (
            "q2_step이 새 w가 아니라 한 걸음의 크기(학습률 × 그레이디언트)를 돌려줍니다. 지금 w에서 그만큼 뺀 값, "
            "w − η·그레이디언트를 돌려주세요.",
            "def q2_step(w, learning_rate):\n    return learning_rate * 2 * (w + 2)" + _Q2_LOOP,
        ),
        "fixed_rate": (
            "q2_step이 인수 `learning_rate`를 쓰지 않고 학습률 0.1을 박아 넣은 것 같습니다: 학습률을 바꿔 불러도 "
            "결과가 학습률 0.1일 때와 같습니다. 식 안에서 `learning_rate`를 쓰세요.",
            "def q2_step(w, learning_rate):\n    return w - 0.1 * 2 * (w + 2)" + _Q2_LOOP,
        ),
        "steps": (
            "q2_step은 맞았는데 q2_w3이 세 걸음 뒤의 값이 아닙니다. w = 0.0에서 시작해 학습률 0.1로 q2_step을 세 번 "
            "반복했는지(한 번이나 두 번이 아니라), 반복할 때 앞 걸음의 결과를 다음 걸음에 넣었는지 보세요.",
            _Q2_RIGHT + "\n\nq2_w3 = q2_step(0.0, 0.1)\n",
        ),
        "path_list": (
            "q2_w3에 지나간 w들을 모두 담은 목록이 들어 있습니다. 문제는 세 걸음 뒤의 w 하나를 묻습니다: 목록의 마지막 "
            "값(`path[-1]`)을 넣거나, 반복하면서 변수 하나를 갱신하세요.",
            _Q2_RIGHT + "\n\nq2_w3 = [0.0]\nfor _ in range(3):\n    q2_w3.append(q2_step(q2_w3[-1], 0.1))\n",
        ),
    },
    rejects=[
        # 학생 표: 새 w 대신 그레이디언트를 돌려줌
        ("def q2_step(w, learning_rate):\n    return 2 * (w + 2)" + _Q2_LOOP, None),
        # 학생 표: return 대신 print (힌트를 본 뒤에도)
        ("def q2_step(w, learning_rate):\n    print(w - learning_rate * 2 * (w + 2))" + _Q2_LOOP, None),
        # 두 걸음만
        (_Q2_RIGHT + "\n\nq2_w3 = q2_step(q2_step(0.0, 0.1), 0.1)\n", "steps"),
        # 세 걸음의 결과를 NumPy 배열로
        (_Q2_RIGHT + "\n\nimport numpy as np\n\nq2_w3 = np.array([q2_step(0.0, 0.1)] * 3)\n", None),
        # 두 걸음의 결과를 더함
        (_Q2_RIGHT + "\n\nq2_w3 = q2_step(0.0, 0.1) + q2_step(-0.4, 0.1)\n", None),
    ],
    accepts=[
        # 매개변수 이름 lr, 소수 다섯째 자리까지 반올림한 q2_w3
        "def q2_step(w, lr):\n    grad = 2 * (w + 2)\n    return w - lr * grad\n\n\n"
        "q2_w3 = round(q2_step(q2_step(q2_step(0, 0.1), 0.1), 0.1), 5)\n",
        # tf.GradientTape로 그레이디언트를 구함
        "import tensorflow as tf\n\n\ndef q2_step(w, learning_rate):\n    w = tf.Variable(float(w))\n"
        "    with tf.GradientTape() as tape:\n        loss = (w + 2) ** 2\n"
        "    return float(w - learning_rate * tape.gradient(loss, w))\n" + _Q2_LOOP,
        # functools.reduce
        "import functools\n\n\ndef q2_step(w, learning_rate):\n    return w - learning_rate * 2 * (w + 2)\n\n\n"
        "q2_w3 = functools.reduce(lambda w, _: q2_step(w, 0.1), range(3), 0.0)\n",
    ],
)
def q2(ns):
    raised = raised_in_answer_cell(ns, "q2")
    step = ns.get("q2_step") if raised else answer(ns, "q2_step")
    if raised and not callable(step):
        answer(ns, "q2_step")  # 답안 셀의 오류를 그대로 알려 준다
    values = _step_values(step, raised)
    for key, wrong in WRONG_STEPS.items():
        if _matches(values, wrong):
            mistake("returns_step" if key == "returns_gradient" else key,
                    detail="(그레이디언트 2(w + 2)를 그대로 돌려줍니다.)" if key == "returns_gradient" else "")
    if not _matches(values, _true_step):
        if len(set(values)) == 1:
            mistake(detail=f"q2_step이 w와 학습률이 달라져도 늘 {values[0]:.4g}를 돌려줍니다. 숫자를 박아 넣지 말고 "
                           "인수 w와 learning_rate로 계산하세요.")
        for value, (w, lr) in zip(values, STEP_CASES, strict=True):
            if not math.isclose(value, _true_step(w, lr), rel_tol=1e-5, abs_tol=1e-6):
                mistake(detail=f"q2_step({w}, {lr})이 {value:.4g}를 돌려줍니다 (기대하는 값: {_true_step(w, lr):.4g}).")
    w3 = answer(ns, "q2_w3")
    if isinstance(w3, list | tuple) or (isinstance(w3, np.ndarray) and w3.ndim > 0):
        if len(w3) >= 3 and math.isclose(float(np.ravel(w3)[-1]), _repeat(_true_step, 3), abs_tol=1e-5):
            mistake("path_list", detail=f"(받은 것: 값 {len(w3)}개짜리 {type(w3).__name__})")
        mistake(detail=f"q2_w3에는 숫자 하나를 넣으세요 (받은 것: 값 {len(w3)}개짜리 {type(w3).__name__}).")
    w3 = need_number(w3, "q2_w3")
    if not math.isclose(w3, _repeat(_true_step, 3), abs_tol=1e-5):
        mistake("steps", detail=f"(받은 값: {w3:.4g})")
    return (
        "정답입니다. w는 0 → −0.4 → −0.72 → −0.976으로 바닥 −2에 다가갑니다. Keras의 SGD가 가중치마다 배치마다 "
        "하는 일이 바로 이 한 줄입니다."
    )


# --- 연습문제 3 ---------------------------------------------------------------

def _digits():
    """문제의 손글씨 숫자 데이터 (답안 셀과 같은 방법으로 나눈다)."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    X, y = load_digits(return_X_y=True)
    return train_test_split(X / 16, y, test_size=0.2, random_state=42, stratify=y)


_Q3_DATA = """
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

q3_X, q3_y = load_digits(return_X_y=True)
q3_X_train, q3_X_test, q3_y_train, q3_y_test = train_test_split(
    q3_X / 16, q3_y, test_size=0.2, random_state=42, stratify=q3_y
)
keras.utils.set_random_seed(42)
q3_model = keras.Sequential(
    [keras.Input(shape=(64,)), layers.Dense(32, activation="relu"), layers.Dense(10, activation="softmax")]
)
"""
_Q3_FIT = "q3_history = q3_model.fit(q3_X_train, q3_y_train, epochs=10, batch_size=32, verbose=0)\n"


def _q3(loss: str = '"sparse_categorical_crossentropy"', optimizer: str = "keras.optimizers.Adam(learning_rate=0.01)",
        metrics: str = '["accuracy"]', fit: str = _Q3_FIT) -> str:
    return f"q3_model.compile(loss={loss}, optimizer={optimizer}, metrics={metrics})\n" + fit


def _loss_of(model) -> str:
    loss = getattr(model, "loss", None)
    if isinstance(loss, str):
        return loss.lower()
    if hasattr(loss, "get_config"):
        return str(loss.get_config().get("name", "")).lower()
    return _name(loss)


@book.exercise(
    stars=3,
    title="옛 블로그의 compile 줄을 손글씨 숫자 데이터에 옮기기",
    hint="""
        한 줄씩 실행해 보고 오류를 읽으세요. 첫 오류는 옵티마이저 객체를 만드는 인수의 이름 때문입니다(3-3절). 그것을
        고치면 fit에서 다음 오류가 납니다: 타깃 `q3_y_train`의 모양과 손실 함수가 기대하는 타깃의 모양을 2-4절의 표와
        비교해 보세요. 학습률 0.01은 살려야 하므로 문자열 'adam'으로 바꾸면 안 됩니다.
    """,
    solution=_Q3_DATA
    + "q3_model.compile(\n"
    + '    loss="sparse_categorical_crossentropy",  # 타깃이 정수 레이블 0~9\n'
    + "    optimizer=keras.optimizers.Adam(learning_rate=0.01),  # lr= 대신 learning_rate=\n"
    + '    metrics=["accuracy"],\n'
    + ")\n"
    + _Q3_FIT,
    mistakes={
        "adam_lr": (
            "답안 셀이 `Adam(lr=...)`에서 오류를 냈습니다: `ValueError: Argument(s) not recognized: {'lr': ...}`. "
            "Keras 3은 학습률 인수의 옛 이름 `lr`을 모릅니다(3-3절). `keras.optimizers.Adam(learning_rate=0.01)`로 "
            "바꾸고 답안 셀을 다시 실행하세요.",
            _q3(optimizer="keras.optimizers.Adam(lr=0.01)"),
        ),
        "adam_name": (
            "답안 셀이 `NameError: name 'Adam' is not defined`를 냈습니다. 옛 코드의 `Adam`은 어디서 "
            "불러왔는지(import)가 빠져 있습니다. 이 노트북처럼 `keras.optimizers.Adam(...)`으로 쓰거나 "
            "`from keras.optimizers import Adam`을 먼저 실행하세요 (학습률 인수의 이름도 확인하세요).",
            _q3(optimizer="Adam(learning_rate=0.01)"),
        ),
        "categorical_int": (
            "답안 셀의 fit이 모양 오류를 냈습니다. `categorical_crossentropy`는 원-핫 타깃(모양 (샘플 수, 10))을 "
            "받는데 `q3_y_train`은 정수 레이블(모양 (샘플 수,))입니다(2-4절). 손실을 정수 레이블용으로 바꾸거나, "
            "타깃을 `keras.utils.to_categorical`로 원-핫으로 바꾸세요.",
            _q3(loss='"categorical_crossentropy"'),
        ),
        "default_learning_rate": (
            "옵티마이저의 학습률이 0.001입니다. `lr=0.01`을 지우고 문자열 'adam'이나 `Adam()`으로 바꾸면 "
            "기본값 0.001이 되어 옛 코드의 뜻(학습률 0.01)이 사라집니다. "
            "`keras.optimizers.Adam(learning_rate=0.01)`을 쓰세요.",
            _q3(optimizer='"adam"'),
        ),
        "test_data": (
            "시험 데이터 `q3_X_test`로 학습(`fit`)했습니다. 채점이 정확도를 재는 데이터로 학습하면 그 정확도는 새 "
            "데이터에서의 성능을 말해 주지 못합니다. 모델을 새로 만들어(답안 셀을 처음부터 실행) `q3_X_train`, "
            "`q3_y_train`으로만 학습하세요.",
            _q3(fit="q3_history = q3_model.fit(q3_X_test, q3_y_test, epochs=10, batch_size=32, verbose=0)\n"),
        ),
        "not_trained": (
            "q3_model로 fit한 기록이 없습니다. compile 다음에 "
            "`q3_history = q3_model.fit(q3_X_train, q3_y_train, ...)`을 실행하세요.",
            _q3(fit="q3_history = q3_model\n"),
        ),
    },
    rejects=[
        # 학생 표: 정확도 지표를 빼먹음
        (_q3(metrics="[]"), None),
        # 학생 표: epochs=1
        (_q3(fit="q3_history = q3_model.fit(q3_X_train, q3_y_train, epochs=1, batch_size=32, verbose=0)\n"), None),
        # 옵티마이저를 SGD로
        (_q3(optimizer="keras.optimizers.SGD(learning_rate=0.01)"), None),
        # 손실을 회귀의 mse로
        (_q3(loss='"mse"'), None),
        # 옛 코드 그대로 (Adam을 불러오지 않음, lr=)
        ("from keras.optimizers import Adam\n\n" + _q3(loss='"categorical_crossentropy"', optimizer="Adam(lr=0.01)"),
         "adam_lr"),
        # 학습률을 0.1로
        (_q3(optimizer="keras.optimizers.Adam(learning_rate=0.1)"), None),
    ],
    accepts=[
        # 원-핫 타깃 + categorical_crossentropy (옛 손실을 살리는 방법)
        _q3(loss='"categorical_crossentropy"',
            fit="q3_history = q3_model.fit(q3_X_train, keras.utils.to_categorical(q3_y_train, 10), epochs=10, "
                "batch_size=32, verbose=0)\n"),
        # Adam을 불러와 위치 인수로, 손실 객체, 구체적인 정확도 이름
        "from keras.optimizers import Adam\n\n"
        + _q3(loss="keras.losses.SparseCategoricalCrossentropy()", optimizer="Adam(0.01)",
              metrics='["sparse_categorical_accuracy"]'),
        # fit의 반환값 대신 model.history
        _q3(fit="q3_model.fit(q3_X_train, q3_y_train, epochs=10, batch_size=32, verbose=2)\n"
                "q3_history = q3_model.history\n"),
    ],
)
def q3(ns):
    import keras

    raised = raised_in_answer_cell(ns, "q3")
    if raised:
        if "not recognized" in raised and "'lr'" in raised:
            mistake("adam_lr")
        if "NameError" in raised and "'Adam'" in raised:
            mistake("adam_name")
        model = ns.get("q3_model")
        shape_error = "shape" in raised or "rank" in raised
        if shape_error and isinstance(model, keras.Model) and _loss_of(model) == "categorical_crossentropy":
            mistake("categorical_int")
        if "shape" in raised.lower() and isinstance(model, keras.Model) and getattr(model, "loss", None) is not None:
            loss = _loss_of(model)
            if loss not in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
                mistake(detail=f"답안 셀의 fit이 모양 오류를 냈습니다: 손실 {loss!r}은(는) 숫자 10개 중 하나를 고르는 "
                               "다중 분류의 손실이 아닙니다. 2절의 표에서 정수 레이블에 맞는 손실을 고르세요.")
    model = answer(ns, "q3_model")
    history = answer(ns, "q3_history")
    if not isinstance(model, keras.Model):
        mistake(detail=f"q3_model은 Keras 모델이어야 합니다 (받은 것: {type(model).__name__}).")
    if getattr(model, "optimizer", None) is None or getattr(model, "loss", None) is None:
        mistake(detail="q3_model을 compile하지 않은 것 같습니다: "
                       "`q3_model.compile(loss=..., optimizer=..., metrics=...)`.")
    records = fits(model)
    if not records:
        mistake("not_trained")
    _, X_test, _, y_test = _digits()
    test_prints = {fingerprint(X_test)} | ({fingerprint(ns["q3_X_test"])} if "q3_X_test" in ns else set())
    if any(record["x"] in test_prints for record in records):
        mistake("test_data")
    if not isinstance(history, keras.callbacks.History):
        mistake(detail=f"q3_history는 q3_model.fit(...)이 돌려준 값이어야 합니다 (받은 것: {type(history).__name__}).")

    loss = _loss_of(model)
    if loss not in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        mistake(detail=f"손실 함수가 {loss!r}입니다. 숫자 0~9 중 하나를 고르는 문제에 맞는 손실은 2절의 표에 있습니다.")
    if not isinstance(model.optimizer, keras.optimizers.Adam):
        optimizer = model.optimizer.get_config().get("name", "Adam이 아닌 것")
        mistake(detail=f"옵티마이저가 {optimizer}입니다. 옛 코드의 뜻대로 Adam을 쓰세요.")
    learning_rate = float(model.optimizer.learning_rate)
    if math.isclose(learning_rate, 0.001, rel_tol=1e-4):
        mistake("default_learning_rate")
    if not math.isclose(learning_rate, 0.01, rel_tol=1e-4):
        mistake(detail=f"학습률이 {learning_rate:g}입니다. 옛 코드의 lr=0.01과 같은 학습률을 쓰세요.")
    metrics = [_name(m) for m in (model.get_compile_config().get("metrics") or [])]
    if not any("accuracy" in m or m == "acc" for m in metrics):
        mistake(detail="옛 코드의 `metrics=['accuracy']`가 빠졌습니다. 정확도도 기록하도록 compile에 넣으세요.")
    last = records[-1]
    if last.get("epochs") != 10 or last.get("batch_size") != 32:
        mistake(detail=f"fit의 설정이 epochs={last.get('epochs')}, batch_size={last.get('batch_size')}입니다. "
                       "옛 코드대로 epochs=10, batch_size=32로 학습하세요.")

    accuracy = float(np.mean(np.asarray(model.predict(X_test, verbose=0)).argmax(axis=1) == y_test))
    if accuracy < 0.95:
        mistake(detail=f"설정은 맞지만 시험 정확도가 {accuracy:.3f}입니다 (목표 0.95 이상). 가능한 원인: 모델을 새로 "
                       "만들지 않고 여러 번 fit함, 데이터 줄을 바꿈. 답안 셀을 처음부터 다시 실행해 보세요.")
    return (
        f"정답입니다. 시험 정확도 {accuracy:.3f} (숫자 10개). 옛 코드를 옮길 때는 오류가 나는 곳(`lr=`, 정수 레이블과 "
        "categorical_crossentropy)을 하나씩 고치되, 옛 코드가 뜻하던 설정(학습률 0.01)은 그대로 살려야 합니다."
    )
