"""`rasd ingest` and `rasd search` from the command line, on a SQLite file and on PostgreSQL."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rasd.cli.main import main


def test_ingest_then_search(db: str, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = str(corpus / "000_98c889641a669656.txt")
    saudi = str(next((corpus / "saudi").glob("*.json")))
    assert main(["ingest", ref, saudi, "--db", db]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert re.fullmatch(r"stored 13 new, 0 unchanged, 0 duplicates, 0 errors in \d+ s", err[-1]), err
    assert main(["ingest", ref, "--db", db]) == 0
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("stored 0 new, 1 unchanged, ")

    assert main(["search", "لافروف", "--db", db, "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert set(d) == {"total", "results", "facets"} and d["total"] >= 1
    assert set(d["results"][0]) == {"id", "title", "source", "published", "snippet", "story"}
    assert "<mark>" in d["results"][0]["snippet"]

    assert main(["search", "لافروف", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{d['total']} articles") and "[" in out and "]" in out

    assert main(["search", '"unbalanced AND (', "--db", db, "--json"]) == 1
    bad = json.loads(capsys.readouterr().out)
    assert bad["total"] == 0 and bad["results"] == [] and bad["message"]


def test_search_of_a_missing_store_is_one_clean_line(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "حمص", "--db", str(tmp_path / "none.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rasd: ") and "no such store" in err and "Traceback" not in err
    assert not (tmp_path / "none.db").exists()


def test_bad_input_line_and_exit_1(db: str, tmp_path: Path, corpus: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    assert main(["ingest", str(bad), str(corpus / "000_98c889641a669656.txt"), "--db", db]) == 1
    err = capsys.readouterr().err
    assert f"rasd: {bad}" in err and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("stored 1 new, 0 unchanged, 0 duplicates, 1 errors")
