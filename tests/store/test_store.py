"""The store, ingest and search, run against a real SQLite file and a real PostgreSQL server.

Inputs are real shared articles (tests/store/conftest.py `corpus`). Every test that takes `db`
runs once per backend.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from tests.store.stores import ANT_URL_PAIRS, filled

import rasd
from rasd.ingest import ingest
from rasd.search import MARK_CLOSE, MARK_OPEN, QueryError, make_query, query_tokens
from rasd.store import SqlStore, open_store
from rasd.store.migrations import MIGRATIONS


def _docno(member: str) -> str:
    return Path(member).stem


@pytest.fixture(params=["sqlite", "postgres"])
def store_and_stats(request: pytest.FixtureRequest) -> Any:
    store, stats = filled(request.param, request)
    yield store, stats
    store.close()


@pytest.fixture
def store(store_and_stats: Any) -> SqlStore:
    return store_and_stats[0]  # type: ignore[no-any-return]


# --- schema -------------------------------------------------------------------------------------------


def test_migrations_are_numbered_recorded_and_run_once(db: str) -> None:
    with open_store(db) as s:
        assert [v for v, _ in s.migrations()] == [m.version for m in MIGRATIONS[s.backend]]
        assert [m.version for m in MIGRATIONS[s.backend]] == [1, 2, 3, 4]
    with open_store(db) as s:
        assert s.migrate() == []
        assert s.count() == 0


# --- ingest -------------------------------------------------------------------------------------------


def test_first_ingest_counts(store_and_stats: Any) -> None:
    store, stats = store_and_stats
    assert stats.errors == 0
    assert stats.new == store.count() == stats.stages_run
    # three same-URL ANT pairs and one copy of a SaudiNewsNet item with only marks and tatweel added
    assert stats.duplicates == len(ANT_URL_PAIRS) + 1
    assert stats.summary().startswith(f"stored {stats.new} new, 0 unchanged, {stats.duplicates} duplicates, "
                                      "0 errors in ")


def test_reingest_adds_nothing_and_runs_no_stage(store_and_stats: Any, corpus: Path, pipeline: Any) -> None:
    store, first = store_and_stats
    before = store.ids()
    sightings = {i: store.sightings(i) for i in before}
    stats = ingest([str(corpus)], store, pipeline)
    assert stats.stages_run == 0 and stats.new == 0 and stats.updated == 0 and stats.duplicates == 0
    assert stats.unchanged == first.new + first.duplicates
    assert store.ids() == before
    assert {i: store.sightings(i) for i in before} == sightings


def test_same_url_pairs_are_one_article_with_both_sightings(store: SqlStore) -> None:
    for a, b in ANT_URL_PAIRS:
        kept = [d for d in (_docno(a), _docno(b)) if store.get(d) is not None]
        assert len(kept) == 1, (a, b)
        seen = store.sightings(kept[0])
        assert {s.origin.split("::")[-1].split("/ant_multisource/")[-1] for s in seen} >= {
            a.removeprefix("ant_multisource/"), b.removeprefix("ant_multisource/")}
        assert {s.doc_id for s in seen} == {_docno(a), _docno(b)}
        assert {s.category for s in seen} == {a.split("/")[2], b.split("/")[2]}


def test_same_text_under_another_url_is_one_article(store: SqlStore) -> None:
    copies = [i for i in store.ids() if any(s.origin.endswith("copies.json#0") or "copies.json" in s.origin
                                            for s in store.sightings(i))]
    assert len(copies) == 1
    seen = store.sightings(copies[0])
    assert len(seen) == 2
    assert {s.url for s in seen} >= {"http://mirror.example.org/copy-of-first-item"}


def test_record_round_trips_through_the_store(store: SqlStore) -> None:
    for article_id in store.ids()[:10]:
        record = store.get(article_id)
        assert record is not None and record["id"] == article_id and "story" in record
        article = rasd.Article.from_dict(record)
        assert not article.bad_spans()
        assert record["pipeline"] and record["schema"] == rasd.SCHEMA


def test_stale_records_are_redone_and_fresh_ones_skipped(db: str, corpus: Path, pipeline: Any) -> None:
    files = [str(p) for p in sorted((corpus / "ant").rglob("*.txt"))[:4]]
    small = rasd.load_pipeline(stages=["sentences", "dates"])
    assert small.fingerprint != pipeline.fingerprint
    with open_store(db) as s:
        first = ingest(files, s, small)
        assert first.new == 4 and first.stages_run == 4
        assert sorted(s.stale_ids(pipeline.fingerprint)) == s.ids()
        redo = ingest(files, s, pipeline)
        assert redo.updated == 4 and redo.new == 0 and redo.stages_run == 4
        assert list(s.stale_ids(pipeline.fingerprint)) == []
        assert all(s.get(i)["entities"] for i in s.ids())  # type: ignore[index]
        again = ingest(files, s, pipeline)
        assert again.stages_run == 0 and again.unchanged == 4


def test_bad_inputs_are_reported_and_do_not_stop_the_ingest(db: str, corpus: Path, tmp_path: Path,
                                                            pipeline: Any) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"title": "x", "content": ', encoding="utf-8")
    errors: list[str] = []
    ref = corpus / "000_98c889641a669656.txt"
    with open_store(db) as s:
        stats = ingest([str(bad), str(tmp_path / "missing.txt"), str(ref)], s, pipeline,
                       on_error=lambda e: errors.append(str(e)))
        assert stats.errors == 2 and stats.new == 1 and s.count() == 1
    assert any("broken.json" in e for e in errors) and any("missing.txt" in e for e in errors)


# --- search -------------------------------------------------------------------------------------------


def _marked(snippet: str) -> list[str]:
    pattern = re.escape(MARK_OPEN) + "(.*?)" + re.escape(MARK_CLOSE)
    return [html.unescape(m) for m in re.findall(pattern, snippet)]


def test_empty_query_lists_everything_newest_first(store: SqlStore) -> None:
    result = store.search(make_query("", limit=1000))
    assert result.total == store.count() == len(result.results)
    dates = [h.published for h in result.results if h.published]
    assert dates == sorted(dates, reverse=True)
    assert all(h.published is None for h in result.results[len(dates):])


def test_ranked_search_with_snippets_on_the_original_text(store: SqlStore) -> None:
    result = store.search(make_query("داعش"))
    assert result.total >= 1
    assert "98c889641a669656" in {h.id for h in store.search(make_query("داعش", limit=1000)).results} or \
        any("داعش" in (h.title or "") for h in result.results)
    for h in result.results:
        record = store.get(h.id)
        assert record is not None
        marks = _marked(h.snippet)
        assert marks, h.snippet
        for m in marks:
            assert m in record["text"]
            assert "داعش" in query_tokens(m) or query_tokens(m) == ("داعش",)


def test_result_shape(store: SqlStore) -> None:
    d = store.search(make_query("سوريا", limit=3)).to_dict()
    assert set(d) == {"total", "results", "facets"}
    for r in d["results"]:
        assert set(r) == {"id", "title", "source", "published", "snippet", "story"}
    assert set(d["facets"]) == {"source", "published", "category", "entity", "place", "country", "event",
                                "count"}


@pytest.mark.parametrize("text", ['"unbalanced AND (', "(", ")", "a OR", "NOT", "-حمص", "AND حمص", '"',
                                  "حمص (دمشق", "x" * 2000])
def test_malformed_query_is_a_clean_result_with_a_message(store: SqlStore, text: str) -> None:
    with pytest.raises(QueryError) as e:
        make_query(text)
    assert str(e.value)


def test_operators(store: SqlStore) -> None:
    def ids(q: str) -> set[str]:
        return {h.id for h in store.search(make_query(q, limit=1000)).results}

    a, b = ids("سوريا"), ids("روسيا")
    assert a and b
    assert ids("سوريا روسيا") == a & b == ids("سوريا AND روسيا")
    assert ids("سوريا OR روسيا") == a | b
    assert ids("سوريا -روسيا") == a - b == ids("سوريا NOT روسيا")
    assert ids("(سوريا OR روسيا) -حمص") == (a | b) - ids("حمص")
    assert ids("سوري*") >= a


FILTERS = ("source", "category", "entity", "place", "country", "event", "count")


def test_filters_and_their_facets(store: SqlStore) -> None:
    everything = store.search(make_query("", limit=1))
    facets = everything.facets
    for name in FILTERS:
        assert facets[name], name
        value, n = facets[name][0]
        result = store.search(make_query("", limit=1000, **{name: value}))
        assert result.total >= n and result.total == len(result.results), name
        if name in ("source", "event", "count", "country"):
            assert result.total == n, name
        for h in result.results:
            r = store.get(h.id)
            assert r is not None
            if name == "source":
                assert r["source"] == value
            elif name == "event":
                assert value in {e["type"] for e in r["events"]}
            elif name == "count":
                assert value in {c["kind"] for c in r["counts"]}
            elif name == "country":
                assert value in {p["country"] for p in r["places"]}
    month = facets["published"][0][0]
    result = store.search(make_query("", date_from=f"{month}-01", date_to=f"{month}-31", limit=1000))
    assert result.total == facets["published"][0][1]
    assert all(h.published and h.published.startswith(month) for h in result.results)


def test_place_filter_by_geonames_id(store: SqlStore) -> None:
    records = [store.get(i) for i in store.ids()]
    place = next(p for r in records if r for p in r["places"] if p.get("geonameid"))
    by_id = {h.id for h in store.search(make_query("", place=str(place["geonameid"]), limit=1000)).results}
    assert by_id and all(any(p.get("geonameid") == place["geonameid"] for p in store.get(i)["places"])  # type: ignore[index]
                         for i in by_id)


def test_filter_values_are_checked() -> None:
    for kwargs in ({"date_from": "2017-13-01"}, {"country": "Syria"}, {"event": "PARTY"}, {"count": "cats"},
                   {"limit": 0}, {"offset": -1}, {"date_from": "2018-01-02", "date_to": "2018-01-01"}):
        with pytest.raises(QueryError):
            make_query("", **kwargs)  # type: ignore[arg-type]


def test_paging(store: SqlStore) -> None:
    full = [h.id for h in store.search(make_query("", limit=1000)).results]
    page = [h.id for h in store.search(make_query("", limit=5, offset=5)).results]
    assert page == full[5:10]


QUERY_SET = ("سوريا", "داعش", "الحكومة", "وزير الخارجية", '"وزير الخارجية"', "روسيا OR أمريكا",
             "حمص -دمشق", "السعودية", "اقتصاد*", "كأس العالم", "2018", "بالرياض", "الأمم المتحدة")


def test_sqlite_and_postgresql_return_the_same_ids(request: pytest.FixtureRequest) -> None:
    sq, _ = filled("sqlite", request)
    pg, _ = filled("postgres", request)
    try:
        assert sq.ids() == pg.ids()
        nonempty = 0
        for q in QUERY_SET:
            for filters in ({}, {"country": "SY"}, {"event": "ASSAULT"}):
                a = sq.search(make_query(q, limit=1000, **filters))  # type: ignore[arg-type]
                b = pg.search(make_query(q, limit=1000, **filters))  # type: ignore[arg-type]
                assert a.total == b.total, (q, filters)
                assert {h.id for h in a.results} == {h.id for h in b.results}, (q, filters)
                assert a.facets == b.facets, (q, filters)
                nonempty += a.total > 0
        assert nonempty >= 10
        assert [h.id for h in sq.search(make_query("")).results] == \
            [h.id for h in pg.search(make_query("")).results]
    finally:
        sq.close()
        pg.close()


# --- crash safety ---------------------------------------------------------------------------------------


def test_sigkill_mid_ingest_then_rerun_stores_every_article_once(db: str, corpus: Path,
                                                                 request: pytest.FixtureRequest) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    backend = "postgres" if db.startswith("postgresql://") else "sqlite"
    env = {**os.environ, "PYTHONPATH": str(Path(rasd.__file__).parents[1])}
    cmd = [sys.executable, "-m", "rasd", "ingest", str(corpus), "--db", db, "--batch", "3"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed = False
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with open_store(db) as s:
                if s.count() >= 9:
                    proc.send_signal(signal.SIGKILL)
                    killed = True
                    break
        except Exception:  # noqa: BLE001 - the schema may still be being created by the child
            continue
    proc.wait()
    assert killed and proc.returncode == -signal.SIGKILL
    with open_store(db) as s:
        partial = s.count()
    ref, stats = filled(backend, request)
    try:
        assert 9 <= partial < ref.count()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        last = done.stderr.strip().splitlines()[-1]
        assert re.fullmatch(r"stored \d+ new, \d+ unchanged, \d+ duplicates, 0 errors in \d+ s", last), last
        with open_store(db) as s:
            assert s.ids() == ref.ids()
            assert {i: s.sightings(i) for i in s.ids()} == {i: ref.sightings(i) for i in ref.ids()}
            if backend == "sqlite":
                assert s.integrity_check() == ["ok"]  # type: ignore[attr-defined]
            assert s.search(make_query("", limit=1000)).total == ref.count()
    finally:
        ref.close()


def test_facets_of_a_broad_query_count_its_best_ranked_sample(store: SqlStore) -> None:
    q = make_query("سوريا", limit=1000)
    full = store.search(q)
    assert full.facets_sample is None and full.total >= 4
    store.facet_sample = 3
    try:
        capped = store.search(q)
        filtered = store.search(make_query("سوريا", limit=1000, source=full.facets["source"][0][0]))
    finally:
        del store.facet_sample
    assert capped.total == full.total
    assert [h.id for h in capped.results] == [h.id for h in full.results]
    assert capped.facets_sample == 3 and capped.to_dict()["facets_sample"] == 3
    assert sum(n for _, n in capped.facets["source"]) == 3
    best = {h.id for h in full.results[:3]}
    assert {v for v, _ in capped.facets["source"]} == {h.source for h in full.results if h.id in best}
    if filtered.total > 3:
        assert filtered.facets_sample == 3 and sum(n for _, n in filtered.facets["source"]) == 3
