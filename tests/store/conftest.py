"""Fixtures for the store tests: a real PostgreSQL server (initdb + pg_ctl in a temporary directory),
a fresh database per test on each backend, and a small corpus of real shared articles as input files."""
from __future__ import annotations

import gzip
import json
import os
import pwd
import shutil
import socket
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.golden.corpus import ARCHIVES, SAUDI
from tests.store.stores import ANT_URL_PAIRS, REFERENCE, new_pg_db

import rasd

ANT_FIRST = 30  # the first article members of each ANT archive
SAUDI_ITEMS = 12

def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL server on a unix socket in a temporary directory; yields its admin URL base."""
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install 'rasd[postgres]'")
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not installed: apt-get install postgresql")
    base = tmp_path_factory.mktemp("pg")
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
        for p in (base, sock):
            os.chown(p, user.pw_uid, user.pw_gid)
        for parent in base.parents:  # the server user must reach its directory
            if str(parent) in ("/", "/tmp"):
                break
            os.chmod(parent, os.stat(parent).st_mode | 0o011)
        prefix = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "rasd", "--auth=trust",
                    "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(base / "log"),
                    "-o", f"-k {sock} -p {port} -c listen_addresses='' -c fsync=off", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://rasd@/%s?host={sock}&port={port}"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


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
