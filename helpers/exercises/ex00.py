"""`00_setup`의 연습문제: 노트 [02] 기초 코드의 옛 줄을 오늘의 코드로 옮기기."""

from __future__ import annotations

import random
import warnings

import numpy as np

from .core import Book, answer, call_answer, mistake, names_used

book = Book("00_setup")



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
        "not_converted": (
            "레이블을 그대로 두었습니다. 레이블 4개를 행마다 그 클래스 자리에만 1이 있는 (4, 3) 원-핫 배열로 바꿔야 "
            "합니다. `np_utils`의 그 함수가 오늘 어디에 있는지 2절에서 찾아보세요.",
            "q1_onehot = np.array(q1_labels)\n",
        ),
        "wrong_classes": (
            "열의 수가 클래스 수(3)와 다릅니다. `num_classes`는 레이블의 가짓수입니다 (0, 1, 2 → 3).",
            "q1_onehot = keras.utils.to_categorical(q1_labels, num_classes=4)\n",
        ),
    },
)
def q1(ns):
    onehot = np.asarray(answer(ns, "q1_onehot"))
    labels = [0, 2, 1, 2]
    if onehot.ndim == 1 or onehot.shape == (4, 1):
        mistake("not_converted")
    if onehot.ndim == 2 and onehot.shape[0] == 4 and onehot.shape[1] != 3:
        mistake("wrong_classes")
    expected = np.eye(3)[labels]
    if onehot.shape != expected.shape:
        mistake(detail=f"모양이 (4, 3)이어야 하는데 {onehot.shape}입니다.")
    if not np.array_equal(onehot, expected):
        mistake(detail="행마다 그 레이블의 자리에만 1이 있어야 합니다. `q1_labels`는 [0, 2, 1, 2]입니다.")
    return (
        "정답입니다. 옛 책의 `np_utils.to_categorical(...)`은 모두 "
        "`keras.utils.to_categorical(...)`로 바꾸면 됩니다."
    )


# --------------------------------------------------------------------------- 2. 한글 글꼴 함수

_WINDOWS_FONT = "C:/Windows/Fonts/malgun.ttf"


def _missing_glyphs() -> list[str]:
    """한글 제목과 음수 눈금이 있는 그래프를 화면에 내지 않고 그려, 글자가 없다는 경고를 모은다."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = Figure(figsize=(3, 2))
        FigureCanvasAgg(fig)
        ax = fig.subplots()
        ax.plot([-2, -1, 0, 1])
        ax.set_title("한글 제목")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


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
            "글꼴 이름을 직접 적었는데, 이 컴퓨터에는 그 이름의 글꼴이 없습니다 (맑은 고딕은 윈도우에만 있습니다). "
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
)
def q2(ns):
    import matplotlib
    from matplotlib import font_manager

    from ..fonts import BUNDLED_FONT

    function = answer(ns, "q2_set_korean_font")
    if not callable(function):
        mistake(detail="`q2_set_korean_font`는 `def`로 만든 함수여야 합니다.")
    expected = font_manager.FontProperties(fname=str(BUNDLED_FONT)).get_name()
    # 학생 함수가 바꾼 설정은 채점이 끝나면 되돌린다. 글꼴은 기본값에서 출발한다.
    with matplotlib.rc_context({"font.family": ["sans-serif"], "axes.unicode_minus": True}):
        try:
            returned = call_answer(function, str(BUNDLED_FONT))
        except FileNotFoundError as error:
            if "malgun" in str(error).lower() or "windows" in str(error).lower():
                mistake("windows_path")
            raise
        family = matplotlib.rcParams["font.family"]
        family = [family] if isinstance(family, str) else list(family)
        if any(str(f).lower().endswith((".ttf", ".otf", ".ttc")) or "/" in str(f) for f in family):
            mistake("family_path")
        installed = {f.name for f in font_manager.fontManager.ttflist}
        if family and family[0] not in installed and family[0] not in ("sans-serif", "serif", "monospace"):
            mistake("hardcoded_name")
        if family[0] != expected:
            mistake(detail=f"`font.family`의 첫 글꼴이 {family[0]!r}입니다. 받은 파일의 글꼴({expected})이어야 합니다.")
        missing = _missing_glyphs()
        if missing and matplotlib.rcParams["axes.unicode_minus"]:
            mistake("unicode_minus")
        if missing:
            mistake(detail=f"그래프에 빠진 글자가 있습니다: {missing[0]}")
    if returned != expected:
        mistake(detail=f"함수는 글꼴 이름({expected!r})을 돌려줘야 하는데 {returned!r}을(를) 돌려줬습니다.")
    return (
        "정답입니다. 글꼴 파일 경로만 바꾸면 윈도우, macOS, Linux, Colab 어디서나 "
        "같은 코드로 한글 그래프를 그릴 수 있습니다."
    )


# --------------------------------------------------------------------------- 3. 기초 코드 전체를 함수 하나로

NOISE = "__array__ implementation doesn't accept a copy keyword, so passing copy=False failed."


def _draws() -> dict[str, object]:
    import keras
    import tensorflow as tf

    return {
        "python": random.random(),
        "numpy": np.random.rand(3),
        "tensorflow": tf.random.uniform((3,)).numpy(),
        "keras": keras.random.uniform((3,)).numpy(),
    }


def _hides(category, message: str, module: str) -> bool:
    """지금의 경고 필터가 이 경고를 숨기는지 (실제로 경고를 내 보고 확인)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.warn_explicit(message, category, filename=f"{module}.py", lineno=1, module=module)
    return not caught


