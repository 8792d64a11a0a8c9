"""`make lab`의 JupyterLab을 실제 브라우저(Chromium)로 열어 본다.

`make lab`(= `python tools/lab.py`)과 같은 설정 파일(jupyter/jupyter_server_config.py)과 같은 overrides.json
(한국어 화면, 뉴스 팝업 끔)으로 서버를 띄운다. 다른 점은 테스트에 필요한 것뿐이다.

- `--no-browser`, 빈 포트, 정해 둔 토큰(JUPYTER_TOKEN)
- root_dir은 notebooks/ helpers/ datasets/ images/를 복사한 임시 폴더: 셀을 실행해 저장해도
  저장소의 노트북은 바뀌지 않는다
- 사용자별 Jupyter 폴더(~/.jupyter, ~/.local/share/jupyter, ~/.ipython)는 임시 폴더로 바꾼다:
  내 컴퓨터의 개인 설정(예: 화면 언어를 영어로 바꿔 둔 것)이 결과를 바꾸지 않게

검사하는 것
1. 보안 설정: 127.0.0.1에서만 듣는다 / 토큰 없이는 403 / 쿠키로 로그인한 요청은 XSRF 토큰이 있어야 한다 /
   Host 이름이 localhost·127.0.0.1이 아닌 요청은 거절한다. 검사 함수(check_...)는 일부러 설정을 약하게 한 서버
   (--ServerApp.ip=0.0.0.0 등)에서는 실패한다.
2. 브라우저: 메뉴가 한국어이고, 메뉴 '실행 → 모든 셀 실행'으로 노트북 전체가 오류 없이 돌고
   (raises-exception 태그 셀만 예외), 그래프 그림이 보이며, 그래프의 한글이 한글 글꼴로 그려진다.
   Chromium에는 한글 글꼴이 없는 글꼴 설정(FONTCONFIG_FILE: DejaVu만)을 준다. 그래도 화면의 한글이 보이는 것은
   `make lab`이 켜는 jupyter/custom/custom.css가 helpers/fonts/NanumGothic.ttf를 웹 글꼴로 보내기 때문이다.
3. 학생의 길: 연습문제 답안 셀에 틀린 답을 입력해 실행하고 채점하면 그 실수에 맞는 한국어 피드백이,
   맞는 답을 입력하면 정답 표시가 나온다.
4. 모든 노트북(00~12)이 '모든 셀 실행'으로 예상하지 않은 오류 없이 끝난다.
   화면 사진은 build/browser/에 남는다.

Chromium이 없으면(apt-get install chromium) 브라우저 검사만 건너뛴다. 보안 검사는 언제나 돈다.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import lab
import psutil
import pytest
import requests

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("notebooks", "helpers", "datasets", "images")
# 01이 있으면 01을, 아직 없으면 00을 브라우저로 돌린다 (앞쪽이 우선).
NOTEBOOK_CHOICES = ("01_sequential_dense.ipynb", "00_setup.ipynb")
SCREENSHOTS = ROOT / "build" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MENU_LABELS = ["파일", "편집", "보기", "실행", "커널", "탭", "설정", "도움말"]
# helpers/fonts.py의 SYSTEM_KOREAN_FONTS와 같은 목록 (helpers가 내장 글꼴로 등록하는 이름은 NanumGothic)
KOREAN_FONTS = {
    "Malgun Gothic", "Apple SD Gothic Neo", "AppleGothic", "NanumGothic", "Noto Sans CJK KR", "Noto Sans KR",
}

SERVER_START_TIMEOUT = 60
PAGE_READY_TIMEOUT = 90_000  # ms: JupyterLab 화면 + 커널 준비
RUN_ALL_TIMEOUT = 120  # 초: 모든 셀 실행


# ---------------------------------------------------------------- 서버


@dataclass
class Server:
    proc: subprocess.Popen
    port: int
    token: str
    root: Path  # 서버의 root_dir (저장소 복사본)
    runtime_dir: Path
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, n: int = 4000) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-n:]


def http() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # HTTP(S)_PROXY 환경 변수가 있어도 127.0.0.1에 바로 접속
    return session


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_course(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc")
    for name in COPIED:
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    return dest


def start_server(tmp: Path, root: Path, extra_args: tuple[str, ...] = ()) -> Server:
    token = secrets.token_hex(24)
    home = tmp / "jupyter-user"
    env = {
        **os.environ,
        "JUPYTER_TOKEN": token,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    env.pop("JUPYTERLAB_SETTINGS_DIR", None)
    env.pop("JUPYTERLAB_WORKSPACES_DIR", None)
    last_error = ""
    for attempt in range(3):  # 고른 포트를 그 사이 다른 프로그램이 차지했으면 다른 포트로 다시
        port = free_port()
        log = tmp / f"server-{attempt}.log"
        extra = [
            "--no-browser",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={root}",
            *extra_args,
        ]
        with log.open("wb") as out:
            proc = subprocess.Popen(
                lab.lab_command(extra), cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        server = Server(proc, port, token, root, home / "runtime", log)
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if http().get(f"{server.url}/api/status", params={"token": token}, timeout=5).status_code == 200:
                    return server
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        last_error = server.log_tail()
        stop_server(server)
        if "already in use" not in last_error:
            break
    pytest.fail(f"JupyterLab 서버가 {SERVER_START_TIMEOUT}초 안에 뜨지 않았습니다. 서버 로그:\n{last_error}")


def stop_server(server: Server) -> None:
    try:
        children = psutil.Process(server.proc.pid).children(recursive=True)  # 커널들
    except psutil.NoSuchProcess:
        children = []
    if server.proc.poll() is None:
        server.proc.send_signal(signal.SIGTERM)  # Jupyter는 SIGTERM을 받으면 커널을 정리하고 끝난다
        try:
            server.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            server.proc.wait(timeout=10)
    for child in children:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(children, timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    lab.write_settings()  # make lab과 같은 overrides.json (한국어, 뉴스 팝업 끔)
    lab.write_web_font()  # make lab과 같은 브라우저용 한글 글꼴
    tmp = tmp_path_factory.mktemp("jupyterlab")
    srv = start_server(tmp, copy_course(tmp / "course"))
    try:
        yield srv
    finally:
        stop_server(srv)


# ---------------------------------------------------------------- 보안 검사 (다른 서버에도 쓸 수 있게 함수로)


def this_machine_addresses() -> list[str]:
    """이 컴퓨터의 루프백이 아닌 IP 주소들 (다른 컴퓨터에서 접속할 때 쓰는 주소)."""
    found = []
    for addrs in psutil.net_if_addrs().values():
        for addr in addrs:
            ip = addr.address.split("%")[0]
            if addr.family == socket.AF_INET and not ip.startswith("127."):
                found.append(ip)
            elif addr.family == socket.AF_INET6 and ip != "::1" and not ip.lower().startswith("fe80"):
                found.append(ip)
    return found


def check_listeners_loopback_only(pid: int, port: int) -> None:
    """서버 프로세스(와 그 자식인 커널들)가 여는 모든 듣기(LISTEN) 소켓이 127.0.0.1이다."""
    procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    listeners = [
        (proc.pid, conn.laddr.ip, conn.laddr.port)
        for proc in procs
        for conn in proc.net_connections(kind="inet")
        if conn.status == psutil.CONN_LISTEN
    ]
    exposed = [item for item in listeners if item[1] != "127.0.0.1"]
    assert not exposed, f"127.0.0.1 밖에서도 듣습니다 (같은 네트워크의 다른 사람이 접속 가능): {exposed}"
    assert (pid, "127.0.0.1", port) in listeners, f"서버가 127.0.0.1:{port}에서 듣지 않습니다: {listeners}"


def check_refused_on_external_addresses(port: int) -> list[str]:
    """이 컴퓨터의 외부 주소(예: 192.168.x.x)로 같은 포트에 접속하면 거절된다. 시도한 주소를 돌려준다."""
    addresses = this_machine_addresses()
    for ip in addresses:
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(5)
            try:
                sock.connect((ip, port))
            except ConnectionRefusedError:
                continue
            pytest.fail(f"이 컴퓨터의 외부 주소 {ip}:{port}로 접속이 됩니다.")
    return addresses


def check_token_required(url: str, token: str) -> None:
    s = http()
    assert s.get(f"{url}/api/contents", timeout=10).status_code == 403, "토큰 없이 API가 열립니다"
    wrong = "x" * len(token)
    wrong_param = s.get(f"{url}/api/contents", params={"token": wrong}, timeout=10)
    assert wrong_param.status_code == 403, "틀린 토큰으로 열립니다"
    headers = {"Authorization": f"token {wrong}"}
    assert s.get(f"{url}/api/contents", headers=headers, timeout=10).status_code == 403, "틀린 토큰(헤더)으로 열립니다"
    assert not s.cookies, f"로그인하지 않은 요청에 로그인 쿠키가 생겼습니다: {s.cookies.keys()}"
    ok = s.get(f"{url}/api/contents", params={"token": token}, timeout=10)
    assert ok.status_code == 200, f"맞는 토큰인데 {ok.status_code}"
    assert "notebooks" in {item["name"] for item in ok.json()["content"]}


def check_xsrf_required(url: str, token: str) -> None:
    """jupyter_server 2.x: 쿠키로 인증한 POST/PUT/PATCH/DELETE는 `_xsrf` 쿠키와 같은 값의 X-XSRFToken 헤더
    (또는 `_xsrf` 폼 값)가 있어야 한다. 토큰(?token= 또는 Authorization 헤더)으로 인증한 요청은 XSRF 검사를
    건너뛴다(다른 사이트는 토큰을 모르므로). 그래서 브라우저처럼 쿠키만으로 요청해야 XSRF 보호가 드러난다."""
    s = http()
    login = s.get(f"{url}/lab", params={"token": token}, timeout=30)  # 토큰으로 한 번 열면 로그인 쿠키가 생긴다
    assert login.status_code == 200
    assert "_xsrf" in s.cookies, f"_xsrf 쿠키가 없습니다: {s.cookies.keys()}"
    xsrf = s.cookies["_xsrf"]
    # 쿠키만으로 인증된다 (아래 403은 인증 실패가 아니라 XSRF 때문임을 확인)
    assert s.get(f"{url}/api/contents", timeout=10).status_code == 200
    new = f"{url}/api/contents/notebooks"
    body = {"type": "notebook"}
    refused = s.post(new, json=body, timeout=10)
    assert refused.status_code == 403, f"XSRF 토큰 없는 쿠키 POST가 통과했습니다 ({refused.status_code})"
    assert "_xsrf" in refused.text, refused.text
    forged = s.post(new, json=body, headers={"X-XSRFToken": "forged" + xsrf[6:]}, timeout=10)
    assert forged.status_code == 403, f"틀린 XSRF 토큰으로 POST가 통과했습니다 ({forged.status_code})"
    cross = s.post(new, json=body, headers={"X-XSRFToken": xsrf, "Origin": "http://evil.example"}, timeout=10)
    assert cross.status_code in (403, 404), f"다른 사이트(Origin)에서 온 POST가 통과했습니다 ({cross.status_code})"
    created = s.post(new, json=body, headers={"X-XSRFToken": xsrf}, timeout=10)
    assert created.status_code == 201, f"맞는 XSRF 토큰인데 {created.status_code}: {created.text}"
    path = created.json()["path"]
    assert s.delete(f"{url}/api/contents/{path}", timeout=10).status_code == 403  # DELETE도 같다
    assert s.delete(f"{url}/api/contents/{path}", headers={"X-XSRFToken": xsrf}, timeout=10).status_code == 204


def test_server_listens_on_loopback_only(server):
    check_listeners_loopback_only(server.proc.pid, server.port)
    # 외부 주소가 하나도 없는 기계(루프백만 있는 컨테이너)라면 위의 소켓 검사만 의미가 있다
    check_refused_on_external_addresses(server.port)


def test_api_requires_token(server):
    check_token_required(server.url, server.token)


def test_cookie_login_needs_xsrf_token(server):
    check_xsrf_required(server.url, server.token)


def test_token_request_skips_xsrf_by_design(server):
    """토큰으로 인증한 요청은 XSRF 토큰이 없어도 된다 (jupyter_server의 설계). 스크립트용."""
    s = http()
    headers = {"Authorization": f"token {server.token}"}
    created = s.post(f"{server.url}/api/contents/notebooks", json={"type": "notebook"}, headers=headers, timeout=10)
    assert created.status_code == 201
    deleted = s.delete(f"{server.url}/api/contents/{created.json()['path']}", headers=headers, timeout=10)
    assert deleted.status_code == 204


def check_host_header_checked(url: str, token: str, port: int) -> None:
    """allow_remote_access=False: Host가 127.0.0.1/localhost가 아닌 요청은 토큰이 맞아도 막는다 (DNS rebinding 방어)."""

    def get(host: str) -> int:
        response = http().get(f"{url}/api/contents", params={"token": token}, headers={"Host": host}, timeout=10)
        return response.status_code

    assert get("evil.example") == 403, "낯선 Host 이름으로 온 요청이 통과했습니다"
    assert get(f"evil.example:{port}") == 403, "낯선 Host 이름으로 온 요청이 통과했습니다"
    assert get(f"localhost:{port}") == 200


def test_unknown_host_header_refused(server):
    check_host_header_checked(server.url, server.token, server.port)


# ---------------------------------------------------------------- 브라우저


def chromium_path() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def fontconfig_file(tmp: Path) -> Path:
    """Chromium이 라틴 글꼴(DejaVu)만 보게 한다: 한글 글꼴이 없는 학생의 컴퓨터를 흉내 낸다.

    그러면 화면의 한글은 JupyterLab이 보내는 웹 글꼴(jupyter/custom/custom.css의 CourseNanumGothic)로만 그려질 수
    있다. 이 기계에 한글 글꼴이 설치되어 있어도 결과가 같다."""
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n"
        f"  <cachedir>{tmp / 'fontconfig-cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def pick_notebook(root: Path) -> str:
    for name in NOTEBOOK_CHOICES:
        if (root / "notebooks" / name).exists():
            return name
    pytest.fail(f"브라우저로 돌릴 노트북이 없습니다: {NOTEBOOK_CHOICES}")


# 지금 보이는 노트북 패널. 아래 자바스크립트(page.evaluate)도 같은 선택자를 쓴다.
ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
JS_KERNEL_READY = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel || document.querySelector('.jp-Dialog')) return false;
  const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const kernel = (panel.querySelector('.jp-KernelName') || {}).textContent || '';
  return !!status && status.dataset.status === 'idle' && kernel.trim() !== '' && kernel.trim() !== 'No Kernel';
}"""
JS_PROMPTS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  return Array.from(panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')).map(p => p.textContent.trim());
}"""
JS_STATE = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const prompts = Array.from(panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')).map(p => p.textContent.trim());
  return {status: panel.querySelector('.jp-Notebook-ExecutionIndicator').dataset.status, prompts};
}"""
JS_IMAGES = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  return Array.from(panel.querySelectorAll('.jp-OutputArea-output img'))
    .map(img => ({complete: img.complete, width: img.naturalWidth, height: img.naturalHeight}));
}"""
JS_STDERR = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const selector = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';
  return Array.from(panel.querySelectorAll(selector)).map(e => e.textContent);
}"""

