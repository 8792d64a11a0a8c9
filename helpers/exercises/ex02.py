"""`02_output_layer`의 연습문제: 출력층 고르기, 고장 난 다중 분류 모델 고치기, 고리 모양 데이터의 모델 고치기."""

from __future__ import annotations

import numpy as np

from .core import Book, answer, fingerprint, fits, mistake, raised_in_answer_cell

book = Book("02_output_layer")


# --- 채점에 쓰는 작은 도구 ---
def _activation_name(activation) -> str:
    """None, 'linear', 'Sigmoid', keras.activations.sigmoid ... → 'linear', 'sigmoid' 같은 이름."""
    if activation is None:
        return "linear"
    if callable(activation):
        activation = getattr(activation, "__name__", str(activation))
    return str(activation).strip().lower()


def _output_spec(value, name: str) -> tuple[int, str]:
    if not isinstance(value, tuple | list) or len(value) != 2:
        mistake(detail=f"`{name}`는 (노드 수, 활성화 함수) 두 칸짜리 튜플이어야 합니다 (받은 값: {value!r}).")
    units, activation = value
    if isinstance(units, bool) or not isinstance(units, int | np.integer):
        mistake(detail=f"`{name}`의 첫 칸(노드 수)은 정수여야 합니다 (받은 값: {units!r}).")
    return int(units), _activation_name(activation)


def _keras_model(ns, name: str):
    import keras

    model = answer(ns, name)
    if not isinstance(model, keras.Model):
        got = type(model).__name__
        mistake(detail=f"`{name}`에는 Keras 모델(`keras.Sequential([...])`)을 넣으세요 (받은 것: {got}).")
    return model


def _dense_layers(model) -> list:
    import keras

    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]


def _effective_activations(model) -> list[tuple[int, str]]:
    """Dense 층마다 (노드 수, 실제로 적용되는 활성화 함수 이름).

    `Dense(16)` 바로 뒤에 `layers.Activation("relu")`나 `layers.ReLU()`를 둔 것도 relu로 본다."""
    import keras

    layers = list(model.layers)
    result = []
    for index, layer in enumerate(layers):
        if not isinstance(layer, keras.layers.Dense):
            continue
        name = _activation_name(layer.activation)
        following = layers[index + 1] if index + 1 < len(layers) else None
        if name == "linear" and isinstance(following, keras.layers.Activation):
            name = _activation_name(following.activation)
        elif name == "linear" and isinstance(following, keras.layers.ReLU | keras.layers.LeakyReLU | keras.layers.ELU):
            name = "relu"
        elif name == "linear" and isinstance(following, keras.layers.Softmax):
            name = "softmax"
        result.append((int(layer.units), name))
    return result


def _loss_name(model) -> tuple[str | None, bool]:
    """compile에 준 손실 함수의 이름과 from_logits 여부. compile 전이면 (None, False)."""
    loss = getattr(model, "loss", None)
    if loss is None:
        return None, False
    if isinstance(loss, str):
        name, logits = loss, False
    elif hasattr(loss, "get_config"):
        config = loss.get_config()
        name, logits = config.get("name", type(loss).__name__), bool(config.get("from_logits", False))
    else:
        name, logits = getattr(loss, "__name__", str(loss)), False
    name = name.lower()
    aliases = {"mse": "mean_squared_error", "mae": "mean_absolute_error"}
    return aliases.get(name, name), logits


def _input_features(model) -> int | None:
    try:
        return int(model.inputs[0].shape[-1])
    except (AttributeError, IndexError, TypeError, ValueError):
        return None


def _check_training_data(model, train_x, test_x, what: str) -> None:
    """fit 기록으로 무엇으로 학습했는지 본다: 학습 안 함, 시험 데이터로 학습, 훈련 데이터가 아닌 것으로 학습."""
    records = fits(model)
    if not records:
        mistake("not_trained")
    test_print = {fingerprint(x) for x in test_x}
    if any(record["x"] in test_print for record in records):
        mistake("test_data")
    if not any(record["x"] in {fingerprint(x) for x in train_x} for record in records):
        shapes = ", ".join(str(record["x"]).split(":")[0] for record in records)
        mistake(detail=f"`fit`에 넘긴 입력(모양 {shapes})이 {what}가 아닙니다. "
                       "답안 셀에 준비된 훈련 데이터로 학습하세요.")


# --- 연습문제 1 ---
_Q1_OK = 'q1_spam = (1, "sigmoid")\nq1_digit = (10, "softmax")\n'


