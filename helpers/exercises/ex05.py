"""`05_history_chart` 노트북의 연습문제: 학습 기록 읽기, 이중 축 그래프 그리기, 과대적합 고치기."""

from __future__ import annotations

import numbers

from .core import Book, answer, mistake

book = Book("05_history_chart")

BIG_PARAMS = 73985  # 6절의 과대적합 모델(256 x 256)의 파라미터 수
OVER_EPOCHS = 15  # 6절에서 학습한 에포크 수


def _history(ns, name: str, where: str) -> dict:
    hist = ns.get(name)
    if hist is None or not hasattr(hist, "history"):
        mistake(detail=f"{where}의 `{name}`이 없습니다. 위의 수업 셀을 처음부터 실행한 뒤 다시 채점하세요.")
    return hist.history


# --- 1 ---------------------------------------------------------------------------------------------


@book.exercise(
    stars=1,
    title="학습 기록에서 간격 읽기",
    hint="`hist.history['val_loss']`와 `hist.history['loss']`는 에포크마다 값 하나씩 든 리스트입니다. "
    "마지막 에포크의 값은 인덱스 `[-1]`로 꺼냅니다.",
    solution="""
        h = hist.history
        q1_gap = h["val_loss"][-1] - h["loss"][-1]
    """,
    mistakes={
        "reversed": (
            "빼는 순서가 거꾸로입니다. '검증 손실 - 훈련 손실'이므로 val_loss에서 loss를 빼세요.",
            'q1_gap = hist.history["loss"][-1] - hist.history["val_loss"][-1]\n',
        ),
        "first_epoch": (
            "첫 에포크의 값을 썼습니다. 리스트의 `[0]`은 첫 에포크, `[-1]`이 마지막 에포크입니다.",
            'q1_gap = hist.history["val_loss"][0] - hist.history["loss"][0]\n',
        ),
        "accuracy": (
            "정확도(accuracy, val_accuracy)로 계산했습니다. 문제는 손실(loss, val_loss)입니다.",
            'q1_gap = hist.history["val_accuracy"][-1] - hist.history["accuracy"][-1]\n',
        ),
    },
)
def q1(ns):
    gap = answer(ns, "q1_gap")
    h = _history(ns, "hist", "1절")
    if isinstance(gap, bool) or not isinstance(gap, numbers.Real):
        mistake(detail=f"q1_gap에는 숫자 하나를 넣으세요 (받은 것: {type(gap).__name__}).")

    def near(value) -> bool:
        return abs(float(gap) - float(value)) < 1e-6

    if near(h["val_loss"][-1] - h["loss"][-1]):
        word = "낮았습니다" if gap < 0 else "높았습니다"
        return (
            f"정답입니다. 간격 {gap:+.4f}: 마지막 에포크에도 검증 손실이 훈련 손실보다 {word}. "
            "이 간격이 커지면 과대적합의 신호이고, 연습문제 3의 채점도 이 간격을 봅니다."
        )
    if near(h["loss"][-1] - h["val_loss"][-1]):
        mistake("reversed")
    if near(h["val_loss"][0] - h["loss"][0]):
        mistake("first_epoch")
    if near(h["val_accuracy"][-1] - h["accuracy"][-1]):
        mistake("accuracy")
    mistake(detail=f"q1_gap = {gap!r}는 마지막 에포크의 '검증 손실 - 훈련 손실'이 아닙니다.")


# --- 2 ---------------------------------------------------------------------------------------------

_Q2_SOLUTION = """
    h = hist_over.history
    epochs = range(1, len(h["loss"]) + 1)

    q2_fig, loss_ax = plt.subplots(figsize=(10, 5))
    acc_ax = loss_ax.twinx()
    acc_ax.grid(False)
    loss_ax.plot(epochs, h["loss"], "tab:orange", label="훈련 손실")
    loss_ax.plot(epochs, h["val_loss"], "r", label="검증 손실")
    acc_ax.plot(epochs, h["accuracy"], "b", label="훈련 정확도")
    acc_ax.plot(epochs, h["val_accuracy"], "g", label="검증 정확도")
    acc_ax.set_ylim(0.0, 1.02)
    loss_ax.set_xlabel("에포크(epoch)")
    loss_ax.set_ylabel("손실(loss)")
    acc_ax.set_ylabel("정확도(accuracy)")
    loss_ax.legend(loc="center right")
    acc_ax.legend(loc="center")
    plt.show()
"""


def _chart(*, twin=True, validation=True, x_from_one=True, acc_top="1.02", fix_loss=False) -> str:
    """q2의 실수를 재현하는 답안 코드를 만든다 (테스트가 실행한다)."""
    x = "epochs, " if x_from_one else ""
    lines = [
        "h = hist_over.history",
        'epochs = range(1, len(h["loss"]) + 1)',
        "q2_fig, loss_ax = plt.subplots(figsize=(10, 5))",
        "acc_ax = loss_ax.twinx()" if twin else "acc_ax = loss_ax",
        f'loss_ax.plot({x}h["loss"], label="훈련 손실")',
        f'acc_ax.plot({x}h["accuracy"], label="훈련 정확도")',
    ]
    if validation:
        lines += [f'loss_ax.plot({x}h["val_loss"], label="검증 손실")',
                  f'acc_ax.plot({x}h["val_accuracy"], label="검증 정확도")']
    if twin:
        lines.append(f"acc_ax.set_ylim(0.0, {acc_top})")
    if fix_loss:
        lines.append("loss_ax.set_ylim(0.0, 1.0)")
    lines.append("plt.show()")
    return "\n".join(lines) + "\n"