KERNEL_PROBE = """
import json, warnings
import matplotlib, matplotlib.pyplot as plt
from matplotlib import font_manager
family = list(matplotlib.rcParams["font.family"])
try:
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    name = font_manager.FontProperties(fname=path).get_name()
except ValueError as error:
    path, name = None, repr(error)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fig, ax = plt.subplots(figsize=(3, 1))
    ax.set_title("한글 글꼴 확인: 가나다 훈민정음")
    ax.set_xlabel("에포크(epoch) -1")
    fig.canvas.draw()
    plt.close(fig)
missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
import helpers
print("@@PROBE@@" + json.dumps({"family": family, "path": path, "name": name, "missing": missing,
                                "helpers": helpers.__file__}))
"""


def menu_click(page, top: str, item: str):
    """위쪽 메뉴 `top`을 열고 항목 `item`(글자가 정확히 같은 것)을 누른다. 누른 항목의 명령 id를 돌려준다."""
    page.locator("#jp-menu-panel .lm-MenuBar-item").filter(
        has=page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(top)}$"))
    ).click()
    entry = page.locator(".lm-Menu .lm-Menu-item").filter(
        has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$"))
    )
    entry.first.wait_for(state="visible")
    command = entry.first.get_attribute("data-command")
    return entry.first, command


