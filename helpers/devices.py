"""장치(device) 설정을 새 파이썬 프로세스에서 시험하기.

`11_gpu_distributed` 노트북에서 소개합니다. 장치 지정 기록(`tf.debugging.set_log_device_placement`)이나
GPU 메모리 설정처럼 TensorFlow가 장치를 초기화하기 **전에** 켜야 하는 설정은, 이미 연산을 실행한 노트북
커널에서는 시험할 수 없습니다. 이 모듈은 짧은 코드를 새 파이썬 프로세스에서 실행해 결과만 돌려줍니다.
새 프로세스는 TensorFlow를 처음부터 불러오므로 `import tensorflow`만큼(몇 초) 걸립니다.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

# 장치 지정 기록 한 줄의 모양 `이름: (연산 종류): 장치`
# 예: `MatMul: (MatMul): /job:localhost/replica:0/task:0/device:CPU:0`
PLACEMENT_LINE = re.compile(r"^\S+: \(\S+\): /job:")

EXAMPLE = """\
a = tf.constant([[1.0, 2.0], [3.0, 4.0]])
b = tf.matmul(a, a)
"""


def run_fresh(code: str, env: dict[str, str] | None = None, timeout: float = 120) -> str:
    """code를 새 파이썬 프로세스에서 실행하고 그 표준 출력을 돌려준다.

    - code: 실행할 파이썬 코드. 앞에 `import tensorflow as tf`가 붙으므로 `tf`를 바로 쓸 수 있다
    - env: 더할 환경 변수. TensorFlow를 불러오기 전에 정해진다 (예: `{"TF_FORCE_GPU_ALLOW_GROWTH": "true"}`)
    TensorFlow의 시작 로그(표준 오류)는 버린다. 새 프로세스가 실패하면 표준 오류의 마지막 세 줄을 담아
    RuntimeError를 낸다.
    """
    script = "import tensorflow as tf\n" + textwrap.dedent(code)
    child_env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout, env=child_env
    )
    if result.returncode != 0:
        from .quiet import shorten_paths

        tail = "\n".join(result.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"새 프로세스가 실패했습니다 (종료 코드 {result.returncode}):\n{shorten_paths(tail)}")
    return result.stdout


def placement_log(code: str = EXAMPLE) -> list[str]:
    """장치 지정 기록을 **첫 연산 전에** 켠 새 프로세스에서 code를 실행하고, 기록 줄만 돌려준다.

    노트의 `tf.Session(config=tf.ConfigProto(log_device_placement=True))`를 오늘 해 보는 방법입니다.
    한 줄은 `이름: (연산 종류): 장치` 모양입니다. 기본 code는 행렬 곱 하나(`tf.matmul`)이고, 그 연산의 줄
    (`MatMul: (MatMul): ...`)과 함께 입력 자리(`_Arg`; 이름 `a`, `b`는 MatMul 연산의 입력 매개변수 이름)와
    출력 자리(`_Retval`)의 줄이 나옵니다.
    """
    out = run_fresh("tf.debugging.set_log_device_placement(True)\n" + textwrap.dedent(code))
    return [line for line in out.splitlines() if PLACEMENT_LINE.match(line)]
