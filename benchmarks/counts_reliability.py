"""Reliability of count confidences: for each confidence value, how many counts the stage reads (with
no threshold) and how many of them are right (kind and number match a gold count of the article), on a
fact-level gold.

    PYTHONPATH=src python benchmarks/counts_reliability.py ../shared/examples/dev/facts.json \\
        ../shared/examples/dev/articles/
    PYTHONPATH=src python benchmarks/counts_reliability.py benchmarks/counts_heldout.json

The second form reads the held-out articles from the shared corpora (`counts_heldout.py`).
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from rasd.api import load_pipeline, read
from rasd.extract.count_attach import CONFIDENCE_THRESHOLD
from rasd.extract.counts import find_counts
from rasd.model import Article
from rasd.readers import read_blob
from rasd.readers.article import build_article


def _articles(gold: dict, folder: str | None) -> list[Article]:
    pipeline = load_pipeline()  # its counts are read again below, with no threshold
    out: list[Article] = []
    if folder is not None:
        for a in gold["articles"]:
            pub = a["args"][a["args"].index("--published") + 1] if a["args"] else None
            path = str(Path(folder) / a["file"])
            art = next(x for x in read(path, published=pub) if isinstance(x, Article))
            out.append(pipeline(art))
        return out
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from counts_heldout import _blobs
    files = [a["file"] for a in gold["articles"]]
    blobs = _blobs(files)
    for name in files:
        raw = next(r for r in read_blob(blobs[name]) if not isinstance(r, Exception))
        out.append(pipeline(build_article(raw)))
    return out


def main(argv: list[str]) -> int:
    gold = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    arts = _articles(gold, argv[1] if len(argv) > 1 else None)
    table: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for g, art in zip(gold["articles"], arts, strict=True):
        want = {(k, c["count"]) for c in g["counts"] for k in c["kind"].split("|")}
        for c in find_counts(art, threshold=0.0):
            row = table[c.confidence or 0.0]
            row[0] += 1
            row[1] += (c.kind, c.count) in want
    print(f"threshold {CONFIDENCE_THRESHOLD}")
    print("| confidence | counts | right | share |")
    print("|---|---|---|---|")
    for conf in sorted(table, reverse=True):
        n, ok = table[conf]
        print(f"| {conf:.2f} | {n} | {ok} | {ok / n:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
