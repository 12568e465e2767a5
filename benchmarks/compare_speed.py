#!/usr/bin/env python3
"""Full-pipeline speed of two checkouts side by side in one run, on the first SaudiNewsNet articles.

Each side is its own subprocess with `PYTHONPATH=<checkout>/src`. Each reads and cleans the first N
articles (default 2,000; day files in date order, items in file order) and builds the default pipeline
before anything is timed, runs an untimed warm-up, then waits. The rounds alternate between the
sides block by block (`--block` articles a turn: before, after, after, before, ...), so a drift in
machine load falls on both; each turn times only the pipeline over fresh copies of its articles (copied
before the clock starts). Reports
every round, the median articles/s per side, the after/before ratio and the peak RSS of each side.
Run from the repository root:

    python benchmarks/compare_speed.py                                 # /work/base against this tree
    python benchmarks/compare_speed.py --before ../old --after . --articles 500 --rounds 5
"""
from __future__ import annotations

import argparse
import copy
import gc
import os
import shlex
import statistics
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sides  # noqa: E402  (the sibling module, not an installed package)

SAUDI = sides.NEWS / "saudinewsnet"


def worker(src: str, n: str, warmup: str) -> int:
    rasd = sides.worker_setup(src)
    inputs = [str(p) for p in sorted(SAUDI.glob("*.json.gz"))]
    t0 = time.perf_counter()
    articles: list[Any] = []
    errors = 0
    for item in sides.read_articles(rasd, inputs):
        if isinstance(item, Exception):
            errors += 1
            continue
        articles.append(item)
        if len(articles) >= int(n):
            break
    read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pipe = sides.load_pipeline(rasd)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in copy.deepcopy(articles[:int(warmup)]):
        pipe(a)
    warm_s = time.perf_counter() - t0
    sides.reply({"articles": len(articles), "chars": sum(len(a.text) for a in articles), "errors": errors,
                 "read_s": round(read_s, 2), "load_s": round(load_s, 2), "warmup_s": round(warm_s, 2),
                 "rasd": rasd.__file__})
    for req in sides.requests():
        fresh = copy.deepcopy(articles[req.get("from", 0):req.get("to", len(articles))])
        gc.collect()
        t0 = time.perf_counter()
        for a in fresh:
            pipe(a)
        dt = time.perf_counter() - t0
        sides.reply({"seconds": round(dt, 3), "articles_per_s": round(len(fresh) / dt, 1),
                     "peak_rss_mb": round(sides.peak_rss_mb(), 1)})
        del fresh
    return 0


def main(argv: Iterable[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw[:1] == ["--worker"]:
        return worker(*raw[1:4])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, default=sides.DEFAULT_BEFORE,
                        help=f"checkout of the old code (default {sides.DEFAULT_BEFORE})")
    parser.add_argument("--after", type=Path, default=sides.REPO,
                        help=f"checkout of the new code (default this tree, {sides.REPO})")
    parser.add_argument("--articles", type=int, default=2000, help="first N SaudiNewsNet articles (2000)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per side (default 3)")
    parser.add_argument("--block", type=int, default=100,
                        help="articles per turn: within a round the sides take turns block by block "
                             "(before, after, after, before, ...), so load drift falls on both (default 100)")
    parser.add_argument("--warmup", type=int, default=100, help="untimed warm-up articles (default 100)")
    parser.add_argument("--output", type=Path, default=None, help="write the report here (default stdout)")
    args = parser.parse_args(raw)
    if not SAUDI.exists():
        print(f"compare_speed: {SAUDI} not found", file=sys.stderr)
        return 1
    script = Path(__file__).resolve()
    names = ("before", "after")
    checkouts = {"before": args.before, "after": args.after}
    workers = {s: sides.Side(s, checkouts[s], script, [str(args.articles), str(args.warmup)]) for s in names}
    ready = {s: workers[s].receive() for s in names}
    load0 = os.getloadavg()[0]
    rounds: dict[str, list[dict[str, Any]]] = {s: [] for s in names}
    n = min(ready[s]["articles"] for s in names)
    blocks = [(i, min(i + max(1, args.block), n)) for i in range(0, n, max(1, args.block))]
    for r in range(args.rounds):
        print(f"compare_speed: round {r + 1} ({len(blocks)} blocks)…", file=sys.stderr)
        total = {s: {"seconds": 0.0, "articles": 0, "peak_rss_mb": 0.0} for s in names}
        for b, (lo, hi) in enumerate(blocks):
            for s in names if (b + r) % 2 == 0 else names[::-1]:
                workers[s].send({"round": r, "from": lo, "to": hi})
                got = workers[s].receive()
                total[s]["seconds"] += got["seconds"]
                total[s]["articles"] += hi - lo
                total[s]["peak_rss_mb"] = got["peak_rss_mb"]
        for s in names:
            t = total[s]
            rounds[s].append({"seconds": round(t["seconds"], 3),
                              "articles_per_s": round(t["articles"] / t["seconds"], 1),
                              "peak_rss_mb": t["peak_rss_mb"]})
    load1 = os.getloadavg()[0]
    for w in workers.values():
        w.close()
    med = {s: statistics.median(x["articles_per_s"] for x in rounds[s]) for s in names}
    out: list[str] = []
    o = out.append
    o("# Full-pipeline speed: before → after\n")
    for s in names:
        x = ready[s]
        o(f"- {s}: `{checkouts[s]}` ({sides.git_label(checkouts[s])}): {x['articles']} articles "
          f"({x['chars']:,} characters, {x['errors']} input errors/skips before them) read in "
          f"{x['read_s']} s; pipeline built in {x['load_s']} s; warm-up {args.warmup} articles "
          f"{x['warmup_s']} s")
    if ready["before"]["articles"] != ready["after"]["articles"] or ready["before"]["chars"] != \
            ready["after"]["chars"]:
        o("- **the two sides read different articles**: speeds are not directly comparable")
    o(f"- load average (1 min) {load0:.2f} at the first round, {load1:.2f} after the last; "
      f"{os.cpu_count()} CPUs; single process per side, sides never run at the same time")
    o(f"- command: `{' '.join(shlex.quote(a) for a in sys.argv)}`\n")
    o(f"Each round: the sides take turns in blocks of {args.block} articles (order alternating by block).\n")
    o("| round | first block | before s | before articles/s | after s | after articles/s |")
    o("|---:|---|---:|---:|---:|---:|")
    for r in range(args.rounds):
        b, a = rounds["before"][r], rounds["after"][r]
        order = "before" if r % 2 == 0 else "after"
        o(f"| {r + 1} | {order} | {b['seconds']} | {b['articles_per_s']} | {a['seconds']} | "
          f"{a['articles_per_s']} |")
    o("")
    o(f"- median: before {med['before']} articles/s, after {med['after']} articles/s "
      f"(after/before {med['after'] / med['before']:.3f})")
    o(f"- peak RSS: before {rounds['before'][-1]['peak_rss_mb']} MB, "
      f"after {rounds['after'][-1]['peak_rss_mb']} MB (the articles, the models and the pipeline runs)")
    text = "\n".join(out) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"compare_speed: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
