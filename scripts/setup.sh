#!/usr/bin/env bash
# Create .venv and install the project into it (editable, with the test tools
# when called with "test"). Safe to run again: it only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
extras=""
[ "${1:-}" = "test" ] && extras="[test]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
