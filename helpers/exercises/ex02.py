"""`02_output_layer`의 연습문제: 출력층 고르기, 고장 난 다중 분류 모델 고치기, 은닉층으로 초승달 나누기."""

from __future__ import annotations

import numpy as np

from .core import Book, answer, mistake

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


# --- 연습문제 1 ---
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
        "squashed_price": (
            "`q1_price`에 출력을 0~1로 가두는 활성화 함수를 붙였습니다. 가격은 0~1을 한참 넘는 수라서 모델이 "
            "닿을 수 없습니다(1절). 회귀의 출력층은 활성화 함수 없이(`None`) 둡니다.",
            'q1_price = (1, "sigmoid")\nq1_spam = (1, "sigmoid")\nq1_digit = (10, "softmax")\n',
        ),
    },
)
def q1(ns):
    specs = {name: _output_spec(answer(ns, name), name) for name in ("q1_price", "q1_spam", "q1_digit")}
    price, spam, digit = specs["q1_price"], specs["q1_spam"], specs["q1_digit"]
    if any(units == 1 and act == "softmax" for units, act in specs.values()):
        mistake("softmax_one")
    if price[1] in ("sigmoid", "softmax", "tanh"):
        mistake("squashed_price")
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
def _wine_accuracy(model) -> float:
    from helpers.data import train_test_data

    _, X_test, _, y_test = train_test_data("wine", encode_labels=True)
    proba = np.asarray(model.predict(X_test, verbose=0))
    return float(np.mean(proba.argmax(axis=1) == y_test))


