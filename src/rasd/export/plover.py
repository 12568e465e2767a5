"""PLOVER JSON Lines: one object per event of the records, the PLOVER event fields with our evidence.

Fields: `id` (`<article id>:<n>`, n the event's index in the record), `event_type` (PLOVER), `mode`,
`context` (always empty: not extracted), `actor`, `recipient` (names), `date`, `location` (the
resolved place: name, admin1, country, lat, lon; null when none), `negated`, `counts` (kind ->
number), the evidence `text` with its `start`/`end` character offsets in the article text, and the
article: `article_id`, `source`, `url`, `published`, `story`, `title`. Negated events are kept
(`negated: true`), as the record keeps them.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any


def events(r: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The PLOVER objects of one record."""
    for i, e in enumerate(r.get("events") or []):
        place = e.get("place")
        loc = None if not place else {k: place.get(k) for k in ("name", "admin1", "country", "lat", "lon")}
        yield {"id": f"{r['id']}:{i}", "event_type": e["type"], "mode": e.get("mode"), "context": [],
               "actor": list(e.get("actor") or []), "recipient": list(e.get("recipient") or []),
               "date": e.get("date"), "location": loc, "negated": bool(e.get("negated")),
               "counts": dict(e.get("counts") or {}), "text": e.get("text"), "start": e.get("start"),
               "end": e.get("end"), "article_id": r["id"], "source": r.get("source"), "url": r.get("url"),
               "published": r.get("published"), "story": r.get("story"), "title": r.get("title")}


def write(records: Iterable[dict[str, Any]], f: IO[str], *,
          on_row: Callable[[int], None] | None = None) -> int:
    n = 0
    for r in records:
        for ev in events(r):
            f.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
            n += 1
            if on_row is not None:
                on_row(n)
    return n


__all__ = ["events", "write"]
