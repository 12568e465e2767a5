#!/usr/bin/env python3
"""Benchmark `rasd ingest`: throughput of a first ingest, peak memory as the store grows, and the
re-ingest of the same inputs (everything already stored: skipped before the stages run).

Run from the repository root (defaults: the three shared corpora into a new SQLite file):

    .venv/bin/python benchmarks/bench_ingest.py --db /tmp/rasd-bench.db [--max N] [INPUT ...]
    .venv/bin/python benchmarks/bench_ingest.py --db postgresql://user@/rasd?host=/tmp --max 2000

A line every --every items gives the articles/s so far and the RSS (current and peak). At the end,
the stories of the store: how many, the largest, and how many days they span.
"""
from __future__ import annotations

import argparse
import datetime
import resource
import sys
import time
from pathlib import Path

import rasd
from rasd.errors import RasdError
from rasd.ingest import IngestStats, ingest
from rasd.store import SqlStore, open_store

NEWS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news"
DEFAULT_INPUTS = [NEWS / "ant_v1_jawharafm.tar.gz", NEWS / "ant_multisource.tar.gz", NEWS / "saudinewsnet"]


def _rss_mb() -> tuple[float, float]:
    current = 0.0
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_parts() -> str:
    """The process's own memory (anonymous) and the pages of mapped files (code, models, a store's
    map) in its RSS, from /proc/self/status."""
    parts = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(("RssAnon:", "RssFile:")):
                parts[line.split(":")[0]] = int(line.split()[1]) / 1024
    return f"anon {parts.get('RssAnon', 0):.0f} MB, file {parts.get('RssFile', 0):.0f} MB"


def _days(published: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def story_report(store: SqlStore) -> str:
    """The stories of a store: count, the largest sizes, and the spread of their spans in days."""
    rows = list(store.story_rows())
    multi = [r for r in rows if r[1] > 1]
    spans = sorted((last - first).days for _, _, a, b in multi
                   if (first := _days(a)) is not None and (last := _days(b)) is not None)

    def pct(q: float) -> int:
        return spans[min(len(spans) - 1, int(q * len(spans)))] if spans else 0

    largest = ", ".join(f"{n} ({a and a[:10]}..{b and b[:10]})" for _, n, a, b in
                        sorted(rows, key=lambda r: -r[1])[:5])
    return (f"{len(rows)} stories, {len(multi)} of two or more articles; largest {largest}; span in days of "
            f"the stories of 2+ dated articles: median {pct(0.5)}, p90 {pct(0.9)}, p99 {pct(0.99)}, "
            f"max {spans[-1] if spans else 0}, over 7 days {sum(1 for d in spans if d > 7)}")


def _run(label: str, inputs: list[str], db: str, pipeline: rasd.Pipeline, every: int, max_items: int | None
         ) -> IngestStats:
    mark = [every]

    def progress(stats: IngestStats) -> None:
        if stats.items >= mark[0]:
            mark[0] += every
            cur, peak = _rss_mb()
            print(f"{label}: {stats.items} items, {stats.items / max(stats.seconds, 1e-9):.1f}/s, "
                  f"stages run on {stats.stages_run}, RSS {cur:.0f} MB (peak {peak:.0f} MB; {_rss_parts()}), "
                  f"{stats.seconds:.0f} s", flush=True)

    with open_store(db) as store:
        stats = ingest(inputs, store, pipeline, on_progress=progress, max_items=max_items)
        # taken before the queries below, which read the store through its memory map again
        (cur, peak), parts = _rss_mb(), _rss_parts()
        stored = store.count()
        stories = story_report(store)
    print(f"{label}: {stats.summary()}; {stats.items / max(stats.seconds, 1e-9):.1f} items/s, "
          f"stages run on {stats.stages_run}; {stored} articles in the store; RSS {cur:.0f} MB "
          f"(peak {peak:.0f} MB; {parts})", flush=True)
    print(f"{label}: {stories}", flush=True)
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="inputs (default: the three shared corpora)")
    parser.add_argument("--db", required=True, help="SQLite path or postgresql:// URL")
    parser.add_argument("--max", type=int, default=None, help="stop after this many input items")
    parser.add_argument("--every", type=int, default=10_000, help="a progress line every N items")
    parser.add_argument("--no-reingest", action="store_true", help="skip the second (re-ingest) pass")
    args = parser.parse_args()
    inputs = args.inputs or [str(p) for p in DEFAULT_INPUTS]
    try:
        t = time.monotonic()
        pipeline = rasd.load_pipeline()
        print(f"pipeline {pipeline.fingerprint} loaded in {time.monotonic() - t:.1f} s", flush=True)
        first = _run("ingest", inputs, args.db, pipeline, args.every, args.max)
        if not args.no_reingest:
            again = _run("re-ingest", inputs, args.db, pipeline, args.every, args.max)
            print(f"re-ingest took {again.seconds:.1f} s against {first.seconds:.1f} s "
                  f"({100 * again.seconds / max(first.seconds, 1e-9):.1f}% of the first run)")
    except RasdError as e:
        print(f"bench_ingest: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
