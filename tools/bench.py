"""강의 벤치마크: 노트북마다 실행 시간, 커널 최대 메모리, 모델 점수를 재서 docs/benchmarks.md로 적는다.

    python tools/bench.py                          # notebooks/*.ipynb 전부 (make bench)
    python tools/bench.py --notebooks 04 06        # 일부만 (번호, 이름, 경로 모두 가능)
    python tools/bench.py --json build/bench.json  # 원자료도 JSON으로
    python tools/bench.py --pytest-timing          # make test의 노트북 실행을 직렬(-n 0)/병렬(-n 2)로 재기

노트북은 하나씩 차례로, 새 커널에서, 메모리 안에서만 실행한다 (파일에 다시 쓰지 않는다).
작업 폴더는 `tools/nbtool.py`와 같이 노트북이 있는 폴더(notebooks/)다.

- 시간: 커널 시작부터 마지막 셀까지. '바닥(floor)'은 첫 코드 셀(`helpers.setup()`)이 끝날 때까지의
  시간으로, 커널 시작과 TensorFlow 불러오기 몫이다. 노트북마다 바닥보다 얼마나 더 걸렸는지 적는다.
- 메모리: 커널 프로세스의 최대 RSS. Linux에서는 /proc/<pid>/status의 VmHWM(커널이 기록한 진짜 최댓값)을
  쓰고, 0.1초마다 psutil로 커널과 자식 프로세스의 RSS 합도 재서 둘 중 큰 값을 적는다.
- 점수: 셀 출력 중 MIME 타입 `application/vnd.keras-course.score+json`(helpers.scores.SCORE_MIME) 기록.
  분류(정확도)는 다수 클래스보다 높고 로지스틱 회귀보다 2%p 이상 낮지 않으면, 회귀(RMSE)는 릿지 회귀
  RMSE의 110% 이하면 통과. 셀 태그 `baseline-demo`가 붙은 셀의 기록은 일부러 망가뜨린 시연이라 '시연'으로 적는다.
- 모든 셀 실행 시간을 같은 실행에서 잰 `import tensorflow` 시간으로 나눈 배수(목표 5배 이하)도 적는다.
- 목표(보고만 하고 강제하지 않음): 전체 직렬 180초 이하, 노트북 하나 30초 이하, 커널 최대 1.5 GB 이하.

종료 코드는 노트북 실행이 실패했을 때만 0이 아니다.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import nbformat

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
sys.path.insert(1, str(TOOLS.parent))  # helpers (가상환경에 -e로 설치돼 있지 않아도)

import nbtool  # noqa: E402

from helpers.scores import SCORE_MIME  # noqa: E402  (helpers는 TensorFlow를 불러오지 않는다)

ROOT = nbtool.ROOT
NOTEBOOKS = nbtool.NOTEBOOKS

TOTAL_TARGET_S = 180.0
NOTEBOOK_TARGET_S = 30.0
RSS_TARGET_MB = 1536.0  # 1.5 GB (1 GB = 1024 MB)
RUN_ALL_RATIO_TARGET = 5.0  # 모든 셀 실행 시간 / import tensorflow 시간 (이슈 13)
LOGREG_MARGIN = 0.02  # 정확도 2%p
RIDGE_FACTOR = 1.10  # RMSE 10%

MAJORITY, LOGREG, MEAN, RIDGE = "다수 클래스", "로지스틱 회귀", "평균 예측", "릿지 회귀"
DEMO_TAG = "baseline-demo"  # 일부러 망가뜨리거나(과대/과소적합) 약하게 만든 시연 모델을 비교하는 셀의 태그
STATUS_KO = {"pass": "통과", "fail": "실패", "demo": "시연", "n/a": "판정 불가"}


# ---------------------------------------------------------------- 실행과 측정


class MemoryWatcher:
    """커널 pid(와 자식 프로세스)의 RSS를 백그라운드 스레드에서 주기적으로 잰다."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid = pid
        self.interval = interval
        self.peak_total = 0  # 커널 + 자식 RSS 합의 최댓값 (바이트)
        self.peak_children = 0
        self.vmhwm = 0  # 커널 자신의 VmHWM (바이트, Linux)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-rss", daemon=True)

    def start(self) -> MemoryWatcher:
        self._thread.start()
        return self

    def _run(self) -> None:
        import psutil

        try:
            proc = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            self.sample(proc)
            self._stop.wait(self.interval)

    def sample(self, proc=None) -> None:
        import psutil

        try:
            proc = proc or psutil.Process(self.pid)
            own = proc.memory_info().rss
            children = 0
            for child in proc.children(recursive=True):
                try:
                    children += child.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            return
        self.peak_total = max(self.peak_total, own + children)
        self.peak_children = max(self.peak_children, children)
        self.read_vmhwm()

    def read_vmhwm(self) -> None:
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return
        match = re.search(r"^VmHWM:\s+(\d+)\s+kB", status, re.MULTILINE)
        if match:
            self.vmhwm = max(self.vmhwm, int(match.group(1)) * 1024)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)

    @property
    def peak_bytes(self) -> int:
        """VmHWM(진짜 최댓값)에 자식 프로세스 몫을 더한 값과, 주기적으로 잰 합 중 큰 것."""
        return max(self.peak_total, self.vmhwm + self.peak_children)


