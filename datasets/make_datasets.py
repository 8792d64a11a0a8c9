"""datasets/*.csv 를 scikit-learn에 함께 설치되는 데이터와 생성기로 다시 만든다 (인터넷 불필요).

    python datasets/make_datasets.py

같은 scikit-learn 버전이면 몇 번을 실행해도 같은 파일이 나온다.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from sklearn import datasets

HERE = Path(__file__).resolve().parent


def snake(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def breast_cancer() -> pd.DataFrame:
    raw = datasets.load_breast_cancer()
    frame = pd.DataFrame(raw.data, columns=[snake(c) for c in raw.feature_names])
    frame["target"] = raw.target  # 0 = 악성(malignant), 1 = 양성(benign)
    return frame


def iris() -> pd.DataFrame:
    raw = datasets.load_iris()
    frame = pd.DataFrame(raw.data, columns=["sepal_length", "sepal_width", "petal_length", "petal_width"])
    frame["species"] = raw.target_names[raw.target]
    return frame


def wine() -> pd.DataFrame:
    raw = datasets.load_wine()
    frame = pd.DataFrame(raw.data, columns=[snake(c) for c in raw.feature_names])
    frame["cultivar"] = raw.target_names[raw.target]
    return frame


def diabetes() -> pd.DataFrame:
    raw = datasets.load_diabetes(scaled=False)
    frame = pd.DataFrame(raw.data, columns=raw.feature_names)
    frame["progression"] = raw.target
    return frame


def multilabel() -> pd.DataFrame:
    X, Y = datasets.make_multilabel_classification(
        n_samples=1000, n_features=12, n_classes=4, n_labels=2, allow_unlabeled=False, random_state=7
    )
    frame = pd.DataFrame(X.astype(int), columns=[f"x{i:02d}" for i in range(X.shape[1])])
    for j in range(Y.shape[1]):
        frame[f"label_{j}"] = Y[:, j]
    return frame


def moons() -> pd.DataFrame:
    """초승달 두 개가 맞물린 2차원 가상 데이터: 직선 하나로는 나눌 수 없다 (`02_output_layer` 6절)."""
    X, y = datasets.make_moons(n_samples=1000, noise=0.2, random_state=7)
    frame = pd.DataFrame(X, columns=["x1", "x2"])
    frame["target"] = y  # 0 = 위쪽 초승달, 1 = 아래쪽 초승달
    return frame


MAKERS = {
    "breast_cancer": breast_cancer,
    "iris": iris,
    "wine": wine,
    "diabetes": diabetes,
    "multilabel": multilabel,
    "moons": moons,
}


def main() -> None:
    for name, make in MAKERS.items():
        frame = make()
        path = HERE / f"{name}.csv"
        frame.to_csv(path, index=False, float_format="%.6g", lineterminator="\n")
        print(f"{path.name}: {frame.shape[0]}행 x {frame.shape[1]}열")


if __name__ == "__main__":
    main()
