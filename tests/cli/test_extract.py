"""`rasd extract`: JSON Lines out, one `rasd: PATH: reason` line per bad input, exit 0/1/2, no traceback."""
from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from rasd.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SHARED = ROOT / ".." / "shared"
REFERENCE = SHARED / "examples" / "000_98c889641a669656.txt"
GOOD = SAMPLES / "flood_report.txt"


@pytest.fixture(autouse=True)
def no_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests check the reading and output contract; the stages have their own tests, and
    loading their models for every call here would only slow the suite down."""
    monkeypatch.setattr("rasd.api.DEFAULT_PIPELINE", ())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], list[str]]:
    code = main(["extract", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    return code, records, [e for e in err.splitlines() if e]


def test_one_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", str(GOOD)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.count("\n") == 1 and "أمطار غزيرة" in out and "\\u06" not in out
    rec = json.loads(out)
    assert list(rec)[:5] == ["id", "source", "url", "title", "published"]
    assert rec["source"] == "وكالات"


def test_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--pretty", str(GOOD)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ") and json.loads(out)["title"].startswith("أمطار")


def test_samples_directory(capsys: pytest.CaptureFixture[str]) -> None:
    code, records, err = run(capsys, str(SAMPLES))
    assert (code, err) == (0, [])
    assert len(records) == 6
    assert {r["id"] for r in records} >= {"SAMPLE-economy-1-20180312", "SAMPLE-sport-2-20180313"}


def test_published_and_source_options_fill_gaps_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, records, _ = run(capsys, str(GOOD), str(SAMPLES / "two_reports.sgml"),
                           "--published", "2019-05-01", "--source", "خيار")
    assert code == 0
    assert [(r["published"], r["source"]) for r in records] == [
        ("2019-05-01", "وكالات"), ("2018-03-12", "sample"), ("2018-03-13", "sample")]


def _bad_inputs(tmp: Path) -> dict[str, str]:
    """name -> the words its error line must contain."""
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp / "truncated.json").write_text('[{"title": "عنوان", "content": "نص', encoding="utf-8")
    (tmp / "corrupt.gz").write_bytes(gzip.compress("عنوان\nنص".encode())[:-12])
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for i in range(3):
            data = f"عنوان {i}\nنص الخبر رقم {i}.".encode()
            info = tarfile.TarInfo(f"d/{i}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    (tmp / "truncated.tar.gz").write_bytes(buf.getvalue()[:-40])
    return {"empty.txt": "empty file", "binary.txt": "binary", "truncated.json": "invalid JSON",
            "corrupt.gz": "gzip", "truncated.tar.gz": "archive", "missing.txt": "no such file"}


def test_bad_inputs_are_reported_and_good_ones_still_print(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _bad_inputs(tmp_path)
    paths = [str(GOOD)] + [str(tmp_path / n) for n in bad] + [str(SAMPLES / "two_reports.sgml")]
    code, records, err = run(capsys, *paths)
    assert code == 1
    assert [r["title"][:5] for r in records][0] == "أمطار" and len(records) >= 3
    for name, words in bad.items():
        lines = [e for e in err if e.startswith(f"rasd: {tmp_path / name}")]
        assert lines, f"no error line for {name}: {err}"
        assert any(words in e for e in lines), lines
    assert all(e.startswith("rasd: ") and ": " in e[6:] for e in err)


def test_empty_items_are_reported_but_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "day.json"
    path.write_text(json.dumps([{"title": "أ", "content": "نص الخبر."}, {"title": "ب", "content": " "}],
                               ensure_ascii=False), encoding="utf-8")
    code, records, err = run(capsys, str(path))
    assert (code, len(records)) == (0, 1)
    assert err == [f"rasd: {path}#2: empty article, skipped"]


def test_dangling_link_in_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("عنوان\nنص الخبر.", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "b.txt")
    code, records, err = run(capsys, str(tmp_path))
    assert (code, len(records)) == (1, 1)
    assert err == [f"rasd: {tmp_path / 'b.txt'}: no such file or directory"]


def test_directory_link_loop_is_read_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("عنوان\nنص الخبر.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    code, records, err = run(capsys, str(tmp_path))
    assert (code, len(records), err) == (0, 1, [])


@pytest.mark.skipif(os.geteuid() == 0,
                    reason="root reads files whatever their mode; see the dangling-link test")
def test_unreadable_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("عنوان\nنص", encoding="utf-8")
    f.chmod(0)
    d = tmp_path / "closed"
    d.mkdir()
    d.chmod(0)
    try:
        code, _, err = run(capsys, str(f), str(d))
    finally:
        d.chmod(0o755)
    assert code == 1
    assert err == [f"rasd: {f}: permission denied", f"rasd: {d}: permission denied"]


SETPRIV = "/usr/bin/setpriv"


@pytest.mark.skipif(os.geteuid() != 0 or not os.path.exists(SETPRIV),
                    reason="needs root and setpriv (the unprivileged case is the test above)")
def test_unreadable_file_and_directory_as_root_without_override(tmp_path: Path) -> None:
    """Root reads any file; with the override capabilities dropped it meets file modes like a user."""
    f = tmp_path / "secret.txt"
    f.write_text("عنوان\nنص", encoding="utf-8")
    f.chmod(0)
    d = tmp_path / "closed"
    d.mkdir()
    (d / "inside.txt").write_text("عنوان\nنص", encoding="utf-8")
    d.chmod(0)
    argv = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-m", "rasd",
            "extract", str(GOOD), str(f), str(d)]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    finally:
        d.chmod(0o755)
    assert proc.returncode == 1
    assert [json.loads(line)["title"] for line in proc.stdout.splitlines()] == \
        [run_title(GOOD)]
    assert proc.stderr.splitlines() == [f"rasd: {f}: permission denied", f"rasd: {d}: permission denied"]


def run_title(path: Path) -> str:
    return next(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(GOOD.read_bytes())))
    code, records, err = run(capsys)
    assert (code, err, len(records)) == (0, [], 1)
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"")))
    code, records, err = run(capsys, "-")
    assert (code, records, err) == (1, [], ["rasd: -: empty file"])


@pytest.mark.parametrize("argv", [["--published", "25/09/2017"], ["--published", "2017-02-30"],
                                  ["--no-such-option"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["extract", *argv, str(GOOD)])
    assert e.value.code == 2


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/examples is not present")
def test_reference_through_the_real_command() -> None:
    """The installed command with the default pipeline, as a user runs it."""
    argv = [sys.executable, "-m", "rasd", "extract", str(REFERENCE), "--published", "2017-09-25"]
    proc = subprocess.run(argv,
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    (rec,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert (rec["source"], rec["published"]) == ("سانا", "2017-09-25")
    assert rec["title"].startswith("موسكو تطالب واشنطن")
    assert "إضافة تعليق جديد" not in rec["text"] and "المصدر: سانا" not in rec["text"]


@pytest.mark.parametrize(("mode", "person"), [("fast", False), ("accurate", True)])
def test_ner_mode_picks_the_tagger(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch, mode: str, person: bool) -> None:
    from rasd.pipeline import DEFAULT_PIPELINE

    monkeypatch.setattr("rasd.api.DEFAULT_PIPELINE", DEFAULT_PIPELINE)  # the real stages here
    art = tmp_path / "a.txt"
    art.write_text("خبر\nوقبيل اجتماعه مع نظيره الإسرائيلي موشيه يعالون، أكد كارتر أن البلدين سيعملان معا.\n",
                   encoding="utf-8")
    code, records, _ = run(capsys, "--ner", mode, str(art))
    assert code == 0 and len(records) == 1
    people = [e["text"] for e in records[0]["entities"] if e["type"] == "PER"]
    assert ("موشيه يعالون" in people) is person  # only the accurate tagger finds him


def test_unknown_ner_mode_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["extract", "--ner", "bert", str(GOOD)])
    assert e.value.code == 2