def run_on_kernel(server: Server, kernel_id: str, code: str) -> str:
    from jupyter_client import BlockingKernelClient

    client = BlockingKernelClient(connection_file=str(server.runtime_dir / f"kernel-{kernel_id}.json"))
    client.load_connection_file()
    client.start_channels()
    chunks: list[str] = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            chunks.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            chunks.append("\n".join(msg["content"]["traceback"]))

    try:
        client.wait_for_ready(timeout=30)
        client.execute_interactive(code, output_hook=hook, timeout=60, store_history=False)
    finally:
        client.stop_channels()
    return "".join(chunks)


def wait_for_run_all(page, must_run: list[bool]) -> list[str]:
    """모든 셀 실행이 끝날 때까지 기다려 셀 번호 표시([1]: ...)를 돌려준다.

    끝: 커널이 쉬고(idle) 빈 셀이 아닌 모든 코드 셀에 실행 번호가 있다.
    멈춤: 예상하지 않은 오류가 나면 JupyterLab은 나머지 셀을 실행하지 않는다. 커널이 쉬고 대기 중([*])인 셀이
    없는 상태가 10초 이어지면 멈춘 것으로 보고 그대로 돌려준다 (어느 셀의 무슨 오류인지는 아래 테스트들이 알려 준다).
    """
    deadline = time.monotonic() + RUN_ALL_TIMEOUT
    stalled_since = None
    while True:
        state = page.evaluate(JS_STATE)
        prompts, idle = state["prompts"], state["status"] == "idle"
        numbered = [bool(re.fullmatch(r"\[\d+\]:", p)) for p in prompts]
        if idle and len(prompts) == len(must_run) and all(n or not m for n, m in zip(numbered, must_run, strict=True)):
            return prompts
        if idle and "[*]:" not in prompts and any(numbered):  # 실행이 시작된 뒤에만 '멈춤'으로 본다
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > 10:
                return prompts
        else:
            stalled_since = None
        if time.monotonic() > deadline:
            page.screenshot(path=str(SCREENSHOTS / "failed_run_all.png"))
            raise AssertionError(f"모든 셀 실행이 {RUN_ALL_TIMEOUT}초 안에 끝나지 않았습니다: {prompts}")
        time.sleep(0.25)


