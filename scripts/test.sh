#!/usr/bin/env bash
# Set everything up and run the whole test suite: lint, unit tests, browser tests.
# Installs Debian's chromium and graphviz (the tests drive them) and
# openjdk-17-jre-headless (the Spark tests run in local mode) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-browser.sh
bash scripts/install-java.sh
bash scripts/install-ftm.sh
bash scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
