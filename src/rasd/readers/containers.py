"""Open the inputs: files, directories, .gz, .tar(.gz), .zip and stdin, one member at a time."""
from __future__ import annotations

import io
import os
import re
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

from rasd.errors import InputError
from rasd.readers import limits
from rasd.readers.limits import LimitExceeded
from rasd.readers.sniff import binary_format, zip_format

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"

# Files inside directories and archives that are documentation, not articles (the ANT archives
# carry README.md and LICENSE). A file named on the command line is always read.
_NOT_ARTICLE = re.compile(
    r"(?i)^(readme|license|licence|copying|notice|changelog|authors)(\.[a-z]+)?$|\.(md|rst|pdf|png|jpe?g|gif)$")

@dataclass
class Blob:
    """The bytes of one file or archive member, named by `origin` (path, then ::member)."""

    origin: str
    data: bytes


_CHUNK = 64 * 1024


class CappedGunzip(io.RawIOBase):
    """A gzip stream decompressed as it is read, never whole: it raises LimitExceeded once the output
    passes `cap` bytes, or expands more than MAX_EXPANSION_RATIO times the compressed bytes read
    (past RATIO_FLOOR_BYTES). Concatenated gzip members are read one after the other."""

    def __init__(self, raw: IO[bytes], *, cap: int | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._cap = cap
        self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""
        self._done = False
        self.consumed = 0
        self.produced = 0

    def readable(self) -> bool:
        return True

    def _next_input(self) -> bytes:
        if self._pending:
            data, self._pending = self._pending, b""
            return data
        data = self._raw.read(_CHUNK)
        self.consumed += len(data)
        return data

    def read(self, n: int | None = -1) -> bytes:
        limit = None if n is None or n < 0 else n
        parts: list[bytes] = []
        got = 0
        while not self._done and (limit is None or got < limit):
            data = self._next_input()
            if not data:
                if not self._d.eof:
                    raise EOFError("compressed file ended before the end-of-stream marker was reached")
                self._done = True
                break
            if self._d.eof:  # the previous member ended: another one follows, or trailing bytes
                if not data.startswith(GZIP_MAGIC):
                    self._done = True
                    break
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            want = _CHUNK if limit is None else min(_CHUNK, limit - got)
            out = self._d.decompress(data, want)
            self._pending = self._d.unused_data if self._d.eof else self._d.unconsumed_tail
            got += len(out)
            parts.append(out)
            self.produced += len(out)
            if self._cap is not None and self.produced > self._cap:
                raise LimitExceeded(limits.input_too_large())
            if (self.produced > limits.RATIO_FLOOR_BYTES
                    and self.produced > limits.MAX_EXPANSION_RATIO * max(self.consumed, 1)):
                raise LimitExceeded(limits.expands_too_much(self.consumed, self.produced))
        return b"".join(parts)

    def readinto(self, b: Any) -> int:  # io.RawIOBase protocol, for io.BufferedReader
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)


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


def _iter_tar(origin: str, fileobj: IO[bytes], mode: Literal["r:", "r|"], depth: int
              ) -> Iterator[Blob | InputError]:
    """Members of a tar stream in archive order; each member is read and released in turn."""
    count = 0
    try:
        with tarfile.open(fileobj=fileobj, mode=mode) as tar:
            for member in tar:
                if not member.isfile() or _skipped(member.name):
                    continue
                name = f"{origin}::{member.name}"
                if member.size > limits.MAX_INPUT_BYTES:
                    yield InputError(name, limits.input_too_large(member.size))
                    continue
                f = tar.extractfile(member)
                if f is None:
                    continue
                data = f.read()
                count += 1
                yield from expand(name, data, depth + 1)
                # Drop the members list tarfile keeps, so memory stays flat over 30,000 files.
                tar.members = []  # type: ignore[attr-defined]  # no public API for this
    except LimitExceeded as e:
        yield InputError(origin, str(e))
    except (tarfile.TarError, EOFError, zlib.error, OSError) as e:
        where = f" after {count} members" if count else ""
        yield InputError(origin, f"truncated or corrupt archive{where}: {_reason(e)}")


def _overlapping(infos: list[zipfile.ZipInfo]) -> bool:
    """Whether two members' compressed data overlap (a zip bomb's trick: one kernel, many members)."""
    by_offset = sorted(infos, key=lambda i: i.header_offset)
    for a, b in zip(by_offset, by_offset[1:], strict=False):
        if a.header_offset + 30 + a.compress_size > b.header_offset:
            return True
    return False


