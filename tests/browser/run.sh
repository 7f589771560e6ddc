#!/usr/bin/env bash
# Browser tests of the web UI (`corroborate serve`): builds the command line (debug), runs the
# example corpus into a temporary database, serves it on a free loopback port with a random
# token, and runs the Playwright tests (tests/browser/ui.test.mjs) with the system's headless
# Chromium. The server is stopped however the tests end. Screenshots go to
# target/browser-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
  echo "browser tests: no chromium found (scripts/setup.sh installs it)" >&2
  exit 1
fi
command -v node >/dev/null || { echo "browser tests: node not found" >&2; exit 1; }
command -v npm >/dev/null || { echo "browser tests: npm not found" >&2; exit 1; }

cargo build --quiet -p corroborate
bin="${CARGO_TARGET_DIR:-$root/target}/debug/corroborate"
if [[ "$bin" != /* ]]; then bin="$root/$bin"; fi

if [ ! -f tests/browser/node_modules/playwright-core/package.json ]; then
  # playwright-core downloads no browser; --ignore-scripts keeps install offline-friendly.
  (cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$bin" --quiet --db "$work/db" run examples/istanbul-talks-2025 >/dev/null

token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
# Port 0: the system picks a free port; the server prints the address it got.
"$bin" --db "$work/db" serve --bind 127.0.0.1:0 --token "$token" 2>"$work/server.log" &
server_pid=$!
address=""
for _ in $(seq 1 100); do
  address=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -n 1 || true)
  [ -n "$address" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.log" >&2
    echo "browser tests: the server stopped" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$address" ]; then
  echo "browser tests: the server did not start" >&2
  exit 1
fi

mkdir -p target/browser-artifacts
BASE_URL="$address" CHROMIUM="$browser" ARTIFACTS="$root/target/browser-artifacts" \
  node --test tests/browser/ui.test.mjs
