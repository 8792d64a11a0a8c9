"""노트북이 파일(저장한 모델, 체크포인트)을 쓰는 작업 폴더.

`07_save_load` 노트북에서 소개합니다. 저장소 최상위의 `build/` 아래에 만듭니다.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def workdir(name: str, clean: bool = True) -> Path:
    """`build/<name>` 폴더를 만들어 (저장소 기준) 상대 경로로 돌려준다.

    clean=True면 이전 실행의 파일을 지우고 빈 폴더로 시작한다 (노트북을 다시 실행해도 결과가 같도록).
    """
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"작업 폴더 이름은 '07_save_load'처럼 경로 구분자 없는 이름이어야 합니다 (받은 값: {name!r}).")
    path = ROOT / "build" / name
    if clean and path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        import os

        return Path(os.path.relpath(path, Path.cwd()))
