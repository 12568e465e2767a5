#!/usr/bin/env python3
"""Draw candidate article pairs from the shared corpora for hand-labelling as same story / not.

Reads every article of the three shared corpora with rasd's readers (`benchmarks/story_pairs.py`),
computes word-shingle similarity over normalized text, and draws, with a fixed seed, five strata:

  exact   same canonical URL (an ANT article filed under two categories); all such pairs in the whole
          archive are counted, a few are drawn
  high    Jaccard >= 0.5 (syndicated copies, light edits, same story), published <= 7 days apart;
          at most 10 of them near-identical (Jaccard >= 0.95)
  medium  0.15 <= Jaccard < 0.5 (same topic, maybe the same event), <= 7 days apart
  event   different outlets, <= 3 days apart, Jaccard < 0.15, titles sharing >= 2 salient words
          (normalized title words found in few documents: mostly names)
  random  random pairs of one corpus published <= 3 days apart (mostly negatives)

Similarity is the Jaccard index of the sets of word 3-shingles of `normalize(title + text)` (rasd's
folds, words as `\\w+` runs); shingles found in more than 50 documents (boilerplate) are left out of the
candidate search, and each drawn pair's reported similarity is the exact Jaccard over all shingles.
This is for drawing only, not the clusterer. Articles named by tests/golden and by the dev set
(../shared/examples/dev) are excluded, and no article is used in more than two pairs.

    PYTHONPATH=src .venv/bin/python benchmarks/draw_story_pairs.py --out /tmp/story_pairs.candidates.jsonl
    ... --keep-labels tests/data/story_pairs.jsonl --out tests/data/story_pairs.jsonl   # redraw, same labels

`--leads FILE` also writes the titles and leads of both sides of every pair, for reading.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from story_pairs import CORPORA, SHARED, Ref, iter_corpus, key  # noqa: E402

from rasd.text.normalize import normalize  # noqa: E402

SEED = 20261202
QUOTA = {"exact": 8, "high": 56, "medium": 62, "event": 74, "random": 40}
MAX_DF = 50          # shingles in more documents than this are boilerplate for the candidate search
NEAR_IDENTICAL = 10  # of the high stratum, pairs with Jaccard >= 0.95
MAX_USES = 2         # an article appears in at most this many drawn pairs
WORD = re.compile(r"\w+")


@dataclass
class Doc:
    ref: Ref
    family: str            # corpus: ant, jawhara, saudi
    outlet: str
    day: int               # days since 1970-01-01 (0 when unknown)
    published: str | None
    title: str
    url: str
    canon: str             # canonical URL
    shingles: np.ndarray   # sorted unique uint32 hashes of word 3-shingles
    title_words: frozenset[str]
    lead: str


def canonical_url(url: str) -> str:
    """Scheme and `www.` dropped, host lowercased, path unquoted, trailing slash dropped."""
    if not url:
        return ""
    try:
        u = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = u.netloc.lower().removeprefix("www.")
    path = unquote(u.path).rstrip("/")
    return f"{host}{path}" + (f"?{u.query}" if u.query else "")


def words(text: str) -> list[str]:
    return WORD.findall(normalize(text))


def shingles(ws: list[str]) -> np.ndarray:
    hs = {zlib.crc32(" ".join(ws[i:i + 3]).encode("utf-8")) for i in range(max(0, len(ws) - 2))}
    return np.array(sorted(hs), dtype=np.uint32)


def _day(published: str | None) -> int:
    try:
        return (dt.date.fromisoformat((published or "")[:10]) - dt.date(1970, 1, 1)).days
    except ValueError:
        return 0


def lead_of(title: str, text: str, n: int = 600) -> str:
    body = text[len(title):].lstrip() if text.startswith(title) else text
    return " ".join(body[:n].split())


def excluded() -> tuple[set[str], set[str]]:
    """Member basenames and canonical URLs of the golden tests and the dev set."""
    names: set[str] = set()
    urls: set[str] = set()
    from tests.golden.cases import CASES
    for c in CASES:
        kind, where, prefix = c.source
        if kind == "saudi":
            urls.add(canonical_url(prefix))
        else:
            names.add(Path(where).name)
    dev = SHARED / "examples" / "dev" / "articles"
    for p in dev.glob("*"):
        names.add(p.name)
        if p.suffix == ".json":
            item = json.loads(p.read_text(encoding="utf-8"))
            urls.add(canonical_url(item.get("url") or ""))
    return names, urls


def load_docs() -> list[Doc]:
    names, urls = excluded()
    docs: list[Doc] = []
    for corpus in CORPORA:
        t0 = time.time()
        n0 = len(docs)
        for ref, art in iter_corpus(corpus):
            canon = canonical_url(art.url or "")
            if Path(ref.get("member", "")).name in names:
                continue
            if canon and any(canon.startswith(u) for u in urls if u):
                continue
            ws = words(art.title + "\n" + art.text)
            docs.append(Doc(ref=ref, family=corpus, outlet=art.source or corpus, day=_day(art.published),
                            published=art.published, title=art.title, url=art.url or "", canon=canon,
                            shingles=shingles(ws), title_words=frozenset(w for w in words(art.title)
                                                                         if len(w) >= 3),
                            lead=lead_of(art.title, art.text)))
        print(f"{corpus}: {len(docs) - n0} articles in {time.time() - t0:.0f} s", file=sys.stderr)
    return docs


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def similar_pairs(docs: list[Doc], max_days: int, min_j: float) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of one corpus, <= max_days apart, exact Jaccard >= min_j (candidates from shared
    non-boilerplate shingles)."""
    sh = np.concatenate([d.shingles for d in docs])
    owner = np.concatenate([np.full(len(d.shingles), i, dtype=np.int64) for i, d in enumerate(docs)])
    order = np.argsort(sh, kind="stable")
    sh, owner = sh[order], owner[order]
    bounds = np.flatnonzero(np.diff(sh)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(sh)]])
    df = ends - starts
    keep = (df >= 2) & (df <= MAX_DF)
    n = len(docs)
    chunks: list[np.ndarray] = []
    for s, e in zip(starts[keep], ends[keep], strict=True):
        g = owner[s:e]
        ii, jj = np.triu_indices(len(g), 1)
        chunks.append(g[ii] * n + g[jj])
    codes, shared = np.unique(np.concatenate(chunks), return_counts=True)
    sizes = np.array([len(d.shingles) for d in docs])
    days = np.array([d.day for d in docs])
    fam = np.array([CORPORA.index(d.family) for d in docs])
    a, b = codes // n, codes % n
    approx = shared / (sizes[a] + sizes[b] - shared)
    ok = (approx >= min_j * 0.8) & (np.abs(days[a] - days[b]) <= max_days) & (fam[a] == fam[b])
    out: dict[tuple[int, int], float] = {}
    for i, j in zip(a[ok].tolist(), b[ok].tolist(), strict=True):
        x = jaccard(docs[i].shingles, docs[j].shingles)
        if x >= min_j:
            out[(i, j)] = x
    return out


