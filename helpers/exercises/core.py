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
"""

from __future__ import annotations

import sys
import textwrap
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

BLANK_MESSAGE = "아직 답이 없습니다. 위의 답안 셀에서 `...`를 여러분의 답으로 바꾸고 실행한 뒤 다시 채점하세요."
GENERIC_MESSAGE = "아직 정답이 아닙니다."
STARS = {1: "★", 2: "★★", 3: "★★★"}

CORRECT, MISTAKE, BLANK, ERROR = "correct", "mistake", "blank", "error"
LABELS = {CORRECT: "✅ 정답", MISTAKE: "❌ 다시 해 보세요", BLANK: "✏️ 아직 답이 없음", ERROR: "⚠️ 채점 중 오류"}


class NotAnswered(Exception):
    """답안 변수가 없거나 아직 `...`(Ellipsis) 그대로일 때."""


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


def answer(ns: Mapping, name: str):
    """답안 변수 하나를 읽는다. 없거나 `...`가 남아 있으면 NotAnswered."""
    if name not in ns or is_blank(ns[name]):
        raise NotAnswered(name)
    return ns[name]


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
    returned = function(*args)
    if returned is None:
        mistake(detail=f"함수가 아무것도 돌려주지 않습니다. {returns}을(를) `return`으로 돌려주세요.")
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

    def __post_init__(self) -> None:
        if self.stars not in STARS:
            raise ValueError(f"{self.name}: stars는 1, 2, 3 중 하나 (받은 값: {self.stars!r})")
        self.solution_code = textwrap.dedent(self.solution_code).strip("\n") + "\n"
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
        except NotAnswered:
            return Result(self.name, BLANK, BLANK_MESSAGE)
        except Mistake as exc:
            if exc.key is None:
                text = f"{GENERIC_MESSAGE} {exc.detail}".strip() + f" 막히면 {self.name}.hint()를 실행해 보세요."
                return Result(self.name, MISTAKE, text, "generic")
            if exc.key not in self.mistakes:
                raise KeyError(f"{self.name}: mistakes에 없는 실수 키 {exc.key!r}") from None
            text = self.mistakes[exc.key][0] + (f" {exc.detail}" if exc.detail else "")
            return Result(self.name, MISTAKE, text, exc.key)
        except Exception as exc:  # 학생 답안이 예상 밖의 것을 만들었을 때: 채점이 멈추지 않게
            where = traceback.extract_tb(exc.__traceback__)[-1]
            return Result(
                self.name,
                ERROR,
                f"답안을 확인하다가 {type(exc).__name__}: {exc} (줄 {where.lineno}) 오류가 났습니다. "
                f"답안 변수의 종류와 모양이 문제에서 말한 것과 같은지 확인하고, 막히면 {self.name}.hint()를 보세요.",
                "error",
            )
        return Result(self.name, CORRECT, praise or "정답입니다.")


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
    ):
        """채점 함수 `def qN(ns): ...`를 연습문제 `qN`으로 만드는 데코레이터."""

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
            )
            self.exercises[name] = item
            return item

        return wrap

    def grade(self, ns: Mapping) -> list[Result]:
        """모든 연습문제를 채점한다 (채점기 `tools/grade.py`가 노트북 끝에서 부른다)."""
        return [item.evaluate(ns) for item in self.exercises.values()]

    def __iter__(self):
        return iter(self.exercises.values())
