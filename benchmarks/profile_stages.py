#!/usr/bin/env python3
"""Per-stage CPU time of the default pipeline over a fixed SaudiNewsNet sample, plus RSS before/after.

Single process, one core. Reads the first `--files` daily files of ../shared/data/news/saudinewsnet
(sorted by name, so the sample is fixed), takes up to `--articles` articles, warms the stages on the
first `--warmup`, then times every stage with `time.process_time` (CPU seconds, not wall time) and
prints ms/article per stage, the total and articles/s. RSS (resident memory) is read from
/proc/self/status before the timed run and after it, and every `--every` articles, so a growing cache
shows up as a rising line. Run from the repository root:

    .venv/bin/python benchmarks/profile_stages.py                            # 400 articles
    .venv/bin/python benchmarks/profile_stages.py --articles 30000 --files 400 --every 5000
    .venv/bin/python benchmarks/profile_stages.py --inputs ../shared/data/news/ant_multisource.tar.gz

Speed is reported here, never asserted in tests.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from rasd.api import articles
from rasd.pipeline import DEFAULT_PIPELINE, Pipeline

ROOT = Path(__file__).resolve().parents[1]
SNN = ROOT / ".." / "shared" / "data" / "news" / "saudinewsnet"


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0.0 where it is not available)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=400, help="articles to time (after warm-up)")
    p.add_argument("--files", type=int, default=2, help="SaudiNewsNet daily files to read")
    p.add_argument("--warmup", type=int, default=20, help="articles run before timing")
    p.add_argument("--every", type=int, default=0, help="print RSS every N articles (0: never)")
    p.add_argument("--inputs", nargs="*", help="other inputs (archives, files) instead of SaudiNewsNet")
    args = p.parse_args()
    inputs = args.inputs or [str(f) for f in sorted(SNN.glob("*.json.gz"))[:args.files]]
    if not inputs:
        print(f"profile_stages: no input (looked in {SNN})", file=sys.stderr)
        return 1
    pipe = Pipeline(DEFAULT_PIPELINE)
    stream = (a for a in articles(inputs) if not isinstance(a, Exception))
    for a in itertools.islice(stream, args.warmup):
        pipe(a)
    stage_t = dict.fromkeys(pipe.names, 0.0)
    failures = dict.fromkeys(pipe.names, 0)
    rss0 = rss_mb()
    n = chars = 0
    t0 = time.process_time()
    for a in itertools.islice(stream, args.articles):
        n += 1
        chars += len(a.text)
        for name, stage in zip(pipe.names, pipe.stages, strict=True):
            s = time.process_time()
            try:
                a = stage(a)
            except Exception:  # noqa: BLE001 - counted, as the pipeline reports a failed stage
                failures[name] += 1
            stage_t[name] += time.process_time() - s
        if args.every and n % args.every == 0:
            print(f"  after {n:6d} articles: RSS {rss_mb():7.1f} MB", flush=True)
    total = time.process_time() - t0
    if not n:
        print("profile_stages: no article read", file=sys.stderr)
        return 1
    print(f"{n} articles, {chars / n:.0f} chars on average, CPU {total:.2f} s -> {n / total:.1f} articles/s")
    for name, v in stage_t.items():
        fail = f"  ({failures[name]} failed)" if failures[name] else ""
        print(f"  {name:10s} {1000 * v / n:7.2f} ms/article{fail}")
    print(f"RSS before {rss0:.1f} MB, after {rss_mb():.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
