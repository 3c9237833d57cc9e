#!/usr/bin/env bash
# Set everything up and run the whole test suite: lint, unit tests, browser tests.
# Installs Debian's chromium and graphviz (the tests drive them) and
# openjdk-17-jre-headless (the Spark tests run in local mode) when they are missing, and
# builds .venv-ftm (followthemoney, to validate the FtM export: scripts/install-ftm.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-browser.sh
bash scripts/install-java.sh
bash scripts/install-ftm.sh deps
# followthemoney's environment builds pyicu from source (minutes): in the background,
# while ours is set up and linted.
bash scripts/install-ftm.sh build &
ftm_build=$!
bash scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
wait "$ftm_build"
.venv/bin/python -m pytest "$@"
