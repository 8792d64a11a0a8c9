# 한국어 Keras 강의: 자주 쓰는 명령
#   make lab    가상환경(.venv)을 만들고(없으면) 한국어 JupyterLab을 연다
#   make test   린트(ruff) + 도우미 단위 테스트 + 모든 노트북 실행(nbval)
# 그 밖에: make execute (노트북 다시 실행해 출력 저장), make bench, make datasets, make images
#   make editions                강사용 판(해답을 채워 실행한 노트북)을 editions/instructor/에 만든다
#   make grade SUBMISSIONS=폴더   제출된 노트북을 채점해 build/grades/grades.csv, grades.md를 쓴다

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
JOBS   ?= 2
NB     ?=

.PHONY: lab test lint unit nbval execute bench datasets images venv clean editions grade

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -e .
	$(PY) tools/lab.py --settings
	@touch $@

lab: venv
	$(PY) tools/lab.py

test: venv
	$(PY) -m ruff check .
	$(PY) -m pytest -n $(JOBS) --dist loadscope --nbval-lax --nbval-current-env

lint: venv
	$(PY) -m ruff check .

unit: venv
	$(PY) -m pytest tests

nbval: venv
	$(PY) -m pytest -n $(JOBS) --dist loadscope --nbval-lax --nbval-current-env notebooks

execute: venv
	$(PY) tools/nbtool.py execute $(NB)

bench: venv
	$(PY) tools/bench.py

editions: venv
	$(PY) tools/instructor_edition.py $(NB)

SUBMISSIONS ?=
grade: venv
	@test -n "$(SUBMISSIONS)" || { echo "제출 폴더를 지정하세요: make grade SUBMISSIONS=폴더"; exit 2; }
	$(PY) tools/grade.py "$(SUBMISSIONS)"

datasets: venv
	$(PY) datasets/make_datasets.py

images: venv
	$(PY) images/make_images.py

clean:
	rm -rf build editions .pytest_cache .ruff_cache