def salient_pairs(docs: list[Doc], max_days: int) -> dict[tuple[int, int], int]:
    """Pairs of different outlets of one corpus, <= max_days apart, whose titles share >= 2 salient
    words (normalized title words of 3+ letters found in 2..max(30, 0.2% of N) titles)."""
    df = Counter(w for d in docs for w in d.title_words)
    cap = max(30, len(docs) // 500)
    index: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for w in d.title_words:
            if 2 <= df[w] <= cap:
                index[w].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in index.values():
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                di, dj = docs[i], docs[j]
                if di.family == dj.family and di.outlet != dj.outlet and abs(di.day - dj.day) <= max_days:
                    shared[(i, j)] += 1
    return {p: c for p, c in shared.items() if c >= 2}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=Path("/tmp/story_pairs.candidates.jsonl"))
    ap.add_argument("--keep-labels", type=Path, help="carry labels over from this pairs file")
    ap.add_argument("--leads", type=Path, help="also write titles and leads of every pair here")
    ap.add_argument("--lead-chars", type=int, default=600, help="characters of each lead in --leads")
    args = ap.parse_args(argv)
    lead_chars = args.lead_chars
    rng = random.Random(args.seed)
    t0 = time.time()
    docs = load_docs()

    by_url: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        if d.canon and d.family != "saudi":
            by_url[d.canon].append(i)
    exact_pool = sorted((ids[0], ids[1]) for ids in by_url.values() if len(ids) == 2)
    exact_set = {tuple(sorted((x, y))) for ids in by_url.values() for x in ids for y in ids if x < y}
    for fam in ("ant", "jawhara"):
        for name, attr in (("identical URL", "url"), ("canonical URL", "canon")):
            groups: Counter[str] = Counter(getattr(d, attr) for d in docs
                                           if d.family == fam and getattr(d, attr))
            sizes = Counter(c for c in groups.values() if c > 1)
            print(f"exact duplicates, {fam}, {name}: " + ", ".join(f"{c} URLs filed {k} times"
                                                                  for k, c in sorted(sizes.items())),
                  file=sys.stderr)

    sim = similar_pairs(docs, max_days=7, min_j=0.15)
    sim = {p: x for p, x in sim.items() if p not in exact_set}
    high_pool = sorted(p for p, x in sim.items() if x >= 0.5)
    medium_pool = sorted(p for p, x in sim.items() if x < 0.5)
    sal = salient_pairs(docs, max_days=3)
    event_pool = sorted(p for p in sal if p not in sim and p not in exact_set)
    print(f"pools: high {len(high_pool)}, medium {len(medium_pool)}, event {len(event_pool)}",
          file=sys.stderr)

    uses: Counter[int] = Counter()
    drawn: list[tuple[str, int, int]] = []
    taken: set[tuple[int, int]] = set()

    def take(stratum: str, pool: list[tuple[int, int]], n: int, balance: bool = True) -> None:
        """n pairs from pool, spread over the corpora (round robin) when balance is set."""
        groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for p in pool:
            groups[docs[p[0]].family if balance else "all"].append(p)
        for g in groups.values():
            rng.shuffle(g)
        got = 0
        while got < n and any(groups.values()):
            for fam in sorted(groups):
                g = groups[fam]
                while g:
                    i, j = g.pop()
                    if uses[i] < MAX_USES and uses[j] < MAX_USES and (i, j) not in taken:
                        drawn.append((stratum, i, j))
                        taken.add((i, j))
                        uses[i] += 1
                        uses[j] += 1
                        got += 1
                        break
                if got >= n:
                    break

    take("exact", exact_pool, QUOTA["exact"], balance=False)
    # Near-identical texts (J >= 0.95) are easy positives: at most NEAR_IDENTICAL of the high quota.
    take("high", [p for p in high_pool if sim[p] >= 0.95], NEAR_IDENTICAL)
    take("high", [p for p in high_pool if sim[p] < 0.95], QUOTA["high"] - NEAR_IDENTICAL)
    take("medium", medium_pool, QUOTA["medium"])
    take("event", event_pool, QUOTA["event"])
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        if d.day:
            by_family[d.family].append(i)
    random_pool: list[tuple[int, int]] = []
    for _fam, ids in sorted(by_family.items()):
        ids.sort(key=lambda i: docs[i].day)
        for _ in range(QUOTA["random"]):
            i = rng.choice(ids)
            near = [j for j in ids if j != i and abs(docs[j].day - docs[i].day) <= 3]
            if near:
                j = rng.choice(near)
                random_pool.append((min(i, j), max(i, j)))
    take("random", random_pool, QUOTA["random"])

    old: dict[tuple[str, str], dict[str, Any]] = {}
    if args.keep_labels and args.keep_labels.exists():
        for line in args.keep_labels.read_text(encoding="utf-8").splitlines():
            if line.strip():
                p = json.loads(line)
                old[(key(p["a"]), key(p["b"]))] = p
    rows: list[dict[str, Any]] = []
    for n, (stratum, i, j) in enumerate(drawn, 1):
        a, b = docs[i], docs[j]
        row: dict[str, Any] = {
            "pair": n, "stratum": stratum, "similarity": round(jaccard(a.shingles, b.shingles), 3),
            "a": a.ref, "b": b.ref,
            "outlet_a": a.outlet, "outlet_b": b.outlet, "date_a": a.published, "date_b": b.published,
            "title_a": a.title, "title_b": b.title, "same_story": None, "reason": "",
        }
        prev = old.get((key(a.ref), key(b.ref)))
        if prev is not None:
            row["same_story"], row["reason"] = prev.get("same_story"), prev.get("reason", "")
        rows.append(row)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.leads:
        with open(args.leads, "w", encoding="utf-8") as f:
            for (stratum, i, j), row in zip(drawn, rows, strict=True):
                f.write(f"### {row['pair']} {stratum} J={row['similarity']}\n")
                for d in (docs[i], docs[j]):
                    f.write(f"[{d.outlet} {d.published}] {d.title}\n    {d.lead[:lead_chars]}\n")
                f.write("\n")
    counts = Counter(s for s, _, _ in drawn)
    print(f"drew {len(rows)} pairs {dict(counts)} in {time.time() - t0:.0f} s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
