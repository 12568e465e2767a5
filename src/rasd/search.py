"""Search over stored articles: the typed query, its parser and validation, the search fold and snippets.

The index and the query go through the same fold (`index_text`, `query_tokens`): the text layer's
search fold (diacritics, tatweel, invisible controls, alef/hamza forms, ta marbuta, alef maqsura,
digits, and each word's proclitics و ف ب ل ك ال and their chains: `rasd.text.normalize.fold_for_search`
with `query=True`), then lower case and every character that is not a letter or a digit a space,
which keeps the length, so the text layer's offset map still leads from any folded offset back to the
original character; snippets are cut and marked on the original text through it. Both backends see
words of letters and digits split by spaces, so both tokenizers (FTS5 unicode61, PostgreSQL `simple`)
cut the same tokens.

Query syntax (backend-neutral; each store compiles the tree to its own full-text syntax):
words (all must match), `"a phrase"`, `word*` (prefix), `OR`, `NOT word` / `-word`, parentheses.
A malformed query raises `QueryError`, which the stores turn into an empty result with a message.

Known limit: `لل` + a stem that itself starts with `ل` (`للاذقية` = ل + اللاذقية) folds to the stem
without its first letter (`اذقيه`), so it does not meet `اللاذقية` (`لاذقيه`).
"""
from __future__ import annotations

import datetime
import html
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from rasd.errors import RasdError
from rasd.text.normalize import fold_for_search, normalize

# PLOVER event types and count kinds (../shared/SPEC.md §2): the values the filters accept.
EVENT_TYPES: frozenset[str] = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split())
COUNT_KINDS: frozenset[str] = frozenset(
    "killed injured arrested kidnapped missing displaced strikes violations attackers other".split())
# The folded text indexed per article is cut here: PostgreSQL keeps word positions only up to 16,383
# and a tsvector under 1 MB, and both backends must index the same words (about 10,000 Arabic words).
MAX_INDEX_CHARS = 60_000
MAX_LIMIT = 1000
MAX_QUERY_CHARS = 1000
SNIPPET_WORDS = 24  # words of context shown around the best match
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"

_WORD_RE = re.compile(r"[^\W_]+")
_NON_WORD_RE = re.compile(r"[\W_]")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class QueryError(RasdError):
    """A query that cannot be parsed or a filter value that is not valid."""


# --- the fold --------------------------------------------------------------------------------------


def _lower_same_length(s: str) -> str:
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in s)


def _words(text: str) -> tuple[str, list[int]]:
    """The text layer's search fold (proclitics off), lower-cased, every non-word character a space;
    and its offset map (`offsets[i]`: the original index of folded char `i`; one more at the end)."""
    folded, offsets = fold_for_search(text, query=True)
    return _NON_WORD_RE.sub(" ", _lower_same_length(folded)), offsets


def index_text(text: str) -> str:
    """The folded shadow of an article's text that the stores index."""
    return _words(text)[0][:MAX_INDEX_CHARS]


def query_tokens(word: str) -> tuple[str, ...]:
    """The index tokens a query word folds to (usually one; none for a bare proclitic or a mark)."""
    return tuple(_WORD_RE.findall(_words(word)[0]))


def name_key(name: str) -> str:
    """The matching key of an entity or place name filter (the rule stages' normalization)."""
    return " ".join(normalize(name).split())


# --- the query tree ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One word (one token), a phrase (several tokens in a row), or a prefix (`word*`)."""

    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Term | And | Or | Not

_LEX_RE = re.compile(r'\s*(?:(?P<quote>"[^"]*"?)|(?P<paren>[()])|(?P<word>[^\s()"]+))')


