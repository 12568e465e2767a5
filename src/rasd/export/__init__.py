"""Exports of a store: JSON Lines, CSV, Parquet, ACLED-style CSV and PLOVER JSON Lines.

`export(store, fmt, output, query)` streams the matching records from the store in batches
(`SqlStore.iter_records`: memory holds one batch) into one of the writers below, and writes a file
atomically (`atomic_output`): into a temporary file next to the target, fsynced, then renamed over it,
so a killed export leaves the old file (or none) and never half a file. Without an output path the
text formats go to standard output as they come (not atomic).
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from rasd.errors import RasdError
from rasd.search import Query

FORMATS = ("jsonl", "csv", "parquet", "acled", "plover")
PART = ".part"  # the suffix of an export's temporary file


class ExportError(RasdError):
    """An export that cannot be written (missing extra, no output path for a binary format)."""


def _sweep(target: Path) -> None:
    """Remove the temporary files a killed export to `target` left behind."""
    for stale in target.parent.glob(f".{target.name}.*{PART}"):
        try:
            stale.unlink()
        except OSError:
            pass


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path next to `path`; on success it is fsynced and renamed onto `path`, on any
    error removed. The writer must close its file before the block ends."""
    target = Path(path)
    _sweep(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PART, dir=target.parent or Path("."))
    os.close(fd)
    part = Path(tmp)
    try:
        yield part
        with open(part, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    try:
        dfd = os.open(target.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


@contextmanager
def atomic_output(path: str | os.PathLike[str] | None, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file written atomically onto `path` (standard output when `path` is None)."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(path) as part:
        with open(part, "w", encoding="utf-8", newline=newline) as f:
            yield f


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