@dataclass
class Run:
    """노트북 한 번 실행한 결과."""

    notebook: str
    ok: bool = True
    error: str = ""
    seconds: float = 0.0
    floor_seconds: float | None = None
    peak_rss_mb: float | None = None  # 커널 + 자식 프로세스
    kernel_peak_mb: float | None = None  # 커널 자신의 VmHWM (Linux)
    children_peak_mb: float | None = None  # 커널이 띄운 자식 프로세스(subprocess 등) RSS 합의 최댓값
    scores: list[dict] = field(default_factory=list)
    cell_seconds: dict[int, float] = field(default_factory=dict)  # 셀 번호 → 실행 시간(초)
    slowest_cell: int | None = None  # 첫 코드 셀(helpers.setup) 다음부터의 수업 셀 중 가장 느린 셀
    slowest_cell_seconds: float | None = None
    nb: object = field(default=None, repr=False)  # 실행된 NotebookNode (JSON에는 넣지 않음)

    @property
    def over_floor(self) -> float | None:
        return None if self.floor_seconds is None else self.seconds - self.floor_seconds

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("nb")
        data["over_floor_seconds"] = self.over_floor
        return data


def display_name(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def run_notebook(path: Path, timeout: int = 600, poll_interval: float = 0.1) -> Run:
    """노트북을 새 커널에서 메모리 안에서만 실행하고 시간, 메모리, 점수 기록을 잰다 (파일은 그대로)."""
    from nbclient import NotebookClient

    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    code = nbtool.code_cells(nb)
    for cell in code:
        cell.outputs = []
        cell.execution_count = None
    first_code_index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), None)
    run = Run(notebook=display_name(path), nb=nb)
    state: dict = {"watcher": None}
    start = 0.0

    def on_notebook_start(notebook=None, **_):
        provisioner = getattr(client.km, "provisioner", None)
        process = getattr(provisioner, "process", None)
        if process is not None and process.pid:
            state["watcher"] = MemoryWatcher(process.pid, poll_interval).start()

    def on_cell_start(cell=None, cell_index=None, **_):
        state["cell_start"] = time.perf_counter()

    def on_cell_executed(cell=None, cell_index=None, **_):
        if "cell_start" in state:
            run.cell_seconds[cell_index] = time.perf_counter() - state.pop("cell_start")
        if cell_index == first_code_index and run.floor_seconds is None:
            run.floor_seconds = time.perf_counter() - start
        if state["watcher"] is not None:  # 셀이 끝날 때마다 한 번 더 (커널이 꺼지기 전에 마지막 값을 잡도록)
            state["watcher"].sample()

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        on_notebook_start=on_notebook_start,
        on_cell_start=on_cell_start,
        on_cell_executed=on_cell_executed,
    )
    start = time.perf_counter()
    try:
        client.execute()
    except Exception as exc:  # 실패한 셀의 오류를 짧게 남기고 다음 노트북으로
        run.ok = False
        if getattr(exc, "ename", None):  # nbclient.exceptions.CellExecutionError: 셀의 오류 이름과 메시지
            errors = [i for i, c in enumerate(nb.cells) if any(o.output_type == "error" for o in c.get("outputs", []))]
            cell = errors[-1] if errors else None  # 실행이 멈춘 셀 (앞쪽은 일부러 오류를 보이는 셀일 수 있다)
            where = "" if cell is None else f"셀 {cell}: "
            run.error = f"{where}{exc.ename}: {exc.evalue}"[:1500]
        else:
            run.error = f"{type(exc).__name__}: {str(exc)[-1500:]}"
    finally:
        run.seconds = time.perf_counter() - start
        watcher = state["watcher"]
        if watcher is not None:
            watcher.stop()
            if watcher.peak_bytes:
                run.peak_rss_mb = watcher.peak_bytes / 2**20
                run.kernel_peak_mb = (watcher.vmhwm or None) and watcher.vmhwm / 2**20
                run.children_peak_mb = watcher.peak_children / 2**20
    run.scores = collect_scores(nb)
    lesson = {i: t for i, t in run.cell_seconds.items() if i != first_code_index}
    if lesson:
        run.slowest_cell = max(lesson, key=lesson.get)
        run.slowest_cell_seconds = lesson[run.slowest_cell]
    return run


