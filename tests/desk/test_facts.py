"""The fact tables behind the desk (migration 4): one figure per story, disagreements shown, the actor
filter, and the backfill of an older store, on SQLite and PostgreSQL."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.store.stores import new_pg_db

from rasd.ingest import ingest
from rasd.store import open_store
from rasd.store.facts_sql import FactFilter

BASE = ("أفادت مصادر محلية أن {n} أشخاص قتلوا اليوم في قصف استهدف سوقا شعبيا في مدينة حمص وسط سوريا، "
        "وأضافت المصادر أن القصف أدى إلى دمار واسع في المحال التجارية والمنازل المجاورة للسوق. "
        "وقال شهود عيان إن فرق الدفاع المدني هرعت إلى المكان لانتشال الضحايا من تحت الأنقاض، "
        "فيما أغلقت السلطات الطرق المؤدية إلى السوق حتى إشعار آخر.{tail}")


@pytest.fixture(params=["sqlite", "postgres"])
def story_db(request: pytest.FixtureRequest, tmp_path: Path, desk_pipeline: Any) -> str:
    db = str(tmp_path / "facts.db") if request.param == "sqlite" else new_pg_db(
        request.getfixturevalue("pg_server"))
    items = [
        {"source": "outlet-a", "date": "2018-04-02", "url": "http://a.example/1",
         "title": "قتلى في قصف على حمص",
         "content": BASE.format(n=5, tail="")},
        {"source": "outlet-b", "date": "2018-04-02", "url": "http://b.example/1",
         "title": "قتلى بقصف سوق حمص",
         "content": BASE.format(n=7, tail=" وتواصل فرق الإنقاذ عملها.")},
        {"source": "outlet-a", "date": "2018-04-20", "url": "http://a.example/2",
         "title": "اعتقال ثلاثة في اللاذقية",
         "content": "اعتقلت قوات الأمن ثلاثة أشخاص في مدينة اللاذقية بتهمة التهريب، "
                    "وفق ما أعلنت وزارة الداخلية."},
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    with open_store(db) as store:
        stats = ingest([str(path)], store, desk_pipeline)
        assert stats.new == 3
    return db


def test_a_figure_counts_once_per_story_and_disagreement_shows(story_db: str) -> None:
    with open_store(story_db) as store:
        killed = store.count_series(FactFilter(kind="killed", place="حمص"), by="place")["series"]
        assert len(killed) == 1
        s = killed[0]
        assert s["key"] == "حمص" and s["kind"] == "killed"
        # The two outlets told one story (test_the_two_outlets_are_one_story): one figure, the highest,
        # with both figures shown as a disagreement.
        assert s["value"] == 7 and s["stories"] == 1 and s["articles"] == 2
        assert s["disagreements"][0]["values"] == [5, 7]
        by_day = store.count_series(FactFilter(kind="killed"), by="day")["series"]
        assert [(x["key"], x["value"]) for x in by_day] == [("2018-04-02", s["value"])]


def test_the_two_outlets_are_one_story(story_db: str) -> None:
    with open_store(story_db) as store:
        homs = {r["story"] for r in store.iter_records() if "حمص" in r["title"]}
    assert len(homs) == 1


def test_date_country_and_place_filters(story_db: str) -> None:
    with open_store(story_db) as store:
        assert store.count_series(FactFilter(date_from="2018-04-03"), by="day")["series"] == [
            x for x in store.count_series(FactFilter(), by="day")["series"] if x["key"] >= "2018-04-03"]
        assert store.count_series(FactFilter(country="EG"), by="place")["series"] == []
        arrested = store.map_points(FactFilter(kind="arrested"), "counts")
        assert [(p["place"], p["value"]) for p in arrested] == [("اللاذقية", 3)]


def test_actor_filter_keeps_only_that_actors_events(sqlite_desk: str) -> None:
    with open_store(sqlite_desk) as store:
        rows = store._execute("SELECT actors FROM event_facts WHERE actors <> '' LIMIT 1").fetchone()
        actor = rows[0].strip("|").split("|")[0]
        everything = store.event_series(FactFilter())
        only = store.event_series(FactFilter(actor=actor))
        assert 0 < sum(x["value"] for x in only) < sum(x["value"] for x in everything)
        events = [e for r in store.iter_records() for e in r["events"]]
        from rasd.search import name_key
        assert any(actor in [name_key(a) for a in e.get("actor") or []] for e in events)


def test_an_older_store_is_backfilled(story_db: str) -> None:
    with open_store(story_db) as store:
        before = dict(store.iter_fact_counts())
        assert before["count_facts"] >= 3 and before["quote_facts"] >= 0
        # Make it a store of migrations 1-3: drop the fact tables and their ledger row.
        with store._transaction():
            for table in ("count_facts", "event_facts", "quote_facts"):
                store._execute(f"DROP TABLE {table}")
            store._execute("DELETE FROM rasd_migrations WHERE version = 4")
    with open_store(story_db) as store:  # opening migrates: 4 runs again and fills the tables
        assert [v for v, _ in store.migrations()][-1] == 4
        assert dict(store.iter_fact_counts()) == before
        assert store.count_series(FactFilter(kind="killed"), by="place")["series"][0]["key"] == "حمص"