JS_WEB_FONT = """async () => {
  await document.fonts.ready;
  const loaded = await document.fonts.load('13px CourseNanumGothic', '파일 실행 한글');
  const label = document.querySelector('#jp-menu-panel .lm-MenuBar-itemLabel');
  const css = Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(l => l.href)
    .filter(h => h.includes('/custom/custom.css'));
  // 화면에 그려진 한글의 폭(DOM)과, 같은 글꼴로 캔버스에서 잰 폭이 같아야 한다. 글꼴을 받기 전에 네모(□)로 그려진
  // 채 남은 글자는 폭이 다르다 (메뉴의 '파일'이 그랬다).
  const canvas = document.createElement('canvas').getContext('2d');
  const hangul = '#jp-menu-panel .lm-MenuBar-itemLabel, .jp-DirListing-headerItemText';
  const widths = Array.from(document.querySelectorAll(hangul))
    .map(e => { const r = document.createRange(); r.selectNodeContents(e); canvas.font = getComputedStyle(e).font;
                return [e.textContent, r.getBoundingClientRect().width, canvas.measureText(e.textContent).width]; })
    .filter(([, shown]) => shown > 0);
  return {loaded: loaded.map(f => f.status), check: document.fonts.check('13px CourseNanumGothic', '파일'),
          menuFont: label ? getComputedStyle(label).fontFamily : '', css, widths};
}"""


