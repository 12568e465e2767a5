"""The extremes of the shared corpora, which the input limits of `rasd.readers.limits` are chosen from.

Prints, over `../shared/data/news` (the two ANT archives and SaudiNewsNet): the largest raw body and
title in characters, the most lines in a body, the longest line, the largest file / member in
bytes, the most items in one file, the deepest JSON nesting and the gzip expansion ratio of each
SaudiNewsNet day file, and (with --language) how many articles the language detector does not call
Arabic, with examples.

    PYTHONPATH=src python benchmarks/corpus_extremes.py [--language] [--every N]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tarfile
from collections import Counter
from pathlib import Path

from rasd.errors import InputError
from rasd.readers import read_blob
from rasd.readers.containers import Blob

NEWS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news"


def _depth(value: object) -> int:
    best, stack = 0, [(value, 1)]
    while stack:
        v, d = stack.pop()
        best = max(best, d)
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return best


def _blobs() -> object:
    for name in ("ant_multisource.tar.gz", "ant_v1_jawharafm.tar.gz"):
        with tarfile.open(NEWS / name, "r|gz") as tar:
            for m in tar:
                if m.isfile():
                    f = tar.extractfile(m)
                    if f is not None:
                        yield name, Blob(f"{name}::{m.name}", f.read()), None
    for path in sorted((NEWS / "saudinewsnet").glob("*.json.gz")):
        raw = path.read_bytes()
        data = gzip.decompress(raw)
        yield "saudinewsnet", Blob(str(path), data), (len(data) / len(raw), _depth(json.loads(data)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--language", action="store_true", help="also run the language detector")
    ap.add_argument("--every", type=int, default=1, help="with --language: detect every Nth article")
    args = ap.parse_args()
    if not NEWS.is_dir():
        print(f"no corpora at {NEWS}", file=sys.stderr)
        return 1
    top: dict[str, tuple[int, str]] = {}

    def keep(key: str, value: int, where: str) -> None:
        if value > top.get(key, (-1, ""))[0]:
            top[key] = (value, where)

    langs: dict[str, Counter[str]] = {}
    examples: list[str] = []
    n = 0
    if args.language:
        from rasd.readers.article import build_article
        from rasd.readers.language import detect_language
    for corpus, blob, gz in _blobs():
        keep(f"{corpus}: file bytes", len(blob.data), blob.origin)
        if gz:
            keep(f"{corpus}: gzip ratio x100", int(100 * gz[0]), blob.origin)
            keep(f"{corpus}: JSON depth", gz[1], blob.origin)
        items = 0
        for raw in read_blob(blob):
            if isinstance(raw, InputError):
                continue
            items += 1
            keep(f"{corpus}: body characters", len(raw.body), raw.origin)
            keep(f"{corpus}: title characters", len(raw.title or ""), raw.origin)
            lines = raw.body.split("\n")
            keep(f"{corpus}: body lines", len(lines), raw.origin)
            keep(f"{corpus}: longest line", max(map(len, lines)), raw.origin)
            if args.language:
                n += 1
                if n % args.every:
                    continue
                try:
                    art = build_article(raw)
                except InputError:
                    continue
                lang = detect_language(art.text)
                langs.setdefault(corpus, Counter())[lang] += 1
                if lang != "ar" and len(examples) < 30:
                    examples.append(f"{lang} {raw.origin}: {art.text[:120]!r}")
        keep(f"{corpus}: items per file", items, blob.origin)
    for key in sorted(top):
        value, where = top[key]
        print(f"{key:45} {value:>12,}  {os.path.basename(where)}")
    for corpus, counts in langs.items():
        print(f"language {corpus}: {dict(counts.most_common())}")
    for line in examples:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