@book.exercise(
    stars=2,
    title="이중 축 그래프를 직접 그리기",
    hint="3절의 코드를 따라 하세요: `q2_fig, loss_ax = plt.subplots(...)`, `acc_ax = loss_ax.twinx()`, "
    "x는 `range(1, len(...) + 1)`, 정확도 축은 `acc_ax.set_ylim(0.0, 1.02)`.",
    solution=_Q2_SOLUTION,
    mistakes={
        "one_axis": (
            "축이 하나뿐입니다. 손실과 정확도는 눈금이 달라서 오른쪽 축이 따로 필요합니다: "
            "`acc_ax = loss_ax.twinx()`로 만들고 정확도는 acc_ax에 그리세요.",
            _chart(twin=False),
        ),
        "no_validation": (
            "검증 곡선(val_loss, val_accuracy)이 없습니다. 과대적합은 훈련과 검증 곡선을 함께 봐야 읽을 수 있습니다.",
            _chart(validation=False),
        ),
        "x_from_zero": (
            "x축이 0부터 시작합니다. `plot(h['loss'])`처럼 x를 주지 않으면 첫 에포크가 0이 됩니다: "
            "`epochs = range(1, len(h['loss']) + 1)`을 x로 넘기세요.",
            _chart(x_from_one=False),
        ),
        "acc_top": (
            "정확도 축의 위쪽 끝이 1.0 이하입니다. 정확도가 1.0인 곡선이 위 테두리에 겹쳐 보이지 않으니 "
            "`acc_ax.set_ylim(0.0, 1.02)`처럼 조금 여유를 두세요.",
            _chart(acc_top="1.0"),
        ),
        "loss_ylim_fixed": (
            "손실 축을 set_ylim으로 고정했습니다. 손실의 크기는 모델과 데이터마다 달라서 고정하면 잘리거나 "
            "납작해집니다: 손실 축은 자동 범위로 두세요.",
            _chart(fix_loss=True),
        ),
    },
)
def q2(ns):
    fig = answer(ns, "q2_fig")
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        if isinstance(getattr(fig, "figure", None), Figure):
            mistake(detail="q2_fig에는 축(Axes)이 아니라 그림(Figure)을 넣으세요: "
                           "`q2_fig, loss_ax = plt.subplots(...)`.")
        mistake(detail=f"q2_fig에는 matplotlib Figure를 넣으세요 (받은 것: {type(fig).__name__}).")
    h = _history(ns, "hist_over", "6절")

    def same(ydata, values) -> bool:
        if len(ydata) != len(values):
            return False
        return all(abs(float(a) - float(b)) < 1e-6 for a, b in zip(ydata, values, strict=True))

    def find(key):
        for ax in fig.axes:
            for line in ax.get_lines():
                if same(line.get_ydata(), h[key]):
                    return ax, line
        return None

    found = {key: find(key) for key in ("loss", "val_loss", "accuracy", "val_accuracy")}
    if len(fig.axes) < 2:
        mistake("one_axis")
    if found["val_loss"] is None or found["val_accuracy"] is None:
        mistake("no_validation")
    missing = [key for key, where in found.items() if where is None]
    if missing:
        mistake(detail=f"hist_over의 곡선이 빠졌습니다: {', '.join(missing)}.")
    loss_ax, acc_ax = found["loss"][0], found["accuracy"][0]
    if loss_ax is acc_ax or found["val_loss"][0] is not loss_ax or found["val_accuracy"][0] is not acc_ax:
        mistake("one_axis")
    if min(float(x) for x in found["loss"][1].get_xdata()) < 1:
        mistake("x_from_zero")
    if acc_ax.get_ylim()[1] <= 1.0:
        mistake("acc_top")
    if not loss_ax.get_autoscaley_on():
        mistake("loss_ylim_fixed")
    return (
        "정답입니다. 이 그래프 하나로 훈련·검증의 손실과 정확도를 함께 읽을 수 있고, "
        "과대적합은 이 그래프의 손실 곡선에서 가장 먼저 보입니다."
    )


# --- 3 ---------------------------------------------------------------------------------------------

_FIT = "X_small, y_small, epochs={epochs}, batch_size=40{val}, verbose=0"
_VAL = ", validation_data=(X_rest, y_rest)"


