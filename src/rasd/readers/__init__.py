"""Readers: stream raw documents out of files, directories, archives and stdin, in any supported format."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from rasd.errors import InputError
from rasd.readers import limits
from rasd.readers.article import check_size
from rasd.readers.containers import Blob, open_inputs
from rasd.readers.decode import NotText, decode
from rasd.readers.formats import detect_format, read_json, read_sgml, read_text
from rasd.readers.raw import RawDocument, SkippedItem
from rasd.readers.web import read_feed, read_html

_PARSERS = {"text": read_text, "sgml": read_sgml, "json": read_json, "html": read_html,
            "feed": read_feed}


def read_blob(blob: Blob) -> Iterator[RawDocument | InputError]:
    """The raw documents held by one file or archive member."""
    if not blob.data.strip():
        yield InputError(blob.origin, "empty file")
        return
    try:
        text = decode(blob.data)
    except NotText as e:
        yield InputError(blob.origin, str(e))
        return
    blob.data = b""  # the text is what is parsed from here on; free the bytes of a big file early
    if not text.strip():
        yield InputError(blob.origin, "empty file")
        return
    items = 0
    for item in _PARSERS[detect_format(text)](blob.origin, text):
        items += 1
        if items > limits.MAX_ITEMS_PER_FILE:
            yield InputError(blob.origin, limits.too_many_items())
            return
        if isinstance(item, RawDocument):
            too_big = check_size(item)
            if too_big:
                yield InputError(item.origin, too_big)
                continue
        yield item


def read_inputs(inputs: Iterable[str], *, stdin: IO[bytes] | None = None
                ) -> Iterator[RawDocument | InputError]:
    """Stream one RawDocument per article in `inputs` (files, directories, archives, `-`), or an
    InputError for each input or item that cannot be read. Archives are read member by member."""
    for blob in open_inputs(inputs, stdin=stdin):
        if isinstance(blob, InputError):
            yield blob
        else:
            yield from read_blob(blob)


__all__ = ["RawDocument", "SkippedItem", "detect_format", "read_blob", "read_inputs"]