@book.exercise(
    stars=2,
    title="노트의 고장 난 다중 분류 모델 고치기",
    hint=(
        "와인 품종은 3개이고 정답은 0, 1, 2 정수입니다. 출력층의 노드 수와 활성화 함수는 4절의 붓꽃 모델과 같은 "
        "원리로, 손실 함수는 '정수 정답용' 다중 분류 손실로 고르세요. 그다음 fit으로 학습까지 해야 합니다."
    ),
    solution='''
        q2_X_train, q2_X_test, q2_y_train, q2_y_test = helpers.train_test_data("wine", encode_labels=True)
        keras.utils.set_random_seed(42)
        q2_model = keras.Sequential(
            [
                keras.Input(shape=(13,)),
                layers.Dense(16, activation="relu"),
                layers.Dense(3, activation="softmax"),  # 품종 3개의 확률, 합이 1
            ]
        )
        q2_model.compile(
            loss="sparse_categorical_crossentropy",  # 정답이 0, 1, 2 정수
            optimizer=keras.optimizers.Adam(learning_rate=0.02),
            metrics=["accuracy"],
        )
        q2_model.fit(q2_X_train, q2_y_train, epochs=10, batch_size=8, verbose=0)
    ''',
    mistakes={
        "softmax_one": (
            "출력층이 아직 노트의 `Dense(1, activation='softmax')`입니다. 노드가 1개인 softmax는 언제나 1을 내고 "
            "그레이디언트가 0이라 학습되지 않습니다(3절). 노드를 품종 수만큼 두세요.",
            "q2_model = keras.Sequential([keras.Input(shape=(13,)), layers.Dense(16, activation='relu'), "
            "layers.Dense(1, activation='softmax')])\n"
            "q2_model.compile(loss='sparse_categorical_crossentropy', optimizer='adam', metrics=['accuracy'])\n",
        ),
        "sigmoid_three": (
            "노드는 3개로 늘렸지만 활성화 함수가 sigmoid입니다. sigmoid는 노드마다 따로 0~1을 내서 세 값의 합이 "
            "1이 아닙니다(다중 레이블 분류용, 09). 세 품종 중 하나를 고르는 문제에는 합이 1인 확률을 내는 "
            "활성화 함수를 쓰세요.",
            "q2_model = keras.Sequential([keras.Input(shape=(13,)), layers.Dense(16, activation='relu'), "
            "layers.Dense(3, activation='sigmoid')])\n"
            "q2_model.compile(loss='sparse_categorical_crossentropy', optimizer='adam', metrics=['accuracy'])\n",
        ),
        "no_activation": (
            "출력층에 활성화 함수가 없습니다. 그러면 세 출력이 음수도 될 수 있는 아무 실수라 확률이 아닌데, "
            "손실 함수는 확률을 받는다고 가정합니다. 출력층에 합이 1인 확률을 내는 활성화 함수를 붙이세요.",
            "q2_model = keras.Sequential([keras.Input(shape=(13,)), layers.Dense(16, activation='relu'), "
            "layers.Dense(3)])\n"
            "q2_model.compile(loss='sparse_categorical_crossentropy', optimizer='adam', metrics=['accuracy'])\n",
        ),
        "mse_loss": (
            "출력층은 맞지만 손실 함수가 노트의 `mean_squared_error`(회귀용) 그대로입니다. 정수 정답 0, 1, 2와 "
            "확률 3개의 제곱 오차는 분류의 손실이 아닙니다. 정수 정답을 받는 다중 분류 손실로 바꾸세요.",
            "q2_model = keras.Sequential([keras.Input(shape=(13,)), layers.Dense(16, activation='relu'), "
            "layers.Dense(3, activation='softmax')])\n"
            "q2_model.compile(loss='mean_squared_error', optimizer='adam', metrics=['accuracy'])\n",
        ),
        "categorical_int": (
            "`categorical_crossentropy`는 원-핫 정답(품종마다 한 칸, 모양 (샘플 수, 3))용입니다. 이 문제의 정답은 "
            "0, 1, 2 정수(모양 (샘플 수,))라서 fit에서 모양 오류가 납니다. 정수 정답용 손실 함수를 쓰세요.",
            "q2_model = keras.Sequential([keras.Input(shape=(13,)), layers.Dense(16, activation='relu'), "
            "layers.Dense(3, activation='softmax')])\n"
            "q2_model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])\n",
        ),
    },
)
def q2(ns):
    model = _keras_model(ns, "q2_model")
    dense = _dense_layers(model)
    if not dense:
        mistake(detail="모델에 Dense 층이 없습니다.")
    if _input_features(model) != 13:
        mistake(detail=f"입력 특성은 13개입니다: `keras.Input(shape=(13,))` (지금: {_input_features(model)}).")
    last = dense[-1]
    units, act = int(last.units), _activation_name(last.activation)
    if units == 1 and act == "softmax":
        mistake("softmax_one")
    if units != 3:
        mistake(detail=f"출력층의 노드가 {units}개입니다. 와인 품종은 몇 개인가요?")
    if act == "sigmoid":
        mistake("sigmoid_three")
    loss, logits = _loss_name(model)
    if act == "linear" and not logits:
        mistake("no_activation")
    if act not in ("softmax", "linear"):
        mistake(detail=f"출력층의 활성화 함수가 '{act}'입니다. 합이 1인 확률을 내는 함수는 무엇인가요?")
    if loss is None:
        mistake(detail="모델을 compile하지 않았습니다: "
                       "`q2_model.compile(loss=..., optimizer=..., metrics=['accuracy'])`.")
    if loss == "mean_squared_error":
        mistake("mse_loss")
    if loss not in ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        mistake(detail=f"손실 함수 '{loss}'는 이 문제(정수 정답 3종류)에 맞지 않습니다.")
    accuracy = _wine_accuracy(model)
    if loss == "categorical_crossentropy" and accuracy < 0.9:
        mistake("categorical_int")
    if accuracy < 0.9:
        mistake(detail=f"구조와 손실은 맞습니다. 시험 정확도가 {accuracy:.3f}라서 아직 학습이 덜 됐습니다: "
                       "fit을 실행했는지, 에포크가 충분한지 확인하세요 (목표 0.9 이상).")
    return (
        f"정답입니다. 시험 정확도 {accuracy:.3f}. 노트의 `Dense(1, 'softmax')`는 배울 수 없는 모델이었지만, "
        "출력 노드를 클래스 수만큼 두고 정답 형식에 맞는 손실을 고르면 같은 은닉층으로도 잘 배웁니다."
    )


# --- 연습문제 3 ---
def _moons_test():
    from helpers.data import train_test_data

    _, X_test, _, y_test = train_test_data("moons")
    return X_test, y_test


