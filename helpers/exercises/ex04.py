"""`04_fit` 노트북의 연습문제: 스텝 수 계산, 섞어 가며 `train_on_batch`로 두 에포크, 같은 갱신 횟수로 비교하기."""

from __future__ import annotations

import functools
import hashlib
import math

from .core import Book, answer, close, fingerprint, fits, lesson, mistake, need_int, need_number

book = Book("04_fit")

BATCHES = "_course_batches"  # 모델 객체에 남기는 train_on_batch 기록 (x, y, 돌려준 손실)


# --- train_on_batch 기록: 연습문제 2가 '어떤 순서로 어떤 샘플을' 학습했는지 보려고 ------------------------------


def _as_array(data):
    import numpy as np

    if data is None:
        return None
    if hasattr(data, "numpy") and not isinstance(data, np.ndarray):
        data = data.numpy()
    return data if isinstance(data, np.ndarray) else np.asarray(data)


def _first_loss(result):
    if isinstance(result, dict):
        return result.get("loss")
    if isinstance(result, list | tuple):
        return result[0] if result else None
    return result


def _install_batch_log() -> None:
    """`keras.Model.train_on_batch`가 부를 때마다 모델에 (x, y, 손실)을 남기게 한다 (한 번만)."""
    import keras

    current = keras.Model.train_on_batch
    if getattr(current, "_course_batch_log", False):
        return

    @functools.wraps(current)
    def train_on_batch(self, *args, **kwargs):
        result = current(self, *args, **kwargs)
        x = kwargs.get("x", args[0] if args else None)
        y = kwargs.get("y", args[1] if len(args) > 1 else None)
        try:
            entry = {"x": _as_array(x), "y": _as_array(y), "loss": _first_loss(result)}
            self.__dict__.setdefault(BATCHES, []).append(entry)
        except (AttributeError, TypeError, ValueError):
            pass
        return result

    train_on_batch._course_batch_log = True
    keras.Model.train_on_batch = train_on_batch


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None


if _in_kernel():  # 노트북 커널 안에서만 (채점기나 테스트 프로세스에서는 켜지 않는다: tracking.install과 같게)
    _install_batch_log()


def _count(variable) -> int:
    """Keras 변수(예: optimizer.iterations)의 정수 값."""
    value = variable.numpy() if hasattr(variable, "numpy") else variable
    return int(value)


def batches(model) -> list[dict]:
    """그 모델의 train_on_batch 호출 기록 (오래된 것부터): x, y, 돌려준 손실."""
    return list(getattr(model, BATCHES, []) or [])


def _row_keys(data) -> list[str]:
    """행마다의 지문 (float32로 바꾼 값의 해시): 같은 샘플이면 같은 값."""
    import numpy as np

    array = np.asarray(data, dtype=np.float32)
    array = np.ascontiguousarray(array.reshape(len(array), -1))
    return [hashlib.sha1(row.tobytes()).hexdigest()[:16] for row in array]


# --- 1 ---------------------------------------------------------------------------------------------


