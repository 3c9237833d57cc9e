#!/usr/bin/env bash
# Set everything up and run the whole test suite: lint, unit tests, browser tests.
# Installs Debian's chromium and graphviz when missing (the tests drive them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-browser.sh
bash scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
