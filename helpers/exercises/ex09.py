"""`09_loss_selection`의 연습문제: 마지막 층과 손실 고르기, 다중 레이블 모델(평가 지표까지), 동료의 로짓 모델 고치기."""

from __future__ import annotations

import numpy as np

from .core import Book, answer, call_answer, fingerprint, fits, lesson, mistake, need_array

book = Book("09_loss_selection")

_ACTIVATIONS = {"linear", "sigmoid", "softmax", "relu", "tanh"}  # Keras가 알아듣는 이름 (대소문자 그대로)
_LOSS_ALIASES = {
    "mean_squared_error": "mse",
    "mse": "mse",
    "MSE": "mse",
    "binary_crossentropy": "binary_crossentropy",
    "categorical_crossentropy": "categorical_crossentropy",
    "sparse_categorical_crossentropy": "sparse_categorical_crossentropy",
    "mae": "mae",
    "MAE": "mae",
    "mean_absolute_error": "mae",
}


# --------------------------------------------------------------------------- 1. 과제마다 고르기

_TASKS = {
    "사진 태그": ("sigmoid", "binary_crossentropy"),
    "손글씨 숫자": ("softmax", "categorical_crossentropy"),
    "대출 연체": ("sigmoid", "binary_crossentropy"),
    "집값": ("linear", "mse"),
}


def _choices(**changed) -> str:
    """정답 딕셔너리에서 몇 과제만 바꾼 답안 코드 (틀린 답안을 재현할 때)."""
    values = {**_TASKS, **changed}
    body = ", ".join(f"{task!r}: {value!r}" for task, value in values.items())
    return f"q1_choices = {{{body}}}\n".replace("'", '"')


def _normalize_choice(value):
    if not isinstance(value, tuple | list) or len(value) != 2:
        mistake(detail="과제마다 `(활성화 함수, 손실 함수)` 두 문자열을 적으세요.")
    activation, loss = value
    activation = "linear" if activation is None else str(activation).strip()
    loss = str(loss).strip()
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
            _choices(**{"사진 태그": ("softmax", "categorical_crossentropy")}),
        ),
        "sigmoid_multiclass": (
            "'손글씨 숫자'에 sigmoid를 골랐습니다. 답이 정확히 하나인 다중 분류에서는 열 개의 확률이 서로 경쟁해 "
            "합이 1이 되어야 하므로 softmax를 씁니다. sigmoid는 숫자마다 따로 '맞다/아니다'를 답합니다.",
            _choices(**{"손글씨 숫자": ("sigmoid", "categorical_crossentropy")}),
        ),
        "sparse_onehot": (
            "'손글씨 숫자'의 타깃은 원-핫 벡터인데 sparse_categorical_crossentropy를 골랐습니다. sparse는 타깃이 "
            "정수 레이블(0~9)일 때 씁니다. 원-핫 타깃에는 categorical_crossentropy입니다 (4절).",
            _choices(**{"손글씨 숫자": ("softmax", "sparse_categorical_crossentropy")}),
        ),
        "softmax_binary": (
            "'대출 연체'에 softmax를 골랐습니다. 노드가 하나인 층에 softmax를 씌우면 출력이 언제나 1입니다 "
            "(`02_output_layer`). 노드 하나로 '1일 확률'을 내는 sigmoid를 쓰세요.",
            _choices(**{"대출 연체": ("softmax", "binary_crossentropy")}),
        ),
        "regression_activation": (
            "'집값'의 마지막 층에 활성화 함수를 넣었습니다. sigmoid는 0~1, relu는 0 이상만 낼 수 있어서 "
            "표준화한 집값(음수 포함)을 따라가지 못합니다. 임의 값 회귀의 마지막 층은 활성화 없이(`linear`) 둡니다.",
            _choices(**{"집값": ("relu", "mse")}),
        ),
        "typo": (
            "Keras에 없는 활성화 함수 이름이 있습니다(노트 3)의 `simoid`나 노트 1)의 `Sigmoid`처럼). 이름은 소문자까지 "
            "정확히 씁니다: `\"sigmoid\"`, `\"softmax\"`, `\"linear\"` ...",
            _choices(**{"사진 태그": ("simoid", "binary_crossentropy")}),
        ),
    },
    rejects=[
        (_choices(**{"대출 연체": ("Sigmoid", "binary_crossentropy")}), "typo"),  # 노트의 대문자 그대로
        _choices(**{"대출 연체": ("sigmoid", "mse")}),
        _choices(**{"손글씨 숫자": ("softmax", "binary_crossentropy")}),
        _choices(**{"집값": ("linear", "binary_crossentropy")}),
        'q1_choices = {"사진 태그": ("sigmoid", "binary_crossentropy"), "집값": ("linear", "mse")}\n',
    ],
    accepts=[
        _choices(**{"집값": (None, "mean_squared_error")}),
        """\
q1_choices = {}
q1_choices["사진 태그"] = ["sigmoid", "binary_crossentropy"]
q1_choices["손글씨 숫자"] = ["softmax", "categorical_crossentropy"]
q1_choices["대출 연체"] = ["sigmoid", "binary_crossentropy"]
q1_choices["집값"] = ["linear", "MSE"]
""",
    ],
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
        mistake(detail=f"Keras 모델(`keras.Sequential([...])`)을 담으세요 (받은 것: {type(model).__name__}).")
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


