"""`05_history_chart` 노트북의 연습문제: 학습 기록 읽기, 이중 축 그래프 그리기, 새 데이터에서 조기 종료."""

from __future__ import annotations

from .core import Book, answer, close, fingerprint, fits, mistake, need_int, need_number

book = Book("05_history_chart")


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
            "부호가 반대입니다 (기대한 값의 -1배). '검증 손실 - 훈련 손실'이므로 val_loss에서 loss를 빼고, 부호는 "
            "그대로 두세요.",
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
        "hist_over": (
            "5절의 과대적합 기록 `hist_over`로 계산했습니다. 문제는 1절의 기록 `hist`입니다.",
            'q1_gap = hist_over.history["val_loss"][-1] - hist_over.history["loss"][-1]\n',
        ),
    },
    rejects=[
        ('q1_gap = hist.history["val_loss"][-1]\n', None),
        ('q1_gap = str(round(hist.history["val_loss"][-1] - hist.history["loss"][-1], 4))\n', None),
        ('q1_gap = [v - t for v, t in zip(hist.history["val_loss"], hist.history["loss"])]\n', None),
        ('q1_gap = hist.history["val_loss"][-1] - hist.history["loss"][0]\n', None),
        ('q1_gap = hist.history["loss"][-1] - hist.history["val_loss"][-1]\n', "reversed"),
    ],
    accepts=[
        'q1_gap = round(hist.history["val_loss"][-1] - hist.history["loss"][-1], 4)\n',
        "frame = pd.DataFrame(hist.history)\nq1_gap = frame['val_loss'].iloc[-1] - frame['loss'].iloc[-1]\n",
        'q1_gap = float(np.subtract(hist.history["val_loss"], hist.history["loss"])[-1])\n',
    ],
)
def q1(ns):
    gap = need_number(answer(ns, "q1_gap"), "q1_gap")
    h = _history(ns, "hist", "1절")
    expected = h["val_loss"][-1] - h["loss"][-1]
    if close(gap, expected, decimals=4):
        word = "낮았습니다" if expected < 0 else "높았습니다"
        return (
            f"정답입니다. 간격 {expected:+.4f}: 마지막 에포크에는 검증 손실이 훈련 손실보다 {word}. "
            "이 간격이 에포크마다 커지면 과대적합의 신호입니다."
        )
    if close(gap, -expected, decimals=4):
        mistake("reversed")
    if close(gap, h["val_loss"][0] - h["loss"][0], decimals=4):
        mistake("first_epoch")
    if "accuracy" in h and close(gap, h["val_accuracy"][-1] - h["accuracy"][-1], decimals=4):
        mistake("accuracy")
    over = ns.get("hist_over")
    if over is not None and hasattr(over, "history"):
        o = over.history
        if close(gap, o["val_loss"][-1] - o["loss"][-1], decimals=4):
            mistake("hist_over")
    mistake(detail=f"q1_gap = {gap!r}는 `hist`의 마지막 에포크의 '검증 손실 - 훈련 손실'이 아닙니다.")


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


