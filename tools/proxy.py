"""채점기 쪽 대리 객체: 격리된 학생 커널의 이름 공간을 채점 함수에게 Mapping처럼 보여 준다.

채점 함수 `qN(ns)`는 채점기 프로세스에서 돈다. `ns[name]`을 읽으면 커널(`helpers/exercises/remote.py`)에
요청을 보내고, 돌아온 것을 **데이터로만** 읽는다:

- JSON의 보통 값, `allow_pickle=False`로 읽는 `.npy` 배열, 열마다 배열로 온 pandas 객체는 진짜 값이 된다.
- 그 밖의 객체는 `RemoteObject`(원격 번호를 든 대리 객체)가 되고, 속성(attribute), 항목, 호출, len, iter, 비교,
  산술, `np.asarray`(`__array__`)를 커널에 다시 요청한다. `__class__`는 그 클래스가 허용 목록의 모듈
  (keras, tensorflow, numpy, pandas, sklearn, matplotlib, builtins)에서 import되는 진짜 클래스이면 그것을
  알려 주어 `isinstance`가 통한다. `type(x).__name__`은 원래 클래스 이름이다.
- 원격 호출이 print한 것은 채점기의 지금 `sys.stdout`에 쓴다 (`call_answer`가 print를 알아챌 수 있게).
- 원격 예외는 같은 이름의 `RemoteError`(가장 가까운 내장 예외의 하위 클래스, 예: ValueError)로 다시 난다.
  학생 코드의 줄은 트레이스백의 가짜 셀 프레임(`<cell remote N>`)으로 실어서, 채점 핵심 코드의
  `answer_frame`이 그 줄을 메시지에 넣을 수 있다.

커널에서 온 것은 절대 실행하지 않는다: pickle 없음, eval 없음, 클래스는 허용 목록 모듈에서 이름으로만 찾는다.
`__array_interface__` 같은 포인터를 담는 규약 속성은 커널에 묻지 않는다 (허용한 dunder 이름만 전달).
"""

from __future__ import annotations

import base64
import builtins
import importlib
import io
import itertools
import json
import linecache
import math
import pickle
import re
import sys
import types
from collections.abc import Mapping

ALLOWED_MODULES = ("keras", "tensorflow", "numpy", "pandas", "sklearn", "matplotlib", "builtins")
FORWARDED_DUNDERS = frozenset({
    "__name__", "__qualname__", "__module__", "__doc__", "__code__", "__defaults__", "__kwdefaults__",
    "__annotations__", "__wrapped__", "__self__", "__func__", "__dict__", "__version__", "__file__", "__all__",
})
_LOCAL = frozenset({"_rid", "_session", "_real_class", "_unary"})
BUILTIN_TYPES = {
    "function": types.FunctionType,
    "method": types.MethodType,
    "builtin_function_or_method": types.BuiltinFunctionType,
    "code": types.CodeType,
    "module": types.ModuleType,
    "generator": types.GeneratorType,
    "cell": types.CellType,
    "mappingproxy": types.MappingProxyType,
    "method-wrapper": types.MethodWrapperType,
    "wrapper_descriptor": types.WrapperDescriptorType,
    "method_descriptor": types.MethodDescriptorType,
}
MAX_DECODE_DEPTH = 64
_COUNTER = itertools.count(1)


class ProtocolError(Exception):
    """커널이 약속과 다른 응답을 보냈을 때 (학생 코드가 통로를 고쳤거나 커널이 멈췄을 때)."""


class RemoteError(Exception):
    """학생 커널에서 난 예외. 실제 클래스는 원래 예외 이름을 가진 하위 클래스 (예: ValueError 하위)."""

    remote_type = "Exception"
    remote_line: tuple[int, str] | None = None

    def __init__(self, message: str = ""):
        Exception.__init__(self, message)
        self.remote_message = message

    def __str__(self) -> str:
        return self.remote_message


_ERROR_CLASSES: dict[tuple[str, str], type] = {}


