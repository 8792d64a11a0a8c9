"""12_legacy_to_keras3의 설명이 기대는 숫자와 메시지가 커밋된 출력에 실제로 있는지 확인한다.

- 찾아보기 표의 메시지 앞부분(오류·경고 이름으로 시작하는 것)은 노트북의 어떤 출력에 글자 그대로 나온다 (찾을 수 있다).
- 설명이 주장하는 결과: 노드 하나의 softmax는 언제나 1, 회귀의 'accuracy'는 완벽한 예측에도 0, `metrics_names`와 값의
  개수가 다르다, `.h5`에서 불러온 옵티마이저는 변수 2개(Sequential과 함수형 모두), `.keras`에서는 반복 횟수가 이어진다,
  `.h5` 저장 뒤의 `.keras`는 RMSprop으로 돌아온다, `mode='max'`의 `val_acc` 체크포인트는 가장 좋은 점수를
  기억하지 못한다, 첫 에포크의 손실이 1보다 커서 노트의 축 범위 밖으로 잘린다.
"""

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "12_legacy_to_keras3.ipynb"
MESSAGE = re.compile(r"^(\w+(Error|Warning)|WARNING): ")


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
        else:
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def all_outputs(nb) -> str:
    return "\n".join(output_text(c) for c in nb.cells if c.cell_type == "code")


def output_of(nb, fragment: str) -> str:
    """소스에 fragment가 들어 있는 코드 셀 하나의 출력."""
    found = [c for c in nb.cells if c.cell_type == "code" and fragment in c.source]
    assert len(found) == 1, f"{fragment!r}가 든 코드 셀이 {len(found)}개"
    return output_text(found[0])


def index_messages(nb) -> list[str]:
    index = next(c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## 찾아보기"))
    messages = []
    for line in index.source.splitlines():
        cells = [part.strip() for part in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("옛 줄", "---"):
            continue
        for span in re.findall(r"``\s?(.+?)\s?``|`([^`]+)`", cells[1]):
            text = (span[0] or span[1]).strip()
            if MESSAGE.match(text):
                messages.append(re.split(r"<|…|\.\.\.", text)[0].rstrip())
    return messages


def test_index_messages_appear_in_outputs(nb):
    messages = index_messages(nb)
    assert len(messages) >= 35, messages
    outputs = all_outputs(nb)
    missing = [m for m in messages if m not in outputs]
    assert not missing, f"찾아보기의 메시지가 출력에 없다: {missing}"


def test_softmax_over_one_unit_always_one(nb):
    text = output_of(nb, 'layers.Dense(1, activation="softmax")])  # 노트의 옛 줄')
    assert "예측: [1. 1. 1. 1. 1.]" in text and "softmax over axis -1" in text


def test_regression_accuracy_is_zero_for_a_perfect_model(nb):
    text = output_of(nb, "perfect.evaluate(")
    values = dict(re.findall(r"'(\w+)': ([\d.]+)", text))
    assert float(values["loss"]) == 0.0 and float(values["mae"]) == 0.0 and float(values["accuracy"]) == 0.0


def test_decay_is_dropped_and_schedule_matches_old_formula(nb):
    assert "설정에 decay가 남았나? False" in output_of(nb, '"decay" in ignored.get_config()')
    for old, new in re.findall(r"옛 식 ([\d.]+) \| 스케줄 ([\d.]+)", output_of(nb, "InverseTimeDecay(initial")):
        assert old == new


def test_metrics_names_lose_a_metric(nb):
    text = output_of(nb, "dict(zip(model.metrics_names")
    assert "evaluate가 돌려준 값: 3 개" in text
    assert "['loss', 'compile_metrics']" in text
    old = re.search(r"옛 줄의 결과: (\{.*\})", text)[1]
    assert "auc" not in old and old.count(":") == 2
    assert "'auc'" in output_of(nb, "print(model.evaluate(X, y, verbose=0, return_dict=True))")


def test_first_epoch_loss_is_clipped_by_the_note_axis(nb):
    text = output_of(nb, "note_chart(hist)\nclipped")
    clipped = re.search(r"잘렸을 점 \(에포크, 손실\): (\[.*\])", text)[1]
    assert clipped.startswith("[(1, ") and float(re.search(r"\(1, ([\d.]+)\)", clipped)[1]) > 1.0


def test_h5_loader_drops_optimizer_state_for_both_model_kinds(nb):
    text = output_of(nb, 'legacy_functional = keras.models.load_model(work / "functional.h5")')
    assert re.search(r"Sequential: 10 -> 2", text) and re.search(r"함수형\s*: 10 -> 2", text)
    assert "Unknown variable" in output_of(nb, "legacy.fit(X, y, epochs=1")
    assert "Unknown variable" in output_of(nb, "legacy_functional.fit(X, y, epochs=1")


def test_keras_file_resumes_and_h5_recompile_starts_over(nb):
    text = output_of(nb, 'fresh.save(work / "resume.keras")')
    found = re.search(r"옵티마이저: (\w+) \| 반복 횟수 \(저장할 때 -> 이어서 1 에포크 뒤\): (\d+) -> (\d+)", text)
    assert found[1] == "Adam" and int(found[3]) > int(found[2]) > 0
    steps_per_epoch = int(found[3]) - int(found[2])
    restarted = int(re.search(r"반복 횟수: (\d+) \(처음부터\)", text)[1])
    assert restarted == steps_per_epoch


def test_keras_save_after_h5_comes_back_as_rmsprop(nb):
    text = output_of(nb, 'model.save(work / "then.keras")')
    assert re.search(r"원래 옵티마이저: Adam \d+ 회", text)
    assert "불러온 옵티마이저: RMSprop 0 회" in text
    assert re.search(r"Skipping variable loading for optimizer 'rm_sprop(_\d+)?'", text)


def test_val_acc_with_mode_max_never_remembers_a_best(nb):
    text = output_of(nb, 'monitor="val_acc", mode="max", save_best_only=True)')
    assert "파일이 있나? True | 체크포인트가 기억하는 가장 좋은 점수: None" in text
    assert "Can save best model only with val_acc available" in text
    assert "Early stopping conditioned on metric `val_acc` which is not available" in text


def test_tf_keras_missing_and_its_message(nb):
    text = output_of(nb, '"TF_USE_LEGACY_KERAS": "1"')
    assert "tf_keras가 설치되어 있나? False" in text
    assert "ImportError: Keras cannot be imported" in text


def test_argmax_compares_the_same_flowers(nb):
    marker = "five_proba = iris_model.predict(X_test[:5]"
    cell = next(c for c in nb.cells if c.cell_type == "code" and marker in c.source)
    assert "y_test[:5]" in cell.source and "X_test[:5]" in cell.source


def test_keras3_restores_even_without_stopping(nb):
    text = output_of(nb, "patience=50, restore_best_weights=True")
    assert "조기 종료가 멈췄나: False" in text
    last = float(re.search(r"마지막 에포크 8의 val_loss: ([\d.]+)", text)[1])
    best = float(re.search(r"최적 에포크 [1-7]의 val_loss: ([\d.]+)", text)[1])
    final = float(re.search(r"학습이 끝난 model의 val_loss: ([\d.]+)", text)[1])
    assert final == best < last, "마지막 에포크가 아니라 최적 에포크의 가중치"
