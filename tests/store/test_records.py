"""`rasd ingest --records`: JSON Lines of records stored without reading them as news, on both backends."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import rasd
from rasd.cli.main import main
from rasd.ingest import ingest_records
from rasd.store import open_store


@pytest.fixture(scope="module")
def extracted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records printed by `rasd extract` for a few shared articles (a real subprocess)."""
    files = [str(corpus / "000_98c889641a669656.txt"), *map(str, sorted((corpus / "ant").rglob("*.txt"))[:4])]
    env_path = str(Path(rasd.__file__).parents[1])
    out = subprocess.run([sys.executable, "-m", "rasd", "extract", *files], capture_output=True, text=True,
                         env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"}, check=True, timeout=600)
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    path.write_text(out.stdout, encoding="utf-8")
    return path


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_records_of_this_pipeline_are_stored_as_they_are(db: str, extracted: Path, pipeline: Any) -> None:
    records = _records(extracted)
    assert len(records) == 5
    with open_store(db) as s:
        stats = ingest_records([str(extracted)], s, pipeline)
        assert stats.stages_run == 0 and stats.new == 5 and stats.errors == 0
        for r in records:
            stored = s.get(r["id"])
            assert stored is not None
            stored.pop("story")
            r.pop("story", None)
            assert stored == r
            assert [x.origin for x in s.sightings(r["id"])] == [f"{extracted}:{records.index(r) + 1}"]
        again = ingest_records([str(extracted)], s, pipeline)
        assert again.stages_run == 0 and again.new == 0 and again.unchanged == 5


def test_a_stale_fingerprint_is_run_again_as_the_same_article(db: str, extracted: Path, tmp_path: Path,
                                                             pipeline: Any) -> None:
    records = _records(extracted)[:2]
    stale = tmp_path / "stale.jsonl"
    stale.write_text("".join(json.dumps(dict(r, pipeline="0000stale", entities=[]), ensure_ascii=False) + "\n"
                             for r in records), encoding="utf-8")
    with open_store(db) as s:
        stats = ingest_records([str(stale)], s, pipeline)
        assert stats.stages_run == 2 and stats.new == 2
        for r in records:
            stored = s.get(r["id"])
            assert stored is not None and stored["pipeline"] == pipeline.fingerprint
            assert stored["entities"] == r["entities"] and stored["text"] == r["text"]


def test_as_is_keeps_another_pipelines_records_and_their_fingerprint(db: str, extracted: Path, tmp_path: Path,
                                                                    pipeline: Any) -> None:
    records = [dict(r, pipeline="0000other") for r in _records(extracted)[:2]]
    other = tmp_path / "other.jsonl"
    other.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    with open_store(db) as s:
        stats = ingest_records([str(other)], s, pipeline, as_is=True)
        assert stats.stages_run == 0 and stats.new == 2
        for r in records:
            stored = s.get(r["id"])
            assert stored is not None and stored["pipeline"] == "0000other"
            assert stored["entities"] == r["entities"]
        again = ingest_records([str(other)], s, pipeline, as_is=True)
        assert again.new == 0 and again.updated == 0 and again.stages_run == 0
        redo = ingest_records([str(other)], s, pipeline)  # without --as-is they are stale: redone
        assert redo.stages_run == 2 and redo.updated == 2
        assert all((s.get(r["id"]) or {}).get("pipeline") == pipeline.fingerprint for r in records)


def test_a_store_is_copied_with_its_sightings_and_bad_lines_are_reported(
        db: str, extracted: Path, tmp_path: Path, pipeline: Any, capsys: pytest.CaptureFixture[str]) -> None:
    src = str(tmp_path / "src.db")
    with open_store(src) as s:
        ingest_records([str(extracted)], s, pipeline)
        ids = s.ids()
    dump = tmp_path / "dump.jsonl"
    done = subprocess.run([sys.executable, str(Path(__file__).parents[2] / "benchmarks" / "store_records.py"),
                           "--db", src], capture_output=True, text=True, check=True, timeout=120,
                          env={"PYTHONPATH": str(Path(rasd.__file__).parents[1]), "PATH": "/usr/bin:/bin"})
    lines = done.stdout.splitlines()
    dump.write_text("\n".join([lines[0], "{not json", '["a list"]', '{"id": "x"}', *lines[1:]]) + "\n",
                    encoding="utf-8")
    assert main(["ingest", "--records", str(dump), "--db", db]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert [e.split(": ")[1] for e in err[:-1]] == [f"{dump}:2", f"{dump}:3", f"{dump}:4"], err
    assert err[-1].startswith("stored 5 new, 0 unchanged, 0 duplicates, 3 errors")
    with open_store(db) as s, open_store(src) as a:
        assert s.ids() == ids
        assert {i: s.sightings(i) for i in ids} == {i: a.sightings(i) for i in ids}
        assert {i: s.get(i) for i in ids} == {i: a.get(i) for i in ids}
