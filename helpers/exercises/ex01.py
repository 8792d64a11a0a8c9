"""`01_sequential_dense`의 연습문제: 파라미터 세기, 명세대로 Sequential 쌓기, Dense 층의 계산을 NumPy로."""

from __future__ import annotations

import numbers
from collections.abc import Mapping

import keras
import numpy as np

from .core import Book, answer, call_answer, mistake, names_used, need_int

book = Book("01_sequential_dense")



# --------------------------------------------------------------------------- 1. 파라미터 수 세기


@book.exercise(
    stars=1,
    title="파라미터 수를 손으로 세기",
    hint="Dense 층 하나의 파라미터 = 입력 수 x 노드 수 + 노드 수. 두 번째 층의 입력 수는 첫 층의 노드 수입니다.",
    solution="""
        q1_per_layer = [8 * 10 + 10, 10 * 5 + 5, 5 * 1 + 1]
    """,
    mistakes={
        "no_bias": (
            "가중치만 세고 편향을 빠뜨렸습니다. 노드마다 편향이 하나씩 있으므로 층마다 노드 수만큼 더하세요.",
            "q1_per_layer = [80, 50, 5]\n",
        ),
        "bias_per_input": (
            "편향을 입력 수만큼 더했습니다. 편향은 노드(출력)마다 하나입니다: 입력 수 x 노드 수 + 노드 수.",
            "q1_per_layer = [88, 60, 10]\n",
        ),
        "input_as_layer": (
            "`keras.Input`까지 층으로 셌습니다. Input은 가중치가 없는 입력 자리라 `Sequential`의 `model.layers`에도 "
            "없습니다. Dense 층 3개의 값만 적으세요.",
            "q1_per_layer = [0, 90, 55, 6]\n",
        ),
        "total_only": (
            "합계 하나만 적었습니다. 층마다 하나씩, 세 개의 정수를 리스트로 적으세요 (합계는 그 세 값을 더한 것).",
            "q1_per_layer = 151\n",
        ),
    },
    rejects=[
        ('q1_per_layer = ["90", "55", "6"]\n', None),  # summary 표를 보고 문자열로 옮김
        ("q1_per_layer = [90, 55, 5]\n", None),  # 출력층의 편향을 빠뜨림
        ("q1_per_layer = [151]\n", None),
        ("q1_per_layer = [8 * 10, 10 * 5, 5 * 1]\n", "no_bias"),
        ("q1_per_layer = [90.0, 55.0, 6.0]\n", None),  # 나눗셈(/)을 써서 실수가 됨
        ("q1_per_layer = {'hidden1': 90, 'hidden2': 55, 'output': 6}\n", None),
        ("q1_per_layer = [8 * 10 + 10, 10 * 5 + 5, 5 * 1 + 1.0]\n", None),  # 실수가 섞임
    ],
    accepts=[
        "q1_per_layer = (90, 55, 6)\n",
        "import numpy as np\nq1_per_layer = list(np.array([8, 10, 5]) * np.array([10, 5, 1]) + np.array([10, 5, 1]))\n",
        "sizes = [8, 10, 5, 1]\nq1_per_layer = [a * b + b for a, b in zip(sizes[:-1], sizes[1:])]\n",
    ],
)
def q1(ns):
    counts = answer(ns, "q1_per_layer")
    if isinstance(counts, numbers.Number) or (hasattr(counts, "shape") and getattr(counts, "shape", None) == ()):
        mistake("total_only")
    if isinstance(counts, str | Mapping) or not isinstance(counts, list | tuple | np.ndarray):
        mistake(detail=f"`q1_per_layer`에는 정수 세 개의 리스트를 넣으세요 (받은 것: {type(counts).__name__}).")
    values = []
    for index, count in enumerate(counts, start=1):
        if isinstance(count, str):
            mistake(detail=f"{index}번째 값 {count!r}이 문자열입니다. 따옴표 없이 숫자(정수)로 적으세요.")
        values.append(need_int(count, f"q1_per_layer[{index - 1}]"))
    if len(values) == 4 and values[1:] == [90, 55, 6]:
        mistake("input_as_layer")
    if len(values) != 3:
        mistake(detail=f"Dense 층은 3개인데 값이 {len(values)}개입니다.")
    if values == [80, 50, 5]:
        mistake("no_bias")
    if values == [88, 60, 10]:
        mistake("bias_per_input")
    wrong = [i + 1 for i, (got, want) in enumerate(zip(values, [90, 55, 6], strict=True)) if got != want]
    if wrong:
        mistake(detail=f"{', '.join(map(str, wrong))}번째 층의 값이 다릅니다.")
    return (
        "정답입니다. 합계 151개: 손으로 센 값이 `model.count_params()`와 맞으면 "
        "모델을 뜻대로 쌓았다는 확인이 됩니다."
    )


