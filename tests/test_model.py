"""The article model: records round-trip through JSON unchanged and spans are checked."""
from __future__ import annotations

import json
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.errors import RecordWarning
from rasd.model import (
    COUNT_KINDS,
    ENTITY_TYPES,
    EVENT_TYPES,
    PLACE_KINDS,
    QUALIFIERS,
    SCHEMA,
    Article,
    Count,
    DateMention,
    Entity,
    Event,
    Place,
    PlaceRef,
    Quote,
    Removed,
)

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوية ءأإآ؟،.\n0123456789")),
                 min_size=1, max_size=80)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(ARABIC)
    n = len(text)

    def span() -> tuple[int, int, str]:
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s, n))
        return s, e, text[s:e]

    s, e, t = span()
    place = draw(st.none() | st.builds(PlaceRef, name=st.just("حمص"), country=st.just("SY"),
                                        lat=st.floats(-90, 90), lon=st.floats(-180, 180)))
    art = Article(id=draw(st.text(min_size=1, max_size=10)), text=text, title=text.split("\n")[0],
                  published=draw(st.none() | st.just("2017-09-25")))
    art.removed.append(Removed(text="إضافة تعليق جديد", reason="comment-prompt"))
    art.entities.append(Entity(text=t, type="PER", start=s, end=e, canonical=t))
    art.dates.append(DateMention(text=t, start=s, end=e, value="2017-09-24"))
    art.quotes.append(Quote(text=t, start=s, end=e, direct=draw(st.booleans()), speaker=t,
                            speaker_start=s, speaker_end=e))
    art.counts.append(Count(kind="killed", count=draw(st.integers(0, 10**6)), qualifier="exact",
                            text=t, start=s, end=e, place=place))
    art.events.append(Event(type="ASSAULT", text=t, start=s, end=e, actor=["داعش"], place=place,
                            counts={"killed": 1}))
    art.warnings.append("no publication date: relative dates unresolved")
    return art


@given(articles())
def test_record_round_trips_through_json(art: Article) -> None:
    record = art.to_dict()
    again = Article.from_dict(json.loads(json.dumps(record, ensure_ascii=False)))
    assert again == art
    assert again.to_dict() == record


@given(articles())
def test_spans_built_from_text_are_valid(art: Article) -> None:
    assert art.bad_spans() == []


def test_bad_span_is_reported() -> None:
    art = Article(id="x", text="قال لافروف", title="قال لافروف")
    art.entities.append(Entity(text="لافروف", type="PER", start=0, end=6))
    assert art.bad_spans() == ["entities: text[0:6]='قال لا' != 'لافروف'"]
    art.entities[0] = Entity(text="لافروف", type="PER", start=4, end=10)
    assert art.bad_spans() == []


def test_record_has_spec_keys_in_order() -> None:
    keys = list(Article(id="x", text="t", title="t").to_dict())
    assert keys[:8] == ["id", "source", "url", "title", "published", "category", "language", "author"]
    assert keys[-10:] == ["removed", "entities", "places", "dates", "quotes", "counts", "events",
                          "warnings", "schema", "pipeline"]
    assert "sentences" not in keys and "story" not in keys


def _record() -> dict:
    text = "قال لافروف في حمص"
    art = Article(id="x", text=text, title=text, pipeline="0123abcd")
    art.entities.append(Entity(text="لافروف", type="PER", start=4, end=10))
    art.places.append(Place(text="حمص", start=14, end=17, name="حمص", kind="city", country="SY"))
    art.counts.append(Count(kind="killed", count=3, qualifier="exact", text="حمص", start=14, end=17,
                            place=PlaceRef(name="حمص")))
    art.events.append(Event(type="ASSAULT", text=text, start=0, end=len(text), place=PlaceRef(name="حمص")))
    art.quotes.append(Quote(text="في حمص", start=11, end=17, direct=False))
    art.dates.append(DateMention(text="حمص", start=14, end=17, value="2017-09-24"))
    art.removed.append(Removed(text="إضافة تعليق جديد", reason="comment-prompt"))
    return art.to_dict()


def test_record_carries_schema_and_pipeline() -> None:
    rec = _record()
    assert rec["schema"] == SCHEMA == 1 and rec["pipeline"] == "0123abcd"


