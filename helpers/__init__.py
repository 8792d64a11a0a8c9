"""Keras 강의 노트북들이 함께 쓰는 도우미(helpers) 모듈.

노트북의 첫 코드 셀은 언제나 다음 두 줄입니다::

    import helpers
    helpers.setup()

도우미는 배관(글꼴, 경고, 시드, GPU, 데이터 불러오기, 반복해서 쓰는 그래프)만 맡고,
Keras 수업 내용은 노트북 셀에 그대로 씁니다.

한 노트북에서만 쓰는 도우미는 따로 불러옵니다: `helpers.boundary`(02 결정 경계), `helpers.descent`(03 경사 하강법
그림), `helpers.models`(07이 저장하고 08이 불러오는 모델), `helpers.devices`(11 새
프로세스에서 장치 설정). 연습문제의 채점, 힌트, 해답은 `helpers.exercises`(노트북 NN은 `helpers/exercises/exNN.py`).
"""

from .data import UnknownDatasetError, dataset_names, load_dataset, load_xy, train_test_data
from .environment import SetupInfo, configure_gpus, setup
from .fonts import find_korean_font, set_korean_font, set_theme
from .paths import workdir
from .plots import HistoryKeyError, plot_history
from .scores import baseline_scores, compare_with_baselines, score

__all__ = [
    "HistoryKeyError",
    "SetupInfo",
    "UnknownDatasetError",
    "baseline_scores",
    "compare_with_baselines",
    "configure_gpus",
    "dataset_names",
    "find_korean_font",
    "load_dataset",
    "load_xy",
    "plot_history",
    "score",
    "set_korean_font",
    "set_theme",
    "setup",
    "train_test_data",
    "workdir",
]
