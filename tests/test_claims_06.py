"""06_evaluate의 글이 말하는 것을 커밋된 출력이 보여 주는지 확인한다 (다른 CPU에서 숫자가 조금 달라져도 글이 참인지)."""

from pathlib import Path

import nbformat
import pytest
from notebook_outputs import find_numbers as numbers
from notebook_outputs import output_of

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "06_evaluate.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def test_training_data_is_exactly_standardized_and_test_data_is_not(nb):
    text = output_of(nb, "scaler = StandardScaler().fit(X_train_raw)")
    train_mean, train_std = numbers(r"훈련 데이터: .*?최대 ([\d.]+), .*?평균 ([\d.]+)", text)
    test_mean, test_std = numbers(r"시험 데이터: .*?최대 ([\d.]+), .*?평균 ([\d.]+)", text)
    assert train_mean == 0.0 and train_std == 1.0
    assert test_mean > 0.0 and test_std != 1.0


def test_helper_matches_the_cells(nb):
    assert "True" in output_of(nb, "from_helper = helpers.train_test_data")


def test_leaky_feature_selection_beats_chance_and_honest_one_does_not(nb):
    text = output_of(nb, "SelectKBest(f_classif, k=20)")
    (leaky,) = numbers(r"누출\) fit → 시험 정확도 ([\d.]+)", text)
    (honest,) = numbers(r"훈련 데이터로만 fit → 시험 정확도 ([\d.]+)", text)
    assert leaky >= 0.65 and 0.35 <= honest <= 0.62


def test_training_scores_are_better_than_test_scores(nb):
    text = output_of(nb, "train = model.evaluate(X_train, y_train")
    train_acc, _, train_loss = numbers(r"훈련 데이터: 정확도 ([\d.]+) \((\d+)/455건\), 손실 ([\d.]+)", text)
    test_acc, _, test_loss = numbers(r"시험 데이터: 정확도 ([\d.]+) \((\d+)/114건\), 손실 ([\d.]+)", text)
    assert train_acc > test_acc and train_loss < test_loss
    assert test_acc >= 0.9  # 글: "시험 정확도 0.95는 좋은 점수일까요?"의 크기


def test_reported_loss_is_cross_entropy_plus_l2_penalty(nb):
    text = output_of(nb, "train = model.evaluate(X_train, y_train")
    total, cross_entropy, penalty = numbers(r"시험 손실 ([\d.]+) = 교차 엔트로피 ([\d.]+) \+ L2 벌점 ([\d.]+)", text)
    assert abs(total - (cross_entropy + penalty)) <= 2e-4 and penalty > 0


def test_without_l2_the_model_overfits_more(nb):
    text = output_of(nb, "plain = keras.Sequential(")
    plain_train, plain_test = numbers(r"L2 없음: 훈련 정확도 ([\d.]+), 시험 정확도 ([\d.]+)", text)
    l2_train, l2_test = numbers(r"L2 있음\(4절\): 훈련 정확도 ([\d.]+), 시험 정확도 ([\d.]+)", text)
    assert plain_train > l2_train and plain_test < l2_test


def test_evaluate_leaves_weights_alone(nb):
    assert output_of(nb, "weights_before = ").strip().endswith("True")


def test_broken_softmax_model_scores_the_majority_share_and_warns(nb):
    text = output_of(nb, 'layers.Dense(1, activation="softmax")')
    (score, share) = numbers(r"정확도 ([\d.]+) = 다수 클래스 비율 ([\d.]+)", text)
    assert score == share == 0.6316
    assert "softmax over axis -1 of a tensor of shape (114, 1)" in text


def test_logistic_regression_is_not_beaten_by_a_few_cases(nb):
    text = output_of(nb, "logistic = LogisticRegression(max_iter=5000)")
    (logistic,) = numbers(r"로지스틱 회귀: (\d+)/114건", text)
    (keras,) = numbers(r"Keras 모델: +(\d+)/114건", text)
    assert keras <= logistic, "글: 신경망이 선형 모델보다 나아 보이지 않는다"
    assert 0 < logistic - keras <= 5, "글: 차이는 몇 건"
    assert min(logistic, keras) / 114 > 0.6316 + 0.2, "글: 두 모델 모두 다수 클래스보다 훨씬 낫다"


def test_confusion_matrix_lines_add_up(nb):
    text = output_of(nb, "cm = confusion_matrix(y_test, y_pred)")
    missed, malignant = numbers(r"놓친 악성.*?: (\d+)건 / 악성 (\d+)건", text)
    false_alarm, benign = numbers(r"잘못 본 양성\(benign\): (\d+)건 / 양성\(benign\) (\d+)건", text)
    assert (malignant, benign) == (42, 72)
    accuracy = numbers(r"시험 데이터: 정확도 ([\d.]+)", output_of(nb, "train = model.evaluate(X_train, y_train"))[0]
    assert round((114 - missed - false_alarm) / 114, 4) == accuracy
