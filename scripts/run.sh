#!/usr/bin/env bash
# Set up .venv, extract and load the bundled corpus into boardpapers.db, and serve it with Datasette.
#
# Warm starts do not reinstall (issue 19: 15 s each time): the editable install already follows the
# code, so pip runs only when .venv is new or pyproject.toml (the dependencies) changed since the
# last install, as recorded in .venv/.boardpapers-installed. BOARDPAPERS_DB names the database.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
DB=${BOARDPAPERS_DB:-boardpapers.db}
STAMP=.venv/.boardpapers-installed
[ -x .venv/bin/python ] || "$PY" -m venv .venv
WANT=$(.venv/bin/python -c 'import hashlib, sys; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest())')
if [ -x .venv/bin/boardpapers ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then
    echo "run.sh: .venv is up to date (pyproject.toml unchanged since its install); not reinstalling" >&2
else
    echo "run.sh: installing boardpapers into .venv (pyproject.toml is new or changed)" >&2
    .venv/bin/python -m pip install --quiet -e .
    echo "$WANT" > "$STAMP"
fi
.venv/bin/boardpapers build corpus/ --db "$DB"
exec .venv/bin/boardpapers serve "$DB" "$@"
