"""Two checkouts side by side: run a worker with one checkout's `src` on the path, talk JSON lines to it.

Used by `diff_records.py` and `compare_speed.py`. The parent process never imports rasd: each side is a
subprocess of this same benchmark script with `PYTHONPATH=<checkout>/src`, so the two codes never mix.
The worker side reaches rasd through `read_articles` / `load_pipeline`, which use the public API when
the checkout has it (`rasd.read`, `rasd.load_pipeline`) and the older internals otherwise, so a
checkout from before the pinned API can still be compared with one after it.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BEFORE = Path("/work/base")
NEWS = REPO / ".." / "shared" / "data" / "news"
MARK = "@@side "  # prefix of the worker's protocol lines on stdout (anything else there is ignored)


def git_label(checkout: Path) -> str:
    """`<short commit>` of a checkout, with `+changes` when its work tree differs from it."""
    try:
        head = subprocess.run(["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(checkout), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return head + (" +changes" if dirty else "")


def check_checkout(checkout: Path) -> Path:
    src = checkout.resolve() / "src"
    if not (src / "rasd" / "__init__.py").exists():
        raise SystemExit(f"{checkout}: no src/rasd/__init__.py (not a rasd checkout)")
    return src


class Side:
    """A worker subprocess running `script --worker ...` with one checkout's rasd."""

    def __init__(self, name: str, checkout: Path, script: Path, args: Iterable[str] = ()) -> None:
        self.name = name
        self.checkout = checkout
        src = check_checkout(checkout)
        env = dict(os.environ, PYTHONPATH=str(src), PYTHONHASHSEED="0")
        self.proc = subprocess.Popen(
            [sys.executable, str(script), "--worker", str(src), *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env,
            cwd=str(checkout))

    def send(self, message: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(message) + "\n")
        self.proc.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith(MARK):
                return json.loads(line[len(MARK):])  # type: ignore[no-any-return]
        code = self.proc.wait()
        raise SystemExit(f"{self.name} worker ({self.checkout}) ended with status {code}")

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


# ---- worker side: runs with PYTHONPATH=<checkout>/src -------------------------------------------------

def worker_setup(src: str) -> Any:
    """Import rasd and check that it is the checkout's (not an installed copy)."""
    import rasd

    where = Path(rasd.__file__).resolve()
    if Path(src).resolve() not in where.parents:
        raise SystemExit(f"worker imported rasd from {where}, not from {src}")
    return rasd


def reply(message: dict[str, Any]) -> None:
    sys.stdout.write(MARK + json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def requests() -> Iterator[dict[str, Any]]:
    for line in sys.stdin:
        if line.strip():
            yield json.loads(line)


def read_articles(rasd: Any, inputs: list[str]) -> Iterator[Any]:
    """Articles or errors (exceptions) for `inputs`, read and cleaned, no stages."""
    if hasattr(rasd, "read"):
        yield from rasd.read(inputs)
        return
    from rasd.api import articles

    yield from articles(inputs)


def load_pipeline(rasd: Any) -> Callable[[Any], Any]:
    """The default pipeline (`rasd extract` without options)."""
    if hasattr(rasd, "load_pipeline"):
        return rasd.load_pipeline()  # type: ignore[no-any-return]
    from rasd.pipeline import Pipeline

    return Pipeline()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024