@book.exercise(
    stars=1,
    title="문제에 맞는 출력층 고르기",
    hint=(
        "먼저 모델이 답해야 하는 값이 몇 개인지(노드 수), 그 값이 아무 수인지, 확률 하나인지, 합이 1인 확률 "
        "여러 개인지(활성화 함수) 생각해 보세요. 5절의 표가 세 경우를 모두 정리합니다."
    ),
    solution='''
        q1_price = (1, None)          # 회귀: 아무 실수나 나와야 하므로 활성화 함수 없음
        q1_spam = (1, "sigmoid")      # 이진 분류: 스팸일 확률 하나 (0~1)
        q1_digit = (10, "softmax")    # 다중 분류: 숫자 10개 각각의 확률, 합이 1
    ''',
    mistakes={
        "softmax_one": (
            "노드 1개에 softmax를 쓴 답이 있습니다. softmax는 노드끼리 나누는 함수라 노드가 1개면 언제나 1을 "
            "출력합니다(3절). 확률 하나가 필요하면 sigmoid, 클래스가 여럿이면 노드를 클래스 수만큼 두세요.",
            'q1_price = (1, None)\nq1_spam = (1, "softmax")\nq1_digit = (10, "softmax")\n',
        ),
        "no_activation_probability": (
            "`q1_spam`에 활성화 함수가 없습니다. 그러면 출력이 -3이나 7 같은 아무 실수가 되어 확률로 읽을 수 "
            "없습니다. 0과 1 사이의 확률 하나를 내는 활성화 함수를 붙이세요.",
            'q1_price = (1, None)\nq1_spam = (1, None)\nq1_digit = (10, "softmax")\n',
        ),
        "sigmoid_multiclass": (
            "`q1_digit`에 sigmoid를 썼습니다. sigmoid는 노드마다 따로 0~1을 내므로 열 개의 합이 1이 되지 않고, "
            "'여러 개가 동시에 맞을 수 있는' 다중 레이블 분류용입니다(09). 숫자는 열 개 중 하나이므로 "
            "합이 1인 확률을 내는 활성화 함수를 쓰세요.",
            'q1_price = (1, None)\nq1_spam = (1, "sigmoid")\nq1_digit = (10, "sigmoid")\n',
        ),
        "digit_one_node": (
            "`q1_digit`의 노드가 1개입니다. 노트의 '출력 데이터 개수는 1개'를 따르면 숫자 0~9를 수 하나로 "
            "말하게 되는데, 그러면 7과 8이 '가까운 답'이 되는 회귀가 됩니다. 다중 분류의 노드 수는 클래스 수입니다.",
            'q1_price = (1, None)\nq1_spam = (1, "sigmoid")\nq1_digit = (1, None)\n',
        ),
        "digit_wrong_count": (
            "`q1_digit`의 노드 수가 클래스 수와 다릅니다. 손글씨 숫자는 0, 1, ..., 9까지 모두 몇 개인지 세어 보세요 "
            "(0도 한 클래스입니다).",
            'q1_price = (1, None)\nq1_spam = (1, "sigmoid")\nq1_digit = (9, "softmax")\n',
        ),
        "squashed_price": (
            "`q1_price`에 출력을 0~1로 가두는 활성화 함수를 붙였습니다. 가격은 0~1을 한참 넘는 수라서 모델이 "
            "닿을 수 없습니다(1절). 회귀의 출력층은 활성화 함수 없이(`None`) 둡니다.",
            'q1_price = (1, "sigmoid")\n' + _Q1_OK,
        ),
        "relu_price": (
            "`q1_price`에 relu를 붙였습니다. relu는 음수를 모두 0으로 자르므로, 학습 중 출력이 음수 쪽으로 가면 "
            "그레이디언트가 0이 되어 출력층이 0에 갇힐 수 있습니다. 회귀의 출력층은 활성화 함수 없이(`None`) 둡니다.",
            'q1_price = (1, "relu")\n' + _Q1_OK,
        ),
        "none_string": (
            "활성화 함수 자리에 따옴표로 감싼 문자열 `'None'`을 썼습니다. '활성화 함수 없음'은 따옴표 없는 "
            "파이썬의 `None`입니다 (`Dense(1, activation='None')`은 Keras가 모르는 이름이라 오류가 납니다).",
            'q1_price = (1, "None")\n' + _Q1_OK,
        ),
    },
    rejects=[
        ('q1_price = (1, None)\nq1_spam = (1, "sigmoid")\nq1_digit = (1, "softmax")\n', "softmax_one"),
        ('q1_price = (1, "linear")\nq1_spam = (2, "sigmoid")\nq1_digit = (10, "softmax")\n', None),
        ('q1_price = (1, None)\nq1_spam = (1, "sigmoid")\nq1_digit = (10, "relu")\n', None),
        ('q1_price = 1, None\nq1_spam = 1, "sigmoid"\nq1_digit = "10, softmax"\n', None),
        ('q1_price = (1, "tanh")\n' + _Q1_OK, "squashed_price"),
    ],
    accepts=[
        'q1_price = [1, "linear"]\nq1_spam = [1, "sigmoid"]\nq1_digit = [10, "softmax"]\n',
        'import keras\n\nq1_price = (1, None)\nq1_spam = (1, keras.activations.sigmoid)\n'
        'q1_digit = (10, keras.activations.softmax)\n',
        'q1_price = (1, None)\nq1_spam = (2, "softmax")\nq1_digit = (10, "Softmax")\n',
    ],
)
def q1(ns):
    specs = {name: _output_spec(answer(ns, name), name) for name in ("q1_price", "q1_spam", "q1_digit")}
    price, spam, digit = specs["q1_price"], specs["q1_spam"], specs["q1_digit"]
    if any(act == "none" for _, act in specs.values()):
        mistake("none_string")
    if any(units == 1 and act == "softmax" for units, act in specs.values()):
        mistake("softmax_one")
    if price[1] in ("sigmoid", "softmax", "tanh"):
        mistake("squashed_price")
    if price[1] == "relu":
        mistake("relu_price")
    if price != (1, "linear"):
        mistake(detail="`q1_price`: 가격처럼 아무 크기의 수를 예측하는 회귀의 출력층은 노드 몇 개, "
                       "활성화 함수는 무엇인가요?")
    if spam[0] == 1 and spam[1] == "linear":
        mistake("no_activation_probability")
    if spam not in ((1, "sigmoid"), (2, "softmax")):
        mistake(detail="`q1_spam`: 스팸일 확률 하나를 내는 출력층을 다시 생각해 보세요.")
    if digit[0] == 10 and digit[1] == "sigmoid":
        mistake("sigmoid_multiclass")
    if digit[0] == 1:
        mistake("digit_one_node")
    if digit[0] != 10 and digit[1] == "softmax":
        mistake("digit_wrong_count", detail=f"(지금: {digit[0]}개)")
    if digit != (10, "softmax"):
        mistake(detail="`q1_digit`: 숫자 0~9는 클래스가 몇 개이고, 그 확률들의 합은 얼마여야 하나요?")
    note = ""
    if spam[0] == 2:
        note = " 스팸을 (2, 'softmax')로 답해도 맞습니다: 두 확률의 합이 1이라 sigmoid 하나와 같은 정보입니다."
    return (
        "정답입니다. 출력층의 노드 수는 '답해야 하는 값의 개수', 활성화 함수는 '그 값이 어떤 범위여야 하는지'로 "
        "정합니다: 회귀는 (1, 없음), 이진 분류는 (1, sigmoid), 다중 분류는 (클래스 수, softmax)." + note
    )


