"""11_gpu_distributed: 본문이 말하는 것이 커밋된 노트북의 출력과 맞는지 확인한다."""

import re
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import output

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "11_gpu_distributed.ipynb"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def test_the_notebook_ran_without_a_gpu(nb):
    """'이 노트북은 GPU에서 실행된 적이 없습니다': 저장된 출력이 GPU 없는 컴퓨터의 것인지."""
    assert "GPU 개수: 0" in output(nb, 'list_physical_devices("GPU")')
    assert "GPU에서 실행된 적이 없습니다" in nb.cells[0].source


def test_placement_default_and_chosen_device(nb):
    text = output(nb, 'with tf.device("/CPU:1")')
    assert "b.device = /job:localhost/replica:0/task:0/device:CPU:0" in text
    assert "c.device = /job:localhost/replica:0/task:0/device:CPU:1" in text


def test_soft_placement_falls_back_to_the_cpu(nb):
    text = output(nb, 'with tf.device("/GPU:0")')
    assert "soft device placement: True" in text and "d.device = /job:localhost/replica:0/task:0/device:CPU:0" in text


def test_each_replica_gets_half_of_every_global_batch(nb):
    text = output(nb, "experimental_distribute_dataset")
    steps = re.findall(r"전역 배치 (\d+)행 = (\d+)행\(CPU:0\) \+ (\d+)행\(CPU:1\)", text)
    assert [tuple(map(int, s)) for s in steps] == [(64, 32, 32), (64, 32, 32), (14, 7, 7)]


def test_weights_made_in_scope_are_mirrored_and_stay_equal(nb):
    assert "가중치의 종류: MirroredVariable" in output(nb, "with strategy.scope():\n    mirrored_model")
    assert "가중치 6개 가운데 두 복제본이 똑같은 것: 6개" in output(nb, "w.value.values[0]")


def test_global_batch_matches_one_device_with_the_same_batch(nb):
    text = output(nb, "single32 = build_model()")
    assert "scope 밖에서 만든 가중치의 종류: ResourceVariable" in text
    pattern = r"batch_size=(\d+): 에포크당 스텝 (\d+), 마지막 손실 [\d.]+, .*차이 최대 ([\d.e+-]+)"
    rows = re.findall(pattern, text)
    (_, mirrored_steps, _), (_, steps64, gap64), (_, steps32, gap32) = rows
    assert float(gap64) < 1e-5 < 1e-2 < float(gap32)
    assert (int(mirrored_steps), int(steps64), int(steps32)) == (3, 3, 5)  # 본문의 '5스텝 → 3스텝'


def test_two_logical_cpus_are_slower_than_one_device(nb):
    text = output(nb, "time.perf_counter()")
    seconds = {name: float(value) for name, value in re.findall(r"^(.+): ([\d.]+)초$", text, re.M)}
    assert seconds["MirroredStrategy (복제본 2개)"] > seconds["장치 하나"]
