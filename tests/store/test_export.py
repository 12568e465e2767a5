"""`rasd export` on a real SQLite file and a real PostgreSQL: every format parses back to what the store
holds, filters apply, and a SIGKILL mid-export leaves no output file (or the old one intact)."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.store.stores import filled

import rasd
from rasd.cli.main import main
from rasd.export import acled
from rasd.search import make_query
from rasd.store import SqlStore


@pytest.fixture(params=["sqlite", "postgres"])
def filled_db(request: pytest.FixtureRequest) -> Any:
    """(store, its --db) of the store holding the test corpus, on each backend."""
    store, _ = filled(request.param, request)
    from tests.store.stores import _FILLED
    yield store, _FILLED[request.param][0]
    store.close()


def _export(db: str, fmt: str, out: Path, *extra: str) -> None:
    assert main(["export", "--format", fmt, "--db", db, "--output", str(out), *extra]) == 0


def _all(store: SqlStore) -> dict[str, dict[str, Any]]:
    return {i: store.get(i) for i in store.ids()}  # type: ignore[misc]


def test_jsonl_is_the_full_records_with_story(filled_db: Any, tmp_path: Path) -> None:
    store, db = filled_db
    out = tmp_path / "all.jsonl"
    _export(db, "jsonl", out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"]: r for r in lines} == _all(store) and len(lines) == store.count()
    assert all(r["story"] for r in lines)
    assert rasd.Article.from_dict(lines[0]).to_dict() == lines[0]


def test_csv_one_row_per_article(filled_db: Any, tmp_path: Path) -> None:
    store, db = filled_db
    out = tmp_path / "all.csv"
    _export(db, "csv", out)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    records = _all(store)
    assert sorted(r["id"] for r in rows) == sorted(records)
    for r in rows:
        rec = records[r["id"]]
        assert r["text"] == rec["text"] and r["title"] == rec["title"] and r["story"] == rec["story"]
        assert r["events"] == "; ".join(sorted({e["type"] for e in rec["events"]}))


def test_parquet_reads_back(filled_db: Any, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed: pip install rasd[parquet]")
    store, db = filled_db
    out = tmp_path / "all.parquet"
    _export(db, "parquet", out)
    table = pq.read_table(out)
    records = _all(store)
    assert table.num_rows == len(records)
    for row in table.to_pylist():
        assert json.loads(row["record"]) == records[row["id"]]
        assert row["story"] == records[row["id"]]["story"]
        assert row["events"] == sorted({e["type"] for e in records[row["id"]]["events"]})


def test_acled_rows_are_the_events_mapped(filled_db: Any, tmp_path: Path) -> None:
    store, db = filled_db
    out = tmp_path / "events.csv"
    _export(db, "acled", out)
    with open(out, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == acled.COLUMNS
        rows = list(reader)
    records = _all(store)
    events = [(r, e) for r in records.values() for e in r["events"] if not e.get("negated")]
    assert len(rows) == len(events) > 0
    known = set(acled.MAPPING.values()) | {("", "")}
    for row in rows:
        rec = records[row["article_id"]]
        assert (row["event_type"], row["sub_event_type"]) in known
        assert row["source_url"] == (rec["url"] or "")
        assert row["event_date"] in {e.get("date") or rec["published"] or "" for e in rec["events"]}
        assert row["notes"] and row["notes"] in rec["text"]
    assert acled.acled_type("ASSAULT", "air-strike") == ("Explosions/Remote violence", "Air/drone strike")
    assert acled.acled_type("PROTEST", "demonstration") == ("Protests", "Peaceful protest")
    assert acled.acled_type("PROTEST", "riot") == ("Riots", "Violent demonstration")
    assert acled.acled_type("ACCUSE", None) == ("", "")


def test_plover_events_carry_their_evidence_span(filled_db: Any, tmp_path: Path) -> None:
    store, db = filled_db
    out = tmp_path / "events.jsonl"
    _export(db, "plover", out)
    evs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    records = _all(store)
    assert len(evs) == sum(len(r["events"]) for r in records.values()) > 0
    for ev in evs:
        rec = records[ev["article_id"]]
        assert rec["text"][ev["start"]:ev["end"]] == ev["text"]
        assert ev["event_type"] in rasd.model.EVENT_TYPES and ev["story"] == rec["story"]


def test_filters_apply(filled_db: Any, tmp_path: Path) -> None:
    store, db = filled_db
    records = _all(store)
    source = sorted({r["source"] for r in records.values() if r["source"]})[0]
    out = tmp_path / "one.jsonl"
    _export(db, "jsonl", out, "--source", source)
    got = {json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert got == {i for i, r in records.items() if r["source"] == source} and got != set(records)
    _export(db, "jsonl", out, "--event", "ASSAULT")
    got = {json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert got == {i for i, r in records.items() if any(e["type"] == "ASSAULT" for e in r["events"])}
    q = make_query("لافروف", limit=1000)
    _export(db, "jsonl", out, "--query", "لافروف")
    got = {json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert got == {h.id for h in store.search(q).results} and got
    assert {r["id"] for r in store.iter_records(q, batch_size=2)} == got  # batches join up


def test_stdout_and_errors(filled_db: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    store, db = filled_db
    assert main(["export", "--format", "csv", "--db", db]) == 0
    cap = capsys.readouterr()
    assert len(list(csv.DictReader(io.StringIO(cap.out)))) == store.count()
    assert cap.err.strip() == f"exported {store.count()} articles"
    assert main(["export", "--format", "parquet", "--db", db]) == 1
    assert capsys.readouterr().err.startswith("rasd: parquet is a binary format")
    assert main(["export", "--format", "jsonl", "--db", str(tmp_path / "none.db")]) == 1
    assert "no such store" in capsys.readouterr().err


_KILLER = """
import os, signal, sys
from rasd.export import export
from rasd.store import open_store
store = open_store(sys.argv[1], create=False)
def on_row(n):
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)
export(store, sys.argv[2], sys.argv[3], on_row=on_row)
"""


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_sigkill_mid_export_leaves_no_half_file(filled_db: Any, tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    store, db = filled_db
    env = {**os.environ, "PYTHONPATH": str(Path(rasd.__file__).parents[1])}
    out = tmp_path / f"out.{fmt}"

    def killed_run() -> None:
        done = subprocess.run([sys.executable, "-c", _KILLER, db, fmt, str(out)], env=env,
                              capture_output=True, timeout=300)
        assert done.returncode == -signal.SIGKILL, done.stderr

    killed_run()
    assert not out.exists()  # nothing at the target; the temporary file is all that is left
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    old = b"the previous export\n"
    out.write_bytes(old)
    killed_run()
    assert out.read_bytes() == old
    _export(db, fmt, out)  # a complete export replaces it and sweeps the leftovers
    assert out.read_bytes() != old
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
