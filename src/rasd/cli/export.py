"""`rasd export`: the records of a store (all, or those a search matches) as JSON Lines, CSV, Parquet,
ACLED-style CSV or PLOVER JSON Lines."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from rasd.cli.extract import _date
from rasd.export import FORMATS, export
from rasd.search import COUNT_KINDS, EVENT_TYPES, MAX_LIMIT, make_query
from rasd.store import DEFAULT_DB, open_store

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
    p.add_argument("--db", default=DEFAULT_DB,
                   help=f"SQLite file (default ./{DEFAULT_DB}) or postgresql://user@host/dbname")
    p.add_argument("--output", "-o", metavar="PATH", help="file to write (replaced atomically)")
    p.add_argument("--query", default="", metavar="WORDS", help="only articles matching these search words")
    p.add_argument("--source", help="only this outlet")
    p.add_argument("--from", dest="date_from", type=_date, metavar="D", help="published on or after D")
    p.add_argument("--to", dest="date_to", type=_date, metavar="D", help="published on or before D")
    p.add_argument("--category", help="only this category")
    p.add_argument("--entity", metavar="E", help="naming this entity (canonical name or id)")
    p.add_argument("--place", metavar="P", help="naming this place (name or GeoNames id)")
    p.add_argument("--country", metavar="CC", help="naming a place in this country (ISO alpha-2)")
    p.add_argument("--event", metavar="TYPE",
                   help=f"with an event of this PLOVER type ({', '.join(sorted(EVENT_TYPES))})")
    p.add_argument("--count", metavar="KIND",
                   help=f"with a count of this kind ({', '.join(sorted(COUNT_KINDS))})")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    query = make_query(args.query, source=args.source, date_from=args.date_from, date_to=args.date_to,
                       category=args.category, entity=args.entity, place=args.place, country=args.country,
                       event=args.event, count=args.count, limit=MAX_LIMIT)
    with open_store(args.db, create=False) as store:
        n = export(store, args.format, args.output, query)
    print(f"exported {n} {_WHAT[args.format]}", file=sys.stderr)
    return 0
