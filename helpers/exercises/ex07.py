"""`07_save_load` 노트북의 연습문제: 이어 학습할 파일 형식, 원래 값으로 예측하는 모델, 멈췄다가 똑같이 이어 학습하기."""

from __future__ import annotations

from pathlib import PurePath

import numpy as np

from .core import Book, answer, mistake

book = Book("07_save_load")

_FIRST_HALF = """\
keras.utils.set_random_seed(7)
q3_first = build_model(X_train)
q3_first.fit(X_train, y_train, epochs=3, batch_size=32, shuffle=False, verbose=0)  # 1~3 에포크
"""


@book.exercise(
    stars=1,
    title="이어 학습할 파일의 이름",
    hint="정리 표의 ④ 줄을 보세요. 옵티마이저 상태를 저장하고 되살리기까지 하는 형식은 하나뿐입니다.",
    solution='q1_filename = "CancerSurvival.keras"\n',
    mistakes={
        "h5": (
            "`.h5` 파일에도 옵티마이저 상태가 저장되지만, 오늘의 `load_model`은 그것을 되살리지 못해서 이어 학습하면 "
            "`ValueError: Unknown variable`이 납니다 (6절). Keras 고유 형식의 확장자를 쓰세요.",
            'q1_filename = "CancerSurvival.h5"\n',
        ),
        "weights": (
            "`.weights.h5`는 `save_weights`의 파일이라 구성(①)과 학습 설정(③)이 없고, `model.save`에 주면 "
            "오류입니다 (7절). 모델 전체를 담는 형식을 고르세요.",
            'q1_filename = "CancerSurvival.weights.h5"\n',
        ),
        "no_ext": (
            "확장자가 없으면 Keras 3의 `model.save`는 `ValueError: Invalid filepath extension`을 냅니다 (2절). "
            "TensorFlow 2 시절의 폴더 형식(SavedModel)은 이제 `model.save`로 만들지 않습니다.",
            'q1_filename = "CancerSurvival"\n',
        ),
    },
)
def q1(ns):
    name = str(answer(ns, "q1_filename")).strip()
    lower = PurePath(name).name.lower()
    if lower.endswith(".weights.h5"):
        mistake("weights")
    if lower.endswith((".h5", ".hdf5")):
        mistake("h5")
    if "." not in lower:
        mistake("no_ext")
    if not lower.endswith(".keras"):
        mistake(detail=f"받은 이름: {name!r}.")
    return (
        "정답입니다. `.keras` 파일 하나에 구성, 가중치, 학습 설정, 옵티마이저 상태가 모두 들어 있고 "
        "`load_model`이 모두 되살리므로, 멈췄다가 이어 간 학습이 멈추지 않은 학습과 같아집니다."
    )


