#!/usr/bin/env python3
"""Benchmark the `rasd extract` path over the whole SaudiNewsNet corpus: articles/s and peak memory.

Single process. Same as `rasd bench`; run from the repository root:

    .venv/bin/python benchmarks/bench_extract.py                      # full default pipeline
    .venv/bin/python benchmarks/bench_extract.py --stages none        # reading + cleaning only
    .venv/bin/python benchmarks/bench_extract.py --stages sentences,dates --every 5000

A line every N articles shows RSS so far, to show memory stays flat as the corpus grows.
"""
from __future__ import annotations

import argparse
import sys

from rasd.cli.bench import add_arguments, run
from rasd.errors import RasdError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    try:
        return run(parser.parse_args())
    except RasdError as e:
        print(f"bench_extract: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
