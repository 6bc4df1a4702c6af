# cfgraph: two commands do all set-up on a fresh machine.
#   make report   build the shipped framework's graph, write the report and views under build/
#   make test     install the test needs and run the whole suite (ruff, mypy, pytest)

VENV      ?= .venv
PY        := $(VENV)/bin/python
PIP       := $(PY) -m pip --disable-pip-version-check -q
CFGRAPH   := $(VENV)/bin/cfgraph
FRAMEWORK ?= kazakhstan-2021-2025
BUILD     ?= build

.PHONY: report test screenshots install install-test datapackage clean

$(PY):
	"$$(scripts/find-python)" -m venv $(VENV)
	$(PIP) install --upgrade pip

# The stamps re-run the install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e '.[all]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

report: $(VENV)/.installed
	$(CFGRAPH) validate
	$(CFGRAPH) export --format json --out $(BUILD)/$(FRAMEWORK)/framework.json
	$(CFGRAPH) build --out $(BUILD)/rdf
	$(CFGRAPH) report --out $(BUILD)/report
	@echo "cfgraph: outputs written under $(abspath $(BUILD))/"
	@echo "  $(abspath $(BUILD))/report/index.html   the report and its views (open in a browser; works offline)"
	@echo "  $(abspath $(BUILD))/rdf/                 graph.ttl, graph.nt, graph.jsonld (RDF)"
	@echo "  $(abspath $(BUILD))/$(FRAMEWORK)/framework.json"

# Screenshots for the README, taken by the same headless Chromium the tests use.
screenshots: report install-test
	scripts/ensure-chromium
	$(PY) -m cfgraph.render.screenshots $(BUILD)/report docs/img

test: $(VENV)/.installed-test
	scripts/ensure-chromium
	$(VENV)/bin/ruff check cfgraph tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

# Regenerate every framework's datapackage.json and the JSON Schema from the table declarations
# in cfgraph/model/ (a test fails when a shipped file is out of step).
datapackage: $(VENV)/.installed
	$(PY) -m cfgraph.io.datapackage data
	$(PY) -m cfgraph.io.datapackage cfgraph/examples
	$(PY) -m cfgraph.io.datapackage tests/data
	$(PY) -c "from cfgraph.export.json_document import schema_text; import sys; sys.stdout.write(schema_text())" > cfgraph/schemas/framework.schema.json

clean:
	rm -rf $(BUILD) .pytest_cache .mypy_cache .ruff_cache
