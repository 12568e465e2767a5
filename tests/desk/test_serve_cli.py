"""`rasd serve` as a user starts it: a real uvicorn process over a store made by `rasd ingest samples/`."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_its_address_and_serves_the_samples(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    done = subprocess.run([sys.executable, "-m", "rasd", "ingest", str(SAMPLES), "--db", str(db)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    port = _free_port()
    env = {**os.environ, "RASD_TOKEN": "cli-token"}
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", str(db), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert f"http://127.0.0.1:{port}/" in line
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5) as r:
                    health = json.load(r)
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "the desk did not come up"
                time.sleep(0.2)
        assert health["articles"] >= 5
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
            page = r.read().decode("utf-8")
        assert 'dir="rtl"' in page and "مقالة" in page
        def post(token: str) -> int:
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/ingest", data=b"[]", method="POST",
                                         headers={"Authorization": f"Bearer {token}"})
            try:
                with urllib.request.urlopen(req, timeout=60) as r:
                    assert json.load(r)["new"] == 0
                    return int(r.status)
            except urllib.error.HTTPError as e:
                return int(e.code)

        assert post("cli-token") == 200  # the token of RASD_TOKEN is the operator's
        assert post("another") == 401
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_of_a_missing_store_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "rasd", "serve", "--db", str(tmp_path / "none.db")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "none.db" in done.stderr
    assert "Traceback" not in done.stderr
