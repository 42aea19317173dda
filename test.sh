#!/usr/bin/env bash
# Runs the whole test suite (unit, integration, bUnit, Playwright browser tests).
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Browser".
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests drive Debian's Chromium (no Playwright browser download); CJK fonts make screenshots readable.
if [ ! -x /usr/bin/chromium ]; then
    echo "Installing chromium and fonts-noto-cjk for the browser tests..."
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-cjk
fi

exec dotnet test CustomerService.sln -c Release --logger "console;verbosity=normal" "$@"
