"""`07_save_load` 노트북의 연습문제: 이어 학습할 파일 형식, 원래 값으로 예측하는 모델, 동료의 이어 학습 코드 고치기."""

from __future__ import annotations

import os
from pathlib import PurePath

import numpy as np

from .core import Book, answer, close, fits, loaded_from, mistake, need_number, raised_in_answer_cell

book = Book("07_save_load")


def _path_text(value) -> str | None:
    """문자열이나 경로(`pathlib.Path`)면 그 글자, 아니면 None."""
    if isinstance(value, str):
        return value
    fspath = getattr(value, "__fspath__", None)
    if callable(fspath):
        text = fspath()
        return text if isinstance(text, str) else None
    return None


def _numpy(value) -> np.ndarray:
    """텐서나 변수(또는 그 대리 객체)를 NumPy 배열로."""
    to_numpy = getattr(value, "numpy", None)
    return np.asarray(to_numpy() if callable(to_numpy) else value, dtype=float)


def _steps(model) -> int:
    optimizer = getattr(model, "optimizer", None)
    return 0 if optimizer is None else int(_numpy(optimizer.iterations))


# --------------------------------------------------------------------------- 1. 파일 이름


@book.exercise(
    stars=1,
    title="이어 학습할 파일의 이름",
    hint="정리 표의 ④ 줄을 보세요. 옵티마이저 상태를 저장하고 되살리기까지 하는 형식은 하나뿐입니다.",
    solution='q1_filename = "CancerSurvival.keras"\n',
    mistakes={
        "h5": (
            "`.h5`(`.hdf5`) 파일에도 옵티마이저 상태가 저장되지만, 오늘의 `load_model`은 그것을 되살리지 못해서 "
            "이어 학습하면 `ValueError: Unknown variable`이 납니다 (6절). Keras 고유 형식의 확장자를 쓰세요.",
            'q1_filename = "CancerSurvival.h5"\n',
        ),
        "weights": (
            "`.weights.h5`는 `save_weights`가 쓰는 이름입니다. 이 이름을 `model.save`에 주면 오류 없이 저장되지만, "
            "이름이 `.h5`로 끝나므로 레거시 HDF5 형식의 모델 전체가 됩니다: 그 파일에서는 ④를 되살리지 못해 이어 "
            "학습하면 오류가 납니다 (6절). `save_weights`로 쓰면 구성(①)과 학습 설정(③)이 없습니다 (7절).",
            'q1_filename = "CancerSurvival.weights.h5"\n',
        ),
        "no_ext": (
            "확장자가 없으면 Keras 3의 `model.save`는 `ValueError: Invalid filepath extension`을 냅니다 (2절). "
            "TensorFlow 2.15 이하(Keras 2)의 폴더 형식(SavedModel)은 이제 `model.save`로 만들지 않습니다.",
            'q1_filename = "CancerSurvival"\n',
        ),
        "upper": (
            "확장자는 소문자 `.keras`여야 합니다. Keras 3.15의 `model.save`는 대소문자를 구별해서 `.KERAS`나 "
            "`.Keras`에는 `ValueError: Invalid filepath extension`을 냅니다.",
            'q1_filename = "CancerSurvival.KERAS"\n',
        ),
    },
    rejects=[
        ('q1_filename = "CancerSurvival.hdf5"\n', "h5"),
        ('q1_filename = "CancerSurvival.Keras"\n', "upper"),
        ('q1_filename = folder / "CancerSurvival"\n', "no_ext"),
        'q1_filename = "CancerSurvival.zip"\n',
        'q1_filename = "CancerSurvival.keras "\n',
        "q1_filename = keras_path.stem\n",
    ],
    accepts=[
        'q1_filename = folder / "resume.keras"\n',
        'q1_filename = str(folder / "내모델.keras")\n',
        'import os\nq1_filename = os.path.join("checkpoints", "epoch3.keras")\n',
    ],
)
def q1(ns):
    value = answer(ns, "q1_filename")
    text = _path_text(value)
    if text is None:
        mistake(detail=f"`q1_filename`에는 파일 이름(문자열이나 경로)을 담으세요 (받은 것: {type(value).__name__}).")
    name = PurePath(text).name
    if name != name.strip():
        mistake(detail=f"이름 앞뒤에 공백이 있습니다({text!r}). `model.save`는 확장자를 글자 그대로 보므로 공백이 "
                "끝에 붙으면 확장자로 알아보지 못합니다.")
    if name.endswith(".keras"):
        return (
            "정답입니다. `.keras` 파일 하나에 구성, 가중치, 학습 설정, 옵티마이저 상태가 모두 들어 있고 "
            "`load_model`이 모두 되살리므로, 멈췄다가 이어 간 학습이 멈추지 않은 학습과 같아집니다."
        )
    lower = name.lower()
    if lower.endswith(".keras"):
        mistake("upper")
    if lower.endswith(".weights.h5"):
        mistake("weights")
    if lower.endswith((".h5", ".hdf5")):
        mistake("h5")
    if "." not in name:
        mistake("no_ext")
    mistake(detail=f"받은 이름 {text!r}의 확장자로는 Keras 3의 `model.save`가 저장하지 않습니다 "
            "(`.keras` 또는 `.h5`만).")