@book.exercise(
    stars=3,
    title="노트의 기초 코드를 오늘의 설정 함수로",
    hint=(
        "7절의 1, 2, 5번을 함수 안에 넣고 `seed` 인수를 쓰세요. 경고는 그 메시지 하나만 `message=`로 골라 숨기고, "
        "GPU 목록은 `tf.config.list_physical_devices(\"GPU\")`입니다."
    ),
    solution="""
        def q3_setup(seed):
            warnings.filterwarnings("ignore", message=".*__array__ implementation doesn't accept a copy keyword",
                                    category=DeprecationWarning)
            gpus = tf.config.list_physical_devices("GPU")
            for gpu in gpus:
                tf.config.experimental.set_memory_growth(gpu, True)
            keras.utils.set_random_seed(seed)
            return gpus
    """,
    mistakes={
        "old_api": (
            "TensorFlow 1.x의 이름(`tf.ConfigProto`, `tf.Session`, `tf.set_random_seed`)은 TensorFlow 2에 없어서 "
            "AttributeError가 납니다. 3절과 6절의 오늘 코드를 쓰세요.",
            "def q3_setup(seed):\n"
            "    config = tf.ConfigProto()\n"
            "    config.gpu_options.allow_growth = True\n"
            "    tf.set_random_seed(seed)\n"
            "    return []\n",
        ),
        "session": (
            "`tf.compat.v1`의 ConfigProto/Session은 실행은 되지만 TensorFlow 1.x 방식이고, Keras 3는 Session을 쓰지 "
            "않습니다. GPU마다 `tf.config.experimental.set_memory_growth(gpu, True)`를 부르세요.",
            "def q3_setup(seed):\n"
            "    config = tf.compat.v1.ConfigProto()\n"
            "    config.gpu_options.allow_growth = True\n"
            "    session = tf.compat.v1.Session(config=config)\n"
            "    keras.utils.set_random_seed(seed)\n"
            "    return []\n",
        ),
        "ignore_all": (
            "경고를 종류째(또는 모두) 껐습니다. 노트의 `warnings.filterwarnings(action='ignore')`처럼 하면 내 코드의 "
            "실수를 알려 주는 경고(1절의 softmax 경고)까지 사라집니다. `message=`로 그 잡음 하나만 고르세요.",
            "def q3_setup(seed):\n"
            "    warnings.filterwarnings(action='ignore')\n"
            "    gpus = tf.config.list_physical_devices('GPU')\n"
            "    for gpu in gpus:\n"
            "        tf.config.experimental.set_memory_growth(gpu, True)\n"
            "    keras.utils.set_random_seed(seed)\n"
            "    return gpus\n",
        ),
        "no_gpu": (
            "GPU 메모리 설정이 없습니다. GPU가 없는 컴퓨터에서도 돌아가도록, GPU 목록을 돌며 "
            "`tf.config.experimental.set_memory_growth(gpu, True)`를 부르세요 (목록이 비면 아무 일도 하지 않습니다).",
            "def q3_setup(seed):\n"
            "    warnings.filterwarnings('ignore', message='.*__array__ implementation', category=DeprecationWarning)\n"
            "    keras.utils.set_random_seed(seed)\n"
            "    return tf.config.list_physical_devices('GPU')\n",
        ),
        "numpy_only": (
            "`np.random.seed`는 NumPy의 난수만 고정합니다. 가중치 초깃값과 데이터 섞기는 TensorFlow·Keras의 난수를 "
            "쓰므로, 한 번에 모두 고정하는 `keras.utils.set_random_seed(seed)`를 쓰세요.",
            "def q3_setup(seed):\n"
            "    warnings.filterwarnings('ignore', message='.*__array__ implementation', category=DeprecationWarning)\n"
            "    gpus = tf.config.list_physical_devices('GPU')\n"
            "    for gpu in gpus:\n"
            "        tf.config.experimental.set_memory_growth(gpu, True)\n"
            "    np.random.seed(seed)\n"
            "    return gpus\n",
        ),
    },
)
def q3(ns):
    import tensorflow as tf

    function = answer(ns, "q3_setup")
    if not callable(function):
        mistake(detail="`q3_setup`은 `def q3_setup(seed):`로 만든 함수여야 합니다.")
    names = names_used(function)
    with warnings.catch_warnings():  # 학생 함수가 바꾼 경고 필터는 채점이 끝나면 되돌린다
        warnings.resetwarnings()
        try:
            returned = call_answer(function, 7)
        except AttributeError as error:
            if any(old in str(error) for old in ("ConfigProto", "Session", "set_random_seed")):
                mistake("old_api")
            raise
        student = _draws()
        if {"ConfigProto", "Session", "InteractiveSession"} & names:
            mistake("session")
        if _hides(UserWarning, "You are using a softmax over axis -1 ...", "keras.src.ops.nn") or _hides(
            DeprecationWarning, "`old_argument` is deprecated", "__main__"
        ):
            mistake("ignore_all")
        if not _hides(DeprecationWarning, NOISE, "h5py._hl.base"):
            mistake(detail="numpy의 `__array__ ... copy keyword` 경고가 아직 보입니다. "
                           "`message=`와 `category=`로 숨기세요.")
        if "set_memory_growth" not in names:
            mistake("no_gpu")
    import keras

    keras.utils.set_random_seed(7)
    reference = _draws()
    same = {key: bool(np.array_equal(student[key], reference[key])) for key in reference}
    if same["numpy"] and not same["tensorflow"]:
        mistake("numpy_only")
    if not all(same.values()):
        differ = ", ".join(key for key, ok in same.items() if not ok)
        mistake(detail=f"seed=7로 불렀는데 {differ}의 난수가 `keras.utils.set_random_seed(7)` 때와 다릅니다.")
    if list(returned) != tf.config.list_physical_devices("GPU"):
        mistake(detail="함수는 `tf.config.list_physical_devices(\"GPU\")`의 목록을 돌려줘야 합니다.")
    return (
        "정답입니다. 이 함수 하나가 노트의 기초 코드에서 경고, GPU, 시드를 맡은 줄들이 하려던 일을 "
        "TensorFlow 2 방식으로 합니다. 내 프로젝트의 맨 위에서 부르세요."
    )
