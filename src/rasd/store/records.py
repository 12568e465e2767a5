"""Streaming the stored records that match a search query (the exports): a mixin of `SqlStore`.

Records come in batches by keyset on the row sequence (`articles.seq`, the order of storing), so
memory holds one batch whatever the size of the store, and a batch never re-reads earlier rows.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rasd.search import Node, Query
from rasd.store.connection import SqlConnection

EXPORT_BATCH = 500  # records per round trip


class RecordsSql(SqlConnection):
    """`iter_records`; mixed into SqlStore (which provides the two below)."""

    def _filters(self, q: Query) -> tuple[list[str], list[Any]]:
        raise NotImplementedError

    def _match(self, node: Node) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def iter_records(self, query: Query | None = None, *, batch_size: int = EXPORT_BATCH
                     ) -> Iterator[dict[str, Any]]:
        """Every stored record (with `story`) the query's words and filters match, in storing order;
        the query's limit and offset are ignored. Raises QueryError for a query the database refuses."""
        conds: list[str] = []
        params: list[Any] = []
        if query is not None:
            conds, params = self._filters(query)
            if query.tree is not None:
                match_sql, match_params = self._match(query.tree)
                conds, params = [match_sql, *conds], [*match_params, *params]
        where = " AND ".join(["a.seq > ?", *conds])
        last = -1
        while True:
            rows = self._execute(f"SELECT a.seq, a.record, a.story FROM articles a WHERE {where} "
                                 "ORDER BY a.seq LIMIT ?", [last, *params, batch_size]).fetchall()
            for _, rec, story in rows:
                record: dict[str, Any] = json.loads(rec)
                record["story"] = story
                yield record
            if len(rows) < batch_size:
                return
            last = int(rows[-1][0])


__all__ = ["EXPORT_BATCH", "RecordsSql"]
