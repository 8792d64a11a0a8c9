"""`00_setup`의 연습문제: 노트 [02] 기초 코드의 옛 줄을 오늘의 코드로 옮기기."""

from __future__ import annotations

import json
import linecache
import marshal
import pickle
import subprocess
import sys
import types

import numpy as np

from .core import (
    Book,
    Mistake,
    NotAnswered,
    answer,
    call_answer,
    mistake,
    names_used,
    need_array,
    raised_in_answer_cell,
)

book = Book("00_setup")


def _np_utils_in_answer_cell(ns, exercise: str) -> bool:
    raised = raised_in_answer_cell(ns, exercise) or ""
    return "np_utils" in raised


# --------------------------------------------------------------------------- 1. np_utils.to_categorical


@book.exercise(
    stars=1,
    title="np_utils 대신 to_categorical",
    hint="2절에서 `np_utils.to_categorical`이 어디로 옮겨졌는지 봤습니다. 클래스는 0, 1, 2 세 가지입니다.",
    solution="""
        q1_labels = [0, 2, 1, 2]
        q1_onehot = keras.utils.to_categorical(q1_labels, num_classes=3)
    """,
    mistakes={
        "np_utils": (
            "노트의 `from keras.utils import np_utils`는 오늘 ImportError를 냅니다 (2절). "
            "그 안에 있던 함수는 이제 `keras.utils.to_categorical`입니다.",
            "from keras.utils import np_utils\nq1_onehot = np_utils.to_categorical(q1_labels, 3)\n",
        ),
        "not_converted": (
            "레이블을 그대로 두었습니다. 레이블 4개를 행마다 그 클래스 자리에만 1이 있는 (4, 3) 원-핫 배열로 바꿔야 "
            "합니다. `np_utils`의 그 함수가 오늘 어디에 있는지 2절에서 찾아보세요.",
            "q1_onehot = np.array(q1_labels)\n",
        ),
        "wrong_classes": (
            "열의 수가 클래스 수(3)와 다릅니다. `num_classes`는 레이블의 가짓수입니다 (0, 1, 2 → 3).",
            "q1_onehot = keras.utils.to_categorical(q1_labels, num_classes=4)\n",
        ),
        "function_itself": (
            "`q1_onehot`에 함수 자체를 넣었습니다. 함수를 레이블과 함께 불러(`함수(레이블, ...)`) 그 결과를 넣으세요.",
            "q1_onehot = keras.utils.to_categorical\n",
        ),
    },
    rejects=[
        ("q1_onehot = [[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 0]]\n", None),  # 손으로 적다 마지막 행을 틀림
        ('q1_onehot = "[[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]]"\n', None),  # 출력을 문자열로 복사
        ("q1_onehot = keras.utils.to_categorical(q1_labels, 4)\n", "wrong_classes"),
        ("q1_onehot = np.eye(3)[sorted(q1_labels)]\n", None),  # 레이블 순서를 바꿈
        ("q1_onehot = keras.utils.to_categorical(q1_labels, 3).tolist()[:3]\n", None),  # 행 하나를 빠뜨림
        ("q1_onehot = keras.utils.to_categorical(q1_labels, 3).T\n", None),  # (3, 4)
    ],
    accepts=[
        "import tensorflow as tf\nq1_onehot = tf.one_hot([0, 2, 1, 2], depth=3)\n",
        "q1_labels = [0, 2, 1, 2]\nq1_onehot = np.eye(3, dtype=int)[q1_labels]\n",
        "from keras.utils import to_categorical\nq1_onehot = to_categorical([0, 2, 1, 2])\n",
        "q1_onehot = [[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]]\n",
    ],
)
def q1(ns):
    if _np_utils_in_answer_cell(ns, "q1"):
        mistake("np_utils")
    value = answer(ns, "q1_onehot")
    if callable(value):
        mistake("function_itself")
    onehot = need_array(value, "q1_onehot")
    labels = [0, 2, 1, 2]
    if onehot.ndim == 1 or onehot.shape == (4, 1):
        mistake("not_converted")
    if onehot.ndim == 2 and onehot.shape[0] == 4 and onehot.shape[1] != 3:
        mistake("wrong_classes")
    expected = np.eye(3)[labels]
    if onehot.shape != expected.shape:
        mistake(detail=f"모양이 (4, 3)이어야 하는데 {onehot.shape}입니다.")
    if onehot.dtype.kind not in "biuf" or not np.array_equal(onehot, expected):
        mistake(detail="행마다 그 레이블의 자리에만 1이 있어야 합니다. `q1_labels`는 [0, 2, 1, 2]입니다.")
    return (
        "정답입니다. 옛 책의 `np_utils.to_categorical(...)`은 모두 "
        "`keras.utils.to_categorical(...)`로 바꾸면 됩니다."
    )


