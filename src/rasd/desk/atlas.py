"""The country outlines shipped with rasd (Natural Earth through npm `world-atlas`), loaded once per process.

`static/atlas.json.gz` is written by `python -m rasd.training.atlas_build` (see `static/ATLAS.md`). Its
shape (`FORMAT`):

    {"format": "rasd-atlas/1", "grid": 0.01, "source": {...}, "licence": "...", "built": "...",
     "countries": [{"id": "760", "iso2": "SY", "within": null, "name": "Syria", "name_ar": "سوريا",
                    "bbox": [lon_min, lat_min, lon_max, lat_max],
                    "polygons": [[ring, hole, ...], ...]}, ...]}

A ring is a flat list of integers on the grid (`lon / grid`, `lat / grid`): the first pair absolute,
every later pair the difference from the one before; the ring is closed implicitly (its last point is
not its first). `bbox` is measured on the unsimplified outline, so a country too small to keep a ring
on the grid (Monaco, the Vatican) still has bounds to zoom to. `within` names the ISO country a
territory without its own code lies in (Somaliland in `SO`, Northern Cyprus in `CY`).
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd import resources

ATLAS_NAME = "desk/static/atlas.json.gz"
FORMAT = "rasd-atlas/1"
# The desk's own loader over the package: its files feed no stage, so they stay out of the shared
# `resources.RESOURCES` (whose loaded set a test holds to what the stages declare for the fingerprint).
DESK_RESOURCES = resources.Resources()

Point = tuple[float, float]  # (lon, lat) in degrees
Ring = tuple[Point, ...]
BBox = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


@dataclass(frozen=True)
class Polygon:
    """One outer ring and its holes, with the bounds of the outer ring."""

    rings: tuple[Ring, ...]
    bbox: BBox


@dataclass(frozen=True)
class Country:
    """A country (or territory) of Natural Earth with its codes, names and outline."""

    id: str  # ISO 3166-1 numeric as Natural Earth gives it ("760"); "" where it has none
    iso2: str | None
    name: str
    name_ar: str
    within: str | None
    bbox: BBox
    polygons: tuple[Polygon, ...]

    def contains(self, lat: float, lon: float) -> bool:
        """Whether (lat, lon) lies inside the outline (even-odd rule over every ring)."""
        return any(_in_polygon(p, lon, lat) for p in self.polygons)


@dataclass(frozen=True)
class Atlas:
    """Every country of the shipped file and the header that says where it came from."""

    header: Mapping[str, Any]
    countries: tuple[Country, ...]
    _codes: dict[str, tuple[Country, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        codes: dict[str, list[Country]] = {}
        for c in self.countries:
            for code in {c.iso2, c.within} - {None}:
                codes.setdefault(str(code), []).append(c)
        self._codes.update({k: tuple(v) for k, v in codes.items()})

    def country(self, code: str) -> tuple[Country, ...]:
        """The outlines of ISO alpha-2 `code` (any case), with the territories within it; () if unknown."""
        return self._codes.get(code.upper(), ())

    def bounds(self, code: str) -> BBox | None:
        """The bounds of `code`'s outlines (see `country`), or None for an unknown code."""
        parts = self.country(code)
        if not parts:
            return None
        return (min(c.bbox[0] for c in parts), min(c.bbox[1] for c in parts),
                max(c.bbox[2] for c in parts), max(c.bbox[3] for c in parts))


def decode_ring(flat: Sequence[int], grid: float) -> Ring:
    """The (lon, lat) points of one delta-encoded ring of integers on `grid`."""
    out: list[Point] = []
    x = y = 0
    for i in range(0, len(flat) - 1, 2):
        x += flat[i]
        y += flat[i + 1]
        out.append((round(x * grid, 6), round(y * grid, 6)))
    return tuple(out)


def _ring_bbox(ring: Ring) -> BBox:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return (min(xs), min(ys), max(xs), max(ys))


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _in_polygon(p: Polygon, x: float, y: float) -> bool:
    b = p.bbox
    if not (b[0] <= x <= b[2] and b[1] <= y <= b[3]):
        return False
    return sum(_in_ring(r, x, y) for r in p.rings) % 2 == 1


def parse_atlas(data: Mapping[str, Any]) -> Atlas:
    """An `Atlas` from the decoded JSON of the shipped file; ValueError on another format."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file (format {data.get('format')!r})")
    grid = float(data["grid"])
    countries: list[Country] = []
    for c in data["countries"]:
        polygons: list[Polygon] = []
        for poly in c["polygons"]:
            rings = tuple(decode_ring(r, grid) for r in poly)
            polygons.append(Polygon(rings, _ring_bbox(rings[0])))
        bbox = c["bbox"]
        countries.append(Country(id=str(c["id"]), iso2=c.get("iso2"), name=str(c["name"]),
                                 name_ar=str(c.get("name_ar") or ""), within=c.get("within"),
                                 bbox=(float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3])),
                                 polygons=tuple(polygons)))
    header = {k: v for k, v in data.items() if k != "countries"}
    return Atlas(header, tuple(countries))


def read_atlas(path: Path) -> Atlas:
    """Read an atlas file (gzipped when its name ends in `.gz`)."""
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return parse_atlas(json.loads(raw.decode("utf-8")))


def load_atlas() -> Atlas:
    """The shipped atlas, read once per process (thread-safe, through a `rasd.resources.Resources`)."""
    return DESK_RESOURCES.load(ATLAS_NAME, read_atlas)


__all__ = ["ATLAS_NAME", "FORMAT", "Atlas", "BBox", "Country", "Polygon", "Ring", "decode_ring",
           "load_atlas", "parse_atlas", "read_atlas"]
