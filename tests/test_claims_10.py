"""10_validation_callbacks: 본문이 말하는 것이 커밋된 노트북의 출력과 맞는지 확인한다."""

import re
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import output

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "10_validation_callbacks.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+\.\d+|-?\d+", text)]


def test_stratify_keeps_the_test_split_close_to_the_overall_shares(nb):
    text = output(nb, "for seed in range(200)")
    plain = numbers(re.search(r"stratify 없음:.*", text)[0])
    strat = numbers(re.search(r"stratify=y:.*", text)[0])
    assert strat[-1] < plain[-1] and strat[-3] < plain[-3]  # 최악과 평균 모두


def test_label_encoder_rule_is_the_same_from_all_labels(nb):
    assert "전체 레이블로 fit해도 같은 규칙: True" in output(nb, "encoder = LabelEncoder()")


def test_three_folds_cover_the_training_data_and_their_scores_differ(nb):
    folds = re.findall(r"훈련 (\d+)행 / 검증 (\d+)행: 검증 정확도 ([\d.]+)", output(nb, "skf.split"))
    assert len(folds) == 3, "K=3"
    assert sum(int(val) for _, val, _ in folds) == 142, "검증 부분을 모두 더하면 훈련 데이터 142행"
    for train, val, _ in folds:
        assert int(train) + int(val) == 142 and abs(int(val) - 142 / 3) < 1, "폴드마다 훈련 데이터의 1/3이 검증 데이터"
    assert len({score for _, _, score in folds}) > 1, "폴드마다 점수가 다르다는 본문"


def test_cross_validation_mean_is_steadier_than_one_split(nb):
    text = output(nb, "cross_val_score(")
    single = re.search(r"한 번 나누기: 최저 ([\d.]+), 최고 ([\d.]+), 표준편차 ([\d.]+)", text)
    cv = re.search(r"교차 검증 평균: 최저 ([\d.]+), 최고 ([\d.]+), 표준편차 ([\d.]+)", text)
    assert "3겹 교차 검증 평균" in text and text.count("(시드 20개)") == 2
    assert float(single[3]) > 2 * float(cv[3]), "두 배 넘게 넓게 흩어진다"
    assert float(single[2]) - float(single[1]) > float(cv[2]) - float(cv[1])


def test_early_stopping_stops_patience_epochs_after_the_best_and_restores_it(nb):
    text = output(nb, "callbacks=[PrintValLoss(), early_stop, checkpoint]")
    losses = [float(x) for x in re.findall(r"에포크 \d+: val_loss ([\d.]+)", text)]
    stopped = int(re.search(r"Epoch (\d+): early stopping", text)[1])
    best = int(re.search(r"best epoch: (\d+)", text)[1])
    assert len(losses) == stopped < 200
    assert best == losses.index(min(losses)) + 1
    assert stopped == best + 4  # patience=4
    restored = output(nb, "restored_loss = model.evaluate")
    best_loss, now = map(float, re.search(r"val_loss: ([\d.]+) \| 학습이 끝난 model: ([\d.]+)", restored).groups())
    assert best_loss == now == min(losses)


def test_checkpoint_file_holds_the_restored_weights(nb):
    assert "EarlyStopping이 되돌린 가중치: True" in output(nb, 'load_model(work / "best.keras")')


def test_reduce_lr_on_plateau_halves_after_two_epochs_without_a_new_best(nb):
    rows = [numbers(line) for line in output(nb, "ReduceLROnPlateau(monitor").splitlines()[1:] if line.strip()]
    # 열: 번호, epoch, accuracy, learning_rate, loss, val_accuracy, val_loss
    lrs, val = [row[3] for row in rows], [row[6] for row in rows]
    changes = [i for i in range(1, len(lrs)) if lrs[i] != lrs[i - 1]]
    assert changes, "학습률이 줄어야 함"
    first = changes[0]
    assert lrs[first] == pytest.approx(lrs[0] / 2, abs=1e-4)
    best_before = min(val[: first - 2])
    assert val[first - 1] >= best_before and val[first - 2] >= best_before
    assert all(b <= a for a, b in zip(lrs, lrs[1:], strict=False))
    for i in changes:  # 줄 때마다 절반 (CSV는 소수 넷째 자리까지)
        assert lrs[i] == pytest.approx(lrs[i - 1] / 2, abs=1e-4)
    assert len(changes) >= 2, "그때마다 학습률이 절반이 되었다 (여러 번)"
    assert all(v < val[0] for v in val[-3:]), "마지막 세 에포크의 val_loss가 첫 줄보다 낮다"


def test_test_set_gap_to_logistic_regression_is_a_few_samples(nb):
    text = output(nb, "시험 114개 중 틀린 개수")
    wrong = {name: int(n) for name, n in re.findall(r"'([^']+)': (\d+)", text)}
    keras_wrong = wrong["Keras 모델 (조기 종료)"]
    assert abs(keras_wrong - wrong["로지스틱 회귀"]) <= 5
    assert wrong["다수 클래스"] > 5 * keras_wrong


def test_backup_and_restore_resumes_from_the_epoch_it_stopped(nb):
    text = output(nb, "BackupAndRestore(")
    assert "이어서 학습한 에포크 (0부터 셈): [3, 4, 5, 6, 7]" in text
    first_resumed = float(re.search(r"그 첫 에포크의 val_loss: ([\d.]+)", text)[1])
    first_fresh = float(re.search(r"에포크 1: val_loss ([\d.]+)",
                                  output(nb, "callbacks=[PrintValLoss(), early_stop, checkpoint]"))[1])
    assert first_resumed < first_fresh / 2, "처음부터 학습한 첫 에포크보다 훨씬 낮다"
    counts = re.search(r"갱신 횟수: (\d+) \(에포크당 (\d+)스텝 x 8에포크 = (\d+)\)", text)
    done, steps, total = map(int, counts.groups())
    assert done == total == steps * 8
    assert "백업 폴더가 남았나: False" in text
