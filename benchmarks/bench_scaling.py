#!/usr/bin/env python3
"""Does any stage cost more than linearly in the article's length? Seconds per stage per article size.

Builds synthetic articles by repeating the paragraphs of the reference article
(`../shared/examples/000_98c889641a669656.txt`, real Arabic news) to about 10k, 100k and 1M
characters (past `MAX_ARTICLE_CHARS`, 200k, the limit is lifted in the child process so that the
stages can be timed beyond it), and times reading, cleaning
(build_article, language detection included) and every stage of the default pipeline on each, one
size per child process (so each size's peak RSS is its own). A linear stage takes ~10x longer per
10x size; the last column is the ratio of the largest size's time to 100x the smallest's (1.0 =
linear). `--big` also feeds `rasd extract` a 50 MB plain-text article and a one-million-line file
and prints wall time and peak RSS (both are refused by the size limits, in bounded time and memory).

    PYTHONPATH=src python benchmarks/bench_scaling.py [--sizes 10000,100000,1000000] [--big]

Speed is reported here, never asserted in tests.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / ".." / "shared" / "examples" / "000_98c889641a669656.txt"


def synthetic(chars: int) -> str:
    """A plain-text article of about `chars` characters: the reference title, then its body
    paragraphs repeated (source line and comment prompt left out)."""
    lines = [x for x in REFERENCE.read_text(encoding="utf-8").split("\n") if x.strip()]
    title, body = lines[0], [x for x in lines[1:] if len(x) > 80]
    out, n, i = [title], len(title), 0
    while n < chars - 1000:
        line = body[i % len(body)]
        out.append(line)
        n += len(line) + 1
        i += 1
    return "\n".join(out) + "\n"


def measure(chars: int) -> dict[str, object]:
    """Seconds per step for one synthetic article of `chars` characters, in this process."""
    from rasd.errors import InputError
    from rasd.pipeline import DEFAULT_PIPELINE, load_stage
    from rasd.readers import limits, read_blob
    from rasd.readers.article import build_article
    from rasd.readers.containers import Blob

    limits.MAX_ARTICLE_CHARS = max(limits.MAX_ARTICLE_CHARS, 2 * chars)
    text = synthetic(chars)
    stages = [(name, load_stage(name)) for name in DEFAULT_PIPELINE]
    warm = build_article(next(r for r in read_blob(Blob("warm.txt", synthetic(3000).encode()))
                              if not isinstance(r, InputError)))
    for _, stage in stages:  # models and caches load on first use: not timed
        warm = stage(warm)
    times: dict[str, float] = {}
    t = time.perf_counter()
    raws = [r for r in read_blob(Blob("synthetic.txt", text.encode("utf-8")))]
    times["read"] = time.perf_counter() - t
    raw = raws[0]
    assert not isinstance(raw, InputError), raw
    t = time.perf_counter()
    article = build_article(raw)
    times["clean"] = time.perf_counter() - t
    for name, stage in stages:
        t = time.perf_counter()
        article = stage(article)
        times[name] = time.perf_counter() - t
    return {"chars": len(article.text), "times": times,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "entities": len(article.entities), "bad_spans": len(article.bad_spans())}


def big_inputs() -> None:
    """`rasd extract` on a 50 MB article and a one-million-line file: wall time and peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big50.txt"
        unit = synthetic(100_000).encode("utf-8")
        with big.open("wb") as f:
            while f.tell() < 50 * 1024 * 1024:
                f.write(unit)
        lines = Path(tmp) / "lines.txt"
        lines.write_bytes("سطر\n".encode() * 1_000_000)
        # Each run under its own parent, so that RUSAGE_CHILDREN is that run's peak RSS alone.
        probe = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, "
                 "text=True); print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
                 "p.stderr.strip()[:160])")
        for path in (big, lines):
            t = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "rasd", "extract",
                                   str(path)], capture_output=True, text=True, check=False)
            wall = time.perf_counter() - t
            code, rss, err = proc.stdout.strip().split(" ", 2)
            print(f"{path.name}: {path.stat().st_size:,} bytes, exit {code}, {wall:.1f} s, "
                  f"peak RSS {int(rss) / 1024:.0f} MB; stderr: {err}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child mode: one size, JSON out
    ap.add_argument("--big", action="store_true", help="also the 50 MB and one-million-line inputs")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    if not REFERENCE.exists():
        print(f"no reference article at {REFERENCE}", file=sys.stderr)
        return 1
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        proc = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True,
                              text=True, check=False)
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    steps = list(results[0]["times"])
    head = "".join(f"{r['chars']:>12,}" for r in results)
    print(f"{'step (seconds)':16}{head}  ratio")
    for step in steps:
        row = "".join(f"{r['times'][step]:>12.4f}" for r in results)
        first, last = results[0], results[-1]
        scale = last["chars"] / first["chars"]
        ratio = last["times"][step] / max(first["times"][step] * scale, 1e-9)
        print(f"{step:16}{row}  {ratio:5.2f}")
    print(f"{'total':16}" + "".join(f"{sum(r['times'].values()):>12.4f}" for r in results))
    print(f"{'peak RSS (MB)':16}" + "".join(f"{r['rss_mb']:>12.0f}" for r in results))
    print(f"{'bad spans':16}" + "".join(f"{r['bad_spans']:>12}" for r in results))
    if args.big:
        big_inputs()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
