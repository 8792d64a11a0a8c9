"""09_loss_selection의 글이 숫자에 기대는 주장을, 커밋된 노트북의 출력으로 확인한다."""

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "09_loss_selection.ipynb"


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


def _summary_rows(outputs: str) -> dict[str, tuple[float, float, float]]:
    """9절의 표: 경우 -> (Keras 모델, 단순 기준선, 선형 모델)."""
    rows = {}
    for line in outputs.splitlines():
        found = re.match(r"^(\d\) .+?)\s+(정확도|RMSE)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$", line)
        if found:
            rows[found[1].strip()] = (float(found[3]), float(found[4]), float(found[5]))
    return rows


def test_sgd_step_goes_against_the_gradient_and_lowers_the_loss(outputs):
    before = float(re.search(r"업데이트 전 ([\d.]+)", outputs)[1])
    after = float(re.search(r"→ 후 ([\d.]+)", outputs)[1])
    assert after < before
    assert "가중치 513개가 모두 -학습률 × 그레이디언트만큼 움직였나: True" in outputs
    assert "업데이트 횟수 150 = 10 에포크 × 배치 15개" in outputs


def test_accuracy_string_becomes_categorical_accuracy_on_multilabel(outputs):
    assert "실제로 만들어진 지표: ['BinaryAccuracy', 'CategoricalAccuracy']" in outputs
    last = re.search(r"마지막 에포크: \{'accuracy': ([\d.]+), 'binary_accuracy': ([\d.]+)", outputs)
    assert float(last[1]) < float(last[2]) - 0.2  # "훨씬 낮은"


def test_summary_claims(outputs):
    rows = _summary_rows(outputs)
    assert len(rows) == 7, rows
    for case, (model, simple, linear) in rows.items():
        regression = "회귀" in case
        assert (model < simple) if regression else (model > simple), case  # 모두 단순 기준선보다 낫다
        assert abs(model - linear) <= 0.1 * linear, case  # 선형 모델과 비슷하다
    sizes = {"1) 이진 분류": 114, "2) 단일 레이블 다중 분류": 36, "1) 이진 분류: 로짓 + from_logits": 114}
    for case, n_test in sizes.items():
        model, _, linear = rows[case]
        assert round(abs(model - linear) * n_test) <= 5, case  # 시험 샘플 몇 건 차이
    regression = [model for case, (model, _, _) in rows.items() if "회귀" in case]
    assert max(regression) - min(regression) < 2  # 세 회귀 모델의 RMSE는 서로 가깝다


def test_logit_rule_matches_probability_rule(outputs):
    assert "로짓 > 0과 확률 > 0.5가 같은 답인가: True" in outputs


def test_deep_dive_claims(outputs):
    counts = [int(n) for n in re.findall(r"같은 쪽으로 움직인 것 (\d+)개", outputs)]
    assert len(counts) == 10 and counts[0] == 0 and all(n > 0 for n in counts[1:])
    table = {float(z): (float(p), float(loss)) for z, p, loss in
             re.findall(r"^\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+[\d.]+\s+[\d.]+$", outputs, re.M)}
    assert table[16.6][0] < 1.0 and table[16.7][0] == 1.0
    assert {round(table[z][1], 2) for z in (16.6, 16.7, 17.0, 40.0)} == {15.94}
    assert "float32로 반올림하면 0.99999994 | float32에서 1 + e^-17 = 1.0" in outputs
