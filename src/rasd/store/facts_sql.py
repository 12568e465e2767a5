"""The fact tables behind the desk: every count, event and quote of a stored record, one row each.

Migration 4 adds `count_facts`, `event_facts` and `quote_facts`. They are written with the article
(`fact_rows`, in the same transaction as its facet rows) and filled from the stored records when the
migration runs on an older store (`backfill_facts`). The desk reads them here: the aggregated count
series (`count_series`), the symbols of the map (`map_points`) and an entity's page (`entity_page`).

Counting once per story: a figure that many articles of one story repeat is one figure. Per article
the counts of one kind at one place add up (they are separate facts of that article); per story the
article figures of a (kind, place) are reduced to the highest, and when the articles disagree the
distinct figures are listed (`disagreements`), so a reader sees "5 or 7", not 12.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.search import name_key
from rasd.store.connection import SqlConnection

FACT_TABLES = ("count_facts", "event_facts", "quote_facts")
BACKFILL_BATCH = 500
MAX_SERIES_FACTS = 200_000  # rows a series or map reads at most (the newest first)


@dataclass(frozen=True)
class FactRows:
    """The fact rows of one record (without the article id)."""

    counts: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)


def _day(value: Any) -> str | None:
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        return value[:10]
    return None


def _place(p: Any) -> tuple[str | None, str, str | None, float | None, float | None]:
    if not isinstance(p, dict) or not p.get("name"):
        return None, "", None, None, None
    lat, lon = p.get("lat"), p.get("lon")
    if not (isinstance(lat, int | float) and isinstance(lon, int | float)):
        lat = lon = None
    return (str(p["name"]), name_key(str(p["name"])), p.get("country"),
            None if lat is None else float(lat), None if lon is None else float(lon))


def _keys(names: Any) -> str:
    """Entity names as one searchable string `|key|key|` (an actor filter is `LIKE '%|key|%'`)."""
    if isinstance(names, str):
        names = [names]
    keys = [name_key(str(n)) for n in names or [] if n]
    return "|" + "|".join(k for k in keys if k) + "|" if keys else ""


def fact_rows(record: dict[str, Any]) -> FactRows:
    """The count, event and quote rows of a record. Columns as in migration 4."""
    published = _day(record.get("published"))
    out = FactRows()
    for c in record.get("counts") or []:
        value = c.get("count")
        if not isinstance(value, int) or isinstance(value, bool) or not c.get("kind"):
            continue
        name, key, country, lat, lon = _place(c.get("place"))
        out.counts.append((c["kind"], value, c.get("qualifier"), name, key, country, lat, lon,
                           _day(c.get("date")) or published, _keys(c.get("claimed_by")),
                           c.get("start"), c.get("end")))
    for e in record.get("events") or []:
        if not e.get("type"):
            continue
        name, key, country, lat, lon = _place(e.get("place"))
        out.events.append((e["type"], name, key, country, lat, lon, _day(e.get("date")) or published,
                           _keys(e.get("actor")), _keys(e.get("recipient")), e.get("start"), e.get("end")))
    for i, q in enumerate(record.get("quotes") or []):
        speaker = q.get("speaker_entity") or q.get("speaker")
        if speaker:
            out.quotes.append((i, str(speaker), name_key(str(speaker)), published))
    return out


_INSERTS = {
    "count_facts": "INSERT INTO count_facts (article_id, kind, value, qualifier, place, place_key, country, "
                   "lat, lon, day, claimed, span_start, span_end) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "event_facts": "INSERT INTO event_facts (article_id, type, place, place_key, country, lat, lon, day, "
                   "actors, recipients, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "quote_facts": "INSERT INTO quote_facts (article_id, n, speaker, speaker_key, day) "
                   "VALUES (?, ?, ?, ?, ?)",
}


@dataclass(frozen=True)
class FactFilter:
    """What the series and the map are restricted to (all optional)."""

    kind: str | None = None  # a count kind (counts) or a PLOVER type (events)
    place: str | None = None  # place name
    country: str | None = None  # ISO alpha-2
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None  # an entity named as an event's actor (or as a count's claimant)


class FactsSql(SqlConnection):
    """Writes and reads of the fact tables; mixed into SqlStore (whose backend runs the statements)."""

    # --- writing -----------------------------------------------------------------------------------

    def _put_facts(self, article_id: str, rows: FactRows) -> None:
        """Replace an article's fact rows (inside the caller's transaction)."""
        for table in FACT_TABLES:
            self._execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        for table, items in (("count_facts", rows.counts), ("event_facts", rows.events),
                             ("quote_facts", rows.quotes)):
            if items:
                self._executemany(_INSERTS[table], [(article_id, *r) for r in items])

    def backfill_facts(self) -> int:
        """Fill the fact tables from every stored record (run once, by migration 4); the articles done."""
        done, last = 0, -1
        while True:
            rows = self._execute("SELECT seq, id, record FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                                 (last, BACKFILL_BATCH)).fetchall()
            if not rows:
                return done
            with self._transaction():
                for _, article_id, record in rows:
                    self._put_facts(article_id, fact_rows(json.loads(record)))
            done += len(rows)
            last = int(rows[-1][0])

    # --- reading -----------------------------------------------------------------------------------

    def _fact_where(self, f: FactFilter, kind_col: str, actor_cols: Sequence[str]
                    ) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if f.kind:
            conds.append(f"x.{kind_col} = ?")
            params.append(f.kind)
        if f.place:
            conds.append("x.place_key = ?")
            params.append(name_key(f.place))
        if f.country:
            conds.append("x.country = ?")
            params.append(f.country.upper())
        if f.date_from:
            conds.append("x.day >= ?")
            params.append(f.date_from)
        if f.date_to:
            conds.append("x.day <= ?")
            params.append(f.date_to)
        if f.actor:
            key = f"%|{name_key(f.actor)}|%"
            alts = [f"x.{col} LIKE ?" for col in actor_cols]
            # Counts: claimed by the actor, or in an article where the actor is an event's actor.
            if kind_col == "kind":
                alts.append("x.article_id IN (SELECT article_id FROM event_facts WHERE actors LIKE ?)")
            conds.append("(" + " OR ".join(alts) + ")")
            params += [key] * len(alts)
        return " AND ".join(conds) or "1 = 1", params

    def _count_groups(self, f: FactFilter) -> list[dict[str, Any]]:
        """The counts the filter selects, one per (story, kind, place): see the module docstring."""
        where, params = self._fact_where(f, "kind", ["claimed"])
        rows = self._execute(
            "SELECT x.article_id, a.story, a.source, x.kind, x.value, x.place, x.place_key, x.country, "
            f"x.lat, x.lon, x.day FROM count_facts x JOIN articles a ON a.id = x.article_id WHERE {where} "
            f"ORDER BY x.day DESC NULLS LAST, x.article_id{self.collate} LIMIT {MAX_SERIES_FACTS}",
            params).fetchall()
        per_article: dict[tuple[str, str, str], dict[str, Any]] = {}
        for aid, story, source, kind, value, place, pkey, country, lat, lon, day in rows:
            g = per_article.setdefault((aid, kind, pkey), {
                "article": aid, "story": story or aid, "source": source, "kind": kind, "value": 0,
                "place": place, "place_key": pkey, "country": country, "lat": lat, "lon": lon, "day": day})
            g["value"] += int(value)
            if day and (g["day"] is None or day < g["day"]):
                g["day"] = day
        per_story: dict[tuple[str, str, str], dict[str, Any]] = {}
        for a in per_article.values():
            key = (a["story"], a["kind"], a["place_key"])
            if key not in per_story:
                per_story[key] = {**a, "articles": [], "values": set()}
            g = per_story[key]
            g["articles"].append(a["article"])
            g["values"].add(a["value"])
            if a["value"] > g["value"]:
                g["value"] = a["value"]
            if a["day"] and (g["day"] is None or a["day"] < g["day"]):
                g["day"] = a["day"]
        out = []
        for g in per_story.values():
            g["values"] = sorted(g["values"])
            g["articles"] = sorted(set(g["articles"]))
            out.append(g)
        return out

    def count_series(self, f: FactFilter, by: str = "day") -> dict[str, Any]:
        """Counts summed by day or by place, each figure once per story; `by` is 'day' or 'place'.

        {"by", "kind", "series": [{"key", "kind", "value", "stories", "articles", "disagreements":
        [{"story", "place", "values", "articles"}]}]}: one entry per (key, kind), keys in order."""
        groups = self._count_groups(f)
        series: dict[tuple[str, str], dict[str, Any]] = {}
        for g in groups:
            key = g["day"] if by == "day" else (g["place"] or "")
            if by == "day" and key is None:
                continue
            s = series.setdefault((key, g["kind"]), {"key": key, "kind": g["kind"], "value": 0, "stories": 0,
                                                    "articles": 0, "disagreements": []})
            if by == "place":
                s.update(country=g["country"], lat=g["lat"], lon=g["lon"])
            s["value"] += g["value"]
            s["stories"] += 1
            s["articles"] += len(g["articles"])
            if len(g["values"]) > 1:
                s["disagreements"].append({"story": g["story"], "place": g["place"], "values": g["values"],
                                           "articles": g["articles"]})
        ordered = sorted(series.values(), key=lambda s: (s["key"], s["kind"])) if by == "day" else \
            sorted(series.values(), key=lambda s: (-s["value"], s["key"], s["kind"]))
        return {"by": by, "kind": f.kind, "series": ordered}

    def map_points(self, f: FactFilter, what: str = "both") -> list[dict[str, Any]]:
        """Symbols per place: counts (summed once per story) and events (distinct stories reporting
        that type there), each {"what", "kind", "place", "country", "lat", "lon", "value", "stories"}.
        `what`: 'counts', 'events' or 'both'. Facts without coordinates are left out."""
        out: list[dict[str, Any]] = []
        if what in ("counts", "both"):
            merged: dict[tuple[str, str], dict[str, Any]] = {}
            for g in self._count_groups(f):
                if g["lat"] is None:
                    continue
                m = merged.setdefault((g["kind"], g["place_key"]), {
                    "what": "counts", "kind": g["kind"], "place": g["place"], "country": g["country"],
                    "lat": g["lat"], "lon": g["lon"], "value": 0, "stories": 0})
                m["value"] += g["value"]
                m["stories"] += 1
            out += merged.values()
        if what in ("events", "both"):
            where, params = self._fact_where(f, "type", ["actors"])
            rows = self._execute(
                "SELECT x.type, x.place_key, MIN(x.place), MIN(x.country), MIN(x.lat), MIN(x.lon), "
                "COUNT(DISTINCT COALESCE(a.story, a.id)) FROM event_facts x JOIN articles a "
                f"ON a.id = x.article_id WHERE {where} AND x.lat IS NOT NULL "
                "GROUP BY x.type, x.place_key", params).fetchall()
            out += [{"what": "events", "kind": t, "place": p, "country": cc, "lat": float(lat),
                     "lon": float(lon), "value": int(n), "stories": int(n)}
                    for t, _, p, cc, lat, lon, n in rows]
        out.sort(key=lambda p: (-p["value"], p["kind"], p["place"] or ""))
        return out

    def event_series(self, f: FactFilter) -> list[dict[str, Any]]:
        """Events per day and type: distinct stories (an article without a story is its own)."""
        where, params = self._fact_where(f, "type", ["actors", "recipients"])
        rows = self._execute(
            "SELECT x.day, x.type, COUNT(DISTINCT COALESCE(a.story, a.id)) FROM event_facts x "
            f"JOIN articles a ON a.id = x.article_id WHERE {where} AND x.day IS NOT NULL "
            "GROUP BY x.day, x.type ORDER BY x.day, x.type", params).fetchall()
        return [{"key": d, "kind": t, "value": int(n)} for d, t, n in rows]

    # --- entities ----------------------------------------------------------------------------------

    def entity_key(self, name_or_id: str) -> tuple[str, str | None, str | None] | None:
        """(name key, entity id, canonical name) of an entity given by name or id; None if unknown."""
        row = self._execute("SELECT name_key, entity_id, name FROM article_entities WHERE entity_id = ? "
                            "LIMIT 1", (name_or_id,)).fetchone()
        if row is None:
            key = name_key(name_or_id)
            row = self._execute("SELECT name_key, entity_id, name FROM article_entities WHERE name_key = ? "
                                "LIMIT 1", (key,)).fetchone()
            if row is None:
                q = self._execute("SELECT speaker_key, NULL, speaker FROM quote_facts WHERE speaker_key = ? "
                                  "LIMIT 1", (key,)).fetchone()
                return None if q is None else (q[0], None, q[2])
        return str(row[0]), row[1], str(row[2])

    def entity_page(self, name_or_id: str, *, articles: int = 20, quotes: int = 50,
                    related: int = 20) -> dict[str, Any] | None:
        """An entity: its mentions per day, its quotes (newest first), the entities named with it and
        its newest articles. None when no stored article names it."""
        found = self.entity_key(name_or_id)
        if found is None:
            return None
        key, eid, name = found
        ids_sql = ("SELECT article_id FROM article_entities WHERE name_key = ? "
                   "UNION SELECT article_id FROM article_entities WHERE entity_id = ? "
                   "UNION SELECT article_id FROM quote_facts WHERE speaker_key = ?")
        ids_params = [key, eid or "", key]
        c = self.collate
        mentions = [{"day": d, "articles": int(n)} for d, n in self._execute(
            f"SELECT substr(a.published, 1, 10) AS d, COUNT(*) FROM articles a WHERE a.id IN ({ids_sql}) "
            "AND a.published IS NOT NULL GROUP BY d ORDER BY d", ids_params).fetchall()]
        total = int(self._execute(f"SELECT COUNT(*) FROM articles a WHERE a.id IN ({ids_sql})",
                                  ids_params).fetchone()[0])
        newest = self._execute(
            f"SELECT a.id, a.title, a.source, a.published, a.story FROM articles a WHERE a.id IN ({ids_sql}) "
            f"ORDER BY a.published DESC NULLS LAST, a.id{c} LIMIT ?", [*ids_params, articles]).fetchall()
        quote_rows = self._execute(
            "SELECT q.article_id, q.n, a.title, a.source, a.published, a.record FROM quote_facts q "
            "JOIN articles a ON a.id = q.article_id WHERE q.speaker_key = ? "
            f"ORDER BY a.published DESC NULLS LAST, q.article_id{c}, q.n LIMIT ?", (key, quotes)).fetchall()
        quote_list = []
        records: dict[str, Any] = {}
        for aid, n, title, source, published, rec in quote_rows:
            record = records.setdefault(aid, json.loads(rec))
            qs = record.get("quotes") or []
            if 0 <= int(n) < len(qs):
                q = qs[int(n)]
                quote_list.append({"article": aid, "n": int(n), "title": title, "source": source,
                                   "published": published,
                                   "text": q.get("text"), "start": q.get("start"), "end": q.get("end"),
                                   "direct": q.get("direct"), "cue": q.get("cue"),
                                   "speaker": q.get("speaker_entity") or q.get("speaker"),
                                   "speaker_title": q.get("speaker_title"), "via": q.get("via")})
        co = self._execute(
            "SELECT x.name, MIN(x.type), MIN(x.entity_id), COUNT(DISTINCT x.article_id) AS n "
            f"FROM article_entities x WHERE x.article_id IN ({ids_sql}) AND x.name_key <> ? "
            f"GROUP BY x.name ORDER BY n DESC, x.name{c} LIMIT ?", [*ids_params, key, related]).fetchall()
        return {
            "name": name, "id": eid, "key": key, "articles_total": total,
            "mentions": mentions, "quotes": quote_list,
            "related": [{"name": r[0], "type": r[1], "id": r[2], "articles": int(r[3])} for r in co],
            "articles": [{"id": r[0], "title": r[1], "source": r[2], "published": r[3], "story": r[4]}
                         for r in newest],
        }

    def published_span(self) -> tuple[str | None, str | None]:
        """The first and last publication day of the stored articles."""
        row = self._execute("SELECT MIN(substr(published, 1, 10)), MAX(substr(published, 1, 10)) "
                            "FROM articles WHERE published IS NOT NULL").fetchone()
        return (row[0], row[1]) if row else (None, None)

    def iter_fact_counts(self) -> Iterator[tuple[str, int]]:
        """Rows per fact table (what a backfill wrote; the tests compare it)."""
        for table in FACT_TABLES:
            yield table, int(self._execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


__all__ = ["FACT_TABLES", "FactFilter", "FactRows", "FactsSql", "fact_rows"]
