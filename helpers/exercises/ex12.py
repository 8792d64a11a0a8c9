"""`12_legacy_to_keras3`의 연습문제: 옛 Keras 코드를 오늘의 Keras 3로 옮기기."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import numpy as np

from .core import (
    Book,
    answer,
    call_answer,
    close,
    fingerprint,
    fits,
    mistake,
    names_used,
    need_number,
    raised_in_answer_cell,
    saved_paths,
)

book = Book("12_legacy_to_keras3")
WORK_PARTS = ("build", "12_legacy_to_keras3")   # helpers.workdir("12_legacy_to_keras3")가 만드는 폴더


def _in_work_folder(path: str) -> bool:
    """경로가 이 노트북의 작업 폴더(`work`) 바로 안인지 (상대 경로든 절대 경로든)."""
    return Path(path).parent.parts[-2:] == WORK_PARTS


# --------------------------------------------------------------------------- 1. predict_classes 대신

# 확률이 정확히 0.5인 행이 들어 있는 작은 시험 배열 (float32: 모델의 predict가 돌려주는 자료형)
_PROBA = np.array([[0.2], [0.5], [0.9], [0.5000001]], dtype="float32")
_EXPECTED = [0, 0, 1, 1]


@book.exercise(
    stars=1,
    title="predict_classes 대신 쓸 함수",
    hint=(
        "6절에서 본 `predict_classes`의 규칙은 '확률이 0.5보다 크면 1'입니다. 결과의 모양과 자료형이 문제의 예와 "
        "같은지 `print(q1_predict_classes(np.array([[0.2], [0.9]])))`로 확인해 보세요."
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
            "결과의 모양이 (n, 1)입니다. 이대로 1차원 타깃 `y_test`와 `==`로 비교하면 (n, n) 표가 만들어져 "
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
        "float_values": (
            "값은 맞지만 결과가 실수 배열(0.0과 1.0)입니다. 문제는 정수 배열을 요구합니다: 클래스 번호는 정수이고, "
            "`predict_classes`도 정수를 돌려주었습니다. `.astype(\"int32\")`로 바꾸세요.",
            "def q1_predict_classes(proba):\n"
            "    return np.round(proba).ravel()\n",
        ),
    },
    rejects=[
        ("def q1_predict_classes(proba):\n    return proba > 0.5\n", "two_dimensional"),
        ("def q1_predict_classes(proba):\n"
         "    return np.array([1 if p >= 0.5 else 0 for p in np.ravel(proba)])\n", "greater_equal"),
        ("def q1_predict_classes(proba):\n    return np.argmax(proba, axis=-1)\n", "argmax"),
        "def q1_predict_classes(proba):\n    return (np.asarray(proba) < 0.5).astype('int32').ravel()\n",
        "def q1_predict_classes(proba):\n    print((np.asarray(proba) > 0.5).astype('int32').ravel())\n",
        "def q1_predict_classes(proba):\n    return int((np.asarray(proba) > 0.5).sum())\n",
    ],
    accepts=[
        "def q1_predict_classes(proba):\n    return np.where(np.asarray(proba).ravel() > 0.5, 1, 0)\n",
        "def q1_predict_classes(proba):\n    return np.array([int(p > 0.5) for p in np.ravel(proba)])\n",
        "def q1_predict_classes(proba):\n    return (proba[:, 0] > 0.5).astype(int)\n",
    ],
)
def q1(ns):
    function = answer(ns, "q1_predict_classes")
    result = np.asarray(call_answer(function, _PROBA.copy(), returns="0/1 정수 배열"))
    if result.shape == (4, 1):
        mistake("two_dimensional")
    if result.shape != (4,):
        mistake(detail=f"확률 4행(모양 (4, 1))을 넣었더니 모양이 {result.shape}인 결과가 나왔습니다. "
                       "(4,)이어야 합니다.")
    if result.dtype == bool:
        mistake("boolean")
    values = [float(v) for v in result.tolist()]
    if result.dtype.kind == "f":
        if values == _EXPECTED:
            mistake("float_values")
        mistake(detail=f"결과가 실수 배열 {values}입니다. 0과 1의 정수 배열이어야 합니다.")
    if result.dtype.kind not in "iu":
        mistake(detail=f"결과의 자료형이 {result.dtype}입니다. 0과 1의 정수 배열이어야 합니다.")
    values = [int(v) for v in values]
    if values == [0, 0, 0, 0] and "argmax" in names_used(function):
        mistake("argmax")
    if values == [0, 1, 1, 1]:
        mistake("greater_equal")
    if values != _EXPECTED:
        mistake(detail=f"확률 [0.2, 0.5, 0.9, 0.5000001]에 대한 결과가 {values}입니다. [0, 0, 1, 1]이어야 합니다.")
    rng = np.random.default_rng(12)
    for proba in (rng.random((50, 1)).astype("float32"), np.array([[1.0]], dtype="float32")):
        got = np.asarray(call_answer(function, proba.copy(), returns="0/1 정수 배열"))
        if got.shape != (len(proba),) or not np.array_equal(got, (proba > 0.5).astype("int32").ravel()):
            mistake(detail=f"작은 예에서는 맞았지만 확률 {len(proba)}행에서는 결과가 `predict_classes`와 다릅니다.")
    return (
        "정답입니다. `(model.predict(x) > 0.5).astype(\"int32\").ravel()`이 옛 `predict_classes`의 오늘 모습이고, "
        "0.5인 경계를 어디로 보내는지까지 같아야 옛 결과와 숫자가 맞습니다."
    )


# --------------------------------------------------------------------------- 2. 옵티마이저와 체크포인트

_Q2_SOLUTION = """
    q2_optimizer = keras.optimizers.SGD(
        learning_rate=keras.optimizers.schedules.InverseTimeDecay(
            initial_learning_rate=0.01, decay_steps=1, decay_rate=1e-4
        ),
        momentum=0.9,
    )
    q2_checkpoint = keras.callbacks.ModelCheckpoint(
        work / "{epoch:02d}-{val_accuracy:.4f}.keras", monitor="val_accuracy", save_best_only=True
    )