# --------------------------------------------------------------------------- 2. 한글 글꼴 함수

# 학생 함수를 '깨끗한' matplotlib에서 부르는 새 프로세스의 스크립트. 노트북 커널에는 helpers.setup()이 이미
# NanumGothic을 등록해 두었기 때문에, 거기서 부르면 글꼴을 등록하지 않는 함수도 한글을 그린다 (새 컴퓨터와 Colab에서는
# 네모). 여기서는 받은 글꼴과 같은 이름의 글꼴을 matplotlib의 목록에서 지워, 그 글꼴이 없는 컴퓨터처럼 만든 뒤 부른다.
_CLEAN_RUN = r"""
import io, json, marshal, pickle, sys, traceback, types, importlib, contextlib, warnings
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

payload = pickle.loads(sys.stdin.buffer.read())
expected = font_manager.FontProperties(fname=payload["font"]).get_name()
font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist if f.name != expected]


def build(spec):
    kind = spec[0]
    if kind == "module":
        return importlib.import_module(spec[1])
    if kind == "attr":
        value = importlib.import_module(spec[1])
        for part in spec[2].split("."):
            value = getattr(value, part)
        return value
    if kind == "value":
        return pickle.loads(spec[1])
    if kind == "function":
        return make_function(spec[1])
    raise ValueError(kind)


def make_function(fn):
    scope = {"__builtins__": __builtins__, "__name__": "__main__"}
    function = types.FunctionType(marshal.loads(fn["code"]), scope, fn["name"], pickle.loads(fn["defaults"]))
    for name, spec in fn["globals"].items():
        try:
            scope[name] = build(spec)
        except Exception:  # 여기서 만들 수 없는 이름: 함수가 그 이름을 쓰면 NameError로 알린다
            pass
    return function


report = {"expected": expected}
function = make_function(payload["function"])
printed = io.StringIO()
try:
    with contextlib.redirect_stdout(printed):
        returned = function(payload["font"])
except Exception as exc:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == function.__code__.co_filename]
    report["error"] = [type(exc).__name__, str(exc)[:300], frames[-1].lineno if frames else None,
                       (frames[-1].line or "").strip() if frames else ""]
    print(json.dumps(report))
    sys.exit(0)
report["printed"] = printed.getvalue()[:300]
report["returned"] = returned if isinstance(returned, str) else None
report["returned_repr"] = repr(returned)[:120]
report["returned_none"] = returned is None
family = matplotlib.rcParams["font.family"]
report["family"] = [str(f) for f in ([family] if isinstance(family, str) else family)]
report["unicode_minus"] = bool(matplotlib.rcParams["axes.unicode_minus"])
report["registered"] = any(f.name == expected for f in font_manager.fontManager.ttflist)
report["installed"] = sorted({f.name for f in font_manager.fontManager.ttflist})
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    found = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=True)
report["resolved"] = font_manager.FontProperties(fname=found).get_name()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fig = Figure(figsize=(3, 2))
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    ax.plot([-2, -1, 0, 1])
    ax.set_title("한글 제목")
    fig.canvas.draw()
report["missing"] = [str(w.message) for w in caught if "missing from font" in str(w.message)]
print(json.dumps(report))
"""

_LOOKUP_MODULES = ("matplotlib", "matplotlib.pyplot", "matplotlib.font_manager", "pathlib", "os", "os.path")


class _CannotShip(Exception):
    """함수를 새 프로세스로 옮길 수 없을 때 (예: 채점기가 함수 대신 대리 객체를 넘길 때)."""


def _locate(value):
    """모듈에 들어 있는 객체(예: `font_manager.fontManager`, `matplotlib.rcParams`)면 그 위치."""
    for module_name in _LOOKUP_MODULES:
        module = sys.modules.get(module_name)
        if module is None:
            continue
        for attribute, candidate in vars(module).items():
            if candidate is value and not attribute.startswith("_"):
                return ("attr", module_name, attribute)
    return None


def _describe(value, depth: int):
    if isinstance(value, types.ModuleType):
        return ("module", value.__name__)
    if isinstance(value, types.FunctionType) and value.__module__ in (None, "__main__"):
        return ("function", _function_spec(value, depth + 1))
    module, qualname = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str) and module != "__main__" and "<" not in qualname:
        return ("attr", module, qualname)
    found = _locate(value)
    if found:
        return found
    try:
        return ("value", pickle.dumps(value))
    except Exception:  # 옮길 수 없는 값: 새 프로세스에서 NameError가 나면 그 이름을 알려 준다
        return None


