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


def test_folds_have_the_size_of_the_single_validation_split(nb):
    single = output(nb, "def fit_and_score")
    fit_rows, val_rows = map(int, re.search(r"훈련 (\d+) 행 / 검증 (\d+) 행", single).groups())
    folds = re.findall(r"훈련 (\d+)행 / 검증 (\d+)행: 검증 정확도 ([\d.]+)", output(nb, "skf.split"))
    assert len(folds) == 5
    for train, val, _ in folds:
        assert abs(int(train) - fit_rows) <= 1 and abs(int(val) - val_rows) <= 1
    scores = {score for _, _, score in folds}
    assert len(scores) > 1, "폴드마다 점수가 다르다는 본문"
    single_score = float(re.search(r"검증 정확도: ([\d.]+)", single)[1])
    assert min(map(float, scores)) <= single_score <= max(map(float, scores)), "3절의 점수도 이런 값 가운데 하나"


def test_cross_validation_mean_is_steadier_than_one_split(nb):
    text = output(nb, "cross_val_score(")
    single = re.search(r"한 번 나누기: 최저 ([\d.]+), 최고 ([\d.]+), 표준편차 ([\d.]+)", text)
    cv = re.search(r"교차 검증 평균: 최저 ([\d.]+), 최고 ([\d.]+), 표준편차 ([\d.]+)", text)
    assert float(single[3]) >= 2 * float(cv[3]), "몇 배 넓게 흩어진다"
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


def test_test_set_gap_to_logistic_regression_is_a_few_samples(nb):
    text = output(nb, "시험 114개 중 틀린 개수")
    wrong = {name: int(n) for name, n in re.findall(r"'([^']+)': (\d+)", text)}
    keras_wrong = wrong["Keras 모델 (조기 종료)"]
    assert abs(keras_wrong - wrong["로지스틱 회귀"]) <= 5
    assert wrong["다수 클래스"] > 5 * keras_wrong


def test_keras3_restores_even_without_stopping(nb):
    text = output(nb, "patience=50")
    assert "early stopping이 멈췄나: False" in text
    last = float(re.search(r"마지막 에포크 \d+의 val_loss: ([\d.]+)", text)[1])
    best = float(re.search(r"최적 에포크 \d+의 val_loss: ([\d.]+)", text)[1])
    final = float(re.search(r"학습이 끝난 demo_model의 val_loss: ([\d.]+)", text)[1])
    assert final == best < last


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
