"""Open the inputs: files, directories, .gz, .tar(.gz), .zip and stdin, one member at a time."""
from __future__ import annotations

import gzip
import io
import os
import re
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Literal

from rasd.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"

# Files inside directories and archives that are documentation, not articles (the ANT archives
# carry README.md and LICENSE). A file named on the command line is always read.
_NOT_ARTICLE = re.compile(
    r"(?i)^(readme|license|licence|copying|notice|changelog|authors)(\.[a-z]+)?$|\.(md|rst|pdf|png|jpe?g|gif)$")

# Members bigger than this are refused rather than read into memory (one article is kilobytes).
MAX_MEMBER_BYTES = 256 * 1024 * 1024


@dataclass
class Blob:
    """The bytes of one file or archive member, named by `origin` (path, then ::member)."""

    origin: str
    data: bytes


def _skipped(name: str) -> bool:
    base = name.rstrip("/").rsplit("/", 1)[-1]
    return base.startswith(".") or _NOT_ARTICLE.search(base) is not None


def _is_tar(head: bytes) -> bool:
    return len(head) >= 262 and head[257:262] == b"ustar"


def _reason(e: BaseException) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    if isinstance(e, OSError) and e.strerror:
        return e.strerror.lower()
    return str(e) or type(e).__name__


def _iter_tar(origin: str, fileobj: IO[bytes], mode: Literal["r:", "r|", "r|gz"]
              ) -> Iterator[Blob | InputError]:
    """Members of a tar stream in archive order; each member is read and released in turn."""
    count = 0
    try:
        with tarfile.open(fileobj=fileobj, mode=mode) as tar:
            for member in tar:
                if not member.isfile() or _skipped(member.name):
                    continue
                name = f"{origin}::{member.name}"
                if member.size > MAX_MEMBER_BYTES:
                    yield InputError(name, "member too large")
                    continue
                f = tar.extractfile(member)
                if f is None:
                    continue
                data = f.read()
                count += 1
                yield from expand(name, data)
                # Drop the members list tarfile keeps, so memory stays flat over 30,000 files.
                tar.members = []  # type: ignore[attr-defined]  # no public API for this
    except (tarfile.TarError, EOFError, zlib.error, OSError) as e:
        where = f" after {count} members" if count else ""
        yield InputError(origin, f"truncated or corrupt archive{where}: {_reason(e)}")


def _iter_zip(origin: str, fileobj: IO[bytes]) -> Iterator[Blob | InputError]:
    try:
        zf = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        yield InputError(origin, f"corrupt zip archive: {_reason(e)}")
        return
    with zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.is_dir() or _skipped(info.filename):
                continue
            name = f"{origin}::{info.filename}"
            if info.file_size > MAX_MEMBER_BYTES:
                yield InputError(name, "member too large")
                continue
            try:
                data = zf.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError) as e:
                yield InputError(name, f"cannot read zip member: {_reason(e)}")
                continue
            yield from expand(name, data)


def _gunzip(origin: str, data: bytes) -> bytes | InputError:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as e:
        return InputError(origin, f"truncated or corrupt gzip data: {_reason(e)}")


def expand(origin: str, data: bytes) -> Iterator[Blob | InputError]:
    """One blob, or the members of the archive that `data` holds (nested archives opened too)."""
    if data.startswith(GZIP_MAGIC):
        inner = _gunzip(origin, data)
        if isinstance(inner, InputError):
            yield inner
            return
        data = inner
    if _is_tar(data[:512]):
        yield from _iter_tar(origin, io.BytesIO(data), "r:")
    elif data.startswith(ZIP_MAGIC) or data.startswith(EMPTY_ZIP_MAGIC):
        yield from _iter_zip(origin, io.BytesIO(data))
    else:
        yield Blob(origin, data)


def _open_file(path: str) -> Iterator[Blob | InputError]:
    """A file on disk; tar archives are streamed from disk instead of read whole."""
    try:
        with open(path, "rb") as f:
            head = f.read(2)
            if head == GZIP_MAGIC:
                try:
                    with gzip.open(path, "rb") as g:
                        inner_head = g.read(512)
                except (OSError, EOFError, zlib.error) as e:
                    yield InputError(path, f"truncated or corrupt gzip data: {_reason(e)}")
                    return
                if _is_tar(inner_head):
                    f.seek(0)
                    yield from _iter_tar(path, f, "r|gz")
                    return
            else:
                f.seek(0)
                head = f.read(512)
                if _is_tar(head):
                    f.seek(0)
                    yield from _iter_tar(path, f, "r|")
                    return
                if head.startswith(ZIP_MAGIC) or head.startswith(EMPTY_ZIP_MAGIC):
                    yield from _iter_zip(path, f)
                    return
            f.seek(0)
            data = f.read()
    except OSError as e:
        yield InputError(path, _reason(e))
        return
    yield from expand(path, data)


def _walk(root: str, seen: set[str] | None = None) -> Iterator[Blob | InputError]:
    """Files under a directory, recursively, in sorted order; unreadable folders are reported.
    A folder reached twice through symbolic links is read once (no loop)."""
    seen = set() if seen is None else seen
    real = os.path.realpath(root)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as e:
        yield InputError(root, _reason(e))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(root, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError as e:
            yield InputError(path, _reason(e))
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif not _skipped(entry.name):
            yield from _open_file(path)


def open_inputs(inputs: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[Blob | InputError]:
    """Every readable blob of `inputs`, in order; `-` is standard input."""
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                data = stream.read()
            except OSError as e:
                yield InputError("-", _reason(e))
                continue
            yield from expand("-", data)
        elif os.path.isdir(name):
            yield from _walk(name)
        else:
            yield from _open_file(name)
