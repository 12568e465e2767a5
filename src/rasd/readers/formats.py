"""Parse decoded text into raw documents: detect the format, then read plain text, TREC SGML or JSON."""
from __future__ import annotations

import bisect
import html
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

from rasd.errors import InputError
from rasd.readers import limits
from rasd.readers.limits import LimitExceeded
from rasd.readers.raw import RawDocument

_XML_DECL = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*)*", re.S)
_SGML_DOC = re.compile(r"<DOC>(.*?)(?:</DOC>|\Z)", re.S | re.I)
_SGML_OPEN = re.compile(r"<([A-Z]+)>", re.I)
_SGML_CLOSE = re.compile(r"</([A-Z]+)>", re.I)
_HTML_START = re.compile(r"(?i)<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]")
_FEED_START = re.compile(r"(?i)<(rss|feed|rdf:RDF)[\s>]")
# JSON opens with `{"` / `{}` or `[` then a value; a text title such as `[فيديو] …` does not.
_JSON_START = re.compile(r'\{\s*["}]|\[\s*(?:[\[{\]"\d-]|true|false|null)')


def detect_format(text: str) -> str:
    """One of text, sgml, json, html, feed, judged from the first characters of the content."""
    head = text[:2000].lstrip()
    if _JSON_START.match(head):
        return "json"
    if head.startswith("<"):
        rest = _XML_DECL.sub("", head, count=1)
        if re.match(r"(?i)<DOC>", rest):
            return "sgml"
        if _FEED_START.match(rest):
            return "feed"
        if _HTML_START.search(head):
            return "html"
    return "text"


# --- plain text -------------------------------------------------------------------------------

def read_text(origin: str, text: str) -> Iterator[RawDocument | InputError]:
    """A plain-text article: first non-empty line is the title, the rest is the body."""
    if len(text) > limits.MAX_ARTICLE_CHARS:  # refused before splitting a huge text into lines
        yield InputError(origin, limits.article_too_large(len(text)))
        return
    if text.count("\n") >= limits.MAX_ARTICLE_LINES:
        yield InputError(origin, limits.too_many_lines(text.count("\n") + 1))
        return
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            yield RawDocument(origin=origin, title=line.strip(), body="\n".join(lines[i + 1:]),
                              fmt="text")
            return
    yield InputError(origin, "empty file")


# --- TREC-style SGML (ANT corpus) ----------------------------------------------------------------

_SGML_KEYS = {"DOCNO": "doc_id", "URL": "url", "SRC": "source", "CAT": "category", "TITLE": "title",
              "TIME": "published", "AUTHOR": "author", "TEXT": "body"}


def _unescape(s: str) -> str:
    return html.unescape(s) if "&" in s else s


def sgml_fields(doc: str) -> Iterator[tuple[str, str]]:
    """(TAG, content) for each `<TAG>content</TAG>` of one <DOC>, in order, without nesting: the
    matches of `<([A-Z]+)>(.*?)</\\1>` (case-insensitive), found in O(n log n) rather than by the
    regex, which rescans to the end of the document for every unclosed tag (quadratic)."""
    closes: dict[str, list[tuple[int, int]]] = {}
    for m in _SGML_CLOSE.finditer(doc):
        closes.setdefault(m.group(1).upper(), []).append((m.start(), m.end()))
    starts = {k: [c[0] for c in v] for k, v in closes.items()}
    pos = 0
    for m in _SGML_OPEN.finditer(doc):
        if m.start() < pos:
            continue
        tag = m.group(1).upper()
        at = starts.get(tag)
        if not at:
            continue
        i = bisect.bisect_left(at, m.end())
        if i == len(at):
            continue
        close_start, close_end = closes[tag][i]
        yield tag, doc[m.end():close_start]
        pos = close_end


def read_sgml(origin: str, text: str) -> Iterator[RawDocument | InputError]:
    """One raw document per <DOC>; ABSTRACT is not body. A DOC without </DOC> is reported."""
    docs = _SGML_DOC.finditer(text)
    first = next(docs, None)
    second = next(docs, None)
    many = second is not None
    for n, m in enumerate(itertools.chain((x for x in (first, second) if x is not None), docs), 1):
        name = f"{origin}#{n}" if many else origin
        if not m.group(0).rstrip().upper().endswith("</DOC>"):
            yield InputError(name, "truncated SGML: <DOC> without </DOC>")
            continue
        fields: dict[str, Any] = {}
        for tag, content in sgml_fields(m.group(1)):
            key = _SGML_KEYS.get(tag)
            if key and key not in fields:
                fields[key] = _unescape(content.strip()) or None
        if "body" not in fields and "title" not in fields:
            yield InputError(name, "SGML <DOC> without <TEXT> or <TITLE>")
            continue
        fields["body"] = fields.get("body") or ""
        yield RawDocument(origin=name, fmt="sgml", **fields)


# --- JSON, JSON arrays and JSON Lines -----------------------------------------------------------

_BODY_KEYS = ("content", "text", "body", "article", "article_body", "articleBody", "story")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "datePublished", "date_published",
              "pubDate", "time", "date_extracted")
_URL_KEYS = ("url", "link", "href")
_LIST_KEYS = ("articles", "items", "data", "records", "docs", "documents", "results")


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        v = obj.get(k)
        if v not in (None, "", []):
            return v
    return None


def _as_text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, list):
        return "\n".join(_as_text(x) or "" for x in v)
    if isinstance(v, dict):
        return _as_text(_first(v, ("name", "title", "text", "value")))
    return str(v)