@book.exercise(
    stars=1,
    title="스텝 수와 갱신 횟수",
    hint="한 에포크는 455개를 64개씩 자른 묶음 수만큼 스텝을 밟습니다. 마지막 묶음은 64개보다 적어도 한 스텝입니다. "
    "가중치는 스텝마다 한 번 바뀌고, 에포크마다 묶음을 처음부터 다시 자릅니다.",
    solution="""
        import math

        q1_steps = math.ceil(455 / 64)  # 7.1... → 8 (마지막 배치는 7개)
        q1_updates = q1_steps * 3       # 스텝마다 한 번, 3 에포크
    """,
    mistakes={
        "floor": (
            "q1_steps = 7은 455 / 64 = 7.1...을 내림(`//`, `int()`)하거나 반올림(`round`)한 값입니다. 마지막에 남는 "
            "7개도 한 배치가 되어 한 스텝을 밟으므로 올림(`math.ceil`)입니다.",
            "q1_steps = 455 // 64\nq1_updates = q1_steps * 3\n",
        ),
        "fraction": (
            "스텝 수는 정수입니다. 455 / 64 = 7.1...을 그대로 두지 말고 올림(math.ceil)하세요.",
            "q1_steps = 455 / 64\nq1_updates = q1_steps * 3\n",
        ),
        "no_epochs": (
            "q1_updates가 한 에포크의 갱신 횟수입니다. 3 에포크 동안이므로 에포크 수를 곱하세요.",
            "q1_steps = 8\nq1_updates = 8\n",
        ),
        "per_sample": (
            "가중치는 샘플마다가 아니라 배치(스텝)마다 한 번 바뀝니다. 455 x 3은 batch_size=1일 때의 횟수입니다.",
            "q1_steps = 8\nq1_updates = 455 * 3\n",
        ),
        "across_epochs": (
            "q1_updates = 22는 ⌈455 x 3 / 64⌉, 곧 세 에포크의 샘플을 한 줄로 이어 자른 횟수입니다. fit은 에포크마다 "
            "데이터를 처음부터 다시 자르므로 에포크마다 마지막 배치(7개)가 따로 한 스텝입니다: 8 x 3.",
            "q1_steps = math.ceil(455 / 64)\nq1_updates = math.ceil(455 * 3 / 64)\n",
        ),
    },
    rejects=[
        ('q1_steps = "8"\nq1_updates = "24"\n', None),
        ("q1_steps = np.ceil(455 / 64)\nq1_updates = q1_steps * 3\n", None),
        ("q1_steps = round(455 / 64)\nq1_updates = q1_steps * 3\n", "floor"),
        ("q1_steps = int(455 / 64)\nq1_updates = q1_steps * 3\n", "floor"),
        ("q1_steps = 8\nq1_updates = 8 * 64 * 3\n", None),
    ],
    accepts=[
        "q1_steps = -(-455 // 64)\nq1_updates = 3 * q1_steps\n",
        "q1_steps = int(np.ceil(455 / 64))\nq1_updates = int(q1_steps * 3)\n",
        "q1_steps = len(range(0, 455, 64))\nq1_updates = sum(q1_steps for epoch in range(3))\n",
        "q1_steps = 8\nq1_updates = 24\n",
    ],
)
def q1(ns):
    steps = need_number(answer(ns, "q1_steps"), "q1_steps")
    updates = need_number(answer(ns, "q1_updates"), "q1_updates")
    if steps != int(steps):
        mistake("fraction")
    steps = need_int(answer(ns, "q1_steps"), "q1_steps")
    if steps == 455 // 64:
        mistake("floor")
    if steps != math.ceil(455 / 64):
        mistake(detail=f"q1_steps = {steps!r}는 에포크당 스텝 수가 아닙니다.")
    updates = need_int(answer(ns, "q1_updates"), "q1_updates")
    if updates == steps:
        mistake("no_epochs")
    if updates == 455 * 3:
        mistake("per_sample")
    if updates == math.ceil(455 * 3 / 64):
        mistake("across_epochs")
    if updates != 3 * math.ceil(455 / 64):
        mistake(detail=f"q1_updates = {updates!r}는 3 에포크 동안의 갱신 횟수가 아닙니다.")
    return (
        "정답입니다. 8 스텝 x 3 에포크 = 24번: `history.params['steps']`와 `model.optimizer.iterations`로 "
        "언제든 확인할 수 있고, batch_size를 비교할 때 이 횟수가 열쇠입니다."
    )


# --- 2 ---------------------------------------------------------------------------------------------

_Q2_SOLUTION = """
    q2_model = build_model()
    q2_losses = []
    rng = np.random.default_rng(0)  # 난수 생성기는 한 번만 만든다
    for epoch in range(2):
        order = rng.permutation(len(X_tr))  # 에포크마다 새 순서
        for start in range(0, len(X_tr), 50):
            batch = order[start : start + 50]  # X와 y를 같은 인덱스로
            loss, accuracy = q2_model.train_on_batch(X_tr[batch], y_tr[batch])
            q2_losses.append(loss)
"""


def _q2_loop(order: str, *, epochs: int = 2, data: str = "X_tr", y_index: str = "batch", end: str = "len(X_tr)",
             rng_inside: bool = False, collect: str = "loss") -> str:
    """q2의 실수를 재현하는 답안 코드 (테스트가 실행한다)."""
    rng = "    rng = np.random.default_rng(0)\n" if rng_inside else ""
    target = "y_tr" if data == "X_tr" else "y_train"
    return (
        "q2_model = build_model()\n"
        "q2_losses = []\n"
        + ("" if rng_inside else "rng = np.random.default_rng(0)\n")
        + f"for epoch in range({epochs}):\n"
        + rng
        + f"    order = {order}\n"
        f"    for start in range(0, {end}, 50):\n"
        "        batch = order[start : start + 50]\n"
        f"        result = q2_model.train_on_batch({data}[batch], {target}[{y_index}])\n"
        f"        q2_losses.append({'result[0]' if collect == 'loss' else 'result'})\n"
    )


