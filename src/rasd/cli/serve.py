"""`rasd serve`: the desk (JSON API + web pages) over a store, with uvicorn."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from rasd.store import DEFAULT_DB


def register(groups: dict[str, Any]) -> None:
    p = groups[""].add_parser(
        "serve", help="serve the desk: search, articles, stories, entities, map, timeline (web + API)",
        description="Serve a store as a web desk and a JSON API (OpenAPI at /openapi.json). Read-only, "
                    "except POST /api/ingest, which needs the operator's token.")
    p.add_argument("--db", default=DEFAULT_DB,
                   help=f"SQLite file (default ./{DEFAULT_DB}) or postgresql://user@host/dbname")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None,
                   help="operator's token for POST /api/ingest (default: $RASD_TOKEN; none: ingest refused)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from rasd.desk.app import create_app
    except ImportError as e:
        print(f"rasd: serve needs the desk's packages ({e.name}): pip install 'rasd[desk]'", file=sys.stderr)
        return 1
    from rasd.store import open_store
    if not args.db.startswith(("postgresql://", "postgres://")):
        open_store(args.db, create=False).close()  # a missing file is a mistake, not a new store
    token = args.token or os.environ.get("RASD_TOKEN") or None
    app = create_app(args.db, token=token)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"rasd: the desk is at http://{host}:{args.port}/  (store {args.db}; Ctrl-C stops it)",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
