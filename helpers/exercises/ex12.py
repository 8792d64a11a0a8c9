"""`12_legacy_to_keras3`의 연습문제: 옛 Keras 코드를 오늘의 Keras 3로 옮기기."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .core import Book, NotAnswered, answer, mistake

book = Book("12_legacy_to_keras3")


# --------------------------------------------------------------------------- 1. predict_classes 대신

# 확률이 정확히 0.5인 행이 들어 있는 작은 시험 배열 (float32: 모델의 predict가 돌려주는 자료형)
_PROBA = np.array([[0.2], [0.5], [0.9], [0.5000001]], dtype="float32")
_EXPECTED = np.array([0, 0, 1, 1])


@book.exercise(
    stars=1,
    title="predict_classes 대신 쓸 함수",
    hint=(
        "8.1에서 본 `predict_classes`의 규칙은 '확률이 0.5보다 크면 1'입니다. 결과는 1차원(`.ravel()`)의 "
        "0/1 정수(`.astype(\"int32\")`)로 돌려주세요."
    ),
    solution="""
        def q1_predict_classes(proba):
            return (np.asarray(proba) > 0.5).astype("int32").ravel()
    """,
    mistakes={
        "greater_equal": (
            "확률이 정확히 0.5인 행을 1로 바꿨습니다. 없어진 `predict_classes`는 `> 0.5`"
            "(0.5보다 **클 때만** 1)였습니다. `>=`를 `>`로 바꾸세요. 강의 전체가 이 규칙 하나를 씁니다.",
            "def q1_predict_classes(proba):\n"
            '    return (np.asarray(proba) >= 0.5).astype("int32").ravel()\n',
        ),
        "argmax": (
            "출력이 1열뿐인 sigmoid 모델의 확률에 `argmax`를 쓰면 언제나 0입니다 (열이 하나라 가장 큰 열은 늘 0번). "
            "`argmax`는 softmax 출력이 여러 열인 다중 분류용이고, 이진 분류는 확률을 0.5와 비교합니다.",
            "def q1_predict_classes(proba):\n"
            "    return np.argmax(proba, axis=1)\n",
        ),
        "two_dimensional": (
            "결과의 모양이 (n, 1)입니다. 이대로 1차원 정답 `y_test`와 `==`로 비교하면 (n, n) 표가 만들어져 "
            "정확도가 틀리게 계산됩니다. `.ravel()`로 1차원 (n,)으로 바꾸세요.",
            "def q1_predict_classes(proba):\n"
            '    return (np.asarray(proba) > 0.5).astype("int32")\n',
        ),
        "boolean": (
            "결과가 True/False 배열입니다. `predict_classes`는 0과 1의 정수를 돌려주었습니다. "
            "`.astype(\"int32\")`를 붙이세요.",
            "def q1_predict_classes(proba):\n"
            "    return (np.asarray(proba) > 0.5).ravel()\n",
        ),
    },
)
def q1(ns):
    function = answer(ns, "q1_predict_classes")
    if not callable(function):
        mistake(detail="`q1_predict_classes`는 확률 배열을 받아 클래스 배열을 돌려주는 함수여야 합니다.")
    result = function(_PROBA.copy())
    if result is None or result is Ellipsis:
        raise NotAnswered("q1_predict_classes")
    result = np.asarray(result)
    if result.shape == (4, 1):
        mistake("two_dimensional")
    if result.shape != (4,):
        mistake(detail=f"확률 4행을 넣었더니 모양이 {result.shape}인 결과가 나왔습니다. (4,)이어야 합니다.")
    if result.dtype == bool:
        mistake("boolean")
    values = result.astype(int).tolist()
    if values == [0, 0, 0, 0]:
        mistake("argmax")
    if values == [0, 1, 1, 1]:
        mistake("greater_equal")
    if values != _EXPECTED.tolist():
        mistake(detail=f"확률 [0.2, 0.5, 0.9, 0.5000001]에 대한 결과가 {values}입니다. [0, 0, 1, 1]이어야 합니다.")
    rng = np.random.default_rng(12)
    proba = rng.random((50, 1)).astype("float32")
    if not np.array_equal(np.asarray(function(proba.copy())), (proba > 0.5).astype("int32").ravel()):
        mistake(detail="작은 예에서는 맞았지만 난수 확률 50개에서는 결과가 `predict_classes`와 다릅니다.")
    return (
        "정답입니다. `(model.predict(x) > 0.5).astype(\"int32\").ravel()`이 옛 `predict_classes`의 오늘 모습이고, "
        "0.5인 경계를 어디로 보내는지까지 같아야 옛 결과와 숫자가 맞습니다."
    )


# --------------------------------------------------------------------------- 2. 옵티마이저와 체크포인트


def _initial_and_later(schedule_or_value):
    """학습률(숫자 또는 스케줄)을 반복 0, 100, 10000번째에서 계산한다."""
    import keras

    if isinstance(schedule_or_value, keras.optimizers.schedules.LearningRateSchedule):
        return [float(schedule_or_value(step)) for step in (0, 100, 10000)]
    return None


@book.exercise(
    stars=2,
    title="옵티마이저와 체크포인트 옮기기",
    hint=(
        "3.1에서 `decay`가 무시된다는 것과 그 대신 쓰는 스케줄을 봤습니다 (`decay_steps=1`이면 옛 식과 같습니다). "
        "체크포인트는 7.5와 15.6을 보세요: 확장자와 `monitor`의 이름이 둘 다 바뀌었습니다."
    ),
    solution="""
        q2_optimizer = keras.optimizers.SGD(
            learning_rate=keras.optimizers.schedules.InverseTimeDecay(
                initial_learning_rate=0.01, decay_steps=1, decay_rate=1e-4
            ),
            momentum=0.9,
        )
        q2_checkpoint = keras.callbacks.ModelCheckpoint(
            work / "{epoch:02d}-{val_accuracy:.4f}.keras", monitor="val_accuracy", save_best_only=True
        )
    """,
    mistakes={
        "decay_dropped": (
            "학습률이 0.01에 고정되어 있습니다. 옛 `decay=1e-4`는 학습률을 반복마다 `0.01 / (1 + 1e-4 * t)`로 줄였고, "
            "오늘 `decay=`를 주면 경고만 내고 무시됩니다. `keras.optimizers.schedules.InverseTimeDecay`를 "
            "`learning_rate`로 넘기세요.",
            "q2_optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)\n"
            "q2_checkpoint = keras.callbacks.ModelCheckpoint(\n"
            '    work / "{epoch:02d}-{val_accuracy:.4f}.keras", monitor="val_accuracy", save_best_only=True\n'
            ")\n",
        ),
        "h5_checkpoint": (
            "체크포인트가 `.h5`(레거시 형식)로 저장됩니다. 오류는 없지만 저장할 때마다 경고가 나고, "
            "불러와서 이어서 학습하면 `ValueError: Unknown variable`이 납니다 (7.3). 확장자를 `.keras`로 바꾸세요.",
            "q2_optimizer = keras.optimizers.SGD(\n"
            "    learning_rate=keras.optimizers.schedules.InverseTimeDecay(0.01, decay_steps=1, decay_rate=1e-4),\n"
            "    momentum=0.9,\n"
            ")\n"
            "q2_checkpoint = keras.callbacks.ModelCheckpoint(\n"
            '    work / "{epoch:02d}-{val_accuracy:.4f}.h5", monitor="val_accuracy", save_best_only=True\n'
            ")\n",
        ),
        "val_acc": (
            "`'val_acc'`라는 이름이 남아 있습니다. `metrics=['accuracy']`로 컴파일하면 기록의 이름은 "
            "`'val_accuracy'`입니다. `monitor='val_acc'`이면 `fit`에서 ValueError가 나거나(`mode` 없이), "
            "가장 좋은 모델 대신 에포크마다 덮어씁니다(`mode='max'`). "
            "파일 이름의 `{val_acc:.4f}`도 저장하는 순간 KeyError를 냅니다 (15.6).",
            "q2_optimizer = keras.optimizers.SGD(\n"
            "    learning_rate=keras.optimizers.schedules.InverseTimeDecay(0.01, decay_steps=1, decay_rate=1e-4),\n"
            "    momentum=0.9,\n"
            ")\n"
            "q2_checkpoint = keras.callbacks.ModelCheckpoint(\n"
            '    work / "{epoch:02d}-{val_acc:.4f}.keras", monitor="val_acc", mode="max", save_best_only=True\n'
            ")\n",
        ),
    },
)
def q2(ns):
    import keras

    optimizer = answer(ns, "q2_optimizer")
    checkpoint = answer(ns, "q2_checkpoint")
    if not isinstance(optimizer, keras.optimizers.SGD):
        mistake(detail=f"`q2_optimizer`가 {type(optimizer).__name__}입니다. 옛 코드와 같은 SGD여야 합니다.")
    if abs(float(optimizer.momentum) - 0.9) > 1e-6:
        mistake(detail=f"모멘텀이 {optimizer.momentum}입니다. 옛 코드의 `momentum=0.9`를 그대로 옮기세요.")
    rates = _initial_and_later(optimizer._learning_rate)
    if rates is None:
        if abs(float(optimizer.learning_rate) - 0.01) < 1e-6:
            mistake("decay_dropped")
        rate = float(optimizer.learning_rate)
        mistake(detail=f"학습률이 {rate:g}로 고정되어 있습니다. 0.01에서 시작해 줄어들어야 합니다.")
    expected = [0.01 / (1 + 1e-4 * step) for step in (0, 100, 10000)]
    if not np.allclose(rates, expected, rtol=1e-4):
        shown = ", ".join(f"{r:.6f}" for r in rates)
        mistake(detail=f"반복 0, 100, 10000번째의 학습률이 {shown}입니다. "
                       "옛 식으로는 0.010000, 0.009990, 0.005000입니다.")
    if not isinstance(checkpoint, keras.callbacks.ModelCheckpoint):
        mistake(detail="`q2_checkpoint`는 `keras.callbacks.ModelCheckpoint(...)`로 만든 콜백이어야 합니다.")
    logs = {"loss": 0.3, "accuracy": 0.9, "val_loss": 0.35, "val_accuracy": 0.88}
    if checkpoint.monitor in ("val_acc", "acc"):
        mistake("val_acc")
    try:
        checkpoint.filepath.format(epoch=1, **logs)
    except KeyError as error:
        if "acc" in str(error):
            mistake("val_acc")
        mistake(detail=f"파일 이름의 자리 표시 {error}는 기록에 없는 이름입니다.")
    if checkpoint.filepath.endswith(".h5"):
        if checkpoint.save_weights_only:
            mistake(detail="가중치만 저장합니다. 옛 코드처럼 모델 전체를 `.keras`로 저장하세요.")
        mistake("h5_checkpoint")
    if checkpoint.monitor != "val_accuracy":
        mistake(detail=f"`monitor='{checkpoint.monitor}'`입니다. "
                       "검증 정확도가 가장 좋을 때 저장하려면 'val_accuracy'입니다.")
    if not checkpoint.save_best_only:
        mistake(detail="`save_best_only=True`가 빠져서 에포크마다 저장합니다. 가장 좋은 모델만 남기세요.")
    if checkpoint.save_weights_only:
        mistake(detail="가중치만 저장합니다. 옛 코드처럼 모델 전체를 `.keras`로 저장하세요.")
    return (
        "정답입니다. `decay`는 조용히 무시되고 `mode='max'`를 붙인 `'val_acc'`는 가장 좋은 모델 대신 마지막 모델을 "
        "남기기 때문에, 오류가 나지 않는 옛 줄일수록 이렇게 하나씩 확인해야 합니다."
    )


# --------------------------------------------------------------------------- 3. 옛 스크립트 옮기기

_Q3_SOLUTION = """
    X3_train, X3_test, y3_train, y3_test = helpers.train_test_data("iris", encode_labels=True)

    keras.utils.set_random_seed(42)
    q3_model = keras.Sequential([
        keras.Input(shape=(4,)),
        layers.Dense(16, activation="relu"),
        layers.Dense(3, activation="softmax"),
    ])
    q3_model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01),
                     metrics=["accuracy"])
    q3_history = q3_model.fit(X3_train, keras.utils.to_categorical(y3_train, 3), epochs=20, batch_size=8,
                              validation_split=0.2, verbose=0)
    q3_val_accuracy = q3_history.history["val_accuracy"][-1]
    q3_path = work / "iris.keras"
    q3_model.save(q3_path)
