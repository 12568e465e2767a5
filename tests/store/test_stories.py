"""Stories on a real SQLite file and a real PostgreSQL: every stored record carries one, a light edit
of an article under another URL joins its story, ids are stable across runs, the state is rebuilt
from the store, and a story lists its articles, outlets, dates and the counts side by side."""
from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from tests.store.stores import filled

from rasd.ingest import ingest
from rasd.store import SqlStore, open_store
from rasd.stories import (
    Incoming,
    Signer,
    Stories,
    StoryParams,
    get_story,
    shingles,
    similarity,
    story_summary,
)


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> Any:
    s, _ = filled(request.param, request)
    yield s
    s.close()


def test_every_record_carries_a_story_that_holds_it(store: SqlStore) -> None:
    sizes = store.story_sizes()
    for i in store.ids():
        rec = store.get(i)
        assert rec is not None and rec["story"] in sizes
        assert store.get(rec["story"]) is not None  # a story id is the id of its first article
    assert sum(sizes.values()) == store.count()


def _saudi_items(corpus: Path) -> list[dict[str, Any]]:
    path = next((corpus / "saudi").glob("*.json"))
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_light_edit_under_another_url_joins_the_story(db: str, corpus: Path, pipeline: Any,
                                                      tmp_path: Path) -> None:
    items = _saudi_items(corpus)[:6]
    first = items[0]
    paras = first["content"].split("\n")
    edit = dict(first, url="http://syndicated.example.com/a/1", source="syndicated",
                title=first["title"] + " (محدث)", content="\n".join(paras[:-1]) + "\nتابعونا على تويتر.")
    f1, f2 = tmp_path / "day.json", tmp_path / "copy.json"
    f1.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    f2.write_text(json.dumps([edit], ensure_ascii=False), encoding="utf-8")
    with open_store(db) as s:
        ingest([str(f1)], s, pipeline)
        before = {i: s.get(i)["story"] for i in s.ids()}  # type: ignore[index]
        ingest([str(f2)], s, pipeline)
        after = {i: s.get(i)["story"] for i in s.ids()}  # type: ignore[index]
        assert len(after) == len(before) + 1 and all(after[i] == before[i] for i in before)
        new = (set(after) - set(before)).pop()
        orig = next(i for i in before if s.get(i)["url"] == first["url"])  # type: ignore[index]
        assert after[new] == after[orig] == orig
        story = get_story(s, orig)
        assert story is not None and story["size"] == len([i for i in after if after[i] == orig])
        assert {a["id"] for a in story["articles"]} >= {orig, new}
        assert "syndicated" in story["outlets"] and len(story["outlets"]) >= 2
        assert story["first_published"] <= story["last_published"]
        assert get_story(s, "no-such-story") is None
        ingest([str(f1), str(f2)], s, pipeline)  # a re-run changes nothing
        assert {i: s.get(i)["story"] for i in s.ids()} == after  # type: ignore[index]


def test_state_is_rebuilt_from_the_store(db: str, corpus: Path, pipeline: Any, tmp_path: Path) -> None:
    items = _saudi_items(corpus)
    f1 = tmp_path / "day.json"
    f1.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    with open_store(db) as s:
        ingest([str(f1)], s, pipeline, stories=False)  # as if killed between the two transactions
        assert all(s.get(i)["story"] is None for i in s.ids())  # type: ignore[index]
        Stories(s)  # a new process opening the index places what has no story
        assert all(s.get(i)["story"] for i in s.ids())  # type: ignore[index]
        placed = {i: s.get(i)["story"] for i in s.ids()}  # type: ignore[index]
        Stories(s, StoryParams(shingle=3))  # other parameters: re-signed, story ids kept
        assert {i: s.get(i)["story"] for i in s.ids()} == placed  # type: ignore[index]
        assert s.story_settings()["shingle"] == "3"


def test_time_window() -> None:
    signer = Signer()
    a = signer.signature("عنوان", "انفجار في سوق مدينة حمص أسفر عن مقتل ثلاثة أشخاص وإصابة عشرة آخرين")
    b = signer.signature("عنوان", "انفجار في سوق مدينة حمص أسفر عن مقتل ثلاثة أشخاص وإصابة عشرة آخرين أمس")
    assert a is not None and b is not None and similarity(a, b) > 0.7
    assert shingles("والحكومةُ أعلنت في", 1) == shingles("الحكومه اعلنت", 1) == {"حكومه", "اعلنت"}


