"""`00_setup`의 글이 말하는 것이 커밋된 출력에 정말 보이는지 (셀은 id로 찾는다)."""

from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "00_setup.ipynb"


@pytest.fixture(scope="module")
def cells():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return {cell.id: cell for cell in nb.cells}


def shown(cell) -> str:
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
        else:
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_one_unit_softmax_warns_and_predicts_one(cells):
    """1절: 경고가 한 줄로 보이고, 예측값은 정말 1."""
    cell = cells["42a05539"]
    stderr = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stderr")
    assert stderr.startswith("UserWarning: You are using a softmax over axis -1")
    assert stderr.count("\n") == 1 and "site-packages" not in stderr
    assert "array([[1.]], dtype=float32)" in shown(cell)


@pytest.mark.parametrize(
    ("cell_id", "error"),
    [
        ("ba2bc46c", "ImportError: cannot import name 'np_utils' from 'keras.utils'"),
        ("64e411eb", "AttributeError: module 'tensorflow' has no attribute 'ConfigProto'"),
        ("48b69ed5", "AttributeError: module 'tensorflow' has no attribute 'set_random_seed'"),
    ],
)
def test_old_lines_raise_what_the_text_quotes(cells, cell_id, error):
    assert error in shown(cells[cell_id])


def test_same_seed_gives_same_numbers(cells):
    text = shown(cells["e9fb1765"])
    assert "NumPy 난수 같음: True" in text and "Keras 난수 같음: True" in text


def test_setup_without_helpers_sets_the_korean_font(cells):
    assert "font.family = ['sans-serif']" in shown(cells["bf4dd19f"])
    assert "font.family = ['NanumGothic']" in shown(cells["b69deca5"])


def test_compat_v1_session_runs_in_eager_mode(cells):
    text = shown(cells["44cb4516"])
    assert "만들어진 것: Session" in text and "즉시 실행(eager) 모드: True" in text


def test_seaborn_theme_resets_the_font_and_helpers_restores_it(cells):
    """더 알아보기: sns.set_theme()은 글꼴을 sans-serif로, 크기를 12로; helpers.set_theme()은 글꼴만 되돌린다."""
    lines = shown(cells["805ec351"]).splitlines()
    assert "['NanumGothic', 'DejaVu Sans'] | 글자 크기 11.0" in lines[0]
    assert "['sans-serif'] | 글자 크기 12.0" in lines[1]
    assert "['NanumGothic', 'DejaVu Sans'] | 글자 크기 12.0" in lines[2]