def _lex(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _LEX_RE.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        if m.group("quote") is not None:
            q = m.group("quote")
            if len(q) < 2 or not q.endswith('"'):
                raise QueryError("unbalanced quote")
            out.append(("phrase", q[1:-1]))
        elif m.group("paren") is not None:
            out.append((m.group("paren"), m.group("paren")))
        else:
            w = m.group("word")
            if w in ("AND", "OR", "NOT"):
                out.append((w, w))
            elif w.startswith("-") and len(w) > 1:
                out.append(("NOT", "-"))
                out.append(("word", w[1:]))
            else:
                out.append(("word", w))
    return out


class _Parser:
    """or := and (OR and)*; and := unary ([AND] unary)*; unary := NOT unary | ( or ) | term."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.toks = tokens
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node | None:
        node = self.or_()
        if self.peek() is not None:
            raise QueryError(f"unexpected {self.toks[self.i][1]!r}")
        return node

    def or_(self) -> Node | None:
        items = [self.and_()]
        while self.peek() == "OR":
            self.take()
            items.append(self.and_())
        kept = [n for n in items if n is not None]
        if len(kept) != len(items) and len(items) > 1:
            raise QueryError("OR needs a searchable word on each side")
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(kept))

    def and_(self) -> Node | None:
        items: list[Node | None] = []
        while True:
            kind = self.peek()
            if kind == "AND":
                self.take()
                if not items or self.peek() in (None, "OR", ")", "AND"):
                    raise QueryError("AND needs a word on each side")
                continue
            if kind in (None, "OR", ")"):
                break
            items.append(self.unary())
        kept = [n for n in items if n is not None]
        if not kept:
            return None
        if all(isinstance(n, Not) for n in kept):
            raise QueryError("a query needs at least one word that is not negated")
        return kept[0] if len(kept) == 1 else And(tuple(kept))

    def unary(self) -> Node | None:
        kind, value = self.take()
        if kind == "NOT":
            if self.peek() in (None, "OR", ")", "AND"):
                raise QueryError("NOT needs a word after it")
            inner = self.unary()
            if isinstance(inner, Not):
                return inner.item
            return Not(inner) if inner is not None else None
        if kind == "(":
            inner = self.or_()
            if self.peek() != ")":
                raise QueryError("unbalanced parenthesis")
            self.take()
            return inner
        if kind == ")":
            raise QueryError("unbalanced parenthesis")
        prefix = kind == "word" and value.endswith("*") and len(value) > 1
        toks = query_tokens(value.rstrip("*") if prefix else value)
        return Term(toks, prefix) if toks else None


def parse_query(text: str) -> Node | None:
    """The query tree of `text` (None for an empty query: list everything). Raises QueryError."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query longer than {MAX_QUERY_CHARS} characters")
    return _Parser(_lex(text)).parse()


def positive_terms(node: Node | None) -> list[Term]:
    """The terms a match may show (those not under NOT), for snippets."""
    if node is None or isinstance(node, Not):
        return []
    if isinstance(node, Term):
        return [node]
    return [t for n in node.items for t in positive_terms(n)]


# --- the typed query and its result -------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """A search: words (the syntax above) and filters, all optional; validated by `make_query`."""

    text: str = ""
    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    category: str | None = None
    entity: str | None = None  # canonical name or entity id (`geonames:…`, `rasd:org:…`)
    place: str | None = None  # place name or GeoNames id
    country: str | None = None  # ISO 3166-1 alpha-2
    event: str | None = None  # PLOVER type
    count: str | None = None  # count kind
    limit: int = 20
    offset: int = 0
    tree: Node | None = field(default=None, compare=False, repr=False)


def _check_date(name: str, value: str | None) -> None:
    if value is None:
        return
    try:
        if not _DATE_RE.match(value):
            raise ValueError(value)
        datetime.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name}: not a YYYY-MM-DD date: {value!r}") from None


