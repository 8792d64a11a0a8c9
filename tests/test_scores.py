"""helpers.scores: 모델 점수와 기준선(baseline) 비교."""

import numpy as np
import pytest

import helpers
from helpers import scores


def test_score_accepts_probabilities_onehot_and_labels():
    y = np.array([0, 1, 1, 0])
    assert helpers.score(y, np.array([[0.2], [0.9], [0.4], [0.1]]), "binary") == 0.75
    onehot = np.eye(3)[[0, 1, 2, 2]]
    probs = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.6, 0.2, 0.2]])
    assert helpers.score(onehot, probs, "multiclass") == 0.75
    assert helpers.score([1.0, 2.0], [1.0, 4.0], "regression") == pytest.approx(np.sqrt(2))
    assert helpers.score(np.array([[1, 0], [0, 1]]), np.array([[0.9, 0.2], [0.1, 0.2]]), "multilabel") == 0.75


def test_shape_mismatch_and_bad_task_are_explained():
    with pytest.raises(ValueError, match="모양이 다릅니다"):
        helpers.score([0, 1, 1], [0, 1], "binary")
    with pytest.raises(ValueError, match="task는"):
        helpers.score([0], [0], "classification")


def test_baselines_on_a_known_split():
    X, y = helpers.load_xy("breast_cancer")
    X_train, X_test, y_train, y_test = X[:400], X[400:], y[:400], y[400:]
    base = helpers.baseline_scores(X_train, y_train, X_test, y_test, "binary")
    majority = int(np.bincount(y_train).argmax())
    assert base["다수 클래스"] == pytest.approx(np.mean(y_test == majority))
    assert base["로지스틱 회귀"] > 0.9


def test_regression_baselines():
    X, y = helpers.load_xy("diabetes")
    base = helpers.baseline_scores(X[:300], y[:300], X[300:], y[300:], "regression")
    assert base["평균 예측"] == pytest.approx(np.sqrt(np.mean((y[300:] - y[:300].mean()) ** 2)))
    assert base["릿지 회귀"] < base["평균 예측"]


def test_compare_table_and_machine_readable_record(monkeypatch):
    shown = []
    monkeypatch.setattr(scores, "_display_with_record", lambda table, record: shown.append(record))
    X, y = helpers.load_xy("iris")
    idx = np.arange(len(y))
    train, test = idx % 3 != 0, idx % 3 == 0
    perfect = y[test].to_numpy()
    table = helpers.compare_with_baselines(
        X_train=X[train], y_train=y[train], X_test=X[test], y_test=perfect, y_pred=perfect, task="multiclass"
    )
    assert table.iloc[0, 0] == 1.0 and list(table.index)[0] == "Keras 모델"
    record = shown[0]
    assert record["label"] == "Keras 모델" and record["metric"] == "accuracy"
    assert record["model"] == 1.0 and set(record["baselines"]) == {"다수 클래스", "로지스틱 회귀"}