# --- 연습문제 2 ---
def _wine():
    from helpers.data import train_test_data

    return train_test_data("wine", encode_labels=True, scale=True)


_Q2_HIDDEN = "keras.Input(shape=(13,)), layers.Dense(16, activation='relu'), "
_Q2_FIT = "q2_model.fit(q2_X_train, q2_y_train, epochs=10, batch_size=16, verbose=0)\n"


def _q2_answer(output: str, loss: str, fit: str = _Q2_FIT) -> str:
    return (
        "keras.utils.set_random_seed(42)\n"
        f"q2_model = keras.Sequential([{_Q2_HIDDEN}{output}])\n"
        f"q2_model.compile(loss={loss!r}, optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=['accuracy'])\n"
        + fit
    )


def _q2_structure(model, seen: str = "") -> None:
    """q2 모델의 출력층과 손실을 본다. seen: 답안 셀이 오류를 냈을 때 그 오류 (메시지 끝에 붙인다)."""
    dense = _dense_layers(model)
    if not dense:
        mistake(detail="모델에 Dense 층이 없습니다.")
    if _input_features(model) != 13:
        mistake(detail=f"입력 특성은 13개입니다: `keras.Input(shape=(13,))` (지금: {_input_features(model)}). {seen}")
    last = dense[-1]
    units, act = int(last.units), _activation_name(last.activation)
    if units == 1 and act == "softmax":
        mistake("softmax_one", detail=seen)
    if units != 3:
        mistake(detail=f"출력층의 노드가 {units}개입니다. 와인 품종은 몇 개인가요? {seen}")
    if act == "sigmoid":
        mistake("sigmoid_three", detail=seen)
    loss, logits = _loss_name(model)
    if act == "linear" and not logits:
        mistake("no_activation", detail=seen)
    if act not in ("softmax", "linear"):
        mistake(detail=f"출력층의 활성화 함수가 '{act}'입니다. 합이 1인 확률을 내는 함수는 무엇인가요? {seen}")
    if loss is None:
        mistake(detail="모델을 compile하지 않았습니다: "
                       "`q2_model.compile(loss=..., optimizer=..., metrics=['accuracy'])`.")
    if loss == "mean_squared_error":
        mistake("mse_loss", detail=seen)
    if loss == "categorical_crossentropy" and seen:
        mistake("categorical_int", detail=seen)
    if loss not in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        mistake(detail=f"손실 함수 '{loss}'는 이 문제(정수 레이블 3종류)에 맞지 않습니다. {seen}")


