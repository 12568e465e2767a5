"""The places stage: mentions found, resolved by context, guarded against common words; offsets hold."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.geo.places import PlacesStage, place_ref
from rasd.model import Article, Entity, Place, PlaceRef

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EXAMPLE = SHARED / "examples" / "000_98c889641a669656.txt"


@pytest.fixture(scope="module")
def stage() -> PlacesStage:
    return PlacesStage()


def places(stage: PlacesStage, text: str, entities: list[Entity] | None = None) -> list[Place]:
    a = Article(id="t", text=text, title=text.split("\n")[0], entities=entities or [])
    stage(a)
    assert a.bad_spans() == []
    return a.places


@pytest.mark.parametrize(("text", "span", "country", "name_en"), [
    ("وقعت اشتباكات في طرابلس شمال لبنان أمس", "طرابلس", "LB", "Tripoli"),
    ("وقعت اشتباكات في طرابلس وقالت حكومة ليبيا إن", "طرابلس", "LY", "Tripoli"),
    ("وصل الوزير إلى الجزائر في زيارة رسمية", "الجزائر", "DZ", "Algeria"),
    ("انفجرت سيارة في العاصمة الجزائر صباح اليوم", "الجزائر", "DZ", "Algiers"),
    ("وقعت الحادثة في مدينة الجزائر صباح اليوم", "الجزائر", "DZ", "Algiers"),
    ("زار الملك عبد الله الثاني عمان بعد عودته إلى الأردن", "عمان", "JO", "Amman"),
    ("وقعت سلطنة عمان اتفاقا تجاريا", "سلطنة عمان", "OM", "Oman"),
    ("عقدت الجولة الجديدة من الحوار السوري في جنيف", "جنيف", "CH", "Geneva"),
    ("انتهت محادثات أستانا بمشاركة روسيا", "أستانا", "KZ", "Astana"),
])
def test_namesakes_follow_the_article(stage: PlacesStage, text: str, span: str, country: str,
                                      name_en: str) -> None:
    hit = [p for p in places(stage, text) if p.text.endswith(span)]
    assert len(hit) == 1
    assert (hit[0].country, hit[0].name_en) == (country, name_en)


@pytest.mark.parametrize(("text", "expected"), [
    # a region built on a place names that place too, on its own span (with its own geonameid)
    ("قصفت الطائرات مواقع بريف دير الزور الشمالي أمس",
     [("ريف دير الزور الشمالي", "ريف دير الزور الشمالي"), ("دير الزور", "دير الزور")]),
    ("وصلت المساعدات لروسيا أمس", [("روسيا", "روسيا")]),
    ("قتل ثلاثة مدنيين وبحمص أصيب آخرون", [("حمص", "حمص")]),
    ("سقطت قذائف على بلدة في شمال سوريا", [("شمال سوريا", "شمال سوريا"), ("سوريا", "سوريا")]),
    ("وصل الوفد ولبنان وبغداد", [("لبنان", "لبنان"), ("بغداد", "بغداد")]),
])
def test_spans_leave_proclitics_out(stage: PlacesStage, text: str, expected: list[tuple[str, str]]) -> None:
    found = places(stage, text)
    assert [(p.text, p.name) for p in found] == expected


def test_region_of_a_governorate(stage: PlacesStage) -> None:
    p, base = places(stage, "آليات أمريكية في مناطق انتشار داعش بريف دير الزور الشمالي")
    assert (p.kind, p.country, p.admin1, p.geonameid) == ("region", "SY", "Dayr az Zawr", None)
    assert (base.text, base.country, base.geonameid is not None) == ("دير الزور", "SY", True)
    assert p.lat == pytest.approx(35.34, abs=0.05) and p.lon == pytest.approx(40.14, abs=0.05)


@pytest.mark.parametrize("text", [
    "نشرت وزارة الدفاع الروسية صوراً فضائية تظهر آليات",
    "نشرت الوزارة صور الأقمار الصناعية",
    "كرمت الجمعية حماة الوطن في حفل كبير",
    "تحدث الوزير في إطار زيارته عن العلاقات",
    "قال الوزير في كلمة ألقاها أمس إن",
    "نقلت وكالة فرانس برس عن مصدر أمني",
    "أشار إلى أنه تمت تهيئة الظروف",
    "ولد في مسقط رأسه عام 1950",
])
def test_common_words_are_not_places(stage: PlacesStage, text: str) -> None:
    assert places(stage, text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("رصدت انتهاكاً واحداً في اللاذقية و3 في حمص و4 في حماة", "حماة"),
    ("وقعت اشتباكات في صور جنوب لبنان", "صور"),
    ("وانتهاكاً في درعا", "درعا"),
])
def test_word_like_names_after_a_locative_cue(stage: PlacesStage, text: str, span: str) -> None:
    assert span in [p.text for p in places(stage, text)]


def test_a_loc_entity_stands_for_a_cue(stage: PlacesStage) -> None:
    text = "سيطر الجيش السوري على السوسة"
    assert places(stage, text) == []
    start = text.index("السوسة")
    ent = Entity(text="السوسة", type="LOC", start=start, end=start + 6)
    assert [(p.text, p.country) for p in places(stage, text, [ent])] == [("السوسة", "SY")]


@pytest.mark.parametrize(("text", "found"), [
    ("سيطر الجيش السوري على سراقب", ["سراقب"]),
    ("سيطر الجيش على سراقب", []),
    ("قصفت الطائرات قرية السوسة وبلدة هجين", ["السوسة", "هجين"]),
])
def test_towns_of_the_articles_country(stage: PlacesStage, text: str, found: list[str]) -> None:
    assert [p.text for p in places(stage, text)] == found


@pytest.mark.parametrize(("text", "name", "found"), [
    ("التقى الفريق مع بورتو في لشبونة", "بورتو", []),  # a club; Portugal is not named
    ("نشرت الصور على موقع الوزارة", "الصور", []),  # a common word, even tagged LOC
])
def test_loc_entities_help_only_in_the_articles_countries(stage: PlacesStage, text: str, name: str,
                                                          found: list[str]) -> None:
    start = text.index(name)
    ent = Entity(text=name, type="LOC", start=start, end=start + len(name))
    assert [p.text for p in places(stage, text, [ent]) if p.text == name] == found


def test_a_cue_word_admits_a_word_like_name_before_an_adjective(stage: PlacesStage) -> None:
    assert [p.text for p in places(stage, "الهجوم على مدينة دوما السورية")] == ["دوما"]
    assert [p.text for p in places(stage, "تعطيل دخول السفن إلى ميناء الحديدة")] == ["الحديدة"]


@pytest.mark.parametrize(("text", "found"), [
    ("تقدم الجيش العربي السوري في عمق المنطقة الشرقية", []),
    ("أعلنت إمارة المنطقة الشرقية في السعودية عن", ["المنطقة الشرقية"]),
    ("انتقل اللاعبون إلى الشمال السوري", []),
])
def test_generic_region_names_need_their_country_nearby(stage: PlacesStage, text: str,
                                                         found: list[str]) -> None:
    start = text.find("المنطقة")
    ents = [Entity(text="المنطقة الشرقية", type="LOC", start=start, end=start + 15)] if start >= 0 else []
    assert [p.text for p in places(stage, text, ents) if p.kind != "country"] == found


@pytest.mark.parametrize(("text", "found"), [
    ("أعلنت السعودية اليوم أنها", ["السعودية"]),
    ("قال مسؤول في السعودية إن", ["السعودية"]),
    ("أعلنت الحكومة السعودية اليوم أنها", []),
    ("نقلت وكالة الأنباء السعودية عن", []),
])
def test_saudi_country_or_adjective(stage: PlacesStage, text: str, found: list[str]) -> None:
    assert [p.text for p in places(stage, text)] == found


def test_unresolved_names_stay_out(stage: PlacesStage) -> None:
    assert places(stage, "وصل إلى مدينة زذغطب الوفد") == []


def test_stage_only_adds_places(stage: PlacesStage) -> None:
    text = "موسكو تطالب واشنطن بتوضيح"
    a = Article(id="t", text=text, title=text)
    out = stage(a)
    assert out.text == text and [p.name_en for p in out.places] == ["Moscow", "Washington"]
    assert all(p.lat is not None and p.lon is not None for p in out.places)


def test_place_ref_carries_the_location() -> None:
    p = Place(text="حمص", start=0, end=3, name="حمص", name_en="Homs", kind="city", country="SY",
              admin1="Homs", lat=34.72, lon=36.72, geonameid=169577)
    assert place_ref(p) == PlaceRef(name="حمص", country="SY", admin1="Homs", lat=34.72, lon=36.72)


def test_registered_in_the_pipeline() -> None:
    from rasd.pipeline import DEFAULT_PIPELINE, STAGES, load_stage
    assert DEFAULT_PIPELINE.index("places") == DEFAULT_PIPELINE.index("entities") + 1
    assert STAGES["places"] == "rasd.geo.places:places_stage"
    assert isinstance(load_stage("places"), PlacesStage)


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not present")
def test_reference_article(stage: PlacesStage) -> None:
    lines = [ln for ln in EXAMPLE.read_text(encoding="utf-8").splitlines()
             if not ln.startswith(("المصدر: سانا", "إضافة تعليق جديد"))]
    found = places(stage, "\n".join(lines))
    by_text = {p.text: p for p in found}
    for name, cc in [("اللاذقية", "SY"), ("حمص", "SY"), ("حماة", "SY"), ("ريف دمشق", "SY"), ("درعا", "SY"),
                     ("دير الزور", "SY"), ("جنيف", "CH"), ("أستانا", "KZ"), ("موسكو", "RU"),
                     ("واشنطن", "US")]:
        assert by_text[name].country == cc, name
    assert not any(p.name_en == "Tyre" for p in found)
    assert by_text["ريف دمشق"].admin1 == "Rif-dimashq"


def test_table_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from rasd.geo.gazetteer import Gazetteer

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert len(Gazetteer.load()) > 5_000


_WORDS = ["في", "بريف", "دير", "الزور", "الشمالي", "وحمص", "لروسيا", "صوراً", "حماة", "الوطن", "مدينة",
          "الجزائر", "طرابلس", "لبنان", "عمان", "قال", "إن", "،", "\n", "و3", "شمال", "سوريا", "ـ", "َ"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.sampled_from([" ", "  ", "\u00a0"]))
def test_every_span_maps_back_to_the_text(stage: PlacesStage, words: list[str], sep: str) -> None:
    text = sep.join(words)
    a = Article(id="h", text=text, title="")
    stage(a)
    assert a.bad_spans() == []
    assert a.text == text
    assert all(p.lat is not None and p.country for p in a.places)
