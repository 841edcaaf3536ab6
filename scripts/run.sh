#!/usr/bin/env bash
# Set up .venv, extract and load the bundled corpus into boardpapers.db, and serve it with Datasette.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet -e .
.venv/bin/boardpapers build corpus/ --db boardpapers.db
exec .venv/bin/boardpapers serve boardpapers.db "$@"
