#!/usr/bin/env bash
# Set everything up and run the main job on the embedded seed dataset:
# check it, summarise it, and write the interactive page graph.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/graph validate
.venv/bin/graph stats
.venv/bin/graph html -o graph.html