# --------------------------------------------------------------------------- 2. 명세대로 모델 쌓기

_SPEC_UNITS = [16, 8, 1]
_SPEC_TOTAL = 30 * 16 + 16 + 16 * 8 + 8 + 8 * 1 + 1  # 641


def _dense_stack(units, first=None):
    body = ", ".join(
        f'layers.Dense({u}, activation="{a}"' + (f", input_dim={first}" if i == 0 and first else "") + ")"
        for i, (u, a) in enumerate(units)
    )
    return body


def _spec_model(units, first=None, inputs="keras.Input(shape=(30,)), "):
    return "q2_model = keras.Sequential([" + inputs + _dense_stack(units, first) + "])\n"


_SPEC = [(16, "relu"), (8, "relu"), (1, "sigmoid")]


@book.exercise(
    stars=2,
    title="명세대로 Sequential 모델 쌓기",
    hint=(
        "6절처럼 `keras.Sequential([...])`에 `keras.Input(shape=...)` 하나와 Dense 층 세 개를 차례로 넣으세요. "
        "이진 분류의 출력층은 노드 하나에 sigmoid입니다."
    ),
    solution="""
        q2_model = keras.Sequential(
            [
                keras.Input(shape=(30,)),
                layers.Dense(16, activation="relu"),
                layers.Dense(8, activation="relu"),
                layers.Dense(1, activation="sigmoid"),
            ]
        )
    """,
    mistakes={
        "input_dim": (
            "노트처럼 첫 Dense 층에 `input_dim`을 넣었습니다. Keras 3는 동작은 하지만 경고를 냅니다. "
            "입력 모양은 맨 앞의 `keras.Input(shape=(30,))`으로 알려 주세요.",
            _spec_model(_SPEC, 30, inputs=""),
        ),
        "no_input": (
            "입력 모양이 없어서 모델에 아직 가중치가 없습니다 (`q2_model.built`가 False). "
            "맨 앞에 `keras.Input(shape=(30,))`을 넣으세요.",
            _spec_model(_SPEC, inputs=""),
        ),
        "wrong_input": (
            "입력 특성 수가 30이 아닙니다. 노트의 17은 폐암 수술 데이터의 특성 수이고, 유방 종양 데이터는 특성이 "
            "30개입니다: `keras.Input(shape=(30,))`.",
            _spec_model(_SPEC, inputs="keras.Input(shape=(17,)), "),
        ),
        "not_sequential": (
            "함수형 API(`keras.Model(입력, 출력)`)로 만들었습니다. 층과 파라미터는 같을 수 있지만, 이 문제는 "
            "`keras.Sequential`로 쌓는 연습입니다. 함수형 모델의 `layers`에는 가중치 없는 `InputLayer`도 함께 "
            "나옵니다 (더 알아보기). `keras.Sequential([keras.Input(...), layers.Dense(...), ...])`로 다시 쌓으세요.",
            "inputs = keras.Input(shape=(30,))\n"
            "h = layers.Dense(16, activation='relu')(inputs)\n"
            "h = layers.Dense(8, activation='relu')(h)\n"
            "q2_model = keras.Model(inputs, layers.Dense(1, activation='sigmoid')(h))\n",
        ),
        "softmax_one": (
            "출력 노드 하나에 softmax를 썼습니다. 값이 하나뿐인 softmax는 언제나 1을 냅니다. "
            "이진 분류의 출력층은 `Dense(1, activation=\"sigmoid\")`입니다.",
            _spec_model([(16, "relu"), (8, "relu"), (1, "softmax")]),
        ),
        "output_layer": (
            "출력층이 명세와 다릅니다. 이진 분류(양성일 확률 하나)의 출력층은 노드 1개에 sigmoid입니다.",
            _spec_model([(16, "relu"), (8, "relu"), (2, "relu")]),
        ),
        "param_count": (
            "층의 노드 수가 명세와 달라 파라미터 수가 맞지 않습니다. 은닉층은 16개, 8개 노드입니다.",
            _spec_model([(16, "relu"), (16, "relu"), (1, "sigmoid")]),
        ),
        "hidden_activation": (
            "은닉층의 활성화 함수가 명세와 다릅니다. 두 은닉층 모두 relu입니다. 활성화 함수를 빠뜨리면 그 층은 "
            "선형 변환이 되어, 층을 쌓은 보람이 줄어듭니다 (3절).",
            _spec_model([(16, "relu"), (8, "linear"), (1, "sigmoid")]),
        ),
    },
    rejects=[
        (_spec_model([(8, "relu"), (16, "relu"), (1, "sigmoid")]), "param_count"),  # 은닉층 순서를 바꿈
        (_spec_model([(16, "relu"), (8, "sigmoid"), (1, "sigmoid")]), "hidden_activation"),
        ("q2_model = keras.Sequential([keras.Input(shape=(30,)), layers.Dense(16, activation='relu'), "
         "layers.Dropout(0.2), layers.Dense(8, activation='relu'), layers.Dense(1, activation='sigmoid')])\n", None),
        (_spec_model([(16, "relu"), (8, "relu"), (2, "softmax")]), "output_layer"),
        ("q2_model = keras.Sequential\n", None),  # 모델이 아니라 클래스
        ("q2_model = model\n", "wrong_input"),  # 수업의 노트 모델
        ("q2_model = keras.Sequential([keras.Input(shape=(30, 1)), layers.Dense(16, activation='relu'), "
         "layers.Dense(8, activation='relu'), layers.Dense(1, activation='sigmoid')])\n", None),
    ],
    accepts=[
        "from keras.layers import Dense\nfrom keras.models import Sequential\n"
        "q2_model = Sequential()\nq2_model.add(keras.Input(shape=(30,)))\n"
        "q2_model.add(Dense(16, activation='relu'))\nq2_model.add(Dense(8, activation='relu'))\n"
        "q2_model.add(Dense(1, activation='sigmoid'))\n",
        "q2_model = keras.Sequential([keras.Input((30,)), layers.Dense(16, keras.activations.relu), "
        "layers.Dense(8, keras.activations.relu), layers.Dense(1, keras.activations.sigmoid)])\n",
        "import tensorflow as tf\n"
        "q2_model = tf.keras.Sequential([tf.keras.Input(shape=(30,)), tf.keras.layers.Dense(16, activation='relu'), "
        "tf.keras.layers.Dense(8, activation='relu'), tf.keras.layers.Dense(1, activation='sigmoid')],\n"
        "    name='cancer')\n",
    ],
)
def q2(ns):
    import keras

    model = answer(ns, "q2_model")
    if isinstance(model, type):
        mistake(detail=f"`q2_model`에 클래스 `{model.__name__}` 자체를 넣었습니다. "
                "`keras.Sequential([...])`처럼 층 리스트를 넣어 부른 결과(모델)를 담으세요.")
    if not isinstance(model, keras.Model):
        mistake(detail=f"`q2_model`은 Keras 모델이어야 하는데 {type(model).__name__}입니다.")
    if not isinstance(model, keras.Sequential):
        mistake("not_sequential")
    if not model.layers:
        mistake(detail="모델에 층이 없습니다.")
    if getattr(model.layers[0], "_input_shape_arg", None) is not None:
        mistake("input_dim")
    if not model.built:
        mistake("no_input")
    shape = tuple(model.inputs[0].shape)
    if shape != (None, 30):
        if len(shape) == 2 and shape[1] != 30:
            mistake("wrong_input", detail=f"(지금 입력 모양: {shape})")
        mistake(detail=f"입력 모양이 {shape}입니다. 샘플 하나의 모양만 적으세요: `keras.Input(shape=(30,))`.")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    if len(dense) != len(model.layers):
        others = [type(layer).__name__ for layer in model.layers if layer not in dense]
        mistake(detail=f"명세에는 Dense 층 세 개만 있습니다. 다른 층({', '.join(others)})은 빼세요.")
    last = dense[-1]
    activation = last.activation.__name__
    if last.units == 1 and activation == "softmax":
        mistake("softmax_one")
    if last.units != 1 or activation != "sigmoid":
        mistake("output_layer", detail=f"(지금 출력층: Dense({last.units}, activation=\"{activation}\"))")
    units = [layer.units for layer in dense]
    if units != _SPEC_UNITS:
        mistake("param_count", detail=f"(지금 노드 수 {units}, 파라미터 {model.count_params():,}개; "
                f"명세대로면 {_SPEC_UNITS}, {_SPEC_TOTAL:,}개)")
    hidden = [layer.activation.__name__ for layer in dense[:-1]]
    if hidden != ["relu", "relu"]:
        mistake("hidden_activation", detail=f"(지금: {hidden})")
    return (
        f"정답입니다. 파라미터 {model.count_params():,}개 (496 + 136 + 9): 02부터 유방 종양 데이터로 "
        "학습할 모델과 같은 모양입니다."
    )