def _iter_zip(origin: str, fileobj: IO[bytes], depth: int) -> Iterator[Blob | InputError]:
    try:
        fileobj.seek(0, os.SEEK_END)
        archive_bytes = fileobj.tell()
        fileobj.seek(0)
        zf = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        yield InputError(origin, f"corrupt zip archive: {_reason(e)}")
        return
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        refused = zip_format(names, zf.read)
        if refused:
            yield InputError(origin, refused)
            return
        if _overlapping(infos):
            yield InputError(origin, "zip members overlap (a zip bomb): refused")
            return
        total = 0
        for info in sorted(infos, key=lambda i: i.filename):
            if info.is_dir() or _skipped(info.filename):
                continue
            name = f"{origin}::{info.filename}"
            if info.file_size > limits.MAX_INPUT_BYTES:
                yield InputError(name, limits.input_too_large(info.file_size))
                continue
            if (info.file_size > limits.RATIO_FLOOR_BYTES
                    and info.file_size > limits.MAX_EXPANSION_RATIO * max(info.compress_size, 1)):
                yield InputError(name, limits.expands_too_much(info.compress_size, info.file_size))
                continue
            total += info.file_size
            if total > limits.RATIO_FLOOR_BYTES and total > limits.MAX_EXPANSION_RATIO * archive_bytes:
                yield InputError(origin, limits.expands_too_much(archive_bytes, total))
                return
            try:
                with zf.open(info) as member:
                    data = member.read(limits.MAX_INPUT_BYTES + 1)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError,
                    NotImplementedError, ValueError) as e:
                yield InputError(name, f"cannot read zip member: {_reason(e)}")
                continue
            yield from expand(name, data, depth + 1)


def _gunzip(origin: str, data: bytes) -> bytes | InputError:
    try:
        return CappedGunzip(io.BytesIO(data), cap=limits.MAX_INPUT_BYTES).read()
    except LimitExceeded as e:
        return InputError(origin, str(e))
    except (OSError, EOFError, zlib.error) as e:
        return InputError(origin, f"truncated or corrupt gzip data: {_reason(e)}")


def _is_archive(data: bytes) -> bool:
    return (data.startswith(GZIP_MAGIC) or data.startswith(ZIP_MAGIC) or data.startswith(EMPTY_ZIP_MAGIC)
            or _is_tar(data[:512]))


def expand(origin: str, data: bytes, depth: int = 0) -> Iterator[Blob | InputError]:
    """One blob, or the members of the archive that `data` holds (nested archives opened too, down to
    MAX_ARCHIVE_DEPTH levels)."""
    if depth >= limits.MAX_ARCHIVE_DEPTH and _is_archive(data):
        yield InputError(origin, limits.archives_too_deep())
        return
    if data.startswith(GZIP_MAGIC):
        inner = _gunzip(origin, data)
        if isinstance(inner, InputError):
            yield inner
            return
        data = inner
    if _is_tar(data[:512]):
        yield from _iter_tar(origin, io.BytesIO(data), "r:", depth)
    elif data.startswith(ZIP_MAGIC) or data.startswith(EMPTY_ZIP_MAGIC):
        yield from _iter_zip(origin, io.BytesIO(data), depth)
    else:
        refused = binary_format(data[:64])
        if refused:
            yield InputError(origin, refused)
        else:
            yield Blob(origin, data)


def _open_file(path: str) -> Iterator[Blob | InputError]:
    """A file on disk; tar archives (plain or gzipped) are streamed from disk instead of read whole,
    and a gzipped file is decompressed as it is read, with the limits on size and expansion."""
    try:
        with open(path, "rb") as f:
            head = f.read(2)
            if head == GZIP_MAGIC:
                f.seek(0)
                try:
                    inner_head = CappedGunzip(f).read(512)
                except (OSError, EOFError, zlib.error) as e:
                    yield InputError(path, f"truncated or corrupt gzip data: {_reason(e)}")
                    return
                f.seek(0)
                if _is_tar(inner_head):
                    yield from _iter_tar(path, CappedGunzip(f), "r|", 0)  # type: ignore[arg-type]
                    return
                try:
                    data = CappedGunzip(f, cap=limits.MAX_INPUT_BYTES).read()
                except LimitExceeded as e:
                    yield InputError(path, str(e))
                    return
                except (EOFError, zlib.error) as e:
                    yield InputError(path, f"truncated or corrupt gzip data: {_reason(e)}")
                    return
                yield from expand(path, data)
                return
            f.seek(0)
            head = f.read(512)
            if _is_tar(head):
                f.seek(0)
                yield from _iter_tar(path, f, "r|", 0)
                return
            if head.startswith(ZIP_MAGIC) or head.startswith(EMPTY_ZIP_MAGIC):
                yield from _iter_zip(path, f, 0)
                return
            f.seek(0)
            data = f.read(limits.MAX_INPUT_BYTES + 1)
    except OSError as e:
        yield InputError(path, _reason(e))
        return
    if len(data) > limits.MAX_INPUT_BYTES:
        yield InputError(path, limits.input_too_large())
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
                data = stream.read(limits.MAX_INPUT_BYTES + 1)
            except OSError as e:
                yield InputError("-", _reason(e))
                continue
            if len(data) > limits.MAX_INPUT_BYTES:
                yield InputError("-", limits.input_too_large())
                continue
            yield from expand("-", data)
        elif os.path.isdir(name):
            yield from _walk(name)
        else:
            yield from _open_file(name)
