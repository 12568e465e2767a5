"""Shared helpers of the store tests: the real inputs named, a fresh PostgreSQL database, and the
stores filled once per session with the test corpus (a plain module, so there is one cache)."""
from __future__ import annotations

import uuid

import pytest
from tests.golden.corpus import SHARED

from rasd.ingest import IngestStats, ingest
from rasd.store import SqlStore, open_store

REFERENCE = SHARED / "examples" / "000_98c889641a669656.txt"
# Real ANT pairs: the same URL filed under two categories (two DOCNOs), early in the archive.
ANT_URL_PAIRS = (
    ("ant_multisource/Alarabia/internationalNews/AL-internationalNews-1862-20180706.txt",
     "ant_multisource/Alarabia/economy/AL-economy-951-20180706.txt"),
    ("ant_multisource/Alarabia/internationalNews/AL-internationalNews-1358-20180527.txt",
     "ant_multisource/Alarabia/economy/AL-economy-674-20180527.txt"),
    ("ant_multisource/Alarabia/internationalNews/AL-internationalNews-274-20180301.txt",
     "ant_multisource/Alarabia/technology/AL-technology-74-20180301.txt"),
)


def new_pg_db(server: str) -> str:
    """A new empty database on the test server; its URL."""
    import psycopg
    name = f"rasd_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server % "postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server % name


_FILLED: dict[str, tuple[str, IngestStats]] = {}


def filled(backend: str, request: pytest.FixtureRequest) -> tuple[SqlStore, IngestStats]:
    """A store holding the whole test corpus (built once per backend per session)."""
    if backend not in _FILLED:
        corpus = request.getfixturevalue("corpus")
        pipeline = request.getfixturevalue("pipeline")
        if backend == "sqlite":
            db = str(request.getfixturevalue("tmp_path_factory").mktemp("filled") / "rasd.db")
        else:
            db = new_pg_db(request.getfixturevalue("pg_server"))
        with open_store(db) as store:
            stats = ingest([str(corpus)], store, pipeline, batch_size=16)
        _FILLED[backend] = (db, stats)
    db, stats = _FILLED[backend]
    return open_store(db), stats


