"""The desk's HTML pages: rendered on the server (Jinja2, autoescaped) from the dicts of `queries`.

Each page has a JSON twin under `/api` computed by the same function with the same parameters. Text
from articles and from the request is escaped by the templates; the only markup inserted as is comes
from `highlight.render_text`, the search snippets and the SVG drawings, which escape every piece of
text they hold themselves.
"""
from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from rasd.desk import queries
from rasd.desk.highlight import KIND_LABELS, facts_of, render_text
from rasd.search import COUNT_KINDS, EVENT_TYPES
from rasd.store.sql import SqlStore
from rasd.version import __version__

TEMPLATES = Path(__file__).parent / "templates"
SEARCH_PARAMS = ("q", "source", "category", "from", "to", "entity", "place", "country", "event", "count")

FACET_LABELS = {"source": "المصدر", "published": "الشهر", "category": "التصنيف", "entity": "الكيانات",
                "place": "الأماكن", "country": "الدول", "event": "الأحداث", "count": "الأعداد"}
COUNT_LABELS = {"killed": "قتلى", "injured": "جرحى", "arrested": "معتقلون", "kidnapped": "مختطفون",
                "missing": "مفقودون", "displaced": "نازحون", "strikes": "ضربات", "violations": "خروقات",
                "attackers": "مهاجمون", "other": "أخرى"}

_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)


def _number(n: Any) -> str:
    return f"{n:,}" if isinstance(n, int) else str(n)


_env.filters["number"] = _number
_env.filters["urlpart"] = lambda s: quote(str(s), safe="")
_env.globals.update(version=__version__, count_labels=COUNT_LABELS, event_types=sorted(EVENT_TYPES),
                    count_kinds=sorted(COUNT_KINDS), facet_labels=FACET_LABELS, kind_labels=KIND_LABELS)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = _env.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def _params(request: Request, names: tuple[str, ...]) -> dict[str, str | None]:
    return {n: request.query_params.get(n) for n in names}


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise queries.DeskError(400, f"{name}: not a number: {raw!r}") from None
    if not low <= value <= high:
        raise queries.DeskError(400, f"{name}: must be between {low} and {high}")
    return value


