"""Golden tests: must-find / must-not-find expectations per stage on real articles (tests/golden/cases.py).

Every failing expectation of an article is listed in one message. `known` defects run as expected
failures, one test each, so a fix in the owning module shows up as XPASS.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.golden.cases import CASES, Case
from tests.golden.corpus import NEWS, saudi_items, tar_members

from rasd.eval.gold import norm, same_name
from rasd.model import Article
from rasd.pipeline import DEFAULT_PIPELINE, Pipeline

pytestmark = pytest.mark.skipif(not NEWS.exists(), reason="../shared/data/news is not available")


@pytest.fixture(scope="module")
def records() -> dict[str, Article]:
    """Each case's article, read once per archive and run through the default pipeline."""
    by_source: dict[str, list[Case]] = {}
    for c in CASES:
        key = c.source[0] if c.source[0] != "saudi" else f"saudi:{c.source[1]}"
        by_source.setdefault(key, []).append(c)
    pipeline = Pipeline(DEFAULT_PIPELINE)
    out: dict[str, Article] = {}
    for key, cases in by_source.items():
        if key.startswith("saudi:"):
            got = saudi_items(key.split(":", 1)[1], [c.source[2] for c in cases])
            pick = {c.name: got.get(c.source[2]) for c in cases}
        else:
            got = tar_members(key, [c.source[1] for c in cases])
            pick = {c.name: got.get(c.source[1]) for c in cases}
        for name, art in pick.items():
            if art is not None:
                out[name] = pipeline(art)
    return out


def _any_name(gold: str, names: list[str | None]) -> bool:
    return any(same_name(gold, n) for n in names if n)


def _same_words(gold: str, cand: str | None) -> bool:
    """`same_name` with as many words on both sides: a must-not name is that name, not a part of it."""
    return same_name(gold, cand) and any(len(norm(g).split()) == len(norm(cand).split())
                                         for g in gold.split("|"))


def _speaker_names(q: object) -> list[str | None]:
    return [getattr(q, "speaker", None), getattr(q, "speaker_entity", None)]


def _place_names(p: object) -> list[str | None]:
    return [getattr(p, "name", None), getattr(p, "text", None)]


def check_one(what: str, a: Article) -> bool:
    """Evaluate one expectation written `kind: arguments` against a record."""
    kind, _, arg = what.partition(": ")
    if kind == "entities":
        typ, name = arg.split(" ", 1)
        return any(e.type == typ and (same_name(name, e.text) or same_name(name, e.canonical or ""))
                   for e in a.entities)
    if kind == "entity_exact":
        typ, name = arg.split(" ", 1)
        return any(e.type == typ and _same_words(name, e.text) for e in a.entities)
    if kind == "not_entities":
        typ, name = arg.split(" ", 1)
        return not any(e.type == typ and _same_words(name, e.text) for e in a.entities)
    if kind == "not_places":
        return not any(_same_words(arg, p.text) or _same_words(arg, p.name) for p in a.places)
    if kind == "quotes":
        return any(_any_name(arg, _speaker_names(q)) for q in a.quotes)
    if kind == "not_quoted":
        speaker, _, words = arg.partition(" :: ")
        return not any(any(_same_words(speaker, n) for n in _speaker_names(q))
                       and norm(words) in norm(q.text) for q in a.quotes)
    if kind == "counts":
        k, n = arg.split(" ")
        return any(c.kind == k and c.count == int(n) for c in a.counts)
    if kind == "dates":
        return any(d.value == arg for d in a.dates)
    if kind == "not_in_text":
        return norm(arg) not in norm(a.text)
    raise ValueError(f"unknown expectation {what!r}")


