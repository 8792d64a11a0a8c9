"""`04_fit` 노트북의 연습문제: 스텝 수 계산, `fit`을 `train_on_batch`로 풀어 쓰기, batch_size 실험."""

from __future__ import annotations

import math
import numbers

from .core import Book, answer, mistake

book = Book("04_fit")

N_TR = 364  # 노트북의 실험용 훈련 데이터(X_tr) 크기


def _n_tr(ns) -> int:
    X_tr = ns.get("X_tr")
    return len(X_tr) if X_tr is not None and hasattr(X_tr, "__len__") else N_TR


# --- 1 ---------------------------------------------------------------------------------------------


@book.exercise(
    stars=1,
    title="스텝 수와 갱신 횟수",
    hint="한 에포크는 455개를 64개씩 자른 묶음 수만큼 스텝을 밟습니다. 마지막 묶음은 64개보다 적어도 한 스텝입니다. "
    "가중치는 스텝마다 한 번, 에포크마다 그만큼 바뀝니다.",
    solution="""
        import math

        q1_steps = math.ceil(455 / 64)  # 7.1... → 8 (마지막 배치는 7개)
        q1_updates = q1_steps * 3       # 스텝마다 한 번, 3 에포크
    """,
    mistakes={
        "floor": (
            "455 // 64 = 7로 내림했습니다. 마지막에 남는 7개도 한 배치가 되어 한 스텝을 밟으므로 "
            "올림(math.ceil)입니다.",
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
    },
)
def q1(ns):
    steps = answer(ns, "q1_steps")
    updates = answer(ns, "q1_updates")
    for name, value in (("q1_steps", steps), ("q1_updates", updates)):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            mistake(detail=f"{name}에는 숫자를 넣으세요 (받은 것: {type(value).__name__}).")
    if steps == 455 // 64:
        mistake("floor")
    if steps != int(steps):
        mistake("fraction")
    if steps != math.ceil(455 / 64):
        mistake(detail=f"q1_steps = {steps!r}는 에포크당 스텝 수가 아닙니다.")
    if updates == steps:
        mistake("no_epochs")
    if updates == 455 * 3:
        mistake("per_sample")
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
    for start in range(0, len(X_tr), 50):  # 섞지 않고 앞에서부터 50개씩 (마지막 배치는 14개)
        loss, accuracy = q2_model.train_on_batch(X_tr[start : start + 50], y_tr[start : start + 50])
        q2_losses.append(loss)
"""


@book.exercise(
    stars=2,
    title="fit을 직접 풀어 쓰기",
    hint="`for start in range(0, len(X_tr), 50):`로 시작 위치를 돌고, `X_tr[start : start + 50]`처럼 잘라서 "
    "`train_on_batch`에 넘기세요. 이 메서드는 [손실, 정확도]를 돌려줍니다.",
    solution=_Q2_SOLUTION,
    mistakes={
        "dropped_last": (
            "마지막 배치를 빠뜨렸습니다. 364개를 50개씩 자르면 마지막에 14개가 남고, fit은 그것도 한 배치로 "
            "학습합니다. "
            "`range(0, len(X_tr), 50)`처럼 끝까지 도세요.",
            "q2_model = build_model()\n"
            "q2_losses = []\n"
            "for start in range(0, len(X_tr) - 50, 50):\n"
            "    loss, accuracy = q2_model.train_on_batch(X_tr[start : start + 50], y_tr[start : start + 50])\n"
            "    q2_losses.append(loss)\n",
        ),
        "more_than_one_epoch": (
            "가중치를 한 에포크보다 많이 바꿨습니다. 루프를 두 번 돌았거나, 모델을 새로 만들지 않고 답안 셀을 다시 "
            "실행했을 수 있습니다. 같은 셀 안에서 `q2_model = build_model()`부터 다시 하세요.",
            "q2_model = build_model()\n"
            "q2_losses = []\n"
            "for epoch in range(2):\n"
            "    for start in range(0, len(X_tr), 50):\n"
            "        loss, accuracy = q2_model.train_on_batch(X_tr[start : start + 50], y_tr[start : start + 50])\n"
            "        q2_losses.append(loss)\n",
        ),
        "epoch_loss": (
            "fit의 기록(`history['loss']`)은 에포크마다 배치 손실을 평균한 값 하나뿐입니다. 배치마다 "
            "`train_on_batch`를 불러 그 손실을 하나씩 모으세요.",
            "q2_model = build_model()\n"
            "q2_losses = q2_model.fit(X_tr, y_tr, batch_size=50, epochs=1, shuffle=False, verbose=0).history['loss']\n",
        ),
        "pairs": (
            "`train_on_batch`는 [손실, 정확도] 두 값을 돌려줍니다. 리스트에는 첫 번째 값(손실)만 넣으세요: "
            "`loss, accuracy = model.train_on_batch(...)`.",
            "q2_model = build_model()\n"
            "q2_losses = [\n"
            "    q2_model.train_on_batch(X_tr[s : s + 50], y_tr[s : s + 50]) for s in range(0, len(X_tr), 50)\n"
            "]\n",
        ),
    },
)
def q2(ns):
    model = answer(ns, "q2_model")
    losses = answer(ns, "q2_losses")
    if not hasattr(model, "train_on_batch") or getattr(model, "optimizer", None) is None:
        mistake(detail="q2_model에는 build_model()로 만든(compile된) 모델을 넣으세요.")
    n = _n_tr(ns)
    expected = math.ceil(n / 50)
    updates = int(model.optimizer.iterations)
    if updates == 0:
        mistake(detail="q2_model의 가중치가 한 번도 바뀌지 않았습니다. train_on_batch를 불렀는지 확인하세요.")
    if updates == n // 50 and n % 50:
        mistake("dropped_last")
    if updates > expected:
        mistake("more_than_one_epoch")
    if updates != expected:
        mistake(detail=f"가중치를 {updates}번 바꿨습니다. 364개를 50개씩이면 {expected}번이어야 합니다.")
    if not isinstance(losses, list | tuple):
        mistake(detail=f"q2_losses는 리스트여야 합니다 (받은 것: {type(losses).__name__}).")
    if len(losses) == 1:
        mistake("epoch_loss")
    if any(isinstance(v, list | tuple) or getattr(v, "ndim", 0) > 0 for v in losses):
        mistake("pairs")
    if len(losses) != expected or not all(isinstance(v, numbers.Real) for v in losses):
        mistake(detail=f"q2_losses에는 배치마다 손실 숫자 하나씩, 모두 {expected}개가 있어야 합니다 "
                       f"(받은 것: {len(losses)}개).")
    return (
        f"정답입니다. 가중치를 {expected}번 바꿨고 배치 손실 {expected}개를 모았습니다: "
        "fit(batch_size=50, epochs=1, shuffle=False)가 안에서 하는 일이 바로 이것입니다."
    )


# --- 3 ---------------------------------------------------------------------------------------------


def _fit_pair(small: int, large: int, epochs: int = 5, small_epochs: int | None = None, verbose: int = 0,
              validation: bool = True, same_model: bool = False, better: str | None = None) -> str:
    """q3의 실수를 재현하는 답안 코드를 만든다 (테스트가 실행한다)."""
    val = ", validation_data=(X_val, y_val)" if validation else ""
    small_epochs = epochs if small_epochs is None else small_epochs
    second = "q3_small.model" if same_model else "build_model()"
    lines = [
        f"q3_small = build_model().fit(X_tr, y_tr, epochs={small_epochs}, batch_size={small}{val}, verbose={verbose})",
        f"q3_large = {second}.fit(X_tr, y_tr, epochs={epochs}, batch_size={large}{val}, verbose={verbose})",
    ]
    if better is None:
        lines.append('q3_better = "small"')
    else:
        lines.append(f"q3_better = {better}")
    return "\n".join(lines) + "\n"


_WRONG_BETTER = (
    '"large" if q3_small.history["val_loss"][-1] < q3_large.history["val_loss"][-1] else "small"'
)


@book.exercise(
    stars=3,
    title="나만의 batch_size 실험",
    hint="batch_size마다 `keras.utils.set_random_seed(42)` 다음 `build_model()`로 새 모델을 만들어 "
    "`fit(X_tr, y_tr, epochs=..., batch_size=..., validation_data=(X_val, y_val), verbose=0)`을 부르세요. "
    "두 실험의 에포크 수는 같게 둡니다.",
    solution="""
        keras.utils.set_random_seed(42)
        q3_small = build_model().fit(
            X_tr, y_tr, epochs=10, batch_size=8, validation_data=(X_val, y_val), verbose=0
        )
        keras.utils.set_random_seed(42)
        q3_large = build_model().fit(
            X_tr, y_tr, epochs=10, batch_size=128, validation_data=(X_val, y_val), verbose=0
        )
        small_loss, large_loss = q3_small.history["val_loss"][-1], q3_large.history["val_loss"][-1]
        q3_better = "small" if small_loss < large_loss else "large"
        print(f"검증 손실: 배치 8 {small_loss:.4f}, 배치 128 {large_loss:.4f}")
    """,
    mistakes={
        "verbose": (
            "진행 막대(verbose를 주지 않거나 1)로 학습했습니다. 에포크마다 막대가 쌓여 노트북을 채우므로 "
            "실험에는 verbose=0이나 2를 쓰세요.",
            _fit_pair(8, 128, verbose=1),
        ),
        "no_validation": (
            "검증 데이터가 없어서 history에 val_loss가 없습니다. 훈련 손실만으로는 새 데이터에서 어떤지 모릅니다: "
            "validation_data=(X_val, y_val)를 주세요.",
            _fit_pair(8, 128, validation=False),
        ),
        "same_batch": (
            "두 실험의 에포크당 스텝 수가 같습니다. 같은 batch_size를 두 번 쓴 것 같습니다: 작은 것(16 이하)과 "
            "큰 것(128 이상)을 고르세요.",
            _fit_pair(128, 128),
        ),
        "same_model": (
            "두 History가 같은 모델에서 나왔습니다. 두 번째 실험이 첫 번째에서 이미 학습한 가중치로 시작해서 "
            "공정하지 않습니다: batch_size마다 build_model()로 새 모델을 만드세요.",
            _fit_pair(8, 128, same_model=True),
        ),
        "epochs_differ": (
            "두 실험의 에포크 수가 다릅니다. batch_size만 바꾸고 나머지(에포크 수, 데이터)는 같게 두어야 "
            "비교할 수 있습니다.",
            _fit_pair(8, 128, small_epochs=8),
        ),
        "swapped": (
            "q3_small의 에포크당 스텝이 q3_large보다 적습니다: 작은 배치가 스텝이 더 많아야 합니다. 두 변수를 "
            "바꿔 넣은 것 같습니다.",
            _fit_pair(128, 8),
        ),
        "wrong_better": (
            "q3_better가 기록과 맞지 않습니다. 두 History의 마지막 val_loss를 비교해 더 낮은 쪽을 적으세요 "
            "(정확도가 아니라 손실, 낮을수록 좋음).",
            _fit_pair(8, 128, better=_WRONG_BETTER),
        ),
    },
)
def q3(ns):
    small = answer(ns, "q3_small")
    large = answer(ns, "q3_large")
    better = answer(ns, "q3_better")
    for name, value in (("q3_small", small), ("q3_large", large)):
        if not (hasattr(value, "params") and hasattr(value, "history")):
            mistake(detail=f"{name}에는 fit이 돌려준 History를 넣으세요 (받은 것: {type(value).__name__}).")
    ps, pl = small.params, large.params
    if ps.get("verbose") in (1, "auto") or pl.get("verbose") in (1, "auto"):
        mistake("verbose")
    if "val_loss" not in small.history or "val_loss" not in large.history:
        mistake("no_validation")
    if getattr(small, "model", None) is not None and small.model is getattr(large, "model", None):
        mistake("same_model")
    if ps.get("steps") == pl.get("steps"):
        mistake("same_batch")
    if len(small.history["loss"]) != len(large.history["loss"]):
        mistake("epochs_differ")
    if ps["steps"] < pl["steps"]:
        mistake("swapped")
    n = _n_tr(ns)
    if ps["steps"] < math.ceil(n / 16) or pl["steps"] > math.ceil(n / 128):
        mistake(detail=f"작은 batch_size는 16 이하, 큰 것은 128 이상으로 고르세요 (에포크당 스텝: "
                       f"{ps['steps']}, {pl['steps']}).")
    epochs = len(small.history["loss"])
    if not 5 <= epochs <= 30:
        mistake(detail=f"에포크 수는 5~30으로 하세요 (받은 것: {epochs}).")
    if better not in ("small", "large"):
        mistake(detail=f'q3_better는 "small" 또는 "large"입니다 (받은 것: {better!r}).')
    small_loss, large_loss = small.history["val_loss"][-1], large.history["val_loss"][-1]
    if better != ("small" if small_loss < large_loss else "large"):
        mistake("wrong_better")
    return (
        f"정답입니다. 같은 {epochs} 에포크에서 가중치 갱신은 {ps['steps'] * epochs}번 대 {pl['steps'] * epochs}번, "
        f"검증 손실은 {small_loss:.4f} 대 {large_loss:.4f}: 에포크를 같게 두면 갱신 횟수가 결과를 크게 가릅니다."
    )