def make_query(text: str = "", *, source: str | None = None, date_from: str | None = None,
               date_to: str | None = None, category: str | None = None, entity: str | None = None,
               place: str | None = None, country: str | None = None, event: str | None = None,
               count: str | None = None, limit: int = 20, offset: int = 0) -> Query:
    """A checked Query with its parsed tree. Raises QueryError for a bad query or filter."""
    _check_date("from", date_from)
    _check_date("to", date_to)
    if date_from and date_to and date_from > date_to:
        raise QueryError(f"from {date_from} is after to {date_to}")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must not be negative")
    if country is not None:
        country = country.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", country):
            raise QueryError(f"country: not an ISO 3166-1 alpha-2 code: {country!r}")
    if event is not None:
        event = event.strip().upper()
        if event not in EVENT_TYPES:
            raise QueryError(f"event: unknown type {event!r} (known: {', '.join(sorted(EVENT_TYPES))})")
    if count is not None:
        count = count.strip().lower()
        if count not in COUNT_KINDS:
            raise QueryError(f"count: unknown kind {count!r} (known: {', '.join(sorted(COUNT_KINDS))})")
    tree = parse_query(text)
    return Query(text=text, source=source or None, date_from=date_from, date_to=date_to,
                 category=category or None, entity=entity or None, place=place or None, country=country,
                 event=event, count=count, limit=limit, offset=offset, tree=tree)


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    source: str | None
    published: str | None
    snippet: str
    story: str | None


@dataclass
class SearchResult:
    """What a search returns; `to_dict` is the shape `rasd search --json` and the API serve."""

    total: int
    results: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    message: str | None = None  # why a query gave nothing (a malformed query), else None
    # The facets count only the best-ranked this many matches (words matching more articles), else None.
    facets_sample: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "total": self.total,
            "results": [asdict(h) for h in self.results],
            "facets": {k: [{"value": v, "count": n} for v, n in vs] for k, vs in self.facets.items()},
        }
        if self.facets_sample is not None:
            d["facets_sample"] = self.facets_sample
        if self.message is not None:
            d["message"] = self.message
        return d


FACETS: tuple[str, ...] = ("source", "published", "category", "entity", "place", "country", "event",
                           "count")


# --- snippets ---------------------------------------------------------------------------------------


def _matches(tok: str, terms: list[Term]) -> int:
    """How many tokens of a phrase starting at this token could match (0 when none starts here)."""
    for t in terms:
        first = t.tokens[0]
        if tok == first or (t.prefix and len(t.tokens) == 1 and tok.startswith(first)):
            return len(t.tokens)
    return 0


def _word_start(text: str, a: int, floor: int) -> int:
    """The start of the original word holding offset `a`: the fold took its proclitics off, the mark
    covers them again (`<mark>والحكومة</mark>`, not `وال<mark>حكومة</mark>`)."""
    while a > floor and (text[a - 1].isalnum() or unicodedata.category(text[a - 1]).startswith("M")
                         or text[a - 1] == "\u0640"):
        a -= 1
    return a


