"""경사 하강법 그림: 가중치 하나짜리 손실 L(w)에서 학습률마다 w가 지나간 길(`plot_descent_1d`),
가중치 두 개짜리 골짜기에서 옵티마이저마다 지나간 길(`plot_valley_paths`).

`03_compile` 노트북 3절(과 더 알아보기)에서 씁니다. 경사 하강법 계산 자체는 노트북 셀에 있고,
여기에는 그림 그리는 배관만 둡니다.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FormatStrFormatter, MaxNLocator, NullFormatter


def plot_descent_1d(
    loss_fn: Callable,
    paths: Mapping[float, Iterable[float]],
    minimum: float,
    on_curve: Iterable[float] | None = None,
    curve_steps: int = 6,
    xlim: tuple[float, float] = (-1.5, 7.5),
):
    """왼쪽: 손실 곡선 L(w) 위에 w가 지나간 점들. 오른쪽: 걸음마다의 손실 (로그 눈금).

    - loss_fn: w(NumPy 배열)를 받아 손실을 돌려주는 함수
    - paths: {학습률: 지나간 w들 (시작점 포함)}
    - minimum: 손실이 가장 작은 w (점선으로 표시)
    - on_curve: 왼쪽 그림에 길을 그릴 학습률들 (기본: 전부). 처음 curve_steps걸음만 그린다.
    """
    paths = {lr: np.asarray(path, dtype=float) for lr, path in paths.items()}
    on_curve = list(paths) if on_curve is None else list(on_curve)
    colors = dict(zip(paths, plt.rcParams["axes.prop_cycle"].by_key()["color"], strict=False))

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    grid = np.linspace(*xlim, 200)
    left.plot(grid, loss_fn(grid), color="0.6", linewidth=2, label="손실 L(w)")
    for lr in on_curve:
        w = paths[lr][: curve_steps + 1]
        left.plot(w, loss_fn(w), marker="o", color=colors[lr], label=f"학습률 {lr:g}")
    start = paths[on_curve[0]][0]
    left.annotate("시작", (start, loss_fn(start)), textcoords="offset points", xytext=(6, 4))
    left.axvline(minimum, color="0.3", linestyle=":", linewidth=1)
    left.set_xlim(*xlim)
    left.set_ylim(bottom=0)
    left.set_title(f"손실 곡선 위의 처음 {curve_steps}걸음")
    left.set_xlabel("가중치 w")
    left.set_ylabel("손실 L(w)")
    left.legend(loc="upper center")

    for lr, w in paths.items():
        right.plot(range(len(w)), loss_fn(w), marker=".", color=colors[lr], label=f"학습률 {lr:g}")
    right.set_yscale("log")
    right.yaxis.set_major_formatter(FormatStrFormatter("%g"))  # 10⁻² 대신 0.01처럼
    right.yaxis.set_minor_formatter(NullFormatter())
    right.xaxis.set_major_locator(MaxNLocator(integer=True))
    right.set_title("걸음마다의 손실 (로그 눈금)")
    right.set_xlabel("걸음(갱신 횟수)")
    right.set_ylabel("손실 L(w)")
    right.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.tight_layout()
    plt.show()


def plot_valley_paths(
    loss_fn: Callable,
    paths: Mapping[str, Iterable],
    xlim: tuple[float, float] = (-9.0, 3.0),
    ylim: tuple[float, float] = (-2.2, 2.2),
):
    """가중치 두 개짜리 손실의 등고선 위에 옵티마이저마다 지나간 길을 그린다 (`03_compile` 더 알아보기).

    - loss_fn: w = [w₁, w₂](각각 NumPy 배열이어도 됨)를 받아 손실을 돌려주는 함수
    - paths: {이름: 지나간 (w₁, w₂)들, 모양 (걸음 수 + 1, 2)}
    """
    grid1, grid2 = np.meshgrid(np.linspace(*xlim, 300), np.linspace(*ylim, 200))
    fig, axes = plt.subplots(1, len(paths), figsize=(5 * len(paths), 3.6), sharey=True, squeeze=False)
    for ax, (name, path) in zip(axes[0], paths.items(), strict=True):
        path = np.asarray(path, dtype=float)
        ax.contour(grid1, grid2, loss_fn(np.stack([grid1, grid2])), levels=12, colors="0.75", linewidths=0.8)
        ax.plot(path[:, 0], path[:, 1], marker="o", markersize=3, linewidth=1.2, color="C3")
        ax.plot(*path[0], marker="s", color="black")
        ax.plot(0, 0, marker="*", markersize=12, color="C2")
        ax.set_title(f"{name}\n{len(path) - 1}걸음 뒤 손실 {float(loss_fn(path[-1])):.4f}")
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_xlabel("w₁ (완만한 방향)")
    axes[0][0].set_ylabel("w₂ (가파른 방향)")
    fig.tight_layout()
    plt.show()
