"""What the desk shows, computed once per request and served twice: as JSON (`/api/...`) and as a page.

Every function takes the store and plain parameters and returns a JSON-ready dict, or raises
`DeskError` with the HTTP status the API answers (400 for a bad parameter, 404 for nothing there).
Pages render exactly these dicts, so a page and its JSON twin cannot disagree.
"""
from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from typing import Any

from rasd.errors import RasdError
from rasd.search import COUNT_KINDS, EVENT_TYPES, QueryError, make_query
from rasd.store.facts_sql import FactFilter
from rasd.store.sql import SqlStore
from rasd.stories import story_summary

MAX_PAGE = 100  # results per page the desk serves at most


class DeskError(RasdError):
    """A request the desk cannot answer: `status` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise DeskError(400, f"{name}: not a date (YYYY-MM-DD): {value!r}") from None


def _clean(value: str | None) -> str | None:
    """A filter value: None when absent or blank."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def search(store: SqlStore, params: Mapping[str, str | None], *, limit: int = 20, offset: int = 0
           ) -> dict[str, Any]:
    """The search result (the shape of `rasd search --json`), plus the query echoed back."""
    if not 1 <= limit <= MAX_PAGE:
        raise DeskError(400, f"limit: must be between 1 and {MAX_PAGE}")
    if not 0 <= offset <= 1_000_000:
        raise DeskError(400, "offset: must be between 0 and 1000000")
    try:
        query = make_query(params.get("q") or "", source=_clean(params.get("source")),
                           date_from=_date("from", _clean(params.get("from"))),
                           date_to=_date("to", _clean(params.get("to"))),
                           category=_clean(params.get("category")), entity=_clean(params.get("entity")),
                           place=_clean(params.get("place")), country=_clean(params.get("country")),
                           event=_clean(params.get("event")), count=_clean(params.get("count")),
                           limit=limit, offset=offset)
    except QueryError as e:
        raise DeskError(400, str(e)) from None
    result = store.search(query)
    if result.message:
        raise DeskError(400, result.message)
    out = result.to_dict()
    out["limit"], out["offset"] = limit, offset
    return out


def article(store: SqlStore, article_id: str) -> dict[str, Any]:
    """The stored record with `story` (404 when there is none)."""
    record = store.get(article_id)
    if record is None:
        raise DeskError(404, f"no article {article_id!r}")
    return record


def story_of_article(store: SqlStore, record: dict[str, Any], limit: int = 50) -> list[dict[str, Any]]:
    """The other articles of the article's story (id, title, source, published), oldest first."""
    story = record.get("story")
    if not story:
        return []
    out = []
    for r in store.story_records(story):
        if r["id"] != record["id"]:
            out.append({"id": r["id"], "title": r.get("title") or "", "source": r.get("source"),
                        "published": r.get("published")})
        if len(out) >= limit:
            break
    return out


def story(store: SqlStore, story_id: str) -> dict[str, Any]:
    """A story: its articles, outlets, first and last date, and each outlet's figures side by side."""
    summary = story_summary(story_id, store.story_records(story_id))
    if summary is None:
        raise DeskError(404, f"no story {story_id!r}")
    return summary


def entity(store: SqlStore, name: str) -> dict[str, Any]:
    """An entity's mentions over time, its quotes, the entities named with it, its articles."""
    if not name.strip():
        raise DeskError(400, "an entity name or id is needed")
    page = store.entity_page(name.strip())
    if page is None:
        raise DeskError(404, f"no stored article names {name!r}")
    return page


def _fact_filter(params: Mapping[str, str | None], kinds: frozenset[str] | None) -> FactFilter:
    kind = _clean(params.get("kind"))
    if kind is not None and kinds is not None and kind not in kinds:
        raise DeskError(400, f"kind: unknown {kind!r} (one of {', '.join(sorted(kinds))})")
    country = _clean(params.get("country"))
    if country is not None and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise DeskError(400, f"country: not an ISO 3166-1 alpha-2 code: {country!r}")
    f = FactFilter(kind=kind, place=_clean(params.get("place")), country=country,
                   date_from=_date("from", _clean(params.get("from"))),
                   date_to=_date("to", _clean(params.get("to"))), actor=_clean(params.get("actor")))
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise DeskError(400, "from: after to")
    return f


def counts(store: SqlStore, params: Mapping[str, str | None], by: str = "day") -> dict[str, Any]:
    """Count series by day or by place (each figure once per story; disagreements listed)."""
    if by not in ("day", "place"):
        raise DeskError(400, f"by: must be 'day' or 'place', not {by!r}")
    return store.count_series(_fact_filter(params, COUNT_KINDS), by=by)


MAP_KINDS = COUNT_KINDS | EVENT_TYPES


def map_points(store: SqlStore, params: Mapping[str, str | None]) -> dict[str, Any]:
    """The map's symbols: counts and events per place (`kind`: a count kind or an event type)."""
    f = _fact_filter(params, MAP_KINDS)
    what = "both"
    if f.kind in COUNT_KINDS:
        what = "counts"
    elif f.kind in EVENT_TYPES:
        what = "events"
    points = store.map_points(f, what)
    return {"kind": f.kind, "country": f.country, "from": f.date_from, "to": f.date_to, "points": points}


def timeline(store: SqlStore, params: Mapping[str, str | None]) -> dict[str, Any]:
    """Counts by kind per day (once per story) and events by type per day (distinct stories).

    Without `from` and `to` the days are those the store's articles were published on (first to
    last): a fact dated by a past year its article mentions would stretch the axis over decades."""
    f = _fact_filter(params, MAP_KINDS)
    if f.date_from is None and f.date_to is None:
        first, last = store.published_span()
        f = dataclasses.replace(f, date_from=first, date_to=last)
    count_f = f if f.kind is None or f.kind in COUNT_KINDS else None
    event_f = f if f.kind is None or f.kind in EVENT_TYPES else None
    series: dict[str, list[tuple[str, int]]] = {}
    if count_f is not None:
        for s in store.count_series(count_f, by="day")["series"]:
            series.setdefault(s["kind"], []).append((s["key"], s["value"]))
    events: dict[str, list[tuple[str, int]]] = {}
    if event_f is not None:
        for s in store.event_series(event_f):
            events.setdefault(s["kind"], []).append((s["key"], s["value"]))
    return {"kind": f.kind, "place": f.place, "actor": f.actor, "from": f.date_from, "to": f.date_to,
            "counts": {k: [{"day": d, "value": v} for d, v in vs] for k, vs in sorted(series.items())},
            "events": {k: [{"day": d, "value": v} for d, v in vs] for k, vs in sorted(events.items())}}


def health(store: SqlStore) -> dict[str, Any]:
    from rasd.version import __version__
    return {"status": "ok", "version": __version__, "backend": store.backend, "articles": store.count()}


__all__ = ["DeskError", "MAX_PAGE", "article", "counts", "entity", "health", "map_points", "search", "story",
           "story_of_article", "timeline"]