@book.exercise(
    stars=2,
    title="노트의 고장 난 다중 분류 모델 고치기",
    hint=(
        "와인 품종은 3개이고 타깃은 0, 1, 2 정수 레이블입니다. 출력층의 노드 수와 활성화 함수는 4절의 붓꽃 모델과 "
        "같은 원리로, 손실 함수는 '정수 레이블용' 다중 분류 손실로 고르세요. 그다음 훈련 데이터로 fit까지 해야 합니다."
    ),
    solution='''
        q2_X_train, q2_X_test, q2_y_train, q2_y_test = helpers.train_test_data("wine", encode_labels=True, scale=True)
        keras.utils.set_random_seed(42)
        q2_model = keras.Sequential(
            [
                keras.Input(shape=(13,)),
                layers.Dense(16, activation="relu"),
                layers.Dense(3, activation="softmax"),  # 품종 3개의 확률, 합이 1
            ]
        )
        q2_model.compile(
            loss="sparse_categorical_crossentropy",  # 타깃이 0, 1, 2 정수
            optimizer=keras.optimizers.Adam(learning_rate=0.01),
            metrics=["accuracy"],
        )
        q2_model.fit(q2_X_train, q2_y_train, epochs=10, batch_size=16, verbose=0)
    ''',
    mistakes={
        "softmax_one": (
            "출력층이 아직 노트의 `Dense(1, activation='softmax')`입니다. 노드가 1개인 softmax는 언제나 1을 내고 "
            "그레이디언트가 0이라 학습되지 않습니다(3절). 노드를 품종 수만큼 두세요.",
            _q2_answer("layers.Dense(1, activation='softmax')", "sparse_categorical_crossentropy"),
        ),
        "sigmoid_three": (
            "노드는 3개로 늘렸지만 활성화 함수가 sigmoid입니다. sigmoid는 노드마다 따로 0~1을 내서 세 값의 합이 "
            "1이 아닙니다(다중 레이블 분류용, 09). 세 품종 중 하나를 고르는 문제에는 합이 1인 확률을 내는 "
            "활성화 함수를 쓰세요.",
            _q2_answer("layers.Dense(3, activation='sigmoid')", "sparse_categorical_crossentropy"),
        ),
        "no_activation": (
            "출력층에 활성화 함수가 없습니다. 그러면 세 출력이 음수도 될 수 있는 아무 실수라 확률이 아닌데, "
            "손실 함수는 확률을 받는다고 가정합니다. 출력층에 합이 1인 확률을 내는 활성화 함수를 붙이세요.",
            _q2_answer("layers.Dense(3)", "sparse_categorical_crossentropy"),
        ),
        "mse_loss": (
            "출력층은 맞지만 손실 함수가 노트의 `mean_squared_error`(회귀용) 그대로입니다. 정수 레이블 0, 1, 2와 "
            "확률 3개의 제곱 오차는 분류의 손실이 아닙니다. 정수 레이블을 받는 다중 분류 손실로 바꾸세요.",
            _q2_answer("layers.Dense(3, activation='softmax')", "mean_squared_error"),
        ),
        "categorical_int": (
            "`categorical_crossentropy`는 원-핫 타깃(품종마다 한 칸, 모양 (샘플 수, 3))용입니다. 이 문제의 타깃은 "
            "0, 1, 2 정수(모양 (샘플 수,))라서 fit에서 모양 오류가 납니다. 정수 레이블용 손실 함수를 쓰세요.",
            _q2_answer("layers.Dense(3, activation='softmax')", "categorical_crossentropy"),
        ),
        "not_trained": (
            "모델을 만들고 compile했지만 학습(`fit`)하지 않았습니다: 이 모델로 fit한 기록이 없습니다. "
            "`q2_model.fit(q2_X_train, q2_y_train, ...)`까지 실행하세요.",
            _q2_answer("layers.Dense(3, activation='softmax')", "sparse_categorical_crossentropy", fit=""),
        ),
        "test_data": (
            "시험 데이터 `q2_X_test`로 학습(`fit`)했습니다. 시험 데이터는 모델이 처음 보는 데이터여야 채점하는 "
            "정확도가 새 데이터에서의 성능을 말해 줍니다. 시험 데이터로 학습하면 정확도가 1.0이 나와도 아무것도 "
            "보여 주지 못합니다. 모델을 새로 만들어 `q2_X_train`, `q2_y_train`으로만 학습하세요.",
            _q2_answer("layers.Dense(3, activation='softmax')", "sparse_categorical_crossentropy",
                       fit="q2_model.fit(q2_X_test, q2_y_test, epochs=10, batch_size=16, verbose=0)\n"),
        ),
    },
    rejects=[
        # 학생 표: 컴파일만 하고 fit을 잊음 / 시험 데이터로 학습 / Dense(3, softmax) + mse
        (_q2_answer("layers.Dense(3, activation='softmax')", "sparse_categorical_crossentropy",
                    fit="q2_model.fit(q2_X_train, q2_y_train, epochs=10, batch_size=16, verbose=0)\n"
                        "q2_model.fit(q2_X_test, q2_y_test, epochs=5, verbose=0)\n"), "test_data"),
        # 학생 표: Dense(1, softmax)를 둔 채 손실만 sparse로 (fit에서 오류)
        (_q2_answer("layers.Dense(1, activation='softmax')", "sparse_categorical_crossentropy"), "softmax_one"),
        (_q2_answer("layers.Dense(3, activation='relu')", "sparse_categorical_crossentropy"), None),
        (_q2_answer("layers.Dense(3, activation='softmax')", "binary_crossentropy"), None),
        (_q2_answer("layers.Dense(3, activation='softmax')", "sparse_categorical_crossentropy",
                    fit="q2_model.fit(q2_X_train, q2_y_train, epochs=1, batch_size=16, verbose=0)\n"), None),
    ],
    accepts=[
        # 원-핫 타깃 + categorical_crossentropy
        "keras.utils.set_random_seed(42)\n"
        f"q2_model = keras.Sequential([{_Q2_HIDDEN}layers.Dense(3, activation='softmax')])\n"
        "q2_model.compile(loss='categorical_crossentropy', optimizer=keras.optimizers.Adam(learning_rate=0.01), "
        "metrics=['accuracy'])\n"
        "q2_model.fit(q2_X_train, keras.utils.to_categorical(q2_y_train, 3), epochs=10, batch_size=16, verbose=0)\n",
        # add()로 쌓기 + 손실 객체 + verbose=2
        "keras.utils.set_random_seed(42)\n"
        "q2_model = keras.Sequential()\n"
        "q2_model.add(keras.Input(shape=(13,)))\n"
        "q2_model.add(layers.Dense(16, activation='relu'))\n"
        "q2_model.add(layers.Dense(3, activation='softmax'))\n"
        "q2_model.compile(loss=keras.losses.SparseCategoricalCrossentropy(), "
        "optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=['accuracy'])\n"
        "q2_model.fit(q2_X_train, q2_y_train, epochs=10, batch_size=16, verbose=2)\n",
        # 함수형 API
        "keras.utils.set_random_seed(42)\n"
        "inputs = keras.Input(shape=(13,))\n"
        "hidden = layers.Dense(16, activation='relu')(inputs)\n"
        "q2_model = keras.Model(inputs, layers.Dense(3, activation='softmax')(hidden))\n"
        "q2_model.compile(loss='sparse_categorical_crossentropy', optimizer=keras.optimizers.Adam(learning_rate=0.01), "
        "metrics=['accuracy'])\n"
        "q2_model.fit(q2_X_train, q2_y_train, epochs=10, batch_size=16, verbose=0)\n",
    ],
)
def q2(ns):
    import keras

    raised = raised_in_answer_cell(ns, "q2")
    shape_error = raised and any(word in raised.lower() for word in ("shape", "rank", "label value"))
    if shape_error and isinstance(ns.get("q2_model"), keras.Model):
        # 답안 셀의 fit이 모양 오류를 냈을 때: 모델의 출력층이나 손실이 그 원인이면 그 실수를 알려 준다
        kind = raised.split(":", 1)[0]
        _q2_structure(ns["q2_model"], seen=f"(답안 셀이 낸 {kind} 오류도 이것 때문입니다.)")
    model = _keras_model(ns, "q2_model")
    _q2_structure(model)

    X_train, X_test, _, y_test = _wine()
    train_x = [X_train] + ([ns["q2_X_train"]] if "q2_X_train" in ns else [])
    test_x = [X_test] + ([ns["q2_X_test"]] if "q2_X_test" in ns else [])
    _check_training_data(model, train_x, test_x, "`q2_X_train`")
    proba = np.asarray(model.predict(X_test, verbose=0))
    accuracy = float(np.mean(proba.argmax(axis=1) == y_test))
    if accuracy < 0.9:
        epochs = sum(int(record.get("epochs_run") or 0) for record in fits(model))
        mistake(detail=f"구조와 손실은 맞고 훈련 데이터로 {epochs} 에포크 학습했지만 시험 정확도가 "
                       f"{accuracy:.3f}입니다 (목표 0.9 이상). 가능한 원인: 에포크가 문제보다 적음, 학습률이 다름, "
                       "답안 셀의 데이터 줄(`scale=True`)을 바꿈.")
    return (
        f"정답입니다. 시험 정확도 {accuracy:.3f}. 노트의 `Dense(1, 'softmax')`는 배울 수 없는 모델이었지만, "
        "출력 노드를 클래스 수만큼 두고 타깃 형식에 맞는 손실을 고르면 같은 은닉층으로도 잘 배웁니다."
    )


