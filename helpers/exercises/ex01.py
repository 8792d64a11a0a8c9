"""`01_sequential_dense`의 연습문제: 파라미터 세기, 명세대로 Sequential 쌓기, Dense 층의 계산을 NumPy로."""

from __future__ import annotations

import numpy as np

from .core import Book, answer, call_answer, mistake, names_used

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
            "편향을 입력 수만큼 더했습니다. 편향은 노드(출력)마다 하나입니다: 입력 수 x 노드 수 + **노드 수**.",
            "q1_per_layer = [88, 60, 10]\n",
        ),
        "input_as_layer": (
            "`keras.Input`까지 층으로 셌습니다. Input은 파라미터가 없는 모양 약속이라 `model.layers`에도 없습니다. "
            "Dense 층 3개의 값만 적으세요.",
            "q1_per_layer = [0, 90, 55, 6]\n",
        ),
    },
)
def q1(ns):
    counts = answer(ns, "q1_per_layer")
    if isinstance(counts, int | np.integer):
        mistake(detail="합계 하나가 아니라 층마다 하나씩, 세 개의 정수를 리스트로 적으세요.")
    counts = [int(c) for c in counts]
    if len(counts) == 4 and counts[1:] == [90, 55, 6]:
        mistake("input_as_layer")
    if len(counts) != 3:
        mistake(detail=f"Dense 층은 3개인데 값이 {len(counts)}개입니다.")
    if counts == [80, 50, 5]:
        mistake("no_bias")
    if counts == [88, 60, 10]:
        mistake("bias_per_input")
    wrong = [i + 1 for i, (got, want) in enumerate(zip(counts, [90, 55, 6], strict=True)) if got != want]
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


@book.exercise(
    stars=2,
    title="명세대로 Sequential 모델 쌓기",
    hint=(
        "6절처럼 `keras.Sequential([...])`에 입력 모양 약속 하나와 Dense 층 세 개를 차례로 넣으세요. "
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
            "q2_model = keras.Sequential([" + _dense_stack([(16, "relu"), (8, "relu"), (1, "sigmoid")], 30) + "])\n",
        ),
        "no_input": (
            "입력 모양이 없어서 모델에 아직 가중치가 없습니다 (2절의 '0 (unbuilt)'). "
            "맨 앞에 `keras.Input(shape=(30,))`을 넣으세요.",
            "q2_model = keras.Sequential([" + _dense_stack([(16, "relu"), (8, "relu"), (1, "sigmoid")]) + "])\n",
        ),
        "wrong_input": (
            "입력 특성 수가 30이 아닙니다. 노트의 17은 폐암 수술 데이터의 특성 수이고, 유방 종양 데이터는 특성이 "
            "30개입니다: `keras.Input(shape=(30,))`.",
            "q2_model = keras.Sequential([keras.Input(shape=(17,)), "
            + _dense_stack([(16, "relu"), (8, "relu"), (1, "sigmoid")])
            + "])\n",
        ),
        "softmax_one": (
            "출력 노드 하나에 softmax를 썼습니다. 값이 하나뿐인 softmax는 언제나 1을 냅니다. "
            "이진 분류의 출력층은 `Dense(1, activation=\"sigmoid\")`입니다.",
            "q2_model = keras.Sequential([keras.Input(shape=(30,)), "
            + _dense_stack([(16, "relu"), (8, "relu"), (1, "softmax")])
            + "])\n",
        ),
        "output_layer": (
            "출력층이 명세와 다릅니다. 이진 분류(양성일 확률 하나)의 출력층은 노드 1개에 sigmoid입니다.",
            "q2_model = keras.Sequential([keras.Input(shape=(30,)), "
            + _dense_stack([(16, "relu"), (8, "relu"), (2, "relu")])
            + "])\n",
        ),
        "param_count": (
            "층의 노드 수가 명세와 달라 파라미터 수가 맞지 않습니다. 은닉층은 16개, 8개 노드입니다.",
            "q2_model = keras.Sequential([keras.Input(shape=(30,)), "
            + _dense_stack([(16, "relu"), (16, "relu"), (1, "sigmoid")])
            + "])\n",
        ),
    },
)
def q2(ns):
    import keras

    model = answer(ns, "q2_model")
    if not isinstance(model, keras.Model):
        mistake(detail=f"`q2_model`은 Keras 모델이어야 하는데 {type(model).__name__}입니다.")
    if not model.layers:
        mistake(detail="모델에 층이 없습니다.")
    if getattr(model.layers[0], "_input_shape_arg", None) is not None:
        mistake("input_dim")
    if not model.built:
        mistake("no_input")
    if tuple(model.inputs[0].shape) != (None, 30):
        if tuple(model.inputs[0].shape)[1:] != (30,):
            mistake("wrong_input", detail=f"(지금 입력 모양: {tuple(model.inputs[0].shape)})")
        mistake(detail="배치 크기 자리는 비워 두세요: `keras.Input(shape=(30,))`.")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    if len(dense) != len(model.layers):
        others = [type(layer).__name__ for layer in model.layers if layer not in dense]
        mistake(detail=f"Dense 층만 쌓으세요 (다른 층: {', '.join(others)}).")
    last = dense[-1]
    activation = last.activation.__name__
    if last.units == 1 and activation == "softmax":
        mistake("softmax_one")
    if last.units != 1 or activation != "sigmoid":
        mistake("output_layer", detail=f"(지금 출력층: Dense({last.units}, activation=\"{activation}\"))")
    units = [layer.units for layer in dense]
    if units != _SPEC_UNITS:
        mistake("param_count", detail=f"(지금 {model.count_params():,}개, 명세대로면 {_SPEC_TOTAL:,}개)")
    hidden = [layer.activation.__name__ for layer in dense[:-1]]
    if hidden != ["relu", "relu"]:
        mistake(detail=f"은닉층의 활성화 함수는 relu여야 합니다 (지금: {hidden}).")
    return (
        f"정답입니다. 파라미터 {model.count_params():,}개 (496 + 136 + 9): 02부터 유방 종양 데이터로 "
        "학습할 모델과 같은 모양입니다."
    )


