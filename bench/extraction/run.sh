#!/usr/bin/env bash
# Quality and speed of corroborate-html against Python trafilatura on the same pages, with the
# same metrics, one process each, one thread.
#
# usage: [ROUNDS=5] bench/extraction/run.sh [DATA_DIR]   (default: ../shared/data/extraction from the repo root)
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

# Speed is pages per second of the extraction calls alone, one thread. The machines this runs
# on drift in speed from minute to minute, so the engines take turns: each round runs one pass
# of every engine, Python included, and the ratio to Python is taken within the round. The
# table gives the median over ROUNDS rounds (default 5) of the pages per second and of the
# per-round ratios, with the lowest and highest ratio.
rounds="${ROUNDS:-5}"
rm -f "$out_dir"/extraction-round-*.json
for round in $(seq 1 "$rounds"); do
    echo "== round $round of $rounds: corroborate-html (own finder; as stored), bare rs-trafilatura, Python trafilatura 2.3.1 =="
    "$ours" "$data_dir" --json >"$out_dir/extraction-round-$round-ours.json"
    "$ours" "$data_dir" --json --engine pipeline >"$out_dir/extraction-round-$round-as-stored.json"
    "$ours" "$data_dir" --json --engine rs-trafilatura >"$out_dir/extraction-round-$round-rs-trafilatura.json"
    "$venv/bin/python" "$repo_root/bench/extraction/trafilatura_eval.py" "$data_dir" --json \
        >"$out_dir/extraction-round-$round-python.json"
done

"$venv/bin/python" - "$out_dir" "$rounds" <<'PY'
import json, os, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
engines = ("ours", "as-stored", "rs-trafilatura", "python")
runs = {
    name: [json.load(open(os.path.join(out, f"extraction-round-{r}-{name}.json"))) for r in range(1, rounds + 1)]
    for name in engines
}
def fmt(value):
    return "-" if value is None else f"{value:.3f}"
# F1 to four places: a target of 0.95 is not met by 0.9496 printed as 0.950.
print(f"{'benchmark':<10} {'engine':<16} {'P':>6} {'R':>6} {'F1':>7} {'title':>6} {'author':>6} {'date':>6} "
      f"{'pages/s':>8} {'speed vs py':>11} {'min-max':>11}")
for index, python_row in enumerate(runs["python"][0]):
    for name in engines:
        row = runs[name][0][index]
        speeds = [rows[index]["pages_per_second"] for rows in runs[name]]
        ratios = [rows[index]["pages_per_second"] / py[index]["pages_per_second"]
                  for rows, py in zip(runs[name], runs["python"])]
        print(f"{row['benchmark']:<10} {name:<16} {fmt(row['precision']):>6} {fmt(row['recall']):>6} {row['f1']:>7.4f} "
              f"{fmt(row['title_accuracy']):>6} {fmt(row['author_accuracy']):>6} {fmt(row['date_accuracy']):>6} "
              f"{statistics.median(speeds):>8.1f} {statistics.median(ratios):>10.1f}x "
              f"{min(ratios):>5.1f}-{max(ratios):.1f}x")
PY
