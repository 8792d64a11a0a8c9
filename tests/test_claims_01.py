"""`01_sequential_dense`의 글이 말하는 것이 커밋된 출력에 정말 보이는지 (셀은 id로 찾는다)."""

from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "01_sequential_dense.ipynb"


@pytest.fixture(scope="module")
def cells():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return {cell.id: cell for cell in nb.cells}


def shown(cell) -> str:
    return "\n".join(
        output.text if output.output_type == "stream" else output.get("data", {}).get("text/plain", "")
        for output in cell.outputs
    )


def test_input_warning_for_input_dim(cells):
    assert "Do not pass an `input_shape`/`input_dim` argument to a layer" in shown(cells["77c761bc"])


def test_sequential_layers_leave_out_the_input_layer(cells):
    """2절: Sequential의 layers에는 InputLayer가 없고, 입력의 배치 자리는 None."""
    text = shown(cells["6c61b8ac"])
    assert "층 목록: ['hidden1']" in text
    assert "모델 입력의 모양: (None, 17)" in text
    assert "[(17, 100), (100,)]" in text


def test_summary_matches_the_count_by_hand_without_an_input_row(cells):
    assert "합계: 5881" in shown(cells["61796015"])
    text = shown(cells["1105e241"])
    assert "Total params: 5,881" in text and "InputLayer" not in text
    assert "(None, 100)" in text
    assert "손으로 센 값과 Keras가 센 값이 모두 같습니다: 5881" in text


def test_functional_model_lists_a_weightless_input_layer(cells):
    """더 알아보기: 같은 모델을 함수형 API로 만들면 layers 맨 앞에 InputLayer(파라미터 0개)."""
    text = shown(cells["c67ce800"])
    assert "Sequential 모델의 층: ['Dense', 'Dense', 'Dense']" in text
    assert "['InputLayer', 'Dense', 'Dense', 'Dense']" in text
    assert "InputLayer의 파라미터 수: 0" in text
    assert "파라미터 수: 5881 5881" in text


def test_initial_weights_are_glorot_and_biases_zero(cells):
    text = shown(cells["cde801d0"])
    assert "가중치 초기화: GlorotUniform" in text and "편향 초기화: Zeros" in text
    assert "모든 가중치가 [-limit, limit] 안에: True" in text and "모든 편향이 0: True" in text


@pytest.mark.parametrize("cell_id", ["f350a5ea", "d18a048f"])
def test_numpy_matches_keras(cells, cell_id):
    assert "같음(np.allclose): True" in shown(cells[cell_id])


def test_relu_zeroes_negative_sums(cells):
    """5절: 가중합이 음수인 노드는 0, 양수인 노드는 그대로."""
    for line in shown(cells["f350a5ea"]).splitlines():
        if "가중합 z =" in line:
            z = float(line.split("가중합 z =")[1].split("→")[0])
            out = float(line.split("relu(z) =")[1])
            assert out == pytest.approx(max(0.0, z), abs=1e-4)


def test_add_and_list_build_the_same_model(cells):
    text = shown(cells["81b1625f"])
    assert "파라미터 수: 5881 5881" in text and "가중치가 모두 같음: True" in text


def test_model_without_input_builds_on_first_data(cells):
    text = shown(cells["75a5ab0d"])
    assert "데이터를 받기 전: built = False | 가중치 0 개" in text
    assert "데이터를 받은 뒤: built = True" in text and "파라미터 수: 1800" in text
    assert "기록된 입력 모양: (3, 17)" in text and "샘플 5개를 넣은 출력 모양: (5, 100)" in text


def test_seed_controls_initial_weights(cells):
    text = shown(cells["d03d10fc"])
    assert "시드 1과 2의 가중치가 같음: False" in text and "시드 1을 두 번 쓰면 같음: True" in text
