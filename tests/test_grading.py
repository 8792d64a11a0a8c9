"""채점기(`tools/grade.py`): 실제 노트북(01) 하나로, 정직한 제출물과 속이려는 제출물을 한 번에 채점한다.

강의 저장소를 임시 폴더로 복사하고(그 사본만 채점기가 쓴다) 그 사본의 채점기를 별도 프로세스로 실행한다.
제출물 (파일 이름 순서로 채점된다):
- instructor: 강사용 판 → 만점 / blank: 학생판 그대로 → 0점, "아직 답이 없습니다"
- planted: 전형적인 실수 하나와 예외를 내는 답안 하나 → 정확히 그 두 문제만 실패, 그 실수의 피드백, 그 예외
- forger: 답안 셀 안에서 `helpers.exercises.grade`, 채점 클래스(`Exercise.evaluate`, `Result.passed`, `check`,
  채점 함수)를 바꾸고 가짜 결과 줄을 print; 답안 셀이 아닌 셀에도 같은 코드 (실행되지 않는다); q2의 답안 셀을
  지우고 q3(해답)의 태그를 바꿈 → q1(맞는 답)만 통과, q2와 q3에 "답안 셀을 찾을 수 없습니다"
- channel: 답안 셀 안에서 채점 통로(`helpers.exercises.remote`)를 바꿔 엉터리 응답 → 틀린 답은 틀린 채로, 채점은 계속
- vandal: 강의 폴더(절대 경로, 상대 경로)와 다른 제출물에 쓰고, 다른 제출물의 답을 읽어 실행하려 함
  → q1(맞는 답)만 통과, 강의 폴더와 제출 폴더는 바이트 하나 다르지 않음, 뒤에 채점한 zz_victim은 만점
- loop: q1은 끝나지 않는 반복문, q2는 중단(KeyboardInterrupt)도 삼키는 반복문 → 그 둘만 실패, q3 통과
- bomb: q1은 메모리 제한보다 훨씬 큰 배열, q2는 공유 메모리로 RSS를 키움 → 그 둘만 실패, q3 통과
- broken: JSON이 아닌 파일 → 한국어 메시지
"""

import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import instructor_edition as editions
import nbformat
import pytest
import sandbox
from nbformat.v4 import new_code_cell

from helpers import exercises

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "01_sequential_dense.ipynb"
ISOLATED, WHY_NOT = sandbox.isolation()
LIMITED = sys.platform.startswith("linux") and shutil.which("prlimit") is not None  # 메모리 제한(RLIMIT_DATA)
FAKE_LINE = "[1/1] forger.ipynb: 3 / 3 (1초)"

FORGE = f"""
import helpers.exercises as E
from helpers.exercises import core

E.grade = lambda n, ns: [{{"exercise": q, "status": "correct", "key": None, "message": "ok"}}
                         for q in ("q1", "q2", "q3")]
core.Exercise.evaluate = lambda self, ns: core.Result(self.name, "correct", "정답입니다.")
core.Result.passed = property(lambda self: True)
core.Exercise.check = lambda self: print("✅ 정답")
for exercise in (q1, q2, q3):
    exercise.checker = lambda ns: "정답입니다."
print({FAKE_LINE!r})
print("KERAS_COURSE_PROBE:" + '[{{"exercise": "q2", "status": "correct", "message": "ok"}}]')
"""

CHANNEL = """
import helpers.exercises.remote as remote

remote.Server.__call__ = lambda self, request: remote._Json({"ok": {"$": "nope"}, "printed": "✅ 정답"})
"""

FAKE_BOOK = '''
from .core import Book
book = Book("01_sequential_dense")
for _name in ("q1", "q2", "q3"):
    book.exercise(stars=1, title="x", hint="x", solution="x = 1")(
        type(lambda ns: "정답입니다.")((lambda ns: "정답입니다.").__code__, {}, _name))
q1, q2, q3 = book.exercises.values()
'''


