"""`10_validation_callbacks`의 연습문제: 층화 분할, 콜백 설정, 조기 종료로 새 모델 학습, 조기 종료 규칙 따라가기."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .core import Book, answer, call_answer, fingerprint, fits, mistake, raised_in_answer_cell

book = Book("10_validation_callbacks")


# --------------------------------------------------------------------------- 1. 층화 분할

_SPLIT = "train_test_split(X, y, test_size={size}, random_state={seed}{extra})\n"


def _split_answer(order: str, size: str = "0.25", extra: str = ", stratify=y", seed: str = "0") -> str:
    return f"{order} = " + _SPLIT.format(size=size, extra=extra, seed=seed)


_RIGHT_ORDER = "q1_X_train, q1_X_test, q1_y_train, q1_y_test"


@book.exercise(
    stars=1,
    title="클래스 비율을 지키며 나누기",
    hint=(
        "1절의 두 번째 `train_test_split` 줄이 본보기입니다. 시험 비율은 0과 1 사이의 소수로 주고, "
        "클래스 비율을 지키라는 인자에는 레이블 `y`를 넘깁니다. 돌려받는 순서도 1절과 같습니다."
    ),
    solution=_split_answer(_RIGHT_ORDER),
    mistakes={
        "order": (
            "돌려받는 순서가 틀렸습니다. `train_test_split(X, y, ...)`은 `X_train, X_test, y_train, y_test` 순서로 "
            "돌려주므로, 지금 `q1_y_train`에는 레이블이 아니라 시험 데이터의 특성 표가 들어 있습니다.",
            _split_answer("q1_X_train, q1_y_train, q1_X_test, q1_y_test"),
        ),
        "test_size_int": (
            "`test_size=25`처럼 정수를 주면 비율이 아니라 **행 수**(25행)로 읽힙니다. 25%는 `test_size=0.25`입니다.",
            _split_answer(_RIGHT_ORDER, size="25"),
        ),
        "no_stratify": (
            "시험 데이터의 품종별 행 수가 전체 비율과 다릅니다. `stratify=y`를 빠뜨렸습니다. 분류 문제에서는 "
            "클래스 비율을 지키도록 `stratify=y`를 줍니다.",
            _split_answer(_RIGHT_ORDER, extra=""),
        ),
    },
    rejects=[
        _split_answer(_RIGHT_ORDER, seed="42"),
        _split_answer(_RIGHT_ORDER, size="0.75"),
        _split_answer("q1_X_test, q1_X_train, q1_y_test, q1_y_train"),
        _split_answer(_RIGHT_ORDER, extra=", stratify=y, shuffle=False"),
        "q1_X_train, q1_X_test = train_test_split(X, test_size=0.25, random_state=0, stratify=y)\n"
        "q1_y_train, q1_y_test = train_test_split(y, test_size=0.25, random_state=1, stratify=y)\n",
    ],
    accepts=[
        "from sklearn.model_selection import train_test_split as tts\n\n"
        f"{_RIGHT_ORDER} = tts(X, y, train_size=0.75, stratify=y, random_state=0)\n",
        f"{_RIGHT_ORDER} = train_test_split(\n"
        "    X.to_numpy(), y.to_numpy(), test_size=45, random_state=0, stratify=y.to_numpy()\n)\n",
        "q1_X_train, q1_X_test = train_test_split(X, test_size=0.25, random_state=0, stratify=y)\n"
        "q1_y_train, q1_y_test = train_test_split(y, test_size=0.25, random_state=0, stratify=y)\n",
    ],
)
def q1(ns):
    from sklearn.model_selection import train_test_split

    from helpers.data import load_xy

    X_tr, X_te = answer(ns, "q1_X_train"), answer(ns, "q1_X_test")
    y_tr, y_te = answer(ns, "q1_y_train"), answer(ns, "q1_y_test")
    if np.ndim(y_tr) == 2 or np.ndim(y_te) == 2 or np.ndim(X_te) == 1:
        mistake("order")
    if len(y_te) == 25:
        mistake("test_size_int")
    if len(X_tr) != len(y_tr) or len(X_te) != len(y_te):
        mistake(detail="특성과 레이블의 행 수가 서로 맞지 않습니다. X와 y를 한 번에 같이 나누세요.")
    if len(y_te) != 45 or len(y_tr) != 133:
        mistake(detail=f"시험 데이터가 {len(y_te)}행, 훈련 데이터가 {len(y_tr)}행입니다. 178행의 25%를 시험으로 떼면 "
                       "시험 45행, 훈련 133행이어야 합니다.")
    counts = np.unique(np.asarray(y_te), return_counts=True)[1].tolist()
    if counts != [15, 18, 12]:
        mistake("no_stratify", detail=f"(받은 품종별 행 수: {counts}, 기대: [15, 18, 12])")
    X, y = load_xy("wine")
    _, ref_X_te, _, ref_y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    same_rows = np.array_equal(np.asarray(X_te, dtype=float), ref_X_te.to_numpy(float))
    same_labels = np.array_equal(np.asarray(y_te).astype(str), ref_y_te.to_numpy().astype(str))
    if same_rows and not same_labels:
        mistake(detail="시험 데이터의 특성은 맞는데 레이블이 다른 행의 것입니다. X와 y를 같은 호출로 함께 나누세요.")
    if not same_rows:
        mistake(detail="비율은 맞지만 뽑힌 행이 다릅니다. 1절의 `X`, `y`를 `random_state=0`으로 나눴는지 확인하세요.")
    return (
        "정답입니다. 분류 데이터를 나눌 때는 `stratify=y`로 클래스 비율을 지켜야, 작은 시험 데이터에서도 "
        "점수가 한쪽 클래스에 치우치지 않습니다."
    )


# --------------------------------------------------------------------------- 2. 콜백 설정

_EARLY_OK = 'q2_early = EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)\n'
_CKPT_OK = 'q2_checkpoint = ModelCheckpoint(work / "q2_best.keras", monitor="val_loss", save_best_only=True)\n'


def _same_folder(path: Path, work) -> bool:
    """path가 작업 폴더 work 바로 아래인지 (상대 경로든 절대 경로든)."""
    folder = Path(str(work))
    return path.parent.resolve() == folder.resolve() or (
        path.parent.name == folder.name and path.parent.parent.name == folder.parent.name
    )


@book.exercise(
    stars=2,
    title="잘못 세운 콜백 고치기",
    hint=(
        "5절의 두 콜백이 본보기입니다. 무엇을 볼지(`monitor`), 되돌릴지(`restore_best_weights`), "
        "최고 기록만 남길지(`save_best_only`)를 하나씩 확인하고, 파일 확장자는 `.keras`로 하세요. "
        "`mode`는 주지 않으면 이름을 보고 정해집니다."
    ),
    solution=_EARLY_OK + _CKPT_OK,
    mistakes={
        "monitor_loss": (
            "`monitor='loss'`는 **훈련** 손실을 봅니다. 훈련 손실은 과대적합이 시작돼도 계속 줄어들기 때문에 "
            "조기 종료와 최적 모델 저장의 기준이 될 수 없습니다. 두 콜백 모두 `monitor='val_loss'`로 하세요.",
            'q2_early = EarlyStopping(monitor="loss", patience=5, restore_best_weights=True)\n' + _CKPT_OK,
        ),
        "mode_max": (
            "`mode='max'`는 값이 **커질 때** 나아진 것으로 봅니다. 손실은 작을수록 좋으므로 `val_loss`에는 "
            "`mode='min'`이거나, `mode`를 빼서 기본값 `'auto'`가 이름을 보고 정하게 하세요.",
            'q2_early = EarlyStopping(monitor="val_loss", patience=5, mode="max", restore_best_weights=True)\n'
            + _CKPT_OK,
        ),
        "no_restore": (
            "`restore_best_weights`를 주지 않았습니다. 기본값은 `False`라서, 멈춘 뒤 모델에는 최적 에포크가 아니라 "
            "마지막 에포크(이미 나빠지기 시작한)의 가중치가 남습니다.",
            'q2_early = EarlyStopping(monitor="val_loss", patience=5)\n' + _CKPT_OK,
        ),
        "not_best_only": (
            "`save_best_only=True`가 없어서 에포크마다 파일을 덮어씁니다. 학습이 끝나면 파일에는 최적 모델이 아니라 "
            "마지막 에포크의 모델이 남습니다.",
            _EARLY_OK + 'q2_checkpoint = ModelCheckpoint(work / "q2_best.keras", monitor="val_loss")\n',
        ),
        "hdf5": (
            "옛 예제의 `.hdf5` 확장자 때문에 `ModelCheckpoint(...)` 줄에서 `ValueError`가 났습니다. Keras 3의 "
            "`ModelCheckpoint`는 모델 전체를 저장할 때 `.keras`나 `.h5`로 끝나는 경로만 받습니다. 문제대로 "
            "`work / \"q2_best.keras\"`로 하세요.",
            _EARLY_OK + 'q2_checkpoint = ModelCheckpoint("best.hdf5", monitor="val_loss", save_best_only=True)\n',
        ),
        "h5": (
            "`.h5`도 저장은 되지만 레거시(legacy) 형식이고, 문제가 정한 파일 이름은 `q2_best.keras`입니다. "
            "`.h5`에서 불러온 모델은 이어서 학습할 때 옵티마이저 상태를 쓰지 못합니다 (`07_save_load`).",
            _EARLY_OK
            + 'q2_checkpoint = ModelCheckpoint(work / "q2_best.h5", monitor="val_loss", save_best_only=True)\n',
        ),
    },
    rejects=[
        _EARLY_OK.replace("val_loss", "val_accuracy")
        + _CKPT_OK.replace("val_loss", "val_accuracy"),
        _EARLY_OK.replace("patience=5", "patience=3") + _CKPT_OK,
        _EARLY_OK + 'q2_checkpoint = ModelCheckpoint("q2_best.keras", monitor="val_loss", save_best_only=True)\n',
        _EARLY_OK + 'q2_checkpoint = ModelCheckpoint(work / "q2_best.keras", monitor="val_loss", '
        "save_best_only=True, save_weights_only=True)\n",
        'q2_early = EarlyStopping\n' + _CKPT_OK,
        ('q2_checkpoint = ModelCheckpoint("best.hdf5", monitor="val_loss", save_best_only=True)\n' + _EARLY_OK,
         "hdf5"),
        (_EARLY_OK + 'q2_checkpoint = ModelCheckpoint(work / "q2_best.keras", monitor="val_loss", mode="max", '
         "save_best_only=True)\n", "mode_max"),
    ],
    accepts=[
        "import os\n\n"
        'q2_early = EarlyStopping(monitor="val_loss", patience=5, mode="min", restore_best_weights=True, verbose=1)\n'
        'q2_checkpoint = ModelCheckpoint(os.path.join(work, "q2_best.keras"), monitor="val_loss", '
        'save_best_only=True, mode="min")\n',
        "from keras import callbacks\n\n"
        'q2_early = callbacks.EarlyStopping("val_loss", patience=5, restore_best_weights=True)\n'
        'q2_checkpoint = callbacks.ModelCheckpoint(filepath=f"{work}/q2_best.keras", save_best_only=True)\n',
    ],
)
def q2(ns):
    from keras.callbacks import EarlyStopping, ModelCheckpoint

    raised = raised_in_answer_cell(ns, "q2") or ""
    if "must end in" in raised and ".hdf5" in raised:
        mistake("hdf5")
    early, checkpoint = answer(ns, "q2_early"), answer(ns, "q2_checkpoint")
    if not isinstance(early, EarlyStopping):
        mistake(detail=f"`q2_early`는 `EarlyStopping(...)`으로 만든 객체여야 합니다 (받은 것: {_kind(early)}).")
    if not isinstance(checkpoint, ModelCheckpoint):
        mistake(detail="`q2_checkpoint`는 `ModelCheckpoint(...)`로 만든 객체여야 합니다 "
                       f"(받은 것: {_kind(checkpoint)}).")
    if "loss" in (early.monitor, checkpoint.monitor):
        mistake("monitor_loss")
    if early.monitor != "val_loss" or checkpoint.monitor != "val_loss":
        got = f"{early.monitor!r}, {checkpoint.monitor!r}"
        mistake(detail="문제는 검증 **손실**을 보라고 합니다: 두 콜백의 `monitor`는 'val_loss'여야 합니다 "
                       f"(받은 값: {got}).")
    if "max" in (early.mode, checkpoint.mode):
        mistake("mode_max")
    if not early.restore_best_weights:
        mistake("no_restore")
    if early.patience != 5:
        mistake(detail=f"`patience`는 5여야 합니다 (받은 값: {early.patience}).")
    if not checkpoint.save_best_only:
        mistake("not_best_only")
    path = Path(str(checkpoint.filepath))
    if path.suffix == ".h5":
        mistake("h5")
    if checkpoint.save_weights_only:
        mistake(detail="`save_weights_only=True`면 가중치만 저장합니다. 문제는 모델 전체를 `q2_best.keras`로 "
                       "남기는 것입니다.")
    if path.name != "q2_best.keras":
        mistake(detail=f"파일 이름은 `q2_best.keras`여야 합니다 (받은 경로: {path.as_posix()}).")
    work = ns.get("work")
    if work is not None and not _same_folder(path, work):
        mistake(detail="파일은 작업 폴더 `work` 아래에 두세요: `work / \"q2_best.keras\"` "
                       f"(받은 경로: {path.as_posix()}).")
    return (
        "정답입니다. 검증 손실(`val_loss`)을 기준으로 멈추고, 되돌리고, 최고 기록만 `.keras`로 남겨야 "
        "학습이 끝났을 때 메모리와 파일 모두에 최적 에포크의 모델이 있습니다."
    )


def _kind(value) -> str:
    if isinstance(value, type):
        return f"클래스 {value.__name__} 자체 (괄호를 붙여 객체를 만드세요)"
    return type(value).__name__


# --------------------------------------------------------------------------- 3. 조기 종료로 학습

_Q3_PREFIX = "keras.utils.set_random_seed(42)\nq3_model = make_binary_model()\n"
_Q3_EARLY = 'q3_early = EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)\n'
_Q3_FIT = (
    "q3_history = q3_model.fit(\n"
    "    Xb_fit, yb_fit, validation_data=(Xb_val, yb_val), epochs=30, batch_size=64, verbose=0,\n"
    "    callbacks=[q3_early],\n"
    ")\n"
)


@book.exercise(
    stars=2,
    title="조기 종료로 학습하고 최적 모델 얻기",
    hint=(
        "5절의 `fit` 셀이 본보기입니다. 모델은 `make_binary_model()`로 새로 만들고, 따로 나눈 검증 데이터는 "
        "`validation_data=`로 넘기고, 만든 콜백은 `callbacks=[...]`로 넘겨야 `fit`이 불러 줍니다."
    ),
    solution=_Q3_PREFIX + _Q3_EARLY + _Q3_FIT,
    mistakes={
        "no_validation": (
            "`q3_history`에 `val_loss`가 없습니다. 검증 데이터를 `fit`에 넘기지 않아서 `EarlyStopping`이 볼 값이 "
            "없었고(`Early stopping conditioned on metric val_loss which is not available` 경고), "
            "30에포크를 다 돌았습니다. `validation_data=(Xb_val, yb_val)`를 넘기세요.",
            _Q3_PREFIX + _Q3_EARLY
            + "q3_history = q3_model.fit(Xb_fit, yb_fit, epochs=30, batch_size=64, verbose=0, callbacks=[q3_early])\n",
        ),
        "validation_split": (
            "`validation_split`을 썼습니다. 이것은 `Xb_fit`의 뒤쪽 일부를 떼어 검증에 쓰므로, 훈련 데이터가 줄고 "
            "5절에서 따로 나눠 둔 검증 데이터 `Xb_val, yb_val`은 쓰이지 않습니다. `validation_data=(Xb_val, yb_val)`로 "
            "넘기세요.",
            _Q3_PREFIX + _Q3_EARLY
            + "q3_history = q3_model.fit(\n"
            "    Xb_fit, yb_fit, validation_split=0.2, epochs=30, batch_size=64, verbose=0, callbacks=[q3_early]\n"
            ")\n",
        ),
        "not_passed": (
            "`q3_early`를 만들기만 하고 `fit`에 넘기지 않았습니다. 콜백은 `fit(..., callbacks=[q3_early])`로 넘겨야 "
            "에포크마다 불립니다. 그래서 멈추지도, 되돌리지도 않았습니다.",
            _Q3_PREFIX + _Q3_EARLY
            + "q3_history = q3_model.fit(\n"
            "    Xb_fit, yb_fit, validation_data=(Xb_val, yb_val), epochs=30, batch_size=64, verbose=0\n"
            ")\n",
        ),
        "no_restore": (
            "일찍 멈추기는 했지만 `restore_best_weights=True`가 없어서, `q3_model`에는 최적 에포크가 아니라 "
            "마지막 에포크의 가중치가 남았습니다.",
            _Q3_PREFIX + 'q3_early = EarlyStopping(monitor="val_loss", patience=3)\n' + _Q3_FIT,
        ),
        "reused": (
            "`q3_model`은 새 모델이 아닙니다: 옵티마이저가 답안의 `fit`에서 한 것보다 더 많이 갱신되어 있습니다. "
            "5절에서 이미 학습한 `model`을 다시 썼거나, 학습된 모델을 파일에서 불러온 것 같습니다. "
            "이어서 학습한 모델에서는 조기 종료가 고른 에포크가 무엇을 뜻하는지 알 수 없습니다. "
            "`make_binary_model()`로 새로 만드세요.",
            "keras.utils.set_random_seed(42)\nq3_model = model\n" + _Q3_EARLY + _Q3_FIT,
        ),
    },
    rejects=[
        (_Q3_PREFIX + _Q3_EARLY + _Q3_FIT.replace("(Xb_val, yb_val)", "(Xb_test, yb_test)"), None),
        (_Q3_PREFIX + _Q3_EARLY + _Q3_FIT.replace("Xb_fit, yb_fit,", "Xb_val, yb_val,"), None),
        (_Q3_PREFIX + _Q3_EARLY + _Q3_FIT.replace("batch_size=64", "batch_size=32"), None),
        ("keras.utils.set_random_seed(42)\nq3_model = keras.models.load_model(work / \"best.keras\")\n"
         + _Q3_EARLY + _Q3_FIT, "reused"),
        (_Q3_PREFIX + _Q3_EARLY
         + "q3_model.fit(Xb_fit, yb_fit, epochs=5, batch_size=64, verbose=0)\n" + _Q3_FIT, None),
        (_Q3_PREFIX + _Q3_EARLY + "q3_history = q3_model.fit(\n"
         "    Xb_fit, yb_fit, validation_split=0.25, epochs=30, batch_size=64, verbose=0, callbacks=[q3_early]\n)\n",
         "validation_split"),
    ],
    accepts=[
        _Q3_PREFIX + _Q3_EARLY
        + 'q3_checkpoint = ModelCheckpoint(work / "q3_best.keras", monitor="val_loss", save_best_only=True)\n'
        "q3_history = q3_model.fit(\n"
        "    x=Xb_fit, y=yb_fit, batch_size=64, epochs=30, verbose=0,\n"
        "    validation_data=(Xb_val, yb_val), callbacks=[q3_checkpoint, q3_early],\n"
        ")\n",
        "from keras.callbacks import EarlyStopping as ES\n\n"
        "keras.utils.set_random_seed(42)\n"
        "q3_model = make_binary_model()\n"
        'q3_early = ES(monitor="val_loss", mode="min", patience=3, min_delta=0, restore_best_weights=True)\n'
        "q3_history = q3_model.fit(Xb_fit, yb_fit, 64, 30, 0, [q3_early], validation_data=(Xb_val, yb_val))\n",
    ],
)
def q3(ns):
    import keras
    from keras.callbacks import EarlyStopping

    model, early, history = answer(ns, "q3_model"), answer(ns, "q3_early"), answer(ns, "q3_history")
    if not isinstance(early, EarlyStopping):
        mistake(detail=f"`q3_early`는 `EarlyStopping(...)`으로 만든 객체여야 합니다 (받은 것: {_kind(early)}).")
    if not isinstance(model, keras.Model):
        mistake(detail="`q3_model`에는 `make_binary_model()`로 만든 모델을 담으세요.")
    if not isinstance(history, keras.callbacks.History):
        mistake(detail="`q3_history`에는 `q3_model.fit(...)`이 돌려준 값을 담으세요.")
    runs = fits(model)
    if not runs:
        mistake("reused", detail="(답안에서 `q3_model.fit(...)`을 부른 기록이 없습니다.)")
    if len(runs) > 1:
        mistake(detail=f"`q3_model`을 `fit`으로 학습한 기록이 {len(runs)}번 있습니다. 답안에서 `fit`을 두 번 불렀거나, "
                       "이미 학습한 모델을 다시 쓴 것 같습니다. `make_binary_model()`로 새 모델을 만들어 "
                       "조기 종료와 함께 **한 번의** `fit`으로 학습하세요.")
    run = runs[-1]
    done = int(np.asarray(model.optimizer.iterations.numpy()))
    batch = run["batch_size"] or 32
    if run["validation_split"]:
        mistake("validation_split")
    if done > run["epochs_run"] * math.ceil(run["n"] / batch):
        mistake("reused")
    X_fit, y_fit, X_val, y_val, X_test = (ns.get(name) for name in ("Xb_fit", "yb_fit", "Xb_val", "yb_val", "Xb_test"))
    if X_fit is not None and (run["x"] != fingerprint(X_fit) or run["y"] != fingerprint(y_fit)):
        mistake(detail="`fit`에 넘긴 훈련 데이터가 `Xb_fit, yb_fit`이 아닙니다. 5절에서 나눈 훈련 부분으로 학습하세요.")
    if run["validation_data"] is None or "val_loss" not in history.history:
        mistake("no_validation")
    if X_val is not None and run["validation_data"][:2] != [fingerprint(X_val), fingerprint(y_val)]:
        if X_test is not None and run["validation_data"][0] == fingerprint(X_test):
            mistake(detail="검증 데이터로 **시험 데이터** `Xb_test`를 넘겼습니다. 멈출 시점을 시험 데이터로 "
                           "고르면 시험 점수가 더는 처음 보는 데이터의 점수가 아닙니다. "
                           "`validation_data=(Xb_val, yb_val)`입니다.")
        mistake(detail="`validation_data`가 5절의 `(Xb_val, yb_val)`이 아닙니다.")
    if "EarlyStopping" not in run["callbacks"] or not hasattr(early, "best_epoch"):
        mistake("not_passed")
    if early.monitor != "val_loss":
        mistake(detail=f"`EarlyStopping`이 보는 값은 'val_loss'여야 합니다 (받은 값: {early.monitor!r}).")
    if not early.restore_best_weights:
        mistake("no_restore")
    if early.patience != 3:
        mistake(detail=f"`patience`는 3이어야 합니다 (받은 값: {early.patience}).")
    if run["epochs"] != 30:
        mistake(detail=f"`epochs`는 30이어야 합니다 (받은 값: {run['epochs']}).")
    if run["batch_size"] != 64:
        mistake(detail=f"`batch_size`는 64여야 합니다 (받은 값: {run['batch_size']}).")
    if run["epochs_run"] >= 30:
        mistake(detail="30에포크를 다 돌았습니다. 조기 종료가 일어나도록 문제의 설정을 다시 확인하세요.")
    if X_val is not None:
        y_pred = np.asarray(model.predict(X_val, verbose=0), dtype="float64").reshape(-1)
        y_pred = np.clip(y_pred, 1e-7, 1 - 1e-7)
        y_true = np.asarray(y_val, dtype="float64").reshape(-1)
        now = float(-np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred)))
        best = float(np.min(history.history["val_loss"]))
        if abs(now - best) > 1e-3:
            mistake(detail=f"학습이 끝난 `q3_model`의 검증 손실({now:.4f})이 `q3_history`의 최저값({best:.4f})과 "
                           "다릅니다. `fit` 뒤에 가중치를 바꿨거나, `q3_history`가 다른 모델의 기록일 수 있습니다.")
    return (
        f"정답입니다. {run['epochs_run']}에포크에서 멈추고 최적 에포크 {early.best_epoch + 1}의 가중치로 "
        "되돌렸습니다. 새 모델에 따로 나눈 검증 데이터와 콜백을 함께 넘겨야 조기 종료가 제 뜻대로 일어납니다."
    )


# --------------------------------------------------------------------------- 4. 조기 종료 규칙


def _simulate(losses, patience, *, ties=False, late=False, start=1, none_end=True):
    """Keras 3 `EarlyStopping`(min_delta=0)의 규칙: (멈춘 에포크 또는 None, 최적 에포크).

    ties, late, start, none_end는 알려진 실수를 흉내 낸다 (같은 값도 나아짐, 한 에포크 늦게, 0부터 셈, None 대신 길이).
    """
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(losses, start=start):
        if loss < best or (ties and loss == best):
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait > patience if late else wait >= patience:
                return epoch, best_epoch
    return (None if none_end else len(losses)), best_epoch


_CASES = [
    ([0.50, 0.40, 0.45, 0.41, 0.42, 0.43], 2),  # 2에서 최저, 4에서 멈춤
    ([0.50, 0.40, 0.40, 0.40, 0.30], 2),  # 같은 값은 나아진 것이 아님: 4에서 멈춤
    ([0.50, 0.40, 0.30, 0.35], 3),  # 끝까지 멈추지 않음
    ([0.9, 0.7, 0.8, 0.6, 0.65, 0.66, 0.7, 0.5], 3),  # 4에서 최저, 7에서 멈춤
]

_Q4_SOLUTION = """
def q4_early_stopping(val_losses, patience):
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return epoch, best_epoch
    return None, best_epoch
