"""The desk's map: well-formed SVG, one symbol per place and kind, areas by value, escaping, zoom."""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from rasd.desk import palette
from rasd.desk.atlas import load_atlas
from rasd.desk.svgmap import (
    DEFAULT_VIEW,
    MIN_EXTENT,
    MapPoint,
    Projection,
    choose_view,
    merge_points,
    render_map,
)

NS = "{http://www.w3.org/2000/svg}"
SYRIA = [
    MapPoint("حمص", 34.73, 36.72, 40, "killed", "/articles/a1", "3 articles"),
    MapPoint("حماة", 35.13, 36.75, 12, "killed"),
    MapPoint("اللاذقية", 35.52, 35.79, 3, "injured"),
    MapPoint("ريف دمشق", 33.5, 36.4, 100, "strikes"),
    MapPoint("درعا", 32.62, 36.10, 7, "ASSAULT"),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything not well-formed


def symbols(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == "symbol"]


def test_one_symbol_per_place_with_its_data() -> None:
    root = parse(render_map(SYRIA))
    got = {(e.get("data-place"), e.get("data-kind"), e.get("data-value")) for e in symbols(root)}
    assert got == {(p.name, p.kind, str(p.value)) for p in SYRIA}
    assert all(e.tag == f"{NS}circle" for e in symbols(root))


def test_symbol_area_follows_value_and_large_ones_are_drawn_first() -> None:
    root = parse(render_map(SYRIA))
    drawn = [(int(e.get("data-value", "0")), float(e.get("r", "0"))) for e in symbols(root)]
    assert [v for v, _ in drawn] == sorted((p.value for p in SYRIA), reverse=True)  # document order
    radii = [r for _, r in drawn]
    assert radii == sorted(radii, reverse=True)
    (v1, r1), (v2, r2) = drawn[0], drawn[1]  # 100 and 40: both above the minimum radius
    assert r2**2 / r1**2 == pytest.approx(v2 / v1, rel=0.02)


def test_link_and_tooltip() -> None:
    root = parse(render_map(SYRIA))
    links = [a for a in root.iter(f"{NS}a") if a.find(f"{NS}circle") is not None]
    assert [a.get("href") for a in links] == ["/articles/a1"]
    homs = next(e for e in symbols(root) if e.get("data-place") == "حمص")
    title = homs.findtext(f"{NS}title") or ""
    assert "حمص" in title and "40" in title and "killed" in title and "3 articles" in title


def test_colour_comes_from_the_shared_palette() -> None:
    root = parse(render_map(SYRIA))
    for e in symbols(root):
        assert e.get("fill") == palette.colour(e.get("data-kind") or "")
    assert palette.colour("no-such-kind") == palette.FALLBACK


HOSTILE = '<script>alert("x")</script>\'"><img src=x onerror=alert(1)>'


def test_hostile_names_do_not_break_out() -> None:
    pts = [MapPoint(HOSTILE, 34.7, 36.7, 5, '"><svg onload=alert(1)>', "javascript:alert(1)", HOSTILE),
           MapPoint("ok", 33.5, 36.3, 2, "killed", "/articles/x?a=1&b=2")]
    svg = render_map(pts)
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "img", "foreignObject")]
    assert not any(k.lower().startswith("on") for e in root.iter() for k in e.attrib)
    hostile = next(e for e in symbols(root) if e.get("data-place") == HOSTILE)  # the name, intact
    assert hostile.get("data-kind") == '"><svg onload=alert(1)>'
    assert HOSTILE in (hostile.findtext(f"{NS}title") or "")
    hrefs = [a.get("href") for a in root.iter(f"{NS}a")]
    assert hrefs == ["/articles/x?a=1&b=2"]  # the javascript: link is dropped, the & survives
    assert "<script" not in svg and "javascript:" not in svg


def test_control_characters_in_a_name_keep_the_svg_well_formed() -> None:
    parse(render_map([MapPoint("حمص\x00\x1b", 34.7, 36.7, 1, "killed")]))


def test_duplicates_are_summed() -> None:
    pts = [MapPoint("حمص", 34.73, 36.72, 4, "killed"), MapPoint("حمص", 34.73, 36.72, 6, "killed", "/a"),
           MapPoint("حمص", 34.73, 36.72, 2, "injured")]
    merged = {(p.name, p.kind): p for p in merge_points(pts)}
    assert merged[("حمص", "killed")].value == 10 and merged[("حمص", "killed")].href == "/a"
    root = parse(render_map(pts))
    assert sorted(e.get("data-value") for e in symbols(root)) == ["10", "2"]


def test_points_off_the_globe_are_dropped() -> None:
    pts = [MapPoint("x", 95.0, 10.0, 3, "killed"), MapPoint("y", float("nan"), 10.0, 3, "killed"),
           MapPoint("حمص", 34.73, 36.72, 1, "killed")]
    assert [p.name for p in merge_points(pts)] == ["حمص"]