TF_IMPORT_CODE = "import time; t = time.perf_counter(); import tensorflow; print(time.perf_counter() - t)"


def tensorflow_import_seconds(repeats: int = 3) -> float:
    """새 파이썬 프로세스에서 `import tensorflow`에 걸린 시간(초)의 중앙값. 셀 시간과 같은 실행에서 잰다."""
    times = []
    for _ in range(repeats):
        result = subprocess.run(
            [sys.executable, "-c", TF_IMPORT_CODE], capture_output=True, text=True, check=True, cwd=ROOT
        )
        times.append(float(result.stdout.strip().splitlines()[-1]))
    return sorted(times)[len(times) // 2]


def run_all_ratio(run, tf_import: float | None) -> float | None:
    """노트북의 모든 셀 실행 시간이 `import tensorflow`의 몇 배인지."""
    if not tf_import or run.seconds is None:
        return None
    return run.seconds / tf_import


def collect_scores(nb) -> list[dict]:
    """셀 출력에 담긴 모델 점수 기록(helpers.compare_with_baselines가 낸 것)을 순서대로 모은다."""
    records = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if output.get("output_type") in ("display_data", "execute_result") and SCORE_MIME in data:
                record = data[SCORE_MIME]
                if isinstance(record, str):
                    record = json.loads(record)
                record = json.loads(json.dumps(record))  # NotebookNode -> 보통의 dict
                record["cell"] = index
                # 기록 이름은 노트북 안의 순서와 표의 모델 이름으로 만든다 (학생이 이름을 적지 않는다).
                record["name"] = f"{len(records) + 1}: {record.get('label', record.get('name', ''))}"
                # 일부러 망가뜨린 시연 모델은 셀 태그 `baseline-demo`로 표시한다 (학생은 보지 않는 메타데이터).
                record["demo"] = DEMO_TAG in cell.get("metadata", {}).get("tags", [])
                records.append(record)
    return records


# ---------------------------------------------------------------- 목표 판정


def judge(record: dict) -> tuple[str, str]:
    """점수 기록 하나를 목표와 비교해 (판정, 목표 설명)을 돌려준다. 판정: pass, fail, demo, n/a."""
    base = record.get("baselines", {})
    model = record.get("model")
    metric = record.get("metric")
    status, target = "n/a", "?"
    if metric == "accuracy" and MAJORITY in base and LOGREG in base:
        floor = base[LOGREG] - LOGREG_MARGIN
        target = f"> {base[MAJORITY]:.4f} 그리고 ≥ {floor:.4f}"
        status = "pass" if model is not None and model > base[MAJORITY] and model >= floor - 1e-9 else "fail"
    elif metric == "rmse" and RIDGE in base:
        ceiling = base[RIDGE] * RIDGE_FACTOR
        target = f"≤ {ceiling:.4f}"
        status = "pass" if model is not None and model <= ceiling + 1e-9 else "fail"
    if record.get("demo"):
        status = "demo"
    return status, target


# ---------------------------------------------------------------- 기계 정보, make test 시간


def machine_info() -> dict:
    import psutil

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "없음"

    return {
        "cores": os.cpu_count(),
        "memory_gb": psutil.virtual_memory().total / 2**30,
        "cpu": cpu or platform.processor() or platform.machine(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "tensorflow": version("tensorflow"),
        "keras": version("keras"),
    }


def pytest_timing() -> list[dict]:
    """make test의 노트북 실행(nbval)을 직렬(-n 0)과 병렬(-n 2 --dist loadscope)로 한 번씩 잰다."""
    base = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "--nbval-lax", "--nbval-current-env"]
    results = []
    for label, extra in (
        ("직렬 (-n 0)", ["-n", "0"]),
        ("병렬 (-n 2 --dist loadscope)", ["-n", "2", "--dist", "loadscope"]),
    ):
        command = [*base, *extra, "notebooks"]
        print(f"pytest 시간 재기: {label} ...", flush=True)
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        lines = [line for line in proc.stdout.strip().splitlines() if line.strip()]
        summary = lines[-1].strip("= ") if lines else ""
        results.append(
            {
                "label": label,
                "command": " ".join(["python", *command[1:]]),
                "seconds": seconds,
                "returncode": proc.returncode,
                "summary": summary,
            }
        )
        print(f"  {seconds:.1f}초, 종료 코드 {proc.returncode}: {summary}", flush=True)
    return results


# ---------------------------------------------------------------- 보고서


def _fmt(value, spec: str = ".1f", missing: str = "–") -> str:
    return missing if value is None else format(value, spec)


def _md_cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def baseline_columns(runs: list[Run]) -> list[str]:
    """표에 넣을 기준선 열: 알려진 네 기준선을 정해진 순서로, 그 밖의 것은 나온 순서대로."""
    names: list[str] = []
    for run in runs:
        for record in run.scores:
            for name in record.get("baselines", {}):
                if name not in names:
                    names.append(name)
    known = [MAJORITY, LOGREG, MEAN, RIDGE]
    return [n for n in known if n in names] + [n for n in names if n not in known]


def summarize(runs: list[Run], tf_import: float | None = None) -> dict:
    done = [r for r in runs if r.ok]
    total = sum(r.seconds for r in runs)
    slowest = max(runs, key=lambda r: r.seconds, default=None)
    rss = [r.peak_rss_mb for r in runs if r.peak_rss_mb is not None]
    floors = sorted(r.floor_seconds for r in runs if r.floor_seconds is not None)
    statuses = [judge(rec)[0] for r in runs for rec in r.scores]
    return {
        "notebooks": len(runs),
        "failed": [r.notebook for r in runs if not r.ok],
        "executed": len(done),
        "total_seconds": total,
        "slowest": slowest.notebook if slowest else None,
        "slowest_seconds": slowest.seconds if slowest else None,
        "max_rss_mb": max(rss) if rss else None,
        "max_rss_notebook": max((r for r in runs if r.peak_rss_mb), key=lambda r: r.peak_rss_mb).notebook
        if rss
        else None,
        "max_kernel_rss_mb": max((r.kernel_peak_mb or r.peak_rss_mb or 0) for r in runs) if runs else None,
        "median_floor_seconds": floors[len(floors) // 2] if floors else None,
        "tf_import_seconds": tf_import,
        "cells_over_tf_import": [
            f"{Path(r.notebook).name} 셀 {r.slowest_cell} ({r.slowest_cell_seconds:.1f}초)"
            for r in runs
            if tf_import is not None and r.slowest_cell_seconds is not None and r.slowest_cell_seconds > tf_import
        ],
        "over_notebook_target": [r.notebook for r in runs if r.seconds > NOTEBOOK_TARGET_S],
        "over_run_all_ratio": [
            r.notebook for r in runs if (run_all_ratio(r, tf_import) or 0) > RUN_ALL_RATIO_TARGET
        ],
        # 목표는 '커널' 메모리(이슈의 기준): 커널 자신의 VmHWM, 없으면 자식 포함 값으로 판정
        "over_rss_target": [
            r.notebook for r in runs if (r.kernel_peak_mb or r.peak_rss_mb or 0) > RSS_TARGET_MB
        ],
        "records": len(statuses),
        "pass": statuses.count("pass"),
        "fail": statuses.count("fail"),
        "demo": statuses.count("demo"),
        "na": statuses.count("n/a"),
    }


def _ok(flag: bool) -> str:
    return "통과" if flag else "미달"


def write_markdown(
    path: Path,
    runs: list[Run],
    machine: dict,
    summary: dict,
    chart: str | None,
    timing: list[dict] | None,
    command: str,
    started: dt.datetime,
) -> None:
    s = summary
    lines = [
        "# 강의 벤치마크: 노트북 실행 시간, 메모리, 모델 점수",
        "",
        f"`{command}`로 만든 보고서입니다 (`tools/bench.py`가 이 파일과 `benchmarks.png`를 씁니다). "
        "노트북을 하나씩 차례로 새 커널에서 실행하고(파일은 고치지 않음), 시간과 커널의 최대 메모리(RSS), "
        "`helpers.compare_with_baselines`가 남긴 모델 점수를 모았습니다.",
        "",
        f"- 측정 시각: {started:%Y-%m-%d %H:%M}",
        f"- 기계: CPU {machine['cpu']}, 코어 {machine['cores']}개, 메모리 {machine['memory_gb']:.1f} GB, "
        f"{machine['os']}",
        f"- 버전: Python {machine['python']}, TensorFlow {machine['tensorflow']}, Keras {machine['keras']}",
        "- 다른 작업이 같은 기계를 쓰고 있었다면 시간이 부풀려집니다. 비교할 때는 같은 기계에서 다시 재세요.",
        "",
        "## 노트북별 시간과 메모리",
        "",
        "'바닥'은 커널 시작부터 첫 코드 셀(`helpers.setup()`, TensorFlow 불러오기)이 끝날 때까지의 시간이고, "
        "'바닥 위'는 그 뒤 수업 셀들이 쓴 시간입니다. 다른 일이 없는 기계에서 바닥은 노트북마다 4초쯤이라, "
        f"노트북 {len(runs)}개를 차례로 실행하면 바닥만 {4 * len(runs)}초쯤 됩니다. "
        "'최대 RSS'는 커널 프로세스의 최댓값(Linux의 VmHWM)에, 커널이 띄운 자식 프로세스(예: `subprocess`로 "
        "실행한 파이썬)의 최댓값을 더한 값입니다 (둘이 같은 순간에 가장 컸다고 보는 넉넉한 어림).",
        "",
        f"'TF 대비'는 모든 셀 실행(Restart & Run All) 시간을 같은 실행에서 잰 `import tensorflow` 시간"
        f"({_fmt(s.get('tf_import_seconds'))}초)으로 나눈 값이고, 목표는 {RUN_ALL_RATIO_TARGET:.0f}배 이하입니다.",
        "",
        "| 노트북 | 시간(초) | TF 대비 | 판정 | 바닥(초) | 바닥 위(초) | 최대 RSS(MB) | 그중 자식 프로세스(MB) "
        "| 모델 수 | 실행 |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in runs:
        ratio = run_all_ratio(r, s.get("tf_import_seconds"))
        verdict = "–" if ratio is None else ("통과" if ratio <= RUN_ALL_RATIO_TARGET else "넘음")
        lines.append(
            f"| {Path(r.notebook).name} | {r.seconds:.1f} | {_fmt(ratio, '.2f')} | {verdict} "
            f"| {_fmt(r.floor_seconds)} | {_fmt(r.over_floor)} "
            f"| {_fmt(r.peak_rss_mb, '.0f')} | {_fmt(r.children_peak_mb or None, '.0f')} "
            f"| {len(r.scores)} | {'성공' if r.ok else '실패'} |"
        )
    lines += [
        "",
        f"**합계**: 직렬 실행 {s['total_seconds']:.1f}초 (노트북 {s['notebooks']}개), "
        f"최대 RSS {_fmt(s['max_rss_mb'], '.0f')} MB ({Path(s['max_rss_notebook'] or '–').name}), "
        f"가장 느린 노트북 {Path(s['slowest'] or '–').name} ({_fmt(s['slowest_seconds'])}초), "
        f"바닥의 중앙값 {_fmt(s['median_floor_seconds'])}초.",
        "",
    ]
    if chart:
        lines += [f"![노트북별 실행 시간과 최대 메모리]({chart})", ""]
    tf = s.get("tf_import_seconds")
    lines += [
        "## 가장 느린 셀과 TensorFlow 불러오기",
        "",
        "강사가 수업에서 셀을 하나씩 실행하며 기다리는 시간입니다. 목표: 어떤 수업 셀도 같은 기계에서 "
        "`import tensorflow`보다 오래 걸리지 않는다. 기준값은 이 보고서를 만든 같은 실행에서 새 파이썬 프로세스로 "
        f"세 번 잰 `import tensorflow`의 중앙값 **{_fmt(tf)}초**입니다 (첫 코드 셀 `helpers.setup()`은 "
        "TensorFlow를 불러오는 셀이라 빼고 셉니다). 셀 번호는 0부터 센 노트북의 셀 순서입니다.",
        "",
        "| 노트북 | 가장 느린 셀 | 시간(초) | TF 불러오기 대비 | 판정 |",
        "|---|---:|---:|---:|---|",
    ]
    for r in runs:
        ratio = None if not tf or r.slowest_cell_seconds is None else r.slowest_cell_seconds / tf
        verdict = "–" if ratio is None else ("통과" if ratio <= 1 else "넘음")
        lines.append(
            f"| {Path(r.notebook).name} | {_fmt(r.slowest_cell, 'd')} | {_fmt(r.slowest_cell_seconds)} "
            f"| {_fmt(ratio, '.2f')} | {verdict} |"
        )
    over = s.get("cells_over_tf_import") or []
    lines += ["", f"TensorFlow 불러오기보다 오래 걸린 셀: {', '.join(over) if over else '없음'}.", ""]
    failed = [r for r in runs if not r.ok]
    if failed:
        lines += ["### 실행 실패", ""]
        for r in failed:
            lines += [f"- `{r.notebook}`: {_md_cell(r.error[-400:])}"]
        lines.append("")

    columns = baseline_columns(runs)
    lines += [
        "## 모델 점수와 기준선",
        "",
        f"목표: 분류(정확도, 높을수록 좋음)는 '{MAJORITY}'보다 높고 '{LOGREG}'보다 "
        f"{LOGREG_MARGIN * 100:.0f}%p 넘게 낮지 않을 것. 회귀(RMSE, 낮을수록 좋음)는 '{RIDGE}' RMSE의 "
        f"{RIDGE_FACTOR * 100:.0f}% 이하일 것. 셀 태그 `baseline-demo`가 붙은 셀의 기록은 "
        "일부러 망가뜨린 모델을 보여 주는 시연이라 '시연'으로 표시하고 판정에서 뺍니다. '이름'은 노트북 안의 순서와 "
        "표의 모델 이름입니다.",
        "",
    ]
    records = [(r, rec) for r in runs for rec in r.scores]
    if records:
        header = ["노트북", "이름", "과제", "지표", "모델", *columns, "시험 샘플", "목표", "판정"]
        lines += [
            "| " + " | ".join(header) + " |",
            "|" + "|".join(["---"] * 4 + ["---:"] * (len(columns) + 2) + ["---", "---"]) + "|",
        ]
        for r, rec in records:
            status, target = judge(rec)
            base = rec.get("baselines", {})
            cells = [
                Path(r.notebook).name,
                rec.get("name", ""),
                rec.get("task", ""),
                rec.get("metric", ""),
                _fmt(rec.get("model"), ".4f"),
                *(_fmt(base.get(c), ".4f") for c in columns),
                rec.get("n_test", ""),
                target,
                STATUS_KO[status],
            ]
            lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    else:
        lines.append("점수 기록이 있는 노트북이 아직 없습니다.")
    lines.append("")

    if timing:
        lines += [
            "## make test: 직렬 vs 병렬",
            "",
            "`make test`의 노트북 실행(nbval)만 따로 잰 시간입니다.",
            "",
            "| 방식 | 시간(초) | 종료 코드 | 결과 |",
            "|---|---:|---:|---|",
        ]
        for t in timing:
            lines.append(f"| {t['label']} | {t['seconds']:.1f} | {t['returncode']} | {_md_cell(t['summary'])} |")
        if len(timing) == 2 and timing[1]["seconds"] > 0:
            ratio = timing[0]["seconds"] / timing[1]["seconds"]
            verdict = f"{ratio:.2f}배 빠릅니다" if ratio >= 1 else f"오히려 느립니다 (직렬 시간의 {1 / ratio:.2f}배)"
            lines += ["", f"병렬이 직렬보다 {verdict} (코어 {machine['cores']}개)."]
        lines += ["", "명령: " + ", ".join(f"`{t['command']}`" for t in timing), ""]

    lines += ["## 요약", ""]
    if s["failed"]:
        lines.append(f"- 실행 실패: {', '.join(Path(n).name for n in s['failed'])}")
    else:
        lines.append(f"- 노트북 {s['notebooks']}개 모두 실행 성공.")
    lines += [
        f"- 전체 직렬 {TOTAL_TARGET_S:.0f}초 이하: {_ok(s['total_seconds'] <= TOTAL_TARGET_S)} "
        f"({s['total_seconds']:.1f}초)",
        f"- 노트북마다 모든 셀 실행이 `import tensorflow`의 {RUN_ALL_RATIO_TARGET:.0f}배 이하: "
        f"{_ok(not s['over_run_all_ratio'])}"
        + (
            f" (넘은 노트북: {', '.join(Path(n).name for n in s['over_run_all_ratio'])})"
            if s["over_run_all_ratio"]
            else ""
        ),
        f"- 노트북 하나 {NOTEBOOK_TARGET_S:.0f}초 이하: {_ok(not s['over_notebook_target'])}"
        + (
            f" (넘은 노트북: {', '.join(Path(n).name for n in s['over_notebook_target'])})"
            if s["over_notebook_target"]
            else f" (가장 느린 것 {_fmt(s['slowest_seconds'])}초)"
        ),
        f"- 커널 최대 메모리 1.5 GB 이하: {_ok(not s['over_rss_target'])}"
        + (
            f" (넘은 노트북: {', '.join(Path(n).name for n in s['over_rss_target'])})"
            if s["over_rss_target"]
            else f" (커널만 최대 {_fmt(s['max_kernel_rss_mb'], '.0f')} MB; "
            f"자식 프로세스까지 더하면 최대 {_fmt(s['max_rss_mb'], '.0f')} MB)"
        ),
    ]
    if s["records"]:
        judged = s["pass"] + s["fail"]
        fails = [
            f"{Path(r.notebook).name}:{rec.get('name')}" for r in runs for rec in r.scores if judge(rec)[0] == "fail"
        ]
        lines.append(
            f"- 모델 점수 목표: 판정 대상 {judged}개 중 {s['pass']}개 통과"
            + (f", 미달 {', '.join(fails)}" if fails else "")
            + (f" (시연 {s['demo']}개 제외)" if s["demo"] else "")
            + (f", 판정 불가 {s['na']}개" if s["na"] else "")
        )
    else:
        lines.append("- 모델 점수 목표: 점수 기록 없음.")
    lines.append("- 목표는 보고만 합니다. `tools/bench.py`는 노트북 실행이 실패했을 때만 0이 아닌 코드로 끝납니다.")
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_chart(path: Path, runs: list[Run]) -> None:
    """노트북별 시간(바닥은 따로 색칠)과 최대 메모리를 나란히 그린다."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import helpers

    helpers.set_korean_font()
    names = [Path(r.notebook).stem for r in runs]
    y = list(range(len(runs)))[::-1]
    height = max(3.0, 0.45 * len(runs) + 1.5)
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(11, height), sharey=True)

    floors = [r.floor_seconds or 0.0 for r in runs]
    rest = [r.seconds - f for r, f in zip(runs, floors, strict=True)]
    ax_t.barh(y, floors, color="#b0b7c3", label="바닥 (커널 시작 + TensorFlow 불러오기)")
    ax_t.barh(y, rest, left=floors, color="#3b75af", label="수업 셀")
    ax_t.axvline(NOTEBOOK_TARGET_S, color="#c0392b", linestyle="--", linewidth=1, label="목표 30초")
    for yi, r in zip(y, runs, strict=True):
        ax_t.text(r.seconds, yi, f" {r.seconds:.1f}", va="center", fontsize=8)
    ax_t.set_yticks(y, [n if r.ok else f"{n} (실행 실패)" for n, r in zip(names, runs, strict=True)])
    ax_t.set_xlabel("실행 시간(초)")
    ax_t.set_title("노트북별 실행 시간")
    ax_t.set_xlim(0, max([NOTEBOOK_TARGET_S, *[r.seconds for r in runs]]) * 1.15)

    mem = [r.peak_rss_mb or 0.0 for r in runs]
    children = [r.children_peak_mb or 0.0 for r in runs]
    ax_m.barh(y, [m - c for m, c in zip(mem, children, strict=True)], color="#5a9e6f", label="커널 최대 RSS")
    if any(children):
        own = [m - c for m, c in zip(mem, children, strict=True)]
        ax_m.barh(y, children, left=own, color="#a3d3a9", label="자식 프로세스")
    ax_m.axvline(RSS_TARGET_MB, color="#c0392b", linestyle="--", linewidth=1, label="목표 1.5 GB")
    for yi, m in zip(y, mem, strict=True):
        ax_m.text(m, yi, f" {m:.0f}", va="center", fontsize=8)
    ax_m.set_xlabel("최대 메모리(MB)")
    ax_m.set_title("노트북별 커널 최대 메모리")
    ax_m.set_xlim(0, max([RSS_TARGET_MB, *mem]) * 1.15)

    handles = [h for ax in (ax_t, ax_m) for h in ax.get_legend_handles_labels()[0]]
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.45 / height, 1, 1))  # 아래 0.45인치는 범례 자리
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)


# ---------------------------------------------------------------- 명령줄


def resolve_notebooks(names: list[str] | None) -> list[Path]:
    """번호('06'), 이름('06_evaluate'), 파일 이름, 경로 모두 받는다. 없으면 notebooks/*.ipynb 전부."""
    if not names:
        return nbtool.notebook_paths()
    paths = []
    for name in names:
        candidate = Path(name)
        if candidate.suffix == ".ipynb" and candidate.exists():
            paths.append(candidate.resolve())
            continue
        matches = sorted(NOTEBOOKS.glob(f"{candidate.stem}*.ipynb"))
        if len(matches) != 1:
            found = ", ".join(p.name for p in matches) or "없음"
            raise SystemExit(f"노트북 '{name}'을(를) 하나로 정할 수 없습니다 (찾은 것: {found}).")
        paths.append(matches[0])
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notebooks", nargs="+", metavar="N", help="일부 노트북만 (번호, 이름 또는 경로)")
    parser.add_argument("--out", default=str(ROOT / "docs"), help="benchmarks.md와 benchmarks.png를 쓸 폴더")
    parser.add_argument("--json", metavar="PATH", help="원자료를 JSON으로도 저장")
    parser.add_argument("--timeout", type=int, default=600, help="셀 하나의 제한 시간(초)")
    parser.add_argument(
        "--pytest-timing",
        action="store_true",
        help="pytest --nbval-lax notebooks를 -n 0과 -n 2로 한 번씩 재서 보고서에 넣는다 (느림)",
    )
    parser.add_argument("--no-chart", action="store_true", help="benchmarks.png를 그리지 않는다")
    args = parser.parse_args(argv)

    paths = resolve_notebooks(args.notebooks)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now()
    machine = machine_info()
    print(f"벤치마크: 노트북 {len(paths)}개, 코어 {machine['cores']}개, {machine['cpu']}", flush=True)

    tf_import = tensorflow_import_seconds()
    print(f"import tensorflow: {tf_import:.1f}초 (새 프로세스 3번의 중앙값)", flush=True)
    runs: list[Run] = []
    for number, path in enumerate(paths, 1):
        run = run_notebook(path, timeout=args.timeout)
        runs.append(run)
        verdicts = [STATUS_KO[judge(rec)[0]] for rec in run.scores]
        print(
            f"[{number}/{len(paths)}] {Path(run.notebook).name}: {run.seconds:.1f}초 "
            f"(바닥 {_fmt(run.floor_seconds)}초 + {_fmt(run.over_floor)}초), "
            f"최대 RSS {_fmt(run.peak_rss_mb, '.0f')} MB, 모델 {len(run.scores)}개, "
            f"가장 느린 셀 {run.slowest_cell} ({_fmt(run.slowest_cell_seconds)}초)"
            + (f" [{', '.join(verdicts)}]" if verdicts else "")
            + ("" if run.ok else f" — 실행 실패: {run.error.splitlines()[0] if run.error else ''}"),
            flush=True,
        )

    timing = pytest_timing() if args.pytest_timing else None
    summary = summarize(runs, tf_import)

    chart_name = None
    if not args.no_chart and runs:
        try:
            write_chart(out / "benchmarks.png", runs)
            chart_name = "benchmarks.png"
        except Exception as exc:  # 그래프가 실패해도 표는 남긴다
            print(f"그래프를 그리지 못했습니다: {type(exc).__name__}: {exc}", file=sys.stderr)
    # 보고서에는 다시 만드는 명령만 적는다 (--out, --json의 이 기계 경로는 빼고)
    command = "make bench"
    if args.notebooks or args.pytest_timing:
        command = "python tools/bench.py"
        if args.notebooks:
            command += " --notebooks " + " ".join(Path(p).stem for p in paths)
        if args.pytest_timing:
            command += " --pytest-timing"
    write_markdown(out / "benchmarks.md", runs, machine, summary, chart_name, timing, command, started)

    if args.json:
        payload = {
            "started": started.isoformat(timespec="seconds"),
            "machine": machine,
            "summary": summary,
            "notebooks": [r.to_json() for r in runs],
            "judgements": [
                {"notebook": r.notebook, "name": rec.get("name"), "status": judge(rec)[0], "target": judge(rec)[1]}
                for r in runs
                for rec in r.scores
            ],
            "pytest_timing": timing,
        }
        json_path = Path(args.json)
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")

    print(
        f"합계: {summary['total_seconds']:.1f}초 직렬, 최대 RSS {_fmt(summary['max_rss_mb'], '.0f')} MB, "
        f"가장 느린 노트북 {Path(summary['slowest'] or '–').name}; 모델 {summary['records']}개 중 "
        f"통과 {summary['pass']}, 미달 {summary['fail']}, 시연 {summary['demo']} "
        f"-> {display_name(out / 'benchmarks.md')}",
        flush=True,
    )
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
