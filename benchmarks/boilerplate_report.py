#!/usr/bin/env python3
"""How many articles each boilerplate rule touched, per corpus: judges the rules of rasd.lang.ar.boilerplate.

Run from the repository root (reads ../shared/data/news; about a minute):

    .venv/bin/python benchmarks/boilerplate_report.py [--examples N]

Prints a Markdown table (rows: rules, columns: corpora) and, with --examples, N removed lines per
rule and corpus to audit by eye.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rasd.api import articles
from rasd.errors import InputError
from rasd.readers.raw import SkippedItem

NEWS = Path("..") / "shared" / "data" / "news"
CORPORA = {
    "ANT v2.1": NEWS / "ant_multisource.tar.gz",
    "ANT v1.1 (JawharaFM)": NEWS / "ant_v1_jawharafm.tar.gz",
    "SaudiNewsNet": NEWS / "saudinewsnet",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=0, metavar="N")
    args = ap.parse_args()
    missing = [str(p) for p in CORPORA.values() if not p.exists()]
    if missing:
        print(f"boilerplate_report: not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    touched: dict[str, Counter[str]] = {}
    totals: dict[str, Counter[str]] = {}
    samples: dict[tuple[str, str], list[str]] = defaultdict(list)
    rng = random.Random(0)
    for name, path in CORPORA.items():
        per_rule: Counter[str] = Counter()
        total: Counter[str] = Counter()
        seen = 0
        for item in articles([str(path)]):
            if isinstance(item, SkippedItem):
                total["empty, skipped"] += 1
                continue
            if isinstance(item, InputError):
                total["input errors"] += 1
                continue
            total["articles"] += 1
            reasons = {r.reason for r in item.removed}
            total["any rule"] += bool(reasons)
            per_rule.update(reasons)
            for r in item.removed:
                key = (name, r.reason)
                seen += 1
                if len(samples[key]) < args.examples:  # reservoir-ish: keep early ones, replace some
                    samples[key].append(r.text)
                elif args.examples and rng.random() < 0.01:
                    samples[key][rng.randrange(args.examples)] = r.text
        touched[name], totals[name] = per_rule, total
    names = list(CORPORA)
    rules = sorted({r for c in touched.values() for r in c})
    print("| rule (reason) | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for row in ("articles", "empty, skipped", "any rule"):
        print(f"| {row} | " + " | ".join(f"{totals[n][row]:,}" for n in names) + " |")
    for rule in rules:
        print(f"| {rule} | " + " | ".join(f"{touched[n][rule]:,}" for n in names) + " |")
    for (name, rule), texts in sorted(samples.items()):
        print(f"\n## {name} / {rule}")
        for t in texts:
            print("  -", t[:120])
    return 0


if __name__ == "__main__":
    sys.exit(main())