def _function_spec(function, depth: int = 0) -> dict:
    if depth > 3:
        raise _CannotShip("너무 깊은 함수 호출")
    try:
        code = marshal.dumps(function.__code__)
        scope = function.__globals__
        defaults = pickle.dumps(function.__defaults__)
    except Exception as exc:
        raise _CannotShip(str(exc)) from None
    specs = {}
    for name in names_used(function):
        if name in scope and not name.startswith("__"):
            spec = _describe(scope[name], depth)
            if spec is not None:
                specs[name] = spec
    return {"code": code, "name": function.__name__, "defaults": defaults, "globals": specs}


def _run_in_clean_process(function, font_path: str) -> dict:
    payload = pickle.dumps({"function": _function_spec(function), "font": font_path})
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", _CLEAN_RUN], input=payload, capture_output=True, timeout=60, check=False
        )
    except subprocess.TimeoutExpired:
        mistake(detail="함수가 60초 안에 끝나지 않았습니다. 함수 안에 끝나지 않는 반복문이 있는지 보세요.")
    lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
    if not lines:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["알 수 없는 이유"]
        raise RuntimeError(f"새 프로세스에서 함수를 부르지 못했습니다: {tail[0][:200]}")
    return json.loads(lines[-1])


def _blank_function(font_path):
    ...


_GENERIC_FAMILIES = ("sans-serif", "serif", "monospace", "cursive", "fantasy")


