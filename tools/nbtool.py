"""노트북 실행과 '신선도(freshness)' 도장.

    python tools/nbtool.py execute [NOTEBOOK ...]   # 실행해서 출력과 함께 저장 (기본: notebooks/*.ipynb 전부)
    python tools/nbtool.py check   [NOTEBOOK ...]   # 커밋된 출력이 지금 코드에서 나온 것인지 확인

실행할 때 코드 셀(소스와 태그)의 SHA-256을 노트북 메타데이터 `keras_course.source_sha256`에 적는다.
코드 셀을 고치고 다시 실행하지 않으면 도장이 맞지 않아 `make test`가 실패한다.
저장할 때 실행 시각 같은 흔들리는 메타데이터를 지워서 diff를 작게 유지한다.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpers.quiet import shorten_paths  # noqa: E402  (TensorFlow를 불러오지 않는다)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
STAMP_KEY = "keras_course"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def notebook_paths(args: list[str] | None = None) -> list[Path]:
    if args:
        return [Path(a).resolve() for a in args]
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb"))


def code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def source_hash(nb) -> str:
    """코드 셀의 소스와 태그만으로 만든 해시 (마크다운을 고쳐도 다시 실행할 필요는 없다)."""
    digest = hashlib.sha256()
    for cell in code_cells(nb):
        tags = sorted(cell.get("metadata", {}).get("tags", []))
        digest.update(json.dumps([cell.source, tags], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def normalize(nb) -> None:
    """실행할 때마다 달라지는 메타데이터를 지운다."""
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            for out in cell.outputs:
                out.get("metadata", {}).pop("execution", None)
                if out.get("output_type") == "error":  # 오류 메시지 원문(evalue)의 설치 경로도 화면처럼 줄인다
                    out["evalue"] = shorten_paths(out.get("evalue", ""))
            cell.outputs = coalesce_streams(cell.outputs)


def coalesce_streams(outputs: list) -> list:
    """연달아 나온 같은 스트림(stdout끼리, stderr끼리) 출력을 하나로 합친다.

    커널이 바쁘면 print 한 번의 출력도 두 조각으로 나뉘어 저장될 수 있다 (nbconvert의 coalesce_streams와 같은 일).
    """
    merged: list = []
    for out in outputs:
        last = merged[-1] if merged else None
        if (
            out.get("output_type") == "stream"
            and last is not None
            and last.get("output_type") == "stream"
            and last.get("name") == out.get("name")
        ):
            last["text"] = last["text"] + out["text"]
        else:
            merged.append(out)
    return merged


def problems(nb) -> list[str]:
    """커밋된 노트북이 '지금 코드로 위에서 아래로 한 번에 실행된 결과'인지 검사한다."""
    found = []
    stamp = nb.metadata.get(STAMP_KEY, {}).get("source_sha256")
    if stamp is None:
        found.append("실행 도장이 없습니다: `make execute`로 실행해서 저장하세요")
    elif stamp != source_hash(nb):
        found.append("코드 셀이 마지막 실행 뒤에 바뀌었습니다(출력이 낡음): `make execute`로 다시 실행하세요")
    counts = [c.execution_count for c in code_cells(nb) if c.source.strip()]
    if counts != list(range(1, len(counts) + 1)):
        found.append(f"실행 번호가 1부터 차례대로가 아닙니다: {counts}")
    return found


def cell_seconds(nb) -> list[tuple[int, float]]:
    """실행 직후 노트북의 (셀 번호, 실행 시간 초) 목록. nbclient가 남긴 타임스탬프로 잰다."""
    from datetime import datetime

    found = []
    for index, cell in enumerate(nb.cells):
        timing = cell.get("metadata", {}).get("execution", {})
        begin, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if cell.cell_type == "code" and begin and end:
            seconds = (datetime.fromisoformat(end.replace("Z", "+00:00"))
                       - datetime.fromisoformat(begin.replace("Z", "+00:00"))).total_seconds()
            found.append((index, seconds))
    return found


def _print_slowest_cells(nb, path: Path, count: int = 3) -> None:
    slowest = sorted(cell_seconds(nb), key=lambda pair: -pair[1])[:count]
    text = ", ".join(f"셀 {index} {seconds:.1f}초" for index, seconds in slowest)
    print(f"  {path.name} 가장 느린 셀: {text}")


def execute(path: Path, timeout: int = 600) -> float:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for cell in code_cells(nb):
        cell.outputs = []
        cell.execution_count = None
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    _print_slowest_cells(nb, path)
    normalize(nb)
    nb.metadata[STAMP_KEY] = {"source_sha256": source_hash(nb)}
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return elapsed


PROBE_MARK = "KERAS_COURSE_PROBE:"


def run_with_probe(nb, probe: str, cwd: Path, timeout: int = 300, allow_errors: bool = False):
    """노트북을 새 커널에서 끝까지 실행한 뒤, 같은 커널에서 probe 코드를 실행해 그 JSON 결과를 돌려준다.

    probe는 `json.dumps(...)` 문자열 하나로 평가되는 파이썬 식이다. 채점기(`tools/grade.py`)와
    연습문제 테스트가 쓴다. allow_errors=True면 오류가 난 셀이 있어도 끝까지 실행한다.
    돌려주는 값: (probe 결과, 실행한 노트북)
    """
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell

    nb = copy.deepcopy(nb)
    for cell in code_cells(nb):
        cell.outputs = []
        cell.execution_count = None
    nb.cells.append(new_code_cell(f"print({PROBE_MARK!r} + {probe})"))
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=allow_errors,
        interrupt_on_timeout=allow_errors,  # 채점할 때: 끝나지 않는 셀은 끊고 다음 셀로
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()
    for output in nb.cells[-1].outputs:
        if output.get("output_type") == "stream" and PROBE_MARK in output.get("text", ""):
            text = output["text"].split(PROBE_MARK, 1)[1]
            return json.loads(text), nb
    errors = [o for o in nb.cells[-1].outputs if o.get("output_type") == "error"]
    detail = f"{errors[0]['ename']}: {errors[0]['evalue']}" if errors else "출력 없음"
    raise RuntimeError(f"마지막 확인 셀이 결과를 내지 못했습니다 ({detail})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["execute", "check"])
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args(argv)
    paths = notebook_paths(args.notebooks)
    failed = 0
    for path in paths:
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        if args.command == "execute":
            try:
                seconds = execute(path)
            except Exception as exc:  # 실패한 셀의 오류를 짧게 보여 주고 다음 노트북으로
                failed += 1
                print(f"실패 {rel}: {type(exc).__name__}: {str(exc)[-2000:]}", file=sys.stderr)
                continue
            print(f"실행 {rel}: {seconds:.1f}초")
        else:
            found = problems(nbformat.read(path, as_version=4))
            failed += bool(found)
            for message in found:
                print(f"{rel}: {message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
