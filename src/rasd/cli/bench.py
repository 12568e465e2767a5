"""`rasd bench`: articles per second and memory of the extract path (read, clean, stages, JSON)."""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rasd import InputError, Pipeline, SkippedItem, UsageError, read
from rasd.pipeline import DEFAULT_PIPELINE
from rasd.shared_data import shared_path

# Inside the shared data folder (rasd.shared_data: `rasd --data PATH`, $RASD_SHARED, ../shared).
DEFAULT_CORPUS = Path("..") / "shared" / "data" / "news" / "saudinewsnet"
CORPUS_PARTS = ("data", "news", "saudinewsnet")


@dataclass
class Progress:
    """Where a benchmark run stands: counts so far, time, and memory (MB)."""

    articles: int
    skipped: int
    errors: int
    seconds: float
    articles_per_s: float
    rss_mb: float
    peak_rss_mb: float
    stages: str
    load_seconds: float = 0.0
    final: bool = False


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc), else the peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is in KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def parse_stages(value: str | None) -> tuple[str, ...]:
    """`none` -> no stages, `default`/None -> DEFAULT_PIPELINE, else a comma-separated list."""
    if value is None or value == "default":
        return tuple(DEFAULT_PIPELINE)
    if value == "none":
        return ()
    return tuple(s.strip() for s in value.split(",") if s.strip())


def measure(inputs: Iterable[str], *, stages: Sequence[str], every: int = 5000,
            limit: int | None = None, serialize: bool = True) -> Iterator[Progress]:
    """Run the extract path over `inputs`, yielding a Progress every `every` articles and at the end."""
    t_load = time.perf_counter()
    pipe = Pipeline(stages)
    load = time.perf_counter() - t_load
    names = ",".join(stages) or "none"
    n = skipped = errors = 0
    t0 = time.perf_counter()

    def snapshot(final: bool = False) -> Progress:
        dt = time.perf_counter() - t0
        return Progress(n, skipped, errors, round(dt, 2), round(n / dt, 1) if dt else 0.0,
                        round(rss_mb(), 1), round(peak_rss_mb(), 1), names, round(load, 2), final)

    for item in read(inputs):
        if isinstance(item, SkippedItem):
            skipped += 1
            continue
        if isinstance(item, InputError):
            errors += 1
            continue
        art = pipe(item)
        if serialize:
            json.dumps(art.to_dict(), ensure_ascii=False)
        n += 1
        if every and n % every == 0:
            yield snapshot()
        if limit and n >= limit:
            break
    yield snapshot(final=True)


def register(groups: dict[str, Any]) -> None:
    p = groups[""].add_parser(
        "bench", help="measure articles/s and memory of the extract path (default: all of SaudiNewsNet)")
    add_arguments(p)
    p.set_defaults(func=run)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help=f"inputs as for `rasd extract` (default: {DEFAULT_CORPUS})")
    p.add_argument("--stages", default=None,
                   help="'none' (reading and cleaning only), 'default' (the full default pipeline), "
                        "or a comma-separated list such as sentences,dates")
    p.add_argument("--every", type=int, default=5000, metavar="N",
                   help="print speed and memory after every N articles (0: only at the end)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="stop after N articles")
    p.add_argument("--no-json", action="store_true", help="leave out serializing the records")
    p.add_argument("--json", action="store_true", help="print each report as a JSON object")


def run(args: argparse.Namespace) -> int:
    inputs = args.inputs
    if not inputs:
        corpus = shared_path(*CORPUS_PARTS)
        if not corpus.exists():
            raise UsageError(f"{corpus} not found: give the INPUTs to measure")
        inputs = [str(corpus)]
    stages = parse_stages(args.stages)
    for p in measure(inputs, stages=stages, every=args.every, limit=args.limit,
                     serialize=not args.no_json):
        if args.json:
            print(json.dumps(asdict(p)), flush=True)
        elif p.final:
            print(f"stages: {p.stages} (loaded in {p.load_seconds} s)\n"
                  f"articles: {p.articles}  skipped (empty): {p.skipped}  input errors: {p.errors}\n"
                  f"time: {p.seconds} s  speed: {p.articles_per_s} articles/s (single process)\n"
                  f"memory: peak RSS {p.peak_rss_mb} MB, RSS at end {p.rss_mb} MB", flush=True)
        else:
            print(f"{p.articles:>7} articles  {p.seconds:>7.1f} s  {p.articles_per_s:>7.1f} art/s  "
                  f"RSS {p.rss_mb:.0f} MB  peak {p.peak_rss_mb:.0f} MB", flush=True)
    return 0
