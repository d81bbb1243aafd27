#!/usr/bin/env bash
# Everything CI checks: install, infrastructure, build, format, lint, typecheck, every test, schema drift.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_TUI=false NX_DAEMON=false NX_NO_CLOUD=true FORCE_COLOR=0
# Each step's wall time, so a slow step shows in CI's log (npm test must stay under 15 minutes here).
step_start=$SECONDS
step() { echo "step: $1 took $((SECONDS - step_start)) s"; step_start=$SECONDS; }
bash tools/ensure-install.sh
step install
bash tools/ensure-infra.sh
step infrastructure
npx prettier --check . --log-level warn
step format
npx nx run-many -t build --output-style=static
step build
node tools/docs.mjs --check
node --test tools/eslint/module-boundaries.test.mjs
npx nx run-many -t typecheck lint --output-style=static
step "docs, typecheck and lint"
# The S3 blob-store contract runs against an S3-compatible server: the one S3_ENDPOINT names, else a local
# moto_server (an S3 emulator) when it is installed; without either it says it is skipped.
if [ -z "${S3_ENDPOINT:-}" ] && command -v moto_server >/dev/null 2>&1; then
  s3_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  moto_server -H 127.0.0.1 -p "$s3_port" >/tmp/arende-moto.log 2>&1 &
  moto_pid=$!
  trap 'kill "$moto_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$s3_port") 2>/dev/null && break; sleep 0.2; done
  export S3_ENDPOINT="http://127.0.0.1:$s3_port" S3_BUCKET=arende-test S3_REGION=us-east-1 \
    S3_ACCESS_KEY_ID=test S3_SECRET_ACCESS_KEY=test S3_FORCE_PATH_STYLE=true
  echo "S3 contract: against moto_server on $S3_ENDPOINT"
fi
# Test files that talk to PostgreSQL and NATS run one package at a time; Jest spreads each over both cores.
log=$(mktemp)
set +e
npx nx run-many -t test --parallel=1 --output-style=static 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
step tests
count() { { grep -E '^Tests:' "$log" || true; } | { grep -oE "[0-9]+ $1" || true; } | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(count passed)
failed=$(count failed)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
[ "$status" -eq 0 ] || { echo "tests: $passed passed, $failed failed"; exit "$status"; }
node tools/schema-drift.mjs
echo "all checks passed"
echo "tests: $passed passed, $failed failed"