@book.exercise(
    stars=2,
    title="노트의 한글 글꼴 코드를 어느 컴퓨터에서나",
    hint=(
        "7절의 3번 줄들이 답의 재료입니다. 글꼴 파일 경로는 함수가 받은 `font_path`를 쓰고, "
        "`font.family`에는 경로가 아니라 그 파일에서 읽은 글꼴 이름을 넣으세요."
    ),
    solution="""
        def q2_set_korean_font(font_path):
            font_manager.fontManager.addfont(font_path)
            name = font_manager.FontProperties(fname=font_path).get_name()
            matplotlib.rcParams["font.family"] = name
            matplotlib.rcParams["axes.unicode_minus"] = False
            return name
    """,
    mistakes={
        "windows_path": (
            "노트의 윈도우 경로(`C:/Windows/Fonts/malgun.ttf`)를 그대로 썼습니다. 그 파일은 윈도우에만 있어서 "
            "이 컴퓨터와 Colab에서는 FileNotFoundError가 납니다. 함수가 받은 `font_path`를 쓰세요.",
            "def q2_set_korean_font(font_path):\n"
            '    name = font_manager.FontProperties(fname="C:/Windows/Fonts/malgun.ttf").get_name()\n'
            '    matplotlib.rcParams["font.family"] = name\n'
            '    matplotlib.rcParams["axes.unicode_minus"] = False\n'
            "    return name\n",
        ),
        "no_addfont": (
            "글꼴 파일을 matplotlib에 등록하지 않았습니다. 이 노트북에서는 `helpers.setup()`이 같은 글꼴을 이미 "
            "등록해 두어서 그래프가 제대로 나오지만, 그 글꼴을 모르는 새 프로세스(새 컴퓨터, Colab)에서는 "
            "matplotlib이 그 이름을 찾지 못해 한글이 네모가 됩니다. "
            "`font_manager.fontManager.addfont(font_path)`로 먼저 등록하세요.",
            "def q2_set_korean_font(font_path):\n"
            "    name = font_manager.FontProperties(fname=font_path).get_name()\n"
            '    matplotlib.rcParams["font.family"] = name\n'
            '    matplotlib.rcParams["axes.unicode_minus"] = False\n'
            "    return name\n",
        ),
        "family_path": (
            "`font.family`에 파일 경로를 넣었습니다. matplotlib은 그 값을 글꼴 이름으로 찾다가 못 찾고 "
            "DejaVu Sans로 그려서 한글이 네모가 됩니다. "
            "`font_manager.FontProperties(fname=font_path).get_name()`으로 이름을 읽어 넣으세요.",
            "def q2_set_korean_font(font_path):\n"
            "    font_manager.fontManager.addfont(font_path)\n"
            '    matplotlib.rcParams["font.family"] = str(font_path)\n'
            '    matplotlib.rcParams["axes.unicode_minus"] = False\n'
            "    return str(font_path)\n",
        ),
        "hardcoded_name": (
            "글꼴 이름을 직접 적었는데, 채점한 컴퓨터에는 그 이름의 글꼴이 없습니다 (맑은 고딕은 윈도우에만 있습니다). "
            "받은 파일을 등록하고 그 파일에서 읽은 이름을 쓰세요.",
            "def q2_set_korean_font(font_path):\n"
            '    matplotlib.rcParams["font.family"] = "Malgun Gothic"\n'
            '    matplotlib.rcParams["axes.unicode_minus"] = False\n'
            '    return "Malgun Gothic"\n',
        ),
        "unicode_minus": (
            "한글은 나오지만 음수 눈금의 마이너스 기호(−, U+2212)가 한글 글꼴에 없어 네모로 그려집니다. "
            '`matplotlib.rcParams["axes.unicode_minus"] = False`를 더하세요.',
            "def q2_set_korean_font(font_path):\n"
            "    font_manager.fontManager.addfont(font_path)\n"
            "    name = font_manager.FontProperties(fname=font_path).get_name()\n"
            '    matplotlib.rcParams["font.family"] = name\n'
            "    return name\n",
        ),
    },
    rejects=[
        # 노트 코드의 경로만 바꾸고 addfont는 없음 (학생 표에서 통과했던 답)
        ("def q2_set_korean_font(font_path):\n"
         "    font_name = font_manager.FontProperties(fname=font_path).get_name()\n"
         "    plt.rc('font', family=font_name)\n"
         "    plt.rcParams['axes.unicode_minus'] = False\n"
         "    return font_name\n", "no_addfont"),
        # 이름을 직접 적고 등록도 하지 않음: 이 노트북에서는 그려지지만 새 컴퓨터에서는 네모
        ("def q2_set_korean_font(font_path):\n"
         "    matplotlib.rcParams['font.family'] = 'NanumGothic'\n"
         "    matplotlib.rcParams['axes.unicode_minus'] = False\n"
         "    return 'NanumGothic'\n", "no_addfont"),
        # 글꼴 이름 대신 경로를 돌려줌
        ("def q2_set_korean_font(font_path):\n"
         "    font_manager.fontManager.addfont(font_path)\n"
         "    matplotlib.rcParams['font.family'] = font_manager.FontProperties(fname=font_path).get_name()\n"
         "    matplotlib.rcParams['axes.unicode_minus'] = False\n"
         "    return font_path\n", None),
        # 이름을 돌려주지 않고 print만
        ("def q2_set_korean_font(font_path):\n"
         "    font_manager.fontManager.addfont(font_path)\n"
         "    name = font_manager.FontProperties(fname=font_path).get_name()\n"
         "    matplotlib.rcParams['font.family'] = name\n"
         "    matplotlib.rcParams['axes.unicode_minus'] = False\n"
         "    print(name)\n", None),
        # import하지 않은 별칭 fm (함수 안에서 NameError)
        ("def q2_set_korean_font(font_path):\n"
         "    fm.fontManager.addfont(font_path)\n"
         "    name = fm.FontProperties(fname=font_path).get_name()\n"
         "    matplotlib.rcParams['font.family'] = name\n"
         "    matplotlib.rcParams['axes.unicode_minus'] = False\n"
         "    return name\n", None),
    ],
    accepts=[
        "import matplotlib.font_manager as fm\n"
        "import matplotlib.pyplot as plt\n"
        "def q2_set_korean_font(font_path):\n"
        "    fm.fontManager.addfont(str(font_path))\n"
        "    name = fm.FontProperties(fname=str(font_path)).get_name()\n"
        "    plt.rc('font', family=name)\n"
        "    plt.rc('axes', unicode_minus=False)\n"
        "    return name\n",
        "def q2_set_korean_font(font_path):\n"
        "    from matplotlib import font_manager as fm\n"
        "    fm.fontManager.addfont(font_path)\n"
        "    name = fm.FontProperties(fname=font_path).get_name()\n"
        "    matplotlib.rcParams.update({'font.family': [name], 'axes.unicode_minus': False})\n"
        "    print('글꼴:', name)\n"
        "    return name\n",
        "def q2_set_korean_font(font_path):\n"
        "    font_manager.fontManager.addfont(font_path)\n"
        "    name = font_manager.FontProperties(fname=font_path).get_name()\n"
        "    matplotlib.rcParams['font.family'] = 'sans-serif'\n"
        "    matplotlib.rcParams['font.sans-serif'] = [name, 'DejaVu Sans']\n"
        "    matplotlib.rcParams['axes.unicode_minus'] = False\n"
        "    return name\n",
    ],
)
def q2(ns):
    from ..fonts import BUNDLED_FONT

    function = answer(ns, "q2_set_korean_font")
    if not callable(function):
        mistake(detail="`q2_set_korean_font`는 `def`로 만든 함수여야 합니다.")
    code = getattr(function, "__code__", None)
    if code is not None and code.co_code == _blank_function.__code__.co_code and not code.co_names:
        call_answer(function, str(BUNDLED_FONT))  # 본문이 `...`뿐: '아직 답이 없음'
    try:
        run = _run_in_clean_process(function, str(BUNDLED_FONT))
    except _CannotShip:
        return _q2_in_notebook(ns, function, str(BUNDLED_FONT))
    expected = run["expected"]
    if "error" in run:
        kind, text, lineno, line = run["error"]
        if kind == "FileNotFoundError" and ("malgun" in text.lower() or "windows" in text.lower()):
            mistake("windows_path")
        line = line or linecache.getline(function.__code__.co_filename, lineno or 0).strip()
        where = f" (답안 셀 {lineno}번째 줄" + (f": `{line}`)" if line else ")") if lineno else ""
        mistake(detail=f"함수를 부르니 오류가 났습니다: {kind}: {text}{where}")
    if run["returned_none"]:
        printed = run["printed"]

        def replay(_path):  # 새 프로세스에서 본 그대로: 화면에 쓴 것과 돌려준 것(None)
            print(printed, end="")

        call_answer(replay, str(BUNDLED_FONT), returns="글꼴 이름")
    family = run["family"]
    if any(f.lower().endswith((".ttf", ".otf", ".ttc")) or "/" in f or "\\" in f for f in family):
        mistake("family_path")
    if run["resolved"] != expected:
        if expected in family and not run["registered"]:
            mistake("no_addfont")
        first = family[0] if family else ""
        if first not in run["installed"] and first not in _GENERIC_FAMILIES and first != expected:
            mistake("hardcoded_name", detail=f"(함수가 정한 글꼴: {first!r})")
        mistake(detail=f"함수를 부른 뒤 matplotlib이 기본 글꼴로 쓰는 글꼴이 {run['resolved']!r}입니다. "
                f"받은 파일의 글꼴({expected})이어야 합니다 (지금 `font.family`: {family}).")
    if run["missing"] and run["unicode_minus"]:
        mistake("unicode_minus")
    if run["missing"]:
        mistake(detail=f"그래프에 빠진 글자가 있습니다: {run['missing'][0]}")
    if run["returned"] != expected:
        got = "받은 경로(`font_path`)" if ".ttf" in run["returned_repr"] else run["returned_repr"]
        mistake(detail=f"함수는 글꼴 이름({expected!r})을 돌려줘야 하는데 {got}을(를) 돌려줬습니다.")
    return (
        "정답입니다. 한글 글꼴을 모르는 새 프로세스에서도 한글 제목과 음수 눈금이 제대로 그려졌습니다. "
        "글꼴 파일 경로만 바꾸면 윈도우, macOS, Linux, Colab 어디서나 같은 코드로 한글 그래프를 그릴 수 있습니다."
    )


