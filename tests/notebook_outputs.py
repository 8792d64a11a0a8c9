"""커밋된 노트북의 출력을 읽는 도우미 (tests/test_claims_NN.py가 함께 쓴다)."""

import re


def cell_text(cell) -> str:
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif "data" in output:
            parts.append(output.data.get("text/plain", ""))
    return "\n".join(parts)


def score_table(cell) -> dict[str, float]:
    """compare_with_baselines가 보여 준 표: {모델 이름: 점수}."""
    rows = {}
    for line in cell_text(cell).splitlines():
        found = re.match(r"^(.+?)\s+(-?\d+\.\d+)\s*$", line)
        if found:
            rows[found[1].strip()] = float(found[2])
    return rows


def output_of(nb, marker: str) -> str:
    """소스에 marker가 든 코드 셀 하나의 출력 글자 전체."""
    cells = [c for c in nb.cells if c.cell_type == "code" and marker in c.source]
    assert len(cells) == 1, f"'{marker}'가 든 코드 셀이 {len(cells)}개"
    parts = []
    for out in cells[0].outputs:
        parts.append(out.get("text", "") if out.output_type == "stream" else out.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def find_numbers(pattern: str, text: str) -> list[float]:
    found = re.search(pattern, text)
    assert found, f"출력에서 {pattern!r}를 찾지 못함:\n{text}"
    return [float(g) for g in found.groups()]


def output(nb, marker: str) -> str:
    """소스에 marker가 든 첫 코드 셀의 출력 글자 (print와 표시된 값)."""
    for cell in nb.cells:
        if cell.cell_type == "code" and marker in cell.source:
            return cell_text(cell)
    raise AssertionError(f"'{marker}'가 든 코드 셀이 없다")
