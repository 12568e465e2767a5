"""CSV of articles: one row per article, the metadata, the story, what was found (names joined by
`; `, PLOVER types, count kinds) and the text."""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import IO, Any

COLUMNS = ("id", "title", "source", "published", "url", "category", "language", "story", "pipeline",
           "entities", "places", "events", "counts", "text")


def _names(items: list[dict[str, Any]], key: str) -> str:
    seen: dict[str, None] = {}
    for x in items:
        v = x.get(key) or x.get("text")
        if v:
            seen.setdefault(str(v), None)
    return "; ".join(seen)


def row(r: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one record (the columns of COLUMNS; None as an empty cell)."""
    return {
        "id": r["id"], "title": r.get("title"), "source": r.get("source"), "published": r.get("published"),
        "url": r.get("url"), "category": r.get("category"), "language": r.get("language"),
        "story": r.get("story"), "pipeline": r.get("pipeline"),
        "entities": _names(r.get("entities") or [], "canonical"),
        "places": _names(r.get("places") or [], "name"),
        "events": "; ".join(sorted({e["type"] for e in r.get("events") or []})),
        "counts": "; ".join(f"{c['kind']} {c['count']}" for c in r.get("counts") or []),
        "text": r.get("text"),
    }


def write(records: Iterable[dict[str, Any]], f: IO[str], *,
          on_row: Callable[[int], None] | None = None) -> int:
    w = csv.DictWriter(f, fieldnames=COLUMNS)
    w.writeheader()
    n = 0
    for r in records:
        w.writerow(row(r))
        n += 1
        if on_row is not None:
            on_row(n)
    return n


__all__ = ["COLUMNS", "row", "write"]
