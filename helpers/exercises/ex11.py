"""`11_gpu_distributed`의 연습문제: 설정 순서, 전역 배치, scope 안에서 분산 학습, 복제본 비교 함수."""

from __future__ import annotations

import math

import numpy as np

from .core import Book, answer, call_answer, mistake

book = Book("11_gpu_distributed")


def _strategy(ns):
    """노트북 5절의 strategy (없으면 채점할 수 없다는 안내)."""
    strategy = ns.get("strategy")
    if strategy is None or not hasattr(strategy, "num_replicas_in_sync"):
        mistake(detail="노트북 5절의 `strategy`가 없습니다. 위의 셀들을 처음부터 실행한 뒤 다시 채점하세요.")
    return strategy


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
)
def q1(ns):
    raw = answer(ns, "q1_order")
    order = "".join(raw) if isinstance(raw, list | tuple) else str(raw)
    order = order.replace(" ", "").replace(",", "").upper()
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


@book.exercise(
    stars=1,
    title="전역 배치와 에포크당 스텝",
    hint=(
        "`fit`의 `batch_size`는 모든 복제본을 합친 전역 배치입니다. 복제본 수는 `strategy.num_replicas_in_sync`이고, "
        "스텝 수는 '행 수 / 전역 배치'를 올림한 값입니다 (마지막 짧은 배치도 한 스텝)."
    ),
    solution=(
        "import math\n\n"
        "q2_batch_size = 24 * strategy.num_replicas_in_sync\n"
        "q2_steps_per_epoch = math.ceil(len(X_train) / q2_batch_size)\n"
    ),
    mistakes={
        "per_replica": (
            "`batch_size`에 복제본당 배치(24)를 그대로 넣었습니다. `fit`의 `batch_size`는 전역 배치라서, 24를 주면 "
            "복제본마다 12행씩만 계산합니다. 복제본 수를 곱하세요.",
            "import math\n\nq2_batch_size = 24\nq2_steps_per_epoch = math.ceil(len(X_train) / q2_batch_size)\n",
        ),
        "divided": (
            "복제본 수로 **나눴습니다**. 복제본마다 24행씩 받으려면 전역 배치는 24에 복제본 수를 **곱한** 값입니다.",
            "import math\n\nq2_batch_size = 24 // strategy.num_replicas_in_sync\n"
            "q2_steps_per_epoch = math.ceil(len(X_train) / q2_batch_size)\n",
        ),
        "floor": (
            "스텝 수를 내림으로 셌습니다. 142행을 48행씩 나누면 마지막에 46행이 남고, `fit`은 이 짧은 배치로도 한 번 "
            "갱신합니다. 올림(`math.ceil`)이어야 합니다.",
            "q2_batch_size = 24 * strategy.num_replicas_in_sync\nq2_steps_per_epoch = len(X_train) // q2_batch_size\n",
        ),
    },
)
def q2(ns):
    batch = answer(ns, "q2_batch_size")
    steps = answer(ns, "q2_steps_per_epoch")
    replicas = _strategy(ns).num_replicas_in_sync
    rows = len(ns["X_train"]) if "X_train" in ns else 142
    if not isinstance(batch, int | np.integer) or not isinstance(steps, int | np.integer):
        mistake(detail="두 값 모두 정수여야 합니다 (`/` 대신 `//`나 `math.ceil`을 쓰세요).")
    want = 24 * replicas
    if batch == 24 and replicas != 1:
        mistake("per_replica")
    if batch == 24 // replicas and replicas != 1:
        mistake("divided")
    if batch != want:
        mistake(detail=f"`q2_batch_size`가 {batch}입니다. 복제본 {replicas}개가 24행씩 받는 전역 배치를 구하세요.")
    if steps == rows // want and rows % want:
        mistake("floor")
    if steps != math.ceil(rows / want):
        mistake(detail=f"`q2_steps_per_epoch`가 {steps}입니다. 행 {rows}개를 전역 배치 {want}로 나눈 스텝 수는?")
    return (
        f"정답입니다. 전역 배치 {want}(= 24 x 복제본 {replicas}개)로 한 에포크에 {steps}번 갱신합니다. "
        "장치 하나에서 배치 24로 학습할 때보다 갱신 횟수가 줄어드니, 같은 만큼 배우려면 에포크나 학습률을 늘립니다."
    )


