#!/usr/bin/env bash
# Installs the node modules when they are missing or older than package-lock.json.
# `npm install`, not `npm ci`: a lockfile written on one platform lacks other platforms' optional binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  npm install --no-audit --no-fund
fi
