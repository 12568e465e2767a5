"""`rasd search`: full-text search over a store, with filters; readable results or the API's JSON."""
from __future__ import annotations

import argparse
import html
import json
import sys
from typing import Any

from rasd.cli.filters import add_store_filters, filtered_query
from rasd.search import MARK_CLOSE, MARK_OPEN, QueryError, SearchResult
from rasd.store import open_store


def register(groups: dict[str, Any]) -> None:
    p = groups[""].add_parser(
        "search", help="search stored articles (Arabic folded: diacritics, hamza forms, proclitics)",
        description="Full-text search over the articles of a store. Words all must match; "
                    "\"a phrase\", word* (prefix), OR, NOT word or -word, and parentheses are understood. "
                    "Diacritics, أ/إ/آ, ة/ه, ى/ي and the proclitics و ف ب ل ك ال do not matter. An empty "
                    "QUERY lists everything, newest first.",
        epilog="Exit status: 0 with results or none; 1 for a malformed query (the message is printed, "
               "and with --json it is the result's \"message\"); 2 for a usage error.")
    p.add_argument("query", nargs="?", default="", metavar="QUERY", help="words to search for")
    add_store_filters(p)
    p.add_argument("--limit", type=int, default=20, metavar="N", help="results per page (default 20)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N results")
    p.add_argument("--json", action="store_true",
                   help='print {"total", "results": [{"id", "title", "source", "published", "snippet", '
                        '"story"}], "facets"}')
    p.set_defaults(func=run)


def _terminal_snippet(s: str, tty: bool) -> str:
    on, off = ("\x1b[1;4m", "\x1b[0m") if tty else ("[", "]")
    return html.unescape(s.replace(MARK_OPEN, on).replace(MARK_CLOSE, off))


def render(result: SearchResult, *, tty: bool) -> str:
    """Readable results: a count, then per hit its title, outlet and date, and the snippet."""
    if result.message:
        return f"rasd: {result.message}"
    lines = [f"{result.total} articles"]
    for h in result.results:
        lines.append("")
        lines.append(f"{h.title}")
        lines.append(f"  {h.source or '?'} · {h.published or 'no date'} · {h.id}"
                     + (f" · story {h.story}" if h.story else ""))
        lines.append(f"  {_terminal_snippet(h.snippet, tty)}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        query = filtered_query(args, args.query, limit=args.limit, offset=args.offset)
    except QueryError as e:
        result = SearchResult(total=0, results=[], facets={}, message=str(e))
    else:
        with open_store(args.db, create=False) as store:
            result = store.search(query)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        out = render(result, tty=sys.stdout.isatty())
        print(out, file=sys.stderr if result.message else sys.stdout)
    return 1 if result.message else 0
