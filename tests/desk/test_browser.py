"""The desk in a real headless Chromium (Debian's `chromium`, driven by Playwright; no browser download).

The desk runs in uvicorn over a SQLite store of the reference article, the samples, real ANT articles
(two stories told by two outlets each) and one hostile article. Screenshots of every page are saved
as test artefacts under `build/test-artifacts/desk/` (or `$RASD_TEST_ARTIFACTS`).
"""
from __future__ import annotations

import json
import os
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from tests.desk.conftest import GOVERNORATES_MAP, HOSTILE_TITLE

CHROMIUM = os.environ.get("RASD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("RASD_TEST_ARTIFACTS")
                 or Path(__file__).resolve().parents[2] / "build" / "test-artifacts" / "desk")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.load(r)


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _reference_id(base: str) -> str:
    return str(_api(base, "/api/search?q=" + quote("أسابوف"))["results"][0]["id"])


def test_search_with_a_filter(live_desk: str, page: Any) -> None:
    page.goto(live_desk + "/")
    page.fill("input[name=q]", "سوريا")
    page.click("form.search button[type=submit]")
    page.wait_for_selector(".hit")
    total = int(page.inner_text(".total .n").replace(",", ""))
    assert total >= 3
    assert page.locator(".hit .snippet mark").count() >= 1
    outlet_link = page.locator('.facet[data-facet="source"] a').first
    outlet = outlet_link.inner_text().strip()
    outlet_link.click()
    page.wait_for_selector(".chip")
    sources = [s.strip() for s in page.locator(".hit .source").all_inner_texts()]
    assert sources and set(sources) == {outlet}
    assert int(page.inner_text(".total .n").replace(",", "")) <= total
    assert page.input_value("input[name=q]") == "سوريا"
    _shot(page, "search")


def test_article_spans_and_a_fact_jumps_to_its_span(live_desk: str, page: Any) -> None:
    page.goto(f"{live_desk}/articles/{_reference_id(live_desk)}")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator(".text .hl.quote").count() >= 8
    assert page.locator(".text .hl.count").count() >= 6
    assert page.locator(".text .hl.ent").count() >= 20
    assert page.locator(".text .hl.event").count() >= 3
    look = ("e => { const s = getComputedStyle(e); return [s.color, s.backgroundColor, s.textDecorationLine, "
            "s.textDecorationColor, s.boxShadow].join('|'); }")
    kinds = ("quote", "count", "ent", "date", "event")
    styles = {}
    for cls in kinds:  # a piece of text covered by facts of this kind only
        alone = f".text .hl.{cls}" + "".join(f":not(.{k})" for k in kinds if k != cls)
        if page.locator(alone).count():
            styles[cls] = page.eval_on_selector(alone, look)
    assert {"quote", "ent", "event"} <= set(styles)
    assert len(set(styles.values())) == len(styles), styles  # distinct colours per kind
    fact = page.locator('.facts a.fact.count').nth(2)
    fid = fact.get_attribute("data-fact")
    fact_text = fact.locator("q").inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    fact.click()
    page.wait_for_function(f"location.hash === '#f-{fid}'")
    current = page.locator(".text .hl.current")
    assert current.count() >= 1
    assert fact_text.rstrip("…").strip()[:10] in "".join(current.all_inner_texts())
    box = current.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]
    assert page.locator(".removed li").count() >= 1  # what cleaning removed
    assert not page.errors
    _shot(page, "article")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "article-top.png"))  # the README's picture (docs/desk.png)


def test_map_draws_the_governorates(live_desk: str, page: Any) -> None:
    page.goto(live_desk + "/map?kind=violations")
    symbols = page.locator("svg .symbol")
    assert symbols.count() >= len(GOVERNORATES_MAP)
    places = {symbols.nth(i).get_attribute("data-place") for i in range(symbols.count())}
    assert GOVERNORATES_MAP <= places
    assert page.locator("svg path.country").count() >= 5  # country outlines around Syria
    assert page.locator('svg path.country[data-iso="SY"]').count() == 1
    radius = {p: float(page.locator(f'svg .symbol[data-place="{p}"]').first.get_attribute("r") or 0)
              for p in GOVERNORATES_MAP}
    values = {p: int(page.locator(f'svg .symbol[data-place="{p}"]').first.get_attribute("data-value") or 0)
              for p in GOVERNORATES_MAP}
    biggest = max(values, key=lambda p: values[p])
    smallest = min(values, key=lambda p: values[p])
    if values[biggest] > values[smallest]:
        assert radius[biggest] > radius[smallest]
    page.select_option("select[name=kind]", "ASSAULT")
    page.click(".filters-inline button")
    page.wait_for_url("**/map?kind=ASSAULT**")
    assert all(k == "ASSAULT" for k in page.locator("svg .symbol").evaluate_all(
        "els => els.map(e => e.getAttribute('data-kind'))"))
    page.goto(live_desk + "/map?kind=violations")
    _shot(page, "map")