def test_arabic_labels_are_right_to_left() -> None:
    root = parse(render_map(SYRIA))
    labels = [e for e in root.iter(f"{NS}text") if e.get("class") == "label"]
    assert "ريف دمشق" in {e.text for e in labels}
    assert all(e.get("direction") == "rtl" for e in labels)


def test_legend_lists_each_kind_once() -> None:
    root = parse(render_map(SYRIA))
    kinds = [e.get("data-kind") for e in root.iter() if e.get("class") == "legend-kind"]
    assert kinds == palette.order([p.kind for p in SYRIA])


def _country_box(root: ET.Element, iso: str) -> tuple[float, float, float, float]:
    """The pixel bounds of a country's path (its relative `l` steps added up)."""
    path = next(e for e in root.iter(f"{NS}path") if e.get("data-iso") == iso)
    xs: list[float] = []
    ys: list[float] = []
    for sub in re.findall(r"M([^l]+)l([^z]*)z", path.get("d", "")):
        x, y = map(float, sub[0].split())
        xs.append(x)
        ys.append(y)
        nums = list(map(float, sub[1].split()))
        for dx, dy in zip(nums[::2], nums[1::2], strict=True):
            x, y = x + dx, y + dy
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_country_zoom_fills_the_drawing() -> None:
    root = parse(render_map(SYRIA, country="SY", width=900, height=560))
    x0, y0, x1, y1 = _country_box(root, "SY")
    assert x1 - x0 > 0.8 * 900 or y1 - y0 > 0.8 * 560
    assert x0 > -1 and y0 > -1 and x1 < 901 and y1 < 561  # all of it inside
    # Egypt zoom: Syria is off to the north-east, partly or wholly outside
    root = parse(render_map(SYRIA, country="eg"))
    x0, y0, x1, y1 = _country_box(root, "EG")
    assert x1 - x0 > 0.8 * 900 or y1 - y0 > 0.8 * 560


def test_unknown_country_is_ignored() -> None:
    assert render_map(SYRIA, country="ZZ") == render_map(SYRIA)


def test_a_single_point_is_not_a_huge_zoom() -> None:
    view = choose_view(merge_points([SYRIA[0]]), None, load_atlas())
    assert view[2] - view[0] >= MIN_EXTENT and view[3] - view[1] >= MIN_EXTENT
    vis = Projection(view, 900, 560).visible()
    assert vis[0] < 36.72 < vis[2] and vis[1] < 34.73 < vis[3]


def test_no_points_shows_the_middle_east_and_north_africa() -> None:
    assert choose_view([], None, load_atlas()) == DEFAULT_VIEW
    root = parse(render_map([]))
    drawn = {e.get("data-iso") for e in root.iter(f"{NS}path")}
    assert {"MA", "DZ", "EG", "SY", "IQ", "SA", "IR", "TR"} <= drawn
    assert "US" not in drawn and "CN" not in drawn  # off the view: not in the markup
    assert not symbols(root)
    assert [e for e in root.iter(f"{NS}text") if e.get("class") == "empty"]


def test_projection_keeps_north_up_and_east_right() -> None:
    proj = Projection(DEFAULT_VIEW, 900, 560)
    hx, hy = proj(36.72, 34.73)  # Homs
    dx, dy = proj(44.36, 33.31)  # Baghdad: east and a little south
    assert dx > hx and dy > hy
    cx, cy = proj(*_centre(DEFAULT_VIEW))
    assert math.isclose(cx, 450) and math.isclose(cy, 280)


def _centre(b: tuple[float, float, float, float]) -> tuple[float, float]:
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


@pytest.mark.parametrize("width", [360, 900])
def test_legend_sizes_match_the_symbols(width: int) -> None:
    """A size circle of the legend is drawn as large on screen as a symbol of the same value."""
    pts = [MapPoint("a", 34.7, 36.7, 100, "killed"), MapPoint("b", 33.5, 36.3, 20, "killed")]
    root = parse(render_map(pts, width=width, height=480))
    legend = next(e for e in root.iter(f"{NS}g") if e.get("class") == "legend")
    scale = float(re.search(r"scale\(([\d.]+)\)", legend.get("transform", "")).group(1))  # type: ignore[union-attr]
    sizes = {e.get("data-value"): float(e.get("r", 0)) * scale for e in legend.iter(f"{NS}circle")
             if e.get("class") == "legend-size"}
    drawn = {e.get("data-value"): float(e.get("r", 0)) for e in symbols(root)}
    assert sizes["100"] == pytest.approx(drawn["100"], abs=0.1)
    assert sizes["20"] == pytest.approx(drawn["20"], abs=0.1)
