"""The SQLite backend (the embedded default): one file, WAL journal, FTS5 over the folded text.

The FTS5 table uses the built-in unicode61 tokenizer over `articles.folded`, so any SQLite with FTS5
can read and query the file. Ranking is FTS5's bm25.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasd.search import FACETS, And, Node, Not, Or, QueryError, Term
from rasd.store.base import StoreError
from rasd.store.sql import SqlStore

MMAP_BYTES = 1 << 32  # address space only: SQLite maps at most the file
RANK_SLACK = 64  # extra FTS5-ranked rows fetched so that ties of bm25 at the cut are ordered by id


def fts5_query(node: Node) -> str:
    """The FTS5 MATCH expression of a query tree (tokens are letters and digits only)."""
    if isinstance(node, Term):
        return f'"{" ".join(node.tokens)}"' + ("*" if node.prefix else "")
    if isinstance(node, Or):
        return " OR ".join(f"({fts5_query(n)})" for n in node.items)
    if isinstance(node, And):
        pos = [n for n in node.items if not isinstance(n, Not)]
        neg = [n.item for n in node.items if isinstance(n, Not)]
        if not pos:
            raise QueryError("a query needs at least one word that is not negated")
        expr = " AND ".join(f"({fts5_query(n)})" for n in pos)
        for n in neg:
            expr = f"({expr}) NOT ({fts5_query(n)})"
        return expr
    raise QueryError("a query needs at least one word that is not negated")


class SqliteStore(SqlStore):
    """A store in one SQLite file (created and migrated on open)."""

    backend = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # Reads through the OS page cache (the article rows are large) and a bigger page cache.
            self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self.conn.execute("PRAGMA cache_size = -65536")
            self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.rasd_fts5_check USING fts5(x)")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the SQLite database: {e}") from e
        self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.OperationalError as e:
            if "fts5" in str(e):
                raise QueryError(f"the query cannot be searched: {e}") from e
            raise StoreError(f"{self.path}: {e}") from e

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        self.conn.execute("SAVEPOINT rasd_article")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO rasd_article")
            self.conn.execute("RELEASE rasd_article")
            raise
        self.conn.execute("RELEASE rasd_article")

    def _is_conflict(self, e: Exception) -> bool:
        return isinstance(e, sqlite3.IntegrityError)

    def _match(self, node: Node) -> tuple[str, list[Any]]:
        return "a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [fts5_query(node)]

    def _matched_text(self, node: Node, conds: list[str], params: list[Any]) -> tuple[str, list[Any]]:
        # Driven by the FTS5 rowids (CROSS JOIN keeps them the outer loop), each joined to its article
        # by primary key; the filters are then checks on that row. As `a.seq IN (fts)` next to
        # `a.id IN (filter)` SQLite probed the index with every pair of the two lists, and with a
        # plain JOIN it walked the `source` index probing FTS5 per row: seconds either way.
        where = " AND ".join(["articles_fts MATCH ?", *conds])
        return (f"FROM articles_fts f CROSS JOIN articles a ON a.seq = f.rowid WHERE {where}",
                [fts5_query(node), *params])

    def _count(self, node: Node | None, conds: list[str], params: list[Any]) -> int:
        if node is not None and not conds:  # the FTS5 index alone
            return int(self._execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                     [fts5_query(node)]).fetchone()[0])
        return super()._count(node, conds, params)

    def _version(self) -> Any:
        # data_version changes when another connection commits; total_changes counts this one's writes.
        return (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)

    def _ranked(self, node: Node, where: str, params: list[Any], limit: int, offset: int
                ) -> list[tuple[Any, ...]]:
        sql = ("SELECT a.id, a.title, a.source, a.published, a.story, a.record, a.folded FROM articles_fts f "
               f"CROSS JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH ? AND {where} "
               "ORDER BY bm25(articles_fts), a.id LIMIT ? OFFSET ?")
        return list(self._execute(sql, [fts5_query(node), *params, limit, offset]).fetchall())

    def _text_search(self, node: Node, conds: list[str], params: list[Any], limit: int, offset: int,
                     facets: bool) -> tuple[int, list[tuple[Any, ...]], dict[str, list[tuple[str, int]]],
                                            int | None]:
        """One pass of FTS5 ranking into a temporary table `rasd_m` (seq, id, source, published,
        category, rank) that the total, the facets and the page all read.

        Without filters the ranking runs in the FTS5 table alone (`ORDER BY rank LIMIT`: bm25 without
        touching the article rows), keeping only the best rows needed (the page, or FACET_SAMPLE for
        the facets), and the total is counted in the FTS5 index; with filters every match is checked
        against its article row once and kept with its rank.
        """
        expr = fts5_query(node)
        self._execute("DROP TABLE IF EXISTS temp.rasd_m")
        if conds:
            self._execute(
                "CREATE TEMP TABLE rasd_m AS SELECT a.seq AS seq, a.id AS id, a.source AS source, "
                "a.published AS published, a.category AS category, bm25(articles_fts) AS rank "
                "FROM articles_fts f CROSS JOIN articles a ON a.seq = f.rowid "
                f"WHERE articles_fts MATCH ? AND {' AND '.join(conds)}", [expr, *params])
            total = int(self._execute("SELECT COUNT(*) FROM temp.rasd_m").fetchone()[0])
        else:
            total = int(self._execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                      [expr]).fetchone()[0])
            keep = max(offset + limit, self.facet_sample if facets else 0)
            self._execute(
                "CREATE TEMP TABLE rasd_m AS SELECT a.seq AS seq, a.id AS id, a.source AS source, "
                "a.published AS published, a.category AS category, r.rank AS rank "
                "FROM (SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? "
                "ORDER BY rank LIMIT ?) r CROSS JOIN articles a ON a.seq = r.rowid "
                "ORDER BY r.rank, a.id LIMIT ?",
                [expr, keep + RANK_SLACK, keep])
        sample: int | None = None
        facet_counts: dict[str, list[tuple[str, int]]] = {}
        if facets:
            if total > self.facet_sample:
                sample = self.facet_sample
                src = f"FROM (SELECT * FROM temp.rasd_m ORDER BY rank, id LIMIT {int(sample)}) a"
            else:
                src = "FROM temp.rasd_m a"
            facet_counts = self._facets_over(src, [])[1] if total else {name: [] for name in FACETS}
        rows = list(self._execute(
            "SELECT a.id, a.title, a.source, a.published, a.story, a.record, a.folded FROM "
            "(SELECT seq, rank, id FROM temp.rasd_m ORDER BY rank, id LIMIT ? OFFSET ?) m "
            "CROSS JOIN articles a ON a.seq = m.seq ORDER BY m.rank, m.id", [limit, offset]).fetchall())
        self._execute("DROP TABLE temp.rasd_m")
        return total, rows, facet_counts, sample

    def integrity_check(self) -> list[str]:
        """SQLite's own integrity check plus FTS5's ('ok' alone when the file is sound)."""
        out = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        try:
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as e:
            out.append(f"fts5: {e}")
        return out

    def close(self) -> None:
        self.conn.close()


__all__ = ["SqliteStore", "fts5_query"]
