"""What the two SQL backends share: migrations, lookups, batched writes, filters, facets and the result.

SQL here is written with `?` placeholders and the SQL both SQLite and PostgreSQL speak; a backend
supplies its connection, its transactions and its full-text match and rank.
"""
from __future__ import annotations

import datetime
import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from rasd.search import FACETS, Hit, Node, Query, QueryError, SearchResult, name_key, snippet
from rasd.store.base import Match, Sighting, StoredArticle
from rasd.store.facts_sql import FactsSql, fact_rows
from rasd.store.migrations import MIGRATIONS, TABLE_DDL
from rasd.store.records import RecordsSql
from rasd.store.stories_sql import StorySql

FACET_SIZE = 20  # values listed per facet, most frequent first
# Words matching more articles than this: the facets count the best-ranked FACET_SAMPLE of them (the
# result says so in `facets_sample`); the total stays exact. Both backends apply the same rule.
FACET_SAMPLE = 1000

_UPSERT = """INSERT INTO articles (id, pipeline, schema, source, url, canonical_url, text_key, title,
        published, category, language, record, folded, stored_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET pipeline = excluded.pipeline, schema = excluded.schema,
        source = excluded.source, url = excluded.url, canonical_url = excluded.canonical_url,
        text_key = excluded.text_key, title = excluded.title, published = excluded.published,
        category = excluded.category, language = excluded.language, record = excluded.record,
        folded = excluded.folded, stored_at = excluded.stored_at"""
_FACET_TABLES = ("article_entities", "article_places", "article_events", "article_counts")


