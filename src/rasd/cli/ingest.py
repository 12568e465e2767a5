"""`rasd ingest`: read inputs, run the pipeline on what the store lacks, store the records."""
from __future__ import annotations

import argparse
import sys
import threading
import time
from typing import Any

from rasd.api import load_pipeline
from rasd.cli.extract import _date
from rasd.errors import InputError
from rasd.ingest import IngestStats, ingest, ingest_records
from rasd.readers import read_inputs
from rasd.readers.raw import SkippedItem
from rasd.store import DEFAULT_DB, open_store

PLAIN_EVERY_S = 10.0  # a progress line this often when standard error is not a terminal


def register(groups: dict[str, Any]) -> None:
    p = groups[""].add_parser(
        "ingest", help="store the records of articles in a database (SQLite file or PostgreSQL)",
        description="Read articles like `rasd extract`, run the pipeline on those the store does not "
                    "already hold with the same pipeline fingerprint, and store the records. Exact "
                    "duplicates (same canonical URL or same normalized text) are stored once, with "
                    "every place they were seen. Safe to interrupt: run the same command again to "
                    "finish.",
        epilog="Exit status: 0 when every input was read; 1 when some could not be (each reported as "
               "'rasd: PATH: reason'; the others are still stored); 2 for a usage error. Ends with "
               "one summary line: 'stored N new, N unchanged, N duplicates, N errors in N s'.")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files, directories, archives (.tar.gz .tgz .zip .gz) or - for stdin")
    p.add_argument("--db", default=DEFAULT_DB,
                   help=f"SQLite file (default ./{DEFAULT_DB}) or postgresql://user@host/dbname")
    p.add_argument("--published", type=_date, help="publication date when the input carries none")
    p.add_argument("--source", help="outlet name when the input carries none")
    p.add_argument("--ner", choices=("fast", "accurate"), default="fast",
                   help="entity tagger: fast (the default) or accurate (a different pipeline fingerprint)")
    p.add_argument("--records", action="store_true",
                   help="the inputs are JSON Lines of records (as `rasd extract` prints them or an export "
                        "writes them): a record of this pipeline is stored as it is, any other is run "
                        "again from its text; copies a store between backends")
    p.add_argument("--as-is", action="store_true",
                   help="with --records: store every record as it is, whatever pipeline made it (a store "
                        "copy; each keeps its own fingerprint, so a later ingest still redoes stale ones)")
    p.add_argument("--batch", type=int, default=100, metavar="N",
                   help="articles per transaction (default 100)")
    p.set_defaults(func=run)


class _Progress:
    """A tqdm bar on a terminal (articles/s; an ETA once a background count of the items is done),
    else a plain line every PLAIN_EVERY_S seconds."""

    def __init__(self, inputs: list[str], *, count: bool = True) -> None:
        self.tty = sys.stderr.isatty()
        self.last = time.monotonic()
        self.bar: Any = None
        if self.tty:
            from tqdm import tqdm
            self.bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)
            if count and "-" not in inputs:
                threading.Thread(target=self._count, args=(inputs,), daemon=True).start()

    def _count(self, inputs: list[str]) -> None:
        n = sum(1 for _ in read_inputs(inputs))
        if self.bar is not None:
            self.bar.total = n
            self.bar.refresh()

    def __call__(self, stats: IngestStats) -> None:
        if self.bar is not None:
            self.bar.update(stats.items - self.bar.n)
            self.bar.set_postfix_str(f"{stats.new} new, {stats.unchanged} unchanged, "
                                     f"{stats.duplicates} dup, {stats.errors} err", refresh=False)
        elif time.monotonic() - self.last >= PLAIN_EVERY_S:
            self.last = time.monotonic()
            rate = stats.items / stats.seconds if stats.seconds else 0.0
            print(f"rasd: ingest: {stats.items} items, {rate:.1f}/s, {stats.new} new, {stats.unchanged} "
                  f"unchanged, {stats.duplicates} duplicates, {stats.errors} errors",
                  file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            bar, self.bar = self.bar, None
            bar.close()


def run(args: argparse.Namespace) -> int:
    inputs = args.inputs or ["-"]
    errors = 0

    def on_error(e: InputError) -> None:
        nonlocal errors
        if not isinstance(e, SkippedItem):
            errors += 1
        if progress.bar is not None:
            progress.bar.write(f"rasd: {e}", file=sys.stderr)
        else:
            print(f"rasd: {e}", file=sys.stderr)

    pipeline = load_pipeline(ner=args.ner)
    store = open_store(args.db)
    progress = _Progress(inputs, count=not args.records)
    try:
        if args.records:
            stats = ingest_records(inputs, store, pipeline, batch_size=max(1, args.batch),
                                   on_error=on_error, on_progress=progress, as_is=args.as_is)
        else:
            stats = ingest(inputs, store, pipeline, published=args.published, source=args.source,
                           batch_size=max(1, args.batch), on_error=on_error, on_progress=progress)
    finally:
        progress.close()
        store.close()
    print(stats.summary(), file=sys.stderr)
    return 1 if errors else 0
