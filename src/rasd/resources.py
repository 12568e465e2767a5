"""Shipped models and tables: loaded once per process through one thread-safe loader, with sha256 sums.

Every file a stage loads lives under the package (`models/`, `geo/data/`, `lang/ar/*.txt|tsv`) and is
named here by its path relative to the package, e.g. `"models/category.npz"`. `load(name, loader)`
runs `loader(path)` once per process and hands every caller, in every thread, the same object: the
cache is filled under a lock, so two threads that ask at once never both read the file, and no one
sees a half-built value.

`MANIFEST.sha256` (in `models/`) lists the sha256 of every shipped file, in `sha256sum` format. It is
generated, never edited by hand:

    python -m rasd.resources          # rewrite src/rasd/models/MANIFEST.sha256
    python -m rasd.resources --check  # exit 1 when a file and the manifest disagree

A test holds the manifest to the files on disk, so a model change without a manifest update fails.
The pipeline fingerprint (`rasd.pipeline`) hashes the bytes of the files its stages declare, read
through `Resources.sha256` (the file itself, not the manifest line, so a changed file always shows).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

PACKAGE_ROOT = Path(__file__).resolve().parent
MANIFEST_NAME = "models/MANIFEST.sha256"
# The shipped files the manifest covers (relative to the package). Documentation is left out: it
# changes no output.
SHIPPED_GLOBS: tuple[str, ...] = ("models/*", "geo/data/*", "lang/ar/*.txt", "lang/ar/*.tsv")
_NOT_SHIPPED_SUFFIXES = (".md", ".py", ".pyc")

T = TypeVar("T")


def shipped_files(root: Path = PACKAGE_ROOT) -> list[str]:
    """The names (relative to `root`, with `/`) of every file the manifest covers, sorted."""
    names: set[str] = set()
    for pattern in SHIPPED_GLOBS:
        for p in root.glob(pattern):
            rel = p.relative_to(root).as_posix()
            if p.is_file() and rel != MANIFEST_NAME and not p.name.endswith(_NOT_SHIPPED_SUFFIXES):
                names.add(rel)
    return sorted(names)


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file's bytes (read in chunks: the largest model is 19 MB)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def format_manifest(sums: dict[str, str]) -> str:
    """`sha256sum` lines (`<hex>  <name>`), sorted by name."""
    return "".join(f"{sums[n]}  {n}\n" for n in sorted(sums))


def parse_manifest(text: str) -> dict[str, str]:
    """name -> hex sha256 from `sha256sum` lines (blank lines and `#` comments skipped)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, _, name = line.partition("  ")
        out[name.strip()] = digest.strip()
    return out


class Resources:
    """The shipped files under one root: their sums and the objects loaded from them, once each.

    The default instance (`RESOURCES`) is rooted at the installed package; tests build one over a
    copied folder to see what a changed file does to a fingerprint.
    """

    def __init__(self, root: Path = PACKAGE_ROOT) -> None:
        self.root = Path(root)
        # One re-entrant lock: a loader may load another resource (a model and its tables).
        self._lock = threading.RLock()
        self._objects: dict[tuple[str, Any], Any] = {}
        self._sums: dict[str, str] = {}

    def path(self, name: str) -> Path:
        """The file of resource `name` (e.g. `"models/category.npz"`)."""
        return self.root / name

    def sha256(self, name: str) -> str:
        """The sha256 of resource `name`'s bytes, computed once per instance."""
        with self._lock:
            digest = self._sums.get(name)
            if digest is None:
                digest = self._sums[name] = file_sha256(self.path(name))
            return digest

    def sums(self, names: Iterable[str]) -> dict[str, str]:
        """name -> sha256 for each of `names`; a missing file gives `"missing"` (the fingerprint still
        differs from a complete install's, and the stage reports the missing file itself)."""
        out: dict[str, str] = {}
        for n in sorted(set(names)):
            try:
                out[n] = self.sha256(n)
            except OSError:
                out[n] = "missing"
        return out

    def load(self, name: str, loader: Callable[[Path], T], *, key: Any = None) -> T:
        """`loader(self.path(name))`, run once per process (per `key`, for one file read two ways).

        An exception in `loader` propagates and nothing is cached, so the next caller tries again.
        """
        k = (name, key)
        try:
            return self._objects[k]  # type: ignore[no-any-return]  # read once: no check-then-read race
        except KeyError:
            pass
        with self._lock:
            if k not in self._objects:
                self._objects[k] = loader(self.path(name))
            return self._objects[k]  # type: ignore[no-any-return]

    def loaded(self) -> set[str]:
        """The names loaded through `load` so far."""
        with self._lock:
            return {name for name, _ in self._objects}

    def manifest(self) -> dict[str, str]:
        """The shipped manifest under this root (empty when there is none)."""
        try:
            return parse_manifest(self.path(MANIFEST_NAME).read_text(encoding="utf-8"))
        except OSError:
            return {}

    def build_manifest(self) -> dict[str, str]:
        """name -> sha256 of every shipped file on disk now."""
        return {n: file_sha256(self.path(n)) for n in shipped_files(self.root)}

    def check_manifest(self) -> list[str]:
        """Where the manifest and the files disagree, one line each (empty when they agree)."""
        want, have = self.manifest(), self.build_manifest()
        out = [f"{n}: in the manifest, not on disk" for n in sorted(set(want) - set(have))]
        out += [f"{n}: on disk, not in the manifest" for n in sorted(set(have) - set(want))]
        out += [f"{n}: sha256 differs from the manifest" for n in sorted(set(want) & set(have))
                if want[n] != have[n]]
        return out

    def write_manifest(self) -> Path:
        """Rewrite the manifest from the files on disk; returns its path."""
        path = self.path(MANIFEST_NAME)
        path.write_text(format_manifest(self.build_manifest()), encoding="utf-8")
        return path


RESOURCES = Resources()


def load(name: str, loader: Callable[[Path], T], *, key: Any = None) -> T:
    """Load a shipped resource once per process through the default loader (see `Resources.load`)."""
    return RESOURCES.load(name, loader, key=key)


def path(name: str) -> Path:
    """The installed file of resource `name`."""
    return RESOURCES.path(name)


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate (or, with --check, verify) the manifest of the shipped files."""
    p = argparse.ArgumentParser(prog="python -m rasd.resources", description=main.__doc__)
    p.add_argument("--check", action="store_true", help="compare only; exit 1 on any difference")
    args = p.parse_args(argv)
    if args.check:
        problems = RESOURCES.check_manifest()
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    print(RESOURCES.write_manifest())
    return 0


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["MANIFEST_NAME", "PACKAGE_ROOT", "RESOURCES", "Resources", "file_sha256", "load", "path",
           "shipped_files"]
