"""Fixtures of the desk tests: stores filled with real articles (SQLite and PostgreSQL), the app over
them, and a live desk server (uvicorn in a thread) for the browser tests.

The articles: the reference article (published 2017-09-25: its violations per governorate are the
map's symbols), the bundled samples, two real same-story pairs told by two outlets each (ANT:
Sky News Arabia and France 24), the first ANT articles of three outlets, and one hostile article whose
title and body hold `<script>` and `<img onerror>` (the escaping test).
"""
from __future__ import annotations

import json
import socket
import tarfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.golden.corpus import ARCHIVES
from tests.store.stores import REFERENCE, new_pg_db

import rasd
from rasd.ingest import ingest
from rasd.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Real same-story pairs from tests/data/story_pairs.jsonl (pairs 34 and 40, labelled same story).
STORY_PAIRS = (
    ("ant_multisource/SkyNews/middleEast/SK-middleEast-1901-20180524.txt",
     "ant_multisource/France24/internationalNews/FR-internationalNews-1408-20180523.txt"),
    ("ant_multisource/SkyNews/middleEast/SK-middleEast-1808-20180519.txt",
     "ant_multisource/France24/internationalNews/FR-internationalNews-1329-20180519.txt"),
)
FIRST_PER_OUTLET = 8
# The governorates whose ceasefire violations the reference article counts: the map's symbols.
GOVERNORATES_MAP = frozenset({"حمص", "حماة", "اللاذقية", "ريف دمشق", "درعا"})
HOSTILE_TITLE = 'خبر <script>window.__pwned = "title"</script> عاجل'
HOSTILE_BODY = ('قال المتحدث باسم الوزارة إن <script>window.__pwned = "body"</script> الوضع هادئ في حمص.\n'
                'وأضاف <img src="x" onerror="window.__pwned = \'img\'"> أن 3 أشخاص قتلوا في حماة أمس.\n'
                'وتابع "<b onmouseover=alert(1)>" في بيان رسمي.')


def _ant_files(root: Path) -> list[Path]:
    wanted = {m for pair in STORY_PAIRS for m in pair}
    per_outlet: dict[str, int] = {}
    out: list[Path] = []
    with tarfile.open(ARCHIVES["ant"], "r|gz") as tar:
        for m in tar:
            if not (m.isfile() and m.name.endswith(".txt")):
                continue
            outlet = m.name.split("/")[1] if m.name.count("/") >= 2 else ""
            take = m.name in wanted or (outlet in ("SkyNews", "France24", "Alarabia")
                                        and per_outlet.get(outlet, 0) < FIRST_PER_OUTLET)
            if take:
                f = tar.extractfile(m)
                assert f is not None
                path = root / m.name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(f.read())
                out.append(path)
                wanted.discard(m.name)
                if m.name not in {x for pair in STORY_PAIRS for x in pair}:
                    per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
            if not wanted and all(per_outlet.get(o, 0) >= FIRST_PER_OUTLET
                                  for o in ("SkyNews", "France24", "Alarabia")):
                break
    return out


@pytest.fixture(scope="session")
def desk_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not (REFERENCE.exists() and ARCHIVES["ant"].exists()):
        pytest.skip("the shared corpora (../shared) are not available")
    root = tmp_path_factory.mktemp("desk_inputs")
    ant = _ant_files(root)
    hostile = root / "hostile.json"
    hostile.write_text(json.dumps([{"source": "hostile-outlet", "url": "http://example.org/x?<script>",
                                    "date": "2018-05-20", "title": HOSTILE_TITLE, "content": HOSTILE_BODY}],
                                  ensure_ascii=False), encoding="utf-8")
    return {"reference": REFERENCE, "samples": SAMPLES, "ant": ant, "hostile": hostile}


@pytest.fixture(scope="session")
def desk_pipeline() -> Any:
    return rasd.load_pipeline()


def fill(db: str, inputs: dict[str, Any], pipeline: Any) -> str:
    with open_store(db) as store:
        ingest([str(inputs["reference"])], store, pipeline, published="2017-09-25")
        ingest([str(inputs["samples"]), *map(str, inputs["ant"]), str(inputs["hostile"])], store, pipeline)
    return db


@pytest.fixture(scope="session")
def sqlite_desk(desk_inputs: dict[str, Any], desk_pipeline: Any,
                tmp_path_factory: pytest.TempPathFactory) -> str:
    return fill(str(tmp_path_factory.mktemp("desk") / "desk.db"), desk_inputs, desk_pipeline)


@pytest.fixture(scope="session")
def postgres_desk(desk_inputs: dict[str, Any], desk_pipeline: Any, pg_server: str) -> str:
    return fill(new_pg_db(pg_server), desk_inputs, desk_pipeline)


@pytest.fixture(params=["sqlite", "postgres"], scope="session")
def desk_db(request: pytest.FixtureRequest) -> str:
    """A filled store on each backend."""
    return str(request.getfixturevalue(f"{request.param}_desk"))


TOKEN = "test-operator-token"


@pytest.fixture(scope="session")
def client(desk_db: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from rasd.desk.app import create_app
    with TestClient(create_app(desk_db, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def live_desk(sqlite_desk: str) -> Iterator[str]:
    """The desk over the SQLite store, served by uvicorn on a free local port; yields its base URL."""
    import uvicorn

    from rasd.desk.app import create_app
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(sqlite_desk, token=TOKEN), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the desk server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