# --------------------------------------------------------------------------- 2. 정규화 층이 든 모델


def _raw_breast_cancer():
    from helpers.data import train_test_data

    X_train, X_test, _, _ = train_test_data("breast_cancer")
    return X_train, X_test


_BUILT = """\
normalizer = layers.Normalization()
normalizer.adapt({data})
q2_model = keras.Sequential(
    [keras.Input(shape=(30,)), normalizer, layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")]
)
"""


@book.exercise(
    stars=2,
    title="원래 값으로 예측하는 모델",
    hint=(
        "`normalizer = layers.Normalization()`을 만들고 모델에 넣기 전에 `normalizer.adapt(...)`를 부르세요. "
        "adapt에 넣는 데이터는 모델이 학습할 데이터, 곧 훈련 데이터뿐입니다."
    ),
    solution="""\
normalizer = layers.Normalization()
normalizer.adapt(X_train)  # 훈련 데이터(원래 값)에서만 평균과 분산을 구한다
q2_model = keras.Sequential(
    [
        keras.Input(shape=(30,)),
        normalizer,
        layers.Dense(8, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
""",
    mistakes={
        "missing": (
            "모델 안에 정규화 층(`layers.Normalization`)이 없습니다. 이 모델을 저장하면, 원래 값을 받았을 때 "
            "표준화해 줄 곳이 없어 오류 없이 틀린 예측을 냅니다.",
            """\
q2_model = keras.Sequential(
    [keras.Input(shape=(30,)), layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")]
)
""",
        ),
        "not_adapted": (
            "정규화 층이 `adapt`되지 않았습니다(평균이 모두 0, 분산이 모두 1인 처음 상태). 그대로면 입력을 전혀 "
            "바꾸지 않습니다. 모델에 넣기 전에 `normalizer.adapt(X_train)`을 부르세요.",
            """\
q2_model = keras.Sequential(
    [keras.Input(shape=(30,)), layers.Normalization(), layers.Dense(8, activation="relu"),
     layers.Dense(1, activation="sigmoid")]
)
""",
        ),
        "standardized": (
            "정규화 층을 이미 표준화한 데이터로 `adapt`했습니다(평균이 거의 0, 분산이 거의 1). 이 모델은 원래 "
            "측정값을 받으므로, 층도 원래 값의 `X_train`으로 `adapt`해야 그 평균과 분산을 기억합니다.",
            "from sklearn.preprocessing import StandardScaler\n\n"
            + _BUILT.format(data="StandardScaler().fit_transform(X_train)"),
        ),
        "test": (
            "정규화 층을 시험 데이터로 `adapt`했습니다. 시험 데이터는 마지막 평가에만 씁니다. 평균과 분산도 훈련 "
            "데이터에서만 구해야 시험 점수가 정직합니다.",
            _BUILT.format(data="X_test"),
        ),
        "all": (
            "정규화 층을 훈련 데이터와 시험 데이터를 합친 데이터로 `adapt`했습니다. 그러면 시험 데이터의 정보가 모델에 "
            "새어 들어갑니다. 훈련 데이터만 쓰세요.",
            _BUILT.format(data="np.concatenate([X_train, X_test])"),
        ),
        "build_model": (
            "`build_model`(수업의 함수)로 만들었습니다. 문제는 그 함수를 부르지 말고 층을 직접 쌓아 보라고 합니다: "
            "`keras.Sequential([...])` 안에 입력, 정규화 층, Dense 두 개를 차례로 넣으세요.",
            "q2_model = build_model(X_train)\n",
        ),
        "not_sequential": (
            "함수형 API(`keras.Model(inputs, outputs)`)로 만들었습니다. 같은 일을 하는 모델이지만, 문제는 "
            "`keras.Sequential`로 만들라고 합니다. 같은 층들을 `keras.Sequential([...])`에 차례로 넣으세요.",
            """\
normalizer = layers.Normalization()
normalizer.adapt(X_train)
inputs = keras.Input(shape=(30,))
hidden = layers.Dense(8, activation="relu")(normalizer(inputs))
q2_model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(hidden))
""",
        ),
    },
    rejects=[
        (_BUILT.format(data="X_train").replace('layers.Dense(1, activation="sigmoid")',
                                               'layers.Dense(2, activation="softmax")'), None),
        (
            "normalizer = layers.Normalization()\n"
            "normalizer.adapt(X_train)\n"
            "q2_model = keras.Sequential([keras.Input(shape=(30,)), layers.Dense(8, activation='relu'), normalizer,\n"
            "                             layers.Dense(1, activation='sigmoid')])\n",
            None,
        ),
        ("from helpers.models import build_cancer_model\nq2_model = build_cancer_model(X_train)\n", "build_model"),
        (_BUILT.format(data="X_train[:10]"), None),
        ("q2_model = keras.Sequential([keras.Input(shape=(30,)), layers.Normalization(mean=0.0, variance=1.0),\n"
         "    layers.Dense(8, activation='relu'), layers.Dense(1, activation='sigmoid')])\n", "not_adapted"),
    ],
    accepts=[
        "norm = keras.layers.Normalization(axis=-1)\n"
        "norm.adapt(X_train)\n"
        "q2_model = keras.Sequential()\n"
        "q2_model.add(keras.Input(shape=(30,)))\n"
        "q2_model.add(norm)\n"
        "q2_model.add(keras.layers.Dense(8, activation='relu'))\n"
        "q2_model.add(keras.layers.Dense(1, activation='sigmoid'))\n"
        "q2_model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])\n",
        "q2_model = keras.Sequential([\n"
        "    keras.Input(shape=(30,)),\n"
        "    layers.Normalization(mean=X_train.mean(axis=0), variance=X_train.var(axis=0)),\n"
        "    layers.Dense(8, activation='relu'),\n"
        "    layers.Dense(1, activation='sigmoid'),\n"
        "])\n",
    ],
)
def q2(ns):
    import keras

    model = answer(ns, "q2_model")
    if not isinstance(model, keras.Model):
        mistake(detail=f"`q2_model`은 keras 모델이어야 합니다 (받은 것: {type(model).__name__}).")
    if not isinstance(model, keras.Sequential):
        mistake("not_sequential")
    if model.name == "cancer_survival":
        mistake("build_model")
    norms = [layer for layer in model.layers if isinstance(layer, keras.layers.Normalization)]
    if not norms:
        mistake("missing")
    if model.layers[0] is not norms[0]:
        names = [type(layer).__name__ for layer in model.layers]
        mistake(detail=f"정규화 층은 입력 바로 다음, 첫 번째 층이어야 합니다 (받은 층의 순서: {names}).")
    mean = np.ravel(_numpy(norms[0].mean))
    variance = np.ravel(_numpy(norms[0].variance))
    if np.all(mean == 0.0) and np.all(variance == 1.0):
        mistake("not_adapted")
    if mean.shape != (30,):
        mistake(detail=f"정규화 층의 평균이 특성 30개가 아니라 {mean.shape}입니다. 입력은 `keras.Input(shape=(30,))`.")
    X_train, X_test = _raw_breast_cancer()

    def same(reference):
        return np.allclose(mean, reference, rtol=1e-4, atol=1e-6)

    if same(X_test.mean(axis=0)):
        mistake("test")
    if same(np.concatenate([X_train, X_test]).mean(axis=0)):
        mistake("all")
    if not same(X_train.mean(axis=0)):
        if np.allclose(mean, 0, atol=1e-3) and np.allclose(variance, 1, atol=1e-2):
            mistake("standardized")
        mistake(detail="정규화 층의 평균이 훈련 데이터 `X_train`(원래 값) 전체의 평균과 다릅니다.")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    shape = [(layer.units, layer.activation.__name__) for layer in dense]
    if shape != [(8, "relu"), (1, "sigmoid")]:
        mistake(detail=f"Dense 층은 (8, relu), (1, sigmoid)여야 합니다 (받은 것: {shape}).")
    return (
        "정답입니다. 평균과 분산이 훈련 데이터에서 온 정규화 층이 모델 안에 있으니, 저장한 파일 하나만 있으면 "
        "누구든 원래 측정값을 그대로 넣어 같은 예측을 얻습니다."
    )


