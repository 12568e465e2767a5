"""`rasd --version` prints `rasd X.Y.Z` from rasd/version.py and exits 0."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.cli.main import main
from rasd.version import __version__

SRC = Path(__file__).resolve().parents[1] / "src"


def test_version_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out == f"rasd {__version__}\n"
    assert re.fullmatch(r"rasd \d+\.\d+\.\d+\n", out)


def test_version_from_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "rasd", "--version"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(SRC), "PATH": ""}, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"rasd {__version__}"