@dataclass
class BrowserRun:
    notebook: str
    menu_labels: list[str]
    run_all_command: str | None
    prompts_before: list[str]
    prompts_after: list[str]
    images: list[dict]
    stderr_texts: list[str]
    saved: dict  # 브라우저가 저장한 노트북 (contents API)
    probe: dict  # 실행이 끝난 커널에서 잰 matplotlib 글꼴 정보
    screenshot: Path
    menu_screenshot: Path
    web_font: dict  # 브라우저가 받은 한글 웹 글꼴
    exercise: dict  # 학생의 길: 틀린 답과 맞는 답을 입력했을 때 채점 셀에 나온 글


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    """한 번 띄운 headless Chromium (모듈의 모든 브라우저 테스트가 함께 쓴다)."""
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium이 없습니다: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    tmp = tmp_path_factory.mktemp("chromium")
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file(tmp))}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):  # 지난 실행의 사진이 섞이지 않게
        old.unlink()
    pw = sync_playwright().start()
    # launch()는 매번 새 임시 프로필(--user-data-dir)을 쓴다.
    browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True, env=env, timeout=60_000)
    try:
        yield browser
    finally:
        browser.close()
        pw.stop()


def open_notebook(browser, server: Server, notebook: str):
    """노트북을 새 탭으로 열고 커널이 준비될 때까지 기다린다.

    브라우저 언어(locale)는 일부러 영어: 한국어 화면은 서버 설정(overrides.json)에서 와야 한다."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page.set_default_timeout(30_000)
    page.goto(f"{server.url}/lab/tree/notebooks/{notebook}?token={server.token}", timeout=60_000)
    try:
        page.wait_for_function(JS_KERNEL_READY, timeout=PAGE_READY_TIMEOUT, polling=250)
    except Exception as error:
        page.screenshot(path=str(SCREENSHOTS / f"failed_ready_{Path(notebook).stem}.png"))
        dialog = page.locator(".jp-Dialog").all_inner_texts()
        raise AssertionError(f"노트북/커널이 준비되지 않았습니다. 대화상자: {dialog}\n{server.log_tail()}") from error
    return page


def clear_and_run_all(page, server: Server, notebook: str, menu_shot: Path | None = None):
    """출력을 모두 지운 뒤 메뉴 '실행 → 모든 셀 실행'을 누르고, 끝나면 저장한다.

    돌려주는 값: (지우기 직후 셀 번호들, 실행 뒤 셀 번호들, 누른 메뉴의 명령 id)"""
    cells = json.loads((server.root / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    must_run = [bool("".join(c["source"]).strip()) for c in cells if c["cell_type"] == "code"]  # 빈 셀은 실행 안 됨
    # 저장된 출력이 남아 있으면 '실행됐다'를 구별할 수 없으므로 먼저 모든 출력을 지운다
    entry, _ = menu_click(page, "편집", "모든 셀의 출력 지우기")
    entry.click()
    page.wait_for_function(f"() => ({JS_PROMPTS})().every(p => p === '[ ]:')", timeout=30_000)
    prompts_before = page.evaluate(JS_PROMPTS)
    entry, command = menu_click(page, "실행", "모든 셀 실행")
    if menu_shot is not None:
        box = page.locator(".lm-Menu").last.bounding_box()
        height = int(box["y"] + box["height"] + 10) if box else 400
        page.screenshot(path=str(menu_shot), clip={"x": 0, "y": 0, "width": 760, "height": min(height, 1000)})
    entry.click()
    if not run_started(page, seconds=30):
        # 부하가 큰 기계(load 4 이상)에서 메뉴 클릭이 한 번 먹히지 않은 적이 있다: 화면을 남기고 한 번 더 누른다
        page.screenshot(path=str(SCREENSHOTS / f"run_all_not_started_{Path(notebook).stem}.png"))
        entry, _ = menu_click(page, "실행", "모든 셀 실행")
        entry.click()
    prompts_after = wait_for_run_all(page, must_run)
    save(page)
    return prompts_before, prompts_after, command


def run_started(page, seconds: float) -> bool:
    """'모든 셀 실행'을 누른 뒤 `seconds`초 안에 어느 셀이든 실행 대기([*]) 또는 실행 번호를 얻었는가."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(p != "[ ]:" for p in page.evaluate(JS_PROMPTS)):
            return True
        time.sleep(0.25)
    return False


