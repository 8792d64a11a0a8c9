"""12_legacy_to_keras3은 찾아 쓰는 참고서다: 링크가 제목으로 이어지고, 절마다 [준비] 뒤에 그 절만 실행해도 된다.

- 모든 `](#...)` 링크가 어떤 제목의 앵커(anchor)와 같다. 앵커는 JupyterLab(제목 글자의 빈칸을 '-'로)과
  GitHub(소문자로 바꾸고 문장 부호를 지운 뒤 빈칸을 '-'로)이 만드는 방식이 다르므로, 링크가 가리키는 제목은 두 방식의
  결과가 같은 글자(소문자 영어, 숫자, 한글, '_', '-', 빈칸)로만 쓴다. 같은 앵커의 제목이 둘 있으면 안 된다.
- `## 준비`의 코드 셀을 새 커널에서 실행한 뒤 `##` 절 하나만 실행한다 (절마다 새 커널). 소절(`###`)이 여럿인 절은
  소절 사이에 이름 공간을 비우고(`%reset -f`) 준비 셀과 절의 머리 셀을 다시 실행한다.
  오류는 `raises-exception` 태그가 붙은 셀에서만, 그리고 그 셀에서는 반드시 난다.
- 커널 둘을 함께 돌리므로, 커널마다 작업 폴더(`helpers.workdir`)를 따로 둔다 (서로의 파일을 지우지 않게).
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from markdown_it import MarkdownIt
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "12_legacy_to_keras3.ipynb"
SETUP = "준비"
SAFE_HEADING = re.compile(r"^[0-9a-z가-힣_ -]+$")
RAISES = {"raises-exception", "nbval-raises-exception"}
PARALLEL = 2


def _read():
    return nbformat.read(NOTEBOOK, as_version=4)


def _heading_lines(source: str):
    """마크다운 셀의 제목 줄 (코드 울타리 ``` 안은 건너뛴다): (수준, 마크다운 글자)."""
    fenced = False
    for line in source.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        found = None if fenced else re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if found:
            yield len(found[1]), found[2]


def rendered_text(markdown: str) -> str:
    """제목의 마크다운을 그렸을 때의 글자 (`코드`의 백틱, **굵게**의 별표는 빠진다)."""
    tokens = MarkdownIt("commonmark").parseInline(markdown)
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
    return "".join(parts)


def jupyterlab_anchor(text: str) -> str:
    """JupyterLab 4의 createHeaderId: 제목 글자의 빈칸을 '-'로."""
    return text.replace(" ", "-")


def github_anchor(text: str) -> str:
    """GitHub(github-slugger): 소문자로, 글자·숫자·'_'·'-'·빈칸이 아닌 것은 지우고, 빈칸을 '-'로."""
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def headings(nb) -> list[tuple[int, str, int]]:
    """(수준, 그린 글자, 셀 번호)."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for level, markdown in _heading_lines(cell.source):
                found.append((level, rendered_text(markdown), index))
    return found


def test_anchor_functions_agree_on_safe_headings():
    assert jupyterlab_anchor("5 노트의 학습 그래프 코드") == "5-노트의-학습-그래프-코드"
    assert github_anchor("5 노트의 학습 그래프 코드") == "5-노트의-학습-그래프-코드"
    assert github_anchor("1.2 Adam(lr)") != jupyterlab_anchor("1.2 Adam(lr)")   # 그래서 안전한 글자만 쓴다
    assert rendered_text("`predict_classes`와 **굵게**") == "predict_classes와 굵게"


def test_every_link_resolves_to_a_heading():
    nb = _read()
    found = headings(nb)
    anchors: dict[str, str] = {}
    for _, text, index in found:
        anchor = jupyterlab_anchor(text)
        assert anchor not in anchors, f"셀 {index}: 제목 '{text}'의 앵커가 다른 제목과 같다"
        anchors[anchor] = text
    links = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            links += [(index, target) for target in re.findall(r"\]\(#([^)\s]+)\)", cell.source)]
    assert len(links) >= 40, f"찾아보기의 링크가 {len(links)}개뿐이다"
    for index, target in links:
        assert target in anchors, f"셀 {index}: 링크 #{target}가 가리키는 제목이 없다"
        text = anchors[target]
        assert SAFE_HEADING.match(text) and "  " not in text, f"제목 '{text}'에 두 앵커 방식이 다르게 다루는 글자"
        assert github_anchor(text) == target, f"GitHub에서는 #{github_anchor(text)}가 되어 링크 #{target}가 깨진다"
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for name in re.findall(r"\]\((\d\d_[a-z0-9_]+\.ipynb)\)", cell.source):
                assert (NOTEBOOK.parent / name).exists(), f"셀 {index}: 링크한 노트북 {name}이 없다"


def sections(nb):
    """`##` 절마다 {'title', 'intro': [셀], 'subs': [(제목, [셀])], 'cells': [셀]}."""
    result = []
    current = None
    for cell in nb.cells:
        levels = [level for level, _ in _heading_lines(cell.source)] if cell.cell_type == "markdown" else []
        if 2 in levels:
            title = rendered_text(next(m for level, m in _heading_lines(cell.source) if level == 2))
            current = {"title": title, "intro": [], "subs": [], "cells": []}
            result.append(current)
            continue
        if current is None:
            continue
        if 3 in levels:
            title = rendered_text(next(m for level, m in _heading_lines(cell.source) if level == 3))
            current["subs"].append((title, []))
            continue
        if cell.cell_type != "code":
            continue
        current["cells"].append(cell)
        (current["subs"][-1][1] if current["subs"] else current["intro"]).append(cell)
    return result


def _plan(nb):
    """커널마다 실행할 셀 목록: (절 이름, [(표시, 셀)]).

    `##` 절마다 새 커널에서 준비 셀과 그 절을 실행한다. 소절(`###`)이 둘 이상이면 둘째 소절부터는 그 앞에서 이름 공간을
    비우고(`%reset -f`) 준비 셀과 절의 머리 셀을 다시 실행한다: 소절마다 '준비 뒤에 그 소절만' 실행한 것이 된다.
    (절 전체를 잇달아 실행하는 경우는 노트북 전체 실행(nbval, 커밋된 출력)이 확인한다.)
    """
    parts = sections(nb)
    setup = next(part for part in parts if part["title"] == SETUP)["cells"]
    assert setup and "helpers.setup(" in setup[0].source
    plans = []
    for part in parts:
        if part["title"] == SETUP or not part["cells"]:
            continue
        steps = [(f"{part['title']} (준비)", cell) for cell in setup]
        subs = [(title, cells) for title, cells in part["subs"] if cells]
        if len(subs) < 2:
            steps += [(part["title"], cell) for cell in part["cells"]]
        else:
            for number, (title, cells) in enumerate(subs):
                if number:
                    steps.append((f"{title} (초기화)", new_code_cell("%reset -f")))
                    steps += [(f"{title} (준비)", cell) for cell in setup]
                steps += [(f"{title} (머리)", cell) for cell in part["intro"]]
                steps += [(title, cell) for cell in cells]
        plans.append((part["title"], steps))
    return plans


async def _run(name, steps, semaphore):
    from nbclient import NotebookClient

    async with semaphore:
        with tempfile.TemporaryDirectory(prefix="legacy12-") as folder:
            # 이 커널만의 작업 폴더: helpers.workdir()가 folder/build/... 를 쓰게 한다 (학생은 보지 않는 시험용 줄)
            preamble = new_code_cell(
                f"import helpers.paths\nhelpers.paths.ROOT = __import__('pathlib').Path({folder!r})"
            )
            cells = [preamble] + [new_code_cell(cell.source, metadata=dict(cell.metadata)) for _, cell in steps]
            nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                      "display_name": "Python 3"}})
            client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                                    resources={"metadata": {"path": str(NOTEBOOK.parent)}})
            start = time.perf_counter()
            await client.async_execute()
            seconds = time.perf_counter() - start
    problems = []
    for (label, original), cell in zip([("시험 준비", preamble)] + steps, nb.cells, strict=True):
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        tagged = bool(set(original.get("metadata", {}).get("tags", [])) & RAISES)
        first = original.source.strip().splitlines()[0][:70] if original.source.strip() else ""
        if errors and not tagged:
            problems.append(f"[{label}] {first!r}: {errors[0]['ename']}: {errors[0]['evalue'][:200]}")
        if tagged and not errors:
            problems.append(f"[{label}] {first!r}: raises-exception 태그가 있는데 오류가 나지 않았다")
    return name, seconds, problems


async def _run_all(plans):
    semaphore = asyncio.Semaphore(PARALLEL)
    return await asyncio.gather(*(_run(name, steps, semaphore) for name, steps in plans))


def test_every_section_runs_alone():
    nb = _read()
    plans = _plan(nb)
    assert len(plans) >= 10, [name for name, _ in plans]
    start = time.perf_counter()
    results = asyncio.run(_run_all(plans))
    total = time.perf_counter() - start
    for name, seconds, _ in sorted(results, key=lambda r: -r[1]):
        print(f"{seconds:6.1f}초  {name}")
    print(f"절 {len(results)}개, 커널 {PARALLEL}개씩: 모두 {total:.1f}초")
    problems = [f"{name}: {problem}" for name, _, found in results for problem in found]
    assert not problems, "절만 실행했을 때의 문제:\n" + "\n".join(problems)


@pytest.mark.parametrize("title", ["찾아보기", SETUP, "정리", "연습문제"])
def test_reference_skeleton(title):
    assert title in [part["title"] for part in sections(_read())]
