#!/usr/bin/env bash
# Everything CI checks: install, infrastructure, build, format, lint, typecheck, every test, schema drift.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_TUI=false NX_DAEMON=false NX_NO_CLOUD=true FORCE_COLOR=0
bash tools/ensure-install.sh
bash tools/ensure-infra.sh
npx prettier --check . --log-level warn
npx nx run-many -t build --output-style=static
npx nx run-many -t typecheck lint --output-style=static
# Test files that talk to PostgreSQL and NATS run one package at a time; Jest spreads each over both cores.
npx nx run-many -t test --parallel=1 --output-style=static
node tools/schema-drift.mjs
echo "all checks passed"
