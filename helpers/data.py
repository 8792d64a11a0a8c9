"""`datasets/` 폴더의 CSV 데이터 불러오기.

`01_sequential_dense` 노트북부터 씁니다. 데이터의 출처와 열 설명은 `datasets/README.md`에 있습니다.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATASETS_DIR = Path(__file__).resolve().parent.parent / "datasets"

# 이름 -> (파일, 타깃 열 목록, 과제 종류)
DATASETS = {
    "breast_cancer": ("breast_cancer.csv", ["target"], "이진 분류"),
    "iris": ("iris.csv", ["species"], "다중 분류"),
    "wine": ("wine.csv", ["cultivar"], "다중 분류"),
    "diabetes": ("diabetes.csv", ["progression"], "회귀"),
    "multilabel": ("multilabel.csv", ["label_0", "label_1", "label_2", "label_3"], "다중 레이블 분류"),
}


class UnknownDatasetError(ValueError):
    """없는 데이터셋 이름."""


def dataset_names() -> list[str]:
    """불러올 수 있는 데이터셋 이름 목록."""
    return sorted(DATASETS)


def _entry(name: str):
    if not isinstance(name, str) or name not in DATASETS:
        raise UnknownDatasetError(
            f"'{name}'라는 데이터셋은 없습니다. 사용할 수 있는 이름: {', '.join(dataset_names())}. "
            "예: helpers.load_dataset('breast_cancer')"
        )
    file, targets, task = DATASETS[name]
    path = DATASETS_DIR / file
    if not path.exists():
        raise FileNotFoundError(
            f"데이터 파일이 없습니다: datasets/{file}. "
            "저장소 최상위 폴더에서 `python datasets/make_datasets.py`를 실행하면 다시 만들어집니다."
        )
    return path, targets, task


def load_dataset(name: str) -> pd.DataFrame:
    """데이터셋 하나를 DataFrame으로 불러온다 (타깃 열 포함)."""
    path, _, _ = _entry(name)
    return pd.read_csv(path)


def load_xy(name: str):
    """특성 X(DataFrame)와 타깃 y(Series, 다중 레이블이면 DataFrame)로 나눠서 불러온다."""
    _, targets, _ = _entry(name)
    frame = load_dataset(name)
    X = frame.drop(columns=targets)
    y = frame[targets[0]] if len(targets) == 1 else frame[targets]
    return X, y