"""


def _variant(*, compare="<", stop=">=", start=1, end="None", reset="0"):
    return (
        "def q4_early_stopping(val_losses, patience):\n"
        '    best, best_epoch, wait = float("inf"), 0, 0\n'
        f"    for epoch, loss in enumerate(val_losses, start={start}):\n"
        f"        if loss {compare} best:\n"
        f"            best, best_epoch, wait = loss, epoch, {reset}\n"
        "        else:\n"
        "            wait += 1\n"
        f"            if wait {stop} patience:\n"
        "                return epoch, best_epoch\n"
        f"    return {end}, best_epoch\n"
    )


@book.exercise(
    stars=3,
    title="EarlyStopping의 규칙을 직접 따라가기",
    hint=(
        "지금까지의 최저값, 그 에포크, 나아지지 않은 채 기다린 횟수 세 가지를 들고 목록을 앞에서부터 읽으세요. "
        "최저 기록을 깨면 기다린 횟수를 0으로, 아니면 1 늘리고 `patience`에 닿는 순간 멈춥니다."
    ),
    solution=_Q4_SOLUTION,
    mistakes={
        "zero_based": (
            "에포크 번호가 하나씩 작습니다. `enumerate`는 0부터 세므로 `enumerate(val_losses, start=1)`처럼 "
            "1부터 세세요 (`verbose=1`의 `Epoch 9: early stopping`과 같은 번호).",
            _variant(start=0),
        ),
        "ties": (
            "같은 값을 나아진 것으로 셌습니다 (`<=`). Keras는 지금까지의 최저값보다 **작을 때만** 나아졌다고 봅니다 "
            "(`min_delta=0`일 때 `<`).",
            _variant(compare="<="),
        ),
        "late": (
            "한 에포크 늦게 멈춥니다. 나아지지 않은 에포크가 `patience`번이 되는 **그 에포크에서** 멈춰야 합니다 "
            "(`wait >= patience`).",
            _variant(stop=">"),
        ),
        "no_none": (
            "끝까지 멈추지 않은 경우에 마지막 에포크 번호를 돌려줬습니다. 문제의 약속대로 멈춘 에포크 자리에 `None`을 "
            "넣어야, 조기 종료가 일어나지 않았다는 것(Keras의 `stopped_epoch == 0`)을 구별할 수 있습니다.",
            _variant(end="len(val_losses)"),
        ),
    },
    rejects=[
        # 최적 에포크를 전체 목록의 최솟값으로 (멈춘 뒤의 에포크까지 봄)
        "import numpy as np\n\n" + _variant().replace(
            "    return None, best_epoch\n", "    return None, int(np.argmin(val_losses)) + 1\n"
        ).replace("                return epoch, best_epoch\n",
                  "                return epoch, int(np.argmin(val_losses)) + 1\n"),
        # 기다린 횟수를 되돌리지 않음
        _variant(reset="wait"),
        # 멈춘 에포크만 돌려줌
        _variant().replace("return epoch, best_epoch", "return epoch").replace("return None, best_epoch",
                                                                               "return None"),
        # 순서를 바꿔 돌려줌
        _variant().replace("return epoch, best_epoch", "return best_epoch, epoch").replace(
            "return None, best_epoch", "return best_epoch, None"),
        # 한 에포크 일찍 멈춤 (최적 에포크까지 센다)
        _variant(stop=">= patience - 1 or wait >="),
    ],
    accepts=[
        "import numpy as np\n\n"
        "def q4_early_stopping(val_losses, patience):\n"
        "    losses = np.asarray(val_losses)\n"
        "    best_so_far = np.minimum.accumulate(losses)\n"
        "    improved = np.r_[True, losses[1:] < best_so_far[:-1]]\n"
        "    best, wait = 0, 0\n"
        "    for i in range(len(losses)):\n"
        "        if improved[i]:\n"
        "            best, wait = i, 0\n"
        "        else:\n"
        "            wait += 1\n"
        "            if wait == patience:\n"
        "                return [np.int64(i + 1), np.int64(best + 1)]\n"
        "    return [None, np.int64(best + 1)]\n",
        "def q4_early_stopping(val_losses, patience):\n"
        "    i, best_i, waited = 0, 0, 0\n"
        "    while i < len(val_losses):\n"
        "        if val_losses[i] < val_losses[best_i] or i == 0:\n"
        "            best_i, waited = i, 0\n"
        "        else:\n"
        "            waited += 1\n"
        "        if waited == patience:\n"
        "            return (i + 1, best_i + 1)\n"
        "        i += 1\n"
        "    return (None, best_i + 1)\n",
    ],
)
def q4(ns):
    function = answer(ns, "q4_early_stopping")
    returns = "`(멈춘 에포크, 최적 에포크)`"
    normalized = []
    for losses, patience in _CASES:
        item = call_answer(function, list(losses), patience, returns=returns)
        if not isinstance(item, tuple | list) or len(item) != 2:
            mistake(detail=f"`(멈춘 에포크, 최적 에포크)` 두 값을 돌려주세요 (받은 값: {item!r}).")
        if item[1] is None:
            mistake(detail=f"최적 에포크 자리에 None을 돌려줬습니다 (받은 값: {item!r}). "
                           "순서는 `(멈춘 에포크, 최적 에포크)`입니다.")
        normalized.append((None if item[0] is None else int(item[0]), int(item[1])))

    def outcome(**variant):
        return [_simulate(losses, patience, **variant) for losses, patience in _CASES]

    if normalized == outcome():
        return (
            "정답입니다. 조기 종료는 '최저 기록을 깬 뒤 몇 번 연속 나아지지 않았나'를 세는 단순한 규칙입니다. "
            "규칙을 알면 `patience`를 바꿨을 때 어디서 멈출지 기록만 보고도 알 수 있습니다."
        )
    for key, variant in (
        ("zero_based", {"start": 0}),
        ("ties", {"ties": True}),
        ("late", {"late": True}),
        ("no_none", {"none_end": False}),
    ):
        if normalized == outcome(**variant):
            mistake(key)
    detail = "; ".join(
        f"{losses}, patience={p} → 기대 {w}, 받은 값 {g}"
        for (losses, p), g, w in zip(_CASES, normalized, outcome(), strict=True)
        if g != w
    )
    mistake(detail=f"맞지 않는 경우: {detail}")
