#!/usr/bin/env bash
# `npm run up`: the whole platform on this machine with demo data. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_TUI=false NX_DAEMON=false NX_NO_CLOUD=true
bash tools/ensure-install.sh
bash tools/ensure-infra.sh
echo "Building…"
npx nx run-many -t build --output-style=static >/tmp/arende-build.log 2>&1 || { tail -50 /tmp/arende-build.log; exit 1; }
exec node tools/up.mjs