def error_class(name: str, bases: list[str]) -> type:
    """원격 예외 이름과 내장 조상 목록으로 RemoteError 하위 클래스를 만든다 (같은 것은 다시 쓴다)."""
    base = Exception
    for candidate in bases:
        found = getattr(builtins, str(candidate), None)
        if isinstance(found, type) and issubclass(found, Exception):
            base = found
            break
    if not str(name).isidentifier():
        name = "RemoteError"
    key = (name, base.__name__)
    if key not in _ERROR_CLASSES:
        try:
            cls = type(name, (RemoteError, base), {"remote_type": name})
        except TypeError:
            cls = type(name, (RemoteError,), {"remote_type": name})
        _ERROR_CLASSES[key] = cls
    return _ERROR_CLASSES[key]


def raise_remote(info: dict):
    """원격 예외를 다시 낸다. 학생 코드의 줄이 있으면 그 줄 번호의 가짜 셀 프레임을 거쳐서."""
    if not isinstance(info, dict):
        raise ProtocolError("오류 응답의 형식이 다릅니다")
    cls = error_class(str(info.get("type", "Exception")), list(info.get("bases") or [])[:32])
    exc = cls(str(info.get("message", ""))[:20_000])
    line = info.get("line")
    if (isinstance(line, list) and len(line) == 2 and type(line[0]) is int and 0 < line[0] < 100_000
            and isinstance(line[1], str)):
        exc.remote_line = (line[0], line[1])
        filename = f"<cell remote {next(_COUNTER)}>"
        lines = ["\n"] * (line[0] - 1) + [line[1][:500] + "\n"]
        linecache.cache[filename] = (sum(map(len, lines)), None, lines, filename)
        code = compile("\n" * (line[0] - 1) + "raise __remote_exception__", filename, "exec")
        exec(code, {"__remote_exception__": exc})  # noqa: S102 - 채점기가 만든 한 줄짜리 코드
    raise exc


class RemoteObject:
    """학생 커널 안의 객체 하나를 가리키는 대리 객체."""

    __slots__ = ("_rid", "_session", "_real_class", "__weakref__")

    def __getattribute__(self, name: str):
        if name in _LOCAL:
            return object.__getattribute__(self, name)
        if name.startswith("__") and name.endswith("__") and name not in FORWARDED_DUNDERS:
            return object.__getattribute__(self, name)
        return self._session.request("getattr", target=self, name=name)

    def __setattr__(self, name: str, value) -> None:
        if name in _LOCAL:
            object.__setattr__(self, name, value)
        else:
            self._session.request("setattr", target=self, name=name, value=value)

    @property
    def __class__(self):
        return self._real_class or type(self)

    def __getitem__(self, key):
        return self._session.request("getitem", target=self, key=key)

    def __setitem__(self, key, value) -> None:
        self._session.request("setitem", target=self, key=key, value=value)

    def __delitem__(self, key) -> None:
        self._session.request("delitem", target=self, key=key)

    def _unary(self, name: str):
        return self._session.request("unary", target=self, name=name)

    def __len__(self) -> int:
        return _typed(self._unary("len"), int, "len")

    def __bool__(self) -> bool:
        return _typed(self._unary("bool"), bool, "bool")

    def __hash__(self) -> int:
        return _typed(self._unary("hash"), int, "hash")

    def __repr__(self) -> str:
        try:
            return _typed(self._unary("repr"), str, "repr")
        except Exception:  # noqa: BLE001 - repr은 언제나 무엇인가를 돌려준다
            return f"<원격 {type(self).__name__}>"

    def __str__(self) -> str:
        return _typed(self._unary("str"), str, "str")

    def __format__(self, spec: str) -> str:
        return _typed(self._session.request("binary", target=self, name="format", other=spec), str, "format")

    def __float__(self) -> float:
        return _typed(self._unary("float"), float, "float")

    def __int__(self) -> int:
        return _typed(self._unary("int"), int, "int")

    def __index__(self) -> int:
        return _typed(self._unary("index"), int, "index")

    def __complex__(self) -> complex:
        return _typed(self._unary("complex"), complex, "complex")

    def __round__(self, ndigits=None):
        return self._session.request("binary", target=self, name="round", other=ndigits)

    def __neg__(self):
        return self._unary("neg")

    def __pos__(self):
        return self._unary("pos")

    def __abs__(self):
        return self._unary("abs")

    def __invert__(self):
        return self._unary("invert")

    def __dir__(self):
        return list(self._unary("dir"))

    def __iter__(self):
        iterator = self._unary("iter")
        if not isinstance(iterator, RemoteObject):  # 커널이 보통 값(리스트 등)을 돌려주면 그대로
            yield from iterator
            return
        while True:
            items, done = self._session.request("next", target=iterator, n=64)
            yield from items
            if done or not items:
                return

    def __next__(self):
        items, done = self._session.request("next", target=self, n=1)
        if not items:
            raise StopIteration
        return items[0]

    def __contains__(self, item) -> bool:
        return bool(self._session.request("binary", target=self, name="contains", other=item))

    def __array__(self, dtype=None, copy=None):
        import numpy as np

        array = self._session.request("array", target=self, dtype=None if dtype is None else np.dtype(dtype).str)
        if not isinstance(array, np.ndarray):
            raise TypeError(f"{type(self).__name__}을(를) 배열로 바꿀 수 없습니다")
        return array

    def __reduce_ex__(self, protocol):
        raise TypeError("학생 커널의 객체는 pickle할 수 없습니다")

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _binary(name: str, reflected: bool = False):
    def method(self, other):
        return self._session.request("rbinary" if reflected else "binary", target=self, name=name, other=other)

    return method


