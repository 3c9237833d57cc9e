#!/usr/bin/env bash
# Build .venv-ftm: the followthemoney library in its own environment, to validate
# `graph export --format ftm` (tests/test_import.py). It is kept out of our dependencies:
# followthemoney needs Python >= 3.11, pins networkx<3.7 and builds pyicu from source
# (about 4 minutes, 8 on a busy 2-core machine; Debian's libicu-dev, pkg-config and a C++
# compiler). If it cannot be built, say why and go on: the tests that need it are skipped
# with that reason.
#
# Usage: install-ftm.sh [deps|build]   (no argument: both)
#   deps   the Debian packages (apt: run it when no other apt-get runs)
#   build  the environment (pip only: scripts/test.sh runs it in the background)
# Idempotent: nothing is done when .venv-ftm already imports followthemoney.
set -uo pipefail
cd "$(dirname "$0")/.."
phase=${1:-all}

ready() {
    [ -x .venv-ftm/bin/python ] && .venv-ftm/bin/python -c "import followthemoney" 2>/dev/null
}

if ready; then
    exit 0
fi

if [ "$phase" != build ] && ! dpkg -s libicu-dev pkg-config g++ >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        packages=(libicu-dev pkg-config g++)
        apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1 ||
            { apt-get update >/dev/null && apt-get install -y --no-install-recommends \
                "${packages[@]}" >/dev/null; } ||
            echo "install-ftm: could not install libicu-dev pkg-config g++" >&2
    else
        echo "install-ftm: needs libicu-dev, pkg-config and g++ (sudo apt-get install ...)" >&2
    fi
fi
if [ "$phase" = deps ]; then
    exit 0
fi

PYTHON=""
for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        PYTHON=$(command -v "$candidate")
        break
    fi
done
if [ -z "$PYTHON" ]; then
    echo "install-ftm: no Python >= 3.11: the FtM validation tests will be skipped" >&2
    exit 0
fi
rm -rf .venv-ftm
if "$PYTHON" -m venv .venv-ftm &&
    .venv-ftm/bin/python -m pip install -q followthemoney >.venv-ftm/install.log 2>&1 &&
    ready; then
    echo "install-ftm: .venv-ftm ready"
else
    tail -n 20 .venv-ftm/install.log >&2 2>/dev/null
    echo "install-ftm: followthemoney could not be built: the FtM validation tests will be skipped" >&2
    rm -rf .venv-ftm
fi
exit 0
