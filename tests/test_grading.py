"""채점기(`tools/grade.py`)와 강사용 판(`tools/instructor_edition.py`): 실제 노트북 하나로 끝까지.

제출 폴더에 네 가지를 넣고 채점한다: 강사용 판(만점), 빈 학생판(0점), 전형적인 실수 하나를 심은 판
(정확히 그 문제만 실패, 그 실수의 피드백), 한 답안이 예외를 내는 판(그 문제만 실패, 나머지는 채점).
"""

import csv
import shutil
from pathlib import Path

import grade
import instructor_edition as editions
import nbformat
import pytest

from helpers import exercises

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "01_sequential_dense.ipynb"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    subs = tmp_path_factory.mktemp("submissions")
    student = nbformat.read(NOTEBOOK, as_version=4)
    book = exercises.load(NOTEBOOK.stem)
    items = list(book)
    planted = items[1]
    key, (message, code) = next(iter(planted.mistakes.items()))

    nbformat.write(editions.fill(student, NOTEBOOK.stem), subs / "instructor.ipynb")
    shutil.copy(NOTEBOOK, subs / "blank.ipynb")
    answers = {item.name: item.solution_code for item in items}
    answers[planted.name] = code
    nbformat.write(editions.fill(student, NOTEBOOK.stem, answers), subs / "planted.ipynb")
    answers = {item.name: item.solution_code for item in items}
    answers[items[0].name] = "raise RuntimeError('학생 답안의 실수')"
    nbformat.write(editions.fill(student, NOTEBOOK.stem, answers), subs / "raises.ipynb")

    out = tmp_path_factory.mktemp("grades")
    assert grade.main([str(subs), "--out", str(out)]) == 0
    with (out / "grades.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    table = {}
    for row in rows:
        table.setdefault(row["학생 파일"], {})[row["연습문제"]] = (row["결과"], row["피드백"])
    return table, items, planted, message, out


def test_instructor_edition_scores_full_marks(graded):
    table, items, *_ = graded
    assert {name: result for name, (result, _) in table["instructor.ipynb"].items()} == {
        item.name: "통과" for item in items
    }


def test_blank_student_edition_scores_zero(graded):
    table, items, *_ = graded
    for item in items:
        result, feedback = table["blank.ipynb"][item.name]
        assert result == "실패" and "아직 답이 없습니다" in feedback


def test_planted_mistake_loses_exactly_that_exercise(graded):
    table, items, planted, message, _ = graded
    for item in items:
        result, feedback = table["planted.ipynb"][item.name]
        if item is planted:
            assert result == "실패" and message in feedback
        else:
            assert result == "통과", (item.name, feedback)


def test_a_raising_answer_does_not_stop_grading(graded):
    table, items, *_ = graded
    first, *rest = items
    assert table["raises.ipynb"][first.name][0] == "실패"
    assert all(table["raises.ipynb"][item.name][0] == "통과" for item in rest)


def test_markdown_report_has_scores(graded):
    *_, out = graded
    text = (out / "grades.md").read_text(encoding="utf-8")
    assert "| instructor.ipynb | " in text and "| blank.ipynb | 0 / " in text
    assert "| 학생 파일 | 연습문제 | 결과 | 피드백 |" in text


def test_grader_explains_a_missing_folder(tmp_path, capsys):
    assert grade.main([str(tmp_path / "없음")]) == 2
    assert "제출 폴더가 없습니다" in capsys.readouterr().err


def test_grader_explains_a_broken_file(tmp_path):
    (tmp_path / "03_broken.ipynb").write_text("{ not json", encoding="utf-8")
    results = grade.grade_notebook(tmp_path / "03_broken.ipynb")
    assert results[0]["status"] == "error" and "채점할 수 없는 파일" in results[0]["message"]
