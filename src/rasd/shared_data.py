"""Where the shared data folder is: the one resolver for every command and build script that reads it.

The shared folder (`../shared` beside a checkout: the corpora under `data/`, the gold files under
`examples/`, the scorers under `tools/`) is not part of rasd; the training and evaluation commands and
`rasd bench` read their default inputs from it. It is looked for, first found wins:

1. the path given explicitly (`rasd --data PATH COMMAND`, or `using(path)` in code): only there;
2. the environment variable `RASD_SHARED`;
3. `../shared` of the working directory;
4. a `shared/` folder beside any folder above the package (`/work/rasd/src/rasd` -> `/work/shared`,
   which is `../shared` of the repository root, for an editable or an in-checkout virtual
   environment alike).

A found folder (other than an explicit one) must hold `data/`, `examples/` or `SPEC.md`, so an
unrelated folder named `shared` is passed over. When none is found, `SharedDataMissing` (a
`UsageError`) says where it looked; the command line prints it as one line and exits 2.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from rasd.errors import UsageError

ENV = "RASD_SHARED"
PACKAGE_DIR = Path(__file__).resolve().parent
_MARKERS = ("data", "examples", "SPEC.md")
_explicit: ContextVar[Path | None] = ContextVar("rasd_shared_data", default=None)


class SharedDataMissing(UsageError):
    """The shared data folder is nowhere rasd looked; the message lists the places."""

    def __init__(self, looked: list[Path]) -> None:
        places = ", ".join(str(p) for p in looked) or "nowhere"
        super().__init__(f"../shared not found (looked in: {places}); pass --data PATH "
                         f"(rasd --data PATH COMMAND) or set {ENV}")
        self.looked = looked


def candidates(explicit: str | Path | None = None) -> list[Path]:
    """The folders looked at, in order (without duplicates); an explicit path is the only one."""
    explicit = explicit if explicit is not None else _explicit.get()
    if explicit is not None:
        return [Path(explicit).expanduser()]
    out: list[Path] = []
    env = os.environ.get(ENV)
    if env:
        out.append(Path(env).expanduser())
    out.append(Path.cwd().parent / "shared")
    out += [parent / "shared" for parent in PACKAGE_DIR.parents]
    seen: set[Path] = set()
    unique: list[Path] = []
    for p in out:
        key = p.resolve() if p.exists() else p.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _looks_shared(path: Path) -> bool:
    return path.is_dir() and any((path / m).exists() for m in _MARKERS)


def locate(explicit: str | Path | None = None) -> Path | None:
    """The shared folder, or None when it is nowhere `candidates` names."""
    chosen = explicit if explicit is not None else _explicit.get()
    if chosen is not None:
        path = Path(chosen).expanduser()
        return path if path.is_dir() else None
    return next((p for p in candidates() if _looks_shared(p)), None)


def find_shared(explicit: str | Path | None = None) -> Path:
    """The shared folder; `SharedDataMissing` naming every place looked at when there is none."""
    found = locate(explicit)
    if found is None:
        raise SharedDataMissing(candidates(explicit))
    return found


def shared_path(*parts: str) -> Path:
    """A path inside the shared folder (`shared_path("data", "news")`); raises when the folder is missing."""
    return find_shared().joinpath(*parts)


@contextlib.contextmanager
def using(path: str | Path | None) -> Iterator[None]:
    """Within the block the shared folder is `path` (None: looked for as usual); the `--data` option."""
    token = _explicit.set(None if path is None else Path(path).expanduser())
    try:
        yield
    finally:
        _explicit.reset(token)

