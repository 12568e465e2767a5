#!/usr/bin/env python3
"""Benchmark `rasd search`: latency p50/p95 over 200 real queries against a store.

The queries are drawn (seeded) from the stored titles: 100 of one word and 100 of two words in a
row, half of each with a filter (source, country, event type or count kind, taken from the facets).
Each query is timed as `store.search` runs it: the total, one ranked page of 20 with snippets, and
(with `--facets`) the facets. The run is bounded by `--budget` seconds (it says so when the budget cut
it short) and ends with a Markdown table per query class that the README quotes.

    .venv/bin/python benchmarks/bench_search.py --db /tmp/rasd-bench.db
    .venv/bin/python benchmarks/bench_search.py --db postgresql://… --copy-from /tmp/rasd-bench.db

`--copy-from` first fills the (empty) target store with every record and sighting of another store,
so both backends can be measured on the same articles without running the pipeline twice.
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time

from rasd.errors import RasdError
from rasd.search import Query, make_query
from rasd.store import SqlStore, StoredArticle, open_store

_WORD = re.compile(r"^[\u0621-\u064a]{3,}$")
FILTERS = ("source", "country", "event", "count")


def copy_store(src: SqlStore, dst: SqlStore, batch: int = 500) -> int:
    ids = src.ids()
    for k in range(0, len(ids), batch):
        chunk = ids[k:k + batch]
        records = [src.get(i) for i in chunk]
        arts = []
        for r in records:
            assert r is not None
            story = r.pop("story", None)
            arts.append(StoredArticle.from_record(r))
            del story
        dst.put_batch(arts, [(i, s) for i in chunk for s in src.sightings(i)])
    return len(ids)


def queries(store: SqlStore, n: int = 200, seed: int = 7) -> list[Query]:
    rng = random.Random(seed)
    titles = [h.title for h in store.search(make_query("", limit=1000), facets=False).results]
    facets = store.search(make_query("", limit=1)).facets
    out: list[Query] = []
    while len(out) < n:
        words = [w for w in rng.choice(titles).split() if _WORD.match(w)]
        if len(words) < 2:
            continue
        two = len(out) % 2 == 1
        k = rng.randrange(len(words) - 1)
        text = " ".join(words[k:k + 2]) if two else words[k]
        kwargs: dict[str, str] = {}
        if (len(out) // 2) % 2 == 1:
            name = rng.choice([f for f in FILTERS if facets.get(f)])
            kwargs[name] = rng.choice(facets[name][:5])[0]
        out.append(make_query(text, **kwargs))  # type: ignore[arg-type]
    return out


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def _class(q: Query) -> str:
    words = "two words" if " " in q.text else "one word"
    return f"{words}, {'filter' if any(getattr(q, f) for f in FILTERS) else 'no filter'}"


CLASSES = ("one word, no filter", "one word, filter", "two words, no filter", "two words, filter")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite path or postgresql:// URL")
    parser.add_argument("--copy-from", help="fill the store from this one first (SQLite path or URL)")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the queries (the first warms)")
    parser.add_argument("--facets", action="store_true", help="also time the searches with their facets")
    parser.add_argument("--budget", type=float, default=600.0, metavar="S",
                        help="stop timing after this many seconds in all (default 600); the table then "
                             "says how many queries were timed")
    args = parser.parse_args()
    started = time.monotonic()
    try:
        with open_store(args.db) as store:
            if args.copy_from:
                t = time.monotonic()
                with open_store(args.copy_from) as src:
                    n = copy_store(src, store)
                print(f"copied {n} articles in {time.monotonic() - t:.1f} s", flush=True)
            qs = queries(store)
            print(f"{store.backend}: {store.count()} articles, {len(qs)} queries "
                  f"({sum(1 for q in qs if ' ' in q.text)} of two words, "
                  f"{sum(1 for q in qs if any(getattr(q, f) for f in FILTERS))} with a filter)", flush=True)
            table: list[str] = ["| backend | facets | queries | p50 ms | p95 ms | max ms |",
                                "|---|---|---|---:|---:|---:|"]
            for facets in ((False, True) if args.facets else (False,)):
                label = "with facets" if facets else "without facets"
                times: dict[str, list[float]] = {}
                out_of_time = False
                for r in range(args.rounds):  # noqa: B007 - the pass is named when cut short
                    times = {c: [] for c in CLASSES}
                    for q in qs:
                        if time.monotonic() - started > args.budget:
                            out_of_time = True
                            break
                        t = time.perf_counter()
                        store.search(q, facets=facets)
                        times[_class(q)].append((time.perf_counter() - t) * 1000)
                    if out_of_time:
                        break
                timed = [x for c in CLASSES for x in times[c]]
                if out_of_time:
                    print(f"bench_search: the {args.budget:.0f} s budget ran out during the {label} pass "
                          f"{r + 1}: {len(timed)} of {len(qs)} queries timed in it", file=sys.stderr)
                if not timed:
                    continue
                for c in (*CLASSES, "all"):
                    xs = timed if c == "all" else times[c]
                    if xs:
                        table.append(f"| {store.backend} | {label} | {c} ({len(xs)}) | {_pct(xs, 50):.1f} | "
                                     f"{_pct(xs, 95):.1f} | {max(xs):.1f} |")
                print(f"{store.backend} {label}: p50 {_pct(timed, 50):.1f} ms, p95 {_pct(timed, 95):.1f} ms, "
                      f"mean {statistics.mean(timed):.1f} ms", flush=True)
            print("\n".join(table))
    except RasdError as e:
        print(f"bench_search: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
