"""제출된 노트북 채점: 제출물마다 격리된 사본에서 실행하고, 판정은 채점기 프로세스에서.

    python tools/grade.py 제출폴더 [--out build/grades]
    make grade SUBMISSIONS=제출폴더

제출폴더 아래(하위 폴더 포함)의 `.ipynb`마다:
1. 어느 강의 노트북인지 정한다 (`helpers.exercises.exNN`을 불러오는 줄, 없으면 파일 이름의 번호).
2. 커밋된 학생판 `notebooks/NN_*.ipynb`의 수업 셀 그대로에, 제출물에서는 답안 셀(태그 `answer-qN`)만 가져와
   실행할 노트북을 만든다. 제출물의 다른 셀(고친 수업 셀, 덧붙인 셀)은 실행하지 않는다.
3. 그 노트북을 버리는 사본 폴더의 격리된 커널(bubblewrap: 네트워크 없음, 자기 사본에만 쓰기, CPU/메모리/시간
   제한)에서 실행한다. 끝나지 않는 셀은 중단하고, 커널이 죽으면 그 답안 셀을 빼고 다시 실행해 나머지를 채점한다.
4. 채점 함수 `qN(ns)`는 이 프로세스에서 부른다. `ns`는 그 커널의 이름 공간을 데이터로만 읽는 대리 객체다
   (`tools/proxy.py`). 학생 코드는 판정 코드와 점수에 닿지 못한다.
5. 수업 변수는 같은 학생판을 답 없이 실행한 기준 커널의 값과 비교한다. 다르고, 기준 값으로 채점하면 결과가
   달라지면 피드백에 '확인 필요'를 적는다.

결과는 `grades.csv`(엑셀에서 한글이 보이도록 UTF-8 BOM)와 `grades.md`에 쓴다: 학생 파일, 연습문제, 결과, 피드백.
자세한 설명: docs/grading.md
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import re
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import proxy  # noqa: E402
import sandbox  # noqa: E402

from helpers import exercises  # noqa: E402

ROOT = sandbox.ROOT
NOTEBOOKS = ROOT / "notebooks"
COLUMNS = ["학생 파일", "연습문제", "결과", "피드백"]
RESULT_KO = {"correct": "통과", "mistake": "실패", "blank": "실패", "error": "실패", "raised": "실패",
             "missing": "실패", "timeout": "실패"}
CHECK_CELL = re.compile(r"^\s*(#.*|q\d+\.(check|hint|solution)\(\)\s*)?$")
REVIEW = "확인 필요"


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


def lesson_path(number: str) -> Path:
    found = sorted(NOTEBOOKS.glob(f"{number}_*.ipynb"))
    if not found:
        raise ValueError(f"강의 노트북 notebooks/{number}_*.ipynb가 없습니다")
    return found[0]


def answer_tag(cell) -> str | None:
    for tag in cell.get("metadata", {}).get("tags", []) or []:
        if isinstance(tag, str) and re.fullmatch(r"answer-q\d+", tag):
            return tag.removeprefix("answer-")
    return None


def is_check_cell(source: str) -> bool:
    lines = source.splitlines()
    return bool(lines) and all(CHECK_CELL.match(line) for line in lines) and ".check()" in source


@dataclass
class Plan:
    """실행할 노트북: (셀 소스, 답안 셀이면 문제 이름) 목록과 제출물에 없던 답안 셀."""

    number: str
    cells: list[tuple[str, str | None]]
    blanks: dict[str, str]
    missing: set[str] = field(default_factory=set)


def plan_for(submission, number: str) -> Plan:
    """커밋된 학생판의 수업 셀 + 제출물의 답안 셀. 마지막 연습문제 셀 뒤(더 알아보기)는 실행하지 않는다."""
    lesson = nbformat.read(lesson_path(number), as_version=4)
    answers: dict[str, list[str]] = {}
    for cell in submission.cells:
        name = answer_tag(cell)
        if name and cell.get("cell_type") == "code" and isinstance(cell.get("source"), str):
            answers.setdefault(name, []).append(cell.source)
    code = [c for c in lesson.cells if c.cell_type == "code"]
    last = max((i for i, c in enumerate(code) if answer_tag(c) or is_check_cell(c.source)), default=len(code) - 1)
    plan = Plan(number, [], {})
    for cell in code[: last + 1]:
        name = answer_tag(cell)
        if name:
            plan.blanks[name] = cell.source
            if name not in answers:
                plan.missing.add(name)
            plan.cells.append(("\n\n".join(answers.get(name, [cell.source])), name))
        elif not is_check_cell(cell.source):
            plan.cells.append((cell.source, None))
    return plan


def missing_message(name: str) -> str:
    return (f"{name}의 답안 셀(태그 answer-{name})을 찾을 수 없습니다. 제출한 노트북에서 이 문제의 답안 셀을 "
            f"지웠거나 태그를 바꾼 것 같습니다: 학생판 노트북의 답안 셀(태그 answer-{name})에 답을 써서 다시 내세요. "
            "채점은 답안 셀만 가져와 강의 노트북의 수업 셀과 함께 실행합니다.")


def row(name: str, status: str, message: str, key: str | None = None) -> dict:
    return {"exercise": name, "status": status, "key": key, "message": message}


class Grader:
    """제출물 여러 개를 채점한다: 격리 방식, 제한, 임시 폴더, 노트북마다 기준 커널 하나."""

    def __init__(self, limits: sandbox.Limits | None = None, isolate: bool = True, reference: bool = True,
                 hide: list[Path] | None = None, logs: Path | None = None):
        self.limits = limits or sandbox.Limits()
        available, self.why_not = sandbox.isolation() if isolate else (False, "--no-sandbox")
        self.sandboxed = isolate and available
        self.use_reference = reference
        self.hide = list(hide or [])
        self.base = Path(tempfile.mkdtemp(prefix="course-grade-"))
        self.logs = logs or self.base / "logs"
        if self.logs.is_dir():
            for old in self.logs.glob("*.log"):
                old.unlink()
        self.logs.mkdir(parents=True, exist_ok=True)
        self.references: dict[str, tuple[sandbox.Kernel, sandbox.Workspace, proxy.Session] | None] = {}
        self._count = 0
        self._tensorflow = False

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for number in list(self.references):
            self._drop_reference(number)
        import shutil

        shutil.rmtree(self.base, ignore_errors=True)

    def banner(self) -> str:
        text = sandbox.describe(self.limits, self.sandboxed)
        if not self.sandboxed:
            text = f"⚠️ {text} (이유: {self.why_not})"
        return text

    # --- 커널 ---
    def _kernel(self, label: str, deadline: float) -> tuple[sandbox.Kernel, sandbox.Workspace]:
        self._count += 1
        workspace = sandbox.Workspace(self.base, f"s{self._count:03d}")
        safe = re.sub(r"[^\w.-]", "_", label)[:60]
        log = self.logs / f"s{self._count:03d}-{safe}.log"
        kernel = sandbox.Kernel(workspace, self.limits, self.sandboxed, self.hide, log, deadline)
        return kernel, workspace

    def _quiet_tensorflow(self) -> None:
        """채점 함수가 Keras를 쓰므로 이 프로세스에서도 TensorFlow를 한 번, 시작 로그 없이 불러 둔다."""
        if not self._tensorflow:
            self._tensorflow = True
            with contextlib.suppress(Exception):
                from helpers import quiet

                quiet.configure_warnings()
                quiet.import_tensorflow_quietly()

    def reference(self, number: str) -> proxy.Session | None:
        """그 노트북의 학생판을 답 없이 실행한 기준 커널 (수업 변수의 기준 값). 실패하면 None."""
        if not self.use_reference:
            return None
        for other in [n for n in self.references if n != number]:
            self._drop_reference(other)
        if number not in self.references:
            self.references[number] = None
            plan = plan_for(nbformat.read(lesson_path(number), as_version=4), number)
            kernel, workspace = self._kernel(f"reference-{number}", time.monotonic() + self.limits.wall)
            try:
                kernel.start()
                for source, _ in plan.cells:
                    kernel.run_cell(source)
                kernel.install_rpc()
                kernel.deadline = float("inf")
                self.references[number] = (kernel, workspace, proxy.Session(kernel.transport))
            except Exception:  # noqa: BLE001 - 기준 커널이 없으면 비교만 하지 않는다
                kernel.close()
                workspace.remove()
        found = self.references.get(number)
        return found[2] if found else None

    def _drop_reference(self, number: str) -> None:
        found = self.references.pop(number, None)
        if found:
            found[0].close()
            found[1].remove()

    # --- 채점 ---
    def grade_file(self, path: Path, label: str | None = None) -> list[dict]:
        try:
            nb = nbformat.read(path, as_version=4)
            number = notebook_id(nb, path)
            self._quiet_tensorflow()  # 연습문제 모듈이 keras를 불러오기 전에
            book = exercises.load(number)
            plan = plan_for(nb, number)
        except Exception as exc:  # noqa: BLE001 - 읽을 수 없는 파일은 이유와 함께 한 줄로
            return [row("-", "error", f"채점할 수 없는 파일입니다: {type(exc).__name__}: {str(exc)[:300]}")]
        return self.grade_plan(plan, book, label or path.name)

    def grade_plan(self, plan: Plan, book, label: str) -> list[dict]:
        names = [item.name for item in book]
        deadline = time.monotonic() + self.limits.wall
        fixed: dict[str, dict] = {n: row(n, "missing", missing_message(n)) for n in plan.missing if n in names}
        done: dict[str, dict] = {}
        raised: dict[str, str] = {}  # 오류가 난 답안 셀: 채점 결과가 '답이 없음'이면 그 오류를 알려 준다
        reference = self.reference(plan.number)
        for _attempt in range(len(names) + 2):
            if time.monotonic() > deadline:
                break
            kernel, workspace = self._kernel(label, deadline)
            current: str | None = None
            stage = "start"
            try:
                kernel.start()
                stage = "cells"
                for source, name in plan.cells:
                    current = name
                    if name in fixed:  # 판정이 이미 정해진 답안(시간 초과, 커널을 죽인 답안)은 빈 답안 셀로
                        source = plan.blanks[name]
                    status = kernel.run_cell(source, self.limits.answer_timeout if name else None)
                    if name and status == "error":
                        raised[name] = kernel.last_error
                    if name and status == "timeout" and name not in fixed:
                        fixed[name] = row(name, "timeout", (
                            f"답안 셀이 {self.limits.answer_timeout:g}초 안에 끝나지 않아 중단했습니다. "
                            "끝나지 않는 반복문이 없는지, 학습이 너무 길지 않은지 보세요."))
                stage = "grading"
                current = None
                kernel.install_rpc()
                ns = proxy.RemoteNamespace(proxy.Session(kernel.transport), reference)
                for item in book:
                    if item.name in fixed or item.name in done:
                        continue
                    current = item.name
                    result = self._evaluate(item, ns)
                    if not kernel.alive():
                        raise sandbox.KernelDied(kernel.death)
                    if result["status"] == "blank" and item.name in raised:
                        result = row(item.name, "raised", (
                            f"답안 셀에서 오류가 났습니다: {raised[item.name]}. 그 줄을 고쳐 답안 셀을 다시 실행한 뒤 "
                            f"채점하세요. 막히면 {item.name}.hint()를 보세요."), "raised")
                    done[item.name] = result
                break
            except Exception as exc:  # noqa: BLE001 - 커널이 죽었거나 통로가 망가졌다: 이유를 적고 계속
                reason = kernel.death or f"{type(exc).__name__}: {str(exc)[:200]}".rstrip(": ")
                if stage == "cells" and current:
                    fixed.setdefault(current, row(current, "error", f"답안 셀을 실행하다 커널이 끝났습니다: {reason}."))
                    continue
                if stage == "grading" and current and kernel.death:
                    fixed.setdefault(current, row(current, "error", f"답안을 채점하다 커널이 끝났습니다: {reason}."))
                    continue
                where = {"start": "커널을 시작하다", "cells": "수업 셀을 실행하다",
                         "grading": "채점 통로를 열다"}[stage]
                for name in names:
                    if name not in fixed and name not in done:
                        fixed[name] = row(name, "error", f"{where} 멈췄습니다: {reason}.")
                break
            finally:
                kernel.close()
                workspace.remove()
        for name in names:
            if name not in fixed and name not in done:
                fixed[name] = row(name, "timeout",
                                  f"제출물 하나의 제한 시간({self.limits.wall:g}초) 안에 채점하지 못했습니다.")
        return [fixed.get(name) or done[name] for name in names]

    def _evaluate(self, item, ns: proxy.RemoteNamespace) -> dict:
        """채점 함수를 이 프로세스에서 부른다 (출력과 경고는 버린다). 수업 변수가 기준과 다르면 다시 본다."""
        ns.mismatched.clear()
        ns.use_reference = False
        with _silenced():
            result = item.evaluate(ns)
            mismatched = sorted(ns.mismatched)
            again = None
            if mismatched and ns.reference is not None:
                ns.use_reference = True
                try:
                    again = item.evaluate(ns)
                finally:
                    ns.use_reference = False
        message = result.message
        if again is not None and again.passed != result.passed:
            names = ", ".join(f"`{n}`" for n in mismatched[:5])
            verdict = "통과" if again.passed else "실패"
            message += (f" ⚠️ {REVIEW}: 수업 변수 {names}의 값이 강의 노트북을 답 없이 실행한 값과 다르고, "
                        f"강의 노트북의 값으로 채점하면 {verdict}입니다.")
        return row(item.name, result.status, message, result.key)


@contextlib.contextmanager
def _silenced():
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        yield


def grade_notebook(path: Path, timeout: int = 120, **options) -> list[dict]:
    """노트북 하나를 채점한다 (격리, 기준 커널 포함). 실행 자체가 안 되면 이유와 함께 실패로."""
    limits = sandbox.Limits(cell_timeout=timeout)
    with Grader(limits, **options) as grader:
        return grader.grade_file(Path(path))


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
    for r in rows:
        passed, count = totals.setdefault(r["학생 파일"], [0, 0])
        totals[r["학생 파일"]] = [passed + (r["결과"] == "통과"), count + 1]
    lines = ["# 채점 결과", "", "| 학생 파일 | 점수 |", "|---|---|"]
    lines += [f"| {who} | {p} / {n} |" for who, (p, n) in totals.items()]
    lines += ["", "| " + " | ".join(COLUMNS) + " |", "|---|---|---|---|"]
    for r in rows:
        cells = [str(r[c]).replace("|", "\\|").replace("\n", " ") for c in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    md_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv_path, md_path


def _order(paths: list[Path]) -> list[Path]:
    """같은 강의 노트북끼리 이어서 채점한다 (기준 커널을 한 번만 만들도록)."""

    def key(path: Path):
        try:
            return (notebook_id(nbformat.read(path, as_version=4), path), str(path))
        except Exception:  # noqa: BLE001
            return ("", str(path))

    return sorted(paths, key=key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("submissions", type=Path, help="제출된 .ipynb가 든 폴더")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "grades", help="결과 폴더 (기본: build/grades)")
    parser.add_argument("--timeout", type=float, default=120, help="수업 셀 하나의 제한 시간(초), 기본 120")
    parser.add_argument("--answer-timeout", type=float, default=None,
                        help="답안 셀 하나의 제한 시간(초), 기본은 --timeout과 같다")
    parser.add_argument("--wall", type=float, default=900, help="제출물 하나의 제한 시간(초), 기본 900")
    parser.add_argument("--cpu", type=int, default=1800, help="제출물 커널 하나의 CPU 시간(초), 기본 1800")
    parser.add_argument("--memory", type=float, default=4, help="제출물 커널 하나의 메모리(GiB), 기본 4")
    parser.add_argument("--no-sandbox", action="store_true", help="bubblewrap 격리 없이 (시간 비교용; 믿는 제출만)")
    parser.add_argument("--no-reference", action="store_true", help="수업 변수를 기준 커널과 비교하지 않는다")
    args = parser.parse_args(argv)
    root = args.submissions.resolve()
    if not root.is_dir():
        print(f"제출 폴더가 없습니다: {args.submissions}. 예: make grade SUBMISSIONS=submissions/", file=sys.stderr)
        return 2
    paths = sorted(p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    if not paths:
        print(f"{args.submissions} 아래에 .ipynb 파일이 없습니다.", file=sys.stderr)
        return 2
    out = args.out.resolve()
    limits = sandbox.Limits(cell_timeout=args.timeout, answer_timeout=args.answer_timeout, wall=args.wall,
                            cpu=args.cpu, memory_gb=args.memory,
                            rpc_timeout=min(60.0, args.answer_timeout or args.timeout))
    rows_by_path: dict[Path, list[dict]] = {}
    start = time.perf_counter()
    with Grader(limits, isolate=not args.no_sandbox, reference=not args.no_reference, hide=[root, out],
                logs=out / "logs") as grader:
        print(grader.banner(), flush=True)
        for index, path in enumerate(_order(paths), 1):
            began = time.perf_counter()
            results = grader.grade_file(path, label=str(path.relative_to(root)))
            rows_by_path[path] = rows_for(path, root, results)
            passed = sum(r["status"] == "correct" for r in results)
            review = f" ({REVIEW})" if any(REVIEW in r["message"] for r in results) else ""
            print(f"[{index}/{len(paths)}] {path.relative_to(root)}: {passed} / {len(results)}"
                  f"{review} ({time.perf_counter() - began:.0f}초)", flush=True)
    rows = [r for path in paths for r in rows_by_path[path]]
    csv_path, md_path = write_reports(rows, out)
    print(f"결과: {csv_path}, {md_path} (모두 {time.perf_counter() - start:.0f}초)")
    print(json.dumps({"files": len(paths), "exercises": len(rows)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