# --------------------------------------------------------------------------- 3. 모델 전체를 NumPy로

_PROBE_ACTIVATIONS = ("relu", "linear", "sigmoid")
_FORBIDDEN = {"predict", "predict_on_batch", "predict_step", "__call__", "call"}


_NO_CALL = "채점용 모델의 층은 데이터로 부를 수 없습니다 (q3: W, b로 직접 계산하세요)"


@keras.saving.register_keras_serializable(package="keras_course")
class ProbeDense(keras.layers.Dense):
    """q3 채점용 Dense: 가중치, 편향, 활성화 함수는 보통 Dense와 같지만, 진짜 데이터로 부르면 오류를 낸다.

    `model(x)`, `layer(x)`, `model.predict(x)`는 모두 층의 `__call__`을 지나므로, 답안이 그것을 쓰면 채점기가 안다
    (채점기가 모델을 pickle로 학생 커널에 보내도 그대로: 이 클래스가 등록되어 있으므로)."""

    def __call__(self, *args, **kwargs):
        values = [v for v in keras.tree.flatten((args, kwargs)) if hasattr(v, "shape")]
        if not all(isinstance(v, keras.KerasTensor) for v in values):  # 모델을 만들 때의 모양 계산만 허용
            raise RuntimeError(_NO_CALL)
        return super().__call__(*args, **kwargs)


