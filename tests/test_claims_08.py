"""08_predict의 글이 숫자에 기대는 주장을, 커밋된 노트북의 출력으로 확인한다."""

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "08_predict.ipynb"


@pytest.fixture(scope="module")
def outputs() -> str:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            if out.output_type == "stream":
                texts.append(out.text)
            elif "data" in out and "text/plain" in out["data"]:
                texts.append(out["data"]["text/plain"])
    return "\n".join(texts)


def _number(pattern: str, text: str) -> float:
    found = re.search(pattern, text)
    assert found, f"출력에서 찾지 못함: {pattern}"
    return float(found[1])


def test_loaded_model_and_shapes_as_the_prose_says(outputs):
    assert "07_save_load가 저장한 모델을 불러왔습니다" in outputs
    assert "shape: (10, 1)" in outputs
    assert "patient.shape: (30,)" in outputs
    assert "one.shape: (1, 30)" in outputs


def test_threshold_differences_are_a_few_samples(outputs):
    """5절: 임계값을 0.3에서 0.9까지 옮겨도 놓친 악성과 오경보는 몇 건(5건 이하)씩만 달라진다."""
    rows = re.findall(r"임계값 (0\.\d): 놓친 악성 (\d+)개, 악성 오경보 (\d+)개", outputs)
    assert [t for t, _, _ in rows] == ["0.3", "0.5", "0.7", "0.9"]
    missed = [int(m) for _, m, _ in rows]
    alarms = [int(a) for _, _, a in rows]
    assert missed == sorted(missed, reverse=True) and alarms == sorted(alarms)
    assert max(missed) - min(missed) <= 5 and max(alarms) - min(alarms) <= 5
    assert "검증 데이터 114개" in outputs


def test_raw_target_stays_far_below_and_standardized_target_matches_ridge(outputs):
    """7절: 타깃을 그대로 배우면 예측이 실제보다 한참 작고, 표준화하면 평균 예측보다 낫고 릿지 회귀와 비슷하다."""
    assert _number(r"훈련 데이터 타깃의 평균 ([\d.]+)", outputs) == pytest.approx(153.7, abs=0.05)
    predicted = _number(r"예측의 평균 ([\d.]+)", outputs)
    actual = _number(r"\(실제 평균 ([\d.]+)\)", outputs)
    assert predicted < actual - 30
    keras_rmse = _number(r"Keras 모델 \(BMI 하나\)\s+([\d.]+)", outputs)
    mean_rmse = _number(r"평균 예측\s+([\d.]+)", outputs.split("Keras 모델 (BMI 하나)")[1])
    ridge_rmse = _number(r"릿지 회귀\s+([\d.]+)", outputs.split("Keras 모델 (BMI 하나)")[1])
    assert keras_rmse < mean_rmse
    assert abs(keras_rmse - ridge_rmse) < 2


def test_exercise_3_numbers(outputs):
    assert "| 시험: (45, 12)" in outputs
    assert _number(r"평균 예측\(훈련 타깃의 평균\)의 시험 RMSE: ([\d.]+)", outputs) == pytest.approx(337.5, abs=0.05)
