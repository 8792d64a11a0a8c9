"""강의용 JupyterLab을 연다 (Linux, macOS, Windows 공통).

    python tools/lab.py            # 설정을 적용하고 JupyterLab 실행 (브라우저가 열린다)
    python tools/lab.py --settings # 설정만 적용하고 끝낸다

- 한국어 화면: 이 환경(sys.prefix)의 `share/jupyter/lab/settings/overrides.json`에 ko_KR을 기본으로 적는다.
- 첫 실행 때 뉴스 수신 동의 팝업과 업데이트 확인을 끈다 (이 기계는 인터넷을 쓰지 않는다).
- 서버 설정은 `jupyter/jupyter_server_config.py`: 127.0.0.1에서만 듣고, 토큰 인증과 XSRF 보호를 켠다.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER_CONFIG = ROOT / "jupyter" / "jupyter_server_config.py"
OVERRIDES = {
    "@jupyterlab/translation-extension:plugin": {"locale": "ko_KR"},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def overrides_path(prefix: str = sys.prefix) -> Path:
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def write_settings(prefix: str = sys.prefix) -> Path:
    """기존 overrides.json의 다른 설정은 지우지 않고 우리 설정만 덮어쓴다."""
    path = overrides_path(prefix)
    path.parent.mkdir(parents=True, exist_ok=True)
    current = {}
    if path.exists():
        try:
            current = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            print(f"경고: {path}가 올바른 JSON이 아니어서 새로 씁니다.", file=sys.stderr)
    current.update(OVERRIDES)
    path.write_text(json.dumps(current, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def lab_command(extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "jupyterlab", f"--config={SERVER_CONFIG}", *extra]


def main(argv: list[str]) -> int:
    write_settings()
    if "--settings" in argv:
        print(f"JupyterLab 설정을 적용했습니다: {overrides_path()}")
        return 0
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        print(
            "JupyterLab이 이 파이썬 환경에 없습니다. 먼저 `pip install -r requirements.txt -e .`를 실행하세요.",
            file=sys.stderr,
        )
        return 1
    os.chdir(ROOT)
    try:
        return subprocess.call(lab_command(argv))
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