def _probe_model():
    """채점용 작은 모델: 편향이 0이 아니고, relu → linear(활성화 없음) → sigmoid 출력 2개."""

    def dense(units, activation, seed):
        return ProbeDense(
            units,
            activation=activation,
            kernel_initializer=keras.initializers.GlorotUniform(seed=seed),
            bias_initializer=keras.initializers.RandomNormal(stddev=0.5, seed=seed + 100),
        )

    units = (4, 3, 2)
    stack = [dense(u, a, i + 1) for i, (u, a) in enumerate(zip(units, _PROBE_ACTIVATIONS, strict=True))]
    return keras.Sequential([keras.Input(shape=(5,)), *stack])


_ACTIVATION = {
    "relu": lambda z: np.maximum(0, z),
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "linear": lambda z: z,
}


def _forward(model, x, *, bias=True, rename=None):
    """참고 계산. bias=False: 편향 빼기. rename(i, name) → 그 층에 쓸 활성화 이름 (학생이 흔히 하는 실수 흉내)."""
    h = np.asarray(x, dtype="float64")
    last = len(model.layers) - 1
    for i, layer in enumerate(model.layers):
        W, b = layer.get_weights()
        z = h @ W + (b if bias else 0)
        name = layer.activation.__name__
        if rename is not None:
            name = rename(i, last, name)
        h = _ACTIVATION[name](z)
    return h


