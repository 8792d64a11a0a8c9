"""재현성: 같은 노트북을 새 커널에서 두 번 실행하면 점수와 글 출력이 똑같아야 한다.

`helpers.setup()`이 시드를 고정하므로 CPU에서는 훈련 결과가 비트 단위로 같다. 두 번 실행해서
- 점수 기록(`application/vnd.keras-course.score+json`, `make bench`가 읽는 것)
- 모든 text/plain 출력과 stream(stdout/stderr) 출력, 오류의 이름과 메시지
를 비교한다. 다만 실행마다 당연히 달라지는 두 가지만 가린다:
Keras 진행 줄의 걸린 시간(`15/15 - 0s - 6ms/step - ...`)과 메모리 주소(`at 0x7f...`).

노트북 한 개를 두 번 실행하므로 20~60초 걸린다. 다른 노트북으로 돌려 보려면
`DETERMINISM_NOTEBOOK=경로 python -m pytest tests/test_determinism.py`.
"""

import os
import re
from pathlib import Path

import bench
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("DETERMINISM_NOTEBOOK", ROOT / "notebooks" / "06_evaluate.ipynb"))

KERAS_PROGRESS = re.compile(r"\d+/\d+.*(?:/step|ETA)")  # '15/15 - 0s - 6ms/step - loss: ...'
DURATION = re.compile(r"\b\d+(?:\.\d+)?(?:s|ms|us|µs)\b")
ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{4,}\b")


def mask(text: str) -> str:
    """실행마다 달라져도 되는 부분(Keras 진행 줄의 시간, 메모리 주소)만 가린다."""
    lines = []
    for line in re.split(r"(\r\n|\n|\r)", text):
        lines.append(DURATION.sub("<시간>", line) if KERAS_PROGRESS.search(line) else line)
    return ADDRESS.sub("0x<주소>", "".join(lines))


def comparable(nb) -> list:
    """셀마다 비교할 글 출력. stream은 조각으로 나뉘는 방식이 실행마다 다를 수 있어 이름별로 이어 붙인다."""
    result = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        streams: dict[str, str] = {}
        shown = []
        for output in cell.outputs:
            if output.output_type == "stream":
                streams[output.name] = streams.get(output.name, "") + output.text
            elif output.output_type == "error":
                shown.append(("error", output.ename, mask(output.evalue)))
            elif "text/plain" in output.get("data", {}):
                shown.append((output.output_type, mask(output.data["text/plain"])))
        result.append((index, {name: mask(text) for name, text in sorted(streams.items())}, shown))
    return result


def first_difference(a: list, b: list) -> str:
    for (index, streams_a, shown_a), (_, streams_b, shown_b) in zip(a, b, strict=True):
        if streams_a != streams_b or shown_a != shown_b:
            return f"셀 {index}:\n첫 실행: {streams_a} {shown_a}\n둘째 실행: {streams_b} {shown_b}"
    return ""


def assert_same_outputs(first, second) -> None:
    scores_a, scores_b = bench.collect_scores(first), bench.collect_scores(second)
    assert scores_a == scores_b, f"점수 기록이 실행마다 다르다:\n{scores_a}\n{scores_b}"
    a, b = comparable(first), comparable(second)
    assert a == b, "글 출력이 실행마다 다르다. " + first_difference(a, b)


def test_notebook_is_deterministic():
    if not TARGET.exists():
        pytest.skip(f"{TARGET.name}이(가) 아직 없다")
    runs = [bench.run_notebook(TARGET) for _ in range(2)]
    for run in runs:
        assert run.ok, f"{run.notebook} 실행 실패: {run.error}"
    first, second = (run.nb for run in runs)
    if "DETERMINISM_NOTEBOOK" not in os.environ:
        assert bench.collect_scores(first), f"{TARGET.name}에 점수 기록(compare_with_baselines)이 없다"
    assert_same_outputs(first, second)


# ---- 비교가 실제로 차이를 잡는지 (커널 없이, 손으로 만든 출력으로)


def fake_run(text: str, score: float, progress: str = "15/15 - 0s - 6ms/step - loss: 0.2"):
    record = {"name": "m", "task": "binary", "metric": "accuracy", "model": score, "baselines": {}, "n_test": 1}
    cell = new_code_cell("...")
    cell.outputs = [
        new_output("stream", name="stdout", text=progress + "\n"),
        new_output("stream", name="stdout", text=text),
        new_output("display_data", data={"text/plain": "표", bench.SCORE_MIME: record}),
    ]
    return new_notebook(cells=[cell])


def test_masks_only_timing_and_addresses():
    a = fake_run("<function f at 0x7fc2ce757b00>\n", 0.9)
    b = fake_run("<function f at 0x7f00aa112233>\n", 0.9, progress="15/15 - 3s - 198ms/step - loss: 0.2")
    assert_same_outputs(a, b)


@pytest.mark.parametrize(
    "other",
    [
        fake_run("1764021234.5\n", 0.9),  # 다른 글 출력 (예: time.time())
        fake_run("1764021230.1\n", 0.91),  # 다른 점수
        fake_run("1764021230.1\n", 0.9, progress="15/15 - 0s - 6ms/step - loss: 0.3"),  # 다른 손실 값
    ],
)
def test_difference_is_detected(other):
    with pytest.raises(AssertionError):
        assert_same_outputs(fake_run("1764021230.1\n", 0.9), other)
