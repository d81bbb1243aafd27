#!/usr/bin/env bash
# Everything CI checks: install, infrastructure, build, format, lint, typecheck, every test, schema drift.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_TUI=false NX_DAEMON=false NX_NO_CLOUD=true FORCE_COLOR=0
bash tools/ensure-install.sh
bash tools/ensure-infra.sh
npx prettier --check . --log-level warn
npx nx run-many -t build --output-style=static
node tools/docs.mjs --check
node --test tools/eslint/module-boundaries.test.mjs
npx nx run-many -t typecheck lint --output-style=static
# Test files that talk to PostgreSQL and NATS run one package at a time; Jest spreads each over both cores.
log=$(mktemp)
set +e
npx nx run-many -t test --parallel=1 --output-style=static 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
count() { { grep -E '^Tests:' "$log" || true; } | { grep -oE "[0-9]+ $1" || true; } | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(count passed)
failed=$(count failed)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
[ "$status" -eq 0 ] || { echo "tests: $passed passed, $failed failed"; exit "$status"; }
node tools/schema-drift.mjs
echo "all checks passed"
echo "tests: $passed passed, $failed failed"
