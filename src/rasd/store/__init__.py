"""The store: articles, sightings, facets and the search index behind one interface (`store.base.Store`).

`open_store(db)` picks the backend from `--db`: a `postgresql://` (or `postgres://`) URL opens
PostgreSQL, anything else is the path of a SQLite file (created when absent). Both are migrated on
open.
"""
from __future__ import annotations

import os

from rasd.store.base import Match, Sighting, Store, StoredArticle, StoreError, canonical_url, text_key
from rasd.store.sql import SqlStore

DEFAULT_DB = "rasd.db"


def open_store(db: str = DEFAULT_DB, *, create: bool = True) -> SqlStore:
    """Open (create, migrate) the store named by a SQLite path or a PostgreSQL URL; with
    `create=False` a SQLite file that does not exist is a StoreError instead of a new store."""
    if db.startswith(("postgresql://", "postgres://")):
        from rasd.store.postgres import PostgresStore
        return PostgresStore(db)
    if not create and not os.path.exists(db):
        raise StoreError(f"{db}: no such store (create one with rasd ingest)")
    from rasd.store.sqlite import SqliteStore
    return SqliteStore(db)


__all__ = ["DEFAULT_DB", "Match", "Sighting", "SqlStore", "Store", "StoreError", "StoredArticle",
           "canonical_url", "open_store", "text_key"]
