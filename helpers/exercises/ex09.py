"""`09_loss_selection`의 연습문제: 과제에 맞는 마지막 층과 손실, 다중 레이블 모델, 로짓을 내는 모델."""

from __future__ import annotations

import numpy as np

from .core import Book, answer, lesson, mistake

book = Book("09_loss_selection")

_ACTIVATIONS = {"linear", "sigmoid", "softmax", "relu", "tanh"}
_LOSS_ALIASES = {
    "mean_squared_error": "mse",
    "mse": "mse",
    "binary_crossentropy": "binary_crossentropy",
    "categorical_crossentropy": "categorical_crossentropy",
    "sparse_categorical_crossentropy": "sparse_categorical_crossentropy",
    "mae": "mae",
    "mean_absolute_error": "mae",
}



# --------------------------------------------------------------------------- 1. 과제마다 고르기

_TASKS = {
    "사진 태그": ("sigmoid", "binary_crossentropy"),
    "손글씨 숫자": ("softmax", "categorical_crossentropy"),
    "대출 연체": ("sigmoid", "binary_crossentropy"),
    "집값": ("linear", "mse"),
}


def _normalize_choice(value):
    if not isinstance(value, tuple | list) or len(value) != 2:
        mistake(detail="과제마다 `(활성화 함수, 손실 함수)` 두 문자열의 튜플을 적으세요.")
    activation, loss = value
    activation = "linear" if activation is None else str(activation).strip().lower()
    loss = str(loss).strip().lower()
    return activation, _LOSS_ALIASES.get(loss, loss)


@book.exercise(
    stars=1,
    title="과제에 맞는 마지막 층과 손실 고르기",
    hint=(
        "과제마다 '답이 하나뿐인가, 여러 개일 수 있는가, 수치인가'를 먼저 정하세요. 2절의 고친 표에서 "
        "그 행을 찾으면 활성화 함수와 손실 함수가 함께 나옵니다."
    ),
    solution="""
        q1_choices = {
            "사진 태그": ("sigmoid", "binary_crossentropy"),
            "손글씨 숫자": ("softmax", "categorical_crossentropy"),
            "대출 연체": ("sigmoid", "binary_crossentropy"),
            "집값": ("linear", "mse"),
        }
    """,
    mistakes={
        "softmax_multilabel": (
            "'사진 태그'에 softmax를 골랐습니다. 태그가 여러 개 동시에 붙을 수 있는 다중 레이블 분류인데, softmax는 "
            "확률의 합을 1로 만들어 0.5를 넘는 태그가 많아야 하나입니다 (5절). 태그마다 따로 확률을 내는 sigmoid와 "
            "binary_crossentropy를 쓰세요.",
            'q1_choices = {"사진 태그": ("softmax", "categorical_crossentropy"), '
            '"손글씨 숫자": ("softmax", "categorical_crossentropy"), '
            '"대출 연체": ("sigmoid", "binary_crossentropy"), "집값": ("linear", "mse")}\n',
        ),
        "sigmoid_multiclass": (
            "'손글씨 숫자'에 sigmoid를 골랐습니다. 답이 정확히 하나인 다중 분류에서는 열 개의 확률이 서로 경쟁해 "
            "합이 1이 되어야 하므로 softmax를 씁니다. sigmoid는 숫자마다 따로 '맞다/아니다'를 답합니다.",
            'q1_choices = {"사진 태그": ("sigmoid", "binary_crossentropy"), '
            '"손글씨 숫자": ("sigmoid", "categorical_crossentropy"), '
            '"대출 연체": ("sigmoid", "binary_crossentropy"), "집값": ("linear", "mse")}\n',
        ),
        "sparse_onehot": (
            "'손글씨 숫자'의 정답은 원-핫 벡터인데 sparse_categorical_crossentropy를 골랐습니다. sparse는 정답이 "
            "정수 레이블(0~9)일 때 씁니다. 원-핫 정답에는 categorical_crossentropy입니다 (4절).",
            'q1_choices = {"사진 태그": ("sigmoid", "binary_crossentropy"), '
            '"손글씨 숫자": ("softmax", "sparse_categorical_crossentropy"), '
            '"대출 연체": ("sigmoid", "binary_crossentropy"), "집값": ("linear", "mse")}\n',
        ),
        "softmax_binary": (
            "'대출 연체'에 softmax를 골랐습니다. 노드가 하나인 층에 softmax를 씌우면 출력이 언제나 1입니다 "
            "(`02_output_layer`). 노드 하나로 '1일 확률'을 내는 sigmoid를 쓰세요.",
            'q1_choices = {"사진 태그": ("sigmoid", "binary_crossentropy"), '
            '"손글씨 숫자": ("softmax", "categorical_crossentropy"), '
            '"대출 연체": ("softmax", "binary_crossentropy"), "집값": ("linear", "mse")}\n',
        ),
        "regression_activation": (
            "'집값'의 마지막 층에 활성화 함수를 넣었습니다. sigmoid는 0~1, relu는 0 이상만 낼 수 있어서 "
            "표준화한 집값(음수 포함)을 따라가지 못합니다. 임의 값 회귀의 마지막 층은 활성화 없이(`linear`) 둡니다.",
            'q1_choices = {"사진 태그": ("sigmoid", "binary_crossentropy"), '
            '"손글씨 숫자": ("softmax", "categorical_crossentropy"), '
            '"대출 연체": ("sigmoid", "binary_crossentropy"), "집값": ("relu", "mse")}\n',
        ),
        "typo": (
            "Keras에 없는 활성화 함수 이름이 있습니다 (노트 3)의 `simoid`처럼). 이름은 문자열로 정확히 씁니다: "
            "`\"sigmoid\"`, `\"softmax\"`, `\"linear\"` ...",
            'q1_choices = {"사진 태그": ("simoid", "binary_crossentropy"), '
            '"손글씨 숫자": ("softmax", "categorical_crossentropy"), '
            '"대출 연체": ("sigmoid", "binary_crossentropy"), "집값": ("linear", "mse")}\n',
        ),
    },
)
def q1(ns):
    choices = answer(ns, "q1_choices")
    if not isinstance(choices, dict) or set(choices) != set(_TASKS):
        mistake(detail=f"`q1_choices`는 {', '.join(_TASKS)} 네 키를 가진 딕셔너리여야 합니다.")
    got = {task: _normalize_choice(value) for task, value in choices.items()}
    if any(activation not in _ACTIVATIONS for activation, _ in got.values()):
        mistake("typo")
    if got["사진 태그"][0] == "softmax":
        mistake("softmax_multilabel")
    if got["손글씨 숫자"][0] == "sigmoid":
        mistake("sigmoid_multiclass")
    if got["대출 연체"][0] == "softmax":
        mistake("softmax_binary")
    if got["집값"][0] != "linear":
        mistake("regression_activation")
    if got["손글씨 숫자"][1] == "sparse_categorical_crossentropy":
        mistake("sparse_onehot")
    wrong = [task for task, expected in _TASKS.items() if got[task] != expected]
    if wrong:
        mistake(detail=f"다시 볼 과제: {', '.join(wrong)}. 활성화 함수와 손실 함수가 서로 짝이 맞는지도 보세요.")
    return (
        "정답입니다. 마지막 층과 손실은 모델의 크기가 아니라 '답이 어떤 모양인가'가 정합니다: "
        "하나만(softmax), 여럿 동시에(sigmoid 여러 개), 예/아니오(sigmoid 하나), 수치(활성화 없음)."
    )


