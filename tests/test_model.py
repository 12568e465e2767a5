"""The article model: records round-trip through JSON unchanged and spans are checked."""
from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from rasd.model import Article, Count, DateMention, Entity, Event, PlaceRef, Quote, Removed

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
    assert keys[-8:] == ["removed", "entities", "places", "dates", "quotes", "counts", "events",
                         "warnings"]
    assert "sentences" not in keys