def json_document(origin: str, obj: Any) -> RawDocument | InputError:
    """Map one JSON object (SaudiNewsNet and common news fields) to a raw document."""
    if not isinstance(obj, dict):
        return InputError(origin, f"JSON item is a {type(obj).__name__}, not an object")
    body = _as_text(_first(obj, _BODY_KEYS))
    title = _as_text(_first(obj, _TITLE_KEYS))
    if body is None and title is None:
        return InputError(origin, "JSON object without title or content/text/body")
    date_key = next((k for k in _DATE_KEYS if obj.get(k) not in (None, "")), None)
    doc = RawDocument(
        origin=origin, body=body or "", title=title, fmt="json",
        source=_as_text(obj.get("source")) or None, url=_as_text(_first(obj, _URL_KEYS)),
        published=_as_text(obj.get(date_key)) if date_key else None,
        category=_as_text(obj.get("category")) or None, author=_as_text(obj.get("author")) or None,
        doc_id=_as_text(_first(obj, ("id", "docno", "doc_id"))),
    )
    if date_key == "date_extracted":
        doc.notes.append("published is the page's fetch date (date_extracted), not its publication date")
    return doc


def _items(origin: str, value: Any) -> Iterator[RawDocument | InputError]:
    if isinstance(value, dict):
        inner = next((value[k] for k in _LIST_KEYS if isinstance(value.get(k), list)), None)
        if inner is not None and _first(value, _BODY_KEYS) is None:
            value = inner
        else:
            yield json_document(origin, value)
            return
    if isinstance(value, list):
        for n, obj in enumerate(value, 1):
            yield json_document(f"{origin}#{n}", obj)
    else:
        yield InputError(origin, f"JSON value is a {type(value).__name__}, not an object or array")


_WS = re.compile(r"[ \t\n\r]*")


def _number(kind: type) -> Any:
    def parse(s: str) -> Any:
        digits = sum(c.isdigit() for c in s)
        if digits > limits.MAX_JSON_NUMBER_DIGITS:
            raise LimitExceeded(limits.json_number_too_long(digits))
        return kind(s)
    return parse


_DECODER = json.JSONDecoder(parse_int=_number(int), parse_float=_number(float))


def _depth_ok(value: Any) -> bool:
    """Whether `value` nests no deeper than MAX_JSON_DEPTH (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            v = list(v.values())
        if isinstance(v, list):
            if d > limits.MAX_JSON_DEPTH:
                return False
            stack.extend((x, d + 1) for x in v if isinstance(x, (dict, list)))
    return True


def _decode(text: str, pos: int = 0) -> tuple[Any, int]:
    """One JSON value at `pos` and the position after it; raises LimitExceeded for a value nested too
    deeply or a number too long, json.JSONDecodeError for bad syntax."""
    try:
        value, end = _DECODER.raw_decode(text, pos)
    except RecursionError:
        raise LimitExceeded(limits.json_too_deep()) from None
    if not _depth_ok(value):
        raise LimitExceeded(limits.json_too_deep())
    return value, end


def _loads(text: str) -> Any:
    """json.loads with the limits of `_decode`."""
    start = _WS.match(text).end()  # type: ignore[union-attr]
    value, end = _decode(text, start)
    if _WS.match(text, end).end() != len(text):  # type: ignore[union-attr]
        raise json.JSONDecodeError("Extra data", text, end)
    return value


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, one at a time (no list of a million strings)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield text[start:end]
        start = end + 1


def _iter_array(origin: str, text: str) -> Iterator[RawDocument | InputError]:
    """The items of a top-level JSON array, decoded one at a time (a SaudiNewsNet day holds 3,000),
    so only one item's objects are alive at once. A syntax error ends the array with an InputError."""
    i = _WS.match(text).end() + 1  # type: ignore[union-attr]  # just past "["
    n = 0
    while True:
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        if text.startswith("]", i):
            if text[i + 1:].strip():
                yield InputError(origin, "invalid JSON: extra data after the array")
            return
        if n and not text.startswith(",", i):
            yield InputError(origin, _json_error("expected ',' or ']'", text, i, n))
            return
        if n:
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        try:
            obj, i = _decode(text, i)
        except json.JSONDecodeError as e:
            yield InputError(origin, _json_error(e.msg, text, e.pos, n))
            return
        except LimitExceeded as e:
            yield InputError(f"{origin}#{n + 1}", str(e))
            return
        n += 1
        yield json_document(f"{origin}#{n}", obj)


def _json_error(msg: str, text: str, pos: int, items: int) -> str:
    line = text.count("\n", 0, pos) + 1
    col = pos - text.rfind("\n", 0, pos)
    after = f", after {items} items" if items else ""
    return f"invalid JSON: {msg} (line {line} column {col}{after})"


def read_json(origin: str, text: str) -> Iterator[RawDocument | InputError]:
    """A JSON object, an array of objects (or {"articles": [...]}), or JSON Lines."""
    if text.lstrip().startswith("["):
        yield from _iter_array(origin, text)
        return
    try:
        value = _loads(text)
    except LimitExceeded as e:
        yield InputError(origin, str(e))
        return
    except json.JSONDecodeError as e:
        if e.msg != "Extra data":
            yield InputError(origin, f"invalid JSON: {e.msg} (line {e.lineno} column {e.colno})")
            return
    else:
        yield from _items(origin, value)
        return
    for n, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        name = f"{origin}#{n}"
        try:
            obj = _loads(line)
        except LimitExceeded as e:
            yield InputError(name, str(e))
            continue
        except json.JSONDecodeError as e:
            yield InputError(name, f"invalid JSON line: {e.msg} (column {e.colno})")
            continue
        yield json_document(name, obj)
