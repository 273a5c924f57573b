# atlas_courts: two commands do all set-up on a fresh machine (Python 3.11 and apt):
#   make run    environment, system packages, atlas.db + public.db from corpus/, Datasette on 127.0.0.1:8001
#   make test   environment, system packages, the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d" " -f1)
PORT   ?= 8001

.PHONY: run test install system-deps build publish serve bench corpus clean

run: install build publish serve

test: install
	@bash scripts/install_system_deps.sh --browser
	$(BIN)/python -m pytest -q

install: system-deps $(STAMP)

system-deps:
	@bash scripts/install_system_deps.sh

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

build: install
	$(BIN)/atlas-courts build corpus/ --db atlas.db

publish: install
	$(BIN)/atlas-courts publish --db atlas.db --out public.db

serve: install
	$(BIN)/atlas-courts serve public.db --host 127.0.0.1 --port $(PORT)

bench: install
	$(BIN)/python scripts/bench.py

corpus: install
	$(BIN)/python scripts/make_corpus.py --out corpus/

clean:
	rm -rf atlas.db* public.db* public.metadata.json .pytest_cache build
