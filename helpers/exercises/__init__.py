"""연습문제: 답안을 바로 채점(check)하고, 힌트(hint)와 해답(solution)을 요청할 때만 보여 준다.

노트북 NN의 연습문제는 `helpers/exercises/exNN.py`에 있습니다. 노트북에서는
`from helpers.exercises.ex03 import q1, q2, q3`처럼 불러서 `q1.check()`, `q1.hint()`, `q1.solution()`을 씁니다.
강사용 판 만들기(`make editions`)와 채점(`make grade`)은 `load()`, `grade()`, `selftest()`를 씁니다.
"""

from __future__ import annotations

import importlib
import linecache
import re
from collections.abc import MutableMapping

from . import tracking
from .core import (
    BLANK,
    CORRECT,
    ERROR,
    MISTAKE,
    RAISED,
    Book,
    Exercise,
    Result,
    answer,
    call_answer,
    is_blank,
    mistake,
)

__all__ = ["BLANK", "CORRECT", "ERROR", "MISTAKE", "RAISED", "Book", "Exercise", "Result", "answer", "call_answer",
           "grade", "is_blank", "load", "mistake", "selftest"]

tracking.install()  # fit/save/load와 답안 셀 오류를 기록한다 (채점이 '어떻게 만들었는지'를 보려고)


def load(notebook: str) -> Book:
    """'03', '03_compile', 'notebooks/03_compile.ipynb' 무엇을 받아도 그 노트북의 연습문제 모음을 돌려준다."""
    found = re.search(r"(\d\d)", str(notebook).rsplit("/", 1)[-1])
    if not found:
        raise ValueError(f"노트북 번호를 알 수 없습니다: {notebook!r} (예: '03' 또는 '03_compile')")
    try:
        module = importlib.import_module(f"helpers.exercises.ex{found[1]}")
    except ModuleNotFoundError:
        raise ValueError(f"{found[1]}번 노트북의 연습문제가 없습니다 (helpers/exercises/ex{found[1]}.py).") from None
    return module.book


def grade(notebook: str, ns: MutableMapping) -> list[dict]:
    """노트북 하나의 연습문제를 모두 채점해 결과를 딕셔너리 목록으로 돌려준다."""
    return [
        {"exercise": r.exercise, "status": r.status, "key": r.key, "message": r.message}
        for r in load(notebook).grade(ns)
    ]


def selftest(notebook: str, ns: MutableMapping, blanks: dict[str, str] | None = None) -> list[dict]:
    """테스트용: 해답이 채워진 강사용 판을 끝까지 실행한 커널에서, 문제마다 채점 결과를 모은다.

    1. 지금 상태(강사용 판: 해답이 실행된 상태)를 채점한다 → 정답이어야 한다.
    2. 학생판의 빈 답안 셀(blanks[문제 이름])을 실행하고 채점한다 → "아직 답이 없습니다".
    3. 알려진 실수마다: 빈 답안 셀을 실행한 뒤 그 실수의 답안을 실행하고 채점한다 → 그 실수의 메시지.
    4. 해답을 다시 실행하고 채점한다 → 정답.
    (`tests/test_exercises.py`가 부른다.)
    """
    blanks = blanks or {}
    report = []

    def run(code: str, label: str) -> str | None:
        """답안 셀처럼 실행한다: 오류가 나면 답안 셀 오류로 기록한다 (노트북에서 셀이 오류를 낸 것과 같게)."""
        errors = ns.setdefault(tracking.ERRORS_KEY, {})
        errors.pop(item.name, None)
        filename = f"<{item.name} {label}>"
        linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)  # 오류 메시지에 그 줄이 보이게
        try:
            exec(compile(code, filename, "exec"), ns)
        except Exception as exc:  # noqa: BLE001 - 학생 답안의 오류를 기록한다
            frame = tracking.answer_frame(exc.__traceback__)
            where = f" (답안 셀 {frame[0]}번째 줄: `{frame[1]}`)" if frame else ""
            errors[item.name] = f"{tracking.error_text(exc)}{where}"
            return f"{type(exc).__name__}: {exc}"
        return None

    for item in load(notebook):
        entry = {"exercise": item.name, "instructor": item.evaluate(ns).status, "mistakes": {},
                 "rejects": [], "accepts": []}
        blank = blanks.get(item.name, "")
        run(blank, "빈 답안")
        entry["blank"] = item.evaluate(ns).status
        for key, (_, code) in item.mistakes.items():
            run(blank, "빈 답안")
            run(code, f"실수 {key}")
            result = item.evaluate(ns)
            entry["mistakes"][key] = [result.status, result.key, result.message]
        for code, key in item.rejects:
            run(blank, "빈 답안")
            run(code, "틀린 답안")
            result = item.evaluate(ns)
            entry["rejects"].append([code, key, result.status, result.key, result.message])
        for code in item.accepts:
            run(blank, "빈 답안")
            run(code, "다른 해답")
            result = item.evaluate(ns)
            entry["accepts"].append([code, result.status, result.message])
        run(blank, "빈 답안")
        run(item.solution_code, "해답")
        result = item.evaluate(ns)
        entry["solution"] = [result.status, result.message]
        report.append(entry)
    return report
