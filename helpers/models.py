"""`07_save_load`가 저장하고 `08_predict`가 불러오는 유방 종양 모델.

만드는 법은 `07_save_load` 노트북의 셀이 가르칩니다 (여기의 코드는 그 셀과 같은 방법입니다).
- 07은 학습한 모델을 `save_cancer_model(model)`로 `cancer_model_path()`(`build/models/cancer_survival.keras`)에
  저장합니다. 작업 폴더(`helpers.workdir`)는 실행할 때마다 비워지므로 그 밖에 둡니다.
- 08은 그 파일을 불러옵니다. 파일이 없으면(07을 아직 실행하지 않았으면) 무엇을 먼저 실행할지 알려 주고
  `train_cancer_model`로 같은 모델을 그 자리에서 만들어 계속합니다.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "build" / "models"
CANCER_MODEL_FILE = "cancer_survival.keras"


def _relative(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return Path(os.path.relpath(path, Path.cwd()))


def cancer_model_path() -> Path:
    """07이 저장하고 08이 불러오는 모델 파일의 경로 (지금 폴더 기준 상대 경로)."""
    return _relative(MODEL_DIR / CANCER_MODEL_FILE)


def save_cancer_model(model) -> Path:
    """07이 학습한 모델을 08이 불러올 곳(`cancer_model_path()`)에 `.keras`로 저장하고 그 경로를 돌려준다.

    같은 폴더의 임시 파일에 먼저 저장한 뒤 이름을 바꾸므로, 저장하는 동안 다른 노트북이 그 파일을 읽어도
    반쯤 쓰인 파일을 보지 않는다.
    """
    target = cancer_model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"tmp-{os.getpid()}-{target.name}")
    model.save(temporary)
    os.replace(temporary, target)
    return target


def build_cancer_model(X_train, units: int = 8, learning_rate: float = 0.01):
    """07의 `build_model`과 같은 모델: 정규화 층(훈련 데이터로 adapt) → Dense(relu) → Dense(1, sigmoid)."""
    import keras
    from keras import layers

    normalizer = layers.Normalization(name="normalization")
    normalizer.adapt(X_train)
    model = keras.Sequential(
        [
            keras.Input(shape=(X_train.shape[1],)),
            normalizer,
            layers.Dense(units, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ],
        name="cancer_survival",
    )
    model.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        metrics=["accuracy"],
    )
    return model


def train_cancer_model(X_train, y_train, verbose: bool = True):
    """07과 같은 시드와 설정(10 에포크, 배치 크기 16)으로 모델을 학습해 돌려준다."""
    import keras

    if verbose:
        print(
            f"저장된 모델 파일({cancer_model_path().as_posix()})이 없습니다. "
            "07_save_load 노트북을 먼저 끝까지 실행하면 그 모델을 불러옵니다.\n"
            "지금은 07과 같은 방법으로 모델을 새로 학습해서 계속합니다."
        )
    keras.utils.set_random_seed(42)
    model = build_cancer_model(X_train)
    model.fit(X_train, y_train, epochs=10, batch_size=16, verbose=0)
    return model