def _over(units: str = "[256, 256]", epochs: int = 15, validation: bool = True, l2: str = "") -> str:
    """q3의 실수를 재현하는 답안 코드 (테스트가 실행한다)."""
    fit = _FIT.format(epochs=epochs, val=_VAL if validation else "")
    return (
        f"q3_model = build_mlp({units}{l2}, learning_rate=0.005)\n"
        f"q3_hist = q3_model.fit({fit})\n"
    )


def _remedies(model, hist) -> list[str]:
    found = []
    layers = getattr(model, "layers", [])
    if any(getattr(layer, "kernel_regularizer", None) is not None for layer in layers):
        found.append("L2 규제")
    if any(type(layer).__name__ == "Dropout" for layer in layers):
        found.append("Dropout")
    if model.count_params() < BIG_PARAMS:
        found.append(f"더 작은 모델(파라미터 {model.count_params():,}개)")
    planned = hist.params.get("epochs")
    if planned is not None and len(hist.history["loss"]) < planned:
        found.append(f"조기 종료({planned} 에포크 중 {len(hist.history['loss'])}에서 멈춤)")
    return found


@book.exercise(
    stars=3,
    title="과대적합 고치기",
    hint="가장 쉬운 방법은 6절과 같은 모델에 L2 규제를 거는 것입니다: `build_mlp([256, 256], l2=..., "
    "learning_rate=0.005)`. 또는 유닛이 훨씬 적은 모델, 또는 `callbacks=[keras.callbacks.EarlyStopping(...)]`.",
    solution="""
        keras.utils.set_random_seed(42)
        q3_model = build_mlp([256, 256], l2=0.01, learning_rate=0.005)
        q3_hist = q3_model.fit(
            X_small, y_small, epochs=15, batch_size=40, validation_data=(X_rest, y_rest), verbose=0
        )
        helpers.plot_history(q3_hist, title="L2 규제로 고친 모델")
        plt.show()
    """,
    mistakes={
        "reused_big": (
            "6절에서 이미 과대적합된 모델 `big`을 이어서 학습했습니다. 훈련 데이터를 외운 가중치에서 출발하므로 "
            "고칠 수 없습니다: 새 모델을 만드세요.",
            f"q3_model = big\nq3_hist = big.fit({_FIT.format(epochs=5, val=_VAL)})\n",
        ),
        "no_validation": (
            "검증 데이터를 주지 않아서 history에 val_loss가 없습니다. 과대적합이 줄었는지는 검증 손실로만 알 수 "
            "있습니다: validation_data=(X_rest, y_rest)를 주세요.",
            _over(l2=", l2=0.01", validation=False),
        ),
        "more_epochs": (
            "에포크만 늘렸습니다. 과대적합된 모델은 오래 학습할수록 훈련 데이터를 더 외워서 검증 손실이 더 오릅니다. "
            "표의 방법(규제, 더 작은 모델, 조기 종료) 중 하나를 쓰세요.",
            _over(epochs=30),
        ),
        "bigger_model": (
            "모델을 더 키웠습니다. 키우는 것은 과소적합의 처방이고, 과대적합에는 반대로 모델을 줄이거나 규제를 겁니다.",
            _over(units="[512, 256]"),
        ),
    },
)
def q3(ns):
    model = answer(ns, "q3_model")
    hist = answer(ns, "q3_hist")
    if not (hasattr(hist, "history") and hasattr(hist, "params")):
        mistake(detail=f"q3_hist에는 fit이 돌려준 History를 넣으세요 (받은 것: {type(hist).__name__}).")
    if not hasattr(model, "count_params"):
        mistake(detail=f"q3_model에는 Keras 모델을 넣으세요 (받은 것: {type(model).__name__}).")
    if ns.get("big") is not None and model is ns["big"]:
        mistake("reused_big")
    if getattr(hist, "model", None) is not None and hist.model is not model:
        mistake(detail="q3_hist는 q3_model을 학습한 fit의 기록이어야 합니다.")
    if "val_loss" not in hist.history:
        mistake("no_validation")
    remedies = _remedies(model, hist)
    if not remedies:
        if model.count_params() > BIG_PARAMS:
            mistake("bigger_model")
        if len(hist.history["loss"]) > OVER_EPOCHS:
            mistake("more_epochs")
        mistake(detail="규제(L2, Dropout), 더 작은 모델, 조기 종료 중 하나를 쓰세요.")
    over = _history(ns, "hist_over", "6절")
    over_gap = over["val_loss"][-1] - over["loss"][-1]
    gap = hist.history["val_loss"][-1] - hist.history["loss"][-1]
    if gap >= over_gap:
        mistake(detail=f"{', '.join(remedies)}을(를) 썼지만 검증 - 훈련 간격이 {gap:.3f}로 6절({over_gap:.3f})보다 "
                       "작아지지 않았습니다. 규제를 세게 하거나 모델을 더 줄여 보세요.")
    return (
        f"정답입니다. {', '.join(remedies)}: 마지막 에포크의 검증 - 훈련 간격이 6절의 {over_gap:.3f}에서 {gap:.3f}로 "
        "줄었습니다. 같은 데이터로도 모델이 외우는 힘을 줄이면 새 데이터에서 덜 틀립니다."
    )