# 학생 답이 이 중 하나와 같으면, 그 실수 말고는 설명이 없다 (채점용 모델의 층은 relu, linear, sigmoid).
_NEAR_MISSES = {
    "no_bias": {"bias": False},
    "no_last_activation": {"rename": lambda i, last, name: "linear" if i == last else name},
    "relu_everywhere": {"rename": lambda i, last, name: "relu"},
    "linear_layer": {"rename": lambda i, last, name: "sigmoid" if name == "linear" else name},
    "linear_as_relu": {"rename": lambda i, last, name: "relu" if name == "linear" else name},
    "no_activation": {"rename": lambda i, last, name: "linear"},
}


def _loop(body: str) -> str:
    return (
        "def q3_forward(model, x):\n"
        "    h = x\n"
        "    for layer in model.layers:\n"
        "        W, b = layer.get_weights()\n" + body + "    return h\n"
    )


@book.exercise(
    stars=3,
    title="모델 전체를 NumPy로 계산하기",
    hint=(
        "5절의 마지막 셀을 일반화하세요: `for layer in model.layers:`로 층마다 `W, b = layer.get_weights()`, "
        "`z = h @ W + b`. 활성화 함수는 층마다 다릅니다: `layer.activation.__name__`이 무엇인지 보고, "
        "세 가지 경우('relu', 'sigmoid', 'linear')를 모두 따로 다루세요."
    ),
    solution="""
        def q3_forward(model, x):
            h = np.asarray(x, dtype="float32")
            for layer in model.layers:
                W, b = layer.get_weights()
                z = h @ W + b
                name = layer.activation.__name__
                if name == "relu":
                    h = np.maximum(0, z)
                elif name == "sigmoid":
                    h = 1 / (1 + np.exp(-z))
                else:  # "linear": 활성화 없음
                    h = z
            return h
    """,
    mistakes={
        "uses_model": (
            "모델이나 층에게 계산을 맡겼습니다 (`model.predict`, `model(x)`, `layer(x)` 같은 것). 이 문제는 그 계산을 "
            "직접 하는 것입니다: 층마다 `layer.get_weights()`로 W, b를 꺼내 `h @ W + b`에 활성화 함수를 씌우세요.",
            "def q3_forward(model, x):\n    return model.predict(x, verbose=0)\n",
        ),
        "no_bias": (
            "편향 b를 더하지 않았습니다. 5절의 층은 편향이 모두 0이라 차이가 없었지만, 학습한 모델(그리고 채점용 "
            "모델)은 편향이 0이 아닙니다: `z = h @ W + b`.",
            _loop("        z = h @ W\n"
                  "        name = layer.activation.__name__\n"
                  "        h = np.maximum(0, z) if name == 'relu' else (\n"
                  "            1 / (1 + np.exp(-z)) if name == 'sigmoid' else z)\n"),
        ),
        "no_last_activation": (
            "마지막 층의 활성화 함수를 빠뜨렸습니다. 출력층의 sigmoid까지 지나야 `model(x)`와 같은 "
            "0~1 사이의 값이 됩니다.",
            "def q3_forward(model, x):\n"
            "    h = x\n"
            "    for layer in model.layers[:-1]:\n"
            "        W, b = layer.get_weights()\n"
            "        z = h @ W + b\n"
            "        h = np.maximum(0, z) if layer.activation.__name__ == 'relu' else z\n"
            "    W, b = model.layers[-1].get_weights()\n"
            "    return h @ W + b\n",
        ),
        "relu_everywhere": (
            "모든 층에 relu를 썼습니다. 층마다 자기 활성화 함수가 있습니다: 출력층은 sigmoid, 활성화 없는 층은 "
            "'linear' (`layer.activation.__name__`으로 확인).",
            _loop("        h = np.maximum(0, h @ W + b)\n"),
        ),
        "linear_layer": (
            "활성화가 'linear'(활성화 없음)인 층에 sigmoid를 씌웠습니다. relu가 아니면 모두 sigmoid로 보는 "
            "`else`는 이런 층에서 틀립니다: 'linear'이면 `z`를 그대로 넘기세요.",
            _loop("        z = h @ W + b\n"
                  "        h = np.maximum(0, z) if layer.activation.__name__ == 'relu' else 1 / (1 + np.exp(-z))\n"),
        ),
        "linear_as_relu": (
            "활성화가 'linear'(활성화 없음)인 층에 relu를 씌웠습니다. sigmoid가 아니면 모두 relu로 보는 `else`는 "
            "이런 층에서 틀립니다: 'linear'이면 `z`를 그대로 넘기세요.",
            _loop("        z = h @ W + b\n"
                  "        h = 1 / (1 + np.exp(-z)) if layer.activation.__name__ == 'sigmoid' else np.maximum(0, z)\n"),
        ),
        "no_activation": (
            "활성화 함수를 하나도 씌우지 않았습니다. 층마다 `z = h @ W + b` 다음에 그 층의 활성화 함수"
            "(`layer.activation.__name__`: 'relu', 'sigmoid', 'linear')를 지나야 합니다.",
            _loop("        h = h @ W + b\n"),
        ),
        "transposed": (
            "행렬 곱의 모양이 맞지 않습니다. W의 모양은 (입력 수, 노드 수)이고 h는 (샘플 수, 입력 수)이므로 "
            "`h @ W`입니다 (W를 전치하지 않습니다).",
            _loop("        z = h @ W.T + b\n"
                  "        h = np.maximum(0, z) if layer.activation.__name__ == 'relu' else 1 / (1 + np.exp(-z))\n"),
        ),
    },
    rejects=[
        # 수업의 마지막 셀처럼 층을 직접 부름
        ("def q3_forward(model, x):\n"
         "    h = x\n"
         "    for layer in model.layers:\n"
         "        h = layer(h)\n"
         "    return np.asarray(h)\n", "uses_model"),
        ("def q3_forward(model, x):\n    return model(x).numpy()\n", "uses_model"),
        # W를 앞에 곱함 (np.dot(W, h))
        (_loop("        z = np.dot(W, h) + b\n"
               "        h = np.maximum(0, z) if layer.activation.__name__ == 'relu' else 1 / (1 + np.exp(-z))\n"),
         None),
        # 첫 층만 계산
        ("def q3_forward(model, x):\n"
         "    W, b = model.layers[0].get_weights()\n"
         "    return np.maximum(0, x @ W + b)\n", None),
        # 텐서를 그대로 돌려줌
        ("def q3_forward(model, x):\n"
         "    h = x\n"
         "    for layer in model.layers:\n"
         "        W, b = layer.get_weights()\n"
         "        h = layer.activation(h @ W + b)\n"
         "    return h\n", None),
    ],
    accepts=[
        # 이름별 함수 사전
        "ACTIVATIONS = {'relu': lambda z: np.maximum(z, 0), 'sigmoid': lambda z: 1 / (1 + np.exp(-z)), "
        "'linear': lambda z: z}\n"
        "def q3_forward(model, x):\n"
        "    h = x\n"
        "    for layer in model.layers:\n"
        "        W, b = layer.get_weights()\n"
        "        h = ACTIVATIONS[layer.get_config()['activation']](h @ W + b)\n"
        "    return h\n",
        # 층의 활성화 함수를 그대로 쓰고 NumPy로 바꿈
        "def q3_forward(model, x):\n"
        "    h = x\n"
        "    for layer in model.layers:\n"
        "        W, b = layer.get_weights()\n"
        "        h = keras.ops.convert_to_numpy(layer.activation(h @ W + b))\n"
        "    return h\n",
        # layer.kernel / layer.bias, float64, np.where
        "def q3_forward(model, x):\n"
        "    h = np.array(x, dtype=np.float64)\n"
        "    for layer in model.layers:\n"
        "        z = h @ layer.kernel.numpy() + layer.bias.numpy()\n"
        "        kind = layer.activation.__name__\n"
        "        if kind == 'relu':\n"
        "            z = np.where(z > 0, z, 0.0)\n"
        "        elif kind == 'sigmoid':\n"
        "            z = 1.0 / (1.0 + np.exp(-z))\n"
        "        h = z\n"
        "    return h\n",
    ],
)
def q3(ns):
    function = answer(ns, "q3_forward")
    if not callable(function):
        mistake(detail="`q3_forward`는 `def q3_forward(model, x):`로 만든 함수여야 합니다.")
    used = _FORBIDDEN & names_used(function)
    if used:
        mistake("uses_model", detail=f"(쓴 것: {', '.join(sorted(used))})")
    model = _probe_model()
    x = np.random.default_rng(1).normal(size=(6, 5)).astype("float32")
    expected = _forward(model, x)
    try:
        got = call_answer(function, model, x, returns="계산한 NumPy 배열")
    except RuntimeError as error:
        if _NO_CALL in str(error):
            mistake("uses_model", detail="(채점용 모델의 층을 데이터로 불렀습니다)")
        raise
    except ValueError as error:
        if not ("matmul" in str(error) or "shape" in str(error) or "dimension" in str(error)
                or "aligned" in str(error)):
            raise
        if {"T", "transpose"} & names_used(function):
            mistake("transposed")
        mistake(detail=f"행렬 곱의 모양이 맞지 않습니다 ({str(error)[:120]}). h는 (샘플 수, 입력 수), W는 "
                       "(입력 수, 노드 수)이므로 `h @ W`의 순서입니다. "
                       "층마다 h를 그 층의 출력으로 바꿔 다음 층에 넘기세요.")
    if not isinstance(got, np.ndarray):
        mistake(detail=f"NumPy 배열을 돌려주세요 (받은 것: {type(got).__name__}). 텐서라면 "
                "`keras.ops.convert_to_numpy(...)`나 `np.asarray(...)`로 바꿉니다.")
    got = np.asarray(got, dtype="float64")
    if got.shape != expected.shape:
        mistake(detail=f"결과의 모양이 {got.shape}입니다. (샘플 수, 마지막 층의 노드 수) = {expected.shape}여야 "
                       "합니다: 모든 층을 차례로 지나야 합니다.")
    if np.allclose(got, expected, atol=1e-5):
        return (
            "정답입니다. Sequential 모델이 하는 일은 층마다 `activation(h @ W + b)`를 차례로 이어 붙이는 것뿐입니다. "
            "학습(fit)은 이 W와 b를 고치는 과정입니다."
        )
    for key, options in _NEAR_MISSES.items():
        if np.allclose(got, _forward(model, x, **options), atol=1e-5):
            mistake(key)
    mistake(detail=f"값이 `model(x)`와 다릅니다 (최대 차이 {float(np.abs(got - expected).max()):.4f}). "
            "층마다 편향을 더했는지, 층마다 그 층의 활성화 함수('relu', 'sigmoid', 'linear')를 골랐는지 보세요.")
