"""matplotlib 한글 글꼴 설정 (강의 노트 [02]의 'matplotlib 한글 깨짐 처리').

`00_setup` 노트북에서 소개합니다. 시스템에 한글 글꼴이 있으면 그것을, 없으면 이 프로젝트가
함께 배포하는 NanumGothic(SIL OFL 1.1)을 씁니다. 인터넷 연결이 필요 없습니다.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib import font_manager

BUNDLED_FONT = Path(__file__).with_name("fonts") / "NanumGothic.ttf"

# 운영체제별로 흔히 설치된 한글 글꼴(앞쪽이 우선).
SYSTEM_KOREAN_FONTS = [
    "Malgun Gothic",  # Windows: 맑은 고딕
    "Apple SD Gothic Neo",  # macOS
    "AppleGothic",  # macOS (옛 버전)
    "NanumGothic",  # Linux: fonts-nanum
    "Noto Sans CJK KR",  # Linux: fonts-noto-cjk
    "Noto Sans KR",
]


@dataclass(frozen=True)
class FontChoice:
    name: str
    source: str  # "system" 또는 "bundled"

    def __str__(self) -> str:
        where = "시스템 글꼴" if self.source == "system" else "프로젝트 내장 글꼴"
        return f"{self.name} ({where})"


def find_korean_font(candidates: list[str] | None = None) -> FontChoice:
    """사용할 한글 글꼴을 고른다. 시스템에 없으면 내장 NanumGothic을 등록한다."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in candidates if candidates is not None else SYSTEM_KOREAN_FONTS:
        if name in installed:
            return FontChoice(name, "bundled" if _is_bundled(name) else "system")
    if not BUNDLED_FONT.exists():
        raise FileNotFoundError(
            f"내장 한글 글꼴 파일이 없습니다: helpers/fonts/{BUNDLED_FONT.name}. "
            "저장소를 다시 내려받거나(git checkout -- helpers/fonts) 시스템에 한글 글꼴을 설치하세요."
        )
    font_manager.fontManager.addfont(str(BUNDLED_FONT))
    name = font_manager.FontProperties(fname=str(BUNDLED_FONT)).get_name()
    return FontChoice(name, "bundled")


def _is_bundled(name: str) -> bool:
    return any(
        f.name == name and Path(f.fname) == BUNDLED_FONT for f in font_manager.fontManager.ttflist
    )


def set_korean_font(choice: FontChoice | None = None) -> FontChoice:
    """한글 글꼴을 matplotlib 기본 글꼴로 지정한다.

    `seaborn.set_theme()`은 글꼴을 기본값으로 되돌리므로, 그 뒤에 이 함수를 다시 부르세요
    (또는 `helpers.set_theme()`을 쓰세요).
    """
    choice = choice or find_korean_font()
    matplotlib.rcParams["font.family"] = [choice.name, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False  # 한글 글꼴에 없는 유니코드 마이너스 대신 '-'
    return choice


def set_theme(**kwargs) -> FontChoice:
    """`seaborn.set_theme(**kwargs)` 뒤에 한글 글꼴을 다시 적용한다."""
    import seaborn as sns

    sns.set_theme(**kwargs)
    return set_korean_font()