# --------------------------------------------------------------------------- 3. 모델 전체를 NumPy로


def _probe_model():
    """채점용 작은 모델: 편향이 0이 아니고, 은닉층 relu 두 개와 sigmoid 출력 2개."""
    import keras
    from keras import layers

    def dense(units, activation, seed):
        return layers.Dense(
            units,
            activation=activation,
            kernel_initializer=keras.initializers.GlorotUniform(seed=seed),
            bias_initializer=keras.initializers.RandomNormal(stddev=0.5, seed=seed + 100),
        )

    return keras.Sequential([keras.Input(shape=(5,)), dense(4, "relu", 1), dense(3, "relu", 2), dense(2, "sigmoid", 3)])


def _forward(model, x, *, bias=True, last="own"):
    """참고 계산. bias=False: 편향 빼기, last='linear'/'relu': 마지막 층의 활성화를 바꾸기."""
    h = x
    for i, layer in enumerate(model.layers):
        W, b = layer.get_weights()
        z = h @ W + (b if bias else 0)
        name = layer.activation.__name__
        if i == len(model.layers) - 1 and last != "own":
            name = last
        h = np.maximum(0, z) if name == "relu" else 1 / (1 + np.exp(-z)) if name == "sigmoid" else z
    return h


@book.exercise(
    stars=3,
    title="모델 전체를 NumPy로 계산하기",
    hint=(
        "5절의 마지막 셀을 일반화하세요: `for layer in model.layers:`로 층마다 `W, b = layer.get_weights()`, "
        "`z = h @ W + b`, 그리고 `layer.activation.__name__`이 'relu'인지 'sigmoid'인지에 따라 활성화 함수를 고릅니다."
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
                else:
                    h = z
            return h
    """,
    mistakes={
        "no_bias": (
            "편향 b를 더하지 않았습니다. 5절의 층은 편향이 모두 0이라 차이가 없었지만, 학습한 모델(그리고 채점용 "
            "모델)은 편향이 0이 아닙니다: `z = h @ W + b`.",
            "def q3_forward(model, x):\n"
            "    h = x\n"
            "    for layer in model.layers:\n"
            "        W, b = layer.get_weights()\n"
            "        z = h @ W\n"
            "        h = np.maximum(0, z) if layer.activation.__name__ == 'relu' else 1 / (1 + np.exp(-z))\n"
            "    return h\n",
        ),
        "no_last_activation": (
            "마지막 층의 활성화 함수를 빠뜨렸습니다. 출력층의 sigmoid까지 지나야 `model.predict`와 같은 "
            "0~1 사이의 값이 됩니다.",
            "def q3_forward(model, x):\n"
            "    h = x\n"
            "    for layer in model.layers:\n"
            "        W, b = layer.get_weights()\n"
            "        h = h @ W + b\n"
            "        if layer is not model.layers[-1]:\n"
            "            h = np.maximum(0, h)\n"
            "    return h\n",
        ),
        "relu_everywhere": (
            "모든 층에 relu를 썼습니다. 층마다 자기 활성화 함수가 있습니다: 출력층은 sigmoid "
            "(`layer.activation.__name__`으로 확인).",
            "def q3_forward(model, x):\n"
            "    h = x\n"
            "    for layer in model.layers:\n"
            "        W, b = layer.get_weights()\n"
            "        h = np.maximum(0, h @ W + b)\n"
            "    return h\n",
        ),
        "transposed": (
            "행렬 곱의 모양이 맞지 않습니다. W의 모양은 (입력 수, 노드 수)이고 h는 (샘플 수, 입력 수)이므로 "
            "`h @ W`입니다 (W를 전치하지 않습니다).",
            "def q3_forward(model, x):\n"
            "    h = x\n"
            "    for layer in model.layers:\n"
            "        W, b = layer.get_weights()\n"
            "        z = h @ W.T + b\n"
            "        h = np.maximum(0, z) if layer.activation.__name__ == 'relu' else 1 / (1 + np.exp(-z))\n"
            "    return h\n",
        ),
    },
)
def q3(ns):
    function = answer(ns, "q3_forward")
    if not callable(function):
        mistake(detail="`q3_forward`는 `def q3_forward(model, x):`로 만든 함수여야 합니다.")
    model = _probe_model()
    x = np.random.default_rng(1).normal(size=(6, 5)).astype("float32")
    expected = model(x).numpy()
    try:
        got = call_answer(function, model, x)
    except ValueError as error:
        if not ("matmul" in str(error) or "shape" in str(error) or "dimension" in str(error)):
            raise
        if {"T", "transpose"} & names_used(function):
            mistake("transposed")
        mistake(detail="행렬 곱의 모양이 맞지 않습니다. 층마다 h를 그 층의 출력으로 바꿔 다음 층에 넘기고, "
                       "`h @ W`의 순서를 확인하세요.")
    got = np.asarray(got, dtype="float64")
    if got.shape != expected.shape:
        mistake(detail=f"결과의 모양이 {got.shape}입니다. (샘플 수, 마지막 층의 노드 수) = {expected.shape}여야 "
                       "합니다: 모든 층을 차례로 지나야 합니다.")
    close = {
        "correct": _forward(model, x),
        "no_bias": _forward(model, x, bias=False),
        "no_last_activation": _forward(model, x, last="linear"),
        "relu_everywhere": _forward(model, x, last="relu"),
    }
    if np.allclose(got, close["correct"], atol=1e-5):
        return (
            "정답입니다. Sequential 모델이 하는 일은 층마다 `activation(h @ W + b)`를 차례로 이어 붙이는 것뿐입니다. "
            "학습(fit)은 이 W와 b를 고치는 과정입니다."
        )
    for key in ("no_bias", "no_last_activation", "relu_everywhere"):
        if np.allclose(got, close[key], atol=1e-5):
            mistake(key)
    mistake(detail=f"값이 `model(x)`와 다릅니다 (최대 차이 {float(np.abs(got - expected).max()):.4f}).")
