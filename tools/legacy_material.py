"""책과 튜토리얼의 Keras 장을 오늘의 TensorFlow 2.21 / Keras 3에서 셀 단위로 실행해, 실패하거나 경고하는 줄을 모은다.

    python tools/legacy_material.py --mirrors /work/.mirror            # 모든 저장소 (오래 걸림: 30분 넘게)
    python tools/legacy_material.py --mirrors DIR --only hg-mldl       # 저장소 하나
    python tools/legacy_material.py --report-only                      # docs/legacy_material.json에서 표만 다시

각 저장소는 TF 2.x 시절의 커밋(아래 REPOS)을 씁니다. `--mirrors` 폴더에는 `owner+name/repo`(bare git) 꼴의
저장소 사본이 있어야 합니다 (이 강의의 개발 환경에서는 검색 도구의 fetch로 받았습니다; 직접 하려면
`git clone --bare https://github.com/owner/name DIR/owner+name/repo`).

실행 방법:
- 노트북의 코드 셀을 차례로 한 커널에서 실행합니다 (셀 하나에 최대 120초, 오류가 나도 다음 셀로).
- 인터넷이 없으므로 `keras.datasets`의 `load_data()`는 같은 모양의 무작위 배열을 돌려주도록 바꿉니다
  (시퀀스 데이터는 샘플 수는 같고 길이는 짧게). `get_file`과 URL 읽기는 '내려받기 필요'로 기록하고 건너뜁니다.
- 시간을 줄이려고 `fit`은 앞의 256개 샘플로 1 에포크만 학습합니다 (API의 오류와 경고는 그대로 납니다).
- `!pip`, `%matplotlib` 같은 셸·매직 줄은 지웁니다.

셀마다 결과를 '통과', '경고'(파이썬 경고), '실패'(오류), '내려받기/데이터 없음', '앞 셀의 실패 때문'(NameError 등)으로
나누고, 실패와 경고는 줄과 메시지 첫 줄을 적습니다. 같은 원인(서명: 속성 이름, 인수 이름, 모듈 이름 등)끼리 묶고,
`notebooks/12_legacy_to_keras3.ipynb`의 코드나 글에 그 서명이 나오면 '12가 다룸'으로 표시합니다.
결과: docs/legacy_material.json(원자료), docs/legacy_material.md(저장소마다 표).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOTEBOOK_12 = ROOT / "notebooks" / "12_legacy_to_keras3.ipynb"

# 이름, 저장소, 커밋(TF 2.x 시절), 실행할 노트북 (Keras 장)
REPOS = [
    {
        "name": "hg-mldl",
        "title": "혼자 공부하는 머신러닝+딥러닝 (1판, rickiepark/hg-mldl)",
        "repo": "rickiepark+hg-mldl",
        "commit": "b299f8b",  # 2023-11 '텐서플로 2.14.0에서 실행': Keras 3로 옮기기(e1c3fd3) 바로 전
        "paths": ["7-1.ipynb", "7-2.ipynb", "7-3.ipynb", "8-2.ipynb", "8-3.ipynb", "9-2.ipynb", "9-3.ipynb"],
    },
    {
        "name": "080228",
        "title": "모두의 딥러닝 2판 (gilbutITbook/080228)",
        "repo": "gilbutITbook+080228",
        "commit": "452ef40",  # 2021-05 release
        "paths": [f"deeplearning/run_project/{p}" for p in (
            "01_My_First_Deeplearning.ipynb", "02_Pima_Indian.ipynb", "03_Iris_Multi_Classfication.ipynb",
            "04_Sonar.ipynb", "05_Sonar_Train_Test.ipynb", "06-Sonar-Save-Model.ipynb", "07_Sonar-K-fold.ipynb",
            "08_Wine.ipynb", "09_Wine_Checkpoint.ipynb", "10_Wine_Overfit_Graph.ipynb", "11_Wine_Early_Stop.ipynb",
            "12_Wine_Check_and_Stop.ipynb", "13_Boston.ipynb", "15_MNIST_Simple.ipynb", "16_MNIST_Deep.ipynb",
            "17_NLP.ipynb", "18_RNN1_Reuters.ipynb", "19_RNN2_imdb_lstm.ipynb",
        )],
    },
    {
        "name": "080324",
        "title": "모두의 딥러닝 개정 3판 (gilbutITbook/080324)",
        "repo": "gilbutITbook+080324",
        "commit": "b4dce49",  # 2022-11
        "paths": [f"ch{n:02d}.ipynb" for n in (10, 11, 12, 13, 14, 15, 16, 17, 18)],
    },
    {
        "name": "dlwp1",
        "title": "케라스 창시자에게 배우는 딥러닝 1판 (fchollet/deep-learning-with-python-notebooks, first_edition)",
        "repo": "fchollet+deep-learning-with-python-notebooks",
        "commit": "dea84a4",  # first_edition/은 1판 코드를 그대로 둔다
        "paths": [f"first_edition/{p}" for p in (
            "2.1-a-first-look-at-a-neural-network.ipynb", "3.5-classifying-movie-reviews.ipynb",
            "3.6-classifying-newswires.ipynb", "3.7-predicting-house-prices.ipynb",
            "4.4-overfitting-and-underfitting.ipynb", "5.1-introduction-to-convnets.ipynb",
            "6.1-one-hot-encoding-of-words-or-characters.ipynb", "6.1-using-word-embeddings.ipynb",
            "6.2-understanding-recurrent-neural-networks.ipynb",
        )],
    },
    {
        "name": "handson-ml2",
        "title": "핸즈온 머신러닝 2판 (ageron/handson-ml2)",
        "repo": "ageron+handson-ml2",
        "commit": "568031a^",  # 2021-08 'Replace lr with learning_rate' 바로 전
        "paths": ["10_neural_nets_with_keras.ipynb", "11_training_deep_neural_networks.ipynb"],
    },
    {
        "name": "tf-docs",
        "title": "TensorFlow Keras 튜토리얼 (tensorflow/docs, 2021-06)",
        "repo": "tensorflow+docs",
        "commit": "c1a4f96b6",
        "paths": [f"site/en/tutorials/keras/{p}" for p in (
            "classification.ipynb", "regression.ipynb", "overfit_and_underfit.ipynb", "save_and_load.ipynb",
            "text_classification.ipynb",
        )],
    },
]

PRELUDE = r'''
import os, sys, warnings, random
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import numpy as np
import tensorflow as tf
import keras

_rng = np.random.default_rng(0)

class DownloadNeeded(RuntimeError):
    """이 실행에서는 인터넷에서 내려받을 수 없다."""

def _images(n, shape, classes=10):
    return _rng.integers(0, 256, size=(n, *shape), dtype=np.uint8), _rng.integers(0, classes, size=n).astype(np.uint8)

def _seqs(n, num_words, classes=2, length=60):
    num_words = num_words or 10000
    xs = np.empty(n, dtype=object)
    for i in range(n):
        xs[i] = list(_rng.integers(1, num_words, size=length))
    return xs, _rng.integers(0, classes, size=n).astype(np.int64)

def _fake_mnist(*a, **k):
    return _images(60000, (28, 28)), _images(10000, (28, 28))

def _fake_cifar10(*a, **k):
    (x, y), (xt, yt) = _images(50000, (32, 32, 3)), _images(10000, (32, 32, 3))
    return (x, y.reshape(-1, 1)), (xt, yt.reshape(-1, 1))

def _fake_imdb(path="imdb.npz", num_words=None, **k):
    return _seqs(25000, num_words), _seqs(25000, num_words)

def _fake_reuters(path="reuters.npz", num_words=None, test_split=0.2, **k):
    return _seqs(8982, num_words, 46), _seqs(2246, num_words, 46)

def _fake_boston(*a, **k):
    train = (_rng.normal(size=(404, 13)), _rng.normal(22, 9, size=404))
    return train, (_rng.normal(size=(102, 13)), _rng.normal(22, 9, size=102))

def _word_index(*a, **k):
    return {f"w{i}": i for i in range(1, 10001)}

def _no_download(*a, **k):
    raise DownloadNeeded("내려받기 필요: " + str(a[:2]))

for mod, fn in [("mnist", _fake_mnist), ("fashion_mnist", _fake_mnist), ("cifar10", _fake_cifar10),
                ("imdb", _fake_imdb), ("reuters", _fake_reuters), ("boston_housing", _fake_boston)]:
    m = getattr(keras.datasets, mod)
    m.load_data = fn
for mod in ("imdb", "reuters"):
    getattr(keras.datasets, mod).get_word_index = _word_index
keras.utils.get_file = _no_download
import urllib.request
urllib.request.urlopen = _no_download
urllib.request.urlretrieve = _no_download

import pandas as _pd
_read_csv = _pd.read_csv
def _read_csv_offline(path, *a, **k):
    if isinstance(path, str) and path.startswith(("http://", "https://")):
        raise DownloadNeeded("내려받기 필요: " + path)
    return _read_csv(path, *a, **k)
_pd.read_csv = _read_csv_offline

_fit = keras.Model.fit
def _short_fit(self, x=None, y=None, *args, **kwargs):
    def cut(v):
        if isinstance(v, (np.ndarray, list)) or hasattr(v, "iloc"):
            try:
                return v[:256]
            except Exception:
                return v
        return v
    x, y = cut(x), cut(y)
    if "epochs" in kwargs:
        kwargs["epochs"] = min(int(kwargs["epochs"]), 1 + int(kwargs.get("initial_epoch", 0) or 0))
    if "steps_per_epoch" in kwargs and kwargs["steps_per_epoch"]:
        kwargs["steps_per_epoch"] = min(kwargs["steps_per_epoch"], 3)
    if "validation_steps" in kwargs and kwargs["validation_steps"]:
        kwargs["validation_steps"] = min(kwargs["validation_steps"], 2)
    return _fit(self, x, y, *args, **kwargs)
keras.Model.fit = _short_fit

import matplotlib
matplotlib.use("Agg")
warnings.simplefilter("always")
_shown = []
def _show(message, category, filename, lineno, file=None, line=None):
    print(f"@@WARN@@{category.__name__}@@{str(message).splitlines()[0][:300]}@@{filename}:{lineno}", flush=True)
warnings.showwarning = _show
'''

DOWNLOAD = re.compile(r"DownloadNeeded|내려받기 필요|URLError|ConnectionError|Name or service not known|"
                      r"Temporary failure in name resolution|No such file or directory|FileNotFoundError|"
                      r"does not exist|HTTPError|Could not find directory")
CASCADE = {"NameError"}
# 앞 셀이 실패해서 생기는 오류 (모델을 compile하지 못함 등)
# (그리고 이 실행이 fit을 1 에포크로 줄여서 생기는 그래프 길이 불일치, 앞 셀이 못 만든 체크포인트·딕셔너리 키)
CASCADE_MESSAGES = re.compile(r"You must call `compile\(\)` before|has not been built|must be built|"
                              r"x and y must have same first dimension|^'Tiny'$|"
                              r"stat: path should be string, bytes, os.PathLike or integer, not NoneType")
# 이 강의의 환경에 없는 선택 패키지 (API 변화가 아님)
OPTIONAL = re.compile(r"You must install pydot|No module named '(pydot|graphviz|keras_tuner|tensorflow_hub|"
                      r"tensorflow_docs|tensorflow_datasets|attention)'")

SIGNATURES = [
    (r"Expected `metrics` argument to be a list", "metrics='accuracy'"),
    (r"never been called and thus has no defined input", "model.input"),
    (r"The filename must end in `\.weights\.h5`", ".weights.h5"),
    (r"__array__ implementation doesn't accept a copy keyword", "__array__ copy"),
    (r"has no attribute '(\w+)'", "{0}"),
    (r"unexpected keyword argument '(\w+)'", "{0}="),
    (r"Argument\(s\) not recognized: \{'(\w+)'", "{0}="),
    (r"Unrecognized keyword arguments[^']*'(\w+)'", "{0}="),
    (r"keyword argument[s]? .*?'(\w+)'", "{0}="),
    (r"No module named '([\w.]+)'", "{0}"),
    (r"cannot import name '(\w+)'", "{0}"),
    (r"The filepath provided must end in `\.keras`", ".hdf5"),
    (r"Invalid filepath extension for saving", "model.save("),
    (r"Could not interpret (?:metric|loss|optimizer) identifier: (\w+)", "{0}"),
    (r"Do not pass an `input_shape`/`input_dim`", "input_shape/input_dim"),
    (r"`input_length` is deprecated|Argument `input_length` is deprecated", "input_length"),
    (r"The `decay` argument|decay is deprecated", "decay="),
    (r"`lr` is deprecated", "lr="),
    (r"KeyError: '(\w+)'", "{0}"),
    (r"^'(\w+)'$", "{0}"),
]

STATUS_KO = {"ok": "통과", "warn": "경고", "error": "실패", "download": "내려받기/데이터 없음",
             "cascade": "앞 셀 실패 때문", "optional": "선택 패키지 없음", "skipped": "실행 안 함"}
# 서명이 12에서 다뤄졌는지 찾을 때, 서명 대신 찾을 말들
COVER_TOKENS = {
    "metrics='accuracy'": ["metrics='accuracy'", 'metrics="accuracy"'],
    "model.input": [".input"],
    "__array__ copy": ["__array__", "copy keyword"],
    "input_shape/input_dim": ["input_shape", "input_dim"],
}


def signature(message: str) -> str:
    for pattern, template in SIGNATURES:
        found = re.search(pattern, message)
        if found:
            return template.format(*found.groups())
    return message.split(":")[0][:60]


def extract(mirror: Path, repo: dict, dest: Path) -> None:
    """커밋의 파일 트리를 dest에 푼다 (노트북이 상대 경로로 읽는 데이터 파일까지).

    저장소 사본에 큰 파일이 빠져 있으면(git archive 실패) 있는 파일만 하나씩 꺼낸다."""
    git_dir = mirror / repo["repo"] / "repo"
    archive = subprocess.run(["git", "-C", str(git_dir), "archive", repo["commit"]], capture_output=True)
    if archive.returncode == 0:
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(dest, filter="data")
        return
    listing = subprocess.run(["git", "-C", str(git_dir), "ls-tree", "-r", repo["commit"]], capture_output=True,
                             text=True, check=True).stdout
    for row in listing.splitlines():
        meta, path = row.split("\t", 1)
        _, kind, blob = meta.split()
        if kind != "blob":
            continue
        content = subprocess.run(["git", "-C", str(git_dir), "cat-file", "blob", blob], capture_output=True)
        if content.returncode == 0:
            target = dest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.stdout)


def clean_source(source: str) -> str:
    lines = []
    for line in source.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("!", "%")):
            lines.append(line[: len(line) - len(stripped)] + "pass  # " + stripped[:60])
        else:
            lines.append(line)
    return "\n".join(lines)


def run_notebook(path: Path, timeout: int = 120) -> list[dict]:
    from nbclient import NotebookClient

    source_nb = nbformat.read(path, as_version=4)
    cells = [c for c in source_nb.cells if c.cell_type == "code" and c.source.strip()]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(PRELUDE)] + [nbformat.v4.new_code_cell(clean_source(c.source)) for c in cells]
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                            interrupt_on_timeout=True, resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except Exception as exc:  # 커널이 죽는 등
        return [{"cell": 0, "status": "error", "kind": type(exc).__name__, "message": str(exc)[:300], "line": ""}]
    results = []
    for index, (orig, cell) in enumerate(zip(cells, nb.cells[1:], strict=True), start=1):
        entry = {"cell": index, "status": "ok", "source": orig.source[:2000]}
        warns = []
        for out in cell.outputs:
            text = out.get("text", "") if out.output_type == "stream" else ""
            for match in re.finditer(r"@@WARN@@(\w+)@@(.*?)@@(.*)", text):
                warns.append({"category": match[1], "message": match[2], "where": match[3]})
            if out.output_type == "error":
                tb = "\n".join(out.get("traceback", []))
                tb = re.sub(r"\x1b\[[0-9;]*m", "", tb)
                line = _failing_line(tb, orig.source)
                status = "error"
                if DOWNLOAD.search(out.ename + out.evalue + tb[-2000:]):
                    status = "download"
                elif out.ename in CASCADE or CASCADE_MESSAGES.search(out.evalue or ""):
                    status = "cascade"
                elif OPTIONAL.search(out.evalue or ""):
                    status = "optional"
                entry.update(status=status, kind=out.ename, message=(out.evalue or "").strip().splitlines()[0][:300]
                             if out.evalue else "", line=line)
        if warns and entry["status"] == "ok":
            entry["status"] = "warn"
        if warns:
            entry["warnings"] = warns
        results.append(entry)
    return results


def _failing_line(traceback_text: str, source: str) -> str:
    """트레이스백에서 셀 안의 줄(`Cell In[n], line k`)을 찾아 그 코드 줄을 돌려준다."""
    found = re.search(r"(?:Cell In\[\d+\]|Input In \[\d+\]|<ipython-input-[^>]*>), line (\d+)", traceback_text)
    lines = clean_source(source).splitlines()
    if found:
        k = int(found[1]) - 1
        if 0 <= k < len(lines):
            return lines[k].strip()
    return ""


def covered_by_12() -> str:
    if not NOTEBOOK_12.exists():
        return ""
    nb = nbformat.read(NOTEBOOK_12, as_version=4)
    return "\n".join(c.source for c in nb.cells)


def report(data: dict) -> str:
    text12 = covered_by_12()
    lines = [
        "# 책과 튜토리얼의 옛 Keras 코드를 오늘 실행한 결과",
        "",
        "`python tools/legacy_material.py --mirrors <저장소 사본 폴더>`가 만든 표입니다 (방법은 그 파일의 설명).",
        f"TensorFlow {data.get('tensorflow')}, Keras {data.get('keras')}, 실행한 날 {data.get('date')}. "
        "`fit`은 256개 샘플 1 에포크로 줄였고, 인터넷에서 받는 데이터는 같은 모양의 무작위 배열로 바꿨습니다.",
        "'12가 다룸'은 그 실패·경고의 서명(속성·인수·모듈 이름 등)이 `notebooks/12_legacy_to_keras3.ipynb`에 "
        "나오는지입니다.",
        "",
        "## 요약",
        "",
        "| 저장소 | 커밋 | 노트북 | 셀 | 실패 | 경고 | 앞 셀 실패 때문 | 내려받기/데이터 없음 "
        "| 서로 다른 실패·경고 | 12가 다룸 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    details = []
    for repo in REPOS:
        runs = data["repos"].get(repo["name"])
        if not runs:
            continue
        cells = [c for r in runs["notebooks"] for c in r["cells"]]
        count = {s: sum(c["status"] == s for c in cells) for s in STATUS_KO}
        groups: dict[str, dict] = {}
        for r in runs["notebooks"]:
            for c in r["cells"]:
                items = []
                if c["status"] == "error":
                    items.append((c.get("kind", ""), c.get("message", ""), c.get("line", "")))
                for w in c.get("warnings", []):
                    if "keras" in w["where"] or "tensorflow" in w["where"] or "<" in w["where"]:
                        items.append((w["category"], w["message"], ""))
                for kind, message, line in items:
                    sig = signature(message)
                    g = groups.setdefault(sig, {"kind": kind, "message": message, "lines": set(), "notebooks": set()})
                    if line:
                        g["lines"].add(line[:120])
                    g["notebooks"].add(r["path"].rsplit("/", 1)[-1])
        covered = {sig for sig in groups if sig and any(
            token in text12 for token in COVER_TOKENS.get(sig, [sig.rstrip("=")]))}
        lines.append(
            f"| {repo['title']} | `{runs['commit']}` | {len(runs['notebooks'])} | {len(cells)} | {count['error']} "
            f"| {count['warn']} | {count['cascade']} | {count['download']} | {len(groups)} "
            f"| {len(covered)} / {len(groups)} |"
        )
        details += [f"## {repo['title']}", "", f"커밋 `{runs['commit']}`. 실행한 노트북: "
                    + ", ".join(f"`{r['path'].rsplit('/', 1)[-1]}`" for r in runs["notebooks"]) + ".", "",
                    "| 서명 | 오류/경고 | 메시지 (첫 줄) | 옛 줄 (예) | 노트북 | 12가 다룸 |",
                    "|---|---|---|---|---|---|"]
        for sig, g in sorted(groups.items()):
            example = sorted(g["lines"])[0] if g["lines"] else ""
            cells_md = [sig, g["kind"], g["message"][:160], f"`{example}`" if example else "",
                        ", ".join(sorted(g["notebooks"])[:4]), "예" if sig in covered else "아니요"]
            details.append("| " + " | ".join(str(x).replace("|", "\\|").replace("\n", " ") for x in cells_md) + " |")
        details.append("")
    return "\n".join(lines + [""] + details) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--only", nargs="*", help="저장소 이름 (예: hg-mldl 080228)")
    parser.add_argument("--json", type=Path, default=DOCS / "legacy_material.json")
    parser.add_argument("--report-only", action="store_true")
    args = parser.parse_args(argv)
    data = json.loads(args.json.read_text(encoding="utf-8")) if args.json.exists() else {"repos": {}}
    if not args.report_only:
        import keras
        import tensorflow as tf

        data.update(tensorflow=tf.__version__, keras=keras.__version__, date=time.strftime("%Y-%m-%d"))
        for repo in REPOS:
            if args.only and repo["name"] not in args.only:
                continue
            with tempfile.TemporaryDirectory() as tmp:
                tree = Path(tmp)
                extract(args.mirrors, repo, tree)
                commit = subprocess.run(["git", "-C", str(args.mirrors / repo["repo"] / "repo"), "rev-parse",
                                         "--short", repo["commit"]], capture_output=True, text=True).stdout.strip()
                notebooks = []
                for rel in repo["paths"]:
                    start = time.perf_counter()
                    cells = run_notebook(tree / rel) if (tree / rel).exists() else [
                        {"cell": 0, "status": "skipped", "message": "파일 없음"}]
                    notebooks.append({"path": rel, "cells": cells, "seconds": round(time.perf_counter() - start, 1)})
                    bad = sum(c["status"] in ("error", "warn") for c in cells)
                    print(f"{repo['name']} {rel}: 셀 {len(cells)}, 실패·경고 {bad} ({notebooks[-1]['seconds']}초)",
                          flush=True)
                data["repos"][repo["name"]] = {"commit": commit, "notebooks": notebooks}
            args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (DOCS / "legacy_material.md").write_text(report(data), encoding="utf-8")
    print(f"표: {DOCS / 'legacy_material.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