# --------------------------------------------------------------------------- 공통: 모델 살펴보기


def _last_dense(model):
    import keras

    if not isinstance(model, keras.Model):
        mistake(detail="Keras 모델(`keras.Sequential([...])`)을 담으세요.")
    last = model.layers[-1] if model.layers else None
    if last is None or not hasattr(last, "units"):
        mistake(detail="모델의 마지막 층이 `Dense`여야 합니다.")
    return last


def _activation_name(layer) -> str:
    return getattr(layer.activation, "__name__", str(layer.activation))


def _loss_info(model):
    """compile에 준 손실의 (이름, from_logits). compile하지 않았으면 (None, False)."""
    loss = getattr(model, "loss", None)
    if loss is None:
        return None, False
    if isinstance(loss, str):
        return _LOSS_ALIASES.get(loss, loss), False
    config = loss.get_config() if hasattr(loss, "get_config") else {}
    name = config.get("name") or getattr(loss, "__name__", type(loss).__name__)
    return _LOSS_ALIASES.get(name, name), bool(config.get("from_logits", False))


def _trained(model) -> bool:
    optimizer = getattr(model, "optimizer", None)
    return optimizer is not None and int(optimizer.iterations.numpy()) > 0


# --------------------------------------------------------------------------- 2. 다중 레이블 모델