# --------------------------------------------------------------------------- 3. 동료의 이어 학습 코드 고치기

_GIVEN = '''\
Xd_train, Xd_test, yd_train, yd_test = helpers.train_test_data("diabetes")  # 원래 값 그대로 (특성 10개)


def build_regressor():
    """정규화 층(Xd_train으로 adapt) → Dense(16, relu) → Dense(1): 당뇨병 진행 정도를 예측하는 회귀 모델"""
    normalizer = layers.Normalization()
    normalizer.adapt(Xd_train)
    regressor = keras.Sequential(
        [keras.Input(shape=(10,)), normalizer, layers.Dense(16, activation="relu"), layers.Dense(1)]
    )
    regressor.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=0.05))
    return regressor


keras.utils.set_random_seed(7)  # (가) 멈추지 않고 6 에포크
q3_straight = build_regressor()
q3_straight.fit(Xd_train, yd_train, epochs=6, batch_size=32, shuffle=False, verbose=0)

'''

_HALF = """\
keras.utils.set_random_seed(7)
half = build_regressor()
half.fit(Xd_train, yd_train, epochs=3, batch_size=32, shuffle=False, verbose=0)
"""

_DIFF = """\
q3_diff = max(float(np.abs(a - b).max()) for a, b in zip(q3_straight.get_weights(), q3_resumed.get_weights()))
"""


