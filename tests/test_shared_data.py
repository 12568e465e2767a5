"""One resolver for the shared data folder (`../shared`): from any working directory, `--data`, or
$RASD_SHARED, and a one-line error naming where it looked (exit 2) when it is nowhere."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasd import shared_data
from rasd.cli.main import main
from rasd.shared_data import SharedDataMissing, candidates, find_shared, locate, using

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared is not present")


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != shared_data.ENV}
    environ.update(PYTHONPATH=str(ROOT / "src"), **env)
    return subprocess.run([sys.executable, "-m", "rasd", *args], cwd=cwd, capture_output=True, text=True,
                          env=environ, timeout=300)


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(shared_data.ENV, raising=False)


@needs_shared
def test_found_from_another_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              no_env: None) -> None:
    monkeypatch.chdir(tmp_path)  # ../shared of tmp_path does not exist: found beside the checkout
    assert find_shared().resolve() == SHARED.resolve()


@needs_shared
def test_a_command_run_elsewhere_reads_the_shared_data(tmp_path: Path) -> None:
    done = _run(["eval", "events"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"of {SHARED.resolve() / 'data' / 'events' / 'arabic_event_gsr'}" in done.stdout
    assert "ASSAULT" in done.stdout and "PROTEST" in done.stdout


def test_a_bogus_data_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bogus = tmp_path / "no-such-folder"
    done = _run(["--data", str(bogus), "bench"], tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (f"rasd: ../shared not found (looked in: {bogus}); pass --data PATH "
                           f"(rasd --data PATH COMMAND) or set {shared_data.ENV}\n")


def test_main_returns_2_and_names_the_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "nowhere"
    assert main(["--data", str(bogus), "eval", "events"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("rasd: ../shared not found (looked in: ")
    assert str(bogus) in err and "Traceback" not in err


def test_explicit_path_wins_and_is_the_only_place(tmp_path: Path, no_env: None) -> None:
    assert find_shared(tmp_path) == tmp_path  # an explicit folder needs no marker
    assert candidates(tmp_path / "x") == [tmp_path / "x"]
    with using(tmp_path):
        assert find_shared() == tmp_path
    with pytest.raises(SharedDataMissing) as missing:
        find_shared(tmp_path / "x")
    assert missing.value.looked == [tmp_path / "x"]


def test_environment_variable_and_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "corpora"
    (mine / "data").mkdir(parents=True)
    monkeypatch.setenv(shared_data.ENV, str(mine))
    work = tmp_path / "work" / "checkout"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    looked = candidates()
    assert looked[0] == mine and looked[1] == tmp_path / "work" / "shared"
    assert locate() == mine


def test_cwd_sibling_needs_a_marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_env: None) -> None:
    (tmp_path / "shared").mkdir()  # a folder named shared with none of data/, examples/, SPEC.md
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    assert locate() != tmp_path / "shared"
    (tmp_path / "shared" / "SPEC.md").write_text("spec", encoding="utf-8")
    assert locate() == tmp_path / "shared"
