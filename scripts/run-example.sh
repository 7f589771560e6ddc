#!/usr/bin/env bash
# Builds corroborate and runs the main job on the example corpus: the brief on stdout, the
# reports in target/example-report/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cargo build --release --locked --bin corroborate
target_dir="${CARGO_TARGET_DIR:-target}"
db="$target_dir/example.db"
rm -f "$db" "$db-wal" "$db-shm"
exec "$target_dir/release/corroborate" --db "$db" run examples/istanbul-talks-2025 \
    --out "$target_dir/example-report" "$@"
