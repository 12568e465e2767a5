"""The PostgreSQL backend (psycopg 3): the same tables, full-text search over the same folded column.

`articles.tsv` is generated as `to_tsvector('simple', folded)` (the `simple` configuration: no
stemming, no stop words, since the fold already did the Arabic work) with a GIN index; ranking is
`ts_rank`. psycopg comes with the `postgres` extra.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rasd.search import And, Node, Not, Or, QueryError, Term
from rasd.store.base import StoreError
from rasd.store.sql import SqlStore

INSTALL_HINT = "PostgreSQL support needs psycopg 3: pip install 'rasd[postgres]'"


def tsquery(node: Node) -> str:
    """The `to_tsquery('simple', …)` text of a query tree (tokens are letters and digits only)."""
    if isinstance(node, Term):
        parts = [f"'{t}'" for t in node.tokens]
        if node.prefix:
            parts[-1] += ":*"
        return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(tsquery(n) for n in node.items) + ")"
    if isinstance(node, And):
        if all(isinstance(n, Not) for n in node.items):
            raise QueryError("a query needs at least one word that is not negated")
        return "(" + " & ".join(tsquery(n) for n in node.items) + ")"
    return "!" + tsquery(node.item)


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database given by a `postgresql://` URL (migrated on open)."""

    backend = "postgres"
    collate = ' COLLATE "C"'

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as e:
            raise StoreError(INSTALL_HINT) from e
        self._psycopg = psycopg
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL: {e}") from e
        self.migrate()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        errors = self._psycopg.errors
        try:
            return self.conn.execute(self._sql(sql), tuple(params))  # type: ignore[arg-type]
        except (errors.SyntaxError, errors.InvalidTextRepresentation) as e:
            raise QueryError(f"the query cannot be searched: {e}") from e
        except errors.UniqueViolation:
            raise
        except self._psycopg.Error as e:
            raise StoreError(f"PostgreSQL: {e}") from e

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)  # type: ignore[arg-type]

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        with self.conn.transaction():  # nested inside a transaction: a savepoint
            yield

    def _is_conflict(self, e: Exception) -> bool:
        return isinstance(e, self._psycopg.errors.UniqueViolation)

    def _match(self, node: Node) -> tuple[str, list[Any]]:
        return "a.tsv @@ to_tsquery('simple', ?)", [tsquery(node)]

    def _ranked(self, node: Node, where: str, params: list[Any], limit: int, offset: int
                ) -> list[tuple[Any, ...]]:
        q = tsquery(node)
        sql = ("SELECT a.id, a.title, a.source, a.published, a.story, a.record, a.folded FROM articles a "
               f"WHERE a.tsv @@ to_tsquery('simple', ?) AND {where} "
               f"ORDER BY ts_rank(a.tsv, to_tsquery('simple', ?)) DESC, a.id{self.collate} LIMIT ? OFFSET ?")
        return list(self._execute(sql, [q, *params, q, limit, offset]).fetchall())

    def _best(self, node: Node, conds: list[str], params: list[Any], n: int) -> tuple[str, list[Any]]:
        q = tsquery(node)
        where = " AND ".join(["a.tsv @@ to_tsquery('simple', ?)", *conds])
        return (f"FROM (SELECT a.id, a.source, a.published, a.category FROM articles a WHERE {where} "
                f"ORDER BY ts_rank(a.tsv, to_tsquery('simple', ?)) DESC, a.id{self.collate} "
                f"LIMIT {int(n)}) a",
                [q, *params, q])

    def _version(self) -> Any:
        # The WAL position moves with every committed write (to any database of the server): a
        # conservative token for the cache of the whole store's facets.
        try:
            return self.conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0]  # type: ignore[index]
        except self._psycopg.Error:
            return None

    def close(self) -> None:
        self.conn.close()


__all__ = ["INSTALL_HINT", "PostgresStore", "tsquery"]
