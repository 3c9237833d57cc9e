#!/usr/bin/env bash
# Create .venv and install the project into it (editable, with the test tools
# when called with "test"). Safe to run again: it only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
extras=""
[ "${1:-}" = "test" ] && extras="[test]"
pip_install() {
  # This machine's pip configuration warns about missing local indexes; keep real errors.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@" 2> >(grep -v "is ignored: it is neither" >&2)
}
pip_install --upgrade pip
pip_install -e ".${extras}"
