"""`02_output_layer`의 글이 말하는 것이 커밋된 출력과 맞는지 (숫자에 기대는 주장마다 하나씩)."""

import re
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import cell_text as text
from notebook_outputs import score_table as table

PATH = Path(__file__).resolve().parent.parent / "notebooks" / "02_output_layer.ipynb"


@pytest.fixture(scope="module")
def cells():
    return {cell.id: cell for cell in nbformat.read(PATH, as_version=4).cells}


def test_standardization_gives_mean_0_std_1(cells):
    out = text(cells["159cd5b6"])
    assert "표준화 후 평균: [0. 0. 0. 0.] | 표준편차: [1. 1. 1. 1.]" in out


def test_regression_beats_the_mean_and_is_close_to_ridge(cells):
    rmse = table(cells["149bfcfe"])
    assert rmse["Keras 모델"] < 0.8 * rmse["평균 예측"]  # "훨씬 낫고"
    assert abs(rmse["Keras 모델"] - rmse["릿지 회귀"]) < 0.05 * rmse["릿지 회귀"]  # "릿지 회귀와 비슷"


def test_binary_beats_majority_and_is_close_to_logistic_regression(cells):
    acc = table(cells["6f9bf07b"])
    assert acc["Keras 모델"] > acc["다수 클래스"] + 0.2
    assert abs(acc["Keras 모델"] - acc["로지스틱 회귀"]) <= 3 / 114 + 1e-4  # 몇 개 차이


def test_one_node_softmax_is_always_one(cells):
    out = text(cells["aeb0d057"])
    assert out.count("→ [1.]") == 3
    assert "서로 다른 예측값: [1.]" in text(cells["7acc5d35"])
    assert "will always return the value 1" in text(cells["7acc5d35"])  # 글이 말하는 경고


def test_broken_model_does_not_learn(cells):
    out = text(cells["89c1d680"])
    losses = re.search(r"에포크별 손실: \[([^\]]+)\]", out)[1].split()
    assert len(set(losses)) == 1  # 에포크마다 똑같은 손실
    assert "가중치가 바뀐 최대 크기: 0.0" in out
    acc = table(cells["053cf4e5"])
    assert acc["Dense(1, softmax): 고장 난 모델"] == acc["다수 클래스"]


def test_fixed_multiclass(cells):
    assert "처음 5행의 확률 합: [1. 1. 1. 1. 1.]" in text(cells["7c765f68"])
    acc = table(cells["596ffb7d"])
    assert acc["Keras 모델"] > acc["다수 클래스"] + 0.4  # "크게 넘고"
    assert abs(acc["Keras 모델"] - acc["로지스틱 회귀"]) <= 2 / 30 + 1e-4  # "비슷"


def test_hidden_layer_bends_the_boundary(cells):
    out = text(cells["100a0d32"])
    wrong = dict(re.findall(r"'([^']+)': (\d+)", out))
    logreg, no_hidden, mlp = (int(v) for v in wrong.values())
    assert abs(logreg - no_hidden) <= 6  # "비슷한 수를 틀립니다"
    assert mlp * 2 < logreg  # "훨씬 적게 틀립니다"
    acc = table(cells["8ac19587"])
    assert acc["Keras 은닉층 모델"] > acc["로지스틱 회귀"] > acc["다수 클래스"]
