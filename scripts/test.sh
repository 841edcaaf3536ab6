#!/usr/bin/env bash
# Set up .venv with the test extras (and Chromium for the browser test, Tesseract for the OCR
# tests), then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install --quiet -e '.[dev]'
if [ -f scripts/install-browser.sh ]; then bash scripts/install-browser.sh; fi
if [ -f scripts/install-ocr.sh ]; then bash scripts/install-ocr.sh; fi
# Lint and format first: a finding, or a file the formatter would change, fails the run before the suite starts.
.venv/bin/ruff check .
.venv/bin/ruff format --check .
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
# pytest exits 5 when it collected no test: that is a failure of the suite, not a pass.
exit $status