class SqlStore(StorySql, RecordsSql, FactsSql):
    """The shared half of SqliteStore and PostgresStore (stories, record streams, facts: the mixins)."""

    backend = ""
    facet_sample = FACET_SAMPLE  # see FACET_SAMPLE (an attribute so that tests can lower it)
    collate = ""  # appended to ORDER BY on text so that ties sort the same on both backends

    # --- what a backend provides ---------------------------------------------------------------

    # _execute, _executemany, _transaction: see SqlConnection.

    def _savepoint(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _is_conflict(self, e: Exception) -> bool:
        raise NotImplementedError

    def _match(self, node: Node) -> tuple[str, list[Any]]:
        """A condition on `a` (articles) true for the articles the query tree matches."""
        raise NotImplementedError

    def _ranked(self, node: Node, where: str, params: list[Any], limit: int, offset: int
                ) -> list[tuple[Any, ...]]:
        """One page of (id, title, source, published, story, record) best first."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # --- schema ----------------------------------------------------------------------------------

    def migrate(self) -> list[int]:
        with self._transaction():
            self._execute(TABLE_DDL[self.backend])
        applied = {int(r[0]) for r in self._execute("SELECT version FROM rasd_migrations").fetchall()}
        ran: list[int] = []
        for m in MIGRATIONS[self.backend]:
            if m.version in applied:
                continue
            with self._transaction():
                for statement in m.statements:
                    self._execute(statement)
                self._execute("INSERT INTO rasd_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                              (m.version, m.name, _now()))
            ran.append(m.version)
            if m.version == 4 and applied:  # an older store: its records already hold facts
                self.backfill_facts()
        return ran

    def migrations(self) -> list[tuple[int, str]]:
        """The migrations recorded in the database, in order."""
        return [(int(v), str(n)) for v, n in
                self._execute("SELECT version, name FROM rasd_migrations ORDER BY version").fetchall()]

    # --- lookups ---------------------------------------------------------------------------------

    def find(self, article_id: str, canonical_url: str | None, text_key: str, origin: str) -> Match | None:
        row = self._execute("SELECT id, pipeline FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and canonical_url:
            row = self._execute("SELECT id, pipeline FROM articles WHERE canonical_url = ?",
                                (canonical_url,)).fetchone()
        if row is None:
            row = self._execute("SELECT id, pipeline FROM articles WHERE text_key = ?",
                                (text_key,)).fetchone()
        if row is None:
            return None
        seen = self._execute("SELECT 1 FROM sightings WHERE article_id = ? AND origin = ?",
                             (row[0], origin)).fetchone() is not None
        return Match(id=row[0], pipeline=row[1], seen=seen)

    def stale_ids(self, fingerprint: str) -> Iterator[str]:
        rows = self._execute("SELECT id FROM articles WHERE pipeline IS NULL OR pipeline <> ? ORDER BY id",
                             (fingerprint,)).fetchall()
        return iter([r[0] for r in rows])

    def count(self) -> int:
        return int(self._execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def get(self, article_id: str) -> dict[str, Any] | None:
        row = self._execute("SELECT record, story FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        record["story"] = row[1]
        return record

    def sightings(self, article_id: str) -> list[Sighting]:
        rows = self._execute(f"SELECT origin, doc_id, source, category, url FROM sightings "
                             f"WHERE article_id = ? ORDER BY origin{self.collate}", (article_id,)).fetchall()
        return [Sighting(*r) for r in rows]

    def ids(self) -> list[str]:
        """Every stored article id, sorted."""
        return [r[0] for r in self._execute(f"SELECT id FROM articles ORDER BY id{self.collate}").fetchall()]

    # --- writes ----------------------------------------------------------------------------------

    def put_batch(self, articles: Sequence[StoredArticle], sightings: Sequence[tuple[str, Sighting]]
                  ) -> list[str]:
        """Write a batch in one transaction; returns the ids of articles refused because another stored
        article already has their canonical URL or text: their sightings go to that article."""
        refused: dict[str, str] = {}
        now = _now()
        with self._transaction():
            for a in articles:
                try:
                    with self._savepoint():
                        self._put(a, now)
                except Exception as e:
                    if not self._is_conflict(e):
                        raise
                    row = self._execute("SELECT id FROM articles WHERE canonical_url = ? OR text_key = ?",
                                        (a.canonical_url, a.text_key)).fetchone()
                    if row is None:
                        raise
                    refused[a.id] = row[0]
            self._executemany(
                "INSERT INTO sightings (article_id, origin, doc_id, source, category, url) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, origin) DO NOTHING",
                [(refused.get(aid, aid), s.origin, s.doc_id, s.source, s.category, s.url)
                 for aid, s in sightings])
        return list(refused)

    def _put(self, a: StoredArticle, now: str) -> None:
        self._execute(_UPSERT, (a.id, a.pipeline, a.schema, a.source, a.url, a.canonical_url, a.text_key,
                                a.title, a.published, a.category, a.language, a.record_json(), a.folded, now))
        for table in _FACET_TABLES:
            self._execute(f"DELETE FROM {table} WHERE article_id = ?", (a.id,))
        self._executemany("INSERT INTO article_entities (article_id, name, name_key, entity_id, type) "
                          "VALUES (?, ?, ?, ?, ?)", [(a.id, *e) for e in a.entities])
        self._executemany("INSERT INTO article_places (article_id, name, name_key, geonameid, country) "
                          "VALUES (?, ?, ?, ?, ?)", [(a.id, *p) for p in a.places])
        self._executemany("INSERT INTO article_events (article_id, type) VALUES (?, ?)",
                          [(a.id, t) for t in a.events])
        self._executemany("INSERT INTO article_counts (article_id, kind) VALUES (?, ?)",
                          [(a.id, k) for k in a.count_kinds])
        self._put_facts(a.id, fact_rows(a.record))

    # --- search ----------------------------------------------------------------------------------

    def _filters(self, q: Query) -> tuple[list[str], list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if q.source is not None:
            conds.append("a.source = ?")
            params.append(q.source)
        if q.category is not None:
            # The record's category, or the category of any place the article was filed under.
            conds.append("a.id IN (SELECT id FROM articles WHERE category = ? "
                         "UNION SELECT article_id FROM sightings WHERE category = ?)")
            params += [q.category, q.category]
        if q.date_from:
            conds.append("a.published >= ?")
            params.append(q.date_from)
        if q.date_to:
            conds.append("a.published <= ?")
            params.append(q.date_to)
        # Uncorrelated subqueries: each filter's article set is computed once (a correlated EXISTS
        # made SQLite walk every row of the value per candidate article: seconds on 40k articles).
        if q.entity:
            conds.append("a.id IN (SELECT article_id FROM article_entities WHERE name_key = ? "
                         "UNION SELECT article_id FROM article_entities WHERE entity_id = ?)")
            params += [name_key(q.entity), q.entity]
        if q.place:
            place = q.place.strip()
            if place.isdigit():
                conds.append("a.id IN (SELECT article_id FROM article_places WHERE geonameid = ?)")
                params.append(int(place))
            else:
                conds.append("a.id IN (SELECT article_id FROM article_places WHERE name_key = ?)")
                params.append(name_key(place))
        if q.country:
            conds.append("a.id IN (SELECT article_id FROM article_places WHERE country = ?)")
            params.append(q.country)
        if q.event:
            conds.append("a.id IN (SELECT article_id FROM article_events WHERE type = ?)")
            params.append(q.event)
        if q.count:
            conds.append("a.id IN (SELECT article_id FROM article_counts WHERE kind = ?)")
            params.append(q.count)
        return conds, params

    def _matched(self, node: Node | None, conds: list[str], params: list[Any]) -> tuple[str, list[Any]]:
        """`FROM … WHERE …` of the matched articles (alias `a`), driven by the full-text match when
        there are words, else by the filters' own indexes."""
        if node is None:
            return f"FROM articles a WHERE {' AND '.join(conds) or '1 = 1'}", params
        return self._matched_text(node, conds, params)

    def _matched_text(self, node: Node, conds: list[str], params: list[Any]) -> tuple[str, list[Any]]:
        match_sql, match_params = self._match(node)
        return f"FROM articles a WHERE {' AND '.join([match_sql, *conds])}", [*match_params, *params]

    def _count(self, node: Node | None, conds: list[str], params: list[Any]) -> int:
        src, src_params = self._matched(node, conds, params)
        return int(self._execute(f"SELECT COUNT(*) {src}", src_params).fetchone()[0])

    def search(self, query: Query, *, facets: bool = True) -> SearchResult:
        """Ranked (or newest first without words) matches, one page of hits, and the facets.

        The total and the facets come from one statement over the matched set (materialized once);
        the facets of the whole store (empty query, no filter) are cached until the store changes.
        With words matching more than FACET_SAMPLE articles the facets count the best-ranked
        FACET_SAMPLE of them (`facets_sample` in the result); the total is exact.
        A query that the database itself refuses comes back as an empty result with its message.
        """
        sample: int | None = None
        try:
            conds, params = self._filters(query)
            node = query.tree
            if node is not None:
                total, rows, facet_counts, sample = self._text_search(node, conds, params, query.limit,
                                                                      query.offset, facets)
            else:
                if facets:
                    total, facet_counts = self._total_and_facets(node, conds, params)
                else:
                    total, facet_counts = self._count(node, conds, params), {}
                rows = [] if total == 0 else self._execute(
                    f"SELECT a.id, a.title, a.source, a.published, a.story, a.record, a.folded "
                    f"FROM articles a WHERE {' AND '.join(conds) or '1 = 1'} "
                    f"ORDER BY a.published DESC NULLS LAST, a.id{self.collate} LIMIT ? OFFSET ?",
                    [*params, query.limit, query.offset]).fetchall()
            hits = [Hit(id=r[0], title=r[1], source=r[2], published=r[3],
                        snippet=snippet(json.loads(r[5])["text"], node, folded=r[6]), story=r[4])
                    for r in rows]
        except QueryError as e:
            return SearchResult(total=0, results=[], facets={}, message=str(e))
        return SearchResult(total=total, results=hits, facets=facet_counts, facets_sample=sample)

    def _text_search(self, node: Node, conds: list[str], params: list[Any], limit: int, offset: int,
                     facets: bool) -> tuple[int, list[tuple[Any, ...]], dict[str, list[tuple[str, int]]],
                                            int | None]:
        """(total, page rows, facets, facets_sample) of a query with words (the portable way)."""
        sample: int | None = None
        if not facets:
            total, facet_counts = self._count(node, conds, params), {}
        else:
            total = self._count(node, conds, params)
            if total > self.facet_sample:
                sample = self.facet_sample
                src, src_params = self._best(node, conds, params, sample)
                facet_counts = self._facets_over(src, src_params)[1]
            elif total:
                total, facet_counts = self._total_and_facets(node, conds, params)
            else:
                facet_counts = {name: [] for name in FACETS}
        rows = self._ranked(node, " AND ".join(conds) or "1 = 1", params, limit, offset) if total else []
        return total, rows, facet_counts, sample

    def _best(self, node: Node, conds: list[str], params: list[Any], n: int) -> tuple[str, list[Any]]:
        """`FROM … a` of the `n` best-ranked matches (columns id, source, published, category)."""
        raise NotImplementedError

    def facets(self, query: Query) -> dict[str, list[tuple[str, int]]]:
        """The facet counts of everything the query matches."""
        return self.search(query).facets

    def _version(self) -> Any:
        """A token that changes whenever the stored data may have changed (None: do not cache)."""
        return None

    def _total_and_facets(self, node: Node | None, conds: list[str], params: list[Any]
                          ) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        everything = node is None and not conds
        version = self._version() if everything else None
        if everything:
            cached = getattr(self, "_all_facets", None)
            if version is not None and cached is not None and cached[0] == version:
                return cached[1], cached[2]
        c = self.collate
        if everything:
            parts = ["SELECT 'total', NULL, COUNT(*) FROM articles a"]
            plain = {"source": "a.source", "published": "substr(a.published, 1, 7)", "category": "a.category"}
            for name, col in plain.items():
                parts.append(f"SELECT * FROM (SELECT '{name}', {col}, COUNT(*) FROM articles a "
                             f"WHERE {col} IS NOT NULL GROUP BY {col} "
                             f"ORDER BY COUNT(*) DESC, {col}{c} LIMIT {FACET_SIZE}) f_{name}")
            prefix, src_params = "", list[Any]()
        else:
            src, src_params = self._matched(node, conds, params)
            return self._facets_over(src, src_params)
        return self._facet_rows(prefix, parts, src_params, everything, version)

    def _facets_over(self, src: str, src_params: list[Any]) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        """The count and the facets of the articles `SELECT … {src}` gives (alias `a`, columns id, source,
        published, category), materialized once."""
        c = self.collate
        prefix = (f"WITH m AS MATERIALIZED (SELECT a.id AS id, a.source AS source, "
                  f"substr(a.published, 1, 7) AS month, a.category AS category {src}) ")
        parts = ["SELECT 'total', NULL, COUNT(*) FROM m"]
        for name, col in {"source": "source", "published": "month", "category": "category"}.items():
            parts.append(f"SELECT * FROM (SELECT '{name}', {col}, COUNT(*) FROM m "
                         f"WHERE {col} IS NOT NULL GROUP BY {col} "
                         f"ORDER BY COUNT(*) DESC, {col}{c} LIMIT {FACET_SIZE}) f_{name}")
        return self._facet_rows(prefix, parts, src_params, False, None)

    def _facet_rows(self, prefix: str, parts: list[str], src_params: list[Any], everything: bool,
                    version: Any) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        """Run the facet statement (`parts`: the total and the plain facets; the joined ones added here)."""
        c = self.collate
        joined = {"entity": ("article_entities", "x.name"), "place": ("article_places", "x.name"),
                  "country": ("article_places", "x.country"), "event": ("article_events", "x.type"),
                  "count": ("article_counts", "x.kind")}
        for name, (table, col) in joined.items():
            # CROSS JOIN: SQLite keeps the matched set as the outer loop (one covering-index range per
            # article) instead of walking the whole facet table; PostgreSQL plans it as a plain join.
            source, on = (f"{table} x", "") if everything else \
                (f"m CROSS JOIN {table} x", "x.article_id = m.id AND ")
            parts.append(f"SELECT * FROM (SELECT '{name}', {col}, COUNT(DISTINCT x.article_id) FROM {source} "
                         f"WHERE {on}{col} IS NOT NULL GROUP BY {col} "
                         f"ORDER BY COUNT(DISTINCT x.article_id) DESC, {col}{c} LIMIT {FACET_SIZE}) f_{name}")
        rows = self._execute(prefix + " UNION ALL ".join(parts), src_params).fetchall()
        total = 0
        out: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
        for name, value, n in rows:
            if name == "total":
                total = int(n)
            else:
                out[name].append((str(value), int(n)))
        for vs in out.values():
            vs.sort(key=lambda vn: (-vn[1], vn[0]))
        if everything and version is not None:
            self._all_facets = (version, total, out)
        return total, out

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


__all__ = ["FACET_SAMPLE", "FACET_SIZE", "SqlStore"]