def save(page) -> None:
    page.locator(f"{ACTIVE} .jp-Toolbar-item [data-command='docmanager:save']").click()  # 저장 (Ctrl+S)
    page.wait_for_function(
        "() => document.querySelectorAll('.lm-TabBar-tab.jp-mod-current.jp-mod-dirty').length === 0",
        timeout=30_000,
    )


def saved_notebook(server: Server, notebook: str) -> dict:
    params = {"token": server.token}
    return http().get(f"{server.url}/api/contents/notebooks/{notebook}", params=params, timeout=30).json()["content"]


def kernel_ids(server: Server, notebook: str) -> list[tuple[str, str]]:
    """(세션 id, 커널 id) 목록."""
    sessions = http().get(f"{server.url}/api/sessions", params={"token": server.token}, timeout=30).json()
    return [(x["id"], x["kernel"]["id"]) for x in sessions if x["path"] == f"notebooks/{notebook}"]


def shut_down(server: Server, notebook: str) -> None:
    """노트북의 커널을 끈다 (노트북을 여러 개 돌릴 때 메모리를 아끼려고)."""
    for session_id, _ in kernel_ids(server, notebook):
        http().delete(f"{server.url}/api/sessions/{session_id}", params={"token": server.token}, timeout=30)


def type_and_check(page, saved: dict, name: str, code: str) -> str:
    """연습문제 `name`의 답안 셀(태그 answer-name)에 code를 입력하고, 그 셀과 바로 아래 채점 셀을
    Shift+Enter로 차례로 실행한 뒤 채점 셀에 나온 글을 돌려준다. 학생이 키보드로 하는 그대로."""
    tags = [c["metadata"].get("tags", []) for c in saved["cells"]]
    index = next(i for i, t in enumerate(tags) if f"answer-{name}" in t)
    assert f"{name}.check()" in "".join(saved["cells"][index + 1]["source"]), "답안 셀 바로 아래가 채점 셀이 아님"
    cells = page.locator(f"{ACTIVE} .jp-Notebook .jp-Cell")
    answer, check = cells.nth(index), cells.nth(index + 1)
    answer.scroll_into_view_if_needed()
    before = check.locator(".jp-OutputArea-output").all_inner_texts()
    answer.locator(".cm-content").click()
    page.keyboard.press("Control+A")  # 셀 안의 글 전체 선택
    page.keyboard.insert_text(code)  # 자동 들여쓰기 없이 그대로 넣는다
    page.keyboard.press("Shift+Enter")  # 답안 셀 실행 → 채점 셀로
    page.keyboard.press("Shift+Enter")  # 채점 셀 실행
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        state = page.evaluate(JS_STATE)
        shown = check.locator(".jp-OutputArea-output").all_inner_texts()
        if state["status"] == "idle" and shown and shown != before:
            return "\n".join(shown)
        time.sleep(0.25)
    page.screenshot(path=str(SCREENSHOTS / f"failed_exercise_{name}.png"))
    raise AssertionError(f"{name}: 채점 셀의 출력이 60초 안에 바뀌지 않았습니다")