"""


def _q2_variant(old: str, new: str) -> str:
    source = textwrap.dedent(_Q2_SOLUTION)
    if old not in source:
        raise ValueError(f"해답에 없는 부분: {old!r}")
    return source.replace(old, new, 1)


_SCHEDULE = (
    "learning_rate=keras.optimizers.schedules.InverseTimeDecay(\n"
    "        initial_learning_rate=0.01, decay_steps=1, decay_rate=1e-4\n    ),"
)


def _learning_rates(optimizer) -> list[float] | None:
    """옵티마이저의 학습률을 반복 0, 100, 10000번째에서 계산한다 (고정된 학습률이면 None)."""
    import keras

    setting = optimizer.get_config().get("learning_rate")
    if isinstance(setting, dict):
        schedule = keras.optimizers.schedules.deserialize(setting)
        return [float(schedule(step)) for step in (0, 100, 10000)]
    return None


@book.exercise(
    stars=2,
    title="옵티마이저와 체크포인트 옮기기",
    hint=(
        "2절의 'decay와 학습률 스케줄'에서 `decay`가 무시된다는 것과 그 대신 쓰는 스케줄을 봤습니다 "
        "(`decay_steps=1`이면 옛 식과 같습니다). 체크포인트는 8절을 보세요: 확장자와 `monitor`의 이름이 둘 다 "
        "바뀌었고, 파일 이름의 자리 표시는 기록의 이름을 씁니다. 가장 **높은** 값을 남기려면 `mode`를 무엇으로 둘지도 "
        "생각해 보세요."
    ),
    solution=_Q2_SOLUTION,
    mistakes={
        "decay_dropped": (
            "학습률이 0.01에 고정되어 있습니다. 옛 `decay=1e-4`는 학습률을 반복마다 `0.01 / (1 + 1e-4 * t)`로 줄였고, "
            "오늘 `decay=`를 주면 경고만 내고 무시됩니다. `keras.optimizers.schedules.InverseTimeDecay`를 "
            "`learning_rate`로 넘기세요.",
            _q2_variant(_SCHEDULE, "learning_rate=0.01,"),
        ),
        "lr_raised": (
            "답안 셀이 `lr=` 때문에 멈췄습니다 (`ValueError: Argument(s) not recognized: {'lr': 0.01}`). "
            "`decay` 경고가 먼저 나와도 오류의 원인은 `lr`입니다. 이름을 `learning_rate`로 바꾸세요.",
            _q2_variant(_SCHEDULE, "lr=0.01, decay=1e-4,"),
        ),
        "hdf5_raised": (
            "답안 셀이 `.hdf5` 파일 이름 때문에 멈췄습니다 (`ValueError: The filepath provided must end in `.keras``). "
            "모델 전체를 저장하는 체크포인트의 파일 이름은 `.keras`로 끝나야 합니다.",
            _q2_variant('{val_accuracy:.4f}.keras"', '{val_accuracy:.4f}.hdf5"'),
        ),
        "h5_checkpoint": (
            "체크포인트가 `.h5`(레거시 형식)로 저장됩니다. 오류는 없지만 저장할 때마다 경고가 나고, "
            "불러와서 이어서 학습하면 `ValueError: Unknown variable`이 납니다 (7절). 확장자를 `.keras`로 바꾸세요.",
            _q2_variant('{val_accuracy:.4f}.keras"', '{val_accuracy:.4f}.h5"'),
        ),
        "val_acc": (
            "`'val_acc'`라는 이름이 남아 있습니다. `metrics=['accuracy']`로 compile하면 기록의 이름은 "
            "`'val_accuracy'`입니다. `monitor='val_acc'`이면 `fit`에서 ValueError가 나거나(`mode` 없이), "
            "가장 좋은 모델 대신 에포크마다 덮어씁니다(`mode='max'`). 파일 이름의 `{val_acc:.4f}`도 첫 저장에서 "
            "`KeyError: 'Failed to format this callback filepath ...'`를 냅니다 (8절).",
            _q2_variant('"{epoch:02d}-{val_accuracy:.4f}.keras", monitor="val_accuracy"',
                        '"{epoch:02d}-{val_acc:.4f}.keras", monitor="val_acc", mode="max"'),
        ),
        "mode_min": (
            "`mode='min'`이면 검증 정확도가 가장 **낮은** 에포크를 남깁니다 (가장 나쁜 모델). 정확도는 클수록 좋으므로 "
            "`mode='max'`로 두거나, `mode`를 빼서 Keras가 `'val_accuracy'`를 보고 스스로 정하게 하세요.",
            _q2_variant('monitor="val_accuracy",', 'monitor="val_accuracy", mode="min",'),
        ),
        "name_rule": (
            "파일 이름에 에포크 번호(`{epoch}`)와 검증 정확도(`{val_accuracy}`) 자리 표시가 둘 다 있어야 합니다. "
            "예: `work / \"{epoch:02d}-{val_accuracy:.4f}.keras\"`.",
            _q2_variant('"{epoch:02d}-{val_accuracy:.4f}.keras"', '"best.keras"'),
        ),
    },
    rejects=[
        (_q2_variant(_SCHEDULE, "learning_rate=0.01, decay=1e-4,"), "decay_dropped"),
        _q2_variant(_SCHEDULE, "learning_rate=keras.optimizers.schedules.ExponentialDecay(0.01, 10000, 0.5),"),
        _q2_variant("    momentum=0.9,\n", ""),
        (_q2_variant('"{epoch:02d}-{val_accuracy:.4f}.keras"', '"{epoch:02d}.keras"'), "name_rule"),
        (_q2_variant('"{epoch:02d}-{val_accuracy:.4f}.keras", monitor="val_accuracy"',
                     '"{epoch:02d}-{val_acc:.4f}.keras", monitor="val_accuracy"'), "val_acc"),
        _q2_variant('work / "{epoch:02d}-{val_accuracy:.4f}.keras", monitor="val_accuracy", save_best_only=True',
                    'work / "{epoch:02d}-{val_accuracy:.4f}.weights.h5", monitor="val_accuracy", save_best_only=True,'
                    " save_weights_only=True"),
        _q2_variant('work / "{epoch:02d}', '"{epoch:02d}'),
        _q2_variant(", save_best_only=True", ""),
    ],
    accepts=[
        _q2_variant(_SCHEDULE, "learning_rate=keras.optimizers.schedules.InverseTimeDecay(0.01, 10000, 1.0),")
        .replace('work / "{epoch:02d}-{val_accuracy:.4f}.keras", monitor="val_accuracy",',
                 'str(work / "{epoch:02d}-{val_accuracy:.4f}.keras"), monitor="val_accuracy", mode="max",'),
        """
        import os

        from keras.callbacks import ModelCheckpoint
        from keras.optimizers import SGD
        from keras.optimizers.schedules import InverseTimeDecay

        q2_optimizer = SGD(learning_rate=InverseTimeDecay(0.01, decay_steps=1, decay_rate=0.0001), momentum=0.9)
        q2_checkpoint = ModelCheckpoint(os.path.join(work, "iris-{epoch:03d}-{val_accuracy:.3f}.keras"),
                                        monitor="val_accuracy", mode="auto", save_best_only=True, verbose=1)
        """,
    ],
)
def q2(ns):
    import keras

    raised = raised_in_answer_cell(ns, "q2") or ""
    if "not recognized" in raised and "'lr'" in raised:
        mistake("lr_raised", detail=f"(답안 셀의 오류: {raised})")
    if "must end in `.keras`" in raised:
        mistake("hdf5_raised", detail=f"(답안 셀의 오류: {raised})")
    optimizer = answer(ns, "q2_optimizer")
    checkpoint = answer(ns, "q2_checkpoint")

    if not isinstance(optimizer, keras.optimizers.SGD):
        mistake(detail=f"`q2_optimizer`가 {type(optimizer).__name__}입니다. 옛 코드와 같은 SGD여야 합니다.")
    momentum = float(optimizer.get_config().get("momentum", 0.0))
    if abs(momentum - 0.9) > 1e-6:
        mistake(detail=f"모멘텀이 {momentum:g}입니다. 옛 코드의 `momentum=0.9`를 그대로 옮기세요.")
    rates = _learning_rates(optimizer)
    if rates is None:
        rate = float(optimizer.get_config()["learning_rate"])
        if abs(rate - 0.01) < 1e-6:
            mistake("decay_dropped")
        mistake(detail=f"학습률이 {rate:g}로 고정되어 있습니다. 0.01에서 시작해 옛 식대로 줄어들어야 합니다.")
    expected = [0.01 / (1 + 1e-4 * step) for step in (0, 100, 10000)]
    if not np.allclose(rates, expected, rtol=1e-4):
        shown = ", ".join(f"{r:.6f}" for r in rates)
        mistake(detail=f"반복 0, 100, 10000번째의 학습률이 {shown}입니다. "
                       "옛 식 0.01 / (1 + 1e-4 * t)로는 0.010000, 0.009901, 0.005000입니다.")

    if not isinstance(checkpoint, keras.callbacks.ModelCheckpoint):
        mistake(detail="`q2_checkpoint`는 `keras.callbacks.ModelCheckpoint(...)`로 만든 콜백이어야 합니다.")
    path = str(checkpoint.filepath)
    name = Path(path).name
    if checkpoint.monitor in ("val_acc", "acc") or re.search(r"\{val_acc[:}]", name):
        mistake("val_acc")
    if checkpoint.monitor != "val_accuracy":
        mistake(detail=f"`monitor='{checkpoint.monitor}'`입니다. 검증 정확도로 고르려면 'val_accuracy'입니다.")
    if checkpoint.mode == "min":
        mistake("mode_min")
    if checkpoint.save_weights_only:
        mistake(detail="가중치만 저장합니다(`save_weights_only=True`). 옛 코드처럼 모델 전체를 `.keras`로 저장하세요.")
    if path.endswith(".h5"):
        mistake("h5_checkpoint")
    if not path.endswith(".keras"):
        mistake(detail=f"파일 이름 `{name}`이(가) `.keras`로 끝나지 않습니다.")
    if not checkpoint.save_best_only:
        mistake(detail="`save_best_only=True`가 빠져서 에포크마다 저장합니다. 가장 좋은 모델만 남기세요.")
    if "{epoch" not in name or "{val_accuracy" not in name:
        mistake("name_rule", detail=f"(받은 이름: `{name}`)")
    try:
        name.format(epoch=3, val_accuracy=0.9, val_loss=0.3, accuracy=0.9, loss=0.3)
    except (KeyError, IndexError, ValueError) as error:
        mistake(detail=f"파일 이름 `{name}`을(를) 채울 수 없습니다 ({type(error).__name__}: {error}). "
                       "자리 표시에는 `{epoch}`과 기록의 이름만 씁니다.")
    if not _in_work_folder(path):
        mistake(detail=f"파일이 `work` 폴더 밖(`{Path(path).parent}`)에 저장됩니다. `work / \"...\"`처럼 쓰세요.")
    return (
        "정답입니다. `decay`는 조용히 무시되고 `mode='max'`를 붙인 `'val_acc'`는 가장 좋은 모델 대신 마지막 모델을 "
        "남기기 때문에, 오류가 나지 않는 옛 줄일수록 이렇게 하나씩 확인해야 합니다."
    )


# --------------------------------------------------------------------------- 3. 옛 스크립트 옮기기

_Q3_SOLUTION = """
    X3_train, X3_test, y3_train, y3_test = helpers.train_test_data("iris", scale=True, encode_labels=True)

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
    source = textwrap.dedent(_Q3_SOLUTION)
    if old not in source:
        raise ValueError(f"해답에 없는 부분: {old!r}")
    return source.replace(old, new, 1)


