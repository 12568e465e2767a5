"""Pure cleaning functions: body lines, boilerplate rules with reasons, dates, titles from URLs, ids.

They work on strings only; `rasd.readers.article.build_article` applies them to a raw document.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
from urllib.parse import unquote, urlsplit

from rasd.lang.ar import boilerplate as bp
from rasd.model import Removed

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_TEXT_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%b %d, %Y", "%B %d, %Y")
_ARABIC_IN_SLUG = re.compile("[\u0621-\u064a]")
_HTML_EXT = re.compile(r"\.(?:html?|php|aspx?)$", re.I)
_WIRE_WORDS = frozenset({"انتهى", "يتبع"})


# --- dates ----------------------------------------------------------------------------------------

def _valid(y: int, m: int, d: int) -> str | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def normalize_date(value: str | None) -> str | None:
    """YYYY-MM-DD for the date forms news inputs carry (ISO, RFC 2822, dd/mm/yyyy, 20180715), else None.

    The calendar day is the one written in the input, in its own time zone (no conversion to UTC).
    """
    if not value or not value.strip():
        return None
    s = value.strip()
    m = _ISO.match(s) or _COMPACT.match(s)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY.match(s)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if mo > 12 >= d:  # mm/dd/yyyy written the American way
            d, mo = mo, d
        return _valid(y, mo, d)
    parsed = email.utils.parsedate_tz(s)
    if parsed and parsed[0]:
        return _valid(parsed[0], parsed[1], parsed[2])
    for fmt in _TEXT_DATE_FORMATS:
        try:
            return _valid(*dt.datetime.strptime(s, fmt).timetuple()[:3])
        except ValueError:
            continue
    return None


# --- identity -------------------------------------------------------------------------------------

def text_key(s: str) -> str:
    """A matching key for hashing: no diacritics or tatweel, one space between words."""
    return " ".join(_DIACRITICS.sub("", s).split())


def article_id(*, doc_id: str | None, source: str | None, url: str | None, title: str, body: str) -> str:
    """The record id: the input's id (ANT DOCNO), else a hash of source+url, else of title and body."""
    if doc_id and doc_id.strip():
        return doc_id.strip()
    basis = f"{source or ''}\n{url}" if url else f"{text_key(title)}\n{text_key(body)}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


# --- title ----------------------------------------------------------------------------------------

def title_from_url(url: str | None) -> str | None:
    """The Arabic words of a URL slug (`/2018/07/15/هكذا-ردت-إليسا.html` -> `هكذا ردت إليسا`)."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    for seg in reversed([p for p in path.split("/") if p]):
        if _ARABIC_IN_SLUG.search(seg):
            words = re.sub(r"[-_+]+", " ", _HTML_EXT.sub("", seg)).split()
            return " ".join(words) or None
    return None


# --- body -----------------------------------------------------------------------------------------

def body_lines(body: str) -> list[str]:
    """Non-empty lines of the body, each with its runs of whitespace (NBSP included) made one space."""
    out = []
    for line in body.split("\n"):
        line = " ".join(line.split())
        if line:
            out.append(line)
    return out


def _headline_shaped(line: str) -> bool:
    n = line.count(" ") + 1
    return (bp.HEADLINE_MIN_WORDS <= n <= bp.HEADLINE_MAX_WORDS
            and bp.HEADLINE_BAD_END.search(line) is None and bp.HEADLINE_BAD_START.search(line) is None
            and bp.HEADLINE_SUBHEAD.match(line) is None)


def _source_line(line: str) -> str | None:
    for rx in bp.SOURCE_LINE_RE:
        m = rx.fullmatch(line)
        if m:
            return m.group(1).strip()
    return None


def _story_lead(line: str) -> bool:
    """A paragraph shaped like the lead of a news story (a full sentence, not a list item or question)."""
    return (len(line) >= bp.STORY_LEAD_MIN_CHARS and bp.STORY_NOT_LEAD.search(line) is None
            and "؟" not in line[:120])


def _related_stories(kept: list[str]) -> int:
    """How many of the last lines form a pasted block of other stories' leads (0 when none)."""
    n = bp.RELATED_STORIES
    if len(kept) <= n:
        return 0
    block = kept[-n:]
    if not all(_story_lead(line) for line in block):
        return 0
    continued = [bp.STORY_CONTINUATION.match(line) is not None for line in block]
    if continued[-1] or sum(continued) > 1:
        return 0
    return n


def clean_lines(lines: list[str], *, related_headlines: bool = False, related_stories: bool = False
                ) -> tuple[list[str], list[Removed], str | None]:
    """(kept lines, removed pieces with reasons, outlet named by a closing source line)."""
    removed: list[Removed] = []
    kept: list[str] = []
    after_header = False
    for line in lines:
        if after_header and _headline_shaped(line.rstrip('"»”')):  # a headline may close on its quotation
            removed.append(Removed(line, "related-link"))
            continue
        after_header = bp.RELATED_HEADER.fullmatch(line) is not None
        m = bp.PREFIX_RE.match(line)
        if m and m.end() > 0:
            removed.append(Removed(m.group(0).strip(), bp.reason_of(m)))
            line = line[m.end():].strip()
            if not line:
                continue
        if len(line) <= bp.MAX_RULE_LINE:
            m = bp.LINE_RE.fullmatch(line)
            if m:
                removed.append(Removed(line, bp.reason_of(m)))
                continue
        kept.append(line)
    source = None
    tail: list[Removed] = []
    while kept:
        last = kept[-1]
        if len(last) > bp.MAX_RULE_LINE:
            break
        m = bp.TAIL_RE.fullmatch(last)
        if m:
            tail.append(Removed(last, bp.reason_of(m)))
        else:
            outlet = _source_line(last)
            if outlet is None:
                break
            if outlet in _WIRE_WORDS:
                tail.append(Removed(last, "wire-marker"))
            else:
                tail.append(Removed(last, "source-line"))
                source = source or outlet
        kept.pop()
    if related_stories:
        k = _related_stories(kept)
        if k:
            tail.extend(Removed(line, "related-story") for line in reversed(kept[-k:]))
            del kept[-k:]
    if related_headlines and len(kept) > 2:
        body = [kept[0]]
        for line in kept[1:]:
            if _headline_shaped(line):
                removed.append(Removed(line, "related-link"))
            else:
                body.append(line)
        kept = body
    removed.extend(reversed(tail))
    return kept, removed, source
