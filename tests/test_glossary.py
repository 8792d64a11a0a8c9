"""용어 통일: docs/glossary.md의 '쓰지 않는 말'이 노트북, 도우미, README에 없는지 확인한다."""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"


def banned_words() -> dict[str, str]:
    """용어집 표의 '쓰지 않는 말' 열 → {쓰지 않는 말: 쓰는 말}."""
    banned = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("쓰는 말", "---"):
            continue
        for variant in re.sub(r"\([^)]*\)", "", cells[3]).split(","):
            if variant.strip():
                banned[variant.strip()] = cells[0]
    return banned


BANNED = banned_words()
# 파이썬 객체의 속성(attribute)은 괄호와 함께 쓸 때만 허용
ALLOWED = [re.compile(r"노트의 '[^']*'"), re.compile(r"속성\s*\(attribute\)")]


def violations(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        if line.lstrip().startswith(">"):  # 노트를 그대로 인용한 줄
            continue
        for allowed in ALLOWED:
            line = allowed.sub("", line)
        for word, preferred in BANNED.items():
            if word in line:
                found.append(f"'{word}' 대신 '{preferred}': {line.strip()[:100]}")
    return found


def test_glossary_bans_the_known_variants():
    for word in ("이항", "다항", "문턱값", "그래디언트", "기울기", "과적합", "테스트 데이터"):
        assert word in BANNED, word
    assert violations("이진 분류(노트의 '이항 분류')") == []
    assert violations("> 노트 인용: 이항 분류") == []
    assert violations("문턱값을 0.5로") != []
    assert violations("`layers` 속성(attribute)") == []
    assert violations("17개의 속성") != []


def _texts():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for index, cell in enumerate(nb.cells):
            yield f"{path.name} 셀 {index}", cell.source
    for path in sorted((ROOT / "helpers").rglob("*.py")):
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
    docs = [ROOT / "README.md", *sorted((ROOT / "datasets").glob("*.md")), *sorted((ROOT / "images").glob("*.md"))]
    for path in docs:
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


@pytest.mark.parametrize("where,text", list(_texts()), ids=lambda v: v if isinstance(v, str) and len(v) < 60 else "")
def test_one_word_per_concept(where, text):
    assert violations(text) == [], where
