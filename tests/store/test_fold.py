"""Search folding over real stores: a word and any diacritized / hamza / proclitic variant of it find
the same articles (Hypothesis), on SQLite and PostgreSQL."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.store.stores import filled

from rasd.lang.ar.clitics import STEMS_STARTING_WITH_CLITIC_LETTER
from rasd.search import make_query, query_tokens, snippet
from rasd.store import SqlStore
from rasd.text.normalize import normalize

DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)]
ALEFS = "اأإآ"
CHAINS = ("", "و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "فب", "ول",
          "فل", "وك", "وبال")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]{3,}$")
_BASES: dict[str, list[str]] = {}


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> SqlStore:
    s, _ = filled(request.param, request)
    request.addfinalizer(s.close)
    return s


def bases(store: SqlStore) -> list[str]:
    """Bare words of the stored titles: Arabic letters only, no proclitic the fold would take off."""
    if store.backend not in _BASES:
        words: set[str] = set()
        for h in store.search(make_query("", limit=1000)).results:
            for w in h.title.split():
                if _ARABIC_WORD.match(w) and not w.startswith("ال") and query_tokens(w) == (normalize(w),):
                    words.add(w)
        _BASES[store.backend] = sorted(words)
    return _BASES[store.backend]


@st.composite
def variant(draw: st.DrawFn, word: str) -> str:
    out: list[str] = []
    for k, ch in enumerate(word):
        if ch in ALEFS:
            ch = draw(st.sampled_from(ALEFS))
        elif k == len(word) - 1 and ch in "ةه":
            ch = draw(st.sampled_from("ةه"))
        elif k == len(word) - 1 and ch in "يى":
            ch = draw(st.sampled_from("يى"))
        out.append(ch)
        if draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from([*DIACRITICS, "\u0640"])))
    chains = [c for c in CHAINS if not (c.endswith("لل") and word.startswith("ل"))]
    return draw(st.sampled_from(chains)) + "".join(out)


def _chain_of(form: str, word: str) -> str:
    stripped = normalize(form)
    return stripped[:len(stripped) - len(normalize(word))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_word_and_its_variants_find_the_same_articles(store: SqlStore, data: st.DataObject) -> None:
    word = data.draw(st.sampled_from(bases(store)))
    form = data.draw(variant(word))
    chain = _chain_of(form, word)
    # `ول` + `ماذا` is و + the word `لماذا`, and `ب` + `سبب` the word `بسبب` (because of): a chain, or
    # its tail, that makes a known stem with the word is not a variant of it.
    assume(not any(chain[k:] + normalize(word) in STEMS_STARTING_WITH_CLITIC_LETTER
                   for k in range(len(chain))))
    plain = {h.id for h in store.search(make_query(word, limit=1000)).results}
    assert plain, word
    assert {h.id for h in store.search(make_query(form, limit=1000)).results} == plain, (word, form)


@given(st.text(alphabet=st.sampled_from([*"وبالحكومةسوريا ", *DIACRITICS, "\u0640", "\u200f"]), max_size=40))
def test_snippet_marks_are_original_characters(text: str) -> None:
    node = make_query("حكومة").tree
    s = snippet("عنوان\n" + text, node)
    for m in re.findall("<mark>(.*?)</mark>", s):
        assert m in "عنوان\n" + text
        assert query_tokens(m) == ("حكومه",)