def _q2_in_notebook(ns, function, font_path: str) -> str:
    """함수를 새 프로세스로 옮길 수 없을 때(채점기가 격리된 커널의 함수를 대리 객체로 넘길 때).

    그 커널의 matplotlib 설정을 기본값으로 되돌린 뒤 거기서 부르고, 바뀐 설정을 읽는다. 그 커널에는
    `helpers.setup()`이 글꼴을 이미 등록해 두었으므로, 등록(addfont)은 함수 코드에 있는지로 본다."""
    module = next((ns[name] for name in ("matplotlib", "mpl", "plt") if name in ns), None)
    if module is not None:
        module.rcParams["font.family"] = ["sans-serif"]
        module.rcParams["axes.unicode_minus"] = True
    if "helpers" in ns:
        font_path = str(ns["helpers"].fonts.BUNDLED_FONT)  # 그 커널에서 본 경로
    try:
        returned = call_answer(function, font_path, returns="글꼴 이름")
    except (Mistake, NotAnswered):
        raise
    except Exception as error:  # 학생 함수 안에서 난 오류 (커널에서 온 오류도 같은 이름의 예외로 온다)
        text = str(error)
        if isinstance(error, FileNotFoundError) and ("malgun" in text.lower() or "windows" in text.lower()):
            mistake("windows_path")
        line = getattr(error, "remote_line", None)
        where = f" (답안 셀 {line[0]}번째 줄: `{line[1]}`)" if line else ""
        mistake(detail=f"함수를 부르니 오류가 났습니다: {type(error).__name__}: {text[:300]}{where}")
    expected = "NanumGothic"
    if module is not None:
        family = module.rcParams["font.family"]
        family = [str(family)] if isinstance(family, str) else [str(f) for f in family]
        if any(f.lower().endswith((".ttf", ".otf", ".ttc")) or "/" in f or "\\" in f for f in family):
            mistake("family_path")
        first = family[0] if family else ""
        if first in _GENERIC_FAMILIES:
            first = str(list(module.rcParams[f"font.{first}"])[0])
        if first != expected:
            mistake("hardcoded_name", detail=f"(함수가 정한 글꼴: {first!r})")
    if "addfont" not in names_used(function):
        mistake("no_addfont")
    if module is not None and module.rcParams["axes.unicode_minus"]:
        mistake("unicode_minus")
    if returned != expected:
        got = "받은 경로(`font_path`)" if ".ttf" in repr(returned) else repr(returned)[:120]
        mistake(detail=f"함수는 글꼴 이름({expected!r})을 돌려줘야 하는데 {got}을(를) 돌려줬습니다.")
    return "정답입니다. 글꼴 파일 경로만 바꾸면 어느 컴퓨터에서나 같은 코드로 한글 그래프를 그릴 수 있습니다."


