"""수업 노트북의 모양: 한 시간짜리 핵심, 보이지 않는 배관, 제대로 그려지는 마크다운.

- 핵심(배울 것부터 `## 정리` 앞까지)은 설명 5,500자, 코드 150줄 이하 (00~11; 12는 찾아보는 참고서라 제외).
- `## 더 알아보기`가 있으면 연습문제 뒤에 온다 (핵심과 연습문제는 더 알아보기에 기대지 않는다).
- 학생이 읽는 셀에 벤치마크 기록 이름, `final_screen`, 원자적 쓰기(`os.replace`) 같은 배관이 없다.
- 모든 마크다운 셀을 CommonMark(markdown-it)로 그렸을 때 글자 그대로의 `**`가 남지 않는다.
"""

import re
from pathlib import Path

import nbformat
import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.stem.startswith("12_")]
PROSE_BUDGET, CODE_BUDGET = 5500, 150


def _read(path):
    return nbformat.read(path, as_version=4)


def core_size(nb) -> tuple[int, int]:
    """`## 정리` 셀 앞까지의 마크다운 글자 수와 코드 줄 수."""
    end = next(
        (i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and re.search(r"^##\s*정리", c.source, re.M)),
        len(nb.cells),
    )
    prose = sum(len(c.source) for c in nb.cells[:end] if c.cell_type == "markdown")
    code = sum(len(c.source.splitlines()) for c in nb.cells[:end] if c.cell_type == "code")
    return prose, code


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_core_fits_a_beginners_hour(path):
    prose, code = core_size(_read(path))
    assert prose <= PROSE_BUDGET, f"{path.name}: 핵심의 설명이 {prose}자 (최대 {PROSE_BUDGET}자)"
    assert code <= CODE_BUDGET, f"{path.name}: 핵심의 코드가 {code}줄 (최대 {CODE_BUDGET}줄)"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_deep_dives_come_after_the_exercises(path):
    headings = [c.source.lstrip().split("\n", 1)[0] for c in _read(path).cells if c.cell_type == "markdown"]
    top = [h for h in headings if re.match(r"##\s", h)]
    deep = [i for i, h in enumerate(top) if "더 알아보기" in h]
    if deep:
        exercises = next(i for i, h in enumerate(top) if "연습문제" in h)
        assert min(deep) > exercises, f"{path.name}: '## 더 알아보기'는 '## 연습문제' 뒤에 와야 한다"


MACHINERY = [
    (re.compile(r"compare_with_baselines\(\s*['\"]"), "벤치마크 기록 이름을 첫 인수로 넘긴다"),
    (re.compile(r"final_screen|helpers\.progress"), "진행 막대 배관(final_screen)"),
    (re.compile(r"os\.replace\("), "원자적 쓰기(os.replace) 배관"),
    (re.compile(r"NBVAL|# noqa"), "테스트/린트 표시가 코드에 보인다 (태그나 설정으로)"),
]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_machinery_in_student_cells(path):
    for index, cell in enumerate(_read(path).cells):
        if cell.cell_type != "code":
            continue
        for pattern, what in MACHINERY:
            assert not pattern.search(cell.source), f"{path.name} 셀 {index}: {what}: {cell.source[:80]!r}"


def _visible_text(tokens) -> str:
    """그려진 글자(인라인 코드 제외)."""
    parts = []
    for token in tokens:
        if token.type == "inline":
            parts.append(_visible_text(token.children or []))
        elif token.type == "text":
            parts.append(token.content)
    return "".join(parts)


def test_bold_detector_catches_the_hangul_case():
    md = MarkdownIt("commonmark")
    assert "**" in _visible_text(md.parse("**0 = 악성, 1 = 양성(benign)**이고"))
    assert "**" not in _visible_text(md.parse("**양성(benign) 종양**이고"))
    assert "**" not in _visible_text(md.parse("`a ** 2`는 제곱"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_bold_renders(path):
    md = MarkdownIt("commonmark")
    for index, cell in enumerate(_read(path).cells):
        if cell.cell_type != "markdown":
            continue
        text = _visible_text(md.parse(cell.source))
        found = re.search(r".{0,20}\*\*.{0,20}", text)
        assert not found, f"{path.name} 셀 {index}: 굵은 글씨가 그려지지 않고 `**`가 보인다: {found[0]!r}"