# --- 연습문제 3 ---
def _circles():
    """문제의 고리 모양 데이터 (답안 셀과 같은 방법으로 만든다)."""
    from sklearn.datasets import make_circles
    from sklearn.model_selection import train_test_split

    X, y = make_circles(n_samples=1000, noise=0.1, factor=0.5, random_state=0)
    return train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)


_Q3_COMPILE = ("q3_model.compile(loss='binary_crossentropy', optimizer=keras.optimizers.Adam(learning_rate=0.01), "
               "metrics=['accuracy'])\n")
_Q3_FIT = "q3_model.fit(q3_X_train, q3_y_train, epochs=10, batch_size=16, verbose=0)\n"
_Q3_COUNT = "q3_correct = int(((q3_model.predict(q3_X_test, verbose=0)[:, 0] > 0.5) == q3_y_test).sum())\n"


def _q3_answer(hidden: str, output: str, fit: str = _Q3_FIT, count: str = _Q3_COUNT) -> str:
    return (
        "keras.utils.set_random_seed(42)\n"
        f"q3_model = keras.Sequential([keras.Input(shape=(2,)), {hidden}, {hidden}, {output}])\n"
        + _Q3_COMPILE + fit + count
    )


_RELU, _LINEAR = "layers.Dense(16, activation='relu')", "layers.Dense(16)"
_SIGMOID = "layers.Dense(1, activation='sigmoid')"


