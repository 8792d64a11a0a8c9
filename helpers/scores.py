"""모델 점수를 기준선(baseline)과 나란히 비교하기.

`06_evaluate` 노트북에서 자세히 다룹니다. 모든 모델은 같은 시험 데이터(test set)에서
- 분류: 다수 클래스(majority class) 예측, scikit-learn 로지스틱 회귀
- 회귀: 평균 예측(mean predictor), scikit-learn 릿지 회귀(Ridge)
와 비교합니다. 표를 보여 주면서, `make bench`가 읽을 수 있는 기계용 기록(MIME 타입
`application/vnd.keras-course.score+json`)도 같은 출력에 담습니다.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SCORE_MIME = "application/vnd.keras-course.score+json"
TASKS = ("binary", "multiclass", "multilabel", "regression")
METRIC = {"binary": "accuracy", "multiclass": "accuracy", "multilabel": "accuracy", "regression": "rmse"}
METRIC_KO = {"accuracy": "정확도(accuracy, 높을수록 좋음)", "rmse": "RMSE(낮을수록 좋음)"}


def _check_task(task: str) -> None:
    if task not in TASKS:
        raise ValueError(f"task는 {', '.join(TASKS)} 중 하나여야 합니다 (받은 값: {task!r}).")


def _labels(y, task: str) -> np.ndarray:
    """확률/원-핫/정수 레이블 무엇이 와도 비교 가능한 형태로 바꾼다."""
    y = np.asarray(y)
    if task == "binary":
        y = y.reshape(len(y), -1)
        if y.shape[1] == 2:  # 클래스 2개짜리 softmax 출력
            return y.argmax(axis=1)
        y = y[:, 0]
        return (y > 0.5).astype(int) if y.dtype.kind == "f" else y.astype(int)
    if task == "multiclass":
        if y.ndim == 2 and y.shape[1] > 1:  # 확률 또는 원-핫
            return y.argmax(axis=1)
        return y.reshape(-1)
    if task == "multilabel":
        return (y > 0.5).astype(int) if y.dtype.kind == "f" else y.astype(int)
    return y.reshape(-1).astype(float)


def score(y_true, y_pred, task: str) -> float:
    """분류는 정확도(다중 레이블은 레이블별 정확도의 평균), 회귀는 RMSE."""
    _check_task(task)
    t, p = _labels(y_true, task), _labels(y_pred, task)
    if t.shape != p.shape:
        raise ValueError(
            f"정답과 예측의 모양이 다릅니다: 정답 {t.shape}, 예측 {p.shape}. "
            "같은 시험 데이터로 예측했는지, task가 맞는지 확인하세요."
        )
    if task == "regression":
        return float(np.sqrt(np.mean((t - p) ** 2)))
    return float(np.mean(t == p))


def baseline_scores(X_train, y_train, X_test, y_test, task: str) -> dict[str, float]:
    """같은 분할에서 기준선 점수를 계산한다 (스케일링은 훈련 데이터에만 맞춤)."""
    from sklearn.dummy import DummyClassifier, DummyRegressor
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.multioutput import MultiOutputClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    _check_task(task)
    y_train_l, y_test_l = _labels(y_train, task), _labels(y_test, task)
    if task == "regression":
        models = {"평균 예측": DummyRegressor(strategy="mean"), "릿지 회귀": Ridge(alpha=1.0)}
    elif task == "multilabel":
        models = {
            "다수 클래스": MultiOutputClassifier(DummyClassifier(strategy="most_frequent")),
            "로지스틱 회귀": MultiOutputClassifier(LogisticRegression(max_iter=5000)),
        }
    else:
        models = {
            "다수 클래스": DummyClassifier(strategy="most_frequent"),
            "로지스틱 회귀": LogisticRegression(max_iter=5000),
        }
    result = {}
    for name, model in models.items():
        pipe = make_pipeline(StandardScaler(), model)
        pipe.fit(np.asarray(X_train, dtype=float), y_train_l)
        result[name] = score(y_test_l, pipe.predict(np.asarray(X_test, dtype=float)), task)
    return result


def compare_with_baselines(
    *, X_train, y_train, X_test, y_test, y_pred, task: str, label: str = "Keras 모델"
) -> pd.DataFrame:
    """Keras 모델의 시험 점수를 기준선과 한 표로 보여 주고 그 표를 돌려준다 (`02_output_layer`에서 처음 씀).

    모든 인수는 이름을 붙여 넘깁니다::

        table = helpers.compare_with_baselines(
            X_train=X_train, y_train=y_train, X_test=X_test, y_test=y_test,
            y_pred=model.predict(X_test, verbose=0), task="binary",
        )

    - y_pred: `model.predict(X_test)`의 결과 (확률 그대로 넘겨도 된다)
    - task: "binary", "multiclass", "multilabel", "regression" 중 하나
    - label: 표의 첫 줄에 쓸 모델 이름
    표는 이 함수가 이미 보여 주므로 `table = ...`처럼 변수에 받으세요.
    """
    _check_task(task)
    metric = METRIC[task]
    model_score = score(y_test, y_pred, task)
    base = baseline_scores(X_train, y_train, X_test, y_test, task)
    table = pd.DataFrame(
        {"모델": [label, *base], METRIC_KO[metric]: [model_score, *base.values()]}
    ).set_index("모델")
    table = table.round(4)
    record = {
        "label": label,
        "task": task,
        "metric": metric,
        "model": round(model_score, 6),
        "baselines": {k: round(v, 6) for k, v in base.items()},
        "n_test": int(len(np.asarray(y_test))),
    }
    _display_with_record(table, record)
    return table


def _display_with_record(table: pd.DataFrame, record: dict) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        print(table.to_string())
        return
    display(
        {"text/plain": table.to_string(), "text/html": table.to_html(), SCORE_MIME: record},
        raw=True,
    )
