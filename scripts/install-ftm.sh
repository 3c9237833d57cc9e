#!/usr/bin/env bash
# Build .venv-ftm: the followthemoney library in its own environment, to validate
# `graph export --format ftm` (tests/test_import.py). It is kept out of our dependencies:
# followthemoney needs Python >= 3.11, pins networkx<3.7 and builds pyicu from source
# (about 4 minutes; Debian's libicu-dev, pkg-config and a C++ compiler). If it cannot be
# built, say why and go on: the test that needs it is skipped with that reason.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -x .venv-ftm/bin/python ] && .venv-ftm/bin/python -c "import followthemoney" 2>/dev/null; then
    exit 0
fi
PYTHON=""
for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        PYTHON=$(command -v "$candidate")
        break
    fi
done
if [ -z "$PYTHON" ]; then
    echo "install-ftm: no Python >= 3.11: the FtM validation test will be skipped" >&2
    exit 0
fi
if ! dpkg -s libicu-dev pkg-config g++ >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y --no-install-recommends libicu-dev pkg-config g++ >/dev/null ||
            echo "install-ftm: could not install libicu-dev pkg-config g++" >&2
    else
        echo "install-ftm: needs libicu-dev, pkg-config and g++ (sudo apt-get install ...)" >&2
    fi
fi
rm -rf .venv-ftm
if "$PYTHON" -m venv .venv-ftm && .venv-ftm/bin/python -m pip install -q followthemoney; then
    echo "install-ftm: .venv-ftm ready"
else
    echo "install-ftm: followthemoney could not be built: the FtM validation test will be skipped" >&2
    rm -rf .venv-ftm
fi
exit 0
