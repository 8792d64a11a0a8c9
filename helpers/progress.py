"""진행 막대(progress bar)를 노트북 파일에 저장할 수 있는 글자로 보여 주기.

`04_fit` 노트북에서 씁니다. `model.fit(..., verbose=1)`의 진행 막대는 제어 문자(`\\r`: 줄 맨 앞으로,
`\\b`: 한 칸 뒤로, `ESC[...m`: 색과 굵기)로 같은 줄을 계속 덮어써서 움직입니다. 화면에서는 한 줄이 움직이는
것으로 보이지만, 노트북 파일에는 그 문자가 그대로 저장되어 깨진 글자가 됩니다. `final_screen()`은 막대가
다 끝났을 때 화면에 남는 모습만 보여 줍니다.
"""

from __future__ import annotations

import contextlib
import io
import re

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def screen_text(raw: str) -> str:
    """제어 문자가 섞인 출력을, 터미널이 그것을 해석한 뒤 화면에 남는 글자로 바꾼다.

    `\\r`은 커서를 줄 맨 앞으로, `\\b`는 한 칸 뒤로 보내고, 그 뒤의 글자는 있던 글자를 덮어쓴다.
    """
    lines = []
    for line in _ANSI.sub("", raw).split("\n"):
        screen: list[str] = []
        cursor = 0
        for char in line:
            if char == "\r":
                cursor = 0
            elif char == "\b":
                cursor = max(cursor - 1, 0)
            else:
                if cursor < len(screen):
                    screen[cursor] = char
                else:
                    screen.append(char)
                cursor += 1
        lines.append("".join(screen).rstrip())
    return "\n".join(lines).strip("\n")


@contextlib.contextmanager
def final_screen():
    """`with` 블록 안의 출력(예: 진행 막대)을 모았다가, 화면에 마지막으로 남는 모습만 출력한다.

    예::

        with final_screen():
            model.fit(X, y, epochs=10, batch_size=10)   # verbose를 주지 않으면 진행 막대
    """
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            yield
    finally:
        text = screen_text(buffer.getvalue())
        if text:
            print(text)
