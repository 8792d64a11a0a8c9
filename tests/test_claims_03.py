"""`03_compile`의 글이 말하는 것이 커밋된 출력과 맞는지 (숫자에 기대는 주장마다 하나씩)."""

import re
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import cell_text as text
from notebook_outputs import score_table as table

PATH = Path(__file__).resolve().parent.parent / "notebooks" / "03_compile.ipynb"


@pytest.fixture(scope="module")
def cells():
    return {cell.id: cell for cell in nbformat.read(PATH, as_version=4).cells}


def test_compile_does_not_train(cells):
    assert "가중치를 바꾼 횟수: 0" in text(cells["3ebd1cac"])


def test_hand_computed_losses_match_keras(cells):
    mse = text(cells["1dd3977e"])
    assert "손으로: 141.6667" in mse and "Keras: 141.6667" in mse
    bce = text(cells["75003d91"])
    per_sample = [float(v) for v in re.search(r"샘플별 손실: \[([^\]]+)\]", bce)[1].split()]
    assert max(per_sample) == per_sample[2]  # 셋째 샘플의 손실이 가장 크다
    assert "손으로 평균: 0.4149" in bce and "Keras: 0.4149" in bce
    cce = text(cells["55858139"])
    assert cce.count("= 0.3567") == 3  # 손계산, categorical, sparse가 같은 값
    assert "훈련: (142, 13)" in cce


def test_regression_beats_the_mean(cells):
    out = text(cells["1e77e363"])
    losses = [int(v) for v in re.search(r"훈련 손실\(mse\): \[([^\]]+)\]", out)[1].split()]
    assert all(b < a for a, b in zip(losses, losses[1:], strict=False))  # 에포크마다 줄고
    rmse = table(cells["1e77e363"])
    assert rmse["Keras 모델"] < 0.8 * rmse["평균 예측"]  # 훨씬 낮다


def test_learning_rate_story(cells):
    rows = {}
    for lr, first, last, ups, acc in re.findall(
        r"학습률 ([\d.]+)\s*: 손실 ([\d.]+) → ([\d.]+), 손실이 커진 에포크 (\d+)번, 시험 정확도 ([\d.]+)",
        text(cells["c8bfb55e"]),
    ):
        rows[float(lr)] = (float(first), float(last), int(ups), float(acc))
    assert set(rows) == {0.001, 0.005, 0.3}
    assert rows[0.001][2] == 0 and rows[0.001][1] > rows[0.005][1]  # 꾸준히 줄지만 덜 내려감
    assert rows[0.3][2] >= 1 and rows[0.3][1] > rows[0.005][1]  # 오르내리고 마지막 손실도 높다
    majority = table(cells["614f0f9f"])["다수 클래스"]
    assert all(acc > majority + 0.2 for *_, acc in rows.values())


def test_one_dimensional_descent(cells):
    out = text(cells["78208b77"])
    final = {float(lr): float(v) for lr, v in re.findall(r"학습률 ([\d.]+)\s*: 20걸음 뒤 L\(w\) = ([\d.]+)", out)}
    assert 3 < final[0.01] < 6  # 출발점 9의 절반쯤
    assert final[0.1] < final[0.95] < 9  # 0.95는 0.1보다 느리게 내려간다
    assert final[1.1] > 9  # 발산


def test_regression_accuracy_is_zero_and_rmse_matches(cells):
    out = text(cells["63ee3420"])
    assert "[0. 0. 0. 0. 0. 0. 0. 0. 0. 0.]" in out and "BinaryAccuracy" in out
    rmse = float(re.search(r"'root_mean_squared_error': ([\d.]+)", text(cells["4bca7292"]))[1])
    assert abs(rmse - table(cells["1e77e363"])["Keras 모델"]) < 0.01


def test_categorical_and_sparse_train_alike(cells):
    out = text(cells["952e1f95"])
    assert float(re.search(r"손실의 최대 차이: ([\d.e+-]+)", out)[1]) < 1e-5
    assert float(re.search(r"확률의 최대 차이: ([\d.e+-]+)", out)[1]) < 1e-5


def test_keras_sgd_matches_hand_descent(cells):
    keras_line, hand_line = text(cells["e252351e"]).splitlines()[:2]
    assert keras_line.split(":", 1)[1].split() == hand_line.split(":", 1)[1].split()


def test_valley_comparison(cells):
    lines = text(cells["3f56e977"]).splitlines()
    header = lines[1].split()[1:]
    rows = {}
    for line in lines[3:6]:
        words = line.split()
        name, values = words[: len(words) - len(header)], words[len(words) - len(header):]
        rows[" ".join(name)] = dict(zip(header, map(float, values), strict=True))
    for lr in header:  # 두 학습률 모두에서 SGD가 가장 높다
        assert rows["SGD"][lr] > max(rows["모멘텀 0.9"][lr], rows["Adam"][lr])
    assert rows["모멘텀 0.9"]["0.9"] > rows["모멘텀 0.9"]["0.5"]


def test_accuracy_metric_choice(cells):
    out = text(cells["f60f7ef2"])
    assert "BinaryAccuracy" in out and "CategoricalAccuracy" in out
    for keras_acc, direct in re.findall(r"evaluate ([\d.]+) \| 직접 센 정확도 ([\d.]+)", out):
        assert keras_acc == direct
