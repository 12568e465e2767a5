"""`rasd export`: the records of a store (all, or those a search matches) as JSON Lines, CSV, Parquet,
ACLED-style CSV or PLOVER JSON Lines."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from rasd.cli.filters import add_store_filters, filtered_query
from rasd.export import FORMATS, export
from rasd.search import MAX_LIMIT
from rasd.store import open_store

_WHAT = {"jsonl": "articles", "csv": "articles", "parquet": "articles", "acled": "events", "plover": "events"}


def register(groups: dict[str, Any]) -> None:
    p = groups[""].add_parser(
        "export", help="export stored records: jsonl, csv, parquet, acled (CSV) or plover (JSON Lines)",
        description="Write the records of a store, or those matching the filters (and --query words), "
                    "in one format: jsonl (full records with story), csv (one row per article), "
                    "parquet (the same columns plus the full record; pip install 'rasd[parquet]'), "
                    "acled (ACLED-style CSV, one row per event, PLOVER types mapped to ACLED's), plover "
                    "(PLOVER JSON Lines, one event per line with its evidence span). Records stream "
                    "from the store in batches; a file is written to a temporary file next to it and "
                    "renamed when complete, so an interrupted export leaves no half file.",
        epilog="Exit status: 0 when written; 1 for a store or query error (one 'rasd: ...' line); 2 for "
               "a usage error. Without --output the text formats go to standard output. Ends with one "
               "line on standard error: 'exported N articles|events'.")
    p.add_argument("--format", required=True, choices=FORMATS, help="output format")
    p.add_argument("--output", "-o", metavar="PATH", help="file to write (replaced atomically)")
    p.add_argument("--query", default="", metavar="WORDS", help="only articles matching these search words")
    add_store_filters(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    query = filtered_query(args, args.query, limit=MAX_LIMIT)
    with open_store(args.db, create=False) as store:
        n = export(store, args.format, args.output, query)
    print(f"exported {n} {_WHAT[args.format]}", file=sys.stderr)
    return 0