for _name, _op in [("add", "add"), ("sub", "sub"), ("mul", "mul"), ("truediv", "truediv"),
                   ("floordiv", "floordiv"), ("mod", "mod"), ("pow", "pow"), ("matmul", "matmul"),
                   ("and", "and_"), ("or", "or_"), ("xor", "xor"), ("lshift", "lshift"), ("rshift", "rshift"),
                   ("divmod", "divmod")]:
    setattr(RemoteObject, f"__{_name}__", _binary(_op))
    setattr(RemoteObject, f"__r{_name}__", _binary(_op, reflected=True))
for _name in ("eq", "ne", "lt", "le", "gt", "ge"):
    setattr(RemoteObject, f"__{_name}__", _binary(_name))


class RemoteCallable(RemoteObject):
    """호출할 수 있는 원격 객체 (함수, 메서드, 모델, 클래스 ...)."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return self._session.request("call", target=self, args=list(args), kwargs=kwargs)


def _typed(value, kind, what):
    if kind is float and type(value) is int:
        return float(value)
    if type(value) is not kind:
        raise TypeError(f"원격 {what}()이(가) {kind.__name__}이 아닌 값을 돌려주었습니다")
    return value


_PROXY_TYPES: dict[tuple[str, bool], type] = {}


def proxy_type(name: str, is_callable: bool) -> type:
    name = name if name.isidentifier() else "RemoteObject"
    key = (name, is_callable)
    if key not in _PROXY_TYPES:
        _PROXY_TYPES[key] = type(name, (RemoteCallable if is_callable else RemoteObject,), {"__slots__": ()})
    return _PROXY_TYPES[key]


def resolve_class(module: str, qualname: str):
    """허용 목록 모듈의 진짜 클래스 (없거나 클래스가 아니면 None). 커널이 보낸 이름을 실행하지 않는다."""
    if not isinstance(module, str) or not isinstance(qualname, str):
        return None
    if module == "builtins":
        found = BUILTIN_TYPES.get(qualname) or getattr(builtins, qualname, None)
        return found if isinstance(found, type) and found is not object else None
    if module.split(".")[0] not in ALLOWED_MODULES or not re.fullmatch(r"[\w.]+", module + "." + qualname):
        return None
    try:
        found = importlib.import_module(module)
        for part in qualname.split("."):
            found = getattr(found, part)
    except Exception:  # noqa: BLE001 - import할 수 없으면 대리 객체의 클래스로
        return None
    return found if isinstance(found, type) else None


class Session:
    """커널 하나와의 통로. `transport(payload: dict) -> dict`가 요청을 보내고 응답(JSON 데이터)을 받는다."""

    def __init__(self, transport):
        self.transport = transport
        self.proxies: dict[int, RemoteObject] = {}
        self.classes: dict[tuple, type | None] = {}

    def request(self, op: str, **fields):
        payload = {"op": op}
        for key, value in fields.items():
            if key == "target":
                payload[key] = self.encode(value)
            elif key in ("name",):
                payload[key] = value
            elif key == "n":
                payload[key] = int(value)
            elif key == "dtype":
                payload[key] = value
            elif key == "args":
                payload[key] = [self.encode(v) for v in value]
            elif key == "kwargs":
                payload[key] = {str(k): self.encode(v) for k, v in value.items()}
            else:
                payload[key] = self.encode(value)
        response = self.transport(payload)
        if not isinstance(response, dict):
            raise ProtocolError("커널의 응답 형식이 다릅니다")
        printed = response.get("printed")
        if isinstance(printed, str) and printed:
            sys.stdout.write(printed[-100_000:])
        if "error" in response:
            raise_remote(response["error"])
        if "ok" not in response:
            raise ProtocolError("커널의 응답에 결과가 없습니다")
        return self.decode(response["ok"])

    # --- 채점기 → 커널 (믿는 쪽에서 보내므로 pickle도 쓴다) ---
    def encode(self, value, depth: int = 0):
        kind = type(value)
        if isinstance(value, RemoteObject):
            if value._session is not self:
                raise TypeError("다른 커널의 객체는 넘길 수 없습니다")
            return {"$": "ref", "id": value._rid}
        if value is None or kind in (bool, int, str):
            return value
        if kind is float:
            return value if math.isfinite(value) else {"$": "float", "v": repr(value)}
        if value is Ellipsis:
            return {"$": "..."}
        if depth < 32 and kind in (list, tuple, set, frozenset):
            return {"$": kind.__name__, "v": [self.encode(v, depth + 1) for v in value]}
        if depth < 32 and kind is dict:
            return {"$": "dict", "v": [[self.encode(k, depth + 1), self.encode(v, depth + 1)]
                                       for k, v in value.items()]}
        if kind in (bytes, bytearray):
            return {"$": kind.__name__, "v": base64.b64encode(bytes(value)).decode("ascii")}
        if kind is range:
            return {"$": "range", "v": [value.start, value.stop, value.step]}
        np = sys.modules.get("numpy")
        if np is not None and kind is np.ndarray and value.dtype.kind != "O":
            return {"$": "ndarray", "v": _npy(value)}
        if np is not None and isinstance(value, np.generic) and value.dtype.kind != "O":
            return {"$": "npscalar", "v": _npy(np.asarray(value))}
        return {"$": "pickle", "v": base64.b64encode(pickle.dumps(value)).decode("ascii")}

    # --- 커널 → 채점기 (믿지 않는 쪽: 데이터로만) ---
    def decode(self, data, depth: int = 0):
        if data is None or type(data) in (bool, int, float, str):
            return data
        if depth > MAX_DECODE_DEPTH or type(data) is not dict:
            raise ProtocolError("커널의 응답 형식이 다릅니다")
        tag = data.get("$")
        value = data.get("v")
        try:
            return self._decode(tag, value, data, depth)
        except ProtocolError:
            raise
        except Exception as exc:  # noqa: BLE001 - 잘못 만든 응답은 모두 형식 오류로
            raise ProtocolError(f"커널의 응답을 읽을 수 없습니다 ({type(exc).__name__})") from None

    def _decode(self, tag, value, data, depth):
        if tag == "...":
            return Ellipsis
        if tag == "float":
            if value not in ("nan", "inf", "-inf"):
                raise ProtocolError("잘못된 실수")
            return float(value)
        if tag in ("list", "tuple", "set", "frozenset"):
            items = [self.decode(v, depth + 1) for v in _list(value)]
            return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
        if tag == "dict":
            return {self.decode(k, depth + 1): self.decode(v, depth + 1) for k, v in _list(value)}
        if tag in ("bytes", "bytearray"):
            raw = base64.b64decode(value, validate=True)
            return raw if tag == "bytes" else bytearray(raw)
        if tag == "complex":
            real, imag = _list(value)
            return complex(float(real), float(imag))
        if tag == "range":
            start, stop, step = (int(v) for v in _list(value))
            return range(start, stop, step)
        if tag == "path":
            import pathlib

            if not isinstance(value, str):
                raise ProtocolError("경로가 문자열이 아닙니다")
            return pathlib.PureWindowsPath(value) if data.get("windows") is True else pathlib.Path(value)
        if tag == "ndarray":
            return _load_npy(value)
        if tag == "npscalar":
            array = _load_npy(value)
            if array.shape != ():
                raise ProtocolError("잘못된 스칼라")
            return array[()]
        if tag == "objarray":
            import numpy as np

            items = [self.decode(v, depth + 1) for v in _list(value)]
            shape = tuple(int(s) for s in _list(data.get("shape")))
            array = np.empty(len(items), dtype=object)
            for i, item in enumerate(items):
                array[i] = item
            return array.reshape(shape)
        if tag in ("series", "frame", "index", "rangeindex", "multiindex"):
            return self._decode_pandas(tag, value, data, depth)
        if tag == "class":
            found = resolve_class(data.get("m"), data.get("q"))
            return found if found is not None else self.decode(data.get("ref"), depth + 1)
        if tag == "ref":
            return self.proxy(data)
        raise ProtocolError(f"알 수 없는 값 종류: {str(tag)[:20]}")

    def _decode_pandas(self, tag, value, data, depth):
        import pandas as pd

        if tag == "rangeindex":
            start, stop, step = (int(v) for v in _list(value))
            return pd.RangeIndex(start, stop, step, name=self.decode(data.get("name"), depth + 1))
        if tag == "multiindex":
            tuples = self.decode(value, depth + 1)
            return pd.MultiIndex.from_tuples(tuples, names=self.decode(data.get("names"), depth + 1))
        if tag == "index":
            values = self.decode(value, depth + 1)
            index = pd.Index(values, name=self.decode(data.get("name"), depth + 1))
            return _astype(index, data.get("dtype"))
        if tag == "series":
            values = self.decode(value, depth + 1)
            index = self.decode(data.get("index"), depth + 1)
            series = pd.Series(values, index=index, name=self.decode(data.get("name"), depth + 1))
            return _astype(series, data.get("dtype"))
        columns = self.decode(data.get("columns"), depth + 1)
        index = self.decode(data.get("index"), depth + 1)
        dtypes = _list(data.get("dtypes"))
        parts = [self.decode(v, depth + 1) for v in _list(value)]
        if len(parts) != len(columns) or len(dtypes) != len(parts):
            raise ProtocolError("DataFrame의 열 수가 맞지 않습니다")
        frame = pd.DataFrame({i: _astype(pd.Series(p, index=index), t)
                              for i, (p, t) in enumerate(zip(parts, dtypes, strict=True))}, index=index)
        frame.columns = columns
        return frame

    def proxy(self, data: dict) -> RemoteObject:
        rid = data.get("id")
        if type(rid) is not int:
            raise ProtocolError("잘못된 ref")
        if rid in self.proxies:
            return self.proxies[rid]
        mro = [tuple(map(str, pair)) for pair in _list(data.get("mro"))[:24]
               if isinstance(pair, list) and len(pair) == 2]
        name = mro[0][1].rsplit(".", 1)[-1] if mro else "RemoteObject"
        proxy = object.__new__(proxy_type(name, bool(data.get("callable"))))
        object.__setattr__(proxy, "_rid", rid)
        object.__setattr__(proxy, "_session", self)
        object.__setattr__(proxy, "_real_class", self.real_class(tuple(mro)))
        self.proxies[rid] = proxy
        return proxy

    def real_class(self, mro: tuple):
        if mro not in self.classes:
            found = None
            for module, qualname in mro:
                found = resolve_class(module, qualname)
                if found is not None:
                    break
            self.classes[mro] = found
        return self.classes[mro]


def _list(value) -> list:
    if type(value) is not list:
        raise ProtocolError("리스트가 와야 합니다")
    return value


def _npy(array) -> str:
    import numpy as np

    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _load_npy(text):
    import numpy as np

    if not isinstance(text, str):
        raise ProtocolError("배열 데이터가 문자열이 아닙니다")
    array = np.load(io.BytesIO(base64.b64decode(text, validate=True)), allow_pickle=False)
    if not isinstance(array, np.ndarray):
        raise ProtocolError("배열이 아닙니다")
    return array


def _astype(value, dtype):
    if isinstance(dtype, str) and dtype != str(value.dtype) and len(dtype) < 64:
        try:
            return value.astype(dtype)
        except Exception:  # noqa: BLE001 - 바꿀 수 없으면 그대로
            return value
    return value


def has_remote(value, depth: int = 0) -> bool:
    """값 안에 원격 객체가 있는지 (없으면 채점기 안의 순수한 데이터)."""
    if isinstance(value, RemoteObject):
        return True
    if depth > 32:
        return True
    if isinstance(value, list | tuple | set | frozenset):
        return any(has_remote(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return any(has_remote(k, depth + 1) or has_remote(v, depth + 1) for k, v in value.items())
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.ndarray) and value.dtype.kind == "O":
        return any(has_remote(v, depth + 1) for v in value.ravel().tolist())
    return False


def same_value(a, b, depth: int = 0) -> bool:
    """두 순수한 값이 같은지 (실수는 상대 1e-6까지, NaN끼리는 같다고)."""
    import numpy as np

    if depth > 32:
        return False
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)
    if isinstance(a, np.ndarray):
        if a.shape != b.shape or a.dtype != b.dtype:
            return False
        if a.dtype.kind in "fc":
            return bool(np.allclose(a, b, rtol=1e-6, atol=1e-12, equal_nan=True))
        if a.dtype.kind == "O":
            return all(same_value(x, y, depth + 1) for x, y in zip(a.ravel().tolist(), b.ravel().tolist(), strict=True))
        return bool(np.array_equal(a, b))
    if isinstance(a, np.generic):
        return same_value(np.asarray(a), np.asarray(b), depth + 1)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same_value(x, y, depth + 1) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k], depth + 1) for k in a)
    if hasattr(a, "to_numpy") and hasattr(a, "index"):  # pandas
        try:
            return bool(a.equals(b)) or (a.shape == b.shape and same_value(
                np.asarray(a.to_numpy()), np.asarray(b.to_numpy()), depth + 1))
        except Exception:  # noqa: BLE001
            return False
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001
        return False


class RemoteNamespace(Mapping):
    """학생 커널의 전역 이름 공간. 채점 함수에 `ns`로 넘긴다.

    reference가 있으면(같은 노트북을 답 없이 실행한 기준 커널), 채점 함수가 읽은 수업 변수(`qN_`로 시작하지
    않는 이름) 중 순수한 데이터인 것을 기준 커널의 값과 비교해 다른 이름을 `mismatched`에 모은다.
    `use_reference=True`면 그런 변수에 기준 커널의 값을 돌려준다 (판정이 달라지는지 다시 볼 때).
    """

    def __init__(self, session: Session, reference: Session | None = None):
        self.session = session
        self.reference = reference
        self.reference_cache: dict[str, object] = {}
        self.mismatched: set[str] = set()
        self.use_reference = False

    def __getitem__(self, name):
        if not isinstance(name, str):
            raise KeyError(name)
        value = self.session.request("ns_get", name=name)
        if self.reference is not None and not re.match(r"q\d+_", name) and not name.startswith("_"):
            expected = self._reference_value(name)
            if expected is not _MISSING and not has_remote(value) and not same_value(value, expected):
                self.mismatched.add(name)
                if self.use_reference:
                    return expected
        return value

    def _reference_value(self, name: str):
        if name not in self.reference_cache:
            try:
                value = self.reference.request("ns_get", name=name)
            except Exception:  # noqa: BLE001 - 기준 커널에 없는 이름(학생이 만든 이름)
                value = _MISSING
            if value is not _MISSING and has_remote(value):
                value = _MISSING
            self.reference_cache[name] = value
        return self.reference_cache[name]

    def __contains__(self, name) -> bool:
        return isinstance(name, str) and bool(self.session.request("ns_has", name=name))

    def __iter__(self):
        keys = self.session.request("ns_keys")
        if not isinstance(keys, list):
            raise ProtocolError("이름 목록이 리스트가 아닙니다")
        return iter([k for k in keys if isinstance(k, str)])

    def __len__(self) -> int:
        return len(list(iter(self)))


_MISSING = object()


def loopback(server) -> Session:
    """테스트용: 같은 프로세스의 `helpers.exercises.remote.Server`와 JSON을 거쳐 이어진 Session."""

    def transport(payload: dict):
        request = base64.b64encode(json.dumps(payload).encode()).decode()
        return json.loads(repr(server(request)))

    return Session(transport)
