"""채점이 '어떻게 만들었는지'를 볼 수 있게 남기는 기록 (연습문제를 불러올 때 켜진다).

- `Model.fit`: 모델 객체에 학습 기록(`fits(model)`)을 남긴다: 받은 x, y, validation_data의 지문(fingerprint),
  epochs, batch_size, shuffle, validation_split, initial_epoch, 콜백 이름.
- `Model.save`, `keras.saving.save_model`: 저장한 경로(`saved_paths(model)`).
- `keras.saving.load_model` (= `keras.models.load_model`): 불러온 모델에 파일 경로(`loaded_from(model)`).
- 답안 셀의 오류: IPython이 셀을 실행할 때마다, `qN_` 이름을 쓰는 셀이 오류를 냈으면 노트북 전역의
  `__answer_errors__[qN]`에 오류와 그 줄을 적고, 오류 없이 다시 실행하면 지운다.

기록은 모델 객체의 속성(attribute)과 노트북 전역 이름 공간에만 남고, 학습 결과는 바꾸지 않는다.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

FITS = "_course_fits"
SAVED = "_course_saved"
LOADED = "_course_loaded_from"
ERRORS_KEY = "__answer_errors__"
_INSTALLED = {"keras": False, "cell_hook": False}


def fingerprint(data) -> str | None:
    """배열의 지문: 모양과 float32로 바꾼 값의 해시. 같은 데이터면 같은 지문 (DataFrame, 리스트, 텐서도)."""
    import numpy as np

    if data is None:
        return None
    try:
        if hasattr(data, "to_numpy"):
            data = data.to_numpy()
        elif hasattr(data, "numpy"):
            data = data.numpy()
        array = np.ascontiguousarray(np.asarray(data, dtype=np.float32))
    except (TypeError, ValueError):
        return f"<{type(data).__name__}>"
    digest = hashlib.sha1(array.tobytes()).hexdigest()[:16]
    return f"{array.shape}:{digest}"


def _validation(value):
    if value is None:
        return None
    if isinstance(value, tuple | list):
        return [fingerprint(part) for part in value]
    return [fingerprint(value)]


def _fit_record(args, kwargs) -> dict:
    names = ["x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split", "validation_data",
             "shuffle"]
    given = dict(zip(names, args, strict=False))
    given.update(kwargs)
    callbacks = given.get("callbacks") or []
    return {
        "x": fingerprint(given.get("x")),
        "y": fingerprint(given.get("y")),
        "n": _length(given.get("x")),
        "epochs": given.get("epochs", 1),
        "batch_size": given.get("batch_size"),
        "shuffle": given.get("shuffle", True),
        "validation_split": given.get("validation_split", 0.0),
        "validation_data": _validation(given.get("validation_data")),
        "initial_epoch": given.get("initial_epoch", 0),
        "callbacks": [type(c).__name__ for c in callbacks],
    }


def _length(data):
    try:
        return len(data)
    except TypeError:
        return None


def _remember(obj, attribute: str, value) -> None:
    try:
        log = obj.__dict__.setdefault(attribute, [])
        if attribute == SAVED and log and log[-1] == value:  # Model.save가 save_model을 부를 때 두 번 적지 않게
            return
        log.append(value)
    except (AttributeError, TypeError):
        pass


def fits(model) -> list[dict]:
    """그 모델의 `fit` 호출 기록 (오래된 것부터). 기록이 없으면 빈 리스트."""
    return list(getattr(model, FITS, []) or [])


def saved_paths(model) -> list[str]:
    """그 모델을 저장한 경로들 (`model.save`, `keras.saving.save_model`)."""
    return list(getattr(model, SAVED, []) or [])


def loaded_from(model) -> str | None:
    """그 모델을 파일에서 불러왔으면 그 경로 (`keras.saving.load_model`), 아니면 None."""
    return getattr(model, LOADED, None)


def install_keras() -> None:
    """Model.fit / save / load_model에 기록을 붙인다 (여러 번 불러도 한 번만)."""
    if _INSTALLED["keras"]:
        return
    import keras

    original_fit = keras.Model.fit

    @functools.wraps(original_fit)
    def fit(self, *args, **kwargs):
        record = _fit_record(args, kwargs)
        history = original_fit(self, *args, **kwargs)
        record["epochs_run"] = len(getattr(history, "epoch", []) or [])
        _remember(self, FITS, record)
        return history

    keras.Model.fit = fit

    original_save = keras.Model.save

    @functools.wraps(original_save)
    def save(self, filepath, *args, **kwargs):
        result = original_save(self, filepath, *args, **kwargs)
        _remember(self, SAVED, str(Path(filepath)))
        return result

    keras.Model.save = save

    import keras.src.saving.saving_api as saving_api

    original_load = saving_api.load_model

    @functools.wraps(original_load)
    def load_model(filepath, *args, **kwargs):
        model = original_load(filepath, *args, **kwargs)
        try:
            model.__dict__[LOADED] = str(Path(filepath))
        except (AttributeError, TypeError):
            pass
        return model

    original_save_model = saving_api.save_model

    @functools.wraps(original_save_model)
    def save_model(model, filepath, *args, **kwargs):
        result = original_save_model(model, filepath, *args, **kwargs)
        _remember(model, SAVED, str(Path(filepath)))
        return result

    for module in (keras.saving, keras.models, saving_api):
        if getattr(module, "load_model", None) is original_load:
            module.load_model = load_model
        if module is not keras.models and getattr(module, "save_model", None) is original_save_model:
            module.save_model = save_model
    _INSTALLED["keras"] = True


_CELL_FILE = re.compile(r"ipykernel_\d+|<ipython-input|^<q\d+ |^<cell")


def answer_frame(tb):
    """트레이스백에서 학생 코드(노트북 셀)의 가장 깊은 줄: (줄 번호, 그 줄의 코드) 또는 None."""
    frames = [f for f in traceback_frames(tb) if _CELL_FILE.search(f.filename or "")]
    if not frames:
        return None
    last = frames[-1]
    return last.lineno, (last.line or "").strip()


def traceback_frames(tb):
    import traceback

    return traceback.extract_tb(tb)


def error_text(exc: BaseException) -> str:
    """오류를 한 줄로: 여러 줄짜리 오류(TF의 Graph execution error 등)는 파일 위치 줄(`File "..."`)을 빼고 잇고,
    설치 경로는 줄인다."""
    kept = []
    for raw in re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).splitlines():  # Keras가 메시지에 넣는 색 코드
        line = raw.strip()
        if line and not line.startswith("File "):
            kept.append(line)
    message = " … ".join(dict.fromkeys(kept))
    try:
        from helpers.quiet import shorten_paths

        message = shorten_paths(message)
    except ImportError:
        pass
    if len(message) > 600:
        message = message[:597] + "..."
    return f"{type(exc).__name__}: {message}"


def _exercises_in(source: str) -> set[str]:
    if re.search(r"\bq\d+\.(check|hint|solution)\(", source):
        return set()
    return {m for m in re.findall(r"\b(q\d+)_\w+", source)}


def _on_cell_done(result) -> None:
    try:
        source = result.info.raw_cell or ""
    except AttributeError:
        return
    names = _exercises_in(source)
    if not names:
        return
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return
    errors = shell.user_ns.setdefault(ERRORS_KEY, {})
    exc = result.error_in_exec or result.error_before_exec
    for name in names:
        if exc is None:
            errors.pop(name, None)
            continue
        text = error_text(exc)
        frame = answer_frame(exc.__traceback__) if result.error_in_exec is not None else None
        if frame:
            text += f" (답안 셀 {frame[0]}번째 줄: `{frame[1]}`)"
        errors[name] = text


def install_cell_hook() -> None:
    """IPython 커널 안이면, 셀을 실행할 때마다 답안 셀의 오류를 기록하는 훅을 건다."""
    if _INSTALLED["cell_hook"]:
        return
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.events.register("post_run_cell", _on_cell_done)
    _INSTALLED["cell_hook"] = True


def install() -> None:
    """노트북 커널(IPython) 안에서만 켠다: 채점기나 테스트 프로세스가 helpers.exercises를 불러올 때는 켜지 않는다."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    if get_ipython() is None:
        return
    install_keras()
    install_cell_hook()