def _link(base: str, params: Mapping[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for k, v in changes.items():
        if v in (None, ""):
            merged.pop(k, None)
        else:
            merged[k] = v
    return base + ("?" + urlencode(merged) if merged else "")


def _month_range(month: str) -> tuple[str, str] | None:
    try:
        y, m = (int(x) for x in month.split("-")[:2])
        last = calendar.monthrange(y, m)[1]
        return datetime.date(y, m, 1).isoformat(), datetime.date(y, m, last).isoformat()
    except (ValueError, TypeError):
        return None


def add_pages(app: FastAPI, store: Callable[[], SqlStore]) -> None:
    """Register the pages on `app`; `store()` gives this thread's store."""

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request) -> HTMLResponse:
        params = _params(request, SEARCH_PARAMS)
        limit = _int(request, "limit", 20, 1, queries.MAX_PAGE)
        offset = _int(request, "offset", 0, 0, 1_000_000)
        result = queries.search(store(), params, limit=limit, offset=offset)
        facets = []
        for name, values in result["facets"].items():
            links = []
            for v in values:
                if name == "published":
                    rng = _month_range(v["value"])
                    href = _link("/", params, **{"from": rng[0], "to": rng[1]}) if rng else "/"
                else:
                    href = _link("/", params, **{name: v["value"]})
                links.append({"value": v["value"], "count": v["count"], "href": href})
            facets.append({"name": name, "label": FACET_LABELS.get(name, name), "values": links})
        active = [{"name": k, "value": v, "drop": _link("/", params, **{k: None})}
                  for k, v in params.items() if k != "q" and v]
        pages = {
            "prev": _link("/", params, offset=max(0, offset - limit) or None) if offset > 0 else None,
            "next": _link("/", params, offset=offset + limit) if offset + limit < result["total"] else None,
        }
        results = [{**r, "snippet": Markup(r["snippet"])} for r in result["results"]]
        return render(request, "search.html", params=params, result=result, results=results, facets=facets,
                      active=active, pages=pages, offset=offset, limit=limit,
                      api=_link("/api/search", params, limit=limit, offset=offset or None))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        s = store()
        record = queries.article(s, article_id)
        facts = facts_of(record)
        body = Markup(render_text(record.get("text") or "", facts))
        groups: dict[str, list[Any]] = {}
        for f in facts:
            groups.setdefault(f.kind, []).append(f)
        return render(request, "article.html", record=record, body=body, groups=groups,
                      others=queries.story_of_article(s, record), api=f"/api/articles/{quote(article_id)}")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        st = queries.story(store(), story_id)
        return render(request, "story.html", story=st, api=f"/api/stories/{quote(story_id)}")

    @app.get("/entities/{name}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, name: str) -> HTMLResponse:
        page = queries.entity(store(), name)
        chart = _drawing_timeline({"mentions": [(m["day"], m["articles"]) for m in page["mentions"]]})
        return render(request, "entity.html", entity=page, chart=chart,
                      api=f"/api/entities/{quote(name, safe='')}")

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        params = _params(request, ("kind", "country", "from", "to"))
        data = queries.map_points(store(), params)
        svg = _drawing_map(data["points"], data["country"])
        return render(request, "map.html", params=params, data=data, svg=svg,
                      kinds=sorted(COUNT_KINDS) + sorted(EVENT_TYPES), api=_link("/api/map", params))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request) -> HTMLResponse:
        params = _params(request, ("kind", "place", "actor", "from", "to"))
        data = queries.timeline(store(), params)
        return render(request, "timeline.html", params=params, data=data,
                      count_charts=_small_multiples(data["counts"], data), event_charts=_small_multiples(
                          data["events"], data), kinds=sorted(COUNT_KINDS) + sorted(EVENT_TYPES),
                      api=_link("/api/timeline", params))


def _drawing_map(points: list[dict[str, Any]], country: str | None) -> Markup:
    from rasd.desk.svgmap import MapPoint, render_map
    symbols = [MapPoint(name=p["place"] or "", lat=p["lat"], lon=p["lon"], value=int(p["value"]),
                        kind=p["kind"],
                        href=_link("/", {}, place=p["place"], **({"count": p["kind"]} if p["what"] == "counts"
                                                                 else {"event": p["kind"]})),
                        detail=f"{p['stories']} قصة")
               for p in points]
    return Markup(render_map(symbols, country=country))


def _small_multiples(series: Mapping[str, list[dict[str, Any]]], data: Mapping[str, Any]
                     ) -> list[dict[str, Any]]:
    """One chart per kind, each with its own scale (3,000,000 displaced would flatten 5 killed), all
    on the same days: the range asked for, else the first to the last day of any kind."""
    days = [p["day"] for v in series.values() for p in v]
    first = data.get("from") or (min(days) if days else None)
    last = data.get("to") or (max(days) if days else None)
    charts = []
    order = sorted(series, key=lambda k: -sum(p["value"] for p in series[k]))
    for kind in order:
        points = [(p["day"], p["value"]) for p in series[kind]]
        ends = [(d, 0) for d in (first, last) if d]
        charts.append({"kind": kind, "label": COUNT_LABELS.get(kind, kind),
                       "total": sum(v for _, v in points),
                       "svg": _drawing_timeline({kind: points + ends}, height=170)})
    return charts


def _drawing_timeline(series: Mapping[str, list[tuple[str, int]]], *, height: int = 320) -> Markup:
    from rasd.desk.svgchart import render_timeline
    return Markup(render_timeline(series, height=height))


__all__ = ["add_pages", "error_page", "render"]