def test_timeline_draws_days(live_desk: str, page: Any) -> None:
    page.goto(live_desk + "/timeline?kind=violations")
    bars = page.locator("#counts-chart svg .bar")
    assert bars.count() >= 1
    assert bars.first.get_attribute("data-kind") == "violations"
    assert bars.first.get_attribute("data-date") == "2017-09-25"
    page.goto(live_desk + "/timeline")
    assert page.locator("#events-chart svg .bar").count() >= 2
    _shot(page, "timeline")


def test_entity_page_with_quotes(live_desk: str, page: Any) -> None:
    page.goto(live_desk + "/entities/" + quote("سيرغي لافروف"))
    assert page.inner_text("h1") == "سيرغي لافروف"
    assert page.locator(".quote-item blockquote").count() >= 3
    assert page.locator(".related li").count() >= 3
    page.locator(".quote-item a").first.click()
    page.wait_for_function("location.hash.startsWith('#f-q')")
    assert page.locator(".text .hl.current").count() >= 1
    page.go_back()
    _shot(page, "entity")


def test_story_page_with_two_outlets(live_desk: str, page: Any) -> None:
    stories: dict[str, set[str]] = {}
    for h in _api(live_desk, "/api/search?limit=100")["results"]:
        if h["story"]:
            stories.setdefault(h["story"], set()).add(h["source"])
    story = next(s for s, outlets in stories.items() if len(outlets) >= 2)
    page.goto(f"{live_desk}/stories/{quote(story)}")
    outlets = {r.get_attribute("data-source") for r in page.locator("tr.outlet").all()}
    assert len(outlets) >= 2
    page.locator("tr.outlet a").first.click()
    page.wait_for_url("**/articles/**")
    _shot(page, "story")


def test_nothing_from_an_article_or_a_query_executes(live_desk: str, page: Any) -> None:
    hostile = _api(live_desk, "/api/search?source=hostile-outlet")["results"]
    assert len(hostile) == 1
    for url in (f"/articles/{hostile[0]['id']}", "/?source=hostile-outlet", "/?q=" + quote("عاجل"),
                "/?q=" + quote('<script>window.__pwned="q"</script>')
                + "&place=" + quote('"><img src=x onerror=alert(1)>'),
                "/entities/" + quote('<script>window.__pwned="e"</script>'), "/map?country=" + quote("<b>")):
        page.goto(live_desk + url)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.evaluate("document.querySelectorAll('[onerror], [onmouseover]').length") == 0, url
        assert page.evaluate("[...document.scripts].every(s => s.src.endsWith('/static/desk.js'))"), url
    assert not page.dialogs
    page.goto(f"{live_desk}/articles/{hostile[0]['id']}")
    assert page.inner_text("h1") == HOSTILE_TITLE  # shown as text, not run
    assert "<img src=\"x\" onerror=" in page.inner_text(".text")
    page.goto(live_desk + "/?q=" + quote('<script>window.__pwned="q"</script>'))
    assert page.input_value("input[name=q]") == '<script>window.__pwned="q"</script>'
    _shot(page, "escaping")


@pytest.mark.parametrize("path", ["/", "/articles/{ref}", "/map", "/timeline"])
def test_pages_fit_a_phone(live_desk: str, browser: Any, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(live_desk + path.replace("{ref}", _reference_id(live_desk)))
    overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{path}: {overflow}px wider than the phone"
    if path == "/":
        pg.screenshot(path=str(ARTIFACTS / "phone-search.png"))
    context.close()