# --------------------------------------------------------------------------- 3. 옛 책의 실험 함수를 오늘의 코드로

_KERAS_SEED = "keras.utils.set_random_seed(seed)"


def _pair(value, label: str):
    if not isinstance(value, tuple | list) or len(value) != 2:
        mistake(detail=f"함수는 `(y, 가중치)` 두 값을 돌려줘야 하는데 {label}에서 {type(value).__name__}을(를) "
                "돌려줬습니다. 옛 함수의 `return y, model.get_weights()[0]`을 그대로 두세요.")
    if hasattr(value[1], "get_weights"):
        mistake(detail="두 번째 값으로 모델을 돌려줬습니다. 옛 함수처럼 첫 층의 처음 가중치 "
                "`model.get_weights()[0]`을 돌려주세요.")
    if np.ndim(value[0]) == 1:
        mistake(detail="돌려준 y가 레이블 그대로(1차원)입니다. "
                "옛 함수처럼 원-핫 (5, 3)으로 바꿔 돌려주세요 (연습문제 1).")
    y = need_array(value[0], "돌려준 y", shape=(5, 3))
    weights = need_array(value[1], "돌려준 가중치", shape=(4, 3))
    if not (np.isin(y, (0, 1)).all() and np.allclose(y.sum(axis=1), 1)):
        mistake(detail="돌려준 y가 원-핫이 아닙니다: 행마다 한 자리만 1이어야 합니다 (연습문제 1).")
    return y, weights


