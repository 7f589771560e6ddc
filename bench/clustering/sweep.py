#!/usr/bin/env python3
"""Two-fold choice of clustering options: events are split in two halves by hash (the
`--fold K/2` flag of eval-clusters); every option combination in the grid is scored on each
half, the best combination of one half is reported on the other.

Usage: python3 bench/clustering/sweep.py BINARY ARTICLES GOLD [jobs] [stage1|stage2|stage3]
"""

import itertools
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

# Stage 1 (weights, time scale, background weight) chose title 3, entity 1, sigma 1.5 days and a
# background-led idf; stage 2 (STAGE_2) added the size-dependent join threshold.
STAGE_1 = {
    "join_threshold": [0.25, 0.3, 0.35, 0.4],
    "merge_threshold": [0.35, 0.45, 0.55],
    "background_documents": [3000, 1000000],
    "title_weight": [2, 3, 5],
    "entity_weight": [1, 1.5, 2.5],
    "time_decay_days": [1.5],
    "size_penalty": [0],
}
STAGE_2 = {
    "join_threshold": [0.12, 0.16, 0.2, 0.25],
    "size_penalty": [0.05, 0.1, 0.16, 0.2, 0.25],
    "merge_threshold": [0.45, 0.55],
}
# Stage 3, after term weights began to count the batch itself and page templates were set
# aside: the neighbourhood of the stage-2 choice again.
STAGE_3 = {
    "join_threshold": [0.12, 0.14, 0.16, 0.17, 0.18, 0.2],
    "size_penalty": [0.1, 0.12, 0.14, 0.16, 0.2],
    "merge_threshold": [0.45, 0.5, 0.55],
}
# Stage 4, after a lone article may also merge into an event by the join rule: the
# neighbourhood of the stage-3 choice.
GRID = {
    "join_threshold": [0.16, 0.17, 0.18],
    "size_penalty": [0.12, 0.14, 0.16],
    "merge_threshold": [0.45, 0.5, 0.55],
}


def run(binary, articles, gold, fold, combo):
    command = [binary, "--articles", articles, "--gold", gold, "--json", "--fold", f"{fold}/2"]
    for name, value in combo.items():
        command += ["--set", f"{name}={value}"]
    report = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    overall = report["report"]["overall"]
    return overall["bcubed_f1"], overall["pairwise_f1"]


def main():
    binary, articles, gold = sys.argv[1:4]
    jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    stages = {"stage1": STAGE_1, "stage2": STAGE_2, "stage3": STAGE_3}
    grid = stages.get(sys.argv[5] if len(sys.argv) > 5 else "", GRID)
    names = list(grid)
    combos = [dict(zip(names, values)) for values in itertools.product(*grid.values())]
    tasks = [(fold, combo) for combo in combos for fold in (0, 1)]
    with ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda t: run(binary, articles, gold, *t), tasks))
    scores = {}
    for (fold, combo), result in zip(tasks, results):
        scores.setdefault(json.dumps(combo, sort_keys=True), {})[fold] = result
    # Rank by the mean of BCubed F1 and pairwise F1 on the fold used for choosing.
    for choose, check in ((0, 1), (1, 0)):
        best = max(scores, key=lambda c: sum(scores[c][choose]))
        print(f"chosen on fold {choose}: {best}")
        print(f"  fold {choose} (choice) B3 {scores[best][choose][0]:.3f} pair {scores[best][choose][1]:.3f}; "
              f"fold {check} (held out) B3 {scores[best][check][0]:.3f} pair {scores[best][check][1]:.3f}")
    ranked = sorted(scores, key=lambda c: -(sum(scores[c][0]) + sum(scores[c][1])))
    print("best on both folds together:")
    for combo in ranked[:8]:
        s = scores[combo]
        print(f"  {combo}  fold0 B3 {s[0][0]:.3f} pair {s[0][1]:.3f}  fold1 B3 {s[1][0]:.3f} pair {s[1][1]:.3f}")


if __name__ == "__main__":
    main()