def _resume(path: str, *, load: str = "q3_resumed = keras.models.load_model(q3_path)\n",
            fit: str = "initial_epoch=3, epochs=6, batch_size=32, shuffle=False") -> str:
    return (_GIVEN + _HALF + f"q3_path = {path}\nhalf.save(q3_path)\n" + load
            + f"q3_resumed.fit(Xd_train, yd_train, {fit}, verbose=0)\n" + _DIFF)


def _normalized(path: str) -> str:
    return os.path.normpath(os.fspath(path)).replace("\\", "/")


def _inside(path: str, folder) -> bool:
    """path가 작업 폴더 folder 안에 있는지 (상대 경로끼리, 또는 절대 경로면 폴더 이름 두 단계로)."""
    if folder is None:
        return True
    file, base = _normalized(path), _normalized(folder)
    if os.path.isabs(file) == os.path.isabs(base):
        return file.startswith(base.rstrip("/") + "/")
    tail = "/".join(PurePath(base).parts[-2:])
    return f"/{tail}/" in f"/{file}"


@book.exercise(
    stars=3,
    title="동료의 이어 학습 코드 고치기",
    hint=(
        "동료의 코드에는 (가)와 다른 점이 두 가지 있습니다. 5절의 (다)에서 무엇이 (가)와 달라졌는지, 그리고 "
        "(나)의 `fit`이 (가)의 `fit`과 어떤 인수에서 다른지 나란히 놓고 보세요. 옵티마이저 상태까지 되살리려면 "
        "모델 전체를 어떤 형식으로 저장하고 무엇으로 불러와야 할까요?"
    ),
    solution=_resume('folder / "half.keras"'),
    mistakes={
        "weights_only": (
            "동료처럼 가중치만 저장하고(`save_weights`) 새 모델에 불러왔습니다. 새 모델의 Adam은 업데이트 횟수 0과 "
            "빈 이동 평균에서 다시 시작하므로 (가)와 달라집니다 (5절의 (다)). 모델 전체를 `.keras`로 저장하고 "
            "`keras.models.load_model`로 불러오세요.",
            _GIVEN + _HALF + 'q3_path = folder / "half.weights.h5"\nhalf.save_weights(q3_path)\n'
            "q3_resumed = build_regressor()\nq3_resumed.load_weights(q3_path)\n"
            "q3_resumed.fit(Xd_train, yd_train, initial_epoch=3, epochs=6, batch_size=32, shuffle=False, verbose=0)\n"
            + _DIFF,
        ),
        "shuffle": (
            "이어 학습한 `fit`이 배치를 섞었습니다(`shuffle`의 기본값은 True). (가)는 `shuffle=False`로 같은 순서의 "
            "배치를 보았으므로, 이어 학습도 `shuffle=False`여야 같은 계산이 됩니다.",
            _resume('folder / "half.keras"', fit="initial_epoch=3, epochs=6, batch_size=32"),
        ),
        "not_loaded": (
            "`q3_resumed`는 `keras.models.load_model`로 파일에서 불러온 모델이 아닙니다. 저장만 하고 메모리의 모델로 "
            "계속 학습했거나(그러면 파일이 제 역할을 하는지 확인하지 못합니다), 가중치만 불러왔을 수 있습니다. "
            "저장한 파일에서 `load_model`로 되살린 모델을 이어 학습하세요.",
            _GIVEN + _HALF + 'q3_path = folder / "half.keras"\nhalf.save(q3_path)\nq3_resumed = half\n'
            "q3_resumed.fit(Xd_train, yd_train, initial_epoch=3, epochs=6, batch_size=32, shuffle=False, verbose=0)\n"
            + _DIFF,
        ),
        "h5": (
            "`.h5`로 저장했습니다. `.h5` 파일에도 옵티마이저 상태가 있지만, 오늘의 Keras는 그 파일에서 이어 학습할 "
            "모델을 되살리지 못합니다 (6절). `.keras`로 저장하세요.",
            _resume('folder / "half.h5"'),
        ),
        "recompiled": (
            "불러온 모델의 업데이트 횟수가 멈추지 않은 학습보다 적습니다: 파일에서 되살린 옵티마이저 상태가 이어지지 "
            "않았습니다. 불러온 뒤 `compile`을 다시 부르면 새 옵티마이저가 만들어집니다. 불러온 모델은 compile 없이 "
            "바로 `fit`하세요.",
            _resume(
                'folder / "half.keras"',
                load="q3_resumed = keras.models.load_model(q3_path)\n"
                "q3_resumed.compile(loss='mse', optimizer=keras.optimizers.Adam(learning_rate=0.05))\n",
            ),
        ),
        "outside": (
            "파일을 작업 폴더 `folder` 밖에 저장했습니다. 문제는 `folder` 안에 두라고 합니다: "
            "`folder / \"이름.keras\"`처럼 경로를 만드세요.",
            _resume('os.path.join(tempfile.mkdtemp(), "half.keras")').replace(
                "q3_path =", "import os\nimport tempfile\n\nq3_path =", 1
            ),
        ),
    },
    rejects=[
        _resume('folder / "half.keras"', fit="initial_epoch=3, epochs=3, batch_size=32, shuffle=False"),
        _resume('folder / "half.keras"', fit="epochs=6, batch_size=32, shuffle=False"),
        (
            _GIVEN + _HALF + 'q3_path = folder / "half.keras"\nhalf.save(q3_path)\n'
            "q3_resumed = keras.models.load_model(q3_path)\n"
            "q3_resumed.fit(Xd_train, yd_train, initial_epoch=3, epochs=6, batch_size=32, shuffle=False, verbose=0)\n"
            "pairs = zip(q3_straight.get_weights(), half.get_weights())\n"
            "q3_diff = max(float(np.abs(a - b).max()) for a, b in pairs)\n",
            None,
        ),
        (
            _GIVEN + "half = build_regressor()\n"
            "half.fit(Xd_train, yd_train, epochs=3, batch_size=32, shuffle=False, verbose=0)\n"
            'q3_path = folder / "half.keras"\nhalf.save(q3_path)\n'
            "q3_resumed = keras.models.load_model(q3_path)\n"
            "q3_resumed.fit(Xd_train, yd_train, initial_epoch=3, epochs=6, batch_size=32, shuffle=False, verbose=0)\n"
            + _DIFF,
            None,
        ),
        (_resume('folder / "half.keras"', fit="initial_epoch=3, epochs=6, batch_size=16, shuffle=False"), None),
    ],
    accepts=[
        _GIVEN + _HALF + "import os\n"
        'q3_path = os.path.join(str(folder), "epoch3.keras")\n'
        "keras.saving.save_model(half, q3_path)\n"
        "del half\n"
        "q3_resumed = keras.saving.load_model(q3_path)\n"
        "q3_resumed.fit(Xd_train, yd_train, epochs=3, batch_size=32, shuffle=False, verbose=0)\n"
        "q3_diff = 0.0\n"
        "for a, b in zip(q3_straight.get_weights(), q3_resumed.get_weights()):\n"
        "    q3_diff = max(q3_diff, np.max(np.abs(a - b)))\n",
        _GIVEN + _HALF + 'q3_path = str(folder / "half_time.keras")\nhalf.save(q3_path)\n'
        "q3_resumed = keras.models.load_model(q3_path)\n"
        "for epoch in range(3, 6):\n"
        "    q3_resumed.fit(Xd_train, yd_train, initial_epoch=epoch, epochs=epoch + 1, batch_size=32, shuffle=False,\n"
        "                   verbose=0)\n"
        "pairs = zip(q3_straight.get_weights(), q3_resumed.get_weights())\n"
        "q3_diff = np.max([np.abs(a - b).max() for a, b in pairs])\n",
    ],
)
def q3(ns):
    import keras

    raised = raised_in_answer_cell(ns, "q3") or ""
    saved_as = _path_text(ns.get("q3_path")) or ""
    if raised and saved_as.lower().endswith((".h5", ".hdf5")) and not saved_as.endswith(".weights.h5"):
        if "Unknown variable" in raised:
            mistake("h5", detail="여기서는 불러온 모델의 `fit`이 `ValueError: Unknown variable`로 멈췄습니다: 불러온 "
                    "Adam에 가중치마다의 변수가 없습니다.")
        if "deserialize" in raised:
            mistake("h5", detail="여기서는 불러오기부터 실패했습니다: 이 모델의 `loss=\"mse\"` 설정을 `.h5`의 옛 "
                    f"형식에서 되살리지 못했습니다 ({raised[:120]}).")
    path = answer(ns, "q3_path")
    resumed = answer(ns, "q3_resumed")
    straight = answer(ns, "q3_straight")
    diff_answer = answer(ns, "q3_diff")
    for name, model in (("q3_resumed", resumed), ("q3_straight", straight)):
        if not isinstance(model, keras.Model):
            mistake(detail=f"`{name}`에는 keras 모델을 담으세요 (받은 것: {type(model).__name__}).")
    path_text = _path_text(path)
    if path_text is None:
        mistake(detail=f"`q3_path`에는 저장한 파일의 경로를 담으세요 (받은 것: {type(path).__name__}).")
    file_name = PurePath(path_text).name
    source = loaded_from(resumed)
    if file_name.endswith(".weights.h5") and source is None:
        mistake("weights_only")
    if source is None:
        mistake("not_loaded")
    if _normalized(source) != _normalized(path_text):
        mistake(detail=f"`q3_resumed`는 `q3_path`({path_text!r})가 아닌 파일({source!r})에서 불러왔습니다.")
    if not _inside(source, _path_text(ns.get("folder"))):
        mistake("outside")
    reference = [w.shape for w in straight.get_weights()]
    if [w.shape for w in resumed.get_weights()] != reference:
        mistake(detail="`q3_resumed`의 구조가 `build_regressor()`와 다릅니다.")

    records = fits(resumed)
    epochs_run = sum(int(r.get("epochs_run") or 0) for r in records)
    if any(r.get("shuffle", True) for r in records):
        mistake("shuffle")
    batch_sizes = sorted({r.get("batch_size") for r in records}, key=str)
    if records and batch_sizes != [32]:
        mistake(detail=f"이어 학습한 `fit`의 `batch_size`가 {batch_sizes}입니다. (가)처럼 32로 하세요.")
    if epochs_run != 3:
        mistake(detail=f"불러온 모델로 에포크 {epochs_run}번을 학습했습니다. 4~6 에포크, 곧 3번을 더 학습하세요 "
                "(`initial_epoch=3, epochs=6`: `epochs`는 더할 횟수가 아니라 마지막 에포크 번호입니다).")

    diff = max(float(np.max(np.abs(a - b))) for a, b in zip(resumed.get_weights(), straight.get_weights(), strict=True))
    steps_resumed, steps_straight = _steps(resumed), _steps(straight)
    if diff > 1e-5:
        if steps_resumed < steps_straight:
            mistake("recompiled")
        mistake(
            detail=f"(가)와의 가중치 최대 차이가 {diff:.3g}입니다 (업데이트 횟수 {steps_resumed}, (가)는 "
            f"{steps_straight}). 저장과 불러오기, 이어 학습은 맞게 보이므로 출발점을 확인하세요: 3 에포크를 학습한 "
            "모델을 만들기 직전에 (가)와 같은 시드(`keras.utils.set_random_seed(7)`)를 주었는지, 그 3 에포크를 "
            "(가)와 같은 설정(`batch_size=32, shuffle=False`)으로 학습했는지."
        )
    if steps_resumed != steps_straight:
        mistake("recompiled")
    answered = need_number(diff_answer, "q3_diff")
    if not close(answered, diff, rel=1e-3) and not (answered <= 1e-5 and diff <= 1e-5 and answered >= 0):
        mistake(detail=f"`q3_diff`가 {answered:.3g}인데, 두 모델의 가중치 최대 차이는 {diff:.3g}입니다. 층마다, "
                "가중치 배열마다 `np.abs(a - b).max()`를 구해 그중 가장 큰 값을 담으세요 (5절).")
    return (
        f"정답입니다. (가)와의 가중치 최대 차이 {diff:.3g}, 업데이트 횟수 {steps_resumed}번으로 멈추지 않은 학습과 "
        "같습니다. 파일에서 불러온 모델이 옵티마이저 상태까지 이어받았기 때문입니다. 동료의 코드는 가중치만 "
        "저장해서 Adam이 처음부터 다시 시작했고, `shuffle`을 주지 않아 배치 순서도 (가)와 달랐습니다."
    )
