"""2차원 데이터에서 분류 모델의 결정 경계(decision boundary) 그리기.

`02_output_layer` 노트북의 6절(은닉층은 왜 필요할까)에서 처음 씁니다.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np


def class1_probability(model, X) -> np.ndarray:
    """클래스 1일 확률을 1차원 배열로 돌려준다.

    scikit-learn 분류기(`predict_proba`가 있는 것)와 Keras 모델(`Dense(1, sigmoid)` 출력) 모두 받는다.
    """
    X = np.asarray(X, dtype="float32")
    if hasattr(model, "predict_proba"):  # scikit-learn
        return np.asarray(model.predict_proba(X))[:, 1]
    proba = np.asarray(model.predict(X, batch_size=len(X), verbose=0))
    return proba.reshape(len(X), -1)[:, -1]


def plot_decision_boundary(model, X, y, ax=None, title: str = "", resolution: int = 150):
    """특성 2개짜리 이진 분류 모델의 결정 경계(확률 0.5인 곳)와 점들을 그린다.

    - model: scikit-learn 분류기 또는 Keras 모델 (출력은 클래스 1일 확률)
    - X, y: 그릴 점들 (보통 시험 데이터)과 그 실제 클래스 0/1
    - 배경색: 모델이 클래스 0(파랑) / 1(주황)이라고 판정하는 영역, 검은 선: 결정 경계
    - 잘못 분류한 점에는 검은 x 표시를 하고, 그 개수를 제목 아래 줄에 적는다

    돌려주는 값: 잘못 분류한 점의 개수
    """
    X = np.asarray(X, dtype="float32")
    y = np.asarray(y).reshape(-1)
    ax = ax if ax is not None else plt.gca()
    pad = 0.5
    xs = np.linspace(X[:, 0].min() - pad, X[:, 0].max() + pad, resolution)
    ys = np.linspace(X[:, 1].min() - pad, X[:, 1].max() + pad, resolution)
    gx, gy = np.meshgrid(xs, ys)
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    proba = class1_probability(model, grid).reshape(gx.shape)

    ax.contourf(gx, gy, proba, levels=[0, 0.5, 1], colors=["#c6dbef", "#fdd0a2"], alpha=0.8)
    ax.contour(gx, gy, proba, levels=[0.5], colors="black", linewidths=1.5)
    wrong = (class1_probability(model, X) > 0.5).astype(int) != y
    for cls, color in ((0, "#1f77b4"), (1, "#ff7f0e")):
        mine = y == cls
        ax.scatter(X[mine, 0], X[mine, 1], s=14, color=color, edgecolors="white", linewidths=0.4,
                   label=f"실제 클래스 {cls}")
    ax.scatter(X[wrong, 0], X[wrong, 1], s=40, marker="x", color="black", linewidths=1.2,
               label="틀린 점")
    ax.set_title(f"{title}\n점 {len(y)}개 중 틀린 점 {int(wrong.sum())}개")
    ax.set_xlabel("x1 (표준화)")
    ax.set_ylabel("x2 (표준화)")
    ax.set_xlim(xs[0], xs[-1])
    ax.set_ylim(ys[0], ys[-1])
    return int(wrong.sum())
