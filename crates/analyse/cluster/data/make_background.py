#!/usr/bin/env python3
"""Builds `background-df.tsv`: approximate English document frequencies for term weighting.

Source: the `wordfreq` package (PyPI, version 3.x; code Apache-2.0, data CC-BY-SA 4.0, by Robyn
Speer et al.), whose English "large" list blends Wikipedia, subtitles, news, books, web text,
Twitter and Reddit. wordfreq gives word *frequencies*; clustering wants *document* frequencies,
so each word's frequency f is turned into the share of documents of about 400 tokens that hold
it at least once, under a Poisson assumption: df = 1 - exp(-400 f). The file stores the inverse
document frequency ln(1/df) with two decimals, one `word<TAB>idf` per line, most frequent first.

Usage: python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq &&
       /tmp/wf/bin/python make_background.py > background-df.tsv
"""

import importlib.metadata
import math
import sys

import wordfreq

WORDS = 100_000
DOCUMENT_TOKENS = 400


def main() -> None:
    out = sys.stdout
    out.write(f"# wordfreq {importlib.metadata.version('wordfreq')} en large, "
              f"top {WORDS}, df = 1 - exp(-{DOCUMENT_TOKENS} f), value = ln(1/df)\n")
    for word in wordfreq.top_n_list("en", WORDS, wordlist="large"):
        # Keep plain alphabetic words only: the tokenizer in Rust never produces anything else.
        if not word.isalpha():
            continue
        frequency = wordfreq.word_frequency(word, "en", wordlist="large")
        if frequency <= 0:
            continue
        document_frequency = 1.0 - math.exp(-DOCUMENT_TOKENS * frequency)
        out.write(f"{word}\t{math.log(1.0 / document_frequency):.2f}\n")


if __name__ == "__main__":
    main()