# --------------------------------------------------------------------------- 3. scope 안에서 학습

_Q3_SEED = "keras.utils.set_random_seed(42)\n"
_Q3_FIT = "q3_history = q3_model.fit(X_train, y_train, epochs=2, batch_size={batch}, verbose=0)\n"


@book.exercise(
    stars=2,
    title="복제본 2개로 학습하기",
    hint=(
        "5-2절처럼 `with strategy.scope():` 블록 안에서 `build_model()`을 부르고, `fit`은 블록 밖에서 해도 됩니다. "
        "`batch_size`에는 복제본당 16행에 복제본 수를 곱한 전역 배치를 넣습니다."
    ),
    solution=(
        _Q3_SEED
        + "with strategy.scope():\n    q3_model = build_model()\n"
        + _Q3_FIT.format(batch="16 * strategy.num_replicas_in_sync")
    ),
    mistakes={
        "outside_scope": (
            "`q3_model`의 가중치가 `MirroredVariable`이 아니라 보통의 변수입니다. 모델을 `strategy.scope()` 밖에서 "
            "만들어서, 오류 없이 학습했지만 장치 하나로만 학습했습니다. "
            "`with strategy.scope():` 안에서 `build_model()`을 부르세요.",
            _Q3_SEED + "q3_model = build_model()\n" + _Q3_FIT.format(batch="16 * strategy.num_replicas_in_sync"),
        ),
        "per_replica_batch": (
            "한 에포크가 9스텝입니다. `batch_size=16`은 전역 배치라서 복제본마다 8행씩만 계산했습니다. "
            "복제본마다 16행이 되려면 `batch_size=16 * strategy.num_replicas_in_sync`입니다.",
            _Q3_SEED + "with strategy.scope():\n    q3_model = build_model()\n" + _Q3_FIT.format(batch="16"),
        ),
    },
)
def q3(ns):
    import keras

    model, history = answer(ns, "q3_model"), answer(ns, "q3_history")
    if not isinstance(model, keras.Model):
        mistake(detail="`q3_model`에는 `build_model()`로 만든 모델을 담으세요.")
    if not isinstance(history, keras.callbacks.History):
        mistake(detail="`q3_history`에는 `q3_model.fit(...)`이 돌려준 값을 담으세요.")
    if history.model is not model:
        mistake(detail="`q3_history`가 `q3_model`을 학습한 기록이 아닙니다. 같은 모델의 `fit` 결과를 담으세요.")
    if type(model.weights[0].value).__name__ != "MirroredVariable":
        mistake("outside_scope")
    replicas = len(model.weights[0].value.values)
    rows = len(ns["X_train"]) if "X_train" in ns else 142
    steps, epochs = history.params.get("steps"), history.params.get("epochs")
    if steps == math.ceil(rows / 16) and replicas > 1:
        mistake("per_replica_batch")
    if steps != math.ceil(rows / (16 * replicas)):
        mistake(detail=f"한 에포크가 {steps}스텝입니다. 복제본 {replicas}개가 16행씩 받도록 `batch_size`를 정하세요.")
    if epochs != 2:
        mistake(detail=f"{epochs}에포크를 학습했습니다. 2에포크로 하세요.")
    return (
        f"정답입니다. 복제본 {replicas}개가 스텝마다 16행씩, 한 에포크에 {steps}번 함께 갱신했습니다. "
        "scope 안에서 만들기와 전역 배치, 이 두 가지만 지키면 장치 하나용 코드가 그대로 분산 학습이 됩니다."
    )


# --------------------------------------------------------------------------- 4. 복제본 비교 함수

_Q4_SOLUTION = """
def q4_replica_gap(model):
    gap = 0.0
    for weight in model.weights:
        copies = [copy.numpy() for copy in weight.value.values]
        for other in copies[1:]:
            gap = max(gap, float(np.max(np.abs(other - copies[0]))))
    return gap
"""


