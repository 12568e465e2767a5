"""The store filters shared by `rasd search` and `rasd export`: their options and the query they make."""
from __future__ import annotations

import argparse
from typing import Any

from rasd.cli.extract import _date
from rasd.search import COUNT_KINDS, EVENT_TYPES, Query, make_query
from rasd.store import DEFAULT_DB


def add_store_filters(p: argparse.ArgumentParser) -> None:
    """`--db` and the filter options (source, dates, category, entity, place, country, event, count)."""
    p.add_argument("--db", default=DEFAULT_DB,
                   help=f"SQLite file (default ./{DEFAULT_DB}) or postgresql://user@host/dbname")
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


def filtered_query(args: argparse.Namespace, text: str, **paging: Any) -> Query:
    """The query of `text` with the filters given on the command line (raises QueryError)."""
    return make_query(text, source=args.source, date_from=args.date_from, date_to=args.date_to,
                      category=args.category, entity=args.entity, place=args.place, country=args.country,
                      event=args.event, count=args.count, **paging)