@book.exercise(
    stars=3,
    title="고리 모양 데이터에서 고장 난 모델 고치기",
    hint=(
        "두 군데를 하나씩 따져 보세요. (1) 이 문제는 회귀, 이진 분류, 다중 분류 중 무엇이고, 그 출력층은 1~2절의 "
        "어느 모양이어야 하나요? `binary_crossentropy`는 출력을 무엇으로 읽나요? (2) 6절에서 은닉층이 있는 모델의 "
        "경계가 꺾인 것은 은닉층의 무엇 덕분이었나요? 그것이 없는 층을 여러 개 쌓으면 여전히 x @ W + b 꼴입니다."
    ),
    solution='''
        from sklearn.datasets import make_circles
        from sklearn.model_selection import train_test_split

        q3_X, q3_y = make_circles(n_samples=1000, noise=0.1, factor=0.5, random_state=0)
        q3_X_train, q3_X_test, q3_y_train, q3_y_test = train_test_split(
            q3_X, q3_y, test_size=0.2, random_state=42, stratify=q3_y
        )
        keras.utils.set_random_seed(42)
        q3_model = keras.Sequential(
            [
                keras.Input(shape=(2,)),
                layers.Dense(16, activation="relu"),  # 은닉층에 활성화 함수: 경계가 꺾일 수 있다
                layers.Dense(16, activation="relu"),
                layers.Dense(1, activation="sigmoid"),  # 이진 분류: 클래스 1일 확률 하나
            ]
        )
        q3_model.compile(
            loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=["accuracy"]
        )
        q3_model.fit(q3_X_train, q3_y_train, epochs=10, batch_size=16, verbose=0)
        q3_proba = q3_model.predict(q3_X_test, verbose=0)
        q3_correct = int(((q3_proba[:, 0] > 0.5) == q3_y_test).sum())
    ''',
    mistakes={
        "unchanged": (
            "은닉층과 출력층 모두 아직 활성화 함수가 없습니다: 문제의 코드 그대로입니다. 고칠 곳은 두 군데입니다.",
            _q3_answer(_LINEAR, "layers.Dense(1)"),
        ),
        "linear_hidden": (
            "출력층은 고쳤지만 은닉층에 아직 활성화 함수가 없습니다. 활성화 함수가 없는 층은 x @ W + b라서 몇 개를 "
            "쌓아도 전체가 선형(아핀) 변환 하나와 같고, 결정 경계는 로지스틱 회귀처럼 직선입니다. 원 모양의 경계를 "
            "그리려면 은닉층마다 relu 같은 활성화 함수가 있어야 합니다.",
            _q3_answer(_LINEAR, _SIGMOID),
        ),
        "no_sigmoid": (
            "은닉층은 고쳤지만 출력층 `Dense(1)`에 활성화 함수가 없습니다. 출력이 아무 실수라서 클래스 1일 확률이 "
            "아닌데, `binary_crossentropy`는 출력을 확률로 읽습니다. 이진 분류의 출력층은 2절처럼 확률 하나를 "
            "내는 모양입니다.",
            _q3_answer(_RELU, "layers.Dense(1)"),
        ),
        "sizes": (
            "층 수나 노드 수를 바꿨습니다. 문제는 층 수와 노드 수(Dense 16, 16, 1)는 그대로 두고 고치는 것입니다: "
            "노드를 늘려서가 아니라 고칠 곳을 고쳐서 나아져야 합니다.",
            _q3_answer("layers.Dense(64, activation='relu')", _SIGMOID),
        ),
        "not_trained": (
            "모델을 만들고 compile했지만 이 모델로 fit한 기록이 없습니다. "
            "`q3_model.fit(q3_X_train, q3_y_train, ...)`을 실행한 뒤 맞힌 개수를 세세요.",
            _q3_answer(_RELU, _SIGMOID, fit=""),
        ),
        "test_data": (
            "시험 데이터 `q3_X_test`로 학습(`fit`)했습니다. 맞힌 개수를 세는 데이터로 학습하면 그 개수는 새 "
            "데이터에서의 성능을 말해 주지 못합니다. 모델을 새로 만들어 `q3_X_train`, `q3_y_train`으로만 학습하세요.",
            _q3_answer(_RELU, _SIGMOID,
                       fit="q3_model.fit(q3_X_test, q3_y_test, epochs=10, batch_size=16, verbose=0)\n"),
        ),
        "ratio": (
            "`q3_correct`가 0과 1 사이의 비율(정확도)입니다. 문제는 맞힌 개수(정수)를 묻습니다: 판정과 실제가 같은 "
            "샘플이 200개 중 몇 개인지 세세요.",
            _q3_answer(_RELU, _SIGMOID, count="q3_correct = q3_model.evaluate(q3_X_test, q3_y_test, verbose=0)[1]\n"),
        ),
        "array": (
            "`q3_correct`가 숫자 하나가 아니라 배열입니다. 샘플마다 맞았는지(True/False)를 담은 배열이라면, "
            "True의 개수를 `.sum()`으로 세어 정수 하나로 만드세요.",
            _q3_answer(_RELU, _SIGMOID,
                       count="q3_correct = (q3_model.predict(q3_X_test, verbose=0)[:, 0] > 0.5) == q3_y_test\n"),
        ),
        "all_zero": (
            "`q3_correct`가 시험 데이터에서 실제 클래스가 0인 샘플 수와 같습니다: 모든 샘플을 0으로 판정한 셈입니다. "
            "출력이 하나뿐인 모델에 `argmax(axis=1)`를 쓰면 언제나 0이 나옵니다. 클래스 1일 확률이 0.5보다 크면 1로 "
            "판정하세요.",
            _q3_answer(_RELU, _SIGMOID,
                       count="q3_correct = int((q3_model.predict(q3_X_test, verbose=0).argmax(axis=1) == q3_y_test)"
                             ".sum())\n"),
        ),
        "train_count": (
            "`q3_correct`가 훈련 데이터(800개)에서 센 값과 같습니다. 모델이 처음 보는 시험 데이터 `q3_X_test`, "
            "`q3_y_test`에서 세야 새 데이터에서의 성능을 잴 수 있습니다.",
            _q3_answer(_RELU, _SIGMOID, count="q3_correct = int(((q3_model.predict(q3_X_train, verbose=0)[:, 0] > 0.5)"
                                              " == q3_y_train).sum())\n"),
        ),
    },
    rejects=[
        # 학생 표: 은닉층만 넓힘 (층 수와 노드 수는 그대로라는 조건을 어김)
        (_q3_answer("layers.Dense(64)", _SIGMOID), "sizes"),
        # 판정 기준을 0.5 대신 0으로
        (_q3_answer(_RELU, _SIGMOID,
                    count="q3_correct = int(((q3_model.predict(q3_X_test, verbose=0)[:, 0] > 0) == q3_y_test)"
                          ".sum())\n"), None),
        # 출력층을 노트의 다중 분류 모양으로
        (_q3_answer(_RELU, "layers.Dense(1, activation='softmax')"), None),
        # 은닉층을 없앰
        ("keras.utils.set_random_seed(42)\n"
         f"q3_model = keras.Sequential([keras.Input(shape=(2,)), {_SIGMOID}])\n" + _Q3_COMPILE + _Q3_FIT + _Q3_COUNT,
         "sizes"),
        # 개수를 손으로 적음
        (_q3_answer(_RELU, _SIGMOID, count="q3_correct = 200\n"), None),
    ],
    accepts=[
        # tanh 은닉층 + evaluate의 정확도 × 200을 반올림
        _q3_answer("layers.Dense(16, activation='tanh')", _SIGMOID,
                   count="q3_correct = round(q3_model.evaluate(q3_X_test, q3_y_test, verbose=0)[1] * 200)\n"),
        # Activation 층을 따로 두기 + np.sum (numpy.int64)
        "keras.utils.set_random_seed(42)\n"
        "q3_model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(16), layers.Activation('relu'), "
        "layers.Dense(16), layers.Activation('relu'), layers.Dense(1), layers.Activation('sigmoid')])\n"
        + _Q3_COMPILE + _Q3_FIT
        + "q3_pred = (q3_model.predict(q3_X_test, verbose=0).ravel() > 0.5).astype(int)\n"
        "q3_correct = np.sum(q3_pred == q3_y_test)\n",
        # 함수형 API
        "keras.utils.set_random_seed(42)\n"
        "inputs = keras.Input(shape=(2,))\n"
        "h = layers.Dense(16, activation='relu')(inputs)\n"
        "h = layers.Dense(16, activation='relu')(h)\n"
        "q3_model = keras.Model(inputs, layers.Dense(1, activation='sigmoid')(h))\n"
        + _Q3_COMPILE + _Q3_FIT + _Q3_COUNT,
    ],
)
def q3(ns):
    model = _keras_model(ns, "q3_model")
    counted = answer(ns, "q3_correct")
    if _input_features(model) != 2:
        got = _input_features(model)
        mistake(detail=f"고리 데이터의 특성은 x1, x2 두 개입니다: `keras.Input(shape=(2,))` (지금: {got}).")
    layers = _effective_activations(model)
    if [units for units, _ in layers] != [16, 16, 1]:
        mistake("sizes", detail=f"(지금 Dense 층의 노드 수: {[units for units, _ in layers]})")
    hidden_linear = any(act == "linear" for _, act in layers[:2])
    output = layers[-1][1]
    loss, logits = _loss_name(model)
    if hidden_linear and output == "linear":
        mistake("unchanged")
    if output == "linear" and not logits:
        mistake("no_sigmoid")
    if output != "sigmoid":
        mistake(detail=f"출력층의 활성화 함수가 '{output}'입니다. 클래스 1일 확률 하나를 내는 출력층은 2절에 있습니다.")
    if hidden_linear:
        mistake("linear_hidden")
    if loss != "binary_crossentropy":
        mistake(detail=f"손실 함수가 '{loss}'입니다. 문제의 compile 줄처럼 이진 분류의 손실 "
                       "`binary_crossentropy`를 쓰세요.")

    X_train, X_test, y_train, y_test = _circles()
    train_x = [X_train] + ([ns["q3_X_train"]] if "q3_X_train" in ns else [])
    test_x = [X_test] + ([ns["q3_X_test"]] if "q3_X_test" in ns else [])
    _check_training_data(model, train_x, test_x, "`q3_X_train`")
    correct = int(((np.asarray(model.predict(X_test, verbose=0)).reshape(-1) > 0.5) == y_test).sum())

    if isinstance(counted, np.ndarray | list | tuple) and np.ndim(counted) > 0:
        mistake("array", detail=f"(받은 것: 모양 {np.shape(counted)}의 배열)")
    if isinstance(counted, bool) or not isinstance(counted, int | float | np.integer | np.floating):
        mistake(detail=f"`q3_correct`에는 맞힌 개수(정수 하나)를 넣으세요 (받은 것: {type(counted).__name__}).")
    if 0 < float(counted) <= 1 and not float(counted).is_integer():
        share = float(counted)
        mistake("ratio", detail=f"(받은 값: {share:.4g}. 200개 중 개수로는 {share * 200:.0f}개입니다.)")
    if not float(counted).is_integer():
        mistake(detail=f"`q3_correct`가 {counted!r}입니다. 맞힌 개수는 정수입니다.")
    counted = int(counted)
    train_correct = int(((np.asarray(model.predict(X_train, verbose=0)).reshape(-1) > 0.5) == y_train).sum())
    if counted == train_correct and counted != correct:
        mistake("train_count", detail=f"(받은 값: {counted})")
    if counted == int(np.sum(y_test == 0)) != correct:
        mistake("all_zero", detail=f"(받은 값: {counted})")
    if correct < 190:
        mistake(detail=f"구조는 맞고 훈련 데이터로 학습했지만 이 모델은 시험 {len(y_test)}개 중 {correct}개를 맞힙니다 "
                       "(목표 190개 이상). 가능한 원인: 에포크나 학습률이 문제와 다름, 시드를 걸지 않아 운이 나쁨.")
    if counted != correct:
        extra = (" 정확도 × 200을 `int(...)`로 바꿨다면 버림 때문에 1이 작아질 수 있습니다: `round(...)`를 쓰세요."
                 if counted == correct - 1 else "")
        mistake(detail=f"`q3_correct`가 {counted}인데, 이 모델은 시험 {len(y_test)}개 중 {correct}개를 맞힙니다. "
                       "가능한 원인: 학습을 마치기 전에 셌음, 0.5가 아닌 기준으로 판정함, 다른 데이터에서 셌음."
                       + extra)
    return (
        f"정답입니다. 시험 {len(y_test)}개 중 {correct}개. 출력층은 문제의 종류(이진 분류 → 확률 하나)에 맞추고, "
        "은닉층에는 활성화 함수가 있어야 결정 경계가 꺾여서 직선으로 나눌 수 없는 데이터를 배울 수 있습니다."
    )