def vandal_q1(course: Path, subs: Path) -> str:
    return f"""
import glob
import pathlib

fake = {FAKE_BOOK!r}
targets = [
    pathlib.Path({str(course)!r}) / "helpers/exercises/ex01.py",  # 강의 폴더 (절대 경로)
    pathlib.Path({str(course)!r}) / "tools/grade.py",
    pathlib.Path("../helpers/exercises/ex01.py"),  # 상대 경로 (자기 사본)
    pathlib.Path("../../helpers/exercises/ex01.py"),
    *map(pathlib.Path, glob.glob("/tmp/course-grade-*/*/helpers/exercises/*.py")),  # 다른 사본
]
for target in targets:
    try:
        target.write_text(fake)
    except OSError:
        pass
for other in pathlib.Path({str(subs)!r}).glob("*.ipynb"):  # 다른 제출물
    try:
        other.write_text("{{}}")
    except OSError:
        pass
q1_per_layer = [90, 55, 6]
"""


def vandal_q2(subs: Path) -> str:
    return f"""
import json
import pathlib

q2_model = ...
try:
    notebook = json.loads((pathlib.Path({str(subs)!r}) / "instructor.ipynb").read_text())
    for cell in notebook["cells"]:
        if "answer-q2" in cell["metadata"].get("tags", []):
            exec("".join(cell["source"]))
except Exception:
    pass
"""


LOOP_FOREVER = "q1_per_layer = [90, 55, 6]\nwhile True:\n    pass\n"
LOOP_STUBBORN = """
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
"""
BIG_ARRAY = "import numpy as np\n\nq1_per_layer = [90, 55, 6]\nbig = np.ones((60_000, 60_000))\n"
SHARED_MEMORY = """
import mmap

block = mmap.mmap(-1, 4 << 30)
for i in range(0, len(block), 4096):
    block[i] = 1
"""


