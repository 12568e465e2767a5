"""The shipped country outlines: where they came from, every country there, the right places inside them."""
from __future__ import annotations

import pytest

from rasd import resources
from rasd.desk.atlas import ATLAS_NAME, Country, Ring, load_atlas, parse_atlas


def inside_ring(ring: Ring, lon: float, lat: float) -> bool:
    """Ray casting, written here apart from `Country.contains`, which it checks."""
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat):
            x_at = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if x_at > lon:
                crossings += 1
    return crossings % 2 == 1


def inside(country: Country, lat: float, lon: float) -> bool:
    return any(sum(inside_ring(r, lon, lat) for r in poly.rings) % 2 == 1 for poly in country.polygons)


def only(code: str) -> Country:
    parts = [c for c in load_atlas().country(code) if c.iso2 == code]
    assert len(parts) == 1, code
    return parts[0]


def test_header_names_source_and_licence() -> None:
    h = load_atlas().header
    assert h["format"] == "rasd-atlas/1"
    assert h["source"]["package"] == "world-atlas" and h["source"]["version"] == "2.0.2"
    assert "public domain" in h["licence"]
    assert "rasd.training.atlas_build" in h["built"]


def test_file_is_small() -> None:
    assert resources.path(ATLAS_NAME).stat().st_size < 1_500_000


@pytest.mark.parametrize("code", ["SY", "IQ", "LB", "EG", "SA", "JO", "PS", "IL", "TR", "IR", "YE", "LY",
                                  "TN", "DZ", "MA", "SD", "SO", "KW", "QA", "AE", "OM", "BH", "US", "CN"])
def test_countries_have_outlines(code: str) -> None:
    c = only(code)
    assert c.polygons and all(len(r) >= 3 for p in c.polygons for r in p.rings)
    assert c.name_ar  # an Arabic name for the tooltip


@pytest.mark.parametrize(("code", "lat", "lon"), [
    ("SY", 34.73, 36.72),  # Homs
    ("SY", 33.51, 36.29),  # Damascus
    ("SY", 35.93, 36.63),  # Idlib (Latakia, on the shore, falls in the 1:50m sea)
    ("LB", 33.85, 35.90),  # Zahle (Beirut is on the shore)
    ("IQ", 33.31, 44.36),  # Baghdad
    ("EG", 30.04, 31.24),  # Cairo
    ("SA", 24.71, 46.68),  # Riyadh
    ("JO", 31.95, 35.93),  # Amman
])
def test_cities_lie_in_their_country(code: str, lat: float, lon: float) -> None:
    c = only(code)
    assert inside(c, lat, lon) and c.contains(lat, lon)
    for other in ("SY", "LB", "IQ", "EG", "SA", "JO"):
        if other != code:
            assert not inside(only(other), lat, lon) and not only(other).contains(lat, lon), other


def test_codes_are_unique_and_territories_point_to_their_country() -> None:
    atlas = load_atlas()
    codes = [c.iso2 for c in atlas.countries if c.iso2]
    assert len(codes) == len(set(codes)) > 200
    assert {c.name for c in atlas.country("SO")} == {"Somalia", "Somaliland"}
    assert {c.name for c in atlas.country("cy")} == {"Cyprus", "N. Cyprus"}
    assert {c.name for c in atlas.country("AU")} == {"Australia", "Ashmore and Cartier Is.",
                                                       "Indian Ocean Ter."}
    assert atlas.bounds("SO") is not None and atlas.bounds("ZZ") is None


def test_bounds_survive_a_lost_outline() -> None:
    b = load_atlas().bounds("VA")
    assert b is not None and abs((b[0] + b[2]) / 2 - 12.45) < 0.05 and abs((b[1] + b[3]) / 2 - 41.90) < 0.05


def test_loaded_once() -> None:
    assert load_atlas() is load_atlas()


def test_other_formats_are_refused() -> None:
    with pytest.raises(ValueError, match="rasd-atlas/1"):
        parse_atlas({"format": "topojson", "countries": []})