def test_far_apart_copies_are_separate_stories(db: str) -> None:
    text = "انفجار في سوق مدينة حمص أسفر عن مقتل ثلاثة أشخاص وإصابة عشرة آخرين بحسب مصادر طبية"
    with open_store(db) as s:
        from rasd.store import StoredArticle
        recs = [{"id": f"a{i}", "title": "t", "text": text + " " * i + f" {w}", "published": d,
                 "source": "x", "url": f"http://x/{i}", "entities": [], "places": [], "events": [],
                 "counts": []} for i, (d, w) in enumerate([("2020-01-01", "أ"), ("2020-01-02", "ب"),
                                                            ("2020-03-01", "ج")])]
        s.put_batch([StoredArticle.from_record(r) for r in recs], [])
        got = Stories(s).assign([Incoming(r["id"], r["title"], r["text"], r["published"]) for r in recs])
        assert got == {"a0": "a0", "a1": "a0", "a2": "a2"}


@pytest.mark.parametrize("one_batch", [True, False])
def test_daily_template_does_not_chain_past_the_span(db: str, one_batch: bool) -> None:
    """A same-outlet daily bulletin (near-identical text every day) joins its neighbours of the window
    but no story lasts longer than `span_days`, whether the days arrive in one batch or one by one."""
    text = "مواقيت الصلاة اليوم في مدينة الرياض الفجر والظهر والعصر والمغرب والعشاء حسب تقويم ام القرى"
    days = [datetime.date(2020, 1, 1) + datetime.timedelta(days=i) for i in range(20)]
    recs = [{"id": f"d{i:02d}", "title": "مواقيت الصلاة", "text": f"{text} {d.isoformat()}",
             "published": d.isoformat(), "source": "x", "url": f"http://x/{i}", "entities": [], "places": [],
             "events": [], "counts": []} for i, d in enumerate(days)]
    incoming = [Incoming(r["id"], r["title"], r["text"], r["published"]) for r in recs]
    with open_store(db) as s:
        from rasd.store import StoredArticle
        index = Stories(s)
        got: dict[str, str] = {}
        for lo, hi in ([(0, len(recs))] if one_batch else [(i, i + 1) for i in range(len(recs))]):
            s.put_batch([StoredArticle.from_record(r) for r in recs[lo:hi]], [])
            got |= index.assign(incoming[lo:hi])
        assert got["d01"] == got["d00"] == "d00"  # the next day's bulletin still joins
        span = 7  # a week at most (StoryParams.span_days)
        for story in set(got.values()):
            members = sorted(i for i, st in got.items() if st == story)
            first, last = days[int(members[0][1:])], days[int(members[-1][1:])]
            assert (last - first).days <= span
        assert len(set(got.values())) >= len(days) // (span + 1)
        rows = {i: (n, a, b) for i, n, a, b in s.story_rows()}
        for story, (n, a, b) in rows.items():
            assert n == sum(1 for st in got.values() if st == story)
            assert (datetime.date.fromisoformat(b[:10]) - datetime.date.fromisoformat(a[:10])).days <= span


def test_counts_side_by_side() -> None:
    def rec(i: str, source: str, n: int, kind: str = "violations") -> dict[str, Any]:
        return {"id": i, "title": i, "source": source, "published": f"2020-01-0{len(i)}", "url": None,
                "counts": [{"kind": kind, "count": n, "qualifier": "exact", "place": {"name": "حمص"}}]}
    s = story_summary("a", [rec("a", "SANA", 3), rec("bb", "Sky News", 4), rec("ccc", "Sky News", 2),
                            rec("dddd", "SANA", 7, "killed")])
    assert s is not None and s["outlets"] == ["SANA", "Sky News"] and s["size"] == 4
    assert (s["first_published"], s["last_published"]) == ("2020-01-01", "2020-01-04")
    first = s["counts"][0]
    assert (first["kind"], first["place"], first["line"]) == ("violations", "حمص", "SANA: 3; Sky News: 4")
    assert [r["article"] for r in first["reports"]] == ["a", "bb"]
    assert s["counts"][1]["line"] == "SANA: 7"
