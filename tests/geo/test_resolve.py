"""resolve_name: namesakes chosen by context, proclitics, regions; the table loads offline."""
from __future__ import annotations

import pytest

from rasd.geo.gazetteer import Gazetteer, name_key
from rasd.geo.resolve import proclitic_variants, resolve_name


def test_table_loads_from_package_data() -> None:
    g = Gazetteer.default()
    assert len(g) > 5_000
    assert g.lookup(name_key("دمشق"))


@pytest.mark.parametrize(("name", "countries", "country", "kind", "name_en"), [
    ("ريف دمشق", (), "SY", "admin1", "Rif-dimashq"),
    ("دير الزور", (), "SY", "city", "Deir ez-Zor"),
    ("درعا", (), "SY", "city", "Dar‘ā"),
    ("حمص", (), "SY", "city", "Homs"),
    ("حماة", (), "SY", "city", "Ḩamāh"),
    ("حماه", (), "SY", "city", "Ḩamāh"),
    ("اللاذقية", (), "SY", "city", "Latakia"),
    ("جنيف", ("US", "SY", "RU"), "CH", "city", "Geneva"),
    ("أستانا", (), "KZ", "city", "Astana"),
    ("نور سلطان", (), "KZ", "city", "Astana"),
    ("موسكو", ("US",), "RU", "city", "Moscow"),
    ("واشنطن", (), "US", "city", "Washington"),
    ("طرابلس", (), "LY", "city", "Tripoli"),
    ("طرابلس", ("LB",), "LB", "city", "Tripoli"),
    ("طرابلس", ("LY",), "LY", "city", "Tripoli"),
    ("الجزائر", (), "DZ", "country", "Algeria"),
    ("عمان", (), "OM", "country", "Oman"),
    ("عمان", ("JO",), "JO", "city", "Amman"),
    ("سورية", (), "SY", "country", "Syria"),
    ("سوريا", (), "SY", "country", "Syria"),
    ("القنيطرة", (), "MA", "city", "Kenitra"),
    ("القنيطرة", ("SY",), "SY", "city", "Al Qunayţirah"),
])
def test_namesakes_by_context(name: str, countries: tuple[str, ...], country: str, kind: str,
                              name_en: str) -> None:
    e = resolve_name(name, countries=countries)
    assert e is not None
    assert (e.country, e.kind, e.name_en) == (country, kind, name_en)


@pytest.mark.parametrize(("name", "expected"), [
    ("بريف دير الزور", "ريف دير الزور"),
    ("لروسيا", "روسيا"),
    ("وبحمص", "حمص"),
    ("للاذقية", "اللاذقية"),
    ("بالرقة", "الرقة"),
])
def test_proclitics_are_stripped(name: str, expected: str) -> None:
    e = resolve_name(name)
    assert e is not None and e.name == expected


def test_proclitic_variants_keep_the_word_first() -> None:
    assert proclitic_variants("بيروت")[0] == (0, "بيروت")
    assert (1, "ريف") in proclitic_variants("بريف")


@pytest.mark.parametrize(("name", "en", "admin1"), [
    ("ريف دير الزور الشمالي", "northern Deir ez-Zor countryside", "Dayr az Zawr"),
    ("ريف حلب الغربي", "western Aleppo countryside", "Aleppo"),
    ("شمال سوريا", "northern Syria", None),
    ("ريف دمشق الغربي", "western Rif-dimashq", "Rif-dimashq"),
    ("جنوب الغوطة الشرقية", "southern Eastern Ghouta", "Rif-dimashq"),
    ("شمال غرب درعا", "north-western Dar‘ā", "Daraa"),
])
def test_regions_lie_in_their_base_place(name: str, en: str, admin1: str | None) -> None:
    e = resolve_name(name)
    assert e is not None
    assert (e.kind, e.country, e.name_en, e.admin1, e.geonameid) == ("region", "SY", en, admin1, None)


@pytest.mark.parametrize(("name", "en", "country"), [
    ("الغوطة الشرقية", "Eastern Ghouta", "SY"),
    ("بالغوطة الشرقية", "Eastern Ghouta", "SY"),
    ("هضبة الجولان", "Golan Heights", "SY"),
    ("شبه جزيرة القرم", "Crimea", "UA"),
])
def test_hand_listed_regions(name: str, en: str, country: str) -> None:
    e = resolve_name(name)
    assert e is not None and (e.kind, e.name_en, e.country) == ("region", en, country)


def test_region_has_base_coordinates() -> None:
    region, base = resolve_name("ريف دير الزور الشمالي"), resolve_name("دير الزور")
    assert region is not None and base is not None
    assert (region.lat, region.lon) == (base.lat, base.lon)


@pytest.mark.parametrize("name", ["محمد", "العاصمة", "xyz", "", "ريف", "ريف سوريا"])
def test_unresolvable_names_give_none(name: str) -> None:
    assert resolve_name(name) is None