"""


def _q3_variant(old: str, new: str) -> str:
    """해답에서 한 군데만 바꾼 답안 (알려진 실수를 재현할 때)."""
    import textwrap

    source = textwrap.dedent(_Q3_SOLUTION)
    if old not in source:
        raise ValueError(f"해답에 없는 부분: {old!r}")
    return source.replace(old, new, 1)


@book.exercise(
    stars=3,
    title="옛 붓꽃 스크립트를 Keras 3로 옮기기",
    hint=(
        "옛 줄을 위에서부터 하나씩: `input_dim` → `keras.Input` (1절), "
        "`np_utils` → `keras.utils.to_categorical` (11절), `lr` → `learning_rate` (3.1), "
        "`nb_epoch` → `epochs` (4절), `'val_acc'` → `'val_accuracy'` (5.1), `.h5` → `.keras` (7.3)."
    ),
    solution=_Q3_SOLUTION,
    mistakes={
        "input_dim": (
            "첫 층에 `input_dim`(또는 `input_shape`)을 주었습니다. 동작은 하지만 경고가 나는 옛 방식입니다 (1절). "
            "`keras.Sequential([keras.Input(shape=(4,)), ...])`처럼 입력을 따로 적으세요.",
            _q3_variant(
                '    keras.Input(shape=(4,)),\n    layers.Dense(16, activation="relu"),',
                '    layers.Dense(16, input_dim=4, activation="relu"),',
            ),
        ),
        "lr_default": (
            "학습률이 Adam의 기본값 0.001입니다. 옛 코드의 `Adam(lr=0.01)`에서 `lr=`을 지우기만 하면 "
            "학습률 0.01이 사라집니다. `Adam(learning_rate=0.01)`로 옮기세요.",
            _q3_variant("keras.optimizers.Adam(learning_rate=0.01)", "keras.optimizers.Adam()"),
        ),
        "train_accuracy": (
            "`q3_val_accuracy`가 **훈련** 정확도입니다. 옛 코드는 `'val_acc'`, 곧 검증 정확도를 출력했습니다. "
            "오늘의 이름은 `'accuracy'`가 아니라 `'val_accuracy'`입니다.",
            _q3_variant('q3_history.history["val_accuracy"][-1]', 'q3_history.history["accuracy"][-1]'),
        ),
        "h5_file": (
            "모델을 `.h5`로 저장했습니다. 파일에 옵티마이저 상태가 들어 있어도 Keras 3.15는 그것을 되살리지 "
            "못해서, 불러와 이어서 학습하면 `ValueError: Unknown variable`이 납니다 (7.3). `.keras`로 저장하세요.",
            _q3_variant('work / "iris.keras"', 'work / "iris.h5"'),
        ),
    },
)
def q3(ns):
    import keras

    model = answer(ns, "q3_model")
    history = answer(ns, "q3_history")
    val_accuracy = answer(ns, "q3_val_accuracy")
    path = answer(ns, "q3_path")

    if not isinstance(model, keras.Model):
        mistake(detail="`q3_model`은 Keras 모델이어야 합니다.")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    if len(dense) != 2:
        mistake(detail=f"Dense 층이 {len(dense)}개입니다. 옛 코드처럼 은닉층(16) 하나와 출력층 하나여야 합니다.")
    if getattr(dense[0], "_input_shape_arg", None) is not None:
        mistake("input_dim")
    if dense[0].units != 16 or dense[0].activation.__name__ != "relu":
        mistake(detail="은닉층은 옛 코드처럼 `Dense(16, activation='relu')`입니다.")
    if dense[1].units != 3 or dense[1].activation.__name__ != "softmax":
        shown = f"Dense({dense[1].units}, '{dense[1].activation.__name__}')"
        mistake(detail=f"출력층이 {shown}입니다. 세 품종이면 Dense(3, 'softmax')입니다.")
    if tuple(model.inputs[0].shape[1:]) != (4,):
        mistake(detail=f"입력 모양이 {tuple(model.inputs[0].shape[1:])}입니다. 붓꽃의 특성은 4개입니다.")

    optimizer = model.optimizer
    if not isinstance(optimizer, keras.optimizers.Adam):
        mistake(detail=f"옵티마이저가 {type(optimizer).__name__}입니다. 옛 코드처럼 Adam이어야 합니다.")
    rate = float(optimizer.learning_rate)
    if abs(rate - 0.001) < 1e-7:
        mistake("lr_default")
    if abs(rate - 0.01) > 1e-6:
        mistake(detail=f"학습률이 {rate:g}입니다. 옛 코드의 `lr=0.01`을 옮기세요.")
    loss = model.loss if isinstance(model.loss, str) else getattr(model.loss, "name", str(model.loss))
    if loss not in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        mistake(detail=f"손실 함수가 {loss}입니다. 다중 분류의 교차 엔트로피여야 합니다.")

    if not isinstance(history, keras.callbacks.History) or getattr(history, "model", None) is not model:
        mistake(detail="`q3_history`는 `q3_model.fit(...)`이 돌려준 값이어야 합니다.")
    if history.params.get("epochs") != 20:
        epochs = history.params.get("epochs")
        mistake(detail=f"에포크 수가 {epochs}입니다. 옛 코드의 `nb_epoch=20`은 `epochs=20`입니다.")
    if "val_accuracy" not in history.history:
        mistake(detail="기록에 'val_accuracy'가 없습니다. "
                       "옛 코드처럼 `validation_split=0.2`로 검증 데이터를 떼어 두세요.")

    if not isinstance(val_accuracy, int | float | np.floating):
        mistake(detail="`q3_val_accuracy`는 숫자 하나(마지막 에포크의 검증 정확도)여야 합니다.")
    if np.isclose(val_accuracy, history.history["accuracy"][-1]) and not np.isclose(
        val_accuracy, history.history["val_accuracy"][-1]
    ):
        mistake("train_accuracy")
    if not np.isclose(val_accuracy, history.history["val_accuracy"][-1]):
        mistake(detail="`q3_val_accuracy`가 기록의 마지막 검증 정확도와 다릅니다.")

    path = Path(path)
    if path.suffix in (".h5", ".hdf5"):
        mistake("h5_file")
    if path.suffix != ".keras":
        mistake(detail=f"저장한 파일 `{path.name}`의 확장자가 `.keras`가 아닙니다.")
    if not path.exists():
        mistake(detail=f"`{path.name}` 파일이 없습니다. `q3_model.save(q3_path)`를 실행했나요?")
    return (
        "정답입니다. 옛 스크립트에서 오류를 낸 줄은 일부(`np_utils`, `lr`, `nb_epoch`, `'val_acc'`)뿐이었지만, "
        "경고(`input_dim`)와 조용한 차이(`lr`을 지운 학습률, `.h5`의 이어서 학습)까지 옮겨야 같은 실험이 됩니다."
    )