def _raw_breast_cancer():
    from helpers.data import train_test_data

    X_train, X_test, _, _ = train_test_data("breast_cancer", scale=False)
    return X_train, X_test


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
            "정규화 층이 원래 값의 평균과 분산을 모릅니다(평균이 0입니다). `adapt`를 부르지 않았거나, 이미 표준화된 "
            "데이터로 `adapt`했습니다. 원래 값의 `X_train`으로 `adapt`하세요.",
            """\
q2_model = keras.Sequential(
    [keras.Input(shape=(30,)), layers.Normalization(), layers.Dense(8, activation="relu"),
     layers.Dense(1, activation="sigmoid")]
)
""",
        ),
        "test": (
            "정규화 층을 시험 데이터로 `adapt`했습니다. 시험 데이터는 마지막 평가에만 씁니다. 평균과 분산도 훈련 "
            "데이터에서만 구해야 시험 점수가 정직합니다.",
            """\
normalizer = layers.Normalization()
normalizer.adapt(X_test)
q2_model = keras.Sequential(
    [keras.Input(shape=(30,)), normalizer, layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")]
)
""",
        ),
        "all": (
            "정규화 층을 훈련 데이터와 시험 데이터를 합친 데이터로 `adapt`했습니다. 그러면 시험 데이터의 정보가 모델에 "
            "새어 들어갑니다. 훈련 데이터만 쓰세요.",
            """\
normalizer = layers.Normalization()
normalizer.adapt(np.concatenate([X_train, X_test]))
q2_model = keras.Sequential(
    [keras.Input(shape=(30,)), normalizer, layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")]
)
""",
        ),
    },
)
def q2(ns):
    import keras

    model = answer(ns, "q2_model")
    if not isinstance(model, keras.Model):
        mistake(detail=f"`q2_model`은 keras 모델이어야 합니다 (받은 것: {type(model).__name__}).")
    norms = [layer for layer in model.layers if isinstance(layer, keras.layers.Normalization)]
    if not norms:
        mistake("missing")
    if model.layers[0] is not norms[0]:
        mistake(detail="정규화 층은 입력 바로 다음, 첫 번째 층이어야 합니다.")
    X_train, X_test = _raw_breast_cancer()
    mean = np.ravel(np.asarray(norms[0].mean))
    if mean.shape != (30,):
        mistake(detail=f"정규화 층의 평균이 특성 30개가 아니라 {mean.shape}입니다. 입력은 `keras.Input(shape=(30,))`.")

    def close(reference):
        return np.allclose(mean, reference, rtol=1e-4, atol=1e-6)

    if close(X_test.mean(axis=0)):
        mistake("test")
    if close(np.concatenate([X_train, X_test]).mean(axis=0)):
        mistake("all")
    if not close(X_train.mean(axis=0)):
        if np.allclose(mean, 0, atol=1e-3):
            mistake("not_adapted")
        mistake(detail="정규화 층의 평균이 훈련 데이터(원래 값)의 평균과 다릅니다.")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    shape = [(layer.units, layer.activation.__name__) for layer in dense]
    if shape != [(8, "relu"), (1, "sigmoid")]:
        mistake(detail=f"Dense 층은 (8, relu), (1, sigmoid)여야 합니다 (받은 것: {shape}).")
    return (
        "정답입니다. 평균과 분산이 훈련 데이터에서 온 정규화 층이 모델 안에 있으니, 저장한 파일 하나만 있으면 "
        "누구든 원래 측정값을 그대로 넣어 같은 예측을 얻습니다."
    )


