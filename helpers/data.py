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
    "moons": ("moons.csv", ["target"], "이진 분류"),
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


def train_test_data(
    name: str, test_size: float = 0.2, seed: int = 42, scale: bool = False, encode_labels: bool = False
):
    """데이터셋을 훈련/시험으로 나눈다 (분류면 클래스 비율 유지). 표준화는 `scale=True`일 때만, 훈련 데이터에 맞춰서.

    `02_output_layer`에서 처음 쓰고, 표준화(StandardScaler)는 02에서 셀로 직접 보여 준 뒤 그다음부터
    `scale=True`로 씁니다. 돌려주는 값: X_train, X_test, y_train, y_test (NumPy 배열, X는 float32)
    - scale: True면 StandardScaler를 X_train으로 fit하고 X_train, X_test에 transform (기본은 하지 않음)
    - encode_labels: True면 문자열 클래스 이름을 0, 1, 2 ... 정수로 바꾼다 (LabelEncoder, 이름순)
    """
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import LabelEncoder, StandardScaler

    if not 0 < test_size < 1:
        raise ValueError(f"test_size는 0과 1 사이의 비율이어야 합니다 (받은 값: {test_size!r}). 예: 0.2")
    _, _, task = _entry(name)
    X, y = load_xy(name)
    X = X.to_numpy("float32")
    y = y.to_numpy()
    if encode_labels and y.dtype.kind in "OUS":
        y = LabelEncoder().fit_transform(y)
    stratify = y if task in ("이진 분류", "다중 분류") else None
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=stratify
    )
    if scale:
        scaler = StandardScaler().fit(X_train)
        X_train = scaler.transform(X_train).astype("float32")
        X_test = scaler.transform(X_test).astype("float32")
    return X_train, X_test, y_train, y_test
