#!/usr/bin/env bash
# Install Debian's Java runtime for the Spark tests (local mode), unless java is already there.
set -euo pipefail
command -v java >/dev/null 2>&1 && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "installing Debian's openjdk-17-jre-headless for the Spark tests..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless >/dev/null