@book.exercise(
    stars=2,
    title="다중 레이블 모델 만들고 학습하기",
    hint=(
        "레이블 4개가 동시에 붙을 수 있으니 '레이블마다 따로 붙었나?'를 묻는 이진 분류 4개입니다. "
        "마지막 층의 노드 수, 활성화 함수, 손실 함수를 5절에서 찾아보세요. compile한 뒤 fit까지 해야 합니다."
    ),
    solution="""
        keras.utils.set_random_seed(42)
        q2_model = mlp(12, layers.Dense(4, activation="sigmoid"))
        q2_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
        q2_model.fit(Xm_train, ym_train, epochs=10, batch_size=64, verbose=0)
    """,
    mistakes={
        "softmax": (
            "마지막 층에 softmax를 썼습니다. softmax는 네 레이블의 확률을 합이 1이 되게 나눠 가져서, 레이블이 "
            "둘 이상 붙은 행을 맞힐 수 없습니다. 레이블마다 독립된 확률을 내는 sigmoid를 쓰세요.",
            "q2_model = mlp(12, layers.Dense(4, activation=\"softmax\"))\n"
            "q2_model.compile(optimizer=\"adam\", loss=\"categorical_crossentropy\")\n",
        ),
        "categorical_loss": (
            "마지막 층은 sigmoid인데 손실이 categorical_crossentropy입니다. 이 손실은 '정답 클래스가 하나'라고 "
            "가정합니다. 레이블마다 따로 계산하는 binary_crossentropy를 쓰세요.",
            "q2_model = mlp(12, layers.Dense(4, activation=\"sigmoid\"))\n"
            "q2_model.compile(optimizer=\"adam\", loss=\"categorical_crossentropy\")\n",
        ),
        "units": (
            "마지막 층의 노드 수가 레이블 수(4)와 다릅니다. 레이블마다 확률 하나씩, 노드 4개가 필요합니다.",
            "q2_model = mlp(12, layers.Dense(1, activation=\"sigmoid\"))\n"
            "q2_model.compile(optimizer=\"adam\", loss=\"binary_crossentropy\")\n",
        ),
        "not_trained": (
            "모델을 만들고 compile했지만 아직 학습하지 않았습니다. `q2_model.fit(Xm_train, ym_train, ...)`으로 "
            "학습한 뒤 다시 채점하세요.",
            "q2_model = mlp(12, layers.Dense(4, activation=\"sigmoid\"))\n"
            "q2_model.compile(optimizer=\"adam\", loss=\"binary_crossentropy\")\n",
        ),
    },
)
def q2(ns):
    model = answer(ns, "q2_model")
    last = _last_dense(model)
    activation = _activation_name(last)
    loss, from_logits = _loss_info(model)
    if activation == "softmax":
        mistake("softmax")
    if last.units != 4:
        mistake("units")
    if loss is None:
        mistake(detail="모델을 compile하지 않았습니다. `q2_model.compile(optimizer=..., loss=...)`을 실행하세요.")
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        mistake("categorical_loss")
    if activation != "sigmoid" and not (activation == "linear" and from_logits):
        mistake(detail=f"마지막 층의 활성화 함수가 {activation}입니다. 레이블마다 0~1 확률을 내는 함수를 고르세요.")
    if loss != "binary_crossentropy":
        mistake(detail=f"손실 함수가 {loss}입니다. 레이블마다 계산하는 분류 손실을 고르세요.")
    if not _trained(model):
        mistake("not_trained")
    X_test, y_train, y_test = (np.asarray(v) for v in lesson(ns, "Xm_test", "ym_train", "ym_test"))
    output = np.asarray(model.predict(X_test, verbose=0))
    pred = (output > (0.0 if from_logits else 0.5)).astype(int)
    accuracy = float(np.mean(pred == y_test))
    majority = float(np.mean(y_test == (y_train.mean(axis=0) > 0.5)))  # 레이블마다 훈련 데이터의 다수 클래스
    if accuracy <= majority:
        mistake(detail=f"시험 데이터의 레이블별 정확도가 {accuracy:.4f}로 다수 클래스 기준선({majority:.4f}) "
                       "이하입니다. 에포크를 늘리거나 학습률을 확인하세요.")
    return (
        f"정답입니다. 레이블별 정확도 {accuracy:.4f}로 다수 클래스 기준선({majority:.4f})보다 높습니다. "
        "노드마다 독립된 sigmoid라서 한 샘플에 여러 레이블이 동시에 붙을 수 있습니다."
    )


# --------------------------------------------------------------------------- 3. 로짓을 내는 모델


