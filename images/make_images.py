"""강의 노트북의 그림(도식)을 그리는 스크립트.

강의 노트의 그림(02.jpg, 03.jpg, 05_3.jpg, 05_4.jpg)을 한국어 도식으로 다시 그립니다.
저장소 최상위 폴더에서 `make images` (= `.venv/bin/python images/make_images.py`)로 실행하면
이 폴더(images/)에 PNG 파일을 다시 만듭니다. 같은 글꼴과 matplotlib 버전이면 바이트까지 같은 파일이 나옵니다.

그림마다 함수 하나입니다. 글자를 고치거나 번역하려면 그 함수의 문자열만 바꾸고 다시 실행하세요.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import patheffects  # noqa: E402
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch  # noqa: E402

import helpers  # noqa: E402

OUT_DIR = Path(__file__).resolve().parent
DPI = 110  # 9인치 폭 그림이 약 990픽셀: 노트북 폭에 맞는 크기
MONO = "DejaVu Sans Mono"  # 코드 글자 (ASCII만 씀)

# 역할별 색 (채우기, 테두리)
BLUE = ("#E8F1FB", "#3A6EA5")  # 입력
GREEN = ("#EAF6EC", "#3C8D50")  # 은닉층, 층
ORANGE = ("#FDF0E2", "#C9792B")  # 출력, 예측
RED = ("#FBE9EC", "#B5455A")  # 손실
PURPLE = ("#F1ECF8", "#6B4FA0")  # 옵티마이저
GOLD = ("#FFF8DC", "#B8961E")  # 가중치
GRAY = ("#F5F5F5", "#8A8A8A")  # 틀
INK = "#222222"
MUTED = "#555555"


# ----------------------------------------------------------------------------- 그리기 도구


def bold(color: str = INK) -> dict:
    """굵은 한글. 내장 NanumGothic에는 굵은 글꼴 파일이 없어서 글자 테두리를 살짝 덧그려 굵게 보이게 한다."""
    return {"color": color, "path_effects": [patheffects.withStroke(linewidth=0.8, foreground=color)]}


def new_figure(width: float, height: float):
    """축 단위가 인치인 빈 그림 (좌표 (0, 0)이 왼쪽 아래)."""
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def box(ax, cx, cy, w, h, colors, text=None, size=12, strong=False, dashed=False, radius=0.12):
    """가운데가 (cx, cy)인 둥근 상자. text가 있으면 가운데에 쓴다."""
    face, edge = colors
    patch = FancyBboxPatch(
        (cx - w / 2, cy - h / 2),
        w,
        h,
        boxstyle=f"round,pad=0,rounding_size={radius}",
        facecolor=face,
        edgecolor=edge,
        linewidth=1.6,
        linestyle=(0, (5, 3)) if dashed else "-",
    )
    ax.add_patch(patch)
    if text is not None:
        style = bold() if strong else {"color": INK}
        ax.text(cx, cy, text, ha="center", va="center", fontsize=size, linespacing=1.4, **style)
    return patch


def arrow(ax, start, end, color=INK, patch_a=None, patch_b=None, lw=1.6, rad=0.0, style="-|>", ls="-"):
    """start에서 end로 가는 화살표. patch_a/patch_b를 주면 상자 테두리에서 시작하고 끝난다."""
    art = FancyArrowPatch(
        start,
        end,
        patchA=patch_a,
        patchB=patch_b,
        arrowstyle=style,
        mutation_scale=16,
        linewidth=lw,
        linestyle=ls,
        color=color,
        shrinkA=2,
        shrinkB=2,
        connectionstyle=f"arc3,rad={rad}",
    )
    ax.add_patch(art)
    return art


def save(fig, name: str) -> Path:
    """PNG로 저장한다. 실행할 때마다 같은 바이트가 나오도록 'Software' 메타데이터를 뺀다."""
    path = OUT_DIR / name
    fig.savefig(path, dpi=DPI, facecolor="white", metadata={"Software": None})
    plt.close(fig)
    return path


# ----------------------------------------------------------------------------- 그림 1: Sequential


def sequential_layers() -> Path:
    """노트의 02.jpg: Sequential()을 만들고 add()로 층을 차례로 쌓는다 (01_sequential_dense)."""
    fig, ax = new_figure(9.0, 6.6)
    box(ax, 4.5, 3.3, 8.6, 6.35, GRAY, dashed=True, radius=0.2)
    ax.text(0.45, 6.15, "model = keras.Sequential()", family=MONO, fontsize=14, weight="bold", va="center",
            color=INK)
    ax.text(0.45, 5.7, "빈 모델을 만든 뒤, model.add(...)로 층을 위에서 아래로 한 층씩 쌓습니다.", fontsize=11.5,
            va="center", color=MUTED)

    layers = [
        ("① 입력층", "model.add(keras.Input(shape=(17,)))", "특성(열) 17개를 받습니다 · 파라미터 0개", BLUE),
        ("② 은닉층 1", 'model.add(layers.Dense(100, activation="relu"))',
         "노드 100개 · 파라미터 17×100 + 100 = 1,800개", GREEN),
        ("③ 은닉층 2", 'model.add(layers.Dense(40, activation="relu"))',
         "노드 40개 · 파라미터 100×40 + 40 = 4,040개", GREEN),
        ("④ 출력층", 'model.add(layers.Dense(1, activation="sigmoid"))',
         "노드 1개: 0~1 사이의 확률 · 파라미터 40×1 + 1 = 41개", ORANGE),
    ]
    shapes = ["(None, 17)", "(None, 100)", "(None, 40)"]
    top, step, h = 4.85, 1.2, 0.82
    for i, (name, code_line, detail, colors) in enumerate(layers):
        cy = top - i * step
        box(ax, 4.5, cy, 8.0, h, colors)
        box(ax, 1.55, cy, 1.9, h - 0.2, ("white", colors[1]), name, size=12.5, strong=True, radius=0.08)
        ax.text(2.75, cy + 0.16, code_line, family=MONO, fontsize=11, va="center", color=INK)
        ax.text(2.75, cy - 0.2, detail, fontsize=10.5, va="center", color=MUTED)
    for i, shape in enumerate(shapes):
        upper = top - i * step - h / 2
        arrow(ax, (4.5, upper), (4.5, upper - (step - h)), lw=1.8)
        ax.text(4.65, upper - (step - h) / 2, f"출력 모양 {shape}", fontsize=10, va="center", color=MUTED)

    ax.text(0.45, 0.42, "노트의 옛 코드  model.add(Dense(100, input_dim=17, activation='relu'))  는 ①과 ②를 한 줄로 "
            "씁니다.\nKeras 3에서는 경고가 나므로 입력은 keras.Input(shape=(17,))으로 따로 적습니다.",
            fontsize=10.5, va="center", color=MUTED, linespacing=1.5)
    return save(fig, "sequential_layers.png")


# ----------------------------------------------------------------------------- 그림 2: 노드 하나


def dense_neuron() -> Path:
    """노트의 03.jpg: 은닉층 노드 하나가 출력값을 만드는 과정 (01_sequential_dense)."""
    fig, ax = new_figure(9.0, 5.8)
    dy = 0.25  # 아래쪽 수식 자리를 비우려고 도식 전체를 조금 올린다
    # 노드 하나를 두르는 틀
    box(ax, 5.75, 3.05 + dy, 4.3, 3.3, GRAY, dashed=True, radius=0.2)
    ax.text(3.75, 4.45 + dy, "은닉층의 노드 하나", fontsize=12, va="center", **bold(MUTED))

    # 입력값
    ax.text(0.85, 5.2 + dy, "입력값\n(특성 n개)", fontsize=12, ha="center", va="center", linespacing=1.3, **bold())
    inputs = {}
    for key, y in {"1": 4.25, "2": 3.35, "n": 1.55}.items():
        circle = Circle((0.85, y + dy), 0.34, facecolor=BLUE[0], edgecolor=BLUE[1], linewidth=1.6)
        ax.add_patch(circle)
        ax.text(0.85, y + dy, f"$x_{{{key}}}$", fontsize=15, ha="center", va="center", color=INK)
        inputs[key] = circle
    ax.text(0.85, 2.5 + dy, "⋮", fontsize=20, ha="center", va="center", color=INK)

    # 가중합 노드
    sum_xy = (4.7, 2.75 + dy)
    total = Circle(sum_xy, 0.5, facecolor=GREEN[0], edgecolor=GREEN[1], linewidth=1.8)
    ax.add_patch(total)
    ax.text(*sum_xy, r"$\Sigma$", fontsize=22, ha="center", va="center", color=INK)
    ax.text(4.7, 1.9 + dy, "가중합 z", fontsize=11.5, ha="center", va="center", color=INK)

    # 입력마다 가중치를 곱해 가중합 노드로 (가중치 글자는 화살표 가운데의 조금 위)
    for key, circle in inputs.items():
        arrow(ax, circle.center, sum_xy, patch_a=circle, patch_b=total, color=GOLD[1], lw=1.8)
        (x1, y1), (x2, y2) = circle.center, sum_xy
        mx, my = x1 + 0.55 * (x2 - x1), y1 + 0.55 * (y2 - y1)
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        nx, ny = -(y2 - y1) / length, (x2 - x1) / length  # 화살표에 수직인 방향(위쪽)
        ax.text(mx + 0.22 * nx, my + 0.22 * ny, f"$\\times\\, w_{{{key}}}$", fontsize=14, ha="center",
                va="center", color=GOLD[1])
    ax.text(1.4, 1.05 + dy, "가중치 w: 처음에는 임의(random)의 값,\n학습하면서 조금씩 고쳐집니다", fontsize=10.5,
            ha="left", va="center", color=GOLD[1], linespacing=1.4)

    # 편향
    box(ax, 4.7, 4.0 + dy, 1.0, 0.5, GOLD, "+ 편향 b", size=11.5)
    arrow(ax, (4.7, 3.75 + dy), sum_xy, patch_b=total, color=GOLD[1], lw=1.8)

    # 활성화 함수 (작은 relu 그래프를 상자 안에)
    act_cx, act_cy, act_w, act_h = 6.75, 2.75 + dy, 1.3, 1.1
    act = box(ax, act_cx, act_cy, act_w, act_h, ORANGE)
    x0, y0 = act_cx - 0.42, act_cy - 0.3
    ax.plot([x0 - 0.05, x0 + 0.9], [y0, y0], color=MUTED, linewidth=0.8)
    ax.plot([x0, x0 + 0.42, x0 + 0.84], [y0, y0, y0 + 0.62], color=ORANGE[1], linewidth=2.4,
            solid_capstyle="round")
    ax.text(act_cx, act_cy + act_h / 2 + 0.22, "활성화 함수", fontsize=11.5, ha="center", va="center", color=INK)
    ax.text(act_cx, act_cy - act_h / 2 - 0.22, "relu", family=MONO, fontsize=12, ha="center", va="center",
            color=INK)
    arrow(ax, sum_xy, (act_cx, act_cy), patch_a=total, patch_b=act, lw=1.8)

    # 출력값
    out = Circle((8.45, 2.75 + dy), 0.36, facecolor=ORANGE[0], edgecolor=ORANGE[1], linewidth=1.6)
    ax.add_patch(out)
    ax.text(8.45, 2.75 + dy, "$y$", fontsize=16, ha="center", va="center", color=INK)
    ax.text(8.45, 3.4 + dy, "출력값", fontsize=12, ha="center", va="center", **bold())
    arrow(ax, (act_cx, act_cy), out.center, patch_a=act, patch_b=out, lw=1.8)

    # 수식과 설명
    ax.text(4.5, 0.72, r"$y = \mathrm{relu}(w_1x_1 + w_2x_2 + \cdots + w_nx_n + b)"
            r" = \mathrm{relu}(\mathbf{w}\cdot\mathbf{x} + b)$", fontsize=15, ha="center", va="center", color=INK)
    ax.text(4.5, 0.27, "Dense(100, activation='relu') 층에는 이런 노드가 100개: 노드마다 가중치 n개 + 편향 1개",
            fontsize=10.5, ha="center", va="center", color=MUTED)
    return save(fig, "dense_neuron.png")


# ----------------------------------------------------------------------------- 그림 3: 손실 함수


def loss_functions() -> Path:
    """노트의 05_3.jpg: 과제에 따라 고르는 손실 함수 (03_compile, 09_loss_selection)."""
    fig, ax = new_figure(9.0, 4.9)
    # (가운데 x, 폭, 제목)
    task_col, loss_col, layer_col = (1.45, 2.6, "과제와 예"), (4.65, 2.95, "손실 함수 (compile의 loss=)"), \
        (7.65, 2.4, "짝이 되는 마지막 층")
    for cx, _, title in (task_col, loss_col, layer_col):
        ax.text(cx, 4.55, title, fontsize=12.5, ha="center", va="center", **bold())
    ax.plot([0.15, 8.85], [4.28, 4.28], color=GRAY[1], linewidth=1.0)

    rows = [
        ("수치 예측 (회귀)", "예) 매출액", '"mse"', "평균 제곱 오차\n(mean squared error)", "Dense(1)",
         "활성화 함수 없음", BLUE),
        ("이진 분류", "예) 참/거짓, 0/1, 생존/사망,\n합격/불합격", '"binary_crossentropy"', "이진 교차 엔트로피",
         'Dense(1,\n activation="sigmoid")', "0~1 확률 1개", GREEN),
        ("다중 분류", "예) 품종 분류, 자동차의 종류,\n등급 분류", '"categorical_crossentropy"', "범주형 교차 엔트로피",
         'Dense(n,\n activation="softmax")', "n = 클래스 수, 합이 1인 확률 n개", ORANGE),
    ]
    top, step, h = 3.55, 1.25, 1.05
    for i, (task, example, loss, loss_ko, layer, layer_ko, colors) in enumerate(rows):
        cy = top - i * step
        task_box = box(ax, task_col[0], cy, task_col[1], h, colors)
        ax.text(task_col[0], cy + 0.25, task, fontsize=13, ha="center", va="center", **bold())
        ax.text(task_col[0], cy - 0.2, example, fontsize=10, ha="center", va="center", color=MUTED,
                linespacing=1.3)
        loss_box = box(ax, loss_col[0], cy, loss_col[1], h, RED)
        ax.text(loss_col[0], cy + 0.2, loss, family=MONO, fontsize=11.5, weight="bold", ha="center",
                va="center", color=INK)
        ax.text(loss_col[0], cy - 0.22, loss_ko, fontsize=10.5, ha="center", va="center", color=MUTED,
                linespacing=1.25)
        layer_box = box(ax, layer_col[0], cy, layer_col[1], h, ("white", colors[1]))
        ax.text(layer_col[0], cy + 0.15, layer, family=MONO, fontsize=10, ha="center", va="center", color=INK,
                linespacing=1.3)
        ax.text(layer_col[0], cy - 0.35, layer_ko, fontsize=9.5, ha="center", va="center", color=MUTED)
        arrow(ax, (task_col[0], cy), (loss_col[0], cy), patch_a=task_box, patch_b=loss_box, lw=1.8)
        arrow(ax, (loss_col[0], cy), (layer_col[0], cy), patch_a=loss_box, patch_b=layer_box, lw=1.2,
              style="-", color=MUTED, ls=(0, (3, 2)))

    ax.text(0.15, 0.3, "타깃이 원-핫 벡터가 아니라 정수(0, 1, 2, ...)이면  loss=\"sparse_categorical_crossentropy\"  "
            "(마지막 층은 같음)", fontsize=10, va="center", color=MUTED)
    return save(fig, "loss_functions.png")


# ----------------------------------------------------------------------------- 그림 4: 학습 한 단계


def network_layers_loss_optimizer() -> Path:
    """노트의 05_4.jpg ([01] 13): 네트워크, 층, 손실 함수, 옵티마이저의 관계 (09_loss_selection)."""
    fig, ax = new_figure(9.0, 7.6)
    cx = 4.2  # 가운데 줄 (입력 -> 층 -> 층 -> 예측)

    x_box = box(ax, cx, 7.05, 2.2, 0.6, BLUE, "입력 $X$", size=13, strong=True)

    # 층과 가중치
    box(ax, 1.35, 5.05, 2.2, 2.65, GOLD, dashed=True, radius=0.15)
    ax.text(1.35, 6.12, "가중치 (weights)", fontsize=11.5, ha="center", va="center", **bold(GOLD[1]))
    layer_rows = [5.6, 4.25]
    layer_boxes = []
    for y in layer_rows:
        layer = box(ax, cx, y, 2.7, 0.9, GREEN)
        ax.text(cx, y + 0.15, "층", fontsize=13, ha="center", va="center", **bold())
        ax.text(cx, y - 0.2, "(데이터 변환)", fontsize=11, ha="center", va="center", color=MUTED)
        weights = box(ax, 1.35, y - 0.05, 1.6, 0.62, ("white", GOLD[1]), "가중치 W, b", size=11)
        arrow(ax, (1.35, y - 0.05), (cx, y), patch_a=weights, patch_b=layer, color=GOLD[1], lw=1.4, style="-")
        layer_boxes.append(layer)
    arrow(ax, (cx, 7.05), (cx, layer_rows[0]), patch_a=x_box, patch_b=layer_boxes[0], lw=1.8)
    arrow(ax, (cx, layer_rows[0]), (cx, layer_rows[1]), patch_a=layer_boxes[0], patch_b=layer_boxes[1], lw=1.8)

    # 층 묶음 오른쪽의 괄호와 코드
    bx, top, bottom = 5.8, 6.05, 3.8
    ax.plot([bx, bx + 0.12, bx + 0.12, bx], [top, top, bottom, bottom], color=GREEN[1], linewidth=1.4)
    ax.text(bx + 0.3, 5.25, "model = keras.Sequential([...])", family=MONO, fontsize=10, va="center",
            color=GREEN[1])
    ax.text(bx + 0.3, 4.92, "층을 쌓아 만든 네트워크", fontsize=10.5, va="center", color=MUTED)
    ax.text(bx + 0.3, 4.6, "X에서 예측을 계산: model.predict(X)", fontsize=10.5, va="center", color=MUTED)

    # 예측과 타깃
    pred = box(ax, cx, 2.9, 2.2, 0.6, ORANGE, r"예측 $\hat{Y}$", size=13, strong=True)
    truth = box(ax, 7.3, 2.9, 2.2, 0.6, BLUE, "타깃 $Y$", size=13, strong=True)
    arrow(ax, (cx, layer_rows[1]), (cx, 2.9), patch_a=layer_boxes[1], patch_b=pred, lw=1.8)

    # 손실 함수와 손실 점수
    loss_cx = 5.75
    loss = box(ax, loss_cx, 1.7, 2.5, 0.8, RED)
    ax.text(loss_cx, 1.86, "손실 함수", fontsize=13, ha="center", va="center", **bold())
    ax.text(loss_cx, 1.5, 'compile(loss=...)', family=MONO, fontsize=9.5, ha="center", va="center", color=RED[1])
    arrow(ax, (cx, 2.9), (loss_cx, 1.7), patch_a=pred, patch_b=loss, lw=1.8)
    arrow(ax, (7.3, 2.9), (loss_cx, 1.7), patch_a=truth, patch_b=loss, lw=1.8)
    score = box(ax, loss_cx, 0.5, 2.5, 0.6, RED, "손실 점수 (loss)", size=12.5)
    arrow(ax, (loss_cx, 1.7), (loss_cx, 0.5), patch_a=loss, patch_b=score, lw=1.8)

    # 옵티마이저와 가중치 업데이트
    opt = box(ax, 1.35, 0.5, 2.3, 0.8, PURPLE)
    ax.text(1.35, 0.66, "옵티마이저", fontsize=13, ha="center", va="center", **bold())
    ax.text(1.35, 0.3, 'compile(optimizer=...)', family=MONO, fontsize=9.5, ha="center", va="center",
            color=PURPLE[1])
    arrow(ax, (loss_cx, 0.5), (1.35, 0.5), patch_a=score, patch_b=opt, lw=1.8)
    arrow(ax, (1.35, 0.92), (1.35, 3.7), color=PURPLE[1], lw=2.4)
    ax.text(1.5, 2.3, "가중치\n업데이트", fontsize=11.5, ha="left", va="center", linespacing=1.3,
            **bold(PURPLE[1]))

    # 전체가 fit의 한 단계
    ax.text(8.85, 7.25, "model.fit(X, Y)", family=MONO, fontsize=11, weight="bold", ha="right", va="center",
            color=INK)
    ax.text(8.85, 6.9, "배치마다 이 한 바퀴를 반복", fontsize=10.5, ha="right", va="center", color=MUTED)
    return save(fig, "network_layers_loss_optimizer.png")


def main() -> None:
    helpers.set_korean_font()
    for draw in (sequential_layers, dense_neuron, loss_functions, network_layers_loss_optimizer):
        path = draw()
        print(f"그림 저장: images/{path.name}")


if __name__ == "__main__":
    main()
