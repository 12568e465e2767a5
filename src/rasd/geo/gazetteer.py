"""The shipped Arabic gazetteer: a compact table of places, loaded once per process, looked up by key."""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

from rasd import resources
from rasd.errors import ModelError
from rasd.text.normalize import gazetteer_key_v1

DATA_DIR = Path(__file__).resolve().parent / "data"
TABLE_PATH = DATA_DIR / "gazetteer.tsv.gz"
COMMON_PATH = DATA_DIR / "common_keys.tsv"

# Columns of the table, in order; `keys` holds the normalized Arabic names separated by "|".
COLUMNS = ("geonameid", "kind", "country", "admin1", "lat", "lon", "population", "capital",
           "name_en", "name", "keys")

KINDS = ("country", "admin1", "admin2", "city", "village", "region", "facility")

# The matching key (`حماة`, `حماه` and `حَماة` share the key `حماه`): the frozen gazetteer key of the
# text layer, so the keys baked into the table never change under it when the rule folds grow.
name_key = gazetteer_key_v1


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place (or a region built from one)."""

    geonameid: int | None
    kind: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    capital: bool  # the national capital
    name_en: str
    name: str
    seat: bool = False  # the seat of its governorate, named like it (درعا), or a hand-listed region


class Gazetteer:
    """Places by normalized Arabic key; `max_words` bounds the multi-word names a matcher tries."""

    def __init__(self, entries: list[Entry], keys: list[list[str]],
                 common: frozenset[str] = frozenset()) -> None:
        self.entries = entries
        # one-word keys that are common words first (`بن`, `الاتحاد`): matched only after a cue
        self.common = common
        self.index: dict[str, list[Entry]] = {}
        self.by_id: dict[int, Entry] = {}
        self.countries: dict[str, Entry] = {}
        for entry, ks in zip(entries, keys, strict=True):
            for k in ks:  # each row's keys are distinct (the builder writes a set)
                self.index.setdefault(k, []).append(entry)
            if entry.geonameid is not None:
                self.by_id.setdefault(entry.geonameid, entry)
            if entry.kind == "country":
                self.countries[entry.country] = entry
        self.max_words = max((k.count(" ") + 1 for k in self.index), default=1)

    def lookup(self, key: str) -> list[Entry]:
        """Entries whose name has this normalized key (empty when none)."""
        return self.index.get(key, [])

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def load(cls, path: Path = TABLE_PATH, common_path: Path | None = COMMON_PATH) -> Gazetteer:
        """Read a table (and its common-word keys) written by `rasd.training.geo_build`."""
        try:
            common: frozenset[str] = frozenset()
            if common_path is not None:
                with common_path.open(encoding="utf-8") as cf:
                    common = frozenset(line.split("\t", 1)[0] for line in cf if not line.startswith("#"))
            with gzip.open(path, "rt", encoding="utf-8") as f:
                header = f.readline().rstrip("\n").split("\t")
                if tuple(header) != COLUMNS:
                    raise ModelError(f"{path}: unexpected gazetteer columns {header}")
                entries: list[Entry] = []
                keys: list[list[str]] = []
                for line in f:
                    gid, kind, cc, adm1, lat, lon, pop, cap, en, ar, ks = line.rstrip("\n").split("\t")
                    entries.append(Entry(int(gid) if gid else None, kind, cc, adm1 or None,
                                         float(lat), float(lon), int(pop), cap == "1", en, ar, cap == "2"))
                    keys.append(ks.split("|"))
        except (OSError, ValueError, EOFError) as e:
            raise ModelError(f"cannot load gazetteer {path}: {e}") from e
        return cls(entries, keys, common)

    @staticmethod
    def default() -> Gazetteer:
        """The shipped table, loaded once per process (thread-safe, through rasd.resources)."""
        return resources.load("geo/data/gazetteer.tsv.gz",
                              lambda p: Gazetteer.load(p, p.with_name(COMMON_PATH.name)))


__all__ = ["COLUMNS", "COMMON_PATH", "Entry", "Gazetteer", "KINDS", "TABLE_PATH", "name_key"]
