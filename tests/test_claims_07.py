"""07_save_load의 글이 말하는 것을 커밋된 출력이 보여 주는지 확인한다."""

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "07_save_load.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def cell(nb, marker: str):
    cells = [c for c in nb.cells if c.cell_type == "code" and marker in c.source]
    assert len(cells) == 1, f"'{marker}'가 든 코드 셀이 {len(cells)}개"
    return cells[0]


def output_of(nb, marker: str) -> str:
    parts = []
    for out in cell(nb, marker).outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type == "error":
            parts.append(f"{out.ename}: {out.evalue}")
        else:
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def test_normalization_layer_has_61_parameters_and_count_stays_zero(nb):
    text = output_of(nb, "for original, restored in zip(model.layers, loaded.layers")
    assert "Normalization 파라미터  61개" in text
    assert "('mean', (30,)), ('variance', (30,)), ('count', ())" in text
    assert "count 값: 0" in text
    assert text.count("원래 층과 설정이 같음: True") == 3


def test_loaded_model_predicts_exactly_as_before(nb):
    text = output_of(nb, "before = model.predict(X_test")
    assert "다르지 않음: True" in text
    means = re.findall(r"\[([\d. ]+)\]", text)
    assert len(means) == 2 and means[0] == means[1]


def test_optimizer_state_comes_back_from_keras_file(nb):
    text = output_of(nb, 'print("업데이트 횟수(iterations): 원래"')
    original, restored = map(int, re.search(r"원래 (\d+) \| 불러온 모델 (\d+)", text).groups())
    assert original == restored > 0
    assert "... 10 개" in text and "모두 같음: True" in text


def test_resumed_training_equals_straight_and_weights_only_does_not(nb):
    text = output_of(nb, "# (다) 가중치만 가져오고 옵티마이저는 새것")
    resumed = re.search(r"\(나\): \(가\)와의 가중치 최대 차이 ([\d.e+-]+) \| 업데이트 횟수 (\d+) \(가: (\d+)\)", text)
    restarted = re.search(r"\(다\): \(가\)와의 가중치 최대 차이 ([\d.e+-]+) \| 업데이트 횟수 (\d+) \(가: (\d+)\)", text)
    assert float(resumed[1]) == 0.0 and resumed[2] == resumed[3] == "90"
    assert float(restarted[1]) > 0.01 and restarted[2] == "45"
    losses = re.search(r"\(가\) \[([^\]]+)\] \| \(나\) \[([^\]]+)\]", text)
    assert losses[1] == losses[2]


def test_h5_file_holds_the_optimizer_state_but_fit_fails(nb):
    saved = output_of(nb, 'h5_path = folder / "CancerSurvival.h5"')
    assert "['model_weights', 'optimizer_weights']" in saved and "배열 10개" in saved
    loaded = output_of(nb, "from_h5 = keras.models.load_model(h5_path)")
    assert "예측이 저장 전과 같음: True" in loaded
    assert "불러온 Adam의 변수: 2 개 (파일에는 10 개)" in loaded
    assert "ValueError: Unknown variable" in loaded


def test_weights_file_restores_predictions_but_not_the_optimizer(nb):
    text = output_of(nb, "weights_path = folder / ")
    assert "Skipping variable loading for optimizer" in text
    assert "예측이 저장 전과 같음: True" in text and "업데이트 횟수: 0" in text


def test_checkpoint_error_names_keras_only_and_hdf5_fails(nb):
    assert "must end in `.keras`" in output_of(nb, '"{epoch:02d}-{val_loss:.4f}.hdf5"')


def test_checkpoint_file_holds_the_best_epoch(nb):
    text = output_of(nb, "checkpoint = keras.callbacks.ModelCheckpoint(")
    best, last = map(float, re.search(r"\(val_loss ([\d.]+)\), 마지막 에포크의 val_loss ([\d.]+)", text).groups())
    from_file, in_memory = map(float, re.search(r"평가: ([\d.]+) \| 메모리의 마지막 모델: ([\d.]+)", text).groups())
    assert from_file == best and in_memory == last and best < last


def test_h5_workaround_and_the_compile_config_pitfall(nb):
    text = output_of(nb, "fixed = keras.models.load_model(h5_path, compile=False)")
    assert "10 개가 원래 모델과 모두 같음: True" in text
    assert "옵티마이저가 있는가: False" in text
