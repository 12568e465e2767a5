"""The desk's JSON API on SQLite and PostgreSQL: every endpoint, its filters, and the one error shape."""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from tests.desk.conftest import GOVERNORATES_MAP as GOVERNORATES  # noqa: E402
from tests.desk.conftest import TOKEN


def _is_error(r: Any, status: int) -> str:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}, body
    assert body["error"]["status"] == status and body["error"]["message"]
    return str(body["error"]["message"])


def test_health_counts_the_store(client: Any) -> None:
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["articles"] > 30
    assert body["backend"] in ("sqlite", "postgres")


def test_search_with_a_filter_matches_the_cli_shape(client: Any) -> None:
    r = client.get("/api/search", params={"q": "سوريا", "limit": 5})
    assert r.status_code == 200
    everything = r.json()
    assert set(everything) >= {"total", "results", "facets"}
    assert everything["total"] >= 3
    assert set(everything["results"][0]) == {"id", "title", "source", "published", "snippet", "story"}
    assert all("<mark>" in h["snippet"] for h in everything["results"])
    outlet = everything["facets"]["source"][0]["value"]
    only = client.get("/api/search", params={"q": "سوريا", "source": outlet, "limit": 50}).json()
    assert 0 < only["total"] <= everything["total"]
    assert {h["source"] for h in only["results"]} == {outlet}
    assert only["facets"]["source"] == [{"value": outlet, "count": only["total"]}]


def test_search_pages_do_not_overlap(client: Any) -> None:
    first = client.get("/api/search", params={"limit": 3}).json()
    second = client.get("/api/search", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] > 6
    assert not {h["id"] for h in first["results"]} & {h["id"] for h in second["results"]}


@pytest.mark.parametrize("params, needle", [
    ({"q": "(سوريا"}, "parenthesis"),
    ({"from": "2018-13-01"}, "from"),
    ({"limit": "0"}, "limit"),
    ({"limit": "x"}, "limit"),
    ({"event": "DANCE"}, "DANCE"),
])
def test_bad_search_parameters_are_400_with_the_error_shape(client: Any, params: dict[str, str],
                                                            needle: str) -> None:
    assert needle in _is_error(client.get("/api/search", params=params), 400)


def test_article_is_the_record_with_its_story(client: Any) -> None:
    hit = client.get("/api/search", params={"q": "أسابوف"}).json()["results"][0]
    r = client.get(f"/api/articles/{hit['id']}")
    assert r.status_code == 200
    record = r.json()
    assert record["id"] == hit["id"] and record["story"] == hit["story"]
    assert {"text", "entities", "quotes", "counts", "events", "places", "pipeline"} <= set(record)
    for c in record["counts"]:
        assert record["text"][c["start"]:c["end"]] == c["text"]


def test_unknown_article_story_entity_are_404(client: Any) -> None:
    _is_error(client.get("/api/articles/no-such-id"), 404)
    _is_error(client.get("/api/stories/no-such-story"), 404)
    _is_error(client.get(f"/api/entities/{quote('لا أحد بهذا الاسم')}"), 404)


def test_unknown_path_and_wrong_method_have_the_error_shape(client: Any) -> None:
    assert "/api/nothing" in _is_error(client.get("/api/nothing"), 404)
    _is_error(client.delete("/api/search"), 405)


def _story_with_outlets(client: Any, outlets: int) -> dict[str, Any]:
    stories: dict[str, set[str]] = {}
    for h in client.get("/api/search", params={"limit": 100}).json()["results"]:
        if h["story"]:
            stories.setdefault(h["story"], set()).add(h["source"] or "")
    found = [s for s, o in stories.items() if len(o) >= outlets]
    assert found, stories
    r = client.get(f"/api/stories/{found[0]}")
    assert r.status_code == 200
    return r.json()  # type: ignore[no-any-return]


def test_story_has_two_outlets_side_by_side(client: Any) -> None:
    story = _story_with_outlets(client, 2)
    assert len(story["outlets"]) >= 2 and story["size"] >= 2
    assert story["first_published"] <= story["last_published"]
    assert {a["source"] for a in story["articles"]} == set(story["outlets"])
    for c in story["counts"]:
        assert {rep["source"] for rep in c["reports"]} <= set(story["outlets"])


def test_entity_page_of_a_quoted_minister(client: Any) -> None:
    r = client.get(f"/api/entities/{quote('سيرغي لافروف')}")
    assert r.status_code == 200
    page = r.json()
    assert page["name"] == "سيرغي لافروف" and page["articles_total"] >= 1
    assert len(page["quotes"]) >= 3
    assert all(q["speaker"] == "سيرغي لافروف" for q in page["quotes"])
    article = client.get(f"/api/articles/{page['quotes'][0]['article']}").json()
    q = page["quotes"][0]
    assert article["text"][q["start"]:q["end"]] == q["text"]
    assert page["mentions"] == [{"day": "2017-09-25", "articles": 1}]
    assert page["related"] and all(x["name"] != "سيرغي لافروف" for x in page["related"])


