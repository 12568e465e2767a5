"""Atomic output for the exports: a temporary file next to the target, fsynced, renamed over it."""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from rasd.errors import RasdError

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



__all__ = ["PART", "ExportError", "atomic_output", "atomic_path"]
