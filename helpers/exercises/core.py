"""연습문제의 뼈대: 바로 채점(check), 힌트(hint), 해답(solution).

`00_setup`의 연습문제에서 처음 씁니다. 노트북에서는 이렇게 씁니다::

    from helpers.exercises.ex03 import q1, q2, q3   # 연습문제 절의 첫 셀

    # (답안 셀) 여기에 작성
    q1_loss = ...

    q1.check()        # 채점: 맞았는지, 틀렸다면 어떤 실수인지 한국어로 바로 알려 준다
    # q1.hint()       # 힌트
    # q1.solution()   # 해답

채점은 학생이 만든 변수(이름이 `q1_`로 시작)를 노트북의 전역 이름 공간에서 읽습니다. 답안 셀을 아직
채우지 않았으면(`...` 그대로) "아직 답이 없습니다"라고 말하고, 예외를 내지 않습니다.

문제를 쓰는 쪽(`helpers/exercises/exNN.py`)은 이렇게 씁니다::

    book = Book("03_compile")

    @book.exercise(
        stars=1,
        title="손실 함수 고르기",
        hint="...",
        solution='q1_loss = "binary_crossentropy"\\n',
        mistakes={"mse": ("회귀의 손실입니다 ...", 'q1_loss = "mse"\\n')},   # 키: (메시지, 그 실수를 재현하는 답안)
    )
    def q1(ns):
        loss = answer(ns, "q1_loss")
        if loss == "mse":
            mistake("mse")
        if loss != "binary_crossentropy":
            mistake()                       # 알려진 실수가 아니면: 일반 메시지 + 힌트 안내
        return "정답입니다. ..."             # 맞았을 때 한 문장: 왜 중요한지

`mistakes`의 재현 답안은 테스트(`tests/test_exercises.py`)가 실행해서, 그 실수마다 정확히 그 메시지가
나오는지 확인합니다. 해답도 같은 테스트가 실행해서 정답 판정을 받는지 확인합니다.
`rejects`(학생이 쓸 법한 그 밖의 틀린 답안, 3개 이상)는 모두 정답이 아니어야 하고,
`accepts`(해답과 다른 방식으로 쓴 맞는 답안, 2개 이상)는 모두 정답이어야 합니다. 같은 테스트가 실행합니다.

채점 원칙 (이슈 15):
- 결과만이 아니라 과정을 본다: `fits(model)`로 모델이 어떤 데이터로 학습했는지, `saved_paths(model)`과
  `loaded_from(model)`로 파일에 저장하고 불러왔는지 확인한다 (`install_tracking()`이 기록한다).
- 실수의 이름은 그것 말고는 설명이 없을 때만 부른다. 여러 원인이 가능하면 본 것을 말하고 원인 후보를 나열한다.
- 답안 셀이 오류를 냈으면 "답안 셀에서 오류가 났습니다"와 그 줄을, 변수 이름이 틀렸으면 비슷한 이름을 알려 준다.
- 숫자는 `need_number`/`need_int`/`need_array`로 종류와 모양을 먼저 보고, `close(값, 기대값, decimals=4)`처럼
  문제에 적힌 반올림까지 받아 준다.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import numbers
import re
import sys
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

BLANK_MESSAGE = "아직 답이 없습니다. 위의 답안 셀에서 `...`를 여러분의 답으로 바꾸고 실행한 뒤 다시 채점하세요."
GENERIC_MESSAGE = "아직 정답이 아닙니다."
STARS = {1: "★", 2: "★★", 3: "★★★"}

CORRECT, MISTAKE, BLANK, ERROR, RAISED = "correct", "mistake", "blank", "error", "raised"
LABELS = {
    CORRECT: "✅ 정답",
    MISTAKE: "❌ 다시 해 보세요",
    BLANK: "✏️ 아직 답이 없음",
    ERROR: "⚠️ 채점 중 오류",
    RAISED: "⚠️ 답안 셀에서 오류",
}
from .tracking import ERRORS_KEY, answer_frame, fingerprint, fits, loaded_from, saved_paths  # noqa: E402,F401


class NotAnswered(Exception):
    """답안 변수가 없거나 아직 `...`(Ellipsis) 그대로일 때."""


class AnswerCellRaised(Exception):
    """답안 셀을 실행했더니 오류가 났을 때 (그 오류와 줄을 message로)."""


class Mistake(Exception):
    """알려진 실수(key) 또는 일반 오답(key=None)."""

    def __init__(self, key: str | None = None, detail: str = ""):
        super().__init__(key or "generic")
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class Result:
    """채점 결과 한 건. status는 correct / mistake / blank / error 중 하나."""

    exercise: str
    status: str
    message: str
    key: str | None = None

    @property
    def passed(self) -> bool:
        return self.status == CORRECT

    def render(self) -> str:
        return f"{LABELS[self.status]} ({self.exercise}): {self.message}"


def is_blank(value) -> bool:
    """`...` 자리 표시(placeholder)가 그대로 남아 있는지 (리스트, 튜플, 딕셔너리 안까지)."""
    if value is Ellipsis:
        return True
    if isinstance(value, Mapping):
        return any(is_blank(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(is_blank(v) for v in value)
    return False


def _exercise_of(name: str) -> str:
    found = re.match(r"(q\d+)_", name)
    return found[1] if found else ""


def raised_in_answer_cell(ns: Mapping, exercise: str) -> str | None:
    """그 문제의 답안 셀을 마지막으로 실행했을 때 난 오류의 설명 (없으면 None)."""
    errors = ns.get(ERRORS_KEY) or {}
    return errors.get(exercise) if isinstance(errors, Mapping) else None


def answer(ns: Mapping, name: str):
    """답안 변수 하나를 읽는다.

    - 그 문제의 답안 셀이 오류를 냈으면 AnswerCellRaised (오류와 줄을 알려 준다)
    - 변수가 없으면: 비슷한 이름이 있으면 그 이름을 알려 주는 오답, 없으면 NotAnswered
    - `...`가 남아 있으면 NotAnswered, None이면 print 결과를 담은 것 같다는 오답
    """
    raised = raised_in_answer_cell(ns, _exercise_of(name))
    if raised:
        raise AnswerCellRaised(raised)
    if name not in ns:
        prefix = _exercise_of(name) or name[:2]
        candidates = [k for k in ns.keys() if isinstance(k, str) and not k.startswith("_")]
        close = difflib.get_close_matches(name, candidates, n=3, cutoff=0.75)
        close += [k for k in candidates if k.startswith(prefix + "_") and k not in close and k != name][:3]
        if close:
            names = ", ".join(f"`{k}`" for k in close[:3])
            mistake(detail=f"`{name}` 변수가 없습니다. 비슷한 이름 {names}이(가) 있습니다: "
                    f"변수 이름을 문제에 적힌 대로 `{name}`(으)로 고치고 답안 셀을 다시 실행하세요.")
        raise NotAnswered(name)
    value = ns[name]
    if is_blank(value):
        raise NotAnswered(name)
    if value is None:
        mistake(detail=f"`{name}`이(가) None입니다. `print(...)`의 결과나 return이 없는 함수의 결과를 담으면 None이 "
                "됩니다: 값 자체를 변수에 넣으세요.")
    return value


def need_number(value, name: str) -> float:
    """숫자 하나(int, float, NumPy 스칼라)인지 본다. 문자열, bool, 배열이면 그 종류를 말하는 오답."""
    if hasattr(value, "shape") and getattr(value, "shape", None) == () and hasattr(value, "item"):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        mistake(detail=f"`{name}`은(는) 숫자 하나여야 합니다 (받은 것: {type(value).__name__} {_short(value)}).")
    return float(value)


def need_int(value, name: str) -> int:
    """정수 하나인지 본다. 8.0 같은 실수, 문자열 '8'이면 그 종류를 말하는 오답."""
    if hasattr(value, "shape") and getattr(value, "shape", None) == () and hasattr(value, "item"):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        mistake(detail=f"`{name}`은(는) 정수(int) 하나여야 합니다 (받은 것: {type(value).__name__} {_short(value)}). "
                "`int(...)`나 `//`를 쓰면 정수가 됩니다.")
    return int(value)


def need_array(value, name: str, *, shape: tuple | None = None, kind: str | None = None):
    """NumPy 배열로 바꿔 모양(shape)과 종류(kind: 'i' 정수, 'f' 실수, 'b' 참/거짓)를 본다. None은 아무 크기."""
    import numpy as np

    if isinstance(value, str) or value is None:
        mistake(detail=f"`{name}`에는 배열을 넣으세요 (받은 것: {type(value).__name__}).")
    array = np.asarray(value)
    if shape is not None:
        ok = array.ndim == len(shape) and all(s is None or s == a for s, a in zip(shape, array.shape, strict=False))
        if not ok:
            want = "(" + ", ".join("n" if s is None else str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"
            hint = " `.ravel()`로 1차원으로 펴세요." if array.ndim == 2 and len(shape) == 1 and 1 in array.shape else ""
            mistake(detail=f"`{name}`의 모양이 {want}이어야 하는데 {array.shape}입니다.{hint}")
    if kind is not None and array.dtype.kind not in kind:
        words = {"i": "정수", "u": "정수", "f": "실수", "b": "참/거짓(bool)"}
        want = "/".join(dict.fromkeys(words.get(k, k) for k in kind))
        mistake(detail=f"`{name}`의 값은 {want}여야 하는데 {array.dtype}입니다. 예: `.astype(int)`")
    return array


def close(value, expected, *, decimals: int | None = None, rel: float = 1e-6) -> bool:
    """value가 expected와 같은지. decimals를 주면 그 자리까지 반올림한 답(예: round(x, 4))도 받아 준다."""
    value, expected = float(value), float(expected)
    tol = max(rel * max(abs(expected), 1e-12), 1e-12)
    if decimals is not None:
        tol = max(tol, 0.5 * 10 ** (-decimals) + 1e-12)
    return abs(value - expected) <= tol


def _short(value, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def mistake(key: str | None = None, detail: str = ""):
    """오답으로 판정한다. key는 그 문제의 `mistakes`에 적은 알려진 실수, None이면 일반 오답.

    detail은 메시지 뒤에 덧붙일 구체적인 내용 (예: 받은 값)."""
    raise Mistake(key, detail)


def _blank_function(*args):
    ...


def call_answer(function, *args, returns: str = "문제에서 말한 값"):
    """학생이 쓴 함수 답안을 부른다.

    본문이 아직 `...`뿐이면 NotAnswered(아직 답이 없음), 아무것도 돌려주지 않으면(return을 잊음) 일반 오답."""
    if not callable(function):
        mistake(detail=f"함수를 `def`로 정의해야 하는데 {type(function).__name__} 값이 들어 있습니다.")
    code = getattr(function, "__code__", None)
    if code is not None and code.co_code == _blank_function.__code__.co_code and not code.co_names:
        raise NotAnswered(getattr(function, "__name__", "함수"))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        returned = function(*args)
    if returned is None:
        if printed.getvalue().strip():
            mistake(detail=f"함수가 값을 print로 화면에 보여 주기만 하고 돌려주지 않습니다(None). "
                    f"{returns}을(를) `print(...)` 대신 `return ...`으로 돌려주세요.")
        mistake(detail=f"함수가 아무것도 돌려주지 않습니다(None). {returns}을(를) `return`으로 돌려주세요.")
    return returned


def names_used(function) -> set[str]:
    """함수 본문이 쓰는 이름과 속성(attribute) 이름 (안쪽 함수·컴프리헨션까지). 옛 API를 썼는지 볼 때."""
    import types

    names: set[str] = set()
    stack = [function.__code__]
    while stack:
        code = stack.pop()
        names.update(code.co_names)
        stack.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
    return names


def lesson(ns: Mapping, *names: str) -> list:
    """노트북 수업 부분에서 만든 변수들. 없으면 수업 셀을 먼저 실행하라고 알려 준다 (일반 오답)."""
    missing = [name for name in names if name not in ns]
    if missing:
        mistake(detail=f"수업 부분의 변수 {', '.join(missing)}가 없습니다. 위의 수업 셀을 먼저 차례로 실행하세요.")
    return [ns[name] for name in names]


def _caller_namespace(depth: int = 2) -> dict:
    return sys._getframe(depth).f_globals


@dataclass
class Exercise:
    """연습문제 하나. 노트북에서는 `q1.check()`, `q1.hint()`, `q1.solution()`만 씁니다."""

    name: str
    notebook: str
    number: int
    stars: int
    title: str
    checker: Callable[[Mapping], str]
    hint_text: str
    solution_code: str
    mistakes: dict[str, tuple[str, str]] = field(default_factory=dict)
    rejects: list[tuple[str, str | None]] = field(default_factory=list)
    accepts: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.stars not in STARS:
            raise ValueError(f"{self.name}: stars는 1, 2, 3 중 하나 (받은 값: {self.stars!r})")
        self.solution_code = textwrap.dedent(self.solution_code).strip("\n") + "\n"
        self.rejects = [(textwrap.dedent(code).strip("\n") + "\n", key) for code, key in self.rejects]
        self.accepts = [textwrap.dedent(code).strip("\n") + "\n" for code in self.accepts]
        self.hint_text = textwrap.dedent(self.hint_text).strip()

    # --- 학생이 부르는 것 ---
    def check(self) -> None:
        """답안을 채점해서 결과를 한국어로 보여 준다. 예외를 내지 않는다."""
        print(self.evaluate(_caller_namespace()).render())

    def hint(self) -> None:
        """힌트를 보여 준다."""
        print(f"💡 힌트 ({self.name}): {self.hint_text}")

    def solution(self) -> None:
        """해답 코드를 보여 준다. 먼저 스스로 풀어 보고 여세요."""
        print(f"📖 해답 ({self.name}) — 답안 셀에 붙여 넣고 실행한 뒤 {self.name}.check()로 확인할 수 있습니다.\n")
        print(self.solution_code, end="")

    def __repr__(self) -> str:
        return f"<연습문제 {self.name} {STARS[self.stars]} {self.title}: {self.name}.check() / .hint() / .solution()>"

    # --- 채점기와 테스트가 부르는 것 ---
    def evaluate(self, ns: Mapping) -> Result:
        """이름 공간 ns(노트북의 전역 변수)에 있는 답안을 채점한다."""
        try:
            praise = self.checker(ns)
        except NotAnswered as exc:
            raised = raised_in_answer_cell(ns, self.name)
            if raised:
                return Result(self.name, RAISED, _raised_message(raised, self.name), "raised")
            name = str(exc)
            message = BLANK_MESSAGE
            if name.startswith(self.name + "_") and name not in ns:
                message = (f"`{name}` 변수가 아직 없습니다. 위의 답안 셀에서 `...`를 여러분의 답으로 바꾸고 "
                           "실행한 뒤 다시 채점하세요.")
            return Result(self.name, BLANK, message)
        except AnswerCellRaised as exc:
            return Result(self.name, RAISED, _raised_message(str(exc), self.name), "raised")
        except Mistake as exc:
            if exc.key is None:
                text = f"{GENERIC_MESSAGE} {exc.detail}".strip() + f" 막히면 {self.name}.hint()를 실행해 보세요."
                return Result(self.name, MISTAKE, text, "generic")
            if exc.key not in self.mistakes:
                raise KeyError(f"{self.name}: mistakes에 없는 실수 키 {exc.key!r}") from None
            text = self.mistakes[exc.key][0] + (f" {exc.detail}" if exc.detail else "")
            return Result(self.name, MISTAKE, text, exc.key)
        except Exception as exc:  # 학생 답안이 예상 밖의 것을 만들었을 때: 채점이 멈추지 않게
            frame = answer_frame(exc.__traceback__)
            where = f" 여러분의 코드 {frame[0]}번째 줄 `{frame[1]}`에서 났습니다." if frame else ""
            return Result(
                self.name,
                ERROR,
                f"답안을 확인하다가 {type(exc).__name__}: {_short(str(exc), 300)} 오류가 났습니다.{where} "
                f"답안 변수의 종류와 모양이 문제에서 말한 것과 같은지 확인하고, 막히면 {self.name}.hint()를 보세요.",
                "error",
            )
        return Result(self.name, CORRECT, praise or "정답입니다.")


def _raised_message(raised: str, name: str) -> str:
    return (f"답안 셀에서 오류가 났습니다: {raised}. 그 줄을 고쳐 답안 셀을 다시 실행한 뒤 채점하세요. "
            f"막히면 {name}.hint()를 보세요.")


class Book:
    """노트북 하나의 연습문제 모음 (`helpers/exercises/exNN.py` 하나에 하나)."""

    def __init__(self, notebook: str):
        self.notebook = notebook
        self.exercises: dict[str, Exercise] = {}

    def exercise(
        self,
        *,
        stars: int,
        title: str,
        hint: str,
        solution: str,
        mistakes: dict[str, tuple[str, str]] | None = None,
        rejects: list | None = None,
        accepts: list[str] | None = None,
    ):
        """채점 함수 `def qN(ns): ...`를 연습문제 `qN`으로 만드는 데코레이터.

        - rejects: 알려진 실수 말고도 학생이 쓸 법한 틀린 답안 코드 (3개 이상). 문자열, 또는
          (코드, 기대하는 실수 키) 튜플. 테스트가 모두 '정답 아님'(오답 또는 답안 셀 오류)인지 확인한다.
        - accepts: 해답과 다른 방식으로 쓴 맞는 답안 코드 (2개 이상). 테스트가 모두 정답인지 확인한다.
        """

        def wrap(checker: Callable[[Mapping], str]) -> Exercise:
            name = checker.__name__
            if not (name.startswith("q") and name[1:].isdigit()):
                raise ValueError(f"연습문제 함수 이름은 q1, q2, ... 이어야 합니다 (받은 이름: {name})")
            item = Exercise(
                name=name,
                notebook=self.notebook,
                number=int(name[1:]),
                stars=stars,
                title=title,
                checker=checker,
                hint_text=hint,
                solution_code=solution,
                mistakes=dict(mistakes or {}),
                rejects=[r if isinstance(r, tuple) else (r, None) for r in (rejects or [])],
                accepts=list(accepts or []),
            )
            self.exercises[name] = item
            return item

        return wrap

    def grade(self, ns: Mapping) -> list[Result]:
        """모든 연습문제를 채점한다 (채점기 `tools/grade.py`가 노트북 끝에서 부른다)."""
        return [item.evaluate(ns) for item in self.exercises.values()]

    def __iter__(self):
        return iter(self.exercises.values())
