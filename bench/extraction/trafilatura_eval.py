"""Scores Python trafilatura on the Zyte and WCXB benchmarks with the same metrics as
`cargo run -p corroborate-html --example eval-extraction` (single process, one thread).

usage: python trafilatura_eval.py DATA_DIR [--json] [--only zyte|wcxb] [--limit N] [--repeat N]
"""

import argparse
import gzip
import json
import os
import re
import time
from collections import Counter

import trafilatura

WORD = re.compile(r"\w+")
# Timed passes over the pages (--repeat); the median pass is reported.
REPEAT = 1


def tokens(text):
    return WORD.findall(text or "")


def shingles(text):
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < 4:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


def shared(left, right):
    return sum(min(count, right.get(key, 0)) for key, count in left.items())


def mean(values):
    return sum(values) / len(values) if values else 0.0


def f1(precision, recall):
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def normalised(text):
    return " ".join(tokens(text.lower()))


def name_tokens(text):
    return sorted(set(tokens(text.lower())))


def run(pages, repeat=1):
    """Extracts every page `repeat` times; returns the first pass's predictions and the median
    pass's seconds spent in trafilatura."""
    passes = []
    for _ in range(repeat):
        elapsed, documents = 0.0, []
        for page in pages:
            start = time.perf_counter()
            document = trafilatura.bare_extraction(page["html"], url=page["url"], with_metadata=True)
            elapsed += time.perf_counter() - start
            documents.append(document)
        passes.append((elapsed, documents))
    elapsed = sorted(seconds for seconds, _ in passes)[len(passes) // 2]
    predictions = []
    for document in passes[0][1]:
        if document is None:
            predictions.append({"text": "", "title": None, "author": None, "date": None})
        else:
            predictions.append(
                {"text": document.text or "", "title": document.title, "author": document.author, "date": document.date}
            )
    return predictions, elapsed


def read_gz(path):
    with gzip.open(path, "rb") as handle:
        return handle.read()


def load_zyte(directory, limit):
    with open(os.path.join(directory, "ground-truth.json"), encoding="utf-8") as handle:
        truth = json.load(handle)
    pages = []
    for page_id in sorted(truth)[:limit]:
        entry = truth[page_id]
        pages.append(
            {
                "id": page_id,
                "url": entry.get("url"),
                "html": read_gz(os.path.join(directory, "html", page_id + ".html.gz")),
                "truth": entry.get("articleBody") or "",
            }
        )
    return pages


def load_wcxb(directory, limit):
    names = sorted(name for name in os.listdir(os.path.join(directory, "ground-truth")) if name.endswith(".json"))
    pages = []
    for name in names[:limit]:
        page_id = name[: -len(".json")]
        with open(os.path.join(directory, "ground-truth", name), encoding="utf-8") as handle:
            record = json.load(handle)
        truth = record.get("ground_truth") or {}
        pages.append(
            {
                "id": page_id,
                "url": record.get("url"),
                "html": read_gz(os.path.join(directory, "html", page_id + ".html.gz")),
                "truth": (truth.get("main_content") or "").strip(),
                "title": (truth.get("title") or "").strip() or None,
                "author": (truth.get("author") or "").strip() or None,
                "date": ((truth.get("publish_date") or "").strip()[:10]) or None,
            }
        )
    return pages


def score_zyte(pages):
    predictions, elapsed = run(pages, REPEAT)
    precisions, recalls = [], []
    for page, prediction in zip(pages, predictions):
        predicted, truth = shingles(prediction["text"]), shingles(page["truth"])
        tp = shared(predicted, truth)
        fp = sum(predicted.values()) - tp
        fn = sum(truth.values()) - tp
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    precision, recall = mean(precisions), mean(recalls)
    return {
        "benchmark": "zyte",
        "pages": len(pages),
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "title_accuracy": None,
        "author_accuracy": None,
        "date_accuracy": None,
        "pages_per_second": len(pages) / max(elapsed, 1e-9),
    }


def wcxb_scores(predicted_text, truth_text):
    predicted = Counter(tokens(predicted_text.lower()))
    truth = Counter(tokens(truth_text.lower()))
    predicted_total, truth_total = sum(predicted.values()), sum(truth.values())
    if predicted_total == 0 and truth_total == 0:
        return 1.0, 1.0, 1.0
    if predicted_total == 0 or truth_total == 0:
        return 0.0, 0.0, 0.0
    common = shared(predicted, truth)
    precision, recall = common / predicted_total, common / truth_total
    return precision, recall, f1(precision, recall)


def accuracy(hits):
    return sum(hits) / len(hits) if hits else None


def score_wcxb(pages):
    predictions, elapsed = run(pages, REPEAT)
    precisions, recalls, f1s, titles, authors, dates = [], [], [], [], [], []
    for page, prediction in zip(pages, predictions):
        precision, recall, page_f1 = wcxb_scores(prediction["text"], page["truth"])
        precisions.append(precision)
        recalls.append(recall)
        f1s.append(page_f1)
        if page["title"]:
            titles.append(bool(prediction["title"]) and normalised(prediction["title"]) == normalised(page["title"]))
        if page["author"]:
            authors.append(name_tokens(prediction["author"] or "") == name_tokens(page["author"]))
        if page["date"]:
            dates.append((prediction["date"] or "")[:10] == page["date"])
    return {
        "benchmark": "wcxb-dev",
        "pages": len(pages),
        "precision": mean(precisions),
        "recall": mean(recalls),
        "f1": mean(f1s),
        "title_accuracy": accuracy(titles),
        "author_accuracy": accuracy(authors),
        "date_accuracy": accuracy(dates),
        "pages_per_second": len(pages) / max(elapsed, 1e-9),
    }


def shown(value):
    return "-" if value is None else f"{value:.3f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", choices=["zyte", "wcxb"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=1, help="timed passes; the median counts")
    args = parser.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    reports = []
    if args.only in (None, "zyte"):
        reports.append(score_zyte(load_zyte(os.path.join(args.data_dir, "zyte"), args.limit)))
    if args.only in (None, "wcxb"):
        reports.append(score_wcxb(load_wcxb(os.path.join(args.data_dir, "wcxb-dev"), args.limit)))
    for report in reports:
        report["engine"] = "python-trafilatura-" + trafilatura.__version__
    if args.json:
        print(json.dumps(reports, indent=2))
        return
    print(f"engine: python trafilatura {trafilatura.__version__}")
    print(f"{'benchmark':<10} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'title':>6} {'author':>6} {'date':>6} {'pages/s':>8}")
    for r in reports:
        print(
            f"{r['benchmark']:<10} {r['pages']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
            f"{shown(r['title_accuracy']):>6} {shown(r['author_accuracy']):>6} {shown(r['date_accuracy']):>6} "
            f"{r['pages_per_second']:>8.1f}"
        )


if __name__ == "__main__":
    main()
