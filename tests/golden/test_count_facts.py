"""Golden checks of what issue 13 adds to counts, on real articles of the shared corpora: who gives a
figure (`claimed_by`), how sure the stage is (`confidence`), and the dateline that is no count place."""
from __future__ import annotations

import pytest
from tests.golden.corpus import NEWS, tar_members

from rasd.extract.count_attach import CONFIDENCE_THRESHOLD
from rasd.extract.counts import find_dateline
from rasd.model import Article
from rasd.pipeline import DEFAULT_PIPELINE, Pipeline

pytestmark = pytest.mark.skipif(not NEWS.exists(), reason="../shared/data/news is not available")

SOMALIA = "ant_multisource/SkyNews/middleEast/SK-middleEast-2274-20180610.txt"
NORTH_KOREA = "ant_multisource/SkyNews/internationalNews/SK-internationalNews-1111-20180423.txt"
ATLANTA = "ant_multisource/CNN/middleEast/CN-middleEast-453-20180402.txt"


@pytest.fixture(scope="module")
def arts() -> dict[str, Article]:
    got = tar_members("ant", [SOMALIA, NORTH_KOREA, ATLANTA])
    pipeline = Pipeline(DEFAULT_PIPELINE)
    return {k: pipeline(a) for k, a in got.items()}


def test_a_figure_an_actor_claims_names_it(arts: dict[str, Article]) -> None:
    # `وقالت إنها قتلت 40 جنديا صوماليا`: al-Shabaab's claim; `أصيب سبعة جنود` the outlet states
    by = {(c.kind, c.count): c.claimed_by for c in arts[SOMALIA].counts}
    assert by[("killed", 40)] is not None and "الشباب" in by[("killed", 40)]
    assert by[("injured", 7)] is None
    # `قالت وزارة الخارجية الصينية، الاثنين، إن 36 شخصا بينهم 32 صينيا لقوا حتفهم`: total and part
    by = {(c.kind, c.count): c.claimed_by for c in arts[NORTH_KOREA].counts}
    assert by[("killed", 36)] == by[("killed", 32)] and "الخارجية" in (by[("killed", 36)] or "")


def test_every_count_has_a_confidence_over_the_threshold(arts: dict[str, Article]) -> None:
    for a in arts.values():
        assert a.counts
        assert all(c.confidence is not None and CONFIDENCE_THRESHOLD <= c.confidence <= 1 for c in a.counts)


def test_the_dateline_is_found_and_is_no_count_place(arts: dict[str, Article]) -> None:
    a = arts[ATLANTA]
    dateline = find_dateline(a)
    assert dateline is not None and dateline.text == "أتلانتا"
    assert a.text[dateline.start:dateline.end] == dateline.text
    assert all(c.place is None or c.place.name != dateline.name for c in a.counts)
    assert find_dateline(arts[SOMALIA]) is None