@book.exercise(
    stars=3,
    title="복제본이 어긋났는지 재는 함수",
    hint=(
        "`model.get_weights()`나 `weight.numpy()`는 복제본 하나의 값만 읽습니다. 가중치마다 `weight.value.values`로 "
        "복제본들의 값을 모두 꺼내 첫 복제본과 비교하고, 모든 가중치에 걸친 가장 큰 차이를 돌려주세요."
    ),
    solution=_Q4_SOLUTION,
    mistakes={
        "one_copy": (
            "복제본을 어긋나게 한 모델에서도 0을 돌려줬습니다. `model.get_weights()`와 `weight.numpy()`는 복제본 "
            "**하나**(첫 복제본)의 값만 읽으므로 복제본끼리 비교할 수 없습니다. `weight.value.values`를 쓰세요.",
            "def q4_replica_gap(model):\n"
            "    first, second = model.get_weights(), model.get_weights()\n"
            "    return max(float(np.max(np.abs(a - b))) for a, b in zip(first, second))\n",
        ),
        "first_weight_only": (
            "첫 번째 가중치만 비교했습니다. 어긋난 곳은 어느 층에든 있을 수 있으니 `model.weights`를 모두 돌며 "
            "가장 큰 차이를 구하세요.",
            "def q4_replica_gap(model):\n"
            "    copies = model.weights[0].value.values\n"
            "    return float(np.max(np.abs(copies[1].numpy() - copies[0].numpy())))\n",
        ),
        "signed": (
            "차이에 절댓값을 씌우지 않아서, 한 복제본이 더 **작아진** 경우를 놓쳤습니다. "
            "`np.abs(...)`로 차이의 크기를 재세요.",
            "def q4_replica_gap(model):\n"
            "    gap = 0.0\n"
            "    for weight in model.weights:\n"
            "        copies = weight.value.values\n"
            "        gap = max(gap, float(np.max(copies[1].numpy() - copies[0].numpy())))\n"
            "    return gap\n",
        ),
    },
)
def q4(ns):
    import keras
    from keras import layers

    function = answer(ns, "q4_replica_gap")
    strategy = _strategy(ns)
    if strategy.num_replicas_in_sync < 2:
        mistake(detail="복제본이 2개 이상인 `strategy`가 있어야 채점할 수 있습니다. 노트북을 처음부터 실행하세요.")
    with strategy.scope():
        model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2), layers.Dense(1)])
    same = call_answer(function, model, returns="가장 큰 차이")
    if not isinstance(same, int | float | np.floating | np.integer):
        mistake(detail=f"차이 하나를 `float`로 돌려주세요 (받은 것: {type(same).__name__}).")
    if abs(float(same)) > 1e-12:
        mistake(detail=f"복제본이 모두 같은 모델인데 {float(same)}을 돌려줬습니다. 같으면 0.0이어야 합니다.")
    # 마지막 복제본에서 첫 가중치는 0.25, 셋째 가중치는 0.375만큼 키우고 마지막 가중치는 0.5만큼 줄인다: 답은 0.5
    for weight, change in ((model.weights[0], 0.25), (model.weights[2], 0.375), (model.weights[-1], -0.5)):
        copy = weight.value.values[-1]
        copy.assign(copy + change)
    got = float(call_answer(function, model, returns="가장 큰 차이"))
    if abs(got - 0.5) < 1e-6:
        return (
            "정답입니다. `MirroredVariable`은 복제본마다 한 벌씩 있고 `get_weights()`는 그중 하나만 보여 주므로, "
            "복제본이 정말 같은지는 `.value.values`로 모두 꺼내 비교해야 알 수 있습니다."
        )
    if abs(got) < 1e-12:
        mistake("one_copy")
    if abs(got - 0.25) < 1e-6:
        mistake("first_weight_only")
    if abs(got - 0.375) < 1e-6:
        mistake("signed")
    mistake(detail=f"어긋나게 한 모델에서 {got}을 돌려줬습니다 (기대: 0.5).")
