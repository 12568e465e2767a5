#!/usr/bin/env python3
"""Stream every record of a store out as JSON Lines (by id), each with its `sightings`: the input of
`rasd ingest --records` that copies a store to another backend.

    .venv/bin/python benchmarks/store_records.py --db /tmp/rasd.db > /tmp/records.jsonl
    rasd ingest --records /tmp/records.jsonl --db postgresql://…
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict

from rasd.errors import RasdError
from rasd.store import open_store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite path or postgresql:// URL")
    parser.add_argument("--batch", type=int, default=500, help="ids read per round trip")
    args = parser.parse_args()
    started = time.monotonic()
    n = 0
    try:
        with open_store(args.db, create=False) as store:
            ids = store.ids()
            out = sys.stdout
            for k in range(0, len(ids), args.batch):
                for article_id in ids[k:k + args.batch]:
                    record = store.get(article_id)
                    if record is None:  # deleted meanwhile
                        continue
                    record.pop("story", None)
                    record["sightings"] = [asdict(s) for s in store.sightings(article_id)]
                    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
                    n += 1
    except RasdError as e:
        print(f"store_records: {e}", file=sys.stderr)
        return 1
    print(f"store_records: {n} records in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
