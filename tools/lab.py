"""강의용 JupyterLab을 연다 (Linux, macOS, Windows 공통).

    python tools/lab.py            # 설정을 적용하고 JupyterLab 실행 (브라우저가 열린다)
    python tools/lab.py --settings # 설정만 적용하고 끝낸다

- 한국어 화면: 이 환경(sys.prefix)의 `share/jupyter/lab/settings/overrides.json`에 ko_KR을 기본으로 적는다.
- 첫 실행 때 뉴스 수신 동의 팝업과 업데이트 확인을 끈다 (이 기계는 인터넷을 쓰지 않는다).
- 서버 설정은 `jupyter/jupyter_server_config.py`: 127.0.0.1에서만 듣고, 토큰 인증과 XSRF 보호를 켠다.
- 한글 웹 글꼴: `helpers/fonts/NanumGothic.ttf`에서 브라우저가 읽지 못하는 표(TSI*, 글꼴 편집기의 힌팅 원본)를 뺀 사본을
  `build/webfont/CourseNanumGothic.ttf`로 만든다. `jupyter/custom/custom.css`가 이 파일을 쓴다.
  (원본을 그대로 보내면 Chromium이 "OTS parsing error: TSI3: zero-length table"로 거부한다.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER_CONFIG = ROOT / "jupyter" / "jupyter_server_config.py"
FONT_SOURCE = ROOT / "helpers" / "fonts" / "NanumGothic.ttf"
WEB_FONT = ROOT / "build" / "webfont" / "CourseNanumGothic.ttf"
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


def write_web_font(source: Path = FONT_SOURCE, target: Path = WEB_FONT) -> Path:
    """브라우저용 한글 글꼴을 만든다 (이미 있고 원본보다 새것이면 그대로 둔다)."""
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    from fontTools.ttLib import TTFont  # matplotlib과 함께 설치된다

    font = TTFont(source)
    for tag in [tag for tag in font.keys() if tag.startswith("TSI")]:  # VTT 힌팅 원본: 화면 표시와 무관
        del font[tag]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    font.save(partial)
    partial.replace(target)
    return target


def lab_command(extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "jupyterlab", f"--config={SERVER_CONFIG}", *extra]


def main(argv: list[str]) -> int:
    write_settings()
    write_web_font()
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
