#!/usr/bin/env bash
# Quality and speed of corroborate-html against Python trafilatura on the same pages, with the
# same metrics, one process each, one thread.
#
# usage: bench/extraction/run.sh [DATA_DIR]   (default: ../shared/data/extraction from the repo root)
# Needs python3 (venv, pip) and cargo. Creates bench/.venv (gitignored) on first run.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data_dir="$(realpath "${1:-$repo_root/../shared/data/extraction}")"
venv="$repo_root/bench/.venv"
out_dir="$repo_root/bench/out"
mkdir -p "$out_dir"

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import trafilatura, sys; sys.exit(trafilatura.__version__ != "2.3.1")' 2>/dev/null; then
    "$venv/bin/pip" install --quiet trafilatura==2.3.1 lxml_html_clean
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo_root/target}"
(cd "$repo_root" && cargo build --quiet --release -p corroborate-html --example eval-extraction)
ours="$CARGO_TARGET_DIR/release/examples/eval-extraction"

echo "== corroborate-html (own main-text finder, metadata and cleaning) and bare rs-trafilatura =="
# Each engine extracts the pages REPEAT times (default 5, 3 for Python, which takes minutes a
# pass); the median pass is the speed.
repeat="${REPEAT:-5}"
"$ours" "$data_dir" --json --repeat "$repeat" >"$out_dir/extraction-ours.json"
"$ours" "$data_dir" --json --repeat "$repeat" --engine pipeline >"$out_dir/extraction-as-stored.json"
"$ours" "$data_dir" --json --repeat "$repeat" --engine rs-trafilatura >"$out_dir/extraction-rs-trafilatura.json"
echo "== Python trafilatura 2.3.1 =="
"$venv/bin/python" "$repo_root/bench/extraction/trafilatura_eval.py" "$data_dir" --json --repeat "${PYTHON_REPEAT:-3}" >"$out_dir/extraction-python.json"

"$venv/bin/python" - "$out_dir" <<'EOF'
import json, sys, os
out = sys.argv[1]
runs = {name: json.load(open(os.path.join(out, f"extraction-{name}.json"))) for name in ("ours", "as-stored", "rs-trafilatura", "python")}
def fmt(value):
    return "-" if value is None else f"{value:.3f}"
# F1 to four places: a target of 0.95 is not met by 0.9496 printed as 0.950.
print(f"{'benchmark':<10} {'engine':<16} {'P':>6} {'R':>6} {'F1':>7} {'title':>6} {'author':>6} {'date':>6} {'pages/s':>8} {'speed vs py':>11}")
for index, python_row in enumerate(runs["python"]):
    for name, rows in runs.items():
        row = rows[index]
        ratio = row["pages_per_second"] / python_row["pages_per_second"]
        print(f"{row['benchmark']:<10} {name:<16} {fmt(row['precision']):>6} {fmt(row['recall']):>6} {row['f1']:>7.4f} "
              f"{fmt(row['title_accuracy']):>6} {fmt(row['author_accuracy']):>6} {fmt(row['date_accuracy']):>6} "
              f"{row['pages_per_second']:>8.1f} {ratio:>10.1f}x")
EOF
