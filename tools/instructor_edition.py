"""강사용 판(instructor edition) 만들기: 학생판 노트북의 빈 답안 셀에 해답을 채우고 실행해서 저장한다.

    python tools/instructor_edition.py                 # 모든 노트북 → editions/instructor/
    python tools/instructor_edition.py notebooks/03_compile.ipynb

- 학생판(student edition)은 `notebooks/` 그 자체입니다: 실행된 상태로 저장되어 있고, 답안 셀은 비어 있고,
  채점 셀은 "아직 답이 없습니다"를 보여 줍니다. 이 명령은 학생판이 최신인지도 확인합니다.
- 해답의 원본은 `helpers/exercises/exNN.py` 한 곳뿐입니다. 강사용 판은 거기서 만들어지므로 git에 넣지 않습니다.
- 강사용 판에서 채점 셀이 모두 "정답"이 아니면 실패로 끝납니다 (해답이 지금 노트북과 맞지 않는다는 뜻).
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import nbtool  # noqa: E402

from helpers import exercises  # noqa: E402

ROOT = nbtool.ROOT
OUT = ROOT / "editions" / "instructor"
SOLUTION_HEADER = "# 해답 (강사용 판: helpers/exercises/{module}.py에서 채움)\n"


def answer_cells(nb) -> dict[str, nbformat.NotebookNode]:
    """{'q1': 답안 셀, ...}: `answer-qN` 태그로 찾는다."""
    found = {}
    for cell in nb.cells:
        for tag in cell.get("metadata", {}).get("tags", []):
            if tag.startswith("answer-"):
                found[tag.removeprefix("answer-")] = cell
    return found


def fill(nb, notebook: str, answers: dict[str, str] | None = None):
    """답안 셀을 채운 사본을 돌려준다. answers가 없으면 모든 문제를 해답으로 채운다."""
    nb = copy.deepcopy(nb)
    book = exercises.load(notebook)
    module = f"ex{Path(notebook).stem[:2]}"
    cells = answer_cells(nb)
    if answers is None:
        answers = {item.name: SOLUTION_HEADER.format(module=module) + item.solution_code for item in book}
    for name, code in answers.items():
        if name not in cells:
            raise KeyError(f"{notebook}: answer-{name} 태그가 붙은 답안 셀이 없습니다")
        cells[name].source = code.rstrip("\n")
    return nb


def check_outputs(nb) -> list[str]:
    """채점 셀(`qN.check()`)의 출력 한 줄씩."""
    lines = []
    for cell in nb.cells:
        if cell.cell_type == "code" and ".check()" in cell.source:
            lines.append("".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream").strip())
    return lines


def build(path: Path, out_dir: Path = OUT) -> tuple[Path, list[str]]:
    """노트북 하나의 강사용 판을 만들고 실행해서 저장한다. (저장한 경로, 정답이 아닌 채점 결과 목록)"""
    from nbclient import NotebookClient

    nb = fill(nbformat.read(path, as_version=4), path.stem)
    for cell in nbtool.code_cells(nb):
        cell.outputs, cell.execution_count = [], None
    nb.cells[0].source = nb.cells[0].source.rstrip() + (
        "\n\n> **강사용 판**: 답안 셀에 해답이 채워져 있습니다. 학생에게는 `notebooks/`의 학생판을 주세요."
    )
    depth = "../" * len(out_dir.relative_to(ROOT).parts) if out_dir.is_relative_to(ROOT) else None
    for cell in nb.cells:  # 그림 경로(../images/)를 이 폴더 깊이에 맞춘다
        if cell.cell_type == "markdown" and depth:
            cell.source = cell.source.replace("](../images/", f"]({depth}images/")
    out_dir.mkdir(parents=True, exist_ok=True)
    # 학생판과 같은 작업 폴더(notebooks/)에서 실행한다: 노트북 안의 상대 경로(../helpers/...)가 같게 풀리도록
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    nbtool.normalize(nb)
    target = out_dir / path.name
    nbformat.write(nb, target)
    failures = [line for line in check_outputs(nb) if not line.startswith("✅")]
    return target, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*")
    parser.add_argument("--out", type=Path, default=OUT, help="강사용 판을 쓸 폴더 (기본: editions/instructor)")
    args = parser.parse_args(argv)
    failed = 0
    for path in nbtool.notebook_paths(args.notebooks):
        stale = nbtool.problems(nbformat.read(path, as_version=4))
        if stale:
            print(f"학생판 {path.name}: {'; '.join(stale)}")
            failed += 1
        start = time.perf_counter()
        try:
            target, failures = build(path, args.out.resolve())
        except Exception as exc:  # 한 노트북이 실패해도 나머지는 만든다
            print(f"실패 {path.name}: {type(exc).__name__}: {str(exc)[-1500:]}", file=sys.stderr)
            failed += 1
            continue
        rel = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
        status = "모두 정답" if not failures else f"정답이 아닌 채점 {len(failures)}개"
        print(f"강사용 판 {rel}: {status} ({time.perf_counter() - start:.1f}초)")
        for line in failures:
            print(f"    {line}")
        failed += bool(failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
