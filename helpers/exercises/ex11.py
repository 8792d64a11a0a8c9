"""`11_gpu_distributed`의 연습문제: 설정 순서, 전역 배치와 스텝, scope 안에서 분산 학습, 스크립트 옮기기."""

from __future__ import annotations

import math
import numbers

from .core import (
    Book,
    answer,
    call_answer,
    close,
    fingerprint,
    fits,
    mistake,
    need_int,
    need_number,
    raised_in_answer_cell,
)

book = Book("11_gpu_distributed")


def _strategy(ns):
    """노트북 5절의 strategy (없으면 채점할 수 없다는 안내)."""
    strategy = ns.get("strategy")
    if strategy is None or not hasattr(strategy, "num_replicas_in_sync"):
        mistake(detail="노트북 5절의 `strategy`가 없습니다. 위의 셀들을 처음부터 실행한 뒤 다시 채점하세요.")
    return strategy


def _is_mirrored(model) -> bool:
    """모델의 가중치가 복제본마다 한 벌씩 있는 분산 변수(MirroredVariable 등)인지."""
    import tensorflow as tf

    return isinstance(model.weights[0].value, tf.distribute.DistributedValues)


# --------------------------------------------------------------------------- 1. 설정 순서


@book.exercise(
    stars=1,
    title="설정 순서 바로잡기",
    hint=(
        "3절의 원칙을 떠올리세요: 장치 설정은 장치가 초기화되기 전에만 바꿀 수 있고, 첫 연산과 분산 전략 만들기가 "
        "장치를 초기화합니다. 5절의 원칙도 있습니다: 모델은 전략의 scope 안에서 만듭니다."
    ),
    solution='q1_order = "ABCDEFG"\n',
    mistakes={
        "growth_after_op": (
            "메모리 증가(C)를 연산(D) 뒤에 켰습니다. 첫 연산이 GPU를 초기화하므로 그 뒤에 설정을 바꾸면 "
            "`RuntimeError: Physical devices cannot be modified after being initialized`가 납니다. "
            "C를 D보다 앞에 두세요.",
            'q1_order = "ABDCEFG"\n',
        ),
        "growth_after_strategy": (
            "메모리 증가(C)를 `MirroredStrategy()`(E) 뒤에 켰습니다. 분산 전략을 만들 때 TensorFlow가 "
            "장치 목록을 정하며 장치를 초기화하므로, 그 뒤의 설정 변경은 `RuntimeError`가 됩니다. "
            "장치 설정은 전략보다 먼저 합니다.",
            'q1_order = "ABECFGD"\n',
        ),
        "fit_before_scope": (
            "모델을 만드는 F보다 `fit`(G)이 먼저 올 수는 없습니다. 전략(E) → scope 안에서 모델 만들기(F) → 학습(G) "
            "순서입니다.",
            'q1_order = "ABCEGFD"\n',
        ),
    },
    rejects=[
        'q1_order = "ABCDFEG"\n',
        ('q1_order = "ABECDFG"\n', "growth_after_strategy"),
        'q1_order = "ABCDEF"\n',
        'q1_order = "BACDEFG"\n',
        'q1_order = ["A", "B", "C", "D", "E", "F", "G"]\n',
        'q1_order = "ACBDEFG"\n',
    ],
    accepts=[
        'q1_order = "abcdefg"\n',
        'q1_order = "A, B, C, E, F, G, D"\n',
        'q1_order = "ABCEFGD"\n',
    ],
)
def q1(ns):
    raw = answer(ns, "q1_order")
    if not isinstance(raw, str):
        mistake(detail=f"`q1_order`는 `\"ABCDEFG\"`처럼 기호를 이어 쓴 **문자열**이어야 합니다 "
                       f"(받은 것: {type(raw).__name__}). 리스트라면 `\"\".join(...)`으로 이어 붙이세요.")
    order = raw.replace(" ", "").replace(",", "").upper()
    if sorted(order) != list("ABCDEFG"):
        mistake(detail=f"기호 A~G를 한 번씩, 모두 일곱 개 써야 합니다 (받은 값: {raw!r}).")
    at = {letter: order.index(letter) for letter in order}
    if at["C"] > at["D"]:
        mistake("growth_after_op")
    if at["C"] > at["E"]:
        mistake("growth_after_strategy")
    if at["G"] < at["F"]:
        mistake("fit_before_scope")
    if at["A"] != 0:
        mistake(detail="`tf`를 쓰는 줄보다 `import tensorflow as tf`(A)가 먼저여야 합니다.")
    if at["B"] > at["C"]:
        mistake(detail="C는 B가 만든 `gpus`를 씁니다. B가 C보다 먼저입니다.")
    if at["F"] < at["E"]:
        mistake(detail="F는 E가 만든 `strategy`를 씁니다. E가 F보다 먼저입니다.")
    return (
        "정답입니다. 장치 설정(C)은 장치를 초기화하는 연산(D)과 분산 전략(E)보다 먼저, 모델은 전략의 scope 안(F)에서 "
        "만든 뒤 학습(G)합니다."
    )