@book.exercise(
    stars=3,
    title="옛 책의 실험 함수를 오늘의 코드로",
    hint=(
        "옛 이름 두 개는 2절과 6절에 오늘의 이름이 있습니다. 그다음 '같은 seed → 같은 결과'를 만들려면, "
        "레이블(NumPy)과 모델의 처음 가중치(Keras)가 쓰는 난수를 **모두** 함수 안에서, 난수를 뽑기 전에 고정해야 "
        "합니다. 6절의 한 줄이 그 일을 합니다."
    ),
    solution="""
        def q3_experiment(seed):
            keras.utils.set_random_seed(seed)
            labels = np.random.randint(0, 3, size=5)
            y = keras.utils.to_categorical(labels, num_classes=3)
            model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])
            return y, model.get_weights()[0]
    """,
    mistakes={
        "np_utils": (
            "`np_utils`는 오늘 없습니다 (2절의 ImportError). `keras.utils.to_categorical`을 쓰세요.",
            "from keras.utils import np_utils\n"
            "def q3_experiment(seed):\n"
            "    keras.utils.set_random_seed(seed)\n"
            "    labels = np.random.randint(0, 3, size=5)\n"
            "    y = np_utils.to_categorical(labels, 3)\n"
            "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
            "    return y, model.get_weights()[0]\n",
        ),
        "old_seed": (
            "`tf.set_random_seed`는 TensorFlow 2에 없어서 AttributeError가 납니다 (6절).",
            "def q3_experiment(seed):\n"
            "    tf.set_random_seed(seed)\n"
            "    labels = np.random.randint(0, 3, size=5)\n"
            "    y = keras.utils.to_categorical(labels, 3)\n"
            "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
            "    return y, model.get_weights()[0]\n",
        ),
        "hides_warnings": (
            "함수 안에서 경고 필터를 바꿨습니다. 옛 함수의 `warnings.filterwarnings(action='ignore')`는 부를 때마다 "
            "모든 경고를 끄므로, 내 실수를 알려 주는 경고(1절의 softmax 경고)까지 사라집니다. 그 줄은 옮기지 마세요.",
            "def q3_experiment(seed):\n"
            "    warnings.filterwarnings(action='ignore')\n"
            "    keras.utils.set_random_seed(seed)\n"
            "    labels = np.random.randint(0, 3, size=5)\n"
            "    y = keras.utils.to_categorical(labels, 3)\n"
            "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
            "    return y, model.get_weights()[0]\n",
        ),
        "weights_not_fixed": (
            "같은 seed로 두 번 부르니 y(NumPy 난수)는 같은데 모델의 처음 가중치가 다릅니다. `np.random.seed`와 "
            "`tf.random.set_seed`는 Keras가 처음 가중치를 정할 때 쓰는 난수를 고정하지 않습니다 (Keras 3는 그 시드를 "
            "Python의 `random`에서 얻습니다). `keras.utils.set_random_seed(seed)` 한 줄이 모두 고정합니다.",
            "def q3_experiment(seed):\n"
            "    np.random.seed(seed)\n"
            "    tf.random.set_seed(seed)\n"
            "    labels = np.random.randint(0, 3, size=5)\n"
            "    y = keras.utils.to_categorical(labels, 3)\n"
            "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
            "    return y, model.get_weights()[0]\n",
        ),
        "tf_only": (
            "같은 seed로 두 번 부르니 y도 처음 가중치도 다릅니다. `tf.random.set_seed`는 TensorFlow 연산의 난수만 "
            "고정합니다: 레이블을 뽑는 NumPy도, 처음 가중치를 정하는 Keras도 그대로 무작위입니다. "
            "`keras.utils.set_random_seed(seed)`를 쓰세요.",
            "def q3_experiment(seed):\n"
            "    tf.random.set_seed(seed)\n"
            "    labels = np.random.randint(0, 3, size=5)\n"
            "    y = keras.utils.to_categorical(labels, 3)\n"
            "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
            "    return y, model.get_weights()[0]\n",
        ),
        "no_seed": (
            "같은 seed로 두 번 부르니 y도 처음 가중치도 다르고, 함수 안에 시드를 고정하는 줄이 없습니다. 시드를 "
            "함수 밖(셀 맨 위)에서 한 번만 고정하면 두 번째로 부를 때는 난수 상태가 이미 바뀌어 있습니다. "
            "함수 안 맨 앞에서 받은 `seed`로 고정하세요.",
            "keras.utils.set_random_seed(0)\n"
            "def q3_experiment(seed):\n"
            "    labels = np.random.randint(0, 3, size=5)\n"
            "    y = keras.utils.to_categorical(labels, 3)\n"
            "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
            "    return y, model.get_weights()[0]\n",
        ),
        "seed_late": (
            "`keras.utils.set_random_seed`를 부르기는 하지만, 같은 seed로 두 번 부른 결과가 다릅니다. 시드를 고정하는 "
            "줄이 난수를 뽑는 줄(레이블이나 모델)보다 뒤에 있으면 그 앞에서 뽑은 난수는 고정되지 않습니다. "
            "함수 맨 앞으로 옮기세요.",
            "def q3_experiment(seed):\n"
            "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
            "    keras.utils.set_random_seed(seed)\n"
            "    labels = np.random.randint(0, 3, size=5)\n"
            "    y = keras.utils.to_categorical(labels, 3)\n"
            "    return y, model.get_weights()[0]\n",
        ),
        "seed_ignored": (
            "seed 3과 seed 4의 결과가 똑같습니다: 받은 `seed`를 쓰지 않고 고정된 수로 시드를 정한 것 같습니다. "
            f"`{_KERAS_SEED}`처럼 인수를 쓰세요.",
            "def q3_experiment(seed):\n"
            "    keras.utils.set_random_seed(42)\n"
            "    labels = np.random.randint(0, 3, size=5)\n"
            "    y = keras.utils.to_categorical(labels, 3)\n"
            "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
            "    return y, model.get_weights()[0]\n",
        ),
    },
    rejects=[
        # 레이블만 고정 (노트의 두 줄 중 NumPy 것만)
        ("def q3_experiment(seed):\n"
         "    np.random.seed(seed)\n"
         "    labels = np.random.randint(0, 3, size=5)\n"
         "    y = keras.utils.to_categorical(labels, 3)\n"
         "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
         "    return y, model.get_weights()[0]\n", "weights_not_fixed"),
        # compat.v1로 살린 옛 줄 + NumPy
        ("def q3_experiment(seed):\n"
         "    tf.compat.v1.set_random_seed(seed)\n"
         "    np.random.seed(seed)\n"
         "    labels = np.random.randint(0, 3, size=5)\n"
         "    y = keras.utils.to_categorical(labels, 3)\n"
         "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
         "    return y, model.get_weights()[0]\n", "weights_not_fixed"),
        # 원-핫으로 바꾸지 않고 레이블을 돌려줌
        ("def q3_experiment(seed):\n"
         "    keras.utils.set_random_seed(seed)\n"
         "    labels = np.random.randint(0, 3, size=5)\n"
         "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
         "    return labels, model.get_weights()[0]\n", None),
        # 경고를 종류째 끔
        ("def q3_experiment(seed):\n"
         "    warnings.simplefilter('ignore', DeprecationWarning)\n"
         "    keras.utils.set_random_seed(seed)\n"
         "    y = keras.utils.to_categorical(np.random.randint(0, 3, size=5), 3)\n"
         "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
         "    return y, model.get_weights()[0]\n", "hides_warnings"),
        # 가중치 대신 모델을 돌려줌
        ("def q3_experiment(seed):\n"
         "    keras.utils.set_random_seed(seed)\n"
         "    y = keras.utils.to_categorical(np.random.randint(0, 3, size=5), 3)\n"
         "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
         "    return y, model\n", None),
    ],
    accepts=[
        # 다른 import, 새 NumPy 난수 생성기
        "from keras.utils import set_random_seed, to_categorical\n"
        "def q3_experiment(seed):\n"
        "    set_random_seed(seed)\n"
        "    rng = np.random.default_rng(seed)\n"
        "    y = to_categorical(rng.integers(0, 3, size=5), num_classes=3)\n"
        "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
        "    return y, model.get_weights()[0]\n",
        # tf.keras 이름, 리스트로 돌려줌
        "import tensorflow as tf\n"
        "def q3_experiment(seed):\n"
        "    tf.keras.utils.set_random_seed(seed)\n"
        "    labels = np.random.randint(0, 3, size=5)\n"
        "    y = tf.keras.utils.to_categorical(labels, 3)\n"
        "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
        "    return [y, model.get_weights()[0]]\n",
        # 시드를 라이브러리마다 따로: Python random(Keras의 처음 가중치)과 NumPy(레이블)
        "import random\n"
        "def q3_experiment(seed):\n"
        "    random.seed(seed)\n"
        "    np.random.seed(seed)\n"
        "    labels = np.random.randint(0, 3, size=5)\n"
        "    y = np.eye(3)[labels]\n"
        "    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation='softmax')])\n"
        "    return y, model.get_weights()[0]\n",
    ],
)
def q3(ns):
    if _np_utils_in_answer_cell(ns, "q3"):
        mistake("np_utils")
    function = answer(ns, "q3_experiment")
    if not callable(function):
        mistake(detail="`q3_experiment`는 `def q3_experiment(seed):`로 만든 함수여야 합니다.")
    names = names_used(function)
    if {"filterwarnings", "simplefilter"} & names:
        mistake("hides_warnings")
    runs = []
    for seed in (3, 3, 4):
        try:
            returned = call_answer(function, seed, returns="`(y, 가중치)`")
        except ImportError as error:
            if "np_utils" in str(error):
                mistake("np_utils")
            raise
        except AttributeError as error:
            if "set_random_seed" in str(error) or "ConfigProto" in str(error) or "Session" in str(error):
                mistake("old_seed")
            raise
        runs.append(_pair(returned, f"seed={seed}"))
    (y1, w1), (y2, w2), (y3, w3) = runs
    same_y, same_w = np.array_equal(y1, y2), np.array_equal(w1, w2)
    keras_seed = "set_random_seed" in names and "compat" not in names
    if same_y and same_w:
        if np.array_equal(y1, y3) and np.array_equal(w1, w3):
            mistake("seed_ignored")
        return (
            "정답입니다. 같은 seed로 부르면 레이블과 처음 가중치가 모두 같고, seed를 바꾸면 달라집니다. "
            "옛 코드의 시드 줄을 옮길 때는 이름만 바꾸지 말고, 같은 seed로 두 번 불러 정말 같은지 확인하세요."
        )
    if keras_seed:
        mistake("seed_late")
    if same_y:
        mistake("weights_not_fixed")
    seeds = {"seed", "set_seed", "default_rng", "RandomState"} & names
    if not seeds and not same_w:
        mistake("no_seed")
    if seeds == {"set_seed"} and not same_w:
        mistake("tf_only")
    seen = "y" if not same_y and same_w else "y와 처음 가중치"
    mistake(detail=f"같은 seed(3)로 두 번 불렀는데 {seen}이(가) 다릅니다. 레이블을 뽑는 NumPy와 처음 가중치를 정하는 "
            "Keras의 난수를 모두, 함수 안에서 난수를 뽑기 전에 고정해야 합니다.")
