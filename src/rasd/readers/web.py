"""Saved HTML pages (main text by trafilatura) and RSS/Atom feeds (feedparser), to raw documents."""
from __future__ import annotations

import html
import re
import time
import warnings
from collections.abc import Iterator
from typing import Any

from rasd.errors import InputError
from rasd.readers import limits
from rasd.readers.raw import RawDocument

_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|blockquote|section|article)\s*>")
_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"(?is)<(script|style)[^>]*>.*?</\1\s*>")
_LONG_TAG = re.compile(r"<[^<>]{2000,}>")  # only tags this long can hold MAX_HTML_ATTRIBUTES attributes


def _attribute_limit(text: str) -> str | None:
    """The refusal reason when one tag of `text` holds more than MAX_HTML_ATTRIBUTES attributes (the
    HTML parser checks each new attribute against the others: quadratic in a tag's attributes)."""
    for m in _LONG_TAG.finditer(text):
        count = m.group(0).count("=")
        if count > limits.MAX_HTML_ATTRIBUTES:
            return limits.html_too_many_attributes(count)
    return None


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): block ends become line breaks."""
    if "<" not in fragment:
        return html.unescape(fragment)
    s = _SCRIPT.sub(" ", fragment)
    s = _BLOCK_END.sub("\n", s)
    s = _TAG.sub("", s)
    return html.unescape(s)


def read_html(origin: str, text: str) -> Iterator[RawDocument | InputError]:
    """A saved news page: main text and metadata (title, date, site name, author, URL) by trafilatura."""
    import trafilatura  # imported here: it costs ~0.5 s and only HTML inputs need it

    refused = _attribute_limit(text)
    if refused:
        yield InputError(origin, refused)
        return

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = trafilatura.bare_extraction(
                text, with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:  # noqa: BLE001 - a third-party parser on arbitrary input; report, never crash
        yield InputError(origin, f"cannot parse HTML: {type(e).__name__}: {e}")
        return
    if doc is None:
        yield InputError(origin, "no main text found in HTML page")
        return
    meta: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = meta.get("text") or ""
    if not body.strip() and not (meta.get("title") or "").strip():
        yield InputError(origin, "no main text found in HTML page")
        return
    yield RawDocument(
        origin=origin, fmt="html", body=body, title=meta.get("title") or None,
        url=meta.get("url") or None, published=meta.get("date") or None,
        author=meta.get("author") or None, source_hint=meta.get("sitename") or None,
        category=(meta.get("categories") or [None])[0] if isinstance(meta.get("categories"), list)
        else None,
    )


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return html_fragment_text(best if len(best) >= len(summary) else summary)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return time.strftime("%Y-%m-%d", t)
    return entry.get("published") or entry.get("updated") or None


def read_feed(origin: str, text: str) -> Iterator[RawDocument | InputError]:
    """An RSS or Atom document: one raw document per item that carries text."""
    import feedparser

    refused = _attribute_limit(text)
    if refused:
        yield InputError(origin, refused)
        return

    try:
        parsed = feedparser.parse(text)
    except Exception as e:  # noqa: BLE001 - a third-party parser on arbitrary input; report, never crash
        yield InputError(origin, f"cannot parse feed: {type(e).__name__}: {e}")
        return
    entries = parsed.get("entries") or []
    if not entries:
        reason = "feed without items"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            reason = f"cannot parse feed: {parsed['bozo_exception']}"
        yield InputError(origin, reason)
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, 1):
        name = f"{origin}#{n}"
        body = _entry_body(entry)
        title = entry.get("title") or None
        if not body.strip():
            continue  # an item with a title only carries no article (SPEC: items that carry text)
        src = entry.get("source") or {}
        tags = entry.get("tags") or []
        yield RawDocument(
            origin=name, fmt="feed", body=body, title=html.unescape(title) if title else None,
            url=entry.get("link") or None, published=_entry_date(entry),
            author=entry.get("author") or None, doc_id=None,
            source_hint=src.get("title") or feed_title,
            category=(tags[0].get("term") if tags else None) or None,
        )
