"""제출된 노트북 채점: 컨테이너도 네트워크도 없이, 이 저장소의 채점 함수로.

    python tools/grade.py 제출폴더 [--out build/grades]
    make grade SUBMISSIONS=제출폴더

제출폴더 아래(하위 폴더 포함)의 `.ipynb`를 하나씩 새 커널에서 처음부터 끝까지 실행하고(오류가 난 셀이 있어도
끝까지), 마지막에 그 노트북의 연습문제를 모두 채점합니다. 한 문제의 답안이 오류를 내도 다른 문제는 채점됩니다.
결과는 `grades.csv`(엑셀에서 한글이 보이도록 UTF-8 BOM)와 `grades.md`에 씁니다:
학생 파일, 연습문제, 결과(통과/실패), 피드백.

주의: 제출된 노트북의 코드를 그대로 실행합니다. 믿을 수 있는 제출만 채점하세요.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import nbtool  # noqa: E402

from helpers import exercises  # noqa: E402

ROOT = nbtool.ROOT
COLUMNS = ["학생 파일", "연습문제", "결과", "피드백"]
RESULT_KO = {"correct": "통과", "mistake": "실패", "blank": "실패", "error": "실패"}


def notebook_id(nb, path: Path) -> str:
    """어느 강의 노트북인지: 연습문제를 불러오는 줄(`helpers.exercises.exNN`)을 먼저, 없으면 파일 이름의 번호."""
    for cell in nb.cells:
        found = re.search(r"helpers\.exercises\.ex(\d\d)\b", cell.get("source", ""))
        if found:
            return found[1]
    found = re.match(r"(\d\d)", path.name)
    if found:
        return found[1]
    raise ValueError("어느 노트북인지 알 수 없습니다 (파일 이름이 '03_...'처럼 번호로 시작해야 합니다)")


def grade_notebook(path: Path, timeout: int = 120) -> list[dict]:
    """노트북 하나를 실행해서 채점한다. 실행 자체가 안 되면 모든 문제를 실패로, 이유와 함께."""
    try:
        nb = nbformat.read(path, as_version=4)
        number = notebook_id(nb, path)
        names = [item.name for item in exercises.load(number)]
    except Exception as exc:
        return [{"exercise": "-", "status": "error", "message": f"채점할 수 없는 파일입니다: {exc}"}]
    probe = f"__import__('json').dumps(__import__('helpers.exercises').exercises.grade({number!r}, globals()))"
    try:
        results, _ = nbtool.run_with_probe(nb, probe, cwd=ROOT / "notebooks", timeout=timeout, allow_errors=True)
    except Exception as exc:
        reason = f"노트북을 끝까지 실행하지 못했습니다 ({type(exc).__name__}: {str(exc).strip()[-300:]})"
        return [{"exercise": name, "status": "error", "message": reason} for name in names]
    return results


def rows_for(path: Path, root: Path, results: list[dict]) -> list[dict]:
    who = str(path.relative_to(root))
    return [
        {"학생 파일": who, "연습문제": r["exercise"], "결과": RESULT_KO.get(r["status"], "실패"),
         "피드백": r["message"]}
        for r in results
    ]


def write_reports(rows: list[dict], out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    csv_path, md_path = out / "grades.csv", out / "grades.md"
    with csv_path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    totals: dict[str, list[int]] = {}
    for row in rows:
        passed, count = totals.setdefault(row["학생 파일"], [0, 0])
        totals[row["학생 파일"]] = [passed + (row["결과"] == "통과"), count + 1]
    lines = ["# 채점 결과", "", "| 학생 파일 | 점수 |", "|---|---|"]
    lines += [f"| {who} | {p} / {n} |" for who, (p, n) in totals.items()]
    lines += ["", "| " + " | ".join(COLUMNS) + " |", "|---|---|---|---|"]
    for row in rows:
        cells = [str(row[c]).replace("|", "\\|").replace("\n", " ") for c in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    md_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv_path, md_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("submissions", type=Path, help="제출된 .ipynb가 든 폴더")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "grades", help="결과 폴더 (기본: build/grades)")
    parser.add_argument("--timeout", type=int, default=120, help="셀 하나의 제한 시간(초)")
    args = parser.parse_args(argv)
    root = args.submissions.resolve()
    if not root.is_dir():
        print(f"제출 폴더가 없습니다: {args.submissions}. 예: make grade SUBMISSIONS=submissions/", file=sys.stderr)
        return 2
    paths = sorted(p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    if not paths:
        print(f"{args.submissions} 아래에 .ipynb 파일이 없습니다.", file=sys.stderr)
        return 2
    rows = []
    for path in paths:
        results = grade_notebook(path, timeout=args.timeout)
        rows += rows_for(path, root, results)
        passed = sum(r["status"] == "correct" for r in results)
        print(f"{path.relative_to(root)}: {passed} / {len(results)}")
    csv_path, md_path = write_reports(rows, args.out.resolve())
    print(f"결과: {csv_path}, {md_path}")
    print(json.dumps({"files": len(paths), "exercises": len(rows)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
