"""04_fit의 글이 말하는 것을 커밋된 출력이 보여 주는지 확인한다 (다른 CPU에서 숫자가 조금 달라져도 글이 참인지)."""

import re
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import find_numbers as numbers
from notebook_outputs import output_of

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "04_fit.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def table_rows(text: str) -> dict[int, list[float]]:
    """pandas가 찍은 표에서 batch_size 행마다의 숫자 (표가 두 줄로 접혀도 이어 붙인다)."""
    rows: dict[int, list[float]] = {}
    for line in text.splitlines():
        parts = line.split()
        if parts and re.fullmatch(r"\d+", parts[0]) and all(re.fullmatch(r"-?[\d.]+", p) for p in parts[1:]):
            rows.setdefault(int(parts[0]), []).extend(float(p) for p in parts[1:])
    return rows


def test_note_line_prints_one_line_per_epoch_and_first_epoch_is_slowest(nb):
    text = output_of(nb, "history = model.fit(X_train, y_train, epochs=10, batch_size=10, verbose=2)")
    assert text.count("Epoch ") == 10 and text.count("46/46 - ") == 10
    seconds = [int(s) for s in re.findall(r"46/46 - (\d+)s", text)]
    assert seconds[0] == max(seconds) and seconds[0] >= 1  # 첫 에포크: 그래프 만들기(tracing)


def test_updates_are_steps_times_epochs(nb):
    text = output_of(nb, "옵티마이저가 가중치를 바꾼 횟수")
    assert "'steps': 46" in text and "460 = 46 스텝 x 10 에포크" in text


def test_hand_written_epoch_equals_fit(nb):
    text = output_of(nb, "batch_losses = train_one_epoch(by_hand")
    fit_updates, loop_updates = numbers(r"가중치 갱신 횟수: fit (\d+) \| 루프 (\d+)", text)
    fit_loss, loop_loss = numbers(r"에포크 손실: fit ([\d.]+) \| 배치 손실의 가중 평균 ([\d.]+)", text)
    (gap,) = numbers(r"가장 큰 값\): ([\d.e+-]+)", text)
    assert fit_updates == loop_updates == 15
    assert abs(fit_loss - loop_loss) < 1e-4 and gap < 1e-5


def test_validation_data_records_val_loss(nb):
    text = output_of(nb, "model_32 = build_model()")
    assert "'val_loss'" in text and "'val_accuracy'" in text and "val_loss: " in text


def test_batch_size_experiment_claims(nb):
    rows = table_rows(output_of(nb, "models[1] = build_model()"))
    assert sorted(rows) == [1, 10, 32, 364]
    val_loss = {b: r[2] for b, r in rows.items()}  # 에포크당 스텝, 갱신, 검증 손실, 검증 정확도
    assert [rows[b][1] for b in (1, 10, 32, 364)] == [728, 74, 24, 2]
    assert val_loss[364] == max(val_loss.values())  # ② 같은 2 에포크에서는 전체 배치가 가장 나쁘다
    assert val_loss[1] == min(val_loss.values())  # ④ "2 에포크 뒤 검증 손실은 배치 1이 가장 낮았습니다"
    assert val_loss[10] < val_loss[32]


def test_full_batch_is_better_at_equal_updates(nb):
    text = output_of(nb, "models[full].train_on_batch(X_tr, y_tr)")
    small, full = numbers(r"배치 32 \(2 에포크\) ([\d.]+), 배치 364 \(24번\) ([\d.]+)", text)
    assert full < small  # ② "같은 24번을 바꾼 뒤에는 전체 배치가 배치 32보다 오히려 낮습니다"


def test_single_sample_batches_fluctuate_more(nb):
    text = output_of(nb, "one_by_one = train_one_epoch(")
    low1, high1 = numbers(r"배치 1: 스텝 455개, 에포크 뒤 절반의 배치 손실 ([\d.]+) ~ ([\d.]+)", text)
    low32, high32 = numbers(r"배치 32: 스텝 15개, 에포크 뒤 절반의 배치 손실 ([\d.]+) ~ ([\d.]+)", text)
    assert high1 - low1 > 3 * (high32 - low32) and high1 > 1.0


def test_model_beats_majority_but_not_logistic_regression(nb):
    text = output_of(nb, 'label="Keras 모델 (배치 10, 10 에포크)"')
    (keras_acc,) = numbers(r"Keras 모델 \(배치 10, 10 에포크\)\s+([\d.]+)", text)
    (majority,) = numbers(r"다수 클래스\s+([\d.]+)", text)
    (logistic,) = numbers(r"로지스틱 회귀\s+([\d.]+)", text)
    assert keras_acc > majority + 0.2 and keras_acc < logistic


def test_step_time_barely_depends_on_batch_size(nb):
    rows = table_rows(output_of(nb, "step_table = pd.DataFrame("))
    step_ms = {b: r[0] for b, r in rows.items()}
    per_sample = [rows[b][1] for b in sorted(rows)]
    epoch_ms = {b: r[3] for b, r in rows.items()}
    assert per_sample == sorted(per_sample, reverse=True)  # 샘플 하나당 시간은 큰 배치일수록 짧다
    assert step_ms[364] < 10 * step_ms[1]  # 샘플은 364배인데 스텝 시간은 몇 배 안에
    assert epoch_ms[1] == max(epoch_ms.values())  # 한 에포크는 배치 1이 가장 길다


def test_memory_of_the_whole_batch_is_under_a_megabyte(nb):
    text = output_of(nb, "per_sample_kb = ")
    (whole,) = numbers(r"배치 364는 ([\d.]+)KB", text)
    assert whole < 1024
