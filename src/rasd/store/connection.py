"""What every part of the SQL store is written against: a connection that runs statements in
transactions. `SqlStore`'s mixins (stories, record streams, facts) inherit it; the backends
(`SqliteStore`, `PostgresStore`) implement it."""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any


class SqlConnection:
    """`?`-placeholder SQL both backends speak, run by the backend; `collate` orders text ties alike."""

    collate = ""

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError


__all__ = ["SqlConnection"]
