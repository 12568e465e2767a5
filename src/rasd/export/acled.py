"""ACLED-style CSV: one row per event of the records, PLOVER types mapped to ACLED's where a mapping
exists (`acled_type`; the table is in the README).

Rows: every event that is not negated (an event the text says did not happen is no event). An event
whose PLOVER type and mode have no ACLED equivalent is still written, with `event_type` and
`sub_event_type` empty, so that nothing is lost and the analyst chooses (filter on a non-empty
`event_type` for ACLED's categories only). `event_date` is the event's own date, else the article's
publication date; `actor1`/`actor2` the event's actors and recipients (`; ` between names); `admin1`,
`location`, `latitude`, `longitude` its resolved place; `fatalities` the event's `killed` count,
empty when the article gives none (ACLED writes 0 for unknown: here unknown stays unknown); `notes`
the evidence (the event's own text span); `source`, `source_url`, `article_id` the article.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location",
           "latitude", "longitude", "fatalities", "notes", "source", "source_url", "article_id")

# (PLOVER type, mode) -> (ACLED event type, ACLED sub-event type); mode None: any other mode or none.
MAPPING: dict[tuple[str, str | None], tuple[str, str]] = {
    ("ASSAULT", "air-strike"): ("Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "heavy-weapons"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("ASSAULT", "bombing"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("ASSAULT", "suicide-bombing"): ("Explosions/Remote violence", "Suicide bomb"),
    ("ASSAULT", "armed-clash"): ("Battles", "Armed clash"),
    ("ASSAULT", "abduction"): ("Violence against civilians", "Abduction/forced disappearance"),
    ("ASSAULT", "assassination"): ("Violence against civilians", "Attack"),
    ("PROTEST", "riot"): ("Riots", "Violent demonstration"),
    ("PROTEST", None): ("Protests", "Peaceful protest"),
    ("COERCE", "arrest"): ("Strategic developments", "Arrests"),
    ("AGREE", None): ("Strategic developments", "Agreement"),
}


def acled_type(plover_type: str, mode: str | None) -> tuple[str, str]:
    """ACLED's (event type, sub-event type) for a PLOVER type and mode; ("", "") when none fits."""
    return MAPPING.get((plover_type, mode)) or MAPPING.get((plover_type, None)) or ("", "")


def rows(r: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The ACLED rows of one record."""
    for e in r.get("events") or []:
        if e.get("negated"):
            continue
        etype, sub = acled_type(e["type"], e.get("mode"))
        place = e.get("place") or {}
        killed = (e.get("counts") or {}).get("killed")
        yield {"event_date": e.get("date") or r.get("published") or "", "event_type": etype,
               "sub_event_type": sub, "actor1": "; ".join(e.get("actor") or []),
               "actor2": "; ".join(e.get("recipient") or []), "admin1": place.get("admin1") or "",
               "location": place.get("name") or "", "latitude": place.get("lat", ""),
               "longitude": place.get("lon", ""), "fatalities": "" if killed is None else killed,
               "notes": e.get("text") or "", "source": r.get("source") or "",
               "source_url": r.get("url") or "", "article_id": r["id"]}


def write(records: Iterable[dict[str, Any]], f: IO[str], *,
          on_row: Callable[[int], None] | None = None) -> int:
    w = csv.DictWriter(f, fieldnames=COLUMNS)
    w.writeheader()
    n = 0
    for r in records:
        for row in rows(r):
            w.writerow({k: "" if v is None else v for k, v in row.items()})
            n += 1
            if on_row is not None:
                on_row(n)
    return n


__all__ = ["COLUMNS", "MAPPING", "acled_type", "rows", "write"]
