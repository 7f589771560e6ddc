#!/usr/bin/env bash
# Runs every check of the project: formatting, lints, and all tests (unit, integration, the
# command-line contracts). Installs what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
# The web UI's browser tests drive Debian's Chromium from Node.
export EXTRA_APT_PACKAGES="${EXTRA_APT_PACKAGES:-} chromium nodejs npm"
source scripts/setup.sh
# One build from scratch gains nothing from incremental state, which is a fifth of the disk.
export CARGO_INCREMENTAL=0
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
bash tests/browser/run.sh
