#!/usr/bin/env bash
# `npm run bench:<name>`: install, check the servers, build, then run tools/bench/<name>.mjs.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_TUI=false NX_DAEMON=false NX_NO_CLOUD=true
bash tools/ensure-install.sh
bash tools/ensure-infra.sh
npx nx run-many -t build --output-style=static >/tmp/arende-build.log 2>&1 || { tail -50 /tmp/arende-build.log; exit 1; }
exec node "tools/bench/$1.mjs"