@pytest.fixture(scope="module")
def browser_run(server, chromium) -> BrowserRun:
    from helpers import exercises

    notebook = pick_notebook(server.root)
    shot = SCREENSHOTS / f"{Path(notebook).stem}.png"
    menu_shot = SCREENSHOTS / "menu_bar.png"
    page = open_notebook(chromium, server, notebook)
    try:
        menu_labels = [t.strip() for t in page.locator("#jp-menu-panel .lm-MenuBar-itemLabel").all_inner_texts()]
        web_font = page.evaluate(JS_WEB_FONT)
        prompts_before, prompts_after, run_all_command = clear_and_run_all(page, server, notebook, menu_shot)
        page.wait_for_function(f"() => ({JS_IMAGES})().every(i => i.complete)", timeout=30_000)
        images = page.evaluate(JS_IMAGES)
        stderr_texts = page.evaluate(JS_STDERR)
        charts = page.locator(f"{ACTIVE} .jp-OutputArea-output img")
        for _ in range(3 if charts.count() else 0):  # 첫 그래프가 화면 가운데 오게 해서 사진에 담는다
            charts.first.evaluate("img => img.scrollIntoView({block: 'center'})")  # 화면 밖 셀은 높이가 어림값이라
            page.wait_for_timeout(400)  # 한 번 스크롤한 뒤 자리가 조금 바뀐다: 몇 번 되풀이
        page.screenshot(path=str(shot), full_page=True)
        saved = saved_notebook(server, notebook)

        # 학생의 길: 첫 연습문제에 전형적인 실수를 입력 → 그 실수의 피드백, 해답을 입력 → 정답
        first = next(iter(exercises.load(notebook)))
        key, (message, wrong_code) = next(iter(first.mistakes.items()))
        wrong = type_and_check(page, saved, first.name, wrong_code)
        right = type_and_check(page, saved, first.name, first.solution_code)
        page.screenshot(path=str(SCREENSHOTS / "exercise_feedback.png"))
        exercise = {"name": first.name, "key": key, "message": message, "wrong": wrong, "right": right}
    finally:
        page.close()

    kernels = kernel_ids(server, notebook)
    assert kernels, f"노트북의 커널 세션이 없습니다: {notebook}"
    output = run_on_kernel(server, kernels[0][1], KERNEL_PROBE)
    marker = [line for line in output.splitlines() if line.startswith("@@PROBE@@")]
    assert marker, f"커널 검사 코드가 실패했습니다:\n{output}"
    probe = json.loads(marker[0].removeprefix("@@PROBE@@"))
    shut_down(server, notebook)
    return BrowserRun(
        notebook, menu_labels, run_all_command, prompts_before, prompts_after, images, stderr_texts, saved, probe,
        shot, menu_shot, web_font, exercise,
    )


def code_cells(nb: dict) -> list[dict]:
    return [cell for cell in nb["cells"] if cell["cell_type"] == "code"]


def output_texts(nb: dict) -> list[str]:
    texts = []
    for cell in code_cells(nb):
        for out in cell.get("outputs", []):
            texts.append("".join(out.get("text", "")))
            texts.append("\n".join(out.get("traceback", [])))
            texts.append("".join(out.get("data", {}).get("text/plain", "")))
    return texts


def test_menu_is_korean(browser_run):
    assert browser_run.menu_labels[: len(MENU_LABELS)] == MENU_LABELS, browser_run.menu_labels
    assert browser_run.run_all_command == "runmenu:run-all"  # '실행 → 모든 셀 실행'이 정말 그 명령
    assert browser_run.menu_screenshot.stat().st_size > 0


def test_run_all_executed_every_code_cell(browser_run):
    assert set(browser_run.prompts_before) == {"[ ]:"}, "출력을 지운 뒤 시작하지 않았습니다"
    cells = [cell for cell in code_cells(browser_run.saved) if "".join(cell["source"]).strip()]
    counts = [cell["execution_count"] for cell in cells]
    assert counts == list(range(1, len(cells) + 1)), f"{browser_run.notebook}: 실행 번호 {counts}"
    shown = [p for p, cell in zip(browser_run.prompts_after, code_cells(browser_run.saved), strict=True)
             if "".join(cell["source"]).strip()]
    assert shown == [f"[{n}]:" for n in counts]  # 화면과 저장된 파일이 같다