# --------------------------------------------------------------------------- 2. 전역 배치와 스텝

_Q2_CASES = [(1, 142), (2, 142), (3, 142), (2, 100), (2, 96), (3, 48)]


def _plan(body: str) -> str:
    return "def q2_plan(replicas, rows):\n" + "".join(f"    {line}\n" for line in body.strip().splitlines())


@book.exercise(
    stars=1,
    title="전역 배치와 에포크당 스텝",
    hint=(
        "`fit`의 `batch_size`는 모든 복제본을 합친 전역 배치입니다: 복제본당 행 수에 복제본 수를 곱합니다. "
        "스텝 수는 '행 수 / 전역 배치'를 올림한 정수입니다 (마지막 짧은 배치도 한 스텝). `math.ceil`을 쓰세요."
    ),
    solution="import math\n\n\n" + _plan("batch_size = 24 * replicas\nreturn batch_size, math.ceil(rows / batch_size)"),
    mistakes={
        "per_replica": (
            "`batch_size`에 복제본당 배치(24)를 그대로 넣었습니다. `fit`의 `batch_size`는 전역 배치라서, 24를 주면 "
            "복제본 2개가 12행씩만 계산합니다. 복제본 수를 곱하세요.",
            "import math\n\n\n" + _plan("return 24, math.ceil(rows / 24)"),
        ),
        "divided": (
            "복제본 수로 **나눴습니다**. 복제본마다 24행씩 받으려면 전역 배치는 24에 복제본 수를 **곱한** 값입니다.",
            "import math\n\n\n" + _plan("batch_size = 24 // replicas\nreturn batch_size, math.ceil(rows / batch_size)"),
        ),
        "floor": (
            "스텝 수를 내림으로 셌습니다. 예를 들어 142행을 48행씩 "
            "나누면 마지막에 46행이 남고, `fit`은 이 짧은 배치로도 "
            "한 번 갱신합니다. 올림(`math.ceil`)이어야 합니다.",
            _plan("batch_size = 24 * replicas\nreturn batch_size, rows // batch_size"),
        ),
        "fixed_replicas": (
            "복제본 수를 1, 2, 3개로 바꿔 불러도 `batch_size`가 언제나 같습니다. 복제본 수를 숫자로 적었거나, 인자 "
            "`replicas` 대신 바깥의 `strategy`를 읽은 것 같습니다. 함수 안에서는 인자 `replicas`로 계산하세요.",
            "import math\n\n\n"
            + _plan("batch_size = 24 * strategy.num_replicas_in_sync\nreturn batch_size, math.ceil(rows / batch_size)"),
        ),
    },
    rejects=[
        _plan("return 48, 3"),
        "import numpy as np\n\n\n" + _plan("batch_size = 24 * replicas\nreturn batch_size, np.ceil(rows / batch_size)"),
        _plan("batch_size = 24 * replicas\nreturn batch_size, rows / batch_size"),
        _plan("batch_size = 24 * replicas\nreturn batch_size, rows // batch_size + 1"),
        _plan("batch_size = 24 * replicas\nreturn batch_size, round(rows / batch_size)"),
        "import math\n\n\n" + _plan("batch_size = 24 * replicas\nreturn batch_size, math.ceil(142 / batch_size)"),
        _plan("batch_size = 24 * replicas\nprint(batch_size, -(-rows // batch_size))"),
    ],
    accepts=[
        _plan("global_batch = replicas * 24\nreturn (global_batch, -(-rows // global_batch))"),
        "import numpy as np\n\n\n"
        + _plan("batch = 24 * replicas\nreturn [batch, int(np.ceil(rows / batch))]"),
    ],
)
def q2(ns):
    function = answer(ns, "q2_plan")
    got = {}
    for replicas, rows in _Q2_CASES:
        item = call_answer(function, replicas, rows, returns="`(batch_size, steps)`")
        if not isinstance(item, tuple | list) or len(item) != 2:
            mistake(detail=f"`(batch_size, steps)` 두 값을 돌려주세요 (q2_plan({replicas}, {rows})의 결과: {item!r}).")
        for value, what in ((item[0], "batch_size"), (item[1], "스텝 수")):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                mistake(detail=f"q2_plan({replicas}, {rows})의 {what}가 정수가 아닙니다 (받은 값: "
                               f"{type(value).__name__} {value!r}). `/`와 `np.ceil`은 실수를 돌려줍니다: `//`나 "
                               "`math.ceil`을 쓰거나 `int(...)`로 바꾸세요.")
        got[replicas, rows] = (int(item[0]), int(item[1]))
    batches = {case: value[0] for case, value in got.items()}
    if all(batch == 24 for batch in batches.values()):
        mistake("per_replica")
    if all(batches[replicas, rows] == 24 // replicas for replicas, rows in _Q2_CASES):
        mistake("divided")
    if len({batches[replicas, 142] for replicas in (1, 2, 3)}) == 1:
        mistake("fixed_replicas", detail=f"(복제본 1, 2, 3개 모두 batch_size {batches[1, 142]})")
    for (replicas, rows), (batch, _) in got.items():
        if batch != 24 * replicas:
            mistake(detail=f"q2_plan({replicas}, {rows})의 `batch_size`가 {batch}입니다. 복제본 {replicas}개가 "
                           "24행씩 받는 전역 배치를 구하세요.")
    steps = {case: value[1] for case, value in got.items()}
    if all(steps[replicas, rows] == rows // (24 * replicas) for replicas, rows in _Q2_CASES):
        mistake("floor")
    if len({steps[2, rows] for rows in (142, 100, 96)}) == 1:
        mistake(detail=f"행 수를 142, 100, 96으로 바꿔 불러도 스텝 수가 언제나 {steps[2, 142]}입니다. "
                       "인자 `rows`로 계산하세요.")
    for (replicas, rows), (batch, step) in got.items():
        if step != math.ceil(rows / batch):
            mistake(detail=f"q2_plan({replicas}, {rows})의 스텝 수가 {step}입니다. 행 {rows}개를 전역 배치 {batch}로 "
                           "나눈 스텝 수는? (마지막 짧은 배치도 한 스텝)")
    return (
        "정답입니다. 복제본이 몇 개든 전역 배치 = 24 x 복제본 "
        "수이고, 복제본이 늘면 한 에포크의 갱신 횟수는 줄어듭니다. "
        "그래서 같은 만큼 배우려면 에포크나 학습률을 늘립니다."
    )


# --------------------------------------------------------------------------- 3. scope 안에서 학습

_Q3_SEED = "keras.utils.set_random_seed(42)\n"
_Q3_FIT = "q3_history = q3_model.fit(X_train, y_train, epochs=2, batch_size={batch}, verbose=0)\n"
_Q3_SCOPE = "with strategy.scope():\n    q3_model = build_model()\n"
_Q3_BATCH = "16 * strategy.num_replicas_in_sync"


@book.exercise(
    stars=2,
    title="복제본 2개로 학습하기",
    hint=(
        "5-2절처럼 `with strategy.scope():` 블록 안에서 `build_model()`을 부르고, `fit`은 블록 밖에서 해도 됩니다. "
        "`batch_size`에는 복제본당 16행에 복제본 수를 곱한 전역 배치를 넣습니다."
    ),
    solution=_Q3_SEED + _Q3_SCOPE + _Q3_FIT.format(batch=_Q3_BATCH),
    mistakes={
        "mixed_scope": (
            "답안 셀의 `fit`이 `RuntimeError: Mixing different tf.distribute.Strategy objects`를 냈습니다. 모델은 "
            "`strategy.scope()` 밖에서 만들고 `fit`만 scope 안에서 부른 것처럼, 만들기(`build_model()`, 안에서 "
            "`compile`까지)와 학습이 서로 다른 곳에서 일어났습니다. `build_model()`을 `with strategy.scope():` 안에서 "
            "부르세요 (`fit`은 안이든 밖이든 됩니다).",
            _Q3_SEED + "q3_model = build_model()\nwith strategy.scope():\n    " + _Q3_FIT.format(batch=_Q3_BATCH),
        ),
        "outside_scope": (
            "`q3_model`의 가중치가 `MirroredVariable`이 아니라 보통의 변수입니다. 모델을 `strategy.scope()` 밖에서 "
            "만들어서, 오류 없이 학습했지만 장치 하나로만 학습했습니다. "
            "`with strategy.scope():` 안에서 `build_model()`을 부르세요.",
            _Q3_SEED + "q3_model = build_model()\n" + _Q3_FIT.format(batch=_Q3_BATCH),
        ),
        "per_replica_batch": (
            "`batch_size=16`을 넘겼습니다. `fit`의 `batch_size`는 "
            "전역 배치라서 복제본마다 8행씩만 계산했고, 한 에포크가 "
            "9스텝이 되었습니다. 복제본마다 16행이 되려면 `batch_size=16 * strategy.num_replicas_in_sync`입니다.",
            _Q3_SEED + _Q3_SCOPE + _Q3_FIT.format(batch="16"),
        ),
    },
    rejects=[
        _Q3_SEED + _Q3_SCOPE + _Q3_FIT.format(batch=_Q3_BATCH).replace("epochs=2", "epochs=1"),
        _Q3_SEED + _Q3_SCOPE + "q3_history = mirrored_model.fit(X_train, "
                               "y_train, epochs=2, batch_size=32, verbose=0)\n",
        _Q3_SEED + _Q3_SCOPE + _Q3_FIT.format(batch=_Q3_BATCH).replace("X_train, y_train", "X_test, y_test"),
        _Q3_SEED + "with strategy.scope():\n    q3_model = build_model\n" + _Q3_FIT.format(batch=_Q3_BATCH),
        _Q3_SEED + _Q3_SCOPE + _Q3_FIT.format(batch="16 // strategy.num_replicas_in_sync"),
    ],
    accepts=[
        _Q3_SEED + "with strategy.scope():\n    q3_model = build_model()\n    "
        "q3_history = q3_model.fit(X_train, y_train, epochs=2, batch_size=32, verbose=0)\n",
        _Q3_SEED + "per_replica = 16\nwith strategy.scope():\n    q3_model = build_model()\n"
        "q3_history = q3_model.fit(x=X_train, y=y_train, batch_size=per_replica * replicas, epochs=2, verbose=0)\n",
    ],
)
def q3(ns):
    import keras

    if "Mixing different tf.distribute.Strategy" in (raised_in_answer_cell(ns, "q3") or ""):
        mistake("mixed_scope")
    model, history = answer(ns, "q3_model"), answer(ns, "q3_history")
    if not isinstance(model, keras.Model):
        mistake(detail="`q3_model`에는 `build_model()`로 만든 모델을 담으세요.")
    if not isinstance(history, keras.callbacks.History):
        mistake(detail="`q3_history`에는 `q3_model.fit(...)`이 돌려준 값을 담으세요.")
    runs = fits(model)
    if not runs:
        mistake(detail="`q3_model`을 `fit`으로 학습한 기록이 없습니다. `q3_history`가 다른 모델(예: 5절의 "
                       "`mirrored_model`)의 `fit` 결과인 것 같습니다. `q3_history = q3_model.fit(...)`으로 쓰세요.")
    if not _is_mirrored(model):
        mistake("outside_scope")
    run = runs[-1]
    replicas = len(model.weights[0].value.values)
    X_train, X_test = ns.get("X_train"), ns.get("X_test")
    if X_train is not None and run["x"] != fingerprint(X_train):
        where = "시험 데이터 `X_test`" if X_test is not None and run["x"] == fingerprint(X_test) else "다른 데이터"
        mistake(detail=f"`fit`에 {where}를 넘겼습니다. 훈련 데이터 `X_train, y_train`으로 학습하세요.")
    if run["batch_size"] == 16 and replicas > 1:
        mistake("per_replica_batch")
    if run["batch_size"] != 16 * replicas:
        mistake(detail=f"`batch_size`가 {run['batch_size']}입니다. "
                       f"복제본 {replicas}개가 16행씩 받는 전역 배치를 넘기세요.")
    if run["epochs"] != 2:
        mistake(detail=f"{run['epochs']}에포크를 학습했습니다. 2에포크로 하세요.")
    steps = history.params.get("steps")
    return (
        f"정답입니다. 복제본 {replicas}개가 스텝마다 16행씩, 한 에포크에 {steps}번 함께 갱신했습니다. "
        "scope 안에서 만들기와 전역 배치, 이 두 가지만 지키면 장치 하나용 코드가 그대로 분산 학습이 됩니다."
    )


# --------------------------------------------------------------------------- 4. 스크립트를 복제본 여러 개로

_Q4_FUNCTION = """
def q4_scaled(replicas):
    batch_size = 16 * replicas
    return batch_size, 0.05 * batch_size / 16
"""
_Q4_TRAIN = """
keras.utils.set_random_seed(42)
batch_size, learning_rate = q4_scaled(strategy.num_replicas_in_sync)
with strategy.scope():
    q4_model = build_model()
    q4_model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9),
        loss="sparse_categorical_crossentropy",
    )
q4_history = q4_model.fit(X_train, y_train, epochs=3, batch_size=batch_size, verbose=0)
"""


def _q4(function: str = _Q4_FUNCTION, train: str = _Q4_TRAIN) -> str:
    return function.strip("\n") + "\n\n\n" + train.strip("\n") + "\n"


def _q4_function(body: str) -> str:
    return "def q4_scaled(replicas):\n" + "".join(f"    {line}\n" for line in body.strip().splitlines())


@book.exercise(
    stars=3,
    title="장치 하나용 스크립트를 복제본 여러 개로 옮기기",
    hint=(
        "함수: 전역 배치는 복제본당 16행 x 복제본 수이고, 학습률은 전역 배치가 16의 몇 배인지만큼 0.05를 키웁니다. "
        "모델: 5-2절처럼 만들기와 `compile`을 **둘 다** `strategy.scope()` 안에서 하고, `fit`에는 함수가 돌려준 "
        "`batch_size`를 넘깁니다."
    ),
    solution=_q4(),
    mistakes={
        "fixed_replicas": (
            "복제본 수를 1~4개로 바꿔 불러도 같은 값을 돌려줍니다. "
            "숫자를 계산해서 적었거나 인자 `replicas` 대신 바깥의 "
            "`strategy`를 읽은 것 같습니다. 인자 `replicas`로 계산해야 GPU 수가 다른 컴퓨터에서도 맞습니다.",
            _q4_function("return 32, 0.1"),
        ),
        "batch_not_scaled": (
            "`batch_size`로 16을 그대로 돌려줬습니다. `fit`의 "
            "`batch_size`는 전역 배치라서, 복제본마다 16행씩 계산하려면 "
            "16에 복제본 수를 곱해야 합니다.",
            _q4_function("return 16, 0.05 * replicas"),
        ),
        "lr_fixed": (
            "전역 배치는 키웠는데 학습률은 0.05 그대로입니다. 에포크당 "
            "갱신 횟수가 복제본 수만큼 줄어드니, 선형 스케일링 "
            "규칙은 학습률을 전역 배치에 비례해 키웁니다 (전역 배치가 k배면 학습률도 k배).",
            _q4_function("return 16 * replicas, 0.05"),
        ),
        "lr_divided": (
            "학습률을 복제본 수로 **나눴습니다**. 전역 배치가 커지면 학습률은 그에 비례해 **커져야** 합니다.",
            _q4_function("return 16 * replicas, 0.05 / replicas"),
        ),
        "outside_scope": (
            "`q4_model`의 가중치가 `MirroredVariable`이 아닙니다. "
            "모델을 `strategy.scope()` 밖에서 만들어서 장치 하나로만 "
            "학습했습니다. 만들기와 `compile`을 `with strategy.scope():` 안에서 하세요.",
            _q4(train=_Q4_TRAIN.replace("with strategy.scope():\n    q4_model", "if True:\n    q4_model")),
        ),
        "mixed_scope": (
            "답안 셀의 `fit`이 `RuntimeError: Mixing different "
            "tf.distribute.Strategy objects`를 냈습니다. 모델 만들기와 "
            "`compile` 가운데 하나만 `strategy.scope()` 안에서 했다는 뜻입니다 (예: scope 안에서 만든 모델을 밖에서 "
            "`compile`, 또는 밖에서 만든 모델을 scope 안에서 학습). `compile`이 만드는 옵티마이저의 변수도 복제본마다 "
            "있어야 하므로 만들기와 `compile`을 **둘 다** `with strategy.scope():` 블록 안에 넣으세요.",
            _q4(train=_Q4_TRAIN.replace("    q4_model.compile(\n        optimizer", "q4_model.compile(\n    optimizer")
                .replace("        loss=", "    loss=").replace("    )\nq4_history", ")\nq4_history")),
        ),
        "model_lr": (
            "`q4_scaled`는 맞는데 `q4_model`의 학습률이 스크립트의 0.05 그대로입니다. 함수가 돌려준 학습률을 "
            "`SGD(learning_rate=...)`에 넘기세요.",
            _q4(train=_Q4_TRAIN.replace("learning_rate=learning_rate", "learning_rate=0.05")),
        ),
    },
    rejects=[
        _q4_function("return 16 * replicas, 0.05 * replicas ** 0.5"),
        _q4_function("return 16 * replicas, 0.05 * 16 * replicas"),
        _q4(train=_Q4_TRAIN.replace("keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9)",
                                    "keras.optimizers.Adam(learning_rate=learning_rate)")),
        _q4(train=_Q4_TRAIN.replace("batch_size=batch_size, verbose=0", "batch_size=16, verbose=0")),
        _q4(train=_Q4_TRAIN.replace("epochs=3", "epochs=1")),
    ],
    accepts=[
        _q4(function=_q4_function("return 16 * replicas, 0.05 * replicas")),
        _q4(function=_q4_function("per_replica, base_lr = 16, 0.05\nglobal_batch = per_replica * replicas\n"
                                  "return [global_batch, base_lr * global_batch / per_replica]"),
            train="from keras.optimizers import SGD\n\n"
                  "keras.utils.set_random_seed(42)\n"
                  "settings = q4_scaled(replicas)\n"
                  "with strategy.scope():\n"
                  "    q4_model = build_model()\n"
                  "    q4_model.compile(SGD(settings[1], momentum=0.9), \"sparse_categorical_crossentropy\")\n"
                  "q4_history = q4_model.fit(X_train, y_train, settings[0], 3, verbose=0)\n"),
    ],
)
def q4(ns):
    import keras

    raised = raised_in_answer_cell(ns, "q4") or ""
    if "Mixing different tf.distribute.Strategy" in raised:
        mistake("mixed_scope")
    function = answer(ns, "q4_scaled")
    got = {}
    for replicas in (1, 2, 3, 4):
        item = call_answer(function, replicas, returns="`(batch_size, learning_rate)`")
        if not isinstance(item, tuple | list) or len(item) != 2:
            mistake(detail="`(batch_size, learning_rate)` 두 값을 돌려주세요 "
                           f"(q4_scaled({replicas})의 결과: {item!r}).")
        got[replicas] = (need_int(item[0], "batch_size"), need_number(item[1], "learning_rate"))
    if len(set(got.values())) == 1:
        mistake("fixed_replicas", detail=f"(언제나 {got[1]})")
    if all(batch == 16 for batch, _ in got.values()):
        mistake("batch_not_scaled")
    for replicas, (batch, _) in got.items():
        if batch != 16 * replicas:
            mistake(detail=f"q4_scaled({replicas})의 `batch_size`가 {batch}입니다. 복제본 {replicas}개가 16행씩 받는 "
                           "전역 배치를 구하세요.")
    if all(close(lr, 0.05) for _, lr in got.values()):
        mistake("lr_fixed")
    if all(close(lr, 0.05 / replicas) for replicas, (_, lr) in got.items()):
        mistake("lr_divided")
    for replicas, (batch, lr) in got.items():
        if not close(lr, 0.05 * batch / 16):
            mistake(detail=f"q4_scaled({replicas})의 학습률이 {lr:.4g}입니다. "
                           f"전역 배치({batch})가 16의 {batch // 16}배이니 "
                           f"학습률도 0.05의 {batch // 16}배여야 합니다.")

    model, history = answer(ns, "q4_model"), answer(ns, "q4_history")
    if not isinstance(model, keras.Model):
        mistake(detail="`q4_model`에는 `build_model()`로 만든 모델을 담으세요.")
    if not isinstance(history, keras.callbacks.History):
        mistake(detail="`q4_history`에는 `q4_model.fit(...)`이 돌려준 값을 담으세요.")
    if not _is_mirrored(model):
        mistake("outside_scope")
    replicas = len(model.weights[0].value.values)
    want_batch, want_lr = got[replicas] if replicas in got else (16 * replicas, 0.05 * replicas)
    if not isinstance(model.optimizer, keras.optimizers.SGD):
        mistake(detail=f"옵티마이저가 {type(model.optimizer).__name__}입니다. "
                       "스크립트처럼 `SGD(..., momentum=0.9)`를 쓰세요.")
    config = model.optimizer.get_config()
    if not close(config.get("momentum", 0.0), 0.9):
        mistake(detail=f"`momentum`이 {config.get('momentum')}입니다. 스크립트처럼 `momentum=0.9`로 하세요.")
    learning_rate = float(config["learning_rate"])
    if close(learning_rate, 0.05, rel=1e-6) and replicas > 1:
        mistake("model_lr")
    if not close(learning_rate, want_lr, rel=1e-6):
        mistake(detail=f"`q4_model`의 학습률이 {learning_rate:.4g}입니다. 복제본 {replicas}개면 `q4_scaled`가 돌려준 "
                       f"{want_lr:.4g}여야 합니다.")
    runs = fits(model)
    if not runs:
        mistake(detail="`q4_model`을 `fit`으로 학습한 기록이 없습니다. `q4_history = q4_model.fit(...)`으로 쓰세요.")
    run = runs[-1]
    X_train = ns.get("X_train")
    if X_train is not None and run["x"] != fingerprint(X_train):
        mistake(detail="`fit`에 넘긴 데이터가 `X_train`이 아닙니다. 훈련 데이터로 학습하세요.")
    if run["batch_size"] != want_batch:
        mistake(detail=f"`fit`의 `batch_size`가 {run['batch_size']}입니다. 복제본 {replicas}개면 `q4_scaled`가 돌려준 "
                       f"{want_batch}를 넘기세요.")
    if run["epochs"] != 3:
        mistake(detail=f"{run['epochs']}에포크를 학습했습니다. 스크립트처럼 3에포크로 하세요.")
    return (
        f"정답입니다. 복제본 {replicas}개에 전역 배치 {want_batch}, "
        f"학습률 {want_lr:.4g}로 옮겼습니다. 함수가 복제본 수를 "
        "인자로 받으니 GPU가 몇 개인 컴퓨터에서도 같은 코드가 맞는 값을 씁니다. 선형 스케일링은 경험 규칙이므로 "
        "옮긴 뒤에는 검증 손실로 확인합니다."
    )