@book.exercise(
    stars=3,
    title="멈췄다가 똑같이 이어 학습하기",
    hint=(
        "5절 (나)를 따라 하세요: 모델 전체를 옵티마이저 상태까지 되살릴 수 있는 형식으로 저장하고, 불러온 모델을 "
        "compile하지 말고 그대로 `fit`합니다. 이어 학습할 에포크 수와 `batch_size`, `shuffle`도 5절과 같게."
    ),
    solution=_FIRST_HALF
    + """
q3_path = folder / "q3_half.keras"
q3_first.save(q3_path)
q3_resumed = keras.models.load_model(q3_path)
q3_resumed.fit(X_train, y_train, initial_epoch=3, epochs=6, batch_size=32, shuffle=False, verbose=0)
""",
    mistakes={
        "h5": (
            "`.h5`로 저장했습니다. 파일에는 옵티마이저 상태가 있지만 오늘의 `load_model`이 되살리지 못해서, 그대로 "
            "`fit`하면 `ValueError: Unknown variable`이 나고 다시 compile하면 Adam이 처음부터 시작합니다 (6절).",
            _FIRST_HALF
            + """
q3_path = folder / "q3_half.h5"
q3_first.save(q3_path)
q3_resumed = keras.models.load_model(q3_path, compile=False)
q3_resumed.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01))
q3_resumed.fit(X_train, y_train, initial_epoch=3, epochs=6, batch_size=32, shuffle=False, verbose=0)
""",
        ),
        "weights_only": (
            "가중치만 저장하고(`save_weights`) 새 모델에 불러왔습니다. 새 모델의 Adam은 아직 변수가 없어서 파일의 "
            "옵티마이저 상태를 건너뛰었고('Skipping variable loading for optimizer'), 처음부터 다시 시작했습니다 "
            "(5절의 (다)와 같음).",
            _FIRST_HALF
            + """
q3_path = folder / "q3_half.weights.h5"
q3_first.save_weights(q3_path)
q3_resumed = build_model(X_train)
q3_resumed.load_weights(q3_path)
q3_resumed.fit(X_train, y_train, initial_epoch=3, epochs=6, batch_size=32, shuffle=False, verbose=0)
""",
        ),
        "recompiled": (
            "불러온 뒤 `compile`을 다시 불렀습니다. compile은 새 옵티마이저를 만들어서 파일에서 되살린 Adam 상태를 "
            "버립니다(업데이트 횟수가 0부터 다시 셉니다). 불러온 모델은 compile 없이 바로 `fit`하세요.",
            _FIRST_HALF
            + """
q3_path = folder / "q3_half.keras"
q3_first.save(q3_path)
q3_resumed = keras.models.load_model(q3_path)
q3_resumed.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01))
q3_resumed.fit(X_train, y_train, initial_epoch=3, epochs=6, batch_size=32, shuffle=False, verbose=0)
""",
        ),
        "not_continued": (
            "저장하고 불러오기까지는 맞지만, 불러온 모델로 4~6 에포크를 이어 학습하지 않았습니다. "
            "`q3_resumed.fit(...)`으로 3 에포크를 더 학습하세요.",
            _FIRST_HALF
            + """
q3_path = folder / "q3_half.keras"
q3_first.save(q3_path)
q3_resumed = keras.models.load_model(q3_path)
""",
        ),
    },
)
def q3(ns):
    import keras

    path = answer(ns, "q3_path")
    model = answer(ns, "q3_resumed")
    if not isinstance(model, keras.Model):
        mistake(detail=f"`q3_resumed`는 불러온 keras 모델이어야 합니다 (받은 것: {type(model).__name__}).")
    straight = ns.get("straight")
    if straight is None:
        mistake(detail="비교할 5절 (가)의 `straight`가 없습니다. 5절의 실험 셀을 먼저 실행하세요.")
    ours, reference = model.get_weights(), straight.get_weights()
    if [w.shape for w in ours] != [w.shape for w in reference]:
        mistake(detail="`q3_resumed`의 구조가 `build_model(X_train)`과 다릅니다.")
    diff = max(float(np.max(np.abs(a - b))) for a, b in zip(ours, reference, strict=True))
    steps = int(model.optimizer.iterations) if model.optimizer is not None else 0
    if diff == 0.0:
        return (
            f"정답입니다. 가중치가 멈추지 않은 학습과 한 자리도 다르지 않고 업데이트 횟수도 {steps}번으로 같습니다. "
            "옵티마이저 상태까지 파일에 담아 되살렸기 때문입니다."
        )
    name = PurePath(str(path)).name.lower()
    if name.endswith(".weights.h5"):
        mistake("weights_only")
    if name.endswith((".h5", ".hdf5")):
        mistake("h5")
    first = ns.get("q3_first")
    if first is not None and all(np.array_equal(a, b) for a, b in zip(ours, first.get_weights(), strict=True)):
        mistake("not_continued")
    kind = type(model.optimizer).__name__
    if kind != "Adam":
        mistake(
            detail=f"불러온 모델의 옵티마이저가 Adam이 아니라 {kind}입니다. `.h5`로 저장한 적이 있는 모델을 다시 "
            "저장하면 옵티마이저 설정이 빠집니다(6절의 함정). 답안 셀을 처음부터 다시 실행하세요."
        )
    if steps == 45:
        mistake("recompiled")
    mistake(
        detail=f"(가)와의 가중치 최대 차이 {diff:.6f}, 업데이트 횟수 {steps} (멈추지 않은 학습은 90). "
        "3 에포크를 `batch_size=32, shuffle=False`로 더 학습했는지 확인하세요."
    )