def _plan(tokens: list[str], terms: list[Term], words: int) -> tuple[int, set[int]]:
    """The first token of the snippet window and the marked tokens (an empty set: no visible match):
    the window of `words` tokens holding the most marked ones, the earliest such window."""
    marked: set[int] = set()
    for k, tok in enumerate(tokens):
        n = _matches(tok, terms) if terms else 0
        if n and n > 1:
            want = next(t for t in terms if t.tokens[0] == tok).tokens
            if tuple(tokens[k:k + n]) != want:
                continue
        if n:
            marked.update(range(k, min(k + n, len(tokens))))
    if not marked:
        return 0, marked
    order = sorted(marked)
    best, best_n = order[0], 0
    for i, k in enumerate(order):
        n = sum(1 for j in order[i:] if j < k + words)
        if n > best_n:
            best, best_n = k, n
    return max(0, best - words // 4), marked


def _render(text: str, spans: list[tuple[int, int]], offsets: list[int], first: int, last: int,
            marked: set[int], more: bool) -> str:
    """The snippet of tokens `first..last-1` (`spans`/`offsets`: their folded spans and the offset map;
    `more`: tokens follow the window)."""
    out: list[str] = ["…" if first > 0 and marked else ""]
    pos = _word_start(text, offsets[spans[first][0]], 0)
    for k in range(first, last):
        s, e = spans[k]
        a, b = _word_start(text, offsets[s], pos), offsets[e]
        out.append(html.escape(text[pos:a].replace("\n", " ")))
        piece = html.escape(text[a:b])
        out.append(f"{MARK_OPEN}{piece}{MARK_CLOSE}" if k in marked else piece)
        pos = b
    if more:
        out.append("…")
    return "".join(out)


def snippet(text: str, node: Node | None, *, words: int = SNIPPET_WORDS, folded: str | None = None) -> str:
    """An HTML-escaped excerpt of `text` with the matched words inside <mark>…</mark>.

    Matches are found on the folded shadow and mapped back to the original characters through the
    fold's offset map. Without a query (or without a visible match) it is the start of the body.
    `folded` (the stored `index_text(text)`) lets the window be chosen on it and only the text around
    the window be folded again (the same snippet, without folding the whole article per hit).
    """
    if folded is not None and len(folded) < MAX_INDEX_CHARS:
        fast = _snippet_window(text, node, words, folded)
        if fast is not None:
            return fast
    folded, offsets = _words(text)
    found = list(_WORD_RE.finditer(folded))
    if not found:
        return ""
    spans = [(m.start(), m.end()) for m in found]
    first, marked = _plan([m.group() for m in found], positive_terms(node), words)
    if not marked:
        body = text.find("\n")
        first = next((k for k, (s, _e) in enumerate(spans) if offsets[s] > body), 0) if body >= 0 else 0
    last = min(len(spans), first + words)
    return _render(text, spans, offsets, first, last, marked, last < len(spans))


_WINDOW_MARGIN = 400  # original characters folded on each side of the estimated window


def _snippet_window(text: str, node: Node | None, words: int, folded: str) -> str | None:
    """The snippet computed by folding only the text around its window; None when the window cannot
    be placed for sure (the caller then folds the whole text)."""
    found = list(_WORD_RE.finditer(folded))
    if not found:
        return None
    tokens = [m.group() for m in found]
    first, marked = _plan(tokens, positive_terms(node), words)
    if not marked:  # the start of the body: fold the text up to a little past it
        body = text.find("\n")
        hi = _space_after(text, max(body, 0) + 1 + 40 * words)
        local, offsets = _words(text[:hi])
        lfound = list(_WORD_RE.finditer(local))
        spans = [(m.start(), m.end()) for m in lfound]
        first = next((k for k, (s, _e) in enumerate(spans) if offsets[s] > body), -1) if body >= 0 else 0
        last = min(len(tokens), first + words)
        if first < 0 or len(lfound) < last or [m.group() for m in lfound[:last]] != tokens[:last]:
            return None
        return _render(text, spans, offsets, first, last, marked, last < len(tokens))
    last = min(len(tokens), first + words)
    ratio = len(text) / max(1, len(folded))
    lo = int(found[first].start() * ratio) - _WINDOW_MARGIN
    hi = int(found[last - 1].end() * ratio) + _WINDOW_MARGIN
    lo = 0 if lo <= 0 else max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo), 0)
    hi = len(text) if hi >= len(text) else _space_after(text, hi)
    local, offsets = _words(text[lo:hi])
    lfound = list(_WORD_RE.finditer(local))
    ltokens = [m.group() for m in lfound]
    want = tokens[first:last]
    starts = [j for j in range(len(ltokens) - len(want) + 1)
              if ltokens[j] == want[0] and ltokens[j:j + len(want)] == want]
    if len(starts) != 1 or (starts[0] == 0 and lo > 0):
        return None
    j = starts[0]
    # The local window, re-indexed so token `first` of the article is local token `j`.
    spans = [(m.start(), m.end()) for m in lfound[j:j + len(want)]]
    shifted = [lo + o for o in offsets]
    local_marked = {k - first for k in marked if first <= k < last}
    out = _render(text, spans, shifted, 0, len(spans), local_marked, last < len(tokens))
    return ("…" if first > 0 else "") + out


def _space_after(text: str, i: int) -> int:
    cut = [k for k in (text.find(" ", i), text.find("\n", i)) if k >= 0]
    return min(cut) if cut else len(text)


__all__ = [
    "COUNT_KINDS", "EVENT_TYPES", "FACETS", "And", "Hit", "Node", "Not", "Or", "Query", "QueryError",
    "SearchResult", "Term", "index_text", "make_query", "name_key", "parse_query", "positive_terms",
    "query_tokens", "snippet",
]
