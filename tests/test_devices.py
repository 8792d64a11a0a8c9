"""helpers/devices.py: 새 프로세스에서 장치 지정 기록 켜기 (11_gpu_distributed 더 알아보기가 설명하는 줄)."""

import pytest

from helpers import devices


def test_placement_log_shows_the_lines_notebook_11_describes():
    lines = devices.placement_log()
    # 11의 더 알아보기가 설명하는 줄들 (GPU가 없는 기계): a, b는 MatMul 연산의 입력 매개변수 이름
    for expected in (
        "a: (_Arg): /job:localhost/replica:0/task:0/device:CPU:0",
        "b: (_Arg): /job:localhost/replica:0/task:0/device:CPU:0",
        "MatMul: (MatMul): /job:localhost/replica:0/task:0/device:CPU:0",
        "product_RetVal: (_Retval): /job:localhost/replica:0/task:0/device:CPU:0",
    ):
        assert expected in lines, lines


def test_run_fresh_explains_a_failing_child():
    with pytest.raises(RuntimeError, match="새 프로세스가 실패했습니다"):
        devices.run_fresh("raise SystemExit(3)")
