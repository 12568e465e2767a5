"""The desk's timeline: well-formed SVG, stacked daily bars, zero days, readable ticks, empty series."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from rasd.desk import palette
from rasd.desk.svg import text_width
from rasd.desk.svgchart import MARGIN_LEFT, MARGIN_RIGHT, daily_table, date_ticks, render_timeline

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{NS}rect") if e.get("class") == "bar"]


def ticks(root: ET.Element) -> list[ET.Element]:
    axis = next(g for g in root.iter(f"{NS}g") if g.get("class") == "x-axis")
    return [t for t in axis.iter(f"{NS}text")]


def days(n: int, start: date = date(2024, 1, 1)) -> list[str]:
    return [(start + timedelta(days=i)).isoformat() for i in range(n)]


def test_bars_carry_kind_date_value_and_a_title() -> None:
    root = parse(render_timeline({"killed": [("2024-03-01", 5), ("2024-03-03", 2)],
                                  "injured": [("2024-03-01", 7)]}))
    got = {(b.get("data-kind"), b.get("data-date"), b.get("data-value")) for b in bars(root)}
    assert got == {("killed", "2024-03-01", "5"), ("killed", "2024-03-03", "2"),
                   ("injured", "2024-03-01", "7")}
    for b in bars(root):
        assert b.findtext(f"{NS}title") == f"{b.get('data-kind')} {b.get('data-date')} {b.get('data-value')}"
        assert b.get("fill") == palette.colour(b.get("data-kind") or "")


def test_missing_days_are_zero() -> None:
    table_days, table = daily_table({"killed": [("2024-03-01", 5), ("2024-03-05", 2)],
                                     "injured": [("2024-03-03", 1)]})
    assert [d.isoformat() for d in table_days] == days(5, date(2024, 3, 1))
    assert table == {"killed": [5, 0, 0, 0, 2], "injured": [0, 0, 1, 0, 0]}


def test_a_day_given_twice_is_summed() -> None:
    assert daily_table({"killed": [("2024-03-01", 5), ("2024-03-01", 2)]})[1] == {"killed": [7]}


def test_stacked_heights_follow_values() -> None:
    root = parse(render_timeline({"killed": [("2024-03-01", 30)], "injured": [("2024-03-01", 10)]}))
    by_kind = {b.get("data-kind"): b for b in bars(root)}
    k, i = by_kind["killed"], by_kind["injured"]
    assert float(k.get("height", 0)) == pytest.approx(3 * float(i.get("height", 0)), rel=0.01)
    # killed (first in palette order) at the bottom, injured on top of it
    assert float(i.get("y", 0)) + float(i.get("height", 0)) == pytest.approx(float(k.get("y", 0)), abs=0.02)


def test_y_ticks_are_round_and_cover_the_highest_day() -> None:
    root = parse(render_timeline({"killed": [("2024-03-01", 37), ("2024-03-02", 5)]}))
    axis = next(g for g in root.iter(f"{NS}g") if g.get("class") == "y-axis")
    values = [int((t.text or "").replace(",", "")) for t in axis.iter(f"{NS}text")]
    assert values[0] == 0 and values[-1] >= 37 and 3 <= len(values) <= 8
    step = values[1] - values[0]
    assert all(b - a == step for a, b in zip(values, values[1:], strict=False))
    assert str(step).rstrip("0") in ("1", "2", "5")


@pytest.mark.parametrize("n", [1, 2, 7, 31, 90, 400, 1500])
def test_date_ticks_never_overlap(n: int) -> None:
    series = {"killed": [(d, 1 + i % 4) for i, d in enumerate(days(n))]}
    root = parse(render_timeline(series, width=900))
    tk = ticks(root)
    assert 1 <= len(tk) <= (900 - MARGIN_LEFT - MARGIN_RIGHT) // 60
    xs = [float(t.get("x", 0)) for t in tk]
    for (a, ta), (b, _) in zip(zip(xs, tk, strict=True), zip(xs[1:], tk[1:], strict=True), strict=False):
        assert b - a > text_width(ta.text or "", 11) + 4
    if n == 1:
        assert [t.text for t in tk] == ["2024-01-01"]
    if n == 400:
        assert all(len(t.text or "") == 7 for t in tk)  # months, YYYY-MM


def test_date_ticks_fall_on_calendar_boundaries() -> None:
    tk, fmt = date_ticks(date(2024, 1, 10), date(2024, 12, 20), 8)
    assert fmt == "%Y-%m" and all(t.day == 1 for t in tk)
    tk, _ = date_ticks(date(2024, 1, 3), date(2024, 2, 20), 8)  # weeks: Mondays
    assert all(t.weekday() == 0 for t in tk)


@pytest.mark.parametrize("series", [{}, {"killed": []}, {"killed": [], "injured": []}])
def test_empty_series_says_so(series: dict[str, list[tuple[str, int]]]) -> None:
    root = parse(render_timeline(series))
    assert not bars(root)
    assert [e for e in root.iter(f"{NS}text") if e.get("class") == "empty"]


def test_hostile_kind_is_escaped() -> None:
    kind = '<script>alert(1)</script>"\''
    root = parse(render_timeline({kind: [("2024-03-01", 2)]}))
    assert [b.get("data-kind") for b in bars(root)] == [kind]
    assert not [e for e in root.iter() if e.tag.endswith("script")]


def test_a_malformed_date_is_an_error() -> None:
    with pytest.raises(ValueError, match="2024-3-1"):
        render_timeline({"killed": [("2024-3-1", 2)]})


def test_legend_lists_each_kind_with_its_total() -> None:
    root = parse(render_timeline({"injured": [("2024-03-01", 1200)], "killed": [("2024-03-02", 3)]}))
    legend = [e for e in root.iter() if e.get("class") == "legend-kind"]
    assert [e.get("data-kind") for e in legend] == ["killed", "injured"]
    assert "1,200" in "".join(legend[1].itertext())
