"""helpers.plot_history: 노트 [01] 7과 [03]의 이중 축 그래프."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402

HIST = {
    "loss": [0.9, 0.6, 0.4],
    "accuracy": [0.5, 0.7, 0.8],
    "val_loss": [1.0, 0.7, 0.6],
    "val_accuracy": [0.4, 0.6, 0.7],
}


class FakeHistory:
    def __init__(self, history):
        self.history = history


def lines_of(fig):
    return {line.get_label(): list(line.get_ydata()) for ax in fig.axes for line in ax.get_lines()}


def test_twin_axes_with_train_and_validation_curves():
    helpers.set_korean_font()
    fig = helpers.plot_history(FakeHistory(HIST))
    assert len(fig.axes) == 2  # 왼쪽 손실 축 + 오른쪽 정확도 축
    lines = lines_of(fig)
    assert lines["훈련 손실"] == HIST["loss"]
    assert lines["검증 손실"] == HIST["val_loss"]
    assert lines["훈련 정확도"] == HIST["accuracy"]
    assert lines["검증 정확도"] == HIST["val_accuracy"]
    assert fig.axes[0].get_xlabel() == "에포크(epoch)"
    plt.close(fig)


def test_legacy_acc_key_and_plain_dict():
    fig = helpers.plot_history({"loss": [1.0, 0.5], "acc": [0.2, 0.9]})
    assert lines_of(fig)["훈련 정확도"] == [0.2, 0.9]
    plt.close(fig)


def test_loss_only_draws_one_axis():
    fig = helpers.plot_history({"loss": [3.0, 2.0], "val_loss": [3.5, 2.5]})
    assert len(fig.axes) == 1
    plt.close(fig)


def test_missing_metric_lists_existing_keys():
    with pytest.raises(helpers.HistoryKeyError) as info:
        helpers.plot_history(HIST, metric="auc")
    message = str(info.value)
    assert "'auc' 키가 없습니다" in message
    assert "accuracy, loss, val_accuracy, val_loss" in message


def test_missing_loss_is_reported():
    with pytest.raises(KeyError, match="'loss' 키가 없습니다. 있는 키: acc"):
        helpers.plot_history({"acc": [0.1]})


def test_wrong_type_is_reported():
    with pytest.raises(TypeError, match="History 객체"):
        helpers.plot_history([0.1, 0.2])


def test_mark_epoch_draws_a_labelled_line_in_the_single_legend():
    fig = helpers.plot_history(HIST, mark_epoch=2)
    labels = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    assert labels == ["훈련 손실", "검증 손실", "표시한 에포크 (2)", "훈련 정확도", "검증 정확도"]
    assert fig.axes[0].get_legend() is None  # 범례는 하나만
    plt.close(fig)
