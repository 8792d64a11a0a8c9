"""학습 과정 그래프 (강의 노트 [01] 7과 [03]의 이중 축 그래프).

`05_history_chart` 노트북에서 자세히 다루고, `04_fit` 이후 여러 노트북에서 씁니다.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator


class HistoryKeyError(KeyError):
    """history에 없는 키를 요청했을 때."""

    def __str__(self) -> str:  # KeyError는 메시지를 따옴표로 감싸므로 그대로 보여 준다
        return str(self.args[0])


def _as_dict(history) -> dict:
    if isinstance(history, Mapping):
        return dict(history)
    if hasattr(history, "history") and isinstance(history.history, Mapping):
        return dict(history.history)
    raise TypeError(
        "plot_history에는 model.fit()이 돌려준 History 객체나 그 .history 딕셔너리를 넘기세요 "
        f"(받은 것: {type(history).__name__})."
    )


def _pick_metric(hist: dict, metric: str | None) -> str | None:
    if metric is None:  # 자동: 정확도가 있으면 그것 (옛 Keras의 'acc'도 인식)
        for key in ("accuracy", "acc"):
            if key in hist:
                return key
        return None
    if metric in hist:
        return metric
    if metric in ("acc", "accuracy"):
        other = "accuracy" if metric == "acc" else "acc"
        if other in hist:
            return other
    raise HistoryKeyError(
        f"history에 '{metric}' 키가 없습니다. 있는 키: {', '.join(sorted(hist)) or '(없음)'}. "
        "compile(metrics=[...])에 넣은 이름을 쓰세요 (Keras 3에서는 'acc'가 아니라 'accuracy')."
    )


def plot_history(
    history,
    metric: str | None = None,
    title: str = "학습 과정",
    loss_ylim=None,
    ax=None,
    mark_epoch=None,
    mark_label: str = "표시한 에포크",
):
    """왼쪽 축에 손실(loss), 오른쪽 축에 평가 지표(기본: 정확도)를 그린다. 검증 곡선이 있으면 함께.

    - history: `model.fit()`의 반환값 또는 `history.history` 딕셔너리
    - metric: 오른쪽 축에 그릴 지표 이름. None이면 'accuracy'(또는 'acc')가 있을 때만 그린다
    - loss_ylim: 손실 축 범위 (예: (0, 1)). None이면 자동
    - mark_epoch: 세로 점선으로 표시할 에포크 번호 (1부터; 예: 검증 손실이 가장 낮았던 에포크)
    - mark_label: 그 점선의 범례 이름 (예: '최적 에포크')
    그린 Figure를 돌려준다.
    """
    hist = _as_dict(history)
    if "loss" not in hist:
        raise HistoryKeyError(
            f"history에 'loss' 키가 없습니다. 있는 키: {', '.join(sorted(hist)) or '(없음)'}."
        )
    metric = _pick_metric(hist, metric)
    epochs = range(1, len(hist["loss"]) + 1)

    if ax is None:
        fig, loss_ax = plt.subplots(figsize=(9, 4.5))
    else:
        loss_ax, fig = ax, ax.figure
    loss_ax.plot(epochs, hist["loss"], color="tab:orange", label="훈련 손실")
    if "val_loss" in hist:
        loss_ax.plot(epochs, hist["val_loss"], color="tab:red", linestyle="--", label="검증 손실")
    loss_ax.set_xlabel("에포크(epoch)")
    loss_ax.set_ylabel("손실(loss)")
    if loss_ylim is not None:
        loss_ax.set_ylim(loss_ylim)
    if mark_epoch is not None:
        loss_ax.axvline(mark_epoch, color="gray", linestyle=":", linewidth=2, label=f"{mark_label} ({mark_epoch})")
    top_ax = loss_ax

    if metric is not None:
        acc_ax = loss_ax.twinx()  # x축을 공유하는 오른쪽 y축
        acc_ax.grid(False)
        label = "정확도" if metric in ("accuracy", "acc") else metric
        acc_ax.plot(epochs, hist[metric], color="tab:blue", label=f"훈련 {label}")
        if f"val_{metric}" in hist:
            acc_ax.plot(
                epochs, hist[f"val_{metric}"], color="tab:green", linestyle="--", label=f"검증 {label}"
            )
        if metric in ("accuracy", "acc"):
            acc_ax.set_ylim(0.0, 1.02)  # 정확도 1.0인 곡선이 위 테두리에 묻히지 않도록 조금 여유
            acc_ax.set_yticks([0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
        acc_ax.set_ylabel(f"{label}({metric})", labelpad=10)
        top_ax = acc_ax
    # 두 축의 범례를 맨 위 축에 하나로 모은다 (아래 축의 범례는 위 축의 선에 가려진다)
    handles = [h for a in fig.axes if a in (loss_ax, top_ax) for h in a.get_legend_handles_labels()[0]]
    top_ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=len(handles), frameon=False)
    loss_ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # 에포크는 정수
    loss_ax.set_title(title)
    fig.tight_layout()
    return fig
