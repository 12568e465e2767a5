"""Fixtures for the store tests: a real PostgreSQL server (initdb + pg_ctl in a temporary directory),
a fresh database per test on each backend, and a small corpus of real shared articles as input files."""
from __future__ import annotations

import gzip
import json
import shutil
import tarfile
from pathlib import Path
from typing import Any

import pytest
from tests.golden.corpus import ARCHIVES, SAUDI
from tests.store.stores import ANT_URL_PAIRS, REFERENCE, new_pg_db

import rasd

ANT_FIRST = 30  # the first article members of each ANT archive
SAUDI_ITEMS = 12

@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend: a SQLite path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "rasd.db")
    return new_pg_db(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Input files of real shared articles: the reference article, the first ANT members of both
    archives plus three real same-URL pairs, SaudiNewsNet items, and one copy of an article under
    another URL whose text differs only in diacritics and tatweel (an exact duplicate by text)."""
    if not (REFERENCE.exists() and all(p.exists() for p in ARCHIVES.values()) and SAUDI.exists()):
        pytest.skip("the shared corpora (../shared/data/news) are not available")
    root = tmp_path_factory.mktemp("corpus")
    shutil.copy(REFERENCE, root / REFERENCE.name)
    wanted = {m for pair in ANT_URL_PAIRS for m in pair}
    for name, path in ARCHIVES.items():
        taken = 0
        with tarfile.open(path, "r|gz") as tar:
            for m in tar:
                if not (m.isfile() and m.name.endswith(".txt")):
                    continue
                if taken < ANT_FIRST or m.name in wanted:
                    f = tar.extractfile(m)
                    assert f is not None
                    out = root / name / m.name
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(f.read())
                    taken += 1
                    wanted.discard(m.name)
                if taken >= ANT_FIRST and (name != "ant" or not wanted):
                    break
    day = sorted(SAUDI.glob("*.json.gz"))[0]
    with gzip.open(day, "rt", encoding="utf-8") as f:
        items = json.load(f)[:SAUDI_ITEMS]
    (root / "saudi").mkdir()
    (root / "saudi" / day.name.removesuffix(".gz")).write_text(json.dumps(items, ensure_ascii=False),
                                                                  encoding="utf-8")
    first = items[0]
    copy = dict(first, url="http://mirror.example.org/copy-of-first-item",
                content=first["content"].replace("ال", "الـ", 3).replace("ة ", "ةً ", 2))
    (root / "copies.json").write_text(json.dumps([copy], ensure_ascii=False), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def pipeline() -> Any:
    """The default pipeline, loaded once."""
    return rasd.load_pipeline()