def test_counts_by_place_hold_the_governorates_violations(client: Any) -> None:
    r = client.get("/api/counts", params={"kind": "violations", "by": "place"})
    assert r.status_code == 200
    series = {s["key"]: s for s in r.json()["series"]}
    assert GOVERNORATES <= set(series)
    assert all(s["kind"] == "violations" and s["value"] > 0 for s in series.values())
    syria = client.get("/api/counts", params={"kind": "violations", "by": "place", "country": "SY"}).json()
    assert {s["key"] for s in syria["series"]} >= GOVERNORATES
    assert all(s["country"] == "SY" for s in syria["series"])


def test_counts_by_day_and_date_filter(client: Any) -> None:
    day = client.get("/api/counts", params={"kind": "violations"}).json()["series"]
    assert any(s["key"] == "2017-09-25" and s["value"] >= 5 for s in day)
    later = client.get("/api/counts", params={"kind": "violations", "from": "2017-09-26"}).json()["series"]
    assert all(s["key"] >= "2017-09-26" for s in later)
    backwards = client.get("/api/counts", params={"from": "2018-01-02", "to": "2018-01-01"})
    assert "to" in _is_error(backwards, 400)
    assert "by" in _is_error(client.get("/api/counts", params={"by": "week"}), 400)
    _is_error(client.get("/api/counts", params={"kind": "dancing"}), 400)


def test_map_points_are_geocoded(client: Any) -> None:
    r = client.get("/api/map", params={"kind": "violations"})
    assert r.status_code == 200
    points = r.json()["points"]
    assert GOVERNORATES <= {p["place"] for p in points}
    for p in points:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["value"] > 0


def test_timeline_has_the_reference_days_counts(client: Any) -> None:
    r = client.get("/api/timeline", params={"kind": "violations"})
    assert r.status_code == 200
    body = r.json()
    assert body["counts"]["violations"][0]["day"] == "2017-09-25"
    assert body["events"] == {}
    everything = client.get("/api/timeline").json()
    assert everything["events"], "events per day"


def test_openapi_lists_every_endpoint(client: Any) -> None:
    doc = client.get("/openapi.json").json()
    assert {"/api/search", "/api/articles/{article_id}", "/api/stories/{story_id}", "/api/entities/{name}",
            "/api/counts", "/api/health", "/api/ingest", "/api/map", "/api/timeline"} <= set(doc["paths"])


def test_ingest_needs_the_token(client: Any) -> None:
    body = json.dumps([{"title": "اختبار", "content": "نص"}]).encode()
    _is_error(client.post("/api/ingest", content=body), 401)
    _is_error(client.post("/api/ingest", content=body, headers={"Authorization": "Bearer wrong"}), 401)
    _is_error(client.post("/api/ingest", content=body, headers={"Authorization": TOKEN}), 401)


def test_ingest_with_the_token_stores_and_search_finds(client: Any) -> None:
    before = client.get("/api/health").json()["articles"]
    item = {"source": "api-test", "date": "2019-03-04", "url": "http://example.org/api-test",
            "title": "افتتاح مستشفى جديد في مدينة تدمر",
            "content": "افتتحت وزارة الصحة اليوم مستشفى جديدا في مدينة تدمر يضم 120 سريرا.\n"
                       "وقال مدير المستشفى إن العمل سيبدأ الأسبوع المقبل."}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/ingest", content=json.dumps([item], ensure_ascii=False).encode(), headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["new"] + r.json()["unchanged"] == 1
    assert client.get("/api/health").json()["articles"] in (before, before + 1)
    found = client.get("/api/search", params={"q": "مستشفى تدمر", "source": "api-test"}).json()
    assert found["total"] == 1
    again = client.post("/api/ingest", content=json.dumps([item], ensure_ascii=False).encode(), headers=auth)
    assert again.json()["new"] == 0


def test_ingest_of_a_bad_body_is_400(client: Any) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    _is_error(client.post("/api/ingest", content=b"[1, 2]", headers=auth), 400)
    _is_error(client.post("/api/ingest", content=b"", headers=auth), 400)


def test_timeline_defaults_to_the_days_articles_were_published(client: Any) -> None:
    default = client.get("/api/timeline").json()
    first, last = default["from"], default["to"]
    days = [p["day"] for kind in ("counts", "events") for v in default[kind].values() for p in v]
    assert days and all(first <= d <= last for d in days)
    wide = client.get("/api/timeline", params={"from": "1900-01-01"}).json()
    wide_days = [p["day"] for kind in ("counts", "events") for v in wide[kind].values() for p in v]
    assert min(wide_days) <= min(days)  # a fact dated by a past year is there when asked for
