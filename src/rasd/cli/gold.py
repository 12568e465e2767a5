"""`rasd eval gold GOLD.json`: extract a gold file's articles and print the score_records metrics."""
from __future__ import annotations

import argparse
from typing import Any

from rasd import load_pipeline
from rasd.eval.gold import METRICS, GoldReport, evaluate_gold


def register(groups: dict[str, Any]) -> None:
    p = groups["eval"].add_parser(
        "gold", help="run extract on a gold file's articles and score them (SPEC §3)")
    p.add_argument("gold", metavar="GOLD.json",
                   help="gold file; its articles' files are read relative to its folder")
    p.add_argument("--verbose", action="store_true", help="list every miss under its metric")
    p.add_argument("--stages", metavar="A,B,…",
                   help="comma-separated stage names to run instead of the default pipeline")
    for m in METRICS:
        p.add_argument("--min-" + m.replace("_", "-"), type=float, default=0.0, metavar="R",
                       help=f"fail (exit 1) when {m} is below R")
    p.set_defaults(func=run)


def format_report(report: GoldReport, *, minimums: dict[str, float] | None = None,
                  verbose: bool = False) -> tuple[list[str], bool]:
    """The lines score_records prints, and whether a minimum failed or an offset broke."""
    minimums = minimums or {}
    lines = [f"missing record for {f}" for f in report.missing]
    failed = False
    for m in report.metrics():
        r = report.ratio(m)
        want = minimums.get(m, 0.0)
        mark = "" if r >= want else f"  BELOW {want:.2f}"
        failed |= r < want
        lines.append(f"{m:16s} {report.hit.get(m, 0):4d}/{report.total[m]:<4d} {r:.3f}{mark}")
        if verbose:
            lines += [f"    miss: {x}" for x in report.misses.get(m, [])]
    if report.offset_errors:
        failed = True
        lines.append(f"offset errors: {len(report.offset_errors)}")
        lines += [f"    {e}" for e in report.offset_errors[:20]]
    summary = " ".join(f"{m}={report.ratio(m):.2f}" for m in report.metrics())
    lines.append(("FAIL " if failed else "ok ") + summary)
    return lines, failed


def run(args: argparse.Namespace) -> int:
    pipeline = load_pipeline(stages=[n for n in args.stages.split(",") if n]) if args.stages else None
    report = evaluate_gold(args.gold, pipeline=pipeline)
    minimums = {m: getattr(args, "min_" + m) for m in METRICS}
    lines, failed = format_report(report, minimums=minimums, verbose=args.verbose)
    print("\n".join(lines))
    return 1 if failed else 0