def _chart(*, twin=True, validation=True, x_from_one=True, acc_top="1.02", fix_loss=False, source="hist_over") -> str:
    """q2의 실수를 재현하는 답안 코드를 만든다 (테스트가 실행한다)."""
    x = "epochs, " if x_from_one else ""
    lines = [
        f"h = {source}.history",
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
    hint="3절의 그래프 코드가 출발점입니다. 그림과 왼쪽 축을 함께 만드는 함수, 오른쪽 축을 만드는 `twinx()`, "
    "1부터 시작하는 에포크 번호를 x로 넘기기, 정확도 축의 범위를 정하는 `set_ylim`을 떠올려 보세요.",
    solution=_Q2_SOLUTION,
    mistakes={
        "one_axis": (
            "축이 하나뿐입니다. 손실과 정확도는 눈금이 달라서 오른쪽 축이 따로 필요합니다: "
            "`acc_ax = loss_ax.twinx()`로 만들고 정확도는 acc_ax에 그리세요.",
            _chart(twin=False),
        ),
        "wrong_history": (
            "1절의 기록 `hist`를 그렸습니다. 문제는 5절의 과대적합 기록 `hist_over`입니다.",
            _chart(source="hist"),
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
    rejects=[
        ("q2_fig = helpers.plot_history(hist)\nplt.show()\n", "wrong_history"),
        ("q2_fig, loss_ax = plt.subplots()\nacc_ax = loss_ax.twinx()\nq2_fig = loss_ax\n", None),
        # 정확도 곡선을 왼쪽 축에 함께 (오른쪽 축은 만들었지만 비어 있음)
        ("h = hist_over.history\n"
         "epochs = range(1, len(h['loss']) + 1)\n"
         "q2_fig, loss_ax = plt.subplots()\n"
         "acc_ax = loss_ax.twinx()\n"
         "for key in ['loss', 'val_loss', 'accuracy', 'val_accuracy']:\n"
         "    loss_ax.plot(epochs, h[key], label=key)\n"
         "acc_ax.set_ylim(0, 1.02)\n", "one_axis"),
        # 곡선 두 개만 (검증 손실과 검증 정확도)
        ("h = hist_over.history\n"
         "epochs = range(1, len(h['loss']) + 1)\n"
         "q2_fig, loss_ax = plt.subplots()\n"
         "acc_ax = loss_ax.twinx()\n"
         "loss_ax.plot(epochs, h['val_loss'])\n"
         "acc_ax.plot(epochs, h['val_accuracy'])\n"
         "acc_ax.set_ylim(0, 1.02)\n", None),
    ],
    accepts=[
        # pyplot 상태 기계와 gcf()
        "h = hist_over.history\n"
        "x = list(range(1, len(h['loss']) + 1))\n"
        "plt.figure(figsize=(9, 4))\n"
        "plt.plot(x, h['loss'], label='train loss')\n"
        "plt.plot(x, h['val_loss'], label='val loss')\n"
        "plt.twinx()\n"
        "plt.plot(x, h['accuracy'], 'b', label='train acc')\n"
        "plt.plot(x, h['val_accuracy'], 'g', label='val acc')\n"
        "plt.ylim(0, 1.05)\n"
        "q2_fig = plt.gcf()\n"
        "plt.show()\n",
        # Figure.add_subplot, 정확도 축 아래쪽도 정함
        "import numpy as np\n"
        "h = hist_over.history\n"
        "x = np.arange(len(h['loss'])) + 1\n"
        "q2_fig = plt.figure()\n"
        "left = q2_fig.add_subplot()\n"
        "right = left.twinx()\n"
        "left.plot(x, h['loss'])\n"
        "left.plot(x, h['val_loss'])\n"
        "right.plot(x, h['accuracy'])\n"
        "right.plot(x, h['val_accuracy'])\n"
        "right.set_ylim(bottom=0.5, top=1.03)\n",
        # 도우미 함수도 같은 그래프를 그린다
        "q2_fig = helpers.plot_history(hist_over, title='과대적합')\nplt.show()\n",
    ],
)
def q2(ns):
    fig = answer(ns, "q2_fig")
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        if isinstance(getattr(fig, "figure", None), Figure):
            mistake(detail="q2_fig에는 축(Axes)이 아니라 그림(Figure)을 넣으세요: "
                           "`q2_fig, loss_ax = plt.subplots(...)`.")
        mistake(detail=f"q2_fig에는 matplotlib Figure를 넣으세요 (받은 것: {type(fig).__name__}).")
    h = _history(ns, "hist_over", "5절")

    def same(ydata, values) -> bool:
        if len(ydata) != len(values):
            return False
        return all(abs(float(a) - float(b)) < 1e-6 for a, b in zip(ydata, values, strict=True))

    def find(history, key):
        for ax in fig.axes:
            for line in ax.get_lines():
                if same(line.get_ydata(), history[key]):
                    return ax, line
        return None

    keys = ("loss", "val_loss", "accuracy", "val_accuracy")
    found = {key: find(h, key) for key in keys}
    if all(where is None for where in found.values()):
        lesson = ns.get("hist")
        if lesson is not None and hasattr(lesson, "history") and any(find(lesson.history, key) for key in keys):
            mistake("wrong_history")
        mistake(detail="그림에서 hist_over의 곡선을 하나도 찾지 못했습니다. `hist_over.history`의 값을 그렸는지 "
                       "확인하세요.")
    if len(fig.axes) < 2:
        mistake("one_axis")
    if found["val_loss"] is None and found["val_accuracy"] is None:
        mistake("no_validation")
    missing = [key for key, where in found.items() if where is None]
    if missing:
        mistake(detail=f"hist_over의 곡선이 빠졌습니다: {', '.join(missing)}.")
    loss_ax, acc_ax = found["loss"][0], found["accuracy"][0]
    if loss_ax == acc_ax or found["val_loss"][0] != loss_ax or found["val_accuracy"][0] != acc_ax:
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

_Q3_DATA = """
Xw_train, Xw_test, yw_train, yw_test = helpers.train_test_data("wine", scale=True, encode_labels=True)
q3_X_small, q3_X_val, q3_y_small, q3_y_val = train_test_split(
    Xw_train, yw_train, train_size=30, random_state=0, stratify=yw_train
)
keras.utils.set_random_seed(42)
"""

_Q3_SOLUTION = _Q3_DATA + """
q3_model = keras.Sequential(
    [
        keras.Input(shape=(13,)),
        layers.Dense(256, activation="relu"),
        layers.Dense(256, activation="relu"),
        layers.Dense(3, activation="softmax"),  # 클래스 3개
    ]
)
q3_model.compile(
    loss="sparse_categorical_crossentropy",  # 레이블이 정수 0, 1, 2
    optimizer=keras.optimizers.Adam(learning_rate=0.005),
    metrics=["accuracy"],
)
early = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)
q3_hist = q3_model.fit(
    q3_X_small, q3_y_small, epochs=40, batch_size=30,
    validation_data=(q3_X_val, q3_y_val), callbacks=[early], verbose=0,
)
q3_best_epoch = int(np.argmin(q3_hist.history["val_loss"])) + 1  # argmin은 0부터 센다
print(f"{len(q3_hist.history['loss'])} 에포크에서 멈춤, 가장 좋았던 에포크 {q3_best_epoch}")
"""

WINE_PARAMS = (13 * 256 + 256) + (256 * 256 + 256) + (256 * 3 + 3)


def _q3(*, output: str = 'layers.Dense(3, activation="softmax")', loss: str = '"sparse_categorical_crossentropy"',
        early: str = 'keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)',
        fit_data: str = "q3_X_small, q3_y_small", validation: str = "validation_data=(q3_X_val, q3_y_val)",
        best: str = 'int(np.argmin(q3_hist.history["val_loss"])) + 1') -> str:
    """q3의 실수를 재현하는 답안 코드 (테스트가 실행한다)."""
    callbacks = f"callbacks=[{early}], " if early else ""
    return (
        _Q3_DATA.lstrip("\n")
        + "q3_model = keras.Sequential([keras.Input(shape=(13,)), layers.Dense(256, activation='relu'), "
        f"layers.Dense(256, activation='relu'), {output}])\n"
        f"q3_model.compile(loss={loss}, optimizer=keras.optimizers.Adam(learning_rate=0.005), metrics=['accuracy'])\n"
        f"q3_hist = q3_model.fit({fit_data}, epochs=40, batch_size=30, {validation}, {callbacks}verbose=0)\n"
        f"q3_best_epoch = {best}\n"
    )


def _validation_ce(model, X, y) -> float:
    """모델의 지금 가중치로 잰 검증 교차 엔트로피 (출력이 확률이 아니면 softmax를 씌운다)."""
    import numpy as np

    p = np.asarray(model.predict(X, verbose=0), dtype=np.float64)
    if p.ndim != 2 or (p < 0).any() or not np.allclose(p.sum(axis=1), 1.0, atol=1e-3):
        p = np.exp(p - p.max(axis=1, keepdims=True))
        p = p / p.sum(axis=1, keepdims=True)
    labels = np.asarray(y).astype(int).ravel()
    picked = np.clip(p[np.arange(len(labels)), labels], 1e-7, 1.0)
    return float(-np.mean(np.log(picked)))


@book.exercise(
    stars=3,
    title="새 데이터에서 가장 좋았던 에포크로 멈추기",
    hint="출력층의 노드 수는 클래스 수이고, 레이블이 정수(0, 1, 2)이므로 손실은 `03_compile`에서 본 정수 레이블용 "
    "교차 엔트로피입니다. 멈추기와 되돌리기는 5절의 `EarlyStopping`에서 세 가지를 정합니다: 무엇을 볼지, 몇 에포크 "
    "기다릴지, 가장 좋았던 가중치로 돌아갈지. `np.argmin`은 0부터 센 위치를 돌려줍니다.",
    solution=_Q3_SOLUTION,
    mistakes={
        "output": (
            "출력층이 클래스 3개에 맞지 않습니다. 다중 분류는 클래스 수만큼의 노드와 softmax입니다: "
            '`layers.Dense(3, activation="softmax")`.',
            _q3(output='layers.Dense(1, activation="sigmoid")', loss='"binary_crossentropy"'),
        ),
        "validation_split": (
            "validation_split으로 검증했습니다. validation_split은 fit이 받은 훈련 데이터의 뒤쪽 일부를 떼어 검증에 "
            "쓰므로 30건 중 몇 건으로만 학습하고 문제의 검증 데이터(q3_X_val)로는 재지 않습니다: "
            "`validation_data=(q3_X_val, q3_y_val)`를 주세요.",
            _q3(validation="validation_split=0.2"),
        ),
        "no_early_stopping": (
            "EarlyStopping 콜백이 없습니다. `callbacks=[keras.callbacks.EarlyStopping(...)]`을 fit에 주어야 검증 "
            "손실이 나빠질 때 멈춥니다.",
            _q3(early=""),
        ),
        "never_stopped": (
            "EarlyStopping을 넣었지만 멈추지 않고 정한 에포크를 모두 학습했습니다. 원인 후보: patience가 남은 "
            "에포크보다 크다, monitor가 계속 나아지는 값이다(예: 'loss'는 훈련 손실이라 과대적합 중에도 계속 내려감). "
            "검증 손실('val_loss')을 3 에포크 기다리게 하세요.",
            _q3(early="keras.callbacks.EarlyStopping(monitor='val_loss', patience=100, restore_best_weights=True)"),
        ),
        "no_restore": (
            "모델에 멈춘 에포크(마지막 에포크)의 가중치가 남아 있습니다. EarlyStopping은 기본값으로 가중치를 되돌리지 "
            "않습니다: `restore_best_weights=True`를 주세요.",
            _q3(early="keras.callbacks.EarlyStopping(monitor='val_loss', patience=3)"),
        ),
        "zero_based": (
            "q3_best_epoch가 1 작습니다. `np.argmin`은 0부터 센 위치를 돌려주므로, 에포크 번호는 1을 더합니다.",
            _q3(best='int(np.argmin(q3_hist.history["val_loss"]))'),
        ),
        "stopped_epoch": (
            "q3_best_epoch에 멈춘 에포크(기록의 길이)를 넣었습니다. 가장 좋았던 에포크는 그보다 patience(3)만큼 "
            "앞입니다: 검증 손실이 가장 낮은 위치를 찾으세요.",
            _q3(best='len(q3_hist.history["val_loss"])'),
        ),
    },
    rejects=[
        # 정수 레이블에 categorical_crossentropy: fit이 모양 오류를 낸다
        (_q3(loss='"categorical_crossentropy"'), None),
        # 훈련 손실을 보는 EarlyStopping
        (_q3(early="keras.callbacks.EarlyStopping(monitor='loss', patience=3, restore_best_weights=True)"), None),
        # 더 많은 데이터로 학습 (Xw_train 전체)
        (_q3(fit_data="Xw_train, yw_train"), None),
        # 1절의 이진 분류 모델 함수를 그대로
        ("Xw_train, Xw_test, yw_train, yw_test = helpers.train_test_data('wine', scale=True, encode_labels=True)\n"
         "q3_X_small, q3_X_val, q3_y_small, q3_y_val = train_test_split(\n"
         "    Xw_train, yw_train, train_size=30, random_state=0, stratify=yw_train\n"
         ")\n"
         "q3_model = build_mlp([256, 256], learning_rate=0.005)\n"
         "q3_hist = q3_model.fit(q3_X_small, q3_y_small, epochs=40, batch_size=30, "
         "validation_data=(q3_X_val, q3_y_val), callbacks=[keras.callbacks.EarlyStopping(patience=3)], verbose=0)\n"
         "q3_best_epoch = 1\n", None),
        # 가장 좋았던 에포크를 정확도로 고름
        (_q3(best='int(np.argmax(q3_hist.history["val_accuracy"])) + 1'), None),
    ],
    accepts=[
        # 원-핫 타깃과 categorical_crossentropy, 함수형 API, 리스트의 index
        _Q3_DATA.lstrip("\n")
        + "inputs = keras.Input(shape=(13,))\n"
        "x = keras.layers.Dense(256, activation='relu')(inputs)\n"
        "x = keras.layers.Dense(256, activation='relu')(x)\n"
        "outputs = keras.layers.Dense(3, activation='softmax')(x)\n"
        "q3_model = keras.Model(inputs, outputs)\n"
        "q3_model.compile(loss='categorical_crossentropy', optimizer=keras.optimizers.Adam(0.005))\n"
        "stop = keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)\n"
        "one_hot = keras.utils.to_categorical\n"
        "q3_hist = q3_model.fit(q3_X_small, one_hot(q3_y_small, 3), batch_size=30, epochs=40,\n"
        "                       validation_data=(q3_X_val, one_hot(q3_y_val, 3)), callbacks=[stop])\n"
        "losses = q3_hist.history['val_loss']\n"
        "q3_best_epoch = losses.index(min(losses)) + 1\n",
        # 로짓 출력과 from_logits=True, pandas idxmin
        _Q3_DATA.lstrip("\n")
        + "q3_model = keras.Sequential()\n"
        "q3_model.add(keras.Input(shape=(13,)))\n"
        "q3_model.add(layers.Dense(256, activation='relu'))\n"
        "q3_model.add(layers.Dense(256, activation='relu'))\n"
        "q3_model.add(layers.Dense(3))\n"
        "q3_model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),\n"
        "                 optimizer=keras.optimizers.Adam(learning_rate=0.005), metrics=['accuracy'])\n"
        "q3_hist = q3_model.fit(q3_X_small, q3_y_small, epochs=40, batch_size=30, verbose=2,\n"
        "                       validation_data=(q3_X_val, q3_y_val),\n"
        "                       callbacks=[keras.callbacks.EarlyStopping('val_loss', patience=3, "
        "restore_best_weights=True)])\n"
        "q3_best_epoch = int(pd.Series(q3_hist.history['val_loss'], index=range(1, "
        "len(q3_hist.history['val_loss']) + 1)).idxmin())\n",
    ],
)
def q3(ns):
    import numpy as np

    model = answer(ns, "q3_model")
    hist = answer(ns, "q3_hist")
    best_epoch = answer(ns, "q3_best_epoch")
    X_small, X_val, y_val = answer(ns, "q3_X_small"), answer(ns, "q3_X_val"), answer(ns, "q3_y_val")
    if not hasattr(model, "count_params") or not hasattr(model, "predict"):
        mistake(detail=f"q3_model에는 Keras 모델을 넣으세요 (받은 것: {type(model).__name__}).")
    if not (hasattr(hist, "history") and hasattr(hist, "params")):
        mistake(detail=f"q3_hist에는 fit이 돌려준 History를 넣으세요 (받은 것: {type(hist).__name__}).")
    if getattr(hist, "model", None) is not None and hist.model != model:
        mistake(detail="q3_hist는 q3_model을 학습한 fit의 기록이어야 합니다.")
    if model.outputs[0].shape[-1] != 3:
        mistake("output")
    records = fits(model)
    if not records:
        mistake(detail="q3_model에 fit 기록이 없습니다. 연습문제를 불러온 뒤 답안 셀에서 학습했는지 확인하세요.")
    if len(records) > 1:
        mistake(detail=f"q3_model을 fit으로 {len(records)}번 학습했습니다. 답안 셀을 처음부터 다시 실행해 새 모델을 "
                       "한 번만 학습하세요.")
    record = records[-1]
    if record["validation_split"]:
        mistake("validation_split")
    if not record["validation_data"] or "val_loss" not in hist.history:
        mistake(detail="검증 데이터가 없어서 history에 val_loss가 없습니다: validation_data=(q3_X_val, q3_y_val)를 "
                       "주세요.")
    if record["x"] != fingerprint(X_small):
        mistake(detail=f"q3_X_small(훈련 30건)이 아닌 데이터(모양 {str(record['x']).split(':')[0]})로 학습했습니다. "
                       "과대적합을 다루는 문제라 훈련 데이터는 일부러 작게 둡니다.")
    if record["validation_data"][0] != fingerprint(X_val):
        mistake(detail="validation_data가 (q3_X_val, q3_y_val)가 아닙니다.")
    import keras

    dense = [layer for layer in model.layers if hasattr(layer, "units")]
    plain = all(getattr(layer, "kernel_regularizer", None) is None for layer in dense) and not any(
        isinstance(layer, keras.layers.Dropout) for layer in model.layers)
    if [layer.units for layer in dense[:-1]] != [256, 256] or not plain or model.count_params() != WINE_PARAMS:
        mistake(detail=f"모델이 문제의 구조(13 → 256 → 256 → 3, 규제와 Dropout 없음, 파라미터 {WINE_PARAMS:,}개)와 "
                       f"다릅니다 (파라미터 {model.count_params():,}개).")
    if "EarlyStopping" not in record["callbacks"]:
        mistake("no_early_stopping")
    val = [float(v) for v in hist.history["val_loss"]]
    ran, planned = len(val), record["epochs"]
    best = int(np.argmin(val))
    if ran >= planned:
        mistake("never_stopped", detail=f"(본 것: {planned} 에포크 모두 실행, 검증 손실이 가장 낮은 에포크 {best + 1})")
    if ran - (best + 1) != 3:
        mistake(detail=f"검증 손실이 가장 낮은 에포크 {best + 1} 뒤 {ran - best - 1} 에포크 만에 멈췄습니다. "
                       f"검증 손실을 3 에포크 기다리면 {best + 4}에서 멈춥니다: monitor='val_loss', patience=3인지 "
                       "확인하세요.")
    now = _validation_ce(model, X_val, y_val)
    if not close(now, val[best], rel=2e-3):
        if close(now, val[-1], rel=2e-3):
            mistake("no_restore")
        mistake(detail=f"모델의 지금 검증 손실 {now:.4f}이 기록의 가장 낮은 값 {val[best]:.4f}과 다릅니다. "
                       "학습한 뒤에 모델을 바꾸지 않았는지 확인하세요.")
    if isinstance(best_epoch, float) and best_epoch != int(best_epoch):
        mistake(detail=f"q3_best_epoch는 에포크 번호(정수)입니다 (받은 것: {best_epoch!r}).")
    epoch = need_int(best_epoch, "q3_best_epoch")
    if epoch == best:
        mistake("zero_based")
    if epoch == ran:
        mistake("stopped_epoch")
    if epoch != best + 1:
        mistake(detail=f"q3_best_epoch = {epoch}는 q3_hist에서 검증 손실이 가장 낮은 에포크가 아닙니다.")
    return (
        f"정답입니다. 검증 손실은 {best + 1} 에포크에서 가장 낮았고(≈{val[best]:.4f}), 3 에포크를 더 기다린 {ran} "
        f"에포크에서 멈췄으며, 모델은 {best + 1} 에포크의 가중치로 돌아왔습니다 (마지막 에포크였다면 "
        f"{val[-1]:.4f}). 처음 보는 데이터에서도 검증 곡선을 읽고 제때 멈추는 법은 같습니다."
    )
