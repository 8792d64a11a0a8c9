"""커밋된 노트북 검사: 지금 코드로 실행된 출력인지(신선도), 깨끗한지, 강의 형식을 지키는지.

nbval(노트북 실행)과 별개로, 저장소에 들어 있는 출력 자체를 본다. 학생은 GitHub에서 이 출력을 읽는다.
"""

import re
from pathlib import Path

import nbformat
import nbtool
import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))

TF_NOISE = re.compile(
    r"cudart_stub|oneDNN custom operations|absl::InitializeLog|cuda_platform\.cc|cuInit|"
    r"WARNING:tensorflow|WARNING:absl|computation_placer|TF-TRT Warning|cpu_feature_guard"
)
CONTROL = re.compile(r"\x1b\[|\x08|\r(?!\n)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ABS_PATH = re.compile(
    r"(/root/|/home/\w|/tmp/|/Users/\w|[A-Za-z]:\\\\?Users|/work/|site-packages/(?!>)|\.venv/lib)"
)
SOURCE_ABS_PATH = re.compile(r"(/root/|/home/\w|/tmp/|/Users/\w|[A-Za-z]:\\\\?Users|/work/)")
RAISES = {"raises-exception", "nbval-raises-exception"}


def text_of(output) -> str:
    if output.output_type == "stream":
        return output.text
    if output.output_type == "error":  # 화면에 보이는 것은 traceback (색 코드는 Jupyter가 그린다)
        return ANSI.sub("", "\n".join(output.traceback)) + "\n" + output.get("evalue", "")
    return output.get("data", {}).get("text/plain", "")


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ 에 노트북이 없다"
    names = [p.name for p in NOTEBOOKS]
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", n) for n in names), names


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def nb(request):
    return nbformat.read(request.param, as_version=4)


def test_outputs_come_from_current_code(nb):
    assert nbtool.problems(nb) == []


def test_skeleton(nb):
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "import helpers" in first_code.source and "helpers.setup(" in first_code.source
    assert nb.cells[0].cell_type == "markdown" and re.match(r"# \d\d\. ", nb.cells[0].source)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for heading in ("이 노트북에서 배울 것", "## 정리", "## 연습문제"):
        assert heading in markdown, f"'{heading}' 절이 없다"
    # 해답은 `qN.solution()`으로 요청할 때만 보인다: 노트북에 해답 절이 없어야 한다
    assert "## 해답" not in markdown, "해답 절이 학생판에 보인다 (해답은 helpers/exercises/exNN.py에만)"
    summary = [c for c in nb.cells if c.cell_type == "markdown" and c.source.lstrip().startswith("## 정리")]
    exercises = [c for c in nb.cells if c.cell_type == "markdown" and c.source.lstrip().startswith("## 연습문제")]
    assert summary and exercises, "'## 정리'와 '## 연습문제'는 각각 자기 셀로 시작해야 한다"
    assert "## 연습문제" not in summary[0].source, "정리와 연습문제가 한 셀에 섞여 있다"


def test_outputs_are_clean(nb):
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tags = set(cell.metadata.get("tags", []))
        for output in cell.outputs:
            text = text_of(output)
            where = f"셀 {index}: {cell.source[:60]!r}"
            assert not TF_NOISE.search(text), f"{where} 출력에 TensorFlow 로그 잡음"
            if output.output_type != "error":
                assert not CONTROL.search(text), f"{where} 출력에 진행 막대의 제어 문자"
                assert text.count("\n") <= 60, f"{where} 출력이 {text.count(chr(10))}줄"
            assert not ABS_PATH.search(text), f"{where} 출력에 이 기계의 절대 경로: {ABS_PATH.search(text)[0]}"
            if output.output_type == "error":
                assert tags & RAISES, f"{where} 예상하지 않은 오류 {output.ename}"
        if tags & RAISES:
            assert any(o.output_type == "error" for o in cell.outputs), f"셀 {index}: 오류 태그가 있는데 오류가 없다"


def test_no_absolute_paths_in_sources(nb):
    for index, cell in enumerate(nb.cells):
        assert not SOURCE_ABS_PATH.search(cell.source), f"셀 {index} 소스에 절대 경로"


def test_stale_notebook_is_detected(nb):
    """도장 검사가 실제로 실패할 수 있는지: 코드 한 줄을 바꾸면 낡았다고 판정해야 한다."""
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.source += "\n# changed"
    assert any("바뀌었습니다" in p for p in nbtool.problems(nb))


def test_coalesce_streams_merges_split_prints():
    from nbformat.v4 import new_output

    outputs = [
        new_output("stream", name="stdout", text="정확도: 0."),
        new_output("stream", name="stdout", text="95\n"),
        new_output("stream", name="stderr", text="UserWarning: x\n"),
        new_output("stream", name="stdout", text="끝\n"),
    ]
    merged = nbtool.coalesce_streams(outputs)
    assert [(o.name, o.text) for o in merged] == [
        ("stdout", "정확도: 0.95\n"),
        ("stderr", "UserWarning: x\n"),
        ("stdout", "끝\n"),
    ]