def test_unknown_keys_round_trip_at_every_level() -> None:
    rec = _record()
    rec["confidence_model"] = {"v": 2}
    rec["future_field"] = None
    for name in ("entities", "places", "dates", "quotes", "counts", "events", "removed"):
        rec[name][0]["future_key"] = [name, 1]
    rec["counts"][0]["place"]["geonameid"] = 170654
    rec["events"][0]["place"]["precision"] = "city"
    rec["story"] = "s-1"
    again = Article.from_dict(json.loads(json.dumps(rec, ensure_ascii=False)))
    assert again.to_dict() == rec
    assert again.entities[0].extra == {"future_key": ["entities", 1]}
    assert again.story == "s-1" and again.extra == {"confidence_model": {"v": 2}, "future_field": None}


def test_count_claims_confidence_and_dateline_round_trip() -> None:
    rec = _record()
    rec["counts"][0]["claimed_by"] = "وزارة الصحة"
    rec["counts"][0]["confidence"] = 0.9
    rec["dateline"] = {"text": "قال", "start": 0, "end": 3, "name": "دمشق", "name_en": "Damascus",
                       "kind": "city", "country": "SY", "admin1": None, "lat": 33.5, "lon": 36.3,
                       "geonameid": 170654}
    again = Article.from_dict(json.loads(json.dumps(rec, ensure_ascii=False)))
    assert again.to_dict() == rec
    assert isinstance(again.dateline, Place) and again.dateline.name == "دمشق" and again.bad_spans() == []
    assert again.counts[0].claimed_by == "وزارة الصحة" and again.counts[0].confidence == 0.9
    keys = list(again.to_dict())
    assert keys.index("dateline") == keys.index("author") + 1


def test_known_keys_come_first_then_unknown_ones() -> None:
    rec = {"zzz": 1, **_record()}
    out = list(Article.from_dict(rec).to_dict())
    assert out[-1] == "zzz" and out[0] == "id"


def test_record_without_schema_or_pipeline_loads() -> None:
    rec = _record()
    del rec["schema"], rec["pipeline"]
    art = Article.from_dict(rec)
    assert art.schema == SCHEMA and art.pipeline is None


@pytest.mark.parametrize(("start", "end", "why"), [
    (-3, 2, "out of bounds"), (4, 99, "out of bounds"), (10, 4, "out of bounds"), (0, 6, "!="),
])
def test_bad_spans_reports_out_of_bounds_and_mismatch(start: int, end: int, why: str) -> None:
    text = "قال لافروف"
    art = Article(id="x", text=text, title=text)
    art.entities.append(Entity(text=text[start:end] if why == "out of bounds" else "لافروف", type="PER",
                               start=start, end=end))
    bad = art.bad_spans()
    assert len(bad) == 1 and why in bad[0]


def test_span_at_the_very_end_is_in_bounds() -> None:
    text = "قال لافروف"
    art = Article(id="x", text=text, title=text)
    art.entities.append(Entity(text="", type="PER", start=len(text), end=len(text)))
    assert art.bad_spans() == []


def test_allowed_kinds_are_the_spec_values() -> None:
    assert ENTITY_TYPES == ("PER", "LOC", "ORG", "MISC")
    assert set(PLACE_KINDS) == {"country", "admin1", "admin2", "city", "village", "region", "facility"}
    assert "killed" in COUNT_KINDS and "other" in COUNT_KINDS and len(COUNT_KINDS) == 10
    assert QUALIFIERS == ("exact", "at-least", "more-than", "about")
    assert len(EVENT_TYPES) == 16 and "ASSAULT" in EVENT_TYPES


def test_a_kind_outside_the_allowed_values_warns_and_is_kept() -> None:
    rec = _record()
    rec["entities"][0]["type"] = "NORP"
    rec["counts"][0]["qualifier"] = "almost"
    with pytest.warns(RecordWarning, match="entity type 'NORP'.*count qualifier 'almost'"):
        art = Article.from_dict(rec)
    assert art.entities[0].type == "NORP" and art.to_dict() == rec
    assert len(art.validate()) == 2


def test_a_valid_record_loads_without_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        art = Article.from_dict(_record())
    assert art.validate() == []