@book.exercise(
    stars=3,
    title="은닉층이 있는데도 경계가 직선인 모델 고치기",
    hint=(
        "활성화 함수가 없는 Dense 층은 x @ W + b, 곧 직선(평면) 변환입니다. 직선 변환을 몇 번 겹쳐도 여전히 직선 "
        "변환이라서, 은닉층이 없는 모델과 같은 직선 경계밖에 못 그립니다. 은닉층에 무엇을 붙여야 경계가 꺾일까요? "
        "맞힌 개수는 시험 데이터에서 확률 > 0.5로 판정해 세세요."
    ),
    solution='''
        q3_X_train, q3_X_test, q3_y_train, q3_y_test = helpers.train_test_data("moons")
        keras.utils.set_random_seed(42)
        q3_model = keras.Sequential(
            [
                keras.Input(shape=(2,)),
                layers.Dense(16, activation="relu"),  # 은닉층에 활성화 함수: 경계가 꺾일 수 있다
                layers.Dense(16, activation="relu"),
                layers.Dense(1, activation="sigmoid"),
            ]
        )
        q3_model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.05),
                         metrics=["accuracy"])
        q3_model.fit(q3_X_train, q3_y_train, epochs=10, batch_size=32, verbose=0)
        q3_proba = q3_model.predict(q3_X_test, verbose=0)
        q3_correct = int(((q3_proba[:, 0] > 0.5) == q3_y_test).sum())
    ''',
    mistakes={
        "linear_hidden": (
            "은닉층에 아직 활성화 함수가 없습니다. 활성화 함수가 없는 층은 x @ W + b라서 몇 개를 쌓아도 전체가 "
            "직선 변환 하나와 같고, 결정 경계는 로지스틱 회귀와 같은 직선입니다. 은닉층마다 relu를 붙이세요.",
            "q3_model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(16), layers.Dense(16), "
            "layers.Dense(1, activation='sigmoid')])\n"
            "q3_model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])\n"
            "q3_correct = 175\n",
        ),
        "no_hidden": (
            "은닉층을 없앴습니다. 출력층만 있는 `Dense(1, sigmoid)`는 로지스틱 회귀와 같은 식이라 경계가 "
            "직선입니다(6절). 층 수와 노드 수는 그대로 두고(은닉층 Dense(16) 두 개) 다른 곳을 고치세요.",
            "q3_model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1, activation='sigmoid')])\n"
            "q3_model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])\n"
            "q3_correct = 175\n",
        ),
        "not_trained": (
            "구조는 맞지만 학습이 안 됐거나 덜 됐습니다. compile 다음에 훈련 데이터로 fit을 실행했는지, 에포크와 "
            "학습률이 6절의 모델만큼 되는지 확인하세요.",
            "keras.utils.set_random_seed(42)\n"
            "q3_model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(16, activation='relu'), "
            "layers.Dense(16, activation='relu'), layers.Dense(1, activation='sigmoid')])\n"
            "q3_model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])\n"
            "q3_correct = 100\n",
        ),
        "train_count": (
            "`q3_correct`가 시험 샘플 수(200)보다 큽니다: 훈련 데이터(800개)에서 센 것 같습니다. 모델이 처음 보는 "
            "시험 데이터 `q3_X_test`, `q3_y_test`에서 세야 일반화 성능을 잴 수 있습니다(06).",
            "keras.utils.set_random_seed(42)\n"
            "q3_model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(16, activation='relu'), "
            "layers.Dense(16, activation='relu'), layers.Dense(1, activation='sigmoid')])\n"
            "q3_model.compile(loss='binary_crossentropy', optimizer=keras.optimizers.Adam(learning_rate=0.05), "
            "metrics=['accuracy'])\n"
            "q3_model.fit(q3_X_train, q3_y_train, epochs=10, batch_size=32, verbose=0)\n"
            "q3_correct = int(((q3_model.predict(q3_X_train, verbose=0)[:, 0] > 0.5) == q3_y_train).sum())\n",
        ),
    },
)
def q3(ns):
    model = _keras_model(ns, "q3_model")
    counted = answer(ns, "q3_correct")
    dense = _dense_layers(model)
    if _input_features(model) != 2:
        got = _input_features(model)
        mistake(detail=f"moons의 특성은 x1, x2 두 개입니다: `keras.Input(shape=(2,))` (지금: {got}).")
    if not dense:
        mistake(detail="모델에 Dense 층이 없습니다.")
    last, hidden = dense[-1], dense[:-1]
    if int(last.units) != 1 or _activation_name(last.activation) != "sigmoid":
        mistake(detail="이진 분류의 출력층은 2절처럼 확률 하나를 내는 `Dense(1, activation='sigmoid')`입니다.")
    if not hidden:
        mistake("no_hidden")
    if any(_activation_name(layer.activation) == "linear" for layer in hidden):
        mistake("linear_hidden")
    X_test, y_test = _moons_test()
    correct = int(((np.asarray(model.predict(X_test, verbose=0)).reshape(-1) > 0.5) == y_test).sum())
    if correct < 190:
        mistake("not_trained", detail=f"(이 모델은 시험 {len(y_test)}개 중 {correct}개를 맞힙니다. 목표는 190개 이상.)")
    if isinstance(counted, bool) or not isinstance(counted, int | np.integer):
        mistake(detail=f"`q3_correct`는 맞힌 개수(정수)여야 합니다 (받은 값: {counted!r}). `int(...)`로 바꾸세요.")
    if counted > len(y_test):
        mistake("train_count")
    if int(counted) != correct:
        mistake(detail=f"`q3_correct`가 {counted}인데, 이 모델은 시험 {len(y_test)}개 중 {correct}개를 맞힙니다. "
                       "q3_X_test로 예측하고 확률 > 0.5로 판정해 q3_y_test와 같은 것을 세세요.")
    return (
        f"정답입니다. 시험 {len(y_test)}개 중 {correct}개. 은닉층을 쌓는 것만으로는 부족하고, 층 사이의 활성화 함수가 "
        "있어야 결정 경계가 꺾여서 직선으로 나눌 수 없는 데이터를 배울 수 있습니다."
    )