def broken(case: Case, a: Article) -> list[str]:
    """Every expectation of `case` that the record breaks, as readable lines."""
    out: list[str] = []

    def need(ok: bool, msg: str, got: Callable[[], object]) -> None:
        if not ok:
            out.append(f"{msg}\n      got: {got()}")

    counts = lambda: [(c.kind, c.count, c.place.name if c.place else None, c.text)  # noqa: E731
                      for c in a.counts]
    for kind, n, place in case.counts:
        same = [c for c in a.counts if c.kind == kind and c.count == n]
        need(bool(same), f"must find count {kind} {n}", counts)
        if same and place:
            need(any(c.place and _any_name(place, [c.place.name]) for c in same),
                 f"count {kind} {n} must be placed at {place}", counts)
    for kind, n in case.counts_once:
        need(sum(c.kind == kind and c.count == n for c in a.counts) <= 1,
             f"count {kind} {n} must be reported once", counts)
    for n in case.no_count_of:
        need(all(c.count != n for c in a.counts), f"must not count the figure {n}", counts)
    for kind, n in case.no_counts_kind:
        need(all(not (c.kind == kind and c.count == n) for c in a.counts),
             f"must not count {kind} {n}", counts)
    if case.no_counts:
        need(not a.counts, "must report no count", counts)
    quotes = lambda: [(q.speaker, q.speaker_entity, q.text[:50]) for q in a.quotes]  # noqa: E731
    for speaker, words, least in case.quotes:
        mine = [q for q in a.quotes if _any_name(speaker, _speaker_names(q))]
        need(len(mine) >= least, f"must find >= {least} quote(s) of {speaker}", quotes)
        if words:
            need(any(norm(words) in norm(q.text) for q in mine),
                 f"must find a quote of {speaker} containing {words!r}", quotes)
    for speaker, words in case.not_quoted:
        need(check_one(f"not_quoted: {speaker} :: {words}", a),
             f"must not attribute {words!r} to {speaker}", quotes)
    for speaker in case.not_speakers:
        need(not check_one(f"quotes: {speaker}", a), f"must not find speaker {speaker}", quotes)
    ents = lambda: sorted({(e.type, e.text) for e in a.entities})  # noqa: E731
    for typ, name in case.entities:
        need(check_one(f"entities: {typ} {name}", a), f"must find entity {typ} {name}", ents)
    for typ, name in case.not_entities:
        need(check_one(f"not_entities: {typ} {name}", a), f"must not find entity {typ} {name}",
             ents)
    places = lambda: sorted({(p.text, p.name, p.country) for p in a.places})  # noqa: E731
    for name, country in case.places:
        need(any(p.country == country and _any_name(name, _place_names(p)) for p in a.places),
             f"must find place {name} in {country}", places)
    for name in case.not_places:
        need(check_one(f"not_places: {name}", a), f"must not find place {name}", places)
    for value in case.dates:
        need(check_one(f"dates: {value}", a), f"must find date {value}",
             lambda: [(d.text, d.value) for d in a.dates])
    for reason in case.removed:
        need(any(r.reason == reason for r in a.removed), f"must remove boilerplate ({reason})",
             lambda: a.removed)
    for words in case.not_in_text:
        need(check_one(f"not_in_text: {words}", a), f"must not keep {words!r} in the text",
             lambda: a.text[:200])
    for typ in case.events:
        need(any(e.type == typ for e in a.events), f"must find an event of type {typ}",
             lambda: sorted({e.type for e in a.events}))
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_article(case: Case, records: dict[str, Article]) -> None:
    a = records.get(case.name)
    assert a is not None, f"{case.name}: article {case.source} not found in ../shared"
    assert a.bad_spans() == [], a.bad_spans()
    problems = broken(case, a)
    assert not problems, f"{case.name} ({a.id}) broke {len(problems)} expectation(s):\n  - " + \
        "\n  - ".join(problems)


# Strict: when a defect is fixed the test XPASSes and fails, so the expectation moves into the case.
KNOWN = [pytest.param(c, what, marks=pytest.mark.xfail(reason=why, strict=True),
                      id=f"{c.name}:{what}") for c in CASES for what, why in c.known]


@pytest.mark.parametrize(("case", "what"), KNOWN)
def test_known_defect(case: Case, what: str, records: dict[str, Article]) -> None:
    a = records.get(case.name)
    assert a is not None
    assert check_one(what, a), f"{case.name}: {what}"
