"""`helpers.setup()`: 모든 노트북의 첫 코드 셀. 강의 노트 [02]의 기초 코드를 대신합니다.

`00_setup` 노트북에서 소개합니다.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass

from . import fonts, quiet


@dataclass(frozen=True)
class SetupInfo:
    python: str
    tensorflow: str
    keras: str
    device: str
    gpus: int
    font: str
    seed: int
    deterministic: bool
    notes: tuple[str, ...] = ()

    def report(self) -> str:
        lines = [
            f"Python {self.python} | TensorFlow {self.tensorflow} | Keras {self.keras}",
            f"장치(device): {self.device}",
            f"한글 글꼴: {self.font}",
            f"난수 시드(seed): {self.seed}" + (" (연산 결정성 켬)" if self.deterministic else ""),
        ]
        lines += [f"참고: {note}" for note in self.notes]
        return "\n".join(lines)

    def _ipython_display_(self) -> None:
        """셀 끝의 `helpers.setup()`이 보고를 두 번 보여 주지 않도록 (보고는 setup이 이미 출력)."""


SMALL_GRAPH_NODES = 10_000  # 이보다 노드가 적은 그래프는 Grappler가 최적화하지 않는다 (setup의 small_models)


def configure_gpus(tf) -> tuple[str, int, list[str]]:
    """모든 GPU에 메모리 증가(memory growth)를 켠다. GPU가 없거나 이미 초기화됐어도 예외를 내지 않는다.

    노트의 `config.gpu_options.allow_growth = True`에 해당합니다 (`11_gpu_distributed`에서 자세히).
    """
    notes: list[str] = []
    gpus = tf.config.list_physical_devices("GPU")
    for gpu in gpus:
        try:
            if not tf.config.experimental.get_memory_growth(gpu):
                tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError:
            notes.append(
                "GPU가 이미 초기화되어 메모리 증가 설정을 바꾸지 못했습니다. "
                "커널을 재시작(Kernel > Restart)한 뒤 setup()을 맨 먼저 실행하세요."
            )
            break
    if gpus:
        names = []
        for gpu in gpus:
            details = tf.config.experimental.get_device_details(gpu)
            names.append(details.get("device_name", gpu.name))
        device = f"GPU {len(gpus)}개 ({', '.join(names)})"
    else:
        device = "CPU (GPU 없음)"
    return device, len(gpus), notes


def setup(seed: int = 42, deterministic: bool = False, report: bool = True, small_models: bool = True) -> SetupInfo:
    """경고 정리, TensorFlow 조용히 불러오기, 한글 글꼴, 난수 시드, GPU 설정, 그래프 기본값.

    - seed: `keras.utils.set_random_seed`에 넘길 정수 (Python, NumPy, TensorFlow 난수를 한 번에 고정)
    - deterministic: True면 `tf.config.experimental.enable_op_determinism()`도 켠다 (GPU에서 느려질 수 있음)
    - report: True면 버전, 장치, 글꼴을 짧게 출력한다
    - small_models: True(기본값)이고 GPU가 없으면 TensorFlow의 그래프 최적화(Grappler)가 노드 1만 개 미만의 작은
      그래프를 건너뛰게 한다. 이 강의의 작은 모델에서는 `fit`이 새 그래프와 에포크마다의 데이터 파이프라인을
      최적화하는 시간이 최적화로 아끼는 계산 시간보다 길다 (이 기계에서 한 스텝짜리 에포크 하나가 약 28ms → 11~15ms).
      큰 그래프와 GPU에서는 그대로 최적화한다. (최적화를 통째로 끄는 `disable_meta_optimizer`는 같은 만큼 빠르지만
      커널 메모리가 30~110MB 늘어서 쓰지 않는다.)

    여러 번 불러도 안전합니다.
    """
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed는 0 이상의 정수여야 합니다 (받은 값: {seed!r}). 예: helpers.setup(seed=42)")
    quiet.configure_warnings()
    quiet.shorten_tracebacks()
    quiet.hide_empty_rich_displays()
    tf = quiet.import_tensorflow_quietly()
    import keras

    quiet.configure_warnings()  # TensorFlow가 import될 때 자기 로거를 다시 설정하므로 한 번 더

    device, n_gpus, notes = configure_gpus(tf)
    min_nodes = SMALL_GRAPH_NODES if small_models and not n_gpus else 0  # 0: TensorFlow 기본값
    tf.config.optimizer.set_experimental_options({"min_graph_nodes": min_nodes})

    keras.utils.set_random_seed(seed)
    if deterministic:
        tf.config.experimental.enable_op_determinism()

    choice = fonts.set_korean_font()
    _configure_inline_charts()
    _configure_tables()

    info = SetupInfo(
        python=platform.python_version(),
        tensorflow=tf.__version__,
        keras=keras.__version__,
        device=device,
        gpus=n_gpus,
        font=str(choice),
        seed=seed,
        deterministic=deterministic,
        notes=tuple(notes),
    )
    if report:
        print(info.report())
    return info


def _configure_tables() -> None:
    """pandas 표의 한글 열 맞춤: 한글 한 글자를 영문 두 칸 너비로 센다."""
    import pandas as pd

    pd.set_option("display.unicode.east_asian_width", True)


def _configure_inline_charts() -> None:
    """노트의 `%matplotlib inline`과 그래프 기본 크기/해상도."""
    import matplotlib

    matplotlib.rcParams.update(
        {
            "figure.figsize": (8, 4.5),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "font.size": 11,
            "axes.grid": True,
            "grid.alpha": 0.3,
        }
    )
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and "Terminal" not in type(shell).__name__:
        shell.run_line_magic("matplotlib", "inline")