def _metric_objects(model) -> list:
    """compile의 metrics로 실제로 만들어진 지표 객체들 (fit이나 evaluate를 한 뒤에 생긴다)."""
    found = []
    for metric in getattr(model, "metrics", None) or []:
        inner = getattr(metric, "metrics", None)
        if isinstance(inner, list | tuple):
            found.extend(inner)
    return found


def _accuracy_metrics(model):
    """(BinaryAccuracy들의 임계값 목록, CategoricalAccuracy가 있는가)."""
    import keras

    objects = _metric_objects(model)
    thresholds = [float(m.get_config().get("threshold", 0.5)) for m in objects
                  if isinstance(m, keras.metrics.BinaryAccuracy)]
    categorical = any(isinstance(m, keras.metrics.CategoricalAccuracy) for m in objects)
    return thresholds, categorical


def _trained_on(model, X_train, X_test, name_train: str, name_test: str) -> None:
    history = fits(model)
    if not history:
        mistake("not_trained")
    x = history[-1]["x"]
    if x == fingerprint(X_test):
        mistake(detail=f"모델이 마지막으로 시험 데이터(`{name_test}`)로 학습했습니다. `{name_train}`으로 학습하세요.")
    if x != fingerprint(X_train):
        mistake(detail=f"모델이 마지막으로 학습한 데이터가 `{name_train}`이 아닙니다(모양과 값이 다릅니다). "
                f"`fit({name_train}, ...)`으로 학습하세요.")


# --------------------------------------------------------------------------- 2. 다중 레이블 모델


def _q2(last='layers.Dense(4, activation="sigmoid")', loss='"binary_crossentropy"', metrics='["binary_accuracy"]',
        fit="q2_model.fit(Xm_train, ym_train, epochs=10, batch_size=32, verbose=0)\n"):
    return (f"keras.utils.set_random_seed(42)\nq2_model = mlp(12, {last})\n"
            f"q2_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss={loss}, metrics={metrics})\n"
            f"{fit}")


