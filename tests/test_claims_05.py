"""05_history_chart의 글이 말하는 것을 커밋된 출력이 보여 주는지 확인한다 (다른 CPU에서도 글이 참인지)."""

import re
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import find_numbers as numbers
from notebook_outputs import output_of

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "05_history_chart.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def test_history_keys_are_todays_names(nb):
    text = output_of(nb, "print(hist.history.keys())")
    assert text.strip() == "dict_keys(['accuracy', 'loss', 'val_accuracy', 'val_loss'])"


def test_model_beats_majority_but_not_logistic_regression(nb):
    text = output_of(nb, "comparison = helpers.compare_with_baselines(")
    (keras_acc,) = numbers(r"Keras 모델\s+([\d.]+)", text)
    (majority,) = numbers(r"다수 클래스\s+([\d.]+)", text)
    (logistic,) = numbers(r"로지스틱 회귀\s+([\d.]+)", text)
    assert keras_acc > majority + 0.2 and keras_acc < logistic


def test_validation_loss_is_lower_only_in_the_first_epochs(nb):
    text = output_of(nb, "below = sum(end < val for end, val in zip(end_losses")
    listed = re.search(r"val_loss < loss인 에포크: \[([\d, ]*)\]", text)
    epochs = [int(e) for e in re.findall(r"\d+", listed[1])]
    assert epochs and epochs == list(range(1, len(epochs) + 1)) and len(epochs) < 10  # "처음 몇 에포크"
    total, below = numbers(r"다시 잰 훈련 손실 < val_loss인 에포크: (\d+)개 중 (\d+)개", text)
    assert total == below == 10  # "같은 순간에 재면 훈련 손실이 모든 에포크에서 검증 손실보다 낮습니다"


def test_overfitting_demo_and_early_stopping(nb):
    text = output_of(nb, "hist_over = big.fit(")
    best, best_val, acc_best, stopped, last_val, acc_last, last_train = numbers(
        r"가장 낮은 에포크: (\d+) \(검증 손실 ([\d.]+), 정확도 ([\d.]+)\) → 멈춘 에포크: (\d+) "
        r"\(검증 손실 ([\d.]+), 정확도 ([\d.]+), 훈련 손실 ([\d.]+)\)", text)
    (restored,) = numbers(r"멈춘 뒤 모델의 검증 손실: ([\d.]+)", text)
    assert best < stopped and last_val > 1.35 * best_val  # 검증 손실이 돌아서 "절반 가까이" 오른다
    assert last_train < 0.001  # 훈련 손실은 거의 0
    assert abs(acc_last - acc_best) < (last_val - best_val)  # 정확도는 손실보다 덜 움직인다
    assert stopped == best + 3 and stopped < 20  # 가장 좋았던 에포크에서 patience(3) 에포크 뒤에 멈춘다
    assert restored == best_val < last_val  # restore_best_weights=True: 가장 좋았던 가중치로


def test_l2_penalty_is_inside_val_loss(nb):
    text = output_of(nb, "with_l2 = build_mlp(")
    total, ce, penalty = numbers(r"val_loss ([\d.]+) = 교차 엔트로피 ([\d.]+) \+ 규제항 ([\d.]+)", text)
    assert abs(total - (ce + penalty)) < 0.002 and penalty > ce


def test_l2_and_dropout_rise_much_less(nb):
    text = output_of(nb, "with_dropout = build_mlp(")
    rise = {}
    for name in ("규제 없음", "L2 규제 \\(0.01\\)", "Dropout \\(0.5\\)"):
        low, last = numbers(name + r": 검증 교차 엔트로피 가장 낮았던 값 ([\d.]+) → 마지막 ([\d.]+)", text)
        rise[name] = last - low
    none = rise.pop("규제 없음")
    assert all(r < 0.25 * none for r in rise.values())  # "L2와 Dropout 모델은 거의 오르지 않습니다"


def test_too_small_model_stays_high_and_flat(nb):
    text = output_of(nb, "small = build_mlp(units, n_features=2")
    values = {}
    for name in ("은닉층 없음", r"은닉층 \[16, 16\]"):
        values[name] = numbers(name + r": 훈련 손실 ([\d.]+)\(3 에포크\) → ([\d.]+), 검증 손실 ([\d.]+)", text)
    t3, t6, v6 = values["은닉층 없음"]
    _, mlp_t6, mlp_v6 = values[r"은닉층 \[16, 16\]"]
    assert t6 > 2 * mlp_t6 and v6 > 2 * mlp_v6  # 둘 다 높다
    assert abs(t6 - t3) < 0.05  # 평평하다


def test_fixed_loss_axis_ranges(nb):
    text = output_of(nb, "(\"L2 모델\", l2, (0, 1))")
    first_max, l2_first = numbers(r"1절 모델의 손실 최댓값 ([\d.]+), L2 모델의 처음 훈련 손실 ([\d.]+)", text)
    assert first_max < 1.0 < l2_first and first_max < 0.1 * 10
