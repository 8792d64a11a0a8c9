"""라이브러리 잡음 정리: 경고 형식, 알려진 잡음 필터, TensorFlow 조용히 불러오기.

`00_setup` 노트북에서 소개합니다. 경고는 NOISY_WARNINGS의 네 가지만 숨기고 나머지는 한 줄로 보여 줍니다
(예: 출력 1개짜리 softmax). tensorflow 로거는 ERROR만 보이고, absl 로거는 WARNING 이상을 보이되 재추적(retracing)과
체크포인트 삭제 안내는 거릅니다 (학생 코드가 일으킨 것이어도). `model.summary()` 앞에 생기던 빈 출력 칸도 없앱니다.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import warnings

# 알려진 라이브러리 잡음(학생이 고칠 수 없는 것)만 숨긴다. 정규식은 경고 메시지 앞부분에 맞춘다.
NOISY_WARNINGS = [
    # numpy 2.x + Keras의 .h5 저장: "__array__ implementation doesn't accept a copy keyword ..."
    (r".*__array__ implementation doesn't accept a copy keyword", DeprecationWarning),
    (r".*`np\.bool8` is a deprecated alias", DeprecationWarning),
    (r".*jupyter_client|.*zmq", DeprecationWarning),
    (r".*Protobuf gencode version", UserWarning),
]

NOISY_LOG_MESSAGES = re.compile(
    "|".join(
        [
            r"Detecting that an object or model or tf\.train\.Checkpoint is being deleted",
            r"triggered tf\.function retracing",  # 모델을 여러 개 만들면 나오는 TensorFlow 내부 안내
        ]
    )
)


def short_warning(message, category, filename, lineno, line=None):
    """경고를 `UserWarning: 메시지` 한 줄로 보여 준다 (설치 경로는 숨김)."""
    return f"{category.__name__}: {message}\n"


class _DropNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not NOISY_LOG_MESSAGES.search(record.getMessage())


def configure_warnings() -> None:
    """경고 형식을 짧게 하고, 알려진 라이브러리 잡음만 거른다."""
    warnings.formatwarning = short_warning
    for pattern, category in NOISY_WARNINGS:
        warnings.filterwarnings("ignore", message=pattern, category=category)
    # absl(Keras 내부 로그)과 tensorflow 로거: 'WARNING:absl:' 접두어 대신 짧은 형식으로,
    # 의미 있는 경고(예: .h5는 레거시 형식)는 남기고 잡음은 거른다.
    handler = logging.StreamHandler(_CurrentStderr())
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.addFilter(_DropNoise())
    for name in ("absl", "tensorflow"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.WARNING if name == "absl" else logging.ERROR)


class _CurrentStderr:
    """매번 그 순간의 sys.stderr에 쓴다 (Jupyter는 셀마다 출력 대상을 바꾼다)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


@contextlib.contextmanager
def fd2_silenced():
    """파일 디스크립터 2(C++ 로그가 쓰는 곳)를 잠시 /dev/null로 돌린다.

    TensorFlow 2.21의 시작 로그(cudart_stub, oneDNN, absl::InitializeLog)는 absl이 시작되기 전에
    fd 2로 바로 쓰이므로 `TF_CPP_MIN_LOG_LEVEL`로 막을 수 없다.
    """
    try:
        fd = sys.__stderr__.fileno() if sys.__stderr__ else 2
    except (AttributeError, OSError, ValueError):
        fd = 2
    try:
        saved = os.dup(fd)
    except OSError:  # fd 2가 없는 환경(일부 GUI 실행기)
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        if sys.__stderr__:
            sys.__stderr__.flush()
        os.dup2(devnull, fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)


def _path_prefixes() -> list[tuple[str, str]]:
    """출력에서 줄일 경로: 파이썬 패키지 설치 폴더와 이 저장소 폴더."""
    import site
    import sysconfig
    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent)
    found = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    try:
        found.update(site.getsitepackages())
    except AttributeError:  # 일부 가상환경의 옛 site 모듈
        pass
    pairs = [(p, "<site-packages>") for p in found if p]
    pairs.append((root, "<강의 폴더>"))
    # 긴 경로부터 바꾼다 (site-packages가 저장소 안 .venv에 있을 수 있으므로)
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def shorten_paths(text: str) -> str:
    """설치 경로와 저장소 경로를 짧은 이름으로 바꾼다 (기계마다 다른 절대 경로를 숨김)."""
    for prefix, short in _path_prefixes():
        text = text.replace(prefix, short)
    return text


def shorten_tracebacks() -> None:
    """Jupyter 오류 출력(traceback)의 절대 경로를 짧게 바꾼다. 줄 번호와 코드 문맥은 그대로 둔다."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or getattr(shell.InteractiveTB, "_course_shortened", False):
        return
    original = shell.InteractiveTB.structured_traceback

    def structured_traceback(*args, **kwargs):
        return [shorten_paths(part) for part in original(*args, **kwargs)]

    shell.InteractiveTB.structured_traceback = structured_traceback
    shell.InteractiveTB._course_shortened = True


def import_tensorflow_quietly():
    """TensorFlow를 C++ 시작 로그 없이 불러오고 GPU 목록까지 초기화한 뒤 모듈을 돌려준다."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    with fd2_silenced():
        import tensorflow as tf

        # 첫 장치 조회 때 나오는 'failed call to cuInit' 같은 로그도 여기서 삼킨다.
        tf.config.list_physical_devices()
        # TensorFlow는 'tensorflow' 로거를 처음 쓸 때 설정한다(대화형이면 INFO 수준 + stdout).
        # 지금 한 번 만들어 두어야 configure_warnings()의 설정이 나중에 덮어써지지 않는다.
        tf.get_logger()
    return tf


def hide_empty_rich_displays() -> None:
    """Keras의 `summary(print_fn=print)`가 Jupyter에 남기는 빈 rich 출력 칸을 없앤다 (내용이 있는 출력은 그대로)."""
    try:
        import rich.jupyter
    except ImportError:
        return
    original = rich.jupyter.display
    if getattr(original, "_course", False):
        return

    def display(segments, text):
        if text.strip():
            original(segments, text)

    display._course = True
    rich.jupyter.display = display
