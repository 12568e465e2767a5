"""Throughput and memory of a shipped NER tagger over ANERcorp test.txt (one core, features included).

Usage: .venv/bin/python benchmarks/bench_ner.py [--tagger accurate|fast] [--repeat N]
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from rasd.eval.conll import read_conll
from rasd.extract.ner.tagger import NerTagger

TEST = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ner" / "anercorp" / "test.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes over the file (best one is reported)")
    ap.add_argument("--test", type=Path, default=TEST)
    ap.add_argument("--tagger", choices=("accurate", "fast"), default="accurate",
                    help="the two-pass tagger (default) or the CRF alone")
    args = ap.parse_args()
    sentences = [list(s.tokens) for s in read_conll(args.test)]
    n_tokens = sum(len(s) for s in sentences)
    t0 = time.perf_counter()
    tagger = NerTagger.default(args.tagger)
    load_s = time.perf_counter() - t0
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        # fresh per-word caches each pass, so every pass pays for feature extraction in full
        tagger.clear_caches()
        t, c = time.perf_counter(), time.process_time()
        tagger.tag_sentences(sentences)
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.tagger} tagger: load {load_s:.2f}s; {n_tokens} tokens in {best:.3f}s "
          f"(best of {args.repeat}): "
          f"{n_tokens / best:,.0f} tokens/s wall, {n_tokens / best_cpu:,.0f} tokens/s per CPU second; "
          f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
