"""채점기가 학생 커널 안의 값을 읽는 통로 (커널 쪽). 학생은 이 모듈을 쓸 일이 없습니다.

채점(`tools/grade.py`)은 제출물을 격리된 커널에서 실행한 뒤, 채점 함수 `qN(ns)`를 **채점기 프로세스**에서
부릅니다. 그때 `ns`는 이 커널의 전역 이름 공간을 가리키는 대리 객체이고, 그 요청이 여기로 옵니다:
채점기가 `__course_rpc__("<base64 JSON 요청>")`을 user_expressions로 보내면, 여기서 요청을 처리해
결과를 안전한 데이터로만 돌려줍니다.

- 보통 값(None, bool, int, float, str, bytes, 리스트/튜플/집합/딕셔너리, range, pathlib 경로, `...`)은 JSON으로,
- NumPy 배열과 스칼라는 `.npy` 바이트(base64)로 (채점기는 `allow_pickle=False`로 읽는다),
- pandas의 DataFrame, Series, Index는 열마다 배열로,
- 그 밖의 객체(모델, 함수, 모듈, 콜백 ...)는 번호(ref)와 클래스 이름만: 채점기가 그 번호로 속성(attribute), 항목,
  호출, len, iter, 비교를 다시 요청한다.

이 코드는 학생 커널 안에서 돌기 때문에 학생 코드가 고칠 수 있습니다. 그래서 채점기는 여기서 온 것을
데이터로만 읽고(코드로 실행하지 않고), 판정과 점수는 채점기 안에서 계산합니다 (`docs/grading.md`).
채점기 → 커널 방향의 인자 중 보통 값이 아닌 것(채점기가 만든 Keras 모델 등)은 pickle로 옵니다:
커널이 채점기를 믿는 방향이라 괜찮습니다.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import math
import operator
import pickle
import re
import sys
import traceback

ALLOWED_MODULES = ("keras", "tensorflow", "numpy", "pandas", "sklearn", "matplotlib", "builtins")
MAX_ITEMS = 200_000  # 이보다 긴 리스트/배열은 값 대신 ref로
MAX_BYTES = 64 * 2**20  # 배열 하나의 최대 크기 (더 크면 ref로)
MAX_DEPTH = 24
MAX_TEXT = 20_000
ARRAY_KINDS = set("biufcmMUS")
_CELL_FILE = re.compile(r"ipykernel_\d+|<ipython-input")

UNARY = {
    "len": len,
    "bool": bool,
    "hash": hash,
    "repr": repr,
    "str": str,
    "float": float,
    "int": int,
    "index": operator.index,
    "complex": complex,
    "neg": operator.neg,
    "pos": operator.pos,
    "abs": abs,
    "invert": operator.invert,
    "iter": iter,
    "dir": lambda obj: sorted(str(name) for name in dir(obj)),
}
BINARY = {
    name: getattr(operator, name)
    for name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and_", "or_", "xor",
                 "lshift", "rshift", "eq", "ne", "lt", "le", "gt", "ge", "contains")
}
BINARY.update({"divmod": divmod, "format": format, "round": round})


class Server:
    """커널 하나의 요청 처리기. 한 번 내보낸 객체는 커널이 끝날 때까지 같은 번호를 쓴다."""

    def __init__(self, ns: dict):
        self.ns = ns
        self.objects: dict[int, object] = {}
        self.ids: dict[int, int] = {}

    # --- 채점기가 부르는 입구 ---
    def __call__(self, request_b64: str) -> _Json:
        printed = io.StringIO()
        try:
            request = json.loads(base64.b64decode(request_b64))
            with contextlib.redirect_stdout(printed):
                value = self.handle(request)
                response = {"ok": self.export(value)}
        except BaseException as exc:  # noqa: BLE001 - KeyboardInterrupt(채점기의 시간 초과)까지 결과로 돌려준다
            response = {"error": describe(exc)}
        response["printed"] = printed.getvalue()[-MAX_TEXT:]
        return _Json(response)

    def handle(self, request: dict):
        op = request["op"]
        if op == "ns_get":
            return self.ns[request["name"]]
        if op == "ns_has":
            return request["name"] in self.ns
        if op == "ns_keys":
            return [key for key in self.ns if isinstance(key, str)]
        target = self.load(request["target"])
        if op == "getattr":
            return getattr(target, request["name"])
        if op == "setattr":
            setattr(target, request["name"], self.load(request["value"]))
            return None
        if op == "getitem":
            return target[self.load(request["key"])]
        if op == "setitem":
            target[self.load(request["key"])] = self.load(request["value"])
            return None
        if op == "delitem":
            del target[self.load(request["key"])]
            return None
        if op == "call":
            args = [self.load(a) for a in request.get("args", [])]
            kwargs = {str(k): self.load(v) for k, v in request.get("kwargs", {}).items()}
            return target(*args, **kwargs)
        if op == "unary":
            return UNARY[request["name"]](target)
        if op == "binary":
            return BINARY[request["name"]](target, self.load(request["other"]))
        if op == "rbinary":
            return BINARY[request["name"]](self.load(request["other"]), target)
        if op == "next":
            items, done = [], False
            for _ in range(int(request.get("n", 1))):
                try:
                    items.append(next(target))
                except StopIteration:
                    done = True
                    break
            return (items, done)
        if op == "array":
            import numpy as np

            return np.asarray(target, dtype=request.get("dtype"))
        raise ValueError(f"알 수 없는 요청: {op!r}")

    # --- 채점기 → 커널: 보통 값, ref, .npy, pickle ---
    def load(self, data):
        if data is None or type(data) in (bool, int, float, str):
            return data
        tag = data["$"]
        if tag == "ref":
            return self.objects[data["id"]]
        if tag == "...":
            return Ellipsis
        if tag == "float":
            return float(data["v"])
        if tag in ("list", "tuple", "set", "frozenset"):
            return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](
                self.load(v) for v in data["v"])
        if tag == "dict":
            return {self.load(k): self.load(v) for k, v in data["v"]}
        if tag in ("bytes", "bytearray"):
            raw = base64.b64decode(data["v"])
            return raw if tag == "bytes" else bytearray(raw)
        if tag == "complex":
            return complex(*data["v"])
        if tag in ("ndarray", "npscalar"):
            import numpy as np

            array = np.load(io.BytesIO(base64.b64decode(data["v"])), allow_pickle=False)
            return array if tag == "ndarray" else array[()]
        if tag == "pickle":
            return pickle.loads(base64.b64decode(data["v"]))  # 채점기(믿는 쪽)가 보낸 것
        raise ValueError(f"알 수 없는 값 종류: {tag!r}")

    # --- 커널 → 채점기: 안전한 데이터, 아니면 ref ---
    def export(self, value, depth: int = 0):
        kind = type(value)
        if value is None or kind in (bool, str):
            return value
        if kind is int:
            return value if value.bit_length() < 4000 else self.ref(value)
        if kind is float:
            return value if math.isfinite(value) else {"$": "float", "v": repr(value)}
        if value is Ellipsis:
            return {"$": "..."}
        if depth > MAX_DEPTH:
            return self.ref(value)
        if kind in (list, tuple, set, frozenset):
            if len(value) > MAX_ITEMS:
                return self.ref(value)
            return {"$": kind.__name__, "v": [self.export(v, depth + 1) for v in value]}
        if kind is dict or kind.__name__ in ("OrderedDict", "defaultdict") and kind.__module__ == "collections":
            if len(value) > MAX_ITEMS:
                return self.ref(value)
            return {"$": "dict", "v": [[self.export(k, depth + 1), self.export(v, depth + 1)]
                                       for k, v in value.items()]}
        if kind in (bytes, bytearray):
            if len(value) > MAX_BYTES:
                return self.ref(value)
            return {"$": kind.__name__, "v": base64.b64encode(bytes(value)).decode("ascii")}
        if kind is complex:
            return {"$": "complex", "v": [repr(value.real), repr(value.imag)]}
        if kind is range:
            return {"$": "range", "v": [value.start, value.stop, value.step]}
        pathlib = sys.modules.get("pathlib")
        if pathlib is not None and isinstance(value, pathlib.PurePath) and kind.__module__ == "pathlib":
            return {"$": "path", "v": str(value), "windows": isinstance(value, pathlib.PureWindowsPath)}
        np = sys.modules.get("numpy")
        if np is not None:
            if kind is np.ndarray:
                return self.export_array(value, depth)
            if isinstance(value, np.generic) and value.dtype.kind in ARRAY_KINDS:
                return {"$": "npscalar", "v": _npy(np.asarray(value))}
        pd = sys.modules.get("pandas")
        if pd is not None and kind in (pd.DataFrame, pd.Series) or pd is not None and isinstance(value, pd.Index):
            exported = self.export_pandas(value, pd, depth)
            if exported is not None:
                return exported
        if isinstance(value, type) and _allowed(value):
            return {"$": "class", "m": value.__module__, "q": value.__qualname__, "ref": self.ref(value)}
        return self.ref(value)

    def export_array(self, array, depth: int):
        if array.dtype.kind in ARRAY_KINDS and not array.dtype.fields and array.nbytes <= MAX_BYTES:
            return {"$": "ndarray", "v": _npy(array)}
        if array.dtype.kind == "O" and array.size <= MAX_ITEMS:
            return {"$": "objarray", "shape": list(array.shape),
                    "v": [self.export(v, depth + 1) for v in array.ravel().tolist()]}
        return self.ref(array)

    def export_values(self, values, depth: int):
        import numpy as np

        array = np.asarray(values)
        if array.dtype.kind not in ARRAY_KINDS and array.dtype.kind != "O":
            array = np.asarray(values, dtype=object)
        return self.export_array(array, depth)

    def export_index(self, index, pd, depth: int):
        name = self.export(index.name, depth + 1) if not isinstance(index, pd.MultiIndex) else None
        if type(index) is pd.RangeIndex:
            return {"$": "rangeindex", "v": [index.start, index.stop, index.step], "name": name}
        if isinstance(index, pd.MultiIndex):
            return {"$": "multiindex", "v": self.export(list(index), depth + 1),
                    "names": self.export(list(index.names), depth + 1)}
        return {"$": "index", "v": self.export_values(index, depth), "dtype": str(index.dtype), "name": name}

    def export_pandas(self, value, pd, depth: int):
        if len(value) > MAX_ITEMS:
            return None
        if isinstance(value, pd.Index):
            return self.export_index(value, pd, depth)
        if isinstance(value, pd.Series):
            return {"$": "series", "v": self.export_values(value, depth), "dtype": str(value.dtype),
                    "index": self.export_index(value.index, pd, depth), "name": self.export(value.name, depth + 1)}
        columns = [value.iloc[:, i] for i in range(value.shape[1])]
        return {"$": "frame", "v": [self.export_values(c, depth) for c in columns],
                "dtypes": [str(c.dtype) for c in columns],
                "columns": self.export_index(value.columns, pd, depth),
                "index": self.export_index(value.index, pd, depth)}

    def ref(self, value) -> dict:
        number = self.ids.get(id(value))
        if number is None or self.objects.get(number) is not value:
            number = len(self.objects) + 1
            self.objects[number] = value
            self.ids[id(value)] = number
        try:
            mro = [[str(c.__module__), str(c.__qualname__)] for c in type(value).__mro__][:24]
        except Exception:  # noqa: BLE001 - 이상한 메타클래스
            mro = []
        try:
            is_callable = callable(value)
        except Exception:  # noqa: BLE001
            is_callable = False
        return {"$": "ref", "id": number, "mro": mro, "callable": is_callable}


class _Json:
    """user_expressions의 결과: IPython이 application/json으로 보낸다 (text/plain도 같은 JSON)."""

    def __init__(self, data: dict):
        self.data = data

    def _repr_json_(self):
        return self.data

    def __repr__(self) -> str:
        return json.dumps(self.data, ensure_ascii=False)


def _npy(array) -> str:
    buffer = io.BytesIO()
    import numpy as np

    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _allowed(cls) -> bool:
    module = str(getattr(cls, "__module__", "") or "")
    return module.split(".")[0] in ALLOWED_MODULES


def describe(exc: BaseException) -> dict:
    """예외를 데이터로: 종류, 내장 예외 조상, 메시지, 학생 코드(노트북 셀)의 가장 깊은 줄."""
    bases = [c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins"]
    line = None
    try:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if _CELL_FILE.search(f.filename or "")]
        if frames:
            line = [frames[-1].lineno, (frames[-1].line or "").strip()]
    except Exception:  # noqa: BLE001
        pass
    try:
        message = str(exc)[:MAX_TEXT]
    except Exception:  # noqa: BLE001
        message = "(메시지를 읽을 수 없음)"
    return {"type": type(exc).__name__, "bases": bases, "message": message, "line": line}


def install(ns: dict) -> Server:
    """노트북 전역 이름 공간에 `__course_rpc__`를 건다 (채점기가 노트북을 다 실행한 뒤 부른다)."""
    server = Server(ns)
    ns["__course_rpc__"] = server
    return server