@book.exercise(
    stars=3,
    title="로짓을 내는 이진 분류 모델",
    hint=(
        "마지막 층에 활성화 함수를 두지 않고, 손실 객체에 `from_logits=True`를 줍니다. `predict`가 돌려주는 값은 "
        "확률이 아니라 로짓이므로, 확률 0.5에 해당하는 로짓이 얼마인지 생각해 보세요 (sigmoid(0) = 0.5)."
    ),
    solution="""
        keras.utils.set_random_seed(42)
        q3_model = mlp(30, layers.Dense(1))
        q3_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),
                         loss=keras.losses.BinaryCrossentropy(from_logits=True))
        q3_model.fit(X_train, y_train, epochs=20, batch_size=32, verbose=0)
        q3_pred = (q3_model.predict(X_test, verbose=0)[:, 0] > 0).astype(int)
    """,
    mistakes={
        "double_sigmoid": (
            "마지막 층에 sigmoid를 두고 `from_logits=True`를 주었습니다. 손실 함수가 이미 확률인 값을 로짓으로 "
            "여겨 sigmoid를 한 번 더 씌웁니다. `from_logits=True`를 쓰려면 마지막 층은 `Dense(1)`(활성화 없음)입니다.",
            "q3_model = mlp(30, layers.Dense(1, activation=\"sigmoid\"))\n"
            "q3_model.compile(optimizer=\"adam\", loss=keras.losses.BinaryCrossentropy(from_logits=True))\n"
            "q3_pred = np.zeros(len(X_test), dtype=int)\n",
        ),
        "logits_as_probability": (
            "마지막 층은 로짓을 내는데 손실은 확률을 기대합니다(`from_logits=False`, 문자열 "
            "`\"binary_crossentropy\"`의 기본값). "
            "손실 객체 `keras.losses.BinaryCrossentropy(from_logits=True)`를 쓰세요.",
            "q3_model = mlp(30, layers.Dense(1))\n"
            "q3_model.compile(optimizer=\"adam\", loss=\"binary_crossentropy\")\n"
            "q3_pred = np.zeros(len(X_test), dtype=int)\n",
        ),
        "threshold_logit": (
            "로짓을 0.5에서 잘랐습니다. 0.5는 확률의 임계값입니다. 확률 0.5는 로짓 0에 해당하므로(sigmoid(0) = 0.5) "
            "로짓은 0보다 큰지(`> 0`)로 자르거나, 먼저 `keras.ops.sigmoid`로 확률로 바꾼 뒤 0.5와 비교하세요.",
            "keras.utils.set_random_seed(42)\n"
            "q3_model = mlp(30, layers.Dense(1))\n"
            "q3_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),\n"
            "                 loss=keras.losses.BinaryCrossentropy(from_logits=True))\n"
            "q3_model.fit(X_train, y_train, epochs=5, batch_size=32, verbose=0)\n"
            "q3_pred = (q3_model.predict(X_test, verbose=0)[:, 0] > 0.5).astype(int)\n",
        ),
        "not_classes": (
            "`q3_pred`에 0과 1이 아닌 값이 있습니다. `predict`가 낸 로짓(또는 확률) 그대로가 아니라, 임계값으로 "
            "자른 0/1 클래스를 담으세요.",
            "keras.utils.set_random_seed(42)\n"
            "q3_model = mlp(30, layers.Dense(1))\n"
            "q3_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003),\n"
            "                 loss=keras.losses.BinaryCrossentropy(from_logits=True))\n"
            "q3_model.fit(X_train, y_train, epochs=5, batch_size=32, verbose=0)\n"
            "q3_pred = q3_model.predict(X_test, verbose=0)[:, 0]\n",
        ),
    },
)
def q3(ns):
    model = answer(ns, "q3_model")
    pred = answer(ns, "q3_pred")
    last = _last_dense(model)
    activation = _activation_name(last)
    loss, from_logits = _loss_info(model)
    if loss is None:
        mistake(detail="모델을 compile하지 않았습니다. `q3_model.compile(optimizer=..., loss=...)`을 실행하세요.")
    if activation == "sigmoid" and from_logits:
        mistake("double_sigmoid")
    if activation == "linear" and not from_logits:
        mistake("logits_as_probability")
    if activation != "linear" or last.units != 1 or loss != "binary_crossentropy":
        mistake(detail="마지막 층은 `Dense(1)`(활성화 없음), 손실은 `from_logits=True`인 이진 교차 엔트로피입니다.")
    if not _trained(model):
        mistake(detail="모델을 아직 학습하지 않았습니다. `q3_model.fit(X_train, y_train, ...)`을 실행하세요.")
    X_test, y_test = lesson(ns, "X_test", "y_test")
    pred = np.asarray(pred).reshape(-1)
    if pred.shape != (len(X_test),):
        mistake(detail=f"`q3_pred`의 모양이 {np.asarray(ns['q3_pred']).shape}입니다. ({len(X_test)},)이어야 합니다.")
    if not np.isin(pred, (0, 1)).all():
        mistake("not_classes")
    logits = np.asarray(model.predict(X_test, verbose=0)).reshape(-1)
    expected = (logits > 0).astype(int)
    if not np.array_equal(pred, expected):
        if np.array_equal(pred, (logits > 0.5).astype(int)):
            mistake("threshold_logit")
        mistake(detail="`q3_pred`가 이 모델의 예측(확률 > 0.5)과 다릅니다. `X_test`로 예측했는지 확인하세요.")
    accuracy = float(np.mean(pred == np.asarray(y_test)))
    return (
        f"정답입니다 (시험 정확도 {accuracy:.4f}). 로짓으로 손실을 계산하면 float32에서 확률이 1.0으로 포화해도 "
        "손실과 그레이디언트가 정확하고, 클래스는 로짓 > 0으로 바로 읽을 수 있습니다."
    )
