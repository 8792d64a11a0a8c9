"""채점용 격리 커널: 제출물마다 버리는 사본 폴더, bubblewrap 안의 커널, 자원 제한, 셀 실행, 원격 호출 통로.

- 사본(`Workspace`): `helpers/`, `datasets/`, `images/`, `build/models/`(07이 저장하는 모델 파일, 08이 읽는다)를
  임시 폴더로 복사하고 실행할 노트북을 `notebooks/`에 둔다. 커널의 작업 폴더는 사본의 `notebooks/`이고,
  `PYTHONPATH`가 사본을 가리켜 `import helpers`는 사본의 것을 읽는다.
- 격리(Linux + bubblewrap): 파일 시스템 전체를 읽기 전용으로 보여 주고(`--ro-bind / /`), 쓰기는 자기 사본과
  빈 `/tmp`(tmpfs)에만 된다. 강의 저장소, 제출 폴더, 결과 폴더, 홈 폴더, 다른 제출물의 사본은 빈 tmpfs로
  가린다 (파이썬과 가상환경만 다시 읽기 전용으로 보인다). 네트워크, PID, IPC 이름 공간을 따로 두고
  (`--unshare-net` 등), 권한(capability)을 모두 버리고, 채점기가 끝나면 함께 끝난다(`--die-with-parent`).
  커널과는 사본 안의 유닉스 소켓(ZMQ ipc)으로 이야기하므로 네트워크가 없어도 된다.
- 제한: CPU 시간(`prlimit --cpu`), 메모리(`prlimit --data`: TensorFlow가 예약만 하는 큰 가상 메모리는 세지 않고
  실제로 쓰는 개인 메모리를 센다. 그 밖에 psutil로 RSS를 0.5초마다 재서 넘으면 커널을 끝낸다), 파일 하나의
  크기(`--fsize`), 셀 하나의 시간, 제출물 하나의 전체 시간(넘으면 커널을 끝낸다).
- bubblewrap이 없거나 Linux가 아니면(`isolation()`이 이유를 말한다) 같은 사본과 제한(가능한 것만)으로
  격리 없이 실행한다: 그때는 제출된 코드가 강사 계정으로 파일을 읽고 쓸 수 있고 네트워크도 쓸 수 있다.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNEL_NAME = "course-grading"
MAX_MESSAGE = 256 * 2**20  # 커널이 보내는 메시지 하나의 최대 크기 (넘으면 연결을 끊는다)


@dataclass
class Limits:
    """제출물 하나에 주는 자원."""

    cell_timeout: float = 120.0  # 수업 셀 하나 (넘으면 중단, 중단이 안 되면 커널을 끝낸다)
    answer_timeout: float | None = None  # 답안 셀 하나 (None이면 cell_timeout)
    wall: float = 900.0  # 제출물 하나 전체 (다시 실행한 것까지)
    cpu: int = 1800  # 커널 프로세스의 CPU 초 (여러 코어를 쓰면 벽시계보다 빨리 찬다)
    memory_gb: float = 4.0  # 개인 메모리(RLIMIT_DATA)와 RSS 감시
    file_mb: int = 1024  # 파일 하나의 최대 크기
    rpc_timeout: float = 60.0  # 채점 함수가 학생 코드를 부를 때 한 번의 시간

    def __post_init__(self) -> None:
        if self.answer_timeout is None:
            self.answer_timeout = self.cell_timeout

    @property
    def memory_bytes(self) -> int:
        return int(self.memory_gb * 2**30)


def isolation() -> tuple[bool, str]:
    """이 기계에서 bubblewrap 격리를 쓸 수 있는지와, 쓸 수 없으면 그 이유(한국어)."""
    if not sys.platform.startswith("linux"):
        return False, f"{sys.platform}에는 bubblewrap이 없습니다"
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False, "bubblewrap(bwrap)이 설치되어 있지 않습니다 (Debian/Ubuntu: sudo apt-get install bubblewrap)"
    probe = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net", "--unshare-pid",
             "--die-with-parent", "--cap-drop", "ALL", "true"]
    try:
        done = subprocess.run(probe, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bubblewrap을 실행할 수 없습니다 ({exc})"
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["알 수 없는 오류"]
        return False, f"bubblewrap이 이름 공간을 만들지 못했습니다 ({reason[0]})"
    return True, ""


def describe(limits: Limits, sandboxed: bool) -> str:
    memory = f"{limits.memory_gb:g} GiB"
    common = (f"CPU {limits.cpu}초, 메모리 {memory}, 셀 하나 {limits.cell_timeout:g}초, "
              f"답안 셀 하나 {limits.answer_timeout:g}초, "
              f"제출물 하나 {limits.wall:g}초")
    if sandboxed:
        return (f"격리: bubblewrap (네트워크 없음, 자기 사본 폴더에만 쓰기, 다른 제출물과 강의 폴더는 보이지 않음), "
                f"{common}")
    return f"격리 없음: 제출물마다 사본 폴더에서 실행하지만 강사 계정의 파일과 네트워크에 닿을 수 있습니다. {common}"


class Workspace:
    """제출물 하나의 버리는 사본."""

    def __init__(self, base: Path, name: str):
        self.root = base / name
        self.notebooks = self.root / "notebooks"
        self.kernel_dir = self.root / ".kernel"
        self.root.mkdir(parents=True)
        ignore = shutil.ignore_patterns(".ipynb_checkpoints")
        for folder in ("helpers", "datasets", "images"):
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, self.root / folder, ignore=ignore, symlinks=True)
        models = ROOT / "build" / "models"
        if models.is_dir():
            shutil.copytree(models, self.root / "build" / "models", symlinks=True)
        (self.root / "build").mkdir(exist_ok=True)
        self.notebooks.mkdir()
        self.kernel_dir.mkdir()
        home = self.root / ".home"
        (home / ".cache").mkdir(parents=True)
        self.mpl = home / ".cache" / "matplotlib"
        self.mpl.mkdir()
        try:  # 한글 글꼴 목록 캐시를 복사해 두면 matplotlib이 커널마다 글꼴을 다시 훑지 않는다
            import matplotlib

            for cache in Path(matplotlib.get_cachedir()).glob("fontlist-*.json"):
                shutil.copy2(cache, self.mpl / cache.name)
        except Exception:  # noqa: BLE001, S110 - 캐시는 있으면 좋은 것
            pass

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _env(workspace: Workspace, sandboxed: bool) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "LD_LIBRARY_PATH")
    env = {k: v for k, v in os.environ.items()
           if k in keep or k.startswith(("TF_", "OMP_", "MKL_", "XLA_", "KERAS_BACKEND"))}
    env.update({
        "PYTHONPATH": str(workspace.root),
        "MPLCONFIGDIR": str(workspace.mpl),
        "KERAS_HOME": str(workspace.root / ".home" / ".keras"),
        "IPYTHONDIR": str(workspace.root / ".home" / ".ipython"),
        "TF_CPP_MIN_LOG_LEVEL": env.get("TF_CPP_MIN_LOG_LEVEL", "2"),
        "MPLBACKEND": "agg",
        "PYTHONDONTWRITEBYTECODE": "1",
        "CUDA_VISIBLE_DEVICES": "",
    })
    if sandboxed:
        env["HOME"] = str(workspace.root / ".home")
    return env


def _masked_paths(hide: list[Path]) -> list[Path]:
    """가릴 폴더: 강의 저장소, 홈, 제출 폴더, 결과 폴더 (있는 것만, 중복 없이)."""
    found: list[Path] = []
    for path in [ROOT, Path.home(), *hide]:
        try:
            path = path.resolve()
        except OSError:
            continue
        if path.is_dir() and path != Path("/") and not path.is_relative_to("/tmp"):
            found.append(path)
    # 다른 가릴 폴더 안에 있는 것은 빼고 (/tmp는 따로 통째로 가린다)
    return [p for p in dict.fromkeys(found) if not any(p != q and p.is_relative_to(q) for q in found)]


def sandbox_argv(workspace: Workspace, limits: Limits, hide: list[Path]) -> list[str]:
    """bubblewrap + prlimit + ipykernel 명령 (kernel.json의 argv)."""
    bwrap = shutil.which("bwrap") or "bwrap"
    base = workspace.root.parent
    argv = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    masks = _masked_paths(hide)
    for path in masks:
        argv += ["--tmpfs", str(path)]
    argv += ["--size", str(1 << 30), "--tmpfs", "/tmp", "--size", str(256 << 20), "--tmpfs", "/dev/shm"]
    if not base.resolve().is_relative_to("/tmp"):
        argv += ["--tmpfs", str(base.resolve())]
    # 가린 폴더 안에 있는 파이썬과 가상환경은 다시 읽기 전용으로 보이게
    for runtime in sorted({Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(),
                           Path(sys.executable).resolve().parent.parent}):
        if any(runtime.is_relative_to(m) for m in masks + [Path("/tmp")]):
            argv += ["--ro-bind", str(runtime), str(runtime)]
    root = str(workspace.root.resolve())
    argv += ["--bind", root, root]
    for path in masks:
        argv += ["--remount-ro", str(path)]
    argv += ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
             "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv"]
    for key, value in _env(workspace, sandboxed=True).items():
        argv += ["--setenv", key, value]
    argv += ["--chdir", str(workspace.notebooks.resolve())]
    return argv + _limited_python(limits)


def _limited_python(limits: Limits) -> list[str]:
    kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    prlimit = shutil.which("prlimit")
    if prlimit and sys.platform.startswith("linux"):
        # CPU: 부드러운 제한에서 SIGXCPU(이유를 알 수 있게), 5초 뒤 단단한 제한에서 SIGKILL
        return [prlimit, f"--cpu={limits.cpu}:{limits.cpu + 5}", f"--data={limits.memory_bytes}",
                f"--fsize={limits.file_mb * 2**20}", "--core=0", "--"] + kernel
    return kernel


class KernelDied(Exception):
    """커널이 끝났다 (메모리, CPU, 시간 제한으로 끝냈거나 스스로 죽었다). 메시지는 한국어 이유."""


class Kernel:
    """격리된(또는 격리 없는) 커널 하나: 셀 실행과 원격 호출 통로."""

    def __init__(self, workspace: Workspace, limits: Limits, sandboxed: bool, hide: list[Path],
                 log_path: Path, deadline: float | None = None):
        self.workspace = workspace
        self.limits = limits
        self.sandboxed = sandboxed
        self.hide = hide
        self.log_path = log_path
        self.deadline = deadline if deadline is not None else time.monotonic() + limits.wall
        self.death: str | None = None
        self.km = None
        self.kc = None
        self._stop = threading.Event()
        self._log = None
        self.last_error = ""

    # --- 시작과 끝 ---
    def start(self) -> None:
        import zmq
        from jupyter_client import KernelManager
        from jupyter_client.kernelspec import KernelSpecManager

        spec_root = self.workspace.kernel_dir / "spec"
        spec = spec_root / KERNEL_NAME
        spec.mkdir(parents=True, exist_ok=True)
        if self.sandboxed:
            argv = sandbox_argv(self.workspace, self.limits, self.hide)
        else:
            argv = _limited_python(self.limits)
        (spec / "kernel.json").write_text(json.dumps(
            {"argv": argv, "display_name": "채점", "language": "python", "interrupt_mode": "message"}))
        context = zmq.Context()
        context.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE)  # 커널이 보내는 메시지의 크기와 개수를 묶는다
        context.setsockopt(zmq.RCVHWM, 64)
        context.setsockopt(zmq.LINGER, 0)
        ipc = os.name == "posix"
        self.km = KernelManager(
            kernel_name=KERNEL_NAME,
            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_root)]),
            transport="ipc" if ipc else "tcp",
            ip=str(self.workspace.kernel_dir / "k") if ipc else "127.0.0.1",
            connection_file=str(self.workspace.kernel_dir / "connection.json"),
            context=context,
        )
        self._log = self.log_path.open("ab")
        options = {"stdout": self._log, "stderr": self._log, "stdin": subprocess.DEVNULL}
        if not self.sandboxed:  # 격리 없이: 강사의 환경 변수에 사본 경로만 더한다 (Windows는 SYSTEMROOT 등이 필요)
            env = {k: v for k, v in os.environ.items() if not k.startswith("JPY_")}
            options.update(cwd=str(self.workspace.notebooks), env={**env, **_env(self.workspace, False)})
        self.km.start_kernel(**options)
        self.kc = self.km.client()
        self.kc.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        threading.Thread(target=self._watch, daemon=True).start()
        self._ready()

    def _ready(self) -> None:
        end = min(time.monotonic() + 120, self.deadline)
        while time.monotonic() < end:
            msg_id = self.kc.kernel_info()
            try:
                self._reply(msg_id, min(end, time.monotonic() + 2))
                return
            except TimeoutError:
                continue
        self.kill("커널이 시작되지 않았습니다")
        raise KernelDied(self.death)

    def _processes(self):
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        if process is None:
            return []
        try:
            import psutil
        except ImportError:  # psutil이 없으면 커널을 띄운 프로세스만 (bwrap이면 그 안도 함께 끝난다)
            return [process]
        try:
            parent = psutil.Process(process.pid)
            return [parent, *parent.children(recursive=True)]
        except psutil.Error:
            return []

    def _watch(self) -> None:
        """벽시계 제한과 메모리(RSS)를 0.5초마다 본다."""
        try:
            import psutil
        except ImportError:
            psutil = None
        while not self._stop.wait(0.5):
            if time.monotonic() > self.deadline:
                self.kill(f"제출물 하나의 제한 시간({self.limits.wall:g}초)을 넘었습니다")
                return
            if psutil is None:
                continue
            rss = 0
            for proc in self._processes():
                try:
                    rss += proc.memory_info().rss
                except psutil.Error:
                    pass
            if rss > self.limits.memory_bytes * 1.25:
                self.kill(f"메모리 제한({self.limits.memory_gb:g} GiB)을 넘었습니다")
                return

    def kill(self, reason: str) -> None:
        if self.death is None:
            self.death = reason
        for proc in reversed(self._processes()):
            try:
                proc.kill()
            except Exception:  # noqa: BLE001, S110 - 이미 끝난 프로세스
                pass

    def alive(self) -> bool:
        if self.death is not None:
            return False
        try:
            alive = self.km.is_alive()
        except Exception:  # noqa: BLE001
            alive = False
        if not alive:
            self.death = self._exit_reason()
        return alive

    def _exit_reason(self) -> str:
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        code = process.poll() if process is not None else None
        text = ""
        try:
            text = self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            pass
        xcpu = getattr(signal, "SIGXCPU", None)
        if xcpu is not None and code in (-xcpu, 128 + xcpu):
            return f"CPU 시간 제한({self.limits.cpu}초)을 넘어 커널이 끝났습니다"
        if "MemoryError" in text or code in (-9, 137):
            return f"커널이 끝났습니다 (메모리 제한 {self.limits.memory_gb:g} GiB를 넘었을 수 있습니다)"
        return f"커널이 스스로 끝났습니다 (종료 코드 {code})"

    def close(self) -> None:
        self._stop.set()
        try:
            if self.kc is not None:
                self.kc.stop_channels()
        except Exception:  # noqa: BLE001, S110
            pass
        if self.km is not None:
            try:
                if self.km.is_alive():
                    self.km.shutdown_kernel(now=True)
            except Exception:  # noqa: BLE001, S110
                pass
            self.kill("닫음")
            try:
                self.km.cleanup_resources()
            except Exception:  # noqa: BLE001, S110
                pass
            try:
                self.km.context.destroy(linger=0)
            except Exception:  # noqa: BLE001, S110
                pass
        if self._log is not None:
            self._log.close()

    # --- 실행 ---
    def _reply(self, msg_id: str, end: float) -> dict:
        """그 요청의 shell 응답을 end(monotonic)까지 기다린다. 커널이 죽으면 KernelDied, 시간이 지나면 TimeoutError."""
        while True:
            if not self.alive():
                raise KernelDied(self.death)
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            try:
                msg = self.kc.get_shell_msg(timeout=min(0.25, remaining))
            except queue.Empty:
                continue
            if msg.get("parent_header", {}).get("msg_id") == msg_id:
                return msg

    def _wait(self, msg_id: str, timeout: float) -> tuple[str, dict | None]:
        """('ok'|'error'|'timeout', 응답). 시간이 지나면 중단을 보내고, 5초 안에 멈추지 않으면 커널을 끝낸다."""
        try:
            reply = self._reply(msg_id, min(time.monotonic() + timeout, self.deadline))
            return reply["content"].get("status", "error"), reply
        except TimeoutError:
            pass
        try:
            self.km.interrupt_kernel()
            reply = self._reply(msg_id, time.monotonic() + 5)
            return "timeout", reply
        except TimeoutError:
            self.kill(f"{timeout:g}초 안에 끝나지 않았고 중단도 되지 않았습니다")
            raise KernelDied(self.death) from None
        except KernelDied:
            raise
        except Exception:  # noqa: BLE001 - 중단 요청 자체가 실패하면 끝낸다
            self.kill(f"{timeout:g}초 안에 끝나지 않았습니다")
            raise KernelDied(self.death) from None

    def run_cell(self, source: str, timeout: float | None = None) -> str:
        """셀 하나를 노트북에서처럼 실행한다: 'ok', 'error', 'timeout'. 커널이 죽으면 KernelDied.

        오류가 났으면 `last_error`에 '오류 이름: 메시지'(커널이 보낸 글, 메시지에만 쓴다)."""
        msg_id = self.kc.execute(source, silent=False, store_history=True, allow_stdin=False, stop_on_error=False)
        status, reply = self._wait(msg_id, timeout or self.limits.cell_timeout)
        content = (reply or {}).get("content", {})
        self.last_error = f"{str(content.get('ename'))[:100]}: {str(content.get('evalue'))[:300]}"
        return status

    def transport(self, payload: dict) -> dict:
        """원격 호출 하나: 요청을 user_expressions로 보내고, 결과 JSON(데이터)을 돌려준다."""
        from proxy import ProtocolError, error_class

        request = base64.b64encode(json.dumps(payload).encode()).decode("ascii")
        msg_id = self.kc.execute("", silent=True, store_history=False, allow_stdin=False, stop_on_error=False,
                                 user_expressions={"r": f"__course_rpc__({request!r})"})
        status, reply = self._wait(msg_id, self.limits.rpc_timeout)
        if status == "timeout":
            raise error_class("TimeoutError", ["TimeoutError"])(
                f"학생 코드가 {self.limits.rpc_timeout:g}초 안에 끝나지 않았습니다")
        result = (reply or {}).get("content", {}).get("user_expressions", {}).get("r")
        if not isinstance(result, dict) or result.get("status") != "ok":
            detail = f"{result.get('ename')}: {str(result.get('evalue'))[:200]}" if isinstance(result, dict) else ""
            raise ProtocolError(f"채점 통로가 응답하지 않습니다 {detail}".strip())
        data = result.get("data") or {}
        if isinstance(data.get("application/json"), dict):
            return data["application/json"]
        try:
            return json.loads(data.get("text/plain", ""))
        except (TypeError, ValueError):
            raise ProtocolError("채점 통로의 응답이 JSON이 아닙니다") from None

    def install_rpc(self) -> None:
        """노트북을 다 실행한 뒤 `__course_rpc__`를 건다 (조용히, 실행 번호를 늘리지 않고).

        통로 코드는 사본의 파일이 아니라 채점기가 가진 `helpers/exercises/remote.py`의 글을 보내 실행한다:
        학생 코드가 사본의 파일을 바꿔도 통로는 그대로 열린다 (메모리에서 바꾸는 것은 막지 못한다, docs/grading.md).
        """
        source = (ROOT / "helpers" / "exercises" / "remote.py").read_text(encoding="utf-8")
        code = ("import types as _t\n_course_remote = _t.ModuleType('_course_remote')\n"
                f"exec(compile({source!r}, '<course-remote>', 'exec'), _course_remote.__dict__)\n"
                "_course_remote.install(get_ipython().user_ns)\ndel _t, _course_remote")
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False, stop_on_error=False)
        status, reply = self._wait(msg_id, 60)
        if status != "ok":
            from proxy import ProtocolError

            content = (reply or {}).get("content", {})
            raise ProtocolError(f"채점 통로를 열지 못했습니다 ({content.get('ename')}: {content.get('evalue')})")