@book.exercise(
    stars=2,
    title="섞어 가며 두 에포크를 직접 학습하기",
    hint="에포크 루프 안에서 그 에포크의 순서(0~363을 섞은 인덱스 배열)를 새로 만들고, 그 인덱스 조각 하나로 "
    "`X_tr`와 `y_tr`를 **함께** 고르세요. 난수 생성기는 에포크 루프 밖에서 한 번만 만듭니다. "
    "`train_on_batch`는 [손실, 정확도]를 돌려줍니다.",
    solution=_Q2_SOLUTION,
    mistakes={
        "used_fit": (
            "q2_model을 `fit`으로 학습했습니다. 이 문제는 fit이 안에서 하는 일을 `train_on_batch`로 직접 하는 "
            "것입니다: 배치마다 `train_on_batch`를 부르세요.",
            "q2_model = build_model()\n"
            "q2_losses = q2_model.fit(X_tr, y_tr, batch_size=50, epochs=2, verbose=0).history['loss']\n",
        ),
        "not_shuffled": (
            "두 에포크 모두 X_tr의 원래 순서 그대로 학습했습니다. fit은 에포크마다 순서를 섞습니다: 에포크마다 "
            "`rng.permutation(len(X_tr))`로 새 순서를 만들어 그 순서로 자르세요.",
            _q2_loop("np.arange(len(X_tr))"),
        ),
        "same_order": (
            "두 에포크가 똑같은 순서로 섞였습니다. 같은 시드로 난수 생성기를 에포크마다 새로 만들었거나, 순서를 루프 "
            "밖에서 한 번만 만들었을 수 있습니다. 생성기는 루프 밖에서 한 번 만들고, 순서는 에포크마다 새로 뽑으세요.",
            _q2_loop("rng.permutation(len(X_tr))", rng_inside=True),
        ),
        "labels_misaligned": (
            "배치의 레이블(y)이 그 배치의 샘플(X)과 맞지 않습니다. X만 섞고 y는 원래 순서로 잘랐거나, 둘을 따로 섞은 "
            "것 같습니다. 같은 인덱스 조각으로 `X_tr[batch]`, `y_tr[batch]`를 함께 고르세요.",
            _q2_loop("rng.permutation(len(X_tr))", y_index="start : start + 50"),
        ),
        "one_epoch": (
            "한 에포크만 학습했습니다. 문제는 두 에포크(에포크마다 새로 섞기)입니다.",
            _q2_loop("rng.permutation(len(X_tr))", epochs=1),
        ),
        "x_train": (
            "X_train(455개)으로 학습했습니다. 이 문제는 4절에서 나눈 실험용 훈련 데이터 `X_tr`, `y_tr`(364개)입니다.",
            _q2_loop("rng.permutation(len(X_train))", data="X_train", end="len(X_train)"),
        ),
        "dropped_last": (
            "에포크마다 마지막 배치를 빠뜨렸습니다. 364개를 50개씩 자르면 마지막에 14개가 남고, fit은 그것도 한 배치로 "
            "학습합니다. `range(0, len(X_tr), 50)`처럼 끝까지 도세요.",
            _q2_loop("rng.permutation(len(X_tr))", end="len(X_tr) - 50"),
        ),
        "not_new": (
            "q2_model은 이미 학습된 모델입니다: 가중치를 바꾼 횟수(optimizer.iterations)가 답안의 train_on_batch 호출 "
            "수보다 많습니다. 수업에서 학습한 모델을 쓰지 말고 `q2_model = build_model()`로 새 모델을 만드세요.",
            _q2_loop("rng.permutation(len(X_tr))").replace("q2_model = build_model()", "q2_model = model"),
        ),
        "pairs": (
            "`train_on_batch`는 [손실, 정확도] 두 값을 돌려줍니다. 리스트에는 첫 번째 값(손실)만 넣으세요: "
            "`loss, accuracy = model.train_on_batch(...)`.",
            _q2_loop("rng.permutation(len(X_tr))", collect="pair"),
        ),
    },
    rejects=[
        # 중복을 허용하는 뽑기: 어떤 샘플은 두 번, 어떤 샘플은 빠진다
        (_q2_loop("rng.integers(0, len(X_tr), len(X_tr))"), None),
        # 섞지 않은 3절 함수를 두 번
        ("q2_model = build_model()\n"
         "q2_losses = train_one_epoch(q2_model, X_tr, y_tr, 50) + train_one_epoch(q2_model, X_tr, y_tr, 50)\n",
         "not_shuffled"),
        # 순서를 루프 밖에서 한 번만
        ("q2_model = build_model()\n"
         "q2_losses = []\n"
         "order = np.random.default_rng(0).permutation(len(X_tr))\n"
         "for epoch in range(2):\n"
         "    for start in range(0, len(X_tr), 50):\n"
         "        batch = order[start : start + 50]\n"
         "        loss, accuracy = q2_model.train_on_batch(X_tr[batch], y_tr[batch])\n"
         "        q2_losses.append(loss)\n",
         "same_order"),
        # X와 y를 따로 섞기
        ("q2_model = build_model()\n"
         "q2_losses = []\n"
         "rng = np.random.default_rng(0)\n"
         "for epoch in range(2):\n"
         "    X_shuffled, y_shuffled = rng.permutation(X_tr), rng.permutation(y_tr)\n"
         "    for start in range(0, len(X_tr), 50):\n"
         "        part = slice(start, start + 50)\n"
         "        loss, accuracy = q2_model.train_on_batch(X_shuffled[part], y_shuffled[part])\n"
         "        q2_losses.append(loss)\n",
         "labels_misaligned"),
        # 배치 크기 32
        ("q2_model = build_model()\n"
         "q2_losses = []\n"
         "rng = np.random.default_rng(0)\n"
         "for epoch in range(2):\n"
         "    order = rng.permutation(len(X_tr))\n"
         "    for start in range(0, len(X_tr), 32):\n"
         "        batch = order[start : start + 32]\n"
         "        loss, accuracy = q2_model.train_on_batch(X_tr[batch], y_tr[batch])\n"
         "        q2_losses.append(loss)\n",
         None),
    ],
    accepts=[
        # tf.data: 에포크마다 다시 섞는 데이터셋
        "import tensorflow as tf\n"
        "q2_model = build_model()\n"
        "q2_losses = []\n"
        "dataset = tf.data.Dataset.from_tensor_slices((X_tr, y_tr)).shuffle(len(X_tr), seed=0).batch(50)\n"
        "for epoch in range(2):\n"
        "    for X_batch, y_batch in dataset:\n"
        "        q2_losses.append(q2_model.train_on_batch(X_batch, y_batch)[0])\n",
        # sklearn.utils.shuffle로 X와 y를 함께, return_dict
        "from sklearn.utils import shuffle\n"
        "q2_model = build_model()\n"
        "q2_losses = []\n"
        "for epoch in range(2):\n"
        "    X_epoch, y_epoch = shuffle(X_tr, y_tr, random_state=epoch)\n"
        "    for start in range(0, len(X_epoch), 50):\n"
        "        result = q2_model.train_on_batch(X_epoch[start : start + 50], y_epoch[start : start + 50], "
        "return_dict=True)\n"
        "        q2_losses.append(result['loss'])\n",
        # 인덱스 배열을 np.random.shuffle로 제자리에서 섞기, 키워드 인수
        "q2_model = build_model()\n"
        "q2_losses = []\n"
        "index = np.arange(len(X_tr))\n"
        "for epoch in range(2):\n"
        "    np.random.shuffle(index)\n"
        "    for start in range(0, len(index), 50):\n"
        "        part = index[start : start + 50]\n"
        "        loss, _ = q2_model.train_on_batch(x=X_tr[part], y=y_tr[part])\n"
        "        q2_losses.append(float(loss))\n",
    ],
)
def q2(ns):
    import numpy as np

    model = answer(ns, "q2_model")
    losses = answer(ns, "q2_losses")
    if not hasattr(model, "train_on_batch") or getattr(model, "optimizer", None) is None:
        mistake(detail="q2_model에는 build_model()로 만든(compile된) 모델을 넣으세요.")
    X_tr, y_tr = lesson(ns, "X_tr", "y_tr")
    log = batches(model)
    if not log:
        if fits(model):
            mistake("used_fit")
        mistake(detail="q2_model로 train_on_batch를 한 번도 부르지 않았습니다.")
    if _count(model.optimizer.iterations) != len(log):
        mistake("not_new")
    if any(entry["x"] is None or entry["y"] is None for entry in log):
        mistake(detail="train_on_batch에 x와 y를 함께 넘기세요.")

    position = {key: i for i, key in enumerate(_row_keys(X_tr))}
    rows = [_row_keys(entry["x"]) for entry in log]
    if any(key not in position for keys in rows for key in keys):
        X_train = ns.get("X_train")
        known = set(_row_keys(X_train)) if X_train is not None else set()
        if all(key in known for keys in rows for key in keys):
            mistake("x_train")
        mistake(detail="X_tr에 없는 샘플로 학습했습니다: 4절의 실험용 훈련 데이터 X_tr, y_tr를 쓰세요.")
    n = len(X_tr)
    sizes = [len(keys) for keys in rows]
    full = [50] * (n // 50) + ([n % 50] if n % 50 else [])
    if sizes and all(size == 50 for size in sizes) and n % 50 and sum(sizes) % (n - n % 50) == 0:
        mistake("dropped_last")
    if sum(sizes) % n:
        mistake(detail=f"학습한 샘플이 모두 {sum(sizes)}개로, 에포크({n}개)의 배수가 아닙니다 (배치 크기: {sizes}).")
    epochs = sum(sizes) // n
    if epochs == 1:
        mistake("one_epoch")
    if epochs != 2:
        mistake(detail=f"{epochs} 에포크만큼 학습했습니다 (train_on_batch {len(log)}번). 에포크 루프를 두 번 돌았는지, "
                       "같은 모델로 답안 셀의 일부를 다시 실행하지 않았는지 확인하세요.")
    if sizes != full * 2:
        mistake(detail=f"배치 크기가 {sizes[: len(full)]}...입니다. 에포크마다 50개씩 자르고 마지막 배치는 남는 "
                       f"{n % 50}개입니다.")
    orders = []
    for epoch in range(2):
        keys = [key for part in rows[epoch * len(full) : (epoch + 1) * len(full)] for key in part]
        order = [position[key] for key in keys]
        if sorted(order) != list(range(n)):
            mistake(detail=f"{epoch + 1}번째 에포크에서 어떤 샘플은 여러 번 학습하고 어떤 샘플은 빠졌습니다. "
                           "한 에포크에는 모든 샘플이 한 번씩: 중복 없는 순서(`rng.permutation`)를 쓰세요.")
        orders.append(order)
    labels = np.asarray(y_tr).ravel()
    for entry, keys in zip(log, rows, strict=True):
        expected = labels[[position[key] for key in keys]]
        if not np.array_equal(np.asarray(entry["y"]).ravel().astype(float), expected.astype(float)):
            mistake("labels_misaligned")
    if orders[0] == list(range(n)) and orders[1] == list(range(n)):
        mistake("not_shuffled")
    if orders[0] == orders[1]:
        mistake("same_order")
    if orders[0] == list(range(n)) or orders[1] == list(range(n)):
        mistake(detail="한 에포크는 섞지 않은 원래 순서였습니다: 두 에포크 모두 새로 섞으세요.")
    if not isinstance(losses, list | tuple):
        mistake(detail=f"q2_losses는 리스트여야 합니다 (받은 것: {type(losses).__name__}).")
    if len(losses) == 2:
        mistake(detail="q2_losses에 값이 두 개뿐입니다. 에포크마다 하나가 아니라 배치마다 손실 하나씩 모으세요.")
    if any(isinstance(v, list | tuple | dict) or getattr(v, "ndim", 0) > 0 for v in losses):
        mistake("pairs")
    if len(losses) != len(log):
        mistake(detail=f"q2_losses에는 배치마다 손실 하나씩, 모두 {len(log)}개가 있어야 합니다 "
                       f"(받은 것: {len(losses)}개).")
    for got, entry in zip(losses, log, strict=True):
        if entry["loss"] is None or not close(need_number(got, "q2_losses의 값"), float(entry["loss"]), rel=1e-5):
            mistake(detail="q2_losses의 값이 train_on_batch가 돌려준 손실과 다릅니다: 돌려받은 첫 번째 값을 "
                           "그대로 모으세요.")
    return (
        f"정답입니다. 두 에포크 모두 364개를 한 번씩, 서로 다른 순서로 학습했고(배치 {len(log)}개), 배치마다 레이블도 "
        "맞습니다: `fit(X_tr, y_tr, batch_size=50, epochs=2)`가 안에서 하는 일이 바로 이것입니다."
    )


# --- 3 ---------------------------------------------------------------------------------------------

_Q3_DATA = """
    Xm_train, Xm_test, ym_train, ym_test = helpers.train_test_data("moons", scale=True)
    q3_X_tr, q3_X_val, q3_y_tr, q3_y_val = train_test_split(
        Xm_train, ym_train, test_size=0.25, random_state=0, stratify=ym_train
    )
"""

_Q3_MODEL = """
    def build_moons_model():
        model = keras.Sequential(
            [keras.Input(shape=(2,)), layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")]
        )
        model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
        return model
"""

_Q3_SOLUTION = _Q3_DATA + _Q3_MODEL + """

    updates = math.ceil(len(q3_X_tr) / 8) * 2  # 75 스텝 x 2 에포크 = 150번
    large_epochs = updates // math.ceil(len(q3_X_tr) / 64)  # 에포크당 10 스텝 (마지막 배치는 24개) → 15 에포크
    keras.utils.set_random_seed(42)
    q3_small = build_moons_model().fit(
        q3_X_tr, q3_y_tr, epochs=2, batch_size=8, validation_data=(q3_X_val, q3_y_val), verbose=0
    )
    keras.utils.set_random_seed(42)
    q3_large = build_moons_model().fit(
        q3_X_tr, q3_y_tr, epochs=large_epochs, batch_size=64, validation_data=(q3_X_val, q3_y_val), verbose=0
    )
    small_loss, large_loss = q3_small.history["val_loss"][-1], q3_large.history["val_loss"][-1]
    q3_better = "small" if small_loss < large_loss else "large"
    print(f"가중치 {updates}번 갱신 뒤 검증 손실: 배치 8 {small_loss:.4f}, 배치 64 {large_loss:.4f}")
"""


def _q3_pair(small_epochs: int = 2, large_epochs: int = 15, small_batch: int = 8, large_batch: int = 64,
             validation: str = "validation_data=(q3_X_val, q3_y_val)", x: str = "q3_X_tr, q3_y_tr",
             same_model: bool = False, better: str = '"small" if s < l else "large"', compare: bool = True) -> str:
    """q3의 실수를 재현하는 답안 코드 (데이터 준비 + 모델 함수 + 두 fit)."""
    import textwrap

    second = "q3_small.model" if same_model else "build_moons_model()"
    return (
        textwrap.dedent(_Q3_DATA + _Q3_MODEL)
        + f"q3_small = build_moons_model().fit({x}, epochs={small_epochs}, batch_size={small_batch}, "
        f"{validation}, verbose=0)\n"
        + f"q3_large = {second}.fit({x}, epochs={large_epochs}, batch_size={large_batch}, {validation}, verbose=0)\n"
        + ('s, l = q3_small.history["val_loss"][-1], q3_large.history["val_loss"][-1]\n' if compare else "")
        + f"q3_better = {better}\n"
    )


def _steps(n: int, batch_size) -> int:
    return math.ceil(n / (batch_size or 32))


@book.exercise(
    stars=3,
    title="새 데이터에서 같은 갱신 횟수로 비교하기",
    hint="갱신 횟수 = 에포크당 스텝 수 x 에포크 수이고, 에포크당 스텝 수는 2절처럼 올림으로 셉니다. 배치 8 쪽의 "
    "횟수를 먼저 구하고, 배치 64의 에포크당 스텝 수로 나누어 에포크 수를 정하세요. 모델은 함수로 만들어 두면 "
    "두 번 새로 만들기 쉽고, 검증 데이터는 4절처럼 `validation_data`로 줍니다.",
    solution=_Q3_SOLUTION,
    mistakes={
        "validation_split": (
            "validation_split으로 검증했습니다. validation_split은 fit이 받은 데이터의 뒤쪽 일부를 떼어 검증에 쓰므로, "
            "문제의 검증 데이터(q3_X_val)가 아니고 학습하는 샘플 수도 줄어듭니다: "
            "`validation_data=(q3_X_val, q3_y_val)`를 주세요.",
            _q3_pair(x="Xm_train, ym_train", validation="validation_split=0.25"),
        ),
        "no_validation": (
            "검증 데이터가 없어서 history에 val_loss가 없습니다: `validation_data=(q3_X_val, q3_y_val)`를 주세요.",
            _q3_pair(validation="shuffle=True", better='"small"', compare=False),
        ),
        "same_epochs": (
            "두 모델을 같은 에포크 수로 학습해서 갱신 횟수가 다릅니다 (배치 8은 에포크당 75번, 배치 64는 10번). "
            "배치 64 쪽 에포크 수를 갱신 횟수가 같아지도록 계산하세요.",
            _q3_pair(large_epochs=2),
        ),
        "fraction_steps": (
            "배치 64의 에포크당 스텝을 600 / 64 = 9.375(또는 내림 9)로 셌습니다. 마지막에 남는 24개도 한 스텝이라 "
            "에포크당 ⌈600 / 64⌉ = 10 스텝입니다.",
            _q3_pair(large_epochs=16),
        ),
        "same_model": (
            "두 History가 같은 모델에서 나왔습니다. 두 번째 fit이 첫 번째에서 이미 학습한 가중치로 시작해서 비교가 "
            "공정하지 않습니다: batch_size마다 새 모델을 만드세요.",
            _q3_pair(same_model=True),
        ),
        "swapped": (
            "q3_small이 batch_size 64, q3_large가 batch_size 8로 학습했습니다: 두 변수를 바꿔 넣은 것 같습니다.",
            _q3_pair(small_epochs=15, large_epochs=2, small_batch=64, large_batch=8),
        ),
        "wrong_better": (
            "q3_better가 기록과 맞지 않습니다. 두 History의 마지막 val_loss를 비교해 더 낮은 쪽을 적으세요 "
            "(정확도가 아니라 손실, 낮을수록 좋음).",
            _q3_pair(better='"large" if s < l else "small"'),
        ),
    },
    rejects=[
        # 검증 데이터로 학습하고 훈련 데이터로 검증
        (_q3_pair(x="q3_X_val, q3_y_val", validation="validation_data=(q3_X_tr, q3_y_tr)"), None),
        # 큰 배치 쪽 모델만 유닛 32개
        (_q3_pair().replace("q3_large = build_moons_model()", "q3_large = build_moons_model(units=32)").replace(
            "def build_moons_model():", "def build_moons_model(units=16):").replace(
            "layers.Dense(16, activation", "layers.Dense(units, activation"), None),
        # 배치 8도 1 에포크만 (문제는 2 에포크)
        (_q3_pair(small_epochs=1, large_epochs=8), None),
        # 17 에포크: 150 / 9를 올림
        (_q3_pair(large_epochs=17), "fraction_steps"),
        # q3_better에 숫자
        (_q3_pair(better="min(s, l)"), None),
    ],
    accepts=[
        # 함수형 API, 에포크 수를 -(-a // b)로 계산, verbose=2, 딕셔너리에 모으기
        """
Xm_train, Xm_test, ym_train, ym_test = helpers.train_test_data("moons", scale=True)
q3_X_tr, q3_X_val, q3_y_tr, q3_y_val = train_test_split(
    Xm_train, ym_train, test_size=0.25, random_state=0, stratify=ym_train
)
histories = {}
for batch_size in (8, 64):
    inputs = keras.Input(shape=(2,))
    hidden = keras.layers.Dense(16, activation="relu")(inputs)
    outputs = keras.layers.Dense(1, activation="sigmoid")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy", metrics=["accuracy"])
    total = -(-len(q3_X_tr) // 8) * 2
    epochs = total // -(-len(q3_X_tr) // batch_size)
    histories[batch_size] = model.fit(q3_X_tr, q3_y_tr, batch_size=batch_size, epochs=epochs,
                                      validation_data=(q3_X_val, q3_y_val), verbose=2)
q3_small, q3_large = histories[8], histories[64]
final = {"small": q3_small.history["val_loss"][-1], "large": q3_large.history["val_loss"][-1]}
q3_better = min(final, key=final.get)
""",
        # Sequential.add와 clone_model, fit의 위치 인수, verbose=1
        """
Xm_train, Xm_test, ym_train, ym_test = helpers.train_test_data("moons", scale=True)
q3_X_tr, q3_X_val, q3_y_tr, q3_y_val = train_test_split(
    Xm_train, ym_train, test_size=0.25, random_state=0, stratify=ym_train
)
small_model = keras.Sequential()
small_model.add(keras.Input(shape=(2,)))
small_model.add(layers.Dense(16, activation="relu"))
small_model.add(layers.Dense(1, activation="sigmoid"))
small_model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
large_model = keras.models.clone_model(small_model)
large_model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
q3_small = small_model.fit(q3_X_tr, q3_y_tr, 8, 2, verbose=0, validation_data=(q3_X_val, q3_y_val))
q3_large = large_model.fit(q3_X_tr, q3_y_tr, 64, 15, verbose=1, validation_data=(q3_X_val, q3_y_val))
q3_better = "small" if q3_small.history["val_loss"][-1] <= q3_large.history["val_loss"][-1] else "large"
""",
    ],
)
def q3(ns):
    small = answer(ns, "q3_small")
    large = answer(ns, "q3_large")
    better = answer(ns, "q3_better")
    X_tr, X_val = answer(ns, "q3_X_tr"), answer(ns, "q3_X_val")
    for name, value in (("q3_small", small), ("q3_large", large)):
        if not (hasattr(value, "params") and hasattr(value, "history")):
            mistake(detail=f"{name}에는 fit이 돌려준 History를 넣으세요 (받은 것: {type(value).__name__}).")
    small_model, large_model = getattr(small, "model", None), getattr(large, "model", None)
    if small_model is None or large_model is None:
        mistake(detail="History에 모델이 없습니다: fit이 돌려준 History를 그대로 넣으세요.")
    if small_model == large_model:  # 채점기가 프록시로 볼 때도 같은 모델이면 참
        mistake("same_model")
    records = {}
    for name, model in (("q3_small", small_model), ("q3_large", large_model)):
        history = fits(model)
        if not history:
            mistake(detail=f"{name}의 모델에 fit 기록이 없습니다. 연습문제를 불러온 뒤 답안 셀에서 학습했는지 "
                           "확인하세요.")
        if len(history) > 1:
            mistake(detail=f"{name}의 모델을 fit으로 {len(history)}번 학습했습니다. batch_size마다 새 모델을 만들어 "
                           "한 번만 학습하세요.")
        records[name] = history[-1]
    for record in records.values():
        if record["validation_split"]:
            mistake("validation_split")
    if "val_loss" not in small.history or "val_loss" not in large.history:
        mistake("no_validation")
    for name, record in records.items():
        if record["x"] != fingerprint(X_tr):
            mistake(detail=f"{name}의 모델이 q3_X_tr(훈련 데이터 {len(X_tr)}개)가 아닌 데이터(모양 "
                           f"{record['x'].split(':')[0] if record['x'] else '?'})로 학습했습니다.")
        if not record["validation_data"] or record["validation_data"][0] != fingerprint(X_val):
            mistake(detail=f"{name}의 validation_data가 (q3_X_val, q3_y_val)가 아닙니다.")
    s_batch, l_batch = records["q3_small"]["batch_size"], records["q3_large"]["batch_size"]
    if (s_batch, l_batch) == (64, 8):
        mistake("swapped")
    if (s_batch, l_batch) != (8, 64):
        mistake(detail=f"batch_size가 {s_batch or 32}, {l_batch or 32}입니다. q3_small은 8, q3_large는 64로 하세요.")
    s_params, l_params = small_model.count_params(), large_model.count_params()
    if s_params != l_params or s_params != 2 * 16 + 16 + 16 + 1:
        mistake(detail=f"두 모델의 파라미터가 {s_params}개, {l_params}개입니다. 문제의 구조(입력 2 → Dense 16 relu → "
                       "Dense 1 sigmoid, 파라미터 65개)로 두 모델을 똑같이 만드세요.")
    n = len(X_tr)
    s_epochs, l_epochs = len(small.history["loss"]), len(large.history["loss"])
    if s_epochs != 2:
        mistake(detail=f"batch_size 8 모델을 {s_epochs} 에포크 학습했습니다. 문제는 2 에포크입니다.")
    s_updates, l_updates = _steps(n, 8) * s_epochs, _steps(n, 64) * l_epochs
    if l_epochs == s_epochs:
        mistake("same_epochs")
    if l_updates != s_updates and l_epochs in (math.ceil(s_updates / (n / 64)), math.ceil(s_updates / (n // 64))):
        mistake("fraction_steps")
    if l_updates != s_updates:
        mistake(detail=f"가중치 갱신 횟수가 배치 8은 {s_updates}번, 배치 64는 {l_updates}번({l_epochs} 에포크)입니다. "
                       "같아지도록 배치 64의 에포크 수를 정하세요.")
    if not isinstance(better, str) or better not in ("small", "large"):
        mistake(detail=f'q3_better는 "small" 또는 "large"입니다 (받은 것: {better!r}).')
    small_loss, large_loss = small.history["val_loss"][-1], large.history["val_loss"][-1]
    if better != ("small" if small_loss < large_loss else "large"):
        mistake("wrong_better")
    winner = "배치 8" if small_loss < large_loss else "배치 64"
    return (
        f"정답입니다. 두 모델 모두 가중치를 {s_updates}번 바꿨고(배치 64는 {l_epochs} 에포크), 검증 손실은 배치 8 "
        f"{small_loss:.4f}, 배치 64 {large_loss:.4f}로 {winner} 쪽이 낮았습니다. 에포크가 아니라 갱신 횟수를 맞추면 "
        "batch_size 자체의 효과를 따로 볼 수 있습니다."
    )
