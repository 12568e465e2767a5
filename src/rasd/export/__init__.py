"""Exports of a store: JSON Lines, CSV, Parquet, ACLED-style CSV and PLOVER JSON Lines.

`export(store, fmt, output, query)` streams the matching records from the store in batches
(`SqlStore.iter_records`: memory holds one batch) into one of the writers below, and writes a file
atomically (`atomic_output`): into a temporary file next to the target, fsynced, then renamed over it,
so a killed export leaves the old file (or none) and never half a file. Without an output path the
text formats go to standard output as they come (not atomic).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasd.export.atomic import ExportError, atomic_output, atomic_path
from rasd.search import Query

FORMATS = ("jsonl", "csv", "parquet", "acled", "plover")


def export(store: Any, fmt: str, output: str | None, query: Query | None = None,
           *, on_row: Callable[[int], None] | None = None) -> int:
    """Write the records `query` matches in format `fmt` to `output` (standard output when None);
    returns the rows written (articles, or events for acled and plover)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    records = store.iter_records(query)
    if fmt == "parquet":
        from rasd.export import parquet
        if output is None:
            raise ExportError("parquet is a binary format: give --output PATH")
        return parquet.write(records, output, on_row=on_row)
    from rasd.export import acled, csv, jsonl, plover
    writer = {"jsonl": jsonl.write, "csv": csv.write, "acled": acled.write, "plover": plover.write}[fmt]
    newline = "" if fmt in ("csv", "acled") else None
    with atomic_output(output, newline=newline) as f:
        return writer(records, f, on_row=on_row)


__all__ = ["FORMATS", "ExportError", "atomic_output", "atomic_path", "export"]
