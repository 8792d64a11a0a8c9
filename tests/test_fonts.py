"""한글 글꼴: 한글이 네모(□)로 깨지지 않는지, 시스템 한글 글꼴이 없을 때도."""

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from helpers import fonts  # noqa: E402

HANGUL = "학습 손실과 정확도 (에포크)"
KOREAN_NAMES = set(fonts.SYSTEM_KOREAN_FONTS)


def draw_hangul():
    """한글 제목을 그리고, 그 사이에 나온 경고 메시지 목록을 돌려준다."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title(HANGUL)
        ax.plot([-1, 0, 1])
        fig.canvas.draw()
        plt.close(fig)
    return [str(w.message) for w in caught]


@pytest.fixture
def no_system_korean_font(monkeypatch):
    """시스템에 한글 글꼴이 하나도 없는 기계를 흉내 낸다."""
    kept = [f for f in font_manager.fontManager.ttflist if f.name not in KOREAN_NAMES]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", kept)
    font_manager.fontManager._findfont_cached.cache_clear()
    monkeypatch.setitem(matplotlib.rcParams, "font.family", ["sans-serif"])
    yield
    font_manager.fontManager._findfont_cached.cache_clear()


def test_without_korean_font_hangul_is_missing(no_system_korean_font):
    """대조군: 한글 글꼴 없이 그리면 정말로 'Glyph ... missing' 경고가 난다 (검사가 실패할 수 있음을 보임)."""
    matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
    messages = draw_hangul()
    assert any("missing from font" in m for m in messages), messages


def test_bundled_font_renders_hangul_when_system_has_none(no_system_korean_font):
    choice = fonts.find_korean_font()
    assert choice.source == "bundled"
    assert choice.name == "NanumGothic"
    fonts.set_korean_font(choice)
    messages = draw_hangul()
    assert not [m for m in messages if "missing from font" in m], messages
    used = font_manager.findfont(font_manager.FontProperties(family=matplotlib.rcParams["font.family"]))
    assert used.endswith("NanumGothic.ttf")


def test_set_korean_font_sets_minus_and_renders():
    choice = fonts.set_korean_font()
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert matplotlib.rcParams["font.family"][0] == choice.name
    assert not [m for m in draw_hangul() if "missing from font" in m]


def test_set_theme_reapplies_font_after_seaborn_reset():
    import seaborn as sns

    fonts.set_korean_font()
    sns.set_theme()  # seaborn은 글꼴을 기본값으로 되돌린다
    assert "NanumGothic" not in matplotlib.rcParams["font.family"]
    choice = fonts.set_theme(style="whitegrid")
    assert matplotlib.rcParams["font.family"][0] == choice.name
    assert not [m for m in draw_hangul() if "missing from font" in m]
    matplotlib.rcdefaults()


def test_missing_bundled_font_gives_clear_message(no_system_korean_font, monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "BUNDLED_FONT", tmp_path / "NanumGothic.ttf")
    with pytest.raises(FileNotFoundError, match="내장 한글 글꼴 파일이 없습니다"):
        fonts.find_korean_font(candidates=[])