def tree(root: Path) -> dict[str, str]:
    """폴더 안 모든 파일의 SHA-256 (바이트 하나라도 바뀌면 다르다)."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


RAISE = "raise RuntimeError('학생 답안의 실수')\n"


def raising(items, planted):
    """예외를 내는 답안을 넣을 문제: 실수를 심은 문제가 아닌 첫 문제."""
    return next(item for item in items if item is not planted)


def write_submissions(subs: Path, course: Path, items, planted) -> None:
    student = nbformat.read(NOTEBOOK, as_version=4)
    stem = NOTEBOOK.stem
    solutions = {item.name: item.solution_code for item in items}
    q1, q2, q3 = (item.name for item in items[:3])

    def save(name: str, answers: dict | None = None, extra: list[str] = ()) -> nbformat.NotebookNode:
        nb = editions.fill(student, stem, answers)
        nb.cells += [new_code_cell(code) for code in extra]
        nbformat.write(nb, subs / name)
        return nb

    save("instructor.ipynb")
    shutil.copy(NOTEBOOK, subs / "blank.ipynb")
    key, (message, code) = next(iter(planted.mistakes.items()))
    save("planted.ipynb", {**solutions, planted.name: code, raising(items, planted).name: RAISE})
    nb = save("forger.ipynb", {**solutions, q1: FORGE + solutions[q1]}, extra=[FORGE, f"print({FAKE_LINE!r})"])
    cells = editions.answer_cells(nb)
    nb.cells.remove(cells[q2])  # 지운 답안 셀
    cells[q3].metadata["tags"] = ["answer"]  # 태그를 바꾼 답안 셀 (해답이 들어 있어도)
    nbformat.write(nb, subs / "forger.ipynb")
    save("channel.ipynb", {q1: CHANNEL + "q1_per_layer = [80, 50, 5]\n"})
    if ISOLATED:  # 격리 없이는 정말로 쓰므로 (강의 폴더 사본에지만) 격리될 때만
        save("vandal.ipynb", {q1: vandal_q1(course, subs), q2: vandal_q2(subs)})
    save("loop.ipynb", {q1: LOOP_FOREVER, q2: solutions[q2] + LOOP_STUBBORN, q3: solutions[q3]})
    if LIMITED:  # 메모리 제한이 없는 기계에서 메모리 폭탄을 터뜨리지 않도록
        save("bomb.ipynb", {q1: BIG_ARRAY, q2: solutions[q2] + SHARED_MEMORY, q3: solutions[q3]})
    shutil.copy(subs / "instructor.ipynb", subs / "zz_victim.ipynb")
    (subs / "broken.ipynb").write_text("{ not json", encoding="utf-8")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = tmp_path_factory.mktemp("course") / "keras-course"
    shutil.copytree(ROOT, course, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "editions", "__pycache__", ".pytest_cache", ".ruff_cache", "*.egg-info"))
    subs = tmp_path_factory.mktemp("submissions")
    items = list(exercises.load(NOTEBOOK.stem))
    planted = items[1]
    write_submissions(subs, course, items, planted)
    before, subs_before = tree(course), tree(subs)
    out = tmp_path_factory.mktemp("grades")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, str(course / "tools" / "grade.py"), str(subs), "--out", str(out),
         "--answer-timeout", "6", "--memory", "2"],
        capture_output=True, text=True, timeout=900, env=env, cwd=course,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    with (out / "grades.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    table = {}
    for r in rows:
        table.setdefault(r["학생 파일"], {})[r["연습문제"]] = (r["결과"], r["피드백"])
    return {
        "table": table, "items": items, "planted": planted, "out": out, "stdout": done.stdout,
        "stderr": done.stderr, "changed": _diff(before, tree(course)), "subs_changed": _diff(subs_before, tree(subs)),
    }


def _diff(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def results(graded, who: str) -> dict[str, str]:
    return {name: result for name, (result, _) in graded["table"][who].items()}


def passed(graded, who: str) -> set[str]:
    return {name for name, result in results(graded, who).items() if result == "통과"}


def feedback(graded, who: str, name: str) -> str:
    return graded["table"][who][name][1]


def test_instructor_edition_scores_full_marks(graded):
    assert passed(graded, "instructor.ipynb") == {item.name for item in graded["items"]}


def test_blank_student_edition_scores_zero(graded):
    for item in graded["items"]:
        result, message = graded["table"]["blank.ipynb"][item.name]
        assert result == "실패" and "아직 답이 없습니다" in message


def test_planted_mistake_loses_exactly_that_exercise(graded):
    planted = graded["planted"]
    message = next(iter(planted.mistakes.values()))[0]
    raised = raising(graded["items"], planted)
    assert passed(graded, "planted.ipynb") == {item.name for item in graded["items"]} - {planted.name, raised.name}
    assert message in feedback(graded, "planted.ipynb", planted.name)


def test_a_raising_answer_fails_only_its_exercise(graded):
    raised = raising(graded["items"], graded["planted"])
    assert "RuntimeError" in feedback(graded, "planted.ipynb", raised.name)


def test_patching_the_grader_in_the_kernel_earns_nothing(graded):
    """grade, Exercise.evaluate, Result.passed, check, 채점 함수를 바꾸고 해답이 든 셀의 태그를 바꿔도: q1만 통과."""
    assert passed(graded, "forger.ipynb") == {"q1"}


def test_deleted_or_retagged_answer_cells_get_a_clear_message(graded):
    for name in ("q2", "q3"):
        assert f"{name}의 답안 셀(태그 answer-{name})을 찾을 수 없습니다" in feedback(graded, "forger.ipynb", name)


def test_a_printed_fake_result_line_never_reaches_the_grader(graded):
    assert FAKE_LINE not in graded["stdout"]
    assert "forger.ipynb: 1 / 3" in graded["stdout"]


def test_a_broken_grading_channel_fails_only_that_submission(graded):
    assert passed(graded, "channel.ipynb") == set()
    assert passed(graded, "zz_victim.ipynb") == {item.name for item in graded["items"]}


@pytest.mark.skipif(not ISOLATED, reason=f"격리 없이 채점하는 기계: {WHY_NOT}")
def test_writes_to_the_course_or_other_submissions_change_nothing(graded):
    assert graded["changed"] == [] and graded["subs_changed"] == []
    assert passed(graded, "vandal.ipynb") == {"q1"}  # q2: 다른 제출물(instructor)의 답을 읽지 못했다
    assert passed(graded, "zz_victim.ipynb") == {item.name for item in graded["items"]}


def test_endless_loops_fail_only_their_exercises(graded):
    assert results(graded, "loop.ipynb") == {"q1": "실패", "q2": "실패", "q3": "통과"}
    assert "끝나지 않아" in feedback(graded, "loop.ipynb", "q1")
    assert "커널" in feedback(graded, "loop.ipynb", "q2")


@pytest.mark.skipif(not LIMITED, reason="prlimit(RLIMIT_DATA)이 없는 기계")
def test_memory_bombs_fail_only_their_exercises(graded):
    assert results(graded, "bomb.ipynb") == {"q1": "실패", "q2": "실패", "q3": "통과"}
    assert "MemoryError" in feedback(graded, "bomb.ipynb", "q1")
    assert "메모리" in feedback(graded, "bomb.ipynb", "q2")


def test_unreadable_file_gets_a_korean_message(graded):
    assert "채점할 수 없는 파일" in feedback(graded, "broken.ipynb", "-")


def test_terminal_shows_progress_and_results_only(graded):
    lines = graded["stdout"].strip().splitlines()
    assert lines[0].startswith(("격리:", "⚠️ 격리 없음"))
    files = len(graded["table"])
    body = lines[1:-2]
    assert len(body) == files and all(line.startswith("[") and line.endswith("초)") for line in body), lines
    assert lines[-2].startswith("결과:") and json.loads(lines[-1])["files"] == files
    assert graded["stderr"].strip() == ""


def test_markdown_report_has_scores(graded):
    text = (graded["out"] / "grades.md").read_text(encoding="utf-8")
    assert "| instructor.ipynb | 3 / 3 |" in text and "| blank.ipynb | 0 / 3 |" in text
    assert "| 학생 파일 | 연습문제 | 결과 | 피드백 |" in text


def test_grader_explains_a_missing_folder(tmp_path, capsys):
    import grade

    assert grade.main([str(tmp_path / "없음")]) == 2
    assert "제출 폴더가 없습니다" in capsys.readouterr().err


def test_grader_explains_a_broken_file(tmp_path):
    import grade

    (tmp_path / "03_broken.ipynb").write_text("{ not json", encoding="utf-8")
    results = grade.grade_notebook(tmp_path / "03_broken.ipynb")
    assert results[0]["status"] == "error" and "채점할 수 없는 파일" in results[0]["message"]


# --------------------------------------------------------------------------- 대리 객체 (커널 없이, 같은 프로세스에서)


def _loopback(namespace: dict):
    import proxy

    from helpers.exercises import remote

    return proxy.RemoteNamespace(proxy.loopback(remote.install(namespace)))


def test_plain_data_arrives_as_real_values():
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame({"a": [1.5, 2.5], "b": [3, 4]}, index=["x", "y"])
    ns = _loopback({"q1_list": [1, 2.5, ..., {"k": (1, "s")}], "q1_array": np.arange(6).reshape(2, 3),
                    "q1_path": Path("build") / "model.keras", "q1_range": range(1, 9, 2),
                    "q1_scalar": np.float32(0.5), "q1_frame": frame, "q1_series": frame["a"], "nan": float("nan")})
    assert ns["q1_list"] == [1, 2.5, Ellipsis, {"k": (1, "s")}]
    assert ns["q1_path"] == Path("build/model.keras") and ns["q1_range"] == range(1, 9, 2)
    assert isinstance(ns["q1_array"], np.ndarray) and ns["q1_array"].tolist() == [[0, 1, 2], [3, 4, 5]]
    assert type(ns["q1_scalar"]) is np.float32
    assert ns["q1_frame"].equals(frame) and ns["q1_series"].equals(frame["a"])
    assert "q1_list" in ns and "q9" not in ns and ns.get("q9", 7) == 7


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Keras 안의 np.array(copy=...) 안내
def test_objects_arrive_as_proxies_that_pass_isinstance():
    import types

    import keras
    import numpy as np

    from helpers.exercises.core import call_answer, names_used

    def q1_forward(model, x):
        print("계산 중")
        return np.asarray(x) * len(model.layers)

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="relu")])
    ns = _loopback({"q1_model": model, "q1_forward": q1_forward})
    remote_model = ns["q1_model"]
    assert isinstance(remote_model, keras.Model) and type(remote_model).__name__ == "Sequential"
    assert remote_model.count_params() == 8 and remote_model.layers[0] is remote_model.layers[0]
    dense = remote_model.layers[0]
    assert isinstance(dense, keras.layers.Dense) and dense.activation.__name__ == "relu"
    assert np.asarray(remote_model.layers[0].kernel).shape == (3, 2)
    assert getattr(remote_model, "_no_such_attribute", "없음") == "없음"
    function = ns["q1_forward"]
    assert isinstance(function, types.FunctionType) and {"asarray", "len", "print"} <= names_used(function)
    probe = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])  # 채점기가 만든 객체를 넘긴다
    assert call_answer(function, probe, [1.0, 2.0]).tolist() == [1.0, 2.0]


def test_remote_errors_keep_their_type_message_and_line():
    from helpers.exercises.core import answer_frame

    cell = compile("def q1_f(x):\n    y = x + 1\n    raise ValueError('matmul 모양이 다릅니다')\n",
                   "/tmp/ipykernel_12/3456.py", "exec")
    namespace: dict = {}
    exec(cell, namespace)
    ns = _loopback(namespace)
    with pytest.raises(ValueError, match="matmul 모양이 다릅니다") as caught:
        ns["q1_f"](1)
    assert type(caught.value).__name__ == "ValueError"
    assert answer_frame(caught.value.__traceback__)[0] == 3
    with pytest.raises(KeyError):
        ns["없는 이름"]


def test_kernel_answers_are_read_as_data_only():
    import proxy

    session = proxy.Session(lambda payload: {"ok": {"$": "pickle", "v": "gASVAAAAAAAAAAA="}})
    with pytest.raises(proxy.ProtocolError):
        session.request("ns_get", name="q1")
    forged_class = {"$": "class", "m": "os", "q": "system", "ref": {"$": "ref", "id": 1, "mro": [], "callable": True}}
    found = proxy.Session(lambda payload: {"ok": forged_class}).request("ns_get", name="q1")
    assert isinstance(found, proxy.RemoteObject)  # os.system이 아니라 대리 객체
    pointer = {"ok": {"$": "dict", "v": [["data", [140000000000000, False]], ["shape", {"$": "tuple", "v": [8]}]]}}
    asked = []

    def transport(payload):
        asked.append(payload.get("name"))
        if payload["op"] == "ns_get":
            return {"ok": {"$": "ref", "id": 2, "mro": [["builtins", "object"]], "callable": False}}
        return pointer

    remote = proxy.Session(transport).request("ns_get", name="q1")
    assert not hasattr(remote, "__array_interface__") and "__array_interface__" not in asked


def test_forged_lesson_values_are_flagged_for_review():
    import grade
    import proxy

    from helpers.exercises import remote
    from helpers.exercises.core import Book, answer, mistake

    book = Book("99_test")

    @book.exercise(stars=1, title="합", hint="sum", solution="q1_total = sum(X)\n")
    def q1(ns):
        if answer(ns, "q1_total") != sum(ns["X"]):
            mistake()
        return "정답입니다."

    reference = proxy.loopback(remote.install({"X": [1, 2, 3]}))
    ns = proxy.RemoteNamespace(proxy.loopback(remote.install({"X": [1, 2, 4], "q1_total": 7})), reference)
    result = grade.Grader._evaluate(None, q1, ns)
    assert result["status"] == "correct" and grade.REVIEW in result["message"] and "`X`" in result["message"]
    honest = proxy.RemoteNamespace(proxy.loopback(remote.install({"X": [1, 2, 3], "q1_total": 6})), reference)
    assert grade.REVIEW not in grade.Grader._evaluate(None, q1, honest)["message"]
