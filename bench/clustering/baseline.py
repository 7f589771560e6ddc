#!/usr/bin/env python3
"""Baseline event clustering: TF-IDF (sublinear tf, English stop words) over title + text, then
average-linkage agglomerative clustering on cosine distance, with a sweep over the distance
threshold. Scores with the same pairwise and BCubed definitions as eval-clusters.

Usage: python3 baseline.py ARTICLES.jsonl GOLD.tsv [threshold ...]
"""

import json
import sys
import time
from collections import Counter
from math import comb

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def scores(gold, predicted):
    joint = Counter((gold[i], predicted[i]) for i in gold)
    gold_sizes = Counter(gold.values())
    predicted_sizes = Counter(predicted[i] for i in gold)
    true_pairs = sum(comb(n, 2) for n in joint.values())
    predicted_pairs = sum(comb(n, 2) for n in predicted_sizes.values())
    gold_pairs = sum(comb(n, 2) for n in gold_sizes.values())
    precision = true_pairs / predicted_pairs if predicted_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    b_precision = sum(joint[(gold[i], predicted[i])] / predicted_sizes[predicted[i]] for i in gold) / len(gold)
    b_recall = sum(joint[(gold[i], predicted[i])] / gold_sizes[gold[i]] for i in gold) / len(gold)
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    return f1(precision, recall), f1(b_precision, b_recall), len(predicted_sizes)


def main():
    articles_path, gold_path = sys.argv[1], sys.argv[2]
    thresholds = [float(t) for t in sys.argv[3:]] or [0.6, 0.7, 0.75, 0.8, 0.85, 0.9]
    rows = [json.loads(line) for line in open(articles_path, encoding="utf-8") if line.strip()]
    gold = dict(line.rstrip("\n").split("\t") for line in open(gold_path, encoding="utf-8") if "\t" in line)
    rows = [row for row in rows if row["id"] in gold]
    started = time.perf_counter()
    documents = [((row.get("title") or "") + "\n" + (row.get("text") or "")) for row in rows]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(documents).toarray()
    vectorised = time.perf_counter() - started
    best = None
    for threshold in thresholds:
        begun = time.perf_counter()
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
        ).fit_predict(matrix)
        seconds = vectorised + time.perf_counter() - begun
        predicted = {row["id"]: str(label) for row, label in zip(rows, labels)}
        pairwise_f1, bcubed_f1, clusters = scores(gold, predicted)
        print(f"baseline threshold {threshold:.2f}: BCubed F1 {bcubed_f1:.3f}, pairwise F1 {pairwise_f1:.3f}, "
              f"{clusters} clusters, {seconds:.1f} s")
        if best is None or bcubed_f1 + pairwise_f1 > best[0] + best[1]:
            best = (bcubed_f1, pairwise_f1, threshold, seconds)
    print(f"baseline best: threshold {best[2]:.2f} BCubed F1 {best[0]:.3f} pairwise F1 {best[1]:.3f} "
          f"time {best[3]:.1f} s")


if __name__ == "__main__":
    main()
