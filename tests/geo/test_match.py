"""The one gazetteer matcher: the generic longest-match loop, the shared matcher, entity/place agreement."""
from __future__ import annotations

import pytest
from tests.golden.corpus import NEWS, sample

from rasd.extract.entities import entities_stage
from rasd.geo.match import PlaceMatcher, default_matcher, longest_match, name_prefixes, scan_longest
from rasd.geo.places import PlacesStage
from rasd.model import Article
from rasd.pipeline import Pipeline

NAMES = {"دير الزور", "دير", "ريف دمشق", "دمشق", "نيويورك سيتي"}
PREFIXES = name_prefixes(NAMES)


def test_name_prefixes_hold_every_word_prefix() -> None:
    assert PREFIXES == {"دير", "دير الزور", "ريف", "ريف دمشق", "دمشق", "نيويورك", "نيويورك سيتي"}


@pytest.mark.parametrize(("first", "following", "max_words", "hit"), [
    ("دير", ["الزور", "الشمالي"], 4, (2, "دير الزور")),
    ("دير", ["حافر"], 4, (1, "دير")),
    ("دير", ["الزور"], 1, (1, "دير")),  # max_words bounds the growth
    ("ريف", ["حلب"], 4, None),  # a prefix that is no name of its own, nor grows into one
    ("نيويورك", ["سيتي"], 4, (2, "نيويورك سيتي")),
    ("حلب", ["الشهباء"], 4, None),
])
def test_longest_match(first: str, following: list[str], max_words: int, hit: tuple[int, str] | None) -> None:
    assert longest_match(first, following, PREFIXES, NAMES.__contains__, max_words) == hit


def test_longest_match_reads_no_further_than_it_needs() -> None:
    read: list[str] = []

    def words() -> object:
        for w in ["الزور", "أمس", "x", "y"]:
            read.append(w)
            yield w

    assert longest_match("دير", words(), PREFIXES, NAMES.__contains__, 9) == (2, "دير الزور")  # type: ignore[arg-type]
    assert read == ["الزور", "أمس"]


def test_scan_longest_takes_matches_left_to_right_without_overlap() -> None:
    spans = {0: (0, 3), 1: (1, 2), 2: (2, 5), 4: (4, 5), 5: (5, 6)}  # start -> (start, end)
    assert scan_longest(7, spans.get, lambda m: m[1]) == [(0, 3), (4, 5), (5, 6)]
    assert scan_longest(3, lambda i: (i, i), lambda m: m[1]) == [(0, 0), (1, 1), (2, 2)]  # never stalls


@pytest.fixture(scope="module")
def matcher() -> PlaceMatcher:
    return default_matcher()


def test_both_stages_share_one_matcher(matcher: PlaceMatcher) -> None:
    assert PlacesStage().matcher is matcher
    assert entities_stage().matcher is matcher


def test_find_is_a_function_of_text_and_loc_spans(matcher: PlaceMatcher) -> None:
    text = "وقعت اشتباكات في طرابلس شمال لبنان أمس"
    first, again = matcher.find(text), matcher.find(text, [])
    assert first == again and first[0] is not again[0]  # equal places, fresh objects
    assert matcher.match(text) == first  # the memo changes nothing
    first[0].name = "changed"
    assert matcher.find(text)[0].name == "طرابلس"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(("sentences", "dates", "entities", "places"))


def contradictions(a: Article) -> list[str]:
    """Entity geonames ids without a place of that id on their span; LOC entities on a place of
    another id, or without the id of the place on their span."""
    on_span = {(p.start, p.end): p.geonameid for p in a.places}
    out: list[str] = []
    for e in a.entities:
        gid = int(e.id.split(":", 1)[1]) if e.id and e.id.startswith("geonames:") else None
        place = on_span.get((e.start, e.end))
        if gid is not None and place != gid:
            out.append(f"{a.id}: {e.text} {e.id} has place {place}")
        elif e.type == "LOC" and place is not None and gid != place:
            out.append(f"{a.id}: LOC {e.text} {e.id} on place {place}")
    return out


@pytest.mark.parametrize(("text", "span", "name_en"), [
    ("زار الملك عبد الله الثاني عمان بعد عودته إلى الأردن", "عمان", "Amman"),
    ("وصل الوزير إلى مسقط في زيارة إلى عمان", "عمان", "Oman"),
    ("وصلت رسالة للولايات المتحدة أمس", "ولايات المتحدة", "United States"),
    ("رصدت انتهاكاً واحداً في اللاذقية و3 في حمص و4 في حماة و6 في ريف دمشق", "ريف دمشق", "Rif-dimashq"),
])
def test_entity_and_place_name_the_same_place(pipe: Pipeline, text: str, span: str, name_en: str) -> None:
    a = pipe(Article(id="t", text=text, title=text))
    assert contradictions(a) == []
    place = next(p for p in a.places if p.text == span)
    ent = next(e for e in a.entities if e.text == span and e.type == "LOC")
    assert place.name_en == name_en and ent.id == f"geonames:{place.geonameid}"


def test_an_entity_inside_a_region_sits_on_the_place_the_region_is_built_on(pipe: Pipeline) -> None:
    a = pipe(Article(id="t", text="سقطت قذائف على بلدة في شمال سوريا", title=""))
    (region, base) = a.places
    assert (region.text, region.kind, region.geonameid) == ("شمال سوريا", "region", None)
    assert (base.text, base.kind) == ("سوريا", "country")
    assert [e.id for e in a.entities if e.text == "سوريا"] == [f"geonames:{base.geonameid}"]
    assert contradictions(a) == []


@pytest.mark.skipif(not NEWS.exists(), reason="../shared/data/news is not available")
def test_no_contradiction_over_a_thousand_shared_articles(pipe: Pipeline) -> None:
    records = [pipe(a) for a in sample(340, 20261130)]
    assert len(records) >= 1000
    assert sum(1 for a in records for e in a.entities if (e.id or "").startswith("geonames:")) > 5000
    bad = [c for a in records for c in contradictions(a)]
    assert bad == [], "\n".join(bad[:20])