def test_no_errors_except_raises_exception_cells(browser_run):
    unexpected = []
    for index, cell in enumerate(browser_run.saved["cells"]):
        # JupyterLab은 'raises-exception' 태그가 붙은 셀의 오류에서만 멈추지 않고 다음 셀을 실행한다
        if cell["cell_type"] != "code" or "raises-exception" in cell["metadata"].get("tags", []):
            continue
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                unexpected.append(f"셀 {index}: {out['ename']}: {out['evalue']}\n{''.join(cell['source'])[:200]}")
    assert not unexpected, f"{browser_run.notebook}에서 예상하지 않은 오류:\n" + "\n\n".join(unexpected)


def test_charts_render(browser_run):
    outputs = [out for cell in code_cells(browser_run.saved) for out in cell.get("outputs", [])]
    pngs = sum("image/png" in out.get("data", {}) for out in outputs)
    assert pngs >= 1, f"{browser_run.notebook}에 그래프가 하나도 없습니다"
    assert len(browser_run.images) == pngs, f"저장된 그림 {pngs}개, 화면의 그림 {len(browser_run.images)}개"
    broken = [img for img in browser_run.images if img["width"] == 0 or img["height"] == 0]
    assert not broken, f"그려지지 않은 그림: {broken}"
    assert browser_run.screenshot.stat().st_size > 0


def test_hangul_in_charts_uses_korean_font(browser_run):
    in_page = [t for t in browser_run.stderr_texts if "missing from font" in t]
    assert not in_page, f"화면에 글꼴 누락 경고: {in_page}"
    in_file = [t for t in output_texts(browser_run.saved) if "missing from font" in t]
    assert not in_file, f"저장된 출력에 글꼴 누락 경고: {in_file}"
    probe = browser_run.probe
    assert probe["family"] and probe["family"][0] in KOREAN_FONTS, f"커널의 font.family: {probe}"
    assert probe["name"] == probe["family"][0], f"matplotlib이 한글 글꼴 파일을 찾지 못했습니다: {probe}"
    assert probe["missing"] == [], f"한글을 그리면 글꼴 누락 경고가 납니다: {probe['missing']}"


def test_korean_web_font_is_served_and_used(browser_run):
    """한글 글꼴이 없는 브라우저에서도 한국어 화면이 보인다: custom.css의 웹 글꼴이 실제로 내려와 쓰인다."""
    font = browser_run.web_font
    assert font["css"], "JupyterLab 페이지에 /custom/custom.css 링크가 없습니다 (LabApp.custom_css)"
    assert font["loaded"] and all(status == "loaded" for status in font["loaded"]), font
    assert font["check"] is True, font
    assert "CourseNanumGothic" in font["menuFont"], f"메뉴 글꼴에 웹 글꼴이 없습니다: {font['menuFont']}"
    assert len(font["widths"]) >= 9, font["widths"]  # 메뉴 8개 + 파일 브라우저 머리글
    tofu = [(text, shown, expected) for text, shown, expected in font["widths"] if abs(shown - expected) > 1]
    assert not tofu, f"한글 웹 글꼴로 그려지지 않은 글자 (화면 폭, 글꼴 폭): {tofu}"


def test_student_gets_specific_feedback_then_passes(browser_run):
    ex = browser_run.exercise
    assert "❌" in ex["wrong"] and ex["message"] in ex["wrong"], f"틀린 답({ex['key']})의 피드백: {ex['wrong']}"
    assert "✅" in ex["right"], f"해답을 입력했는데: {ex['right']}"


ALL_NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", ALL_NOTEBOOKS)
def test_every_notebook_runs_all_in_the_browser(server, chromium, browser_run, notebook):
    """학생이 하듯 메뉴 '실행 → 모든 셀 실행': 예상하지 않은 오류 없이 마지막 셀까지 실행된다."""
    if notebook == browser_run.notebook:
        saved = browser_run.saved
    else:
        page = open_notebook(chromium, server, notebook)
        try:
            clear_and_run_all(page, server, notebook)
            page.screenshot(path=str(SCREENSHOTS / f"{Path(notebook).stem}.png"), full_page=True)
        finally:
            page.close()
            saved = saved_notebook(server, notebook)
            shut_down(server, notebook)
    cells = [cell for cell in code_cells(saved) if "".join(cell["source"]).strip()]
    counts = [cell["execution_count"] for cell in cells]
    unexpected = [
        f"셀 {i}: {out['ename']}: {out['evalue']}"
        for i, cell in enumerate(saved["cells"])
        if cell["cell_type"] == "code" and "raises-exception" not in cell["metadata"].get("tags", [])
        for out in cell.get("outputs", [])
        if out["output_type"] == "error"
    ]
    assert not unexpected, f"{notebook}에서 예상하지 않은 오류: {unexpected}"
    assert counts == list(range(1, len(cells) + 1)), f"{notebook}: 실행 번호 {counts}"