@book.exercise(
    stars=2,
    title="다중 레이블 모델 만들고 학습하기",
    hint=(
        "레이블 4개가 동시에 붙을 수 있으니 '레이블마다 따로 붙었나?'를 묻는 이진 분류 4개입니다. "
        "마지막 층의 노드 수와 활성화 함수, 손실 함수, 그리고 `metrics`에 줄 이름을 5절에서 찾아보세요. "
        "`\"accuracy\"`가 다중 레이블에서 무엇이 되는지도 5절에 있습니다. compile한 뒤 fit까지 해야 합니다."
    ),
    solution=_q2(),
    mistakes={
        "softmax": (
            "마지막 층에 softmax를 썼습니다. softmax는 네 레이블의 확률을 합이 1이 되게 나눠 가져서, 레이블이 "
            "둘 이상 붙은 행을 맞힐 수 없습니다. 레이블마다 독립된 확률을 내는 sigmoid를 쓰세요.",
            _q2(last='layers.Dense(4, activation="softmax")', loss='"categorical_crossentropy"'),
        ),
        "categorical_loss": (
            "마지막 층은 sigmoid인데 손실이 categorical_crossentropy입니다. 이 손실은 '타깃 클래스가 하나'라고 "
            "가정합니다. 레이블마다 따로 계산하는 binary_crossentropy를 쓰세요.",
            _q2(loss='"categorical_crossentropy"'),
        ),
        "units": (
            "마지막 층의 노드 수가 레이블 수(4)와 다릅니다. 레이블마다 확률 하나씩, 노드 4개가 필요합니다.",
            _q2(last='layers.Dense(3, activation="sigmoid")', fit=""),
        ),
        "not_trained": (
            "`q2_model`을 이 답안 셀에서 학습한 기록이 없습니다. compile한 뒤 `q2_model.fit(Xm_train, ym_train, ...)`"
            "으로 학습하고 다시 채점하세요.",
            _q2(fit=""),
        ),
        "accuracy_metric": (
            "평가 지표에 `\"accuracy\"`(또는 `\"acc\"`)가 있습니다. 출력 노드가 여러 개면 Keras는 이것을 말없이 "
            "`CategoricalAccuracy`(행마다 가장 큰 값의 위치가 같은지)로 만들어서, 다중 레이블에서는 뜻 없는 숫자가 "
            "기록됩니다(5절). 레이블마다 0.5로 잘라 세는 `\"binary_accuracy\"`를 쓰세요.",
            _q2(metrics='["accuracy"]'),
        ),
        "no_metric": (
            "평가 지표가 없어서 학습 기록에 레이블별 정확도가 남지 않습니다. `metrics=[\"binary_accuracy\"]`를 주세요.",
            _q2(metrics="None"),
        ),
    },
    rejects=[
        (_q2(metrics='["acc"]'), "accuracy_metric"),
        (_q2(metrics='["binary_accuracy", "accuracy"]'), "accuracy_metric"),
        _q2(fit="q2_model.fit(Xm_test, ym_test, epochs=10, batch_size=32, verbose=0)\n"),  # 시험 데이터로 학습
        _q2(last='layers.Dense(1, activation="sigmoid")'),  # fit이 모양 오류를 낸다
        (_q2(last='layers.Dense(4, activation="sigmoid")', loss='"categorical_crossentropy"',
             metrics='["accuracy"]'), "categorical_loss"),
    ],
    accepts=[
        """\
inputs = keras.Input(shape=(12,))
hidden = layers.Dense(32, activation="relu")(inputs)
q2_model = keras.Model(inputs, layers.Dense(4, activation="sigmoid")(hidden))
q2_model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(),
                 metrics=[keras.metrics.BinaryAccuracy()])
q2_model.fit(Xm_train, ym_train, epochs=20, batch_size=32, verbose=0)
""",
        _q2(last="layers.Dense(4)", loss="keras.losses.BinaryCrossentropy(from_logits=True)",
            metrics='[keras.metrics.BinaryAccuracy(threshold=0.0)]'),
    ],
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
        mistake(detail="모델을 compile하지 않았습니다. `q2_model.compile(optimizer=..., loss=..., metrics=...)`을 "
                "실행하세요.")
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        mistake("categorical_loss")
    if activation != "sigmoid" and not (activation == "linear" and from_logits):
        mistake(detail=f"마지막 층의 활성화 함수가 {activation}입니다. 레이블마다 0~1 확률을 내는 함수를 고르세요.")
    if loss != "binary_crossentropy":
        mistake(detail=f"손실 함수가 {loss}입니다. 레이블마다 계산하는 분류 손실을 고르세요.")
    X_train, X_test, y_train, y_test = (np.asarray(v) for v in lesson(ns, "Xm_train", "Xm_test", "ym_train", "ym_test"))
    _trained_on(model, X_train, X_test, "Xm_train", "Xm_test")
    thresholds, categorical = _accuracy_metrics(model)
    if categorical:
        mistake("accuracy_metric")
    if not thresholds:
        mistake("no_metric")
    cut = 0.0 if from_logits else 0.5
    if cut not in thresholds:
        mistake(detail=f"`BinaryAccuracy`의 임계값이 {thresholds}입니다. 이 모델의 출력은 "
                f"{'로짓이라 0' if from_logits else '확률이라 0.5'}에서 잘라야 합니다.")
    output = np.asarray(model.predict(X_test, verbose=0))
    accuracy = float(np.mean((output > cut).astype(int) == y_test))
    majority = float(np.mean(y_test == (y_train.mean(axis=0) > 0.5)))  # 레이블마다 훈련 데이터의 다수 클래스
    if accuracy <= majority:
        mistake(detail=f"시험 데이터의 레이블별 정확도가 {accuracy:.4f}로 다수 클래스 기준선({majority:.4f}) "
                "이하입니다. 에포크 수와 학습률을 확인하세요.")
    return (
        f"정답입니다. 레이블별 정확도 {accuracy:.4f}로 다수 클래스 기준선({majority:.4f})보다 높습니다. "
        "출력 노드마다 따로 '붙었나?'를 판단하므로 한 샘플에 여러 레이블이 동시에 붙을 수 있고, 학습 기록의 "
        "`binary_accuracy`도 레이블마다 세는 같은 계산입니다."
    )


# --------------------------------------------------------------------------- 3. 동료의 로짓 모델 고치기

_PROBE = np.array([[-3.0], [-0.2], [0.0], [0.2], [0.4], [0.5], [0.9], [4.0]], dtype="float32")

_Q3_DATA = 'Xo_train, Xo_test, yo_train, yo_test = helpers.train_test_data("moons", scale=True)\n'
_Q3_CLASSES = """\


def q3_classes(logits):
    return (np.asarray(logits)[:, 0] > 0).astype(int)  # 로짓 > 0  <=>  확률 > 0.5
"""


def _q3(last="layers.Dense(1)", loss="keras.losses.BinaryCrossentropy(from_logits=True)",
        metrics='[keras.metrics.BinaryAccuracy(threshold=0.0, name="accuracy")]', x="Xo_train, yo_train",
        classes=_Q3_CLASSES):
    return (_Q3_DATA + "keras.utils.set_random_seed(42)\n"
            f"q3_model = mlp(2, {last})  # 마지막 층은 그대로: 로짓\n"
            "q3_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),\n"
            f"                 loss={loss},\n"
            f"                 metrics={metrics})\n"
            f"q3_model.fit({x}, epochs=10, batch_size=32, verbose=0)\n" + classes)


def _moons():
    from helpers.data import train_test_data

    return train_test_data("moons", scale=True)


@book.exercise(
    stars=3,
    title="동료의 로짓 모델 고치기",
    hint=(
        "8절의 세 가지를 하나씩 대어 보세요: 손실은 자기가 받는 값이 로짓인 줄 아는가? 학습 기록의 정확도는 어디에서 "
        "자르는가? 함수는 어디에서 자르고, 돌려주는 모양은 `(n,)`인가? 로짓 0은 확률 몇인가요?"
    ),
    solution=_q3(),
    mistakes={
        "loss_string": (
            "손실이 아직 `\"binary_crossentropy\"`(`from_logits=False`)입니다. 이 손실은 받은 값을 확률로 여기고 "
            "[1e-7, 1 - 1e-7]로 잘라서, 0보다 작거나 1보다 큰 로짓에서는 그레이디언트가 0이 됩니다. "
            "`keras.losses.BinaryCrossentropy(from_logits=True)`를 주세요.",
            _q3(loss='"binary_crossentropy"'),
        ),
        "metric_threshold": (
            "평가 지표가 임계값 0.5인 `BinaryAccuracy`입니다(`\"accuracy\"`는 출력 노드가 하나면 이것이 됩니다). "
            "로짓은 0에서 잘라야 하므로 학습 기록의 정확도가 '확률 > 0.5' 규칙과 다르게 셉니다. "
            "`keras.metrics.BinaryAccuracy(threshold=0.0)`을 주세요.",
            _q3(metrics='["accuracy"]'),
        ),
        "threshold_half": (
            "`q3_classes`가 로짓을 0.5에서 자릅니다. 0.5는 확률의 임계값이고, 확률 0.5는 로짓 0입니다(sigmoid(0) = "
            "0.5). 로짓 0.2, 0.4, 0.5(확률 0.55~0.62)를 0으로 읽었습니다. 로짓은 `> 0`으로 자르세요.",
            _q3(classes=_Q3_CLASSES.replace("> 0)", "> 0.5)")),
        ),
        "double_sigmoid": (
            "마지막 층에 sigmoid를 넣고 `from_logits=True`를 주었습니다. 손실이 이미 확률인 값을 로짓으로 여겨 "
            "sigmoid를 한 번 더 씌웁니다. 마지막 층은 문제대로 `Dense(1)`(활성화 없음)로 두세요.",
            _q3(last='layers.Dense(1, activation="sigmoid")'),
        ),
        "changed_layer": (
            "마지막 층에 sigmoid를 넣어 확률을 내는 모델로 바꿨습니다. 그것도 동작하는 모델이지만, 이 문제는 로짓을 "
            "내는 마지막 층(`Dense(1)`)을 그대로 두고 손실, 지표, 예측 규칙을 로짓에 맞추는 것입니다.",
            _q3(last='layers.Dense(1, activation="sigmoid")', loss='"binary_crossentropy"', metrics='["accuracy"]',
                classes=_Q3_CLASSES.replace("> 0)", "> 0.5)")),
        ),
        "not_trained": (
            "`q3_model`을 이 답안 셀에서 학습한 기록이 없습니다. compile한 뒤 `q3_model.fit(Xo_train, yo_train, ...)`"
            "으로 학습하세요.",
            _q3().replace("q3_model.fit(Xo_train, yo_train, epochs=10, batch_size=32, verbose=0)\n", ""),
        ),
    },
    rejects=[
        _q3(classes=_Q3_CLASSES.replace("> 0)", ">= 0)")),  # 로짓 0(확률 0.5)을 1로
        _q3(classes=_Q3_CLASSES.replace("(np.asarray(logits)[:, 0] > 0)", "(np.asarray(logits) > 0)")),  # (n, 1)
        _q3(metrics="None"),  # 지표를 없앰
        _q3(x="Xo_test, yo_test"),  # 시험 데이터로 학습
        _q3(classes="\n\ndef q3_classes(logits):\n    print((np.asarray(logits)[:, 0] > 0).astype(int))\n"),
        _q3(classes="\n\ndef q3_classes(logits):\n    return keras.ops.sigmoid(logits)[:, 0] > 0.5\n"),  # bool 텐서
    ],
    accepts=[
        _q3(classes="\n\ndef q3_classes(logits):\n    return np.where(np.ravel(logits) > 0, 1, 0)\n"),
        _Q3_DATA + """\
inputs = keras.Input(shape=(2,))
logit = layers.Dense(1)(layers.Dense(16, activation="relu")(inputs))
q3_model = keras.Model(inputs, logit)
q3_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                 loss=keras.losses.BinaryCrossentropy(from_logits=True),
                 metrics=[keras.metrics.BinaryAccuracy(threshold=0)])
q3_model.fit(Xo_train, yo_train, epochs=10, batch_size=32, verbose=0)


def q3_classes(logits):
    probability = keras.ops.convert_to_numpy(keras.ops.sigmoid(logits))
    return (probability > 0.5).astype("int32").reshape(-1)
""",
    ],
)
def q3(ns):
    model = answer(ns, "q3_model")
    function = answer(ns, "q3_classes")
    last = _last_dense(model)
    activation = _activation_name(last)
    loss, from_logits = _loss_info(model)
    if loss is None:
        mistake(detail="모델을 compile하지 않았습니다. `q3_model.compile(optimizer=..., loss=..., metrics=...)`을 "
                "실행하세요.")
    if activation == "sigmoid" and from_logits:
        mistake("double_sigmoid")
    if activation == "sigmoid":
        mistake("changed_layer")
    if activation != "linear" or last.units != 1:
        mistake(detail=f"마지막 층이 `Dense({last.units}, activation={activation!r})`입니다. 문제대로 `Dense(1)`"
                "(활성화 없음, 로짓을 냄)로 두세요.")
    if loss != "binary_crossentropy":
        mistake(detail=f"손실 함수가 {loss}입니다. 이진 분류의 손실은 이진 교차 엔트로피입니다.")
    if not from_logits:
        mistake("loss_string")
    X_train, X_test, y_train, y_test = _moons()
    _trained_on(model, X_train, X_test, "Xo_train", "Xo_test")
    thresholds, categorical = _accuracy_metrics(model)
    if 0.5 in thresholds or categorical:
        mistake("metric_threshold")
    if 0.0 not in thresholds:
        mistake(detail="학습 기록에 정확도가 남지 않습니다(동료의 코드에는 정확도 지표가 있었습니다). 로짓에 맞는 "
                "정확도 지표를 `metrics`에 주세요.")
    expected = (_PROBE[:, 0] > 0).astype(int)
    got = need_array(call_answer(function, _PROBE.copy(), returns="예측 클래스 배열"), "q3_classes(logits)의 결과",
                     shape=(len(_PROBE),), kind="iu")
    shown = ", ".join(f"{v:g}" for v in _PROBE[:, 0])
    if not np.array_equal(got, expected):
        if np.array_equal(got, (_PROBE[:, 0] > 0.5).astype(int)):
            mistake("threshold_half")
        if np.array_equal(got, (_PROBE[:, 0] >= 0).astype(int)):
            mistake(detail="로짓이 정확히 0일 때 1을 돌려줍니다. 로짓 0은 확률 0.5이고, '확률 > 0.5' 규칙으로는 "
                    "0입니다(`>= 0`이 아니라 `> 0`).")
        mistake(detail=f"로짓 [{shown}]에 {got.tolist()}를 돌려주었습니다. '확률 > 0.5'와 같은 규칙이면 "
                f"{expected.tolist()}입니다.")
    logits = np.asarray(model.predict(X_test, verbose=0))
    pred = need_array(call_answer(function, logits, returns="예측 클래스 배열"), "q3_classes(logits)의 결과",
                      shape=(len(X_test),), kind="iu")
    if not np.array_equal(pred, (logits[:, 0] > 0).astype(int)):
        mistake(detail="`q3_classes`가 모델의 시험 데이터 로짓에서 '로짓 > 0'과 다른 답을 냅니다. 입력의 길이나 "
                "값을 그대로 쓰는지(고정된 숫자를 쓰지 않는지) 확인하세요.")
    accuracy = float(np.mean(pred == np.asarray(y_test)))
    if accuracy < 0.85:
        mistake(detail=f"시험 정확도가 {accuracy:.3f}입니다. 설정(학습률 0.01, 10 에포크, 배치 크기 32)을 확인하세요.")
    return (
        f"정답입니다 (시험 정확도 {accuracy:.3f}). 로짓을 내는 모델에서는 손실(`from_logits=True`), 평가 지표"
        "(`threshold=0.0`), 예측 규칙(로짓 > 0) 세 곳이 모두 로짓을 알아야 합니다. 하나만 빠져도 코드는 오류 없이 "
        "돕니다."
    )
