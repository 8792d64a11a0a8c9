"""연습문제 검사: 형식, 해답이 학생판에 보이지 않는지, 그리고 문제마다 빈 답안 / 알려진 실수 / 해답의 채점 결과.

느린 부분(`test_each_exercise_grades_as_designed`)은 노트북마다 학생판을 새 커널에서 끝까지 실행한 뒤
같은 커널에서 문제마다 빈 답안 → 알려진 실수 각각 → 해답을 실행하고 채점한다 (`helpers.exercises.selftest`).
"""

import re
from pathlib import Path

import instructor_edition as editions
import nbformat
import nbtool
import pytest

from helpers import exercises
from helpers.exercises.core import BLANK_MESSAGE, STARS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _book(path):
    return exercises.load(path.stem)


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def notebook(request):
    return request.param, nbformat.read(request.param, as_version=4), _book(request.param)


def _cells_tagged(nb, tag):
    return [c for c in nb.cells if tag in c.metadata.get("tags", [])]


def test_every_notebook_has_graded_exercises(notebook):
    path, nb, book = notebook
    items = list(book)
    assert len(items) >= 3, f"{path.name}: 연습문제가 {len(items)}개 (3개 이상이어야 함)"
    assert [i.number for i in items] == list(range(1, len(items) + 1)), "문제 번호는 q1부터 차례로"
    stars = [i.stars for i in items]
    assert stars == sorted(stars) and len(set(stars)) >= 2, f"난이도가 쉬운 것부터 올라가야 함: {stars}"
    for item in items:
        assert item.hint_text and item.solution_code.strip(), f"{item.name}: 힌트와 해답이 있어야 함"
        assert len(item.mistakes) >= 2, f"{item.name}: 알려진 실수를 두 가지 이상 알아봐야 함"
        messages = [m for m, _ in item.mistakes.values()]
        assert len(set(messages)) == len(messages), f"{item.name}: 실수마다 다른 메시지"
        assert len(item.rejects) >= 3, f"{item.name}: 알려진 실수 말고 학생이 쓸 법한 틀린 답안이 3개 이상 있어야 함"
        assert len(item.accepts) >= 2, f"{item.name}: 해답과 다른 방식으로 쓴 맞는 답안이 2개 이상 있어야 함"


def test_exercise_cells_follow_the_pattern(notebook):
    """문제마다: 별표가 있는 설명, `...`가 든 빈 답안 셀(태그 answer-qN), 채점 셀(출력 비교 태그)."""
    path, nb, book = notebook
    sources = [c.source for c in nb.cells]
    imports = [s for s in sources if f"from helpers.exercises.{_module(path)} import" in s]
    assert imports, f"{path.name}: 연습문제를 불러오는 셀이 없음"
    for item in book:
        title = [c for c in nb.cells if c.cell_type == "markdown" and re.search(
            rf"###\s*연습문제 {item.number}\b.*{re.escape(STARS[item.stars])}", c.source)]
        assert title, f"{item.name}: '### 연습문제 {item.number} ... {STARS[item.stars]}' 제목이 없음"
        answers = _cells_tagged(nb, f"answer-{item.name}")
        assert len(answers) == 1, f"{item.name}: answer-{item.name} 태그가 붙은 답안 셀이 하나여야 함"
        assert "# 여기에 작성" in answers[0].source and "..." in answers[0].source
        checks = [c for c in nb.cells if c.cell_type == "code" and f"{item.name}.check()" in c.source]
        assert len(checks) == 1, f"{item.name}: 채점 셀이 하나여야 함"
        assert "nbval-check-output" in checks[0].metadata.get("tags", []), f"{item.name}: 채점 셀에 출력 비교 태그"
        shown = "".join(o.get("text", "") for o in checks[0].outputs)
        assert BLANK_MESSAGE in shown, f"{item.name}: 커밋된 학생판의 채점 셀은 '아직 답이 없습니다'를 보여야 함"


def _module(path):
    return f"ex{path.stem[:2]}"


def _solution_lines(item, nb):
    """해답에서 학생판에 나오면 안 되는 줄: 답안 이름(qN_)이 들어 있고 빈 답안 셀에는 없는 줄."""
    blank = "\n".join(c.source for c in nb.cells if f"answer-{item.name}" in c.metadata.get("tags", []))
    lines = []
    for line in item.solution_code.splitlines():
        stripped = line.strip()
        if f"{item.name}_" in stripped and not stripped.startswith("#") and stripped not in blank:
            lines.append(stripped)
    return lines


def test_student_edition_shows_no_solution(notebook):
    path, nb, book = notebook
    everything = "\n".join(
        [c.source for c in nb.cells]
        + [nbtool_text(o) for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    )
    for item in book:
        assert item.solution_code.strip() not in everything, f"{item.name}: 해답 전체가 학생판에 보임"
        for line in _solution_lines(item, nb):
            assert line not in everything, f"{item.name}: 해답 줄이 학생판에 보임: {line}"


def nbtool_text(output):
    if output.get("output_type") == "stream":
        return output.get("text", "")
    return output.get("data", {}).get("text/plain", "")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_exercise_grades_as_designed(path):
    """강사용 판(해답을 채운 노트북)을 새 커널에서 끝까지 실행하고, 같은 커널에서 문제마다
    정답(강사용 판 그대로) → 빈 답안 → 알려진 실수 각각 → 그 밖의 틀린 답안(rejects) 각각 → 다른 방식의
    맞는 답안(accepts) 각각 → 해답 순서로 채점한다.

    해답이 답안 셀 전체를 대신하므로, 빈 답안 셀에 주어진 줄(데이터 준비 등)에 기대는 해답은 여기서 실패한다."""
    student = nbformat.read(path, as_version=4)
    blanks = {name: cell.source for name, cell in editions.answer_cells(student).items()}
    instructor = editions.fill(student, path.stem)
    probe = (
        "__import__('json').dumps(__import__('helpers.exercises').exercises.selftest("
        f"{path.stem!r}, globals(), {blanks!r}))"
    )
    report, _ = nbtool.run_with_probe(instructor, probe, cwd=path.parent, timeout=900)  # 한 셀이 모든 답안을 채점한다
    book = _book(path)
    assert [entry["exercise"] for entry in report] == [item.name for item in book]
    for entry in report:
        item = book.exercises[entry["exercise"]]
        assert entry["instructor"] == "correct", f"{item.name}: 강사용 판(해답을 채운 노트북)에서 정답이 아님"
        assert entry["blank"] == "blank", f"{item.name}: 빈 답안이 '아직 답이 없습니다'가 아님: {entry['blank']}"
        for key, (status, got_key, message) in entry["mistakes"].items():
            assert (status, got_key) == ("mistake", key), f"{item.name} 실수 '{key}': {status} {got_key} {message}"
            assert item.mistakes[key][0] in message
        for code, key, status, got_key, message in entry["rejects"]:
            assert status in ("mistake", "raised"), f"{item.name}: 틀린 답안이 {status}로 채점됨:\n{code}"
            if key is not None:
                assert got_key == key, f"{item.name}: 틀린 답안이 '{key}'가 아니라 '{got_key}'로 채점됨: {message}"
        for code, status, message in entry["accepts"]:
            assert status == "correct", f"{item.name}: 맞는 답안이 정답 판정을 받지 못함 ({status}: {message}):\n{code}"
        status, message = entry["solution"]
        assert status == "correct", f"{item.name}: 해답이 정답 판정을 받지 못함: {message}"