@book.exercise(
    stars=3,
    title="옛 붓꽃 스크립트를 Keras 3로 옮기기",
    hint=(
        "옛 줄을 위에서부터 하나씩 찾아보기 표에서 찾으세요: `np_utils`, `input_dim`, `lr`, `nb_epoch`, "
        "`'val_acc'`, `.h5`. 오류가 나는 줄만 고치면 끝나지 않습니다: 경고만 내는 줄과, 지우기만 하면 값이 "
        "달라지는 인수도 있습니다."
    ),
    solution=_Q3_SOLUTION,
    mistakes={
        "np_utils": (
            "답안 셀이 `np_utils` 때문에 멈췄습니다. `keras.utils.np_utils`는 없어졌고 "
            "`keras.utils.to_categorical`(또는 정수 레이블 그대로 `sparse_categorical_crossentropy`)을 씁니다.",
            "from keras.utils import np_utils\n" + textwrap.dedent(_Q3_SOLUTION),
        ),
        "adam_lr": (
            "답안 셀이 `Adam(lr=0.01)` 때문에 멈췄습니다 (`ValueError: Argument(s) not recognized: {'lr': 0.01}`). "
            "이름을 `learning_rate=0.01`로 바꾸세요.",
            _q3_variant("keras.optimizers.Adam(learning_rate=0.01)", "keras.optimizers.Adam(lr=0.01)"),
        ),
        "nb_epoch": (
            "답안 셀이 `nb_epoch` 때문에 멈췄습니다 (`TypeError: ... unexpected keyword argument 'nb_epoch'`). "
            "`epochs=20`으로 쓰세요.",
            _q3_variant("epochs=20", "nb_epoch=20"),
        ),
        "val_acc_key": (
            "답안 셀이 `KeyError: 'val_acc'`로 멈췄습니다. `metrics=['accuracy']`로 compile하면 기록의 이름은 "
            "`'val_accuracy'`입니다 (4절).",
            _q3_variant('q3_history.history["val_accuracy"][-1]', 'q3_history.history["val_acc"][-1]'),
        ),
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
        "test_data": (
            "`q3_model`을 시험 데이터 `X3_test`로 학습했습니다. 옛 스크립트의 `X`는 학습에 쓰는 데이터이고, "
            "시험 데이터는 학습이 끝난 뒤 평가에만 씁니다. `X3_train`, `y3_train`으로 학습하세요.",
            _q3_variant("q3_model.fit(X3_train, keras.utils.to_categorical(y3_train, 3)",
                        "q3_model.fit(X3_test, keras.utils.to_categorical(y3_test, 3)"),
        ),
        "h5_file": (
            "모델을 `.h5`로 저장했습니다. 파일에 옵티마이저 상태가 들어 있어도 Keras 3.15는 그것을 되살리지 "
            "못해서, 불러와 이어서 학습하면 `ValueError: Unknown variable`이 납니다 (7절). `.keras`로 저장하세요.",
            _q3_variant('work / "iris.keras"', 'work / "iris.h5"'),
        ),
    },
    rejects=[
        _q3_variant('q3_history.history["val_accuracy"][-1]', 'q3_history.history["val_accuracy"]'),
        _q3_variant("q3_model.save(q3_path)\n", ""),
        _q3_variant("epochs=20", "epochs=10"),
        _q3_variant("batch_size=8,", "batch_size=32,"),
        _q3_variant("            validation_split=0.2, verbose=0)", "            verbose=0)"),
        _q3_variant('keras.optimizers.Adam(learning_rate=0.01)', '"adam"'),
        (_q3_variant('work / "iris.keras"', 'work / "iris.hdf5"'), "h5_file"),
    ],
    accepts=[
        """
        X3_train, X3_test, y3_train, y3_test = helpers.train_test_data("iris", scale=True, encode_labels=True)

        inputs = keras.Input(shape=(4,))
        hidden = keras.layers.Dense(16, activation="relu")(inputs)
        outputs = keras.layers.Dense(3, activation="softmax")(hidden)
        q3_model = keras.Model(inputs, outputs)
        q3_model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(0.01), metrics=["accuracy"])
        q3_history = q3_model.fit(X3_train, keras.utils.to_categorical(y3_train), epochs=20, batch_size=8,
                                  validation_split=0.2, verbose=0)
        q3_val_accuracy = round(q3_history.history["val_accuracy"][-1], 4)
        q3_path = str(work / "iris_model.keras")
        q3_model.save(q3_path)
        """,
        """
        import os

        from keras import Sequential
        from keras.layers import Dense, Input
        from keras.optimizers import Adam

        X3_train, X3_test, y3_train, y3_test = helpers.train_test_data("iris", scale=True, encode_labels=True)
        q3_model = Sequential()
        q3_model.add(Input(shape=(4,)))
        q3_model.add(Dense(16, activation="relu"))
        q3_model.add(Dense(3, activation="softmax"))
        q3_model.compile(loss="sparse_categorical_crossentropy", optimizer=Adam(learning_rate=0.01),
                         metrics=["accuracy"])
        q3_history = q3_model.fit(X3_train, y3_train, epochs=20, batch_size=8, validation_split=0.2, verbose=0)
        q3_val_accuracy = float(q3_history.history["val_accuracy"][-1])
        q3_path = os.path.join(work, "iris.keras")
        keras.saving.save_model(q3_model, q3_path)
        """,
    ],
)
def q3(ns):
    import keras

    raised = raised_in_answer_cell(ns, "q3") or ""
    detail = f"(답안 셀의 오류: {raised})"
    if "np_utils" in raised:
        mistake("np_utils", detail=detail)
    if "not recognized" in raised and "'lr'" in raised:
        mistake("adam_lr", detail=detail)
    if "nb_epoch" in raised:
        mistake("nb_epoch", detail=detail)
    if raised.startswith("KeyError") and "'val_acc'" in raised:
        mistake("val_acc_key", detail=detail)
    if raised.startswith("KeyError") and "'val_accuracy'" in raised:
        mistake(detail=f"기록에 'val_accuracy'가 없습니다. 옛 스크립트처럼 `validation_split=0.2`로 검증 데이터를 "
                       f"떼어 두었는지 보세요. {detail}")

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
    setting = optimizer.get_config()["learning_rate"]
    if isinstance(setting, dict):
        mistake(detail="학습률이 스케줄입니다. 옛 코드의 `lr=0.01`은 고정된 학습률 0.01입니다.")
    rate = float(setting)
    if abs(rate - 0.001) < 1e-7:
        mistake("lr_default")
    if abs(rate - 0.01) > 1e-6:
        mistake(detail=f"학습률이 {rate:g}입니다. 옛 코드의 `lr=0.01`을 옮기세요.")
    loss = model.loss if isinstance(model.loss, str) else getattr(model.loss, "name", str(model.loss))
    if loss not in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        mistake(detail=f"손실 함수가 {loss}입니다. 다중 분류의 교차 엔트로피여야 합니다.")

    # 어떻게 학습했는지: fit에 넘긴 데이터와 설정
    records = fits(model)
    if not records:
        mistake(detail="`q3_model`이 답안 셀에서 학습되지 않았습니다 (`fit` 기록이 없음). "
                       "`q3_model.fit(...)`을 실행하세요.")
    record = records[-1]
    if record["x"] == fingerprint(ns.get("X3_test")):
        mistake("test_data")
    if record["x"] != fingerprint(ns.get("X3_train")):
        mistake(detail="`fit`에 넘긴 입력이 `X3_train`이 아닙니다. 답안 셀 첫 줄이 불러온 `X3_train`으로 학습하세요.")
    y_train = np.asarray(ns.get("y3_train"))
    allowed_y = {fingerprint(y_train)}
    if y_train.ndim == 1 and y_train.size:
        allowed_y.add(fingerprint(np.eye(int(y_train.max()) + 1)[y_train.astype(int)]))
    if record["y"] not in allowed_y:
        mistake(detail="`fit`에 넘긴 타깃이 `y3_train`(정수 레이블 또는 그 원-핫 인코딩)이 아닙니다.")
    settings = {"epochs": 20, "batch_size": 8, "validation_split": 0.2}
    for key, want in settings.items():
        if record[key] != want:
            mistake(detail=f"`fit`의 `{key}`가 {record[key]!r}입니다. 옛 스크립트대로 {want}이어야 합니다 "
                           "(`nb_epoch`은 `epochs`).")

    if not isinstance(history, keras.callbacks.History) or len(history.epoch) != record["epochs_run"]:
        mistake(detail="`q3_history`는 `q3_model.fit(...)`이 돌려준 값이어야 합니다.")
    if "val_accuracy" not in history.history:
        mistake(detail="기록에 'val_accuracy'가 없습니다. "
                       "옛 코드처럼 `validation_split=0.2`로 검증 데이터를 떼어 두세요.")
    value = need_number(val_accuracy, "q3_val_accuracy")
    last_val, last_train = history.history["val_accuracy"][-1], history.history["accuracy"][-1]
    if not close(value, last_val, decimals=4):
        if close(value, last_train, decimals=4):
            mistake("train_accuracy")
        mistake(detail=f"`q3_val_accuracy`가 {value:.4f}인데 기록의 마지막 검증 정확도는 {last_val:.4f}입니다.")

    path = str(path)
    if Path(path).suffix in (".h5", ".hdf5"):
        mistake("h5_file")
    if Path(path).suffix != ".keras":
        mistake(detail=f"저장한 파일 `{Path(path).name}`의 확장자가 `.keras`가 아닙니다.")
    if not _in_work_folder(path):
        mistake(detail=f"파일이 `work` 폴더 밖(`{Path(path).parent}`)에 있습니다. `work / \"iris.keras\"`처럼 쓰세요.")
    if str(Path(path)) not in saved_paths(model):
        mistake(detail=f"`q3_model`을 `{Path(path).name}`에 저장한 기록이 없습니다. "
                       "`q3_model.save(q3_path)`를 실행하세요.")
    return (
        "정답입니다. 옛 스크립트에서 오류를 낸 줄은 일부(`np_utils`, `lr`, `nb_epoch`, `'val_acc'`)뿐이었지만, "
        "경고(`input_dim`)와 조용한 차이(`lr`을 지운 학습률, `.h5`의 이어서 학습)까지 옮겨야 같은 실험이 됩니다."
    )
