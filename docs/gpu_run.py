"""GPU 실행 기록용 스크립트: 같은 Keras 3 모델을 GPU와 CPU에서 학습해 에포크당 시간을 잰다.

`docs/gpu_run.md`의 숫자를 만든 스크립트입니다. TensorFlow 휠(약 600 MB)은 대여받은 GPU 기계로
옮길 수 없어서, 그 기계에 설치된 JAX를 Keras 3의 백엔드로 씁니다 (Keras 코드는 그대로).

    KERAS_BACKEND=jax python docs/gpu_run.py            # GPU가 있으면 GPU와 CPU 모두 잰다
    python docs/gpu_run.py --platform cpu               # 한 플랫폼만 (내부용)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

CASES = {
    # 이름: (행 수, 특성 수, 은닉 유닛, 배치 크기) - small은 breast_cancer 크기의 수업용 문제
    "small": (455, 30, 40, 32),
    "large": (200_000, 64, 512, 1024),
}


def measure(platform: str) -> dict:
    os.environ["JAX_PLATFORMS"] = "cuda" if platform == "gpu" else "cpu"  # JAX는 NVIDIA GPU를 'cuda'라 부른다
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras
    import numpy as np

    devices = keras.distribution.list_devices()
    result = {"platform": platform, "backend": keras.backend.backend(), "keras": keras.__version__,
              "devices": devices, "cases": {}}
    if platform == "gpu":
        gpus = [d for d in devices if "gpu" in d.lower() or "cuda" in d.lower()]
        keras.distribution.set_distribution(keras.distribution.DataParallel(devices=gpus))
        result["replicas"] = len(gpus)
    for name, (rows, features, units, batch) in CASES.items():
        keras.utils.set_random_seed(0)
        rng = np.random.default_rng(0)
        X = rng.normal(size=(rows, features)).astype("float32")
        y = (X[:, :4].sum(axis=1) + 0.5 * rng.normal(size=rows) > 0).astype("float32")
        model = keras.Sequential(
            [
                keras.Input(shape=(features,)),
                keras.layers.Dense(units, activation="relu"),
                keras.layers.Dense(units, activation="relu"),
                keras.layers.Dense(1, activation="sigmoid"),
            ]
        )
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        model.fit(X, y, epochs=1, batch_size=batch, verbose=0)  # 컴파일(JIT) 시간을 빼기 위한 예열
        times = []
        for _ in range(3):
            start = time.perf_counter()
            history = model.fit(X, y, epochs=1, batch_size=batch, verbose=0)
            times.append(time.perf_counter() - start)
        result["cases"][name] = {
            "rows": rows, "features": features, "units": units, "batch_size": batch,
            "steps_per_epoch": -(-rows // batch), "params": model.count_params(),
            "seconds_per_epoch": min(times), "train_accuracy": float(history.history["accuracy"][-1]),
        }
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--platform", choices=["cpu", "gpu"])
    parser.add_argument("--json")
    args = parser.parse_args()
    if args.platform:
        print(json.dumps(measure(args.platform)))
        return 0
    runs = []
    for platform in ("gpu", "cpu"):
        done = subprocess.run([sys.executable, __file__, "--platform", platform], capture_output=True, text=True)
        if done.returncode != 0:
            runs.append({"platform": platform, "error": done.stderr[-1500:]})
            continue
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    text = json.dumps(runs, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
