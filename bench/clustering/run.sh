#!/usr/bin/env bash
# Baseline (scikit-learn TF-IDF + average linkage) and corroborate-cluster on the same data in
# the same run, with the time ratio.
# Usage: bench/clustering/run.sh [DATA_DIR]   (default ../shared/data/events/dev)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:-../shared/data/events/dev}"
articles="$data/articles.jsonl"
gold="$data/gold.tsv"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"

if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
fi
bench/.venv/bin/pip install --quiet scikit-learn

cargo build --quiet --release -p corroborate-cluster --bin eval-clusters
ours_bin="$CARGO_TARGET_DIR/release/eval-clusters"

echo "== baseline: TF-IDF (sublinear, English stop words) + average linkage, cosine"
baseline_start=$(date +%s.%N)
bench/.venv/bin/python bench/clustering/baseline.py "$articles" "$gold" 0.7 0.75 0.8 0.85 | tee /tmp/baseline-clustering.txt
baseline_end=$(date +%s.%N)

echo "== corroborate-cluster"
ours_start=$(date +%s.%N)
"$ours_bin" --articles "$articles" --gold "$gold" --one-by-one
ours_end=$(date +%s.%N)

python3 - "$baseline_start" "$baseline_end" "$ours_start" "$ours_end" <<'PY'
import sys
b0, b1, o0, o1 = map(float, sys.argv[1:])
print(f"wall time: baseline sweep {b1 - b0:.1f} s, ours (batch + one-by-one) {o1 - o0:.1f} s, "
      f"ratio {(b1 - b0) / max(o1 - o0, 1e-9):.1f}x")
PY
