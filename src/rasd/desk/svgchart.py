"""The desk's timeline as server-rendered SVG: counts by kind per day, stacked bars with round axes.

`render_timeline({"killed": [("2024-03-01", 12), ...], "injured": [...]})` draws one stacked bar per
day from the first to the last day of any series (a day no series names is a zero), kinds stacked in
palette order with the map's colours (`rasd.desk.palette`). Each bar segment carries a tooltip
(`kind date value`) and `class="bar" data-kind data-date data-value`; a zero draws nothing. Date ticks
step by days, weeks, months or years so that their labels never overlap, whatever the span.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from rasd.desk import palette
from rasd.desk.svg import esc, fmt_int, nice_ticks, open_svg, text_width

FONT_SIZE = 11
# Pixels a date label needs with its gap: "2024-03-01" at 11 px is about 64 px wide.
TICK_SPACING = 84
MARGIN_LEFT = 52
MARGIN_RIGHT = 14
MARGIN_BOTTOM = 30
LEGEND_ROW = 18
MAX_BAR = 36  # a week of bars stays bars, not a wall
EMPTY_TEXT = "لا توجد أرقام لهذا الاختيار"

# (unit, step) in increasing size: the first whose ticks fit is used.
_STEPS: tuple[tuple[str, int], ...] = (("day", 1), ("day", 2), ("week", 1), ("week", 2), ("month", 1),
                                       ("month", 2), ("month", 3), ("month", 6), ("year", 1), ("year", 2),
                                       ("year", 5), ("year", 10), ("year", 25), ("year", 50), ("year", 100))


def parse_day(text: str) -> date:
    """`YYYY-MM-DD` as a date; ValueError naming the text otherwise."""
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}") from None


def daily_table(series: Mapping[str, Sequence[tuple[str, int]]]) -> tuple[list[date], dict[str, list[int]]]:
    """Every day from the first to the last of any series, and each kind's value per day (0 when absent).

    A day given twice for one kind is summed; a negative value counts as zero. ([], {}) when empty.
    """
    parsed: dict[str, dict[date, int]] = {}
    for kind, rows in series.items():
        per_day = parsed.setdefault(kind, {})
        for day, value in rows:
            d = parse_day(day)
            per_day[d] = per_day.get(d, 0) + max(0, int(value))
    all_days = [d for per_day in parsed.values() for d in per_day]
    if not all_days:
        return [], {}
    first, last = min(all_days), max(all_days)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return days, {k: [parsed[k].get(d, 0) for d in days] for k in palette.order(list(parsed))}


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def date_ticks(first: date, last: date, max_ticks: int) -> tuple[list[date], str]:
    """The tick dates between `first` and `last` (inclusive) and their label format, at most
    `max_ticks` of them (at least one): every day, 2 days, Monday, 2 Mondays, first of month, ... year."""
    span = (last - first).days + 1
    max_ticks = max(1, max_ticks)
    for unit, step in _STEPS:
        if unit == "day":
            ticks = [first + timedelta(days=i) for i in range(0, span, step)]
            fmt = "%Y-%m-%d"
        elif unit == "week":
            monday = first + timedelta(days=(7 - first.weekday()) % 7)
            ticks = [monday + timedelta(days=i) for i in range(0, (last - monday).days + 1, 7 * step)]
            fmt = "%Y-%m-%d"
        elif unit == "month":
            d = first if first.day == 1 else _add_months(first, 1)
            ticks = []
            while d <= last:
                if (d.month - 1) % step == 0:
                    ticks.append(d)
                d = _add_months(d, 1)
            fmt = "%Y-%m"
        else:
            ticks = [date(y, 1, 1) for y in range(first.year, last.year + 1)
                     if y % step == 0 and first <= date(y, 1, 1) <= last]
            fmt = "%Y"
        if 1 <= len(ticks) <= max_ticks:
            return ticks, fmt
    return [first], "%Y-%m-%d"  # a drawing too narrow for two labels: the first day only


def _legend(kinds: Sequence[str], totals: Mapping[str, int], width: int) -> tuple[list[str], int]:
    """The legend items wrapped into rows across the top, and the height they take."""
    out: list[str] = []
    x, row = float(MARGIN_LEFT), 0
    for k in kinds:
        text = f"{k} ({fmt_int(totals[k])})"
        ar = palette.label_ar(k)
        w = 18 + text_width(text, 12) + (text_width(ar, 12) + 6 if ar else 0) + 16
        if x + w > width - MARGIN_RIGHT and x > MARGIN_LEFT:
            x, row = float(MARGIN_LEFT), row + 1
        y = 6 + row * LEGEND_ROW
        out.append(f'<g class="legend-kind" data-kind="{esc(k)}"><rect x="{x:.0f}" y="{y}" width="12" '
                   f'height="12" rx="2" fill="{palette.colour(k)}"/><text x="{x + 18:.0f}" y="{y + 10}" '
                   f'font-size="12" fill="#222222">{esc(text)}'
                   + (f' <tspan fill="#555555">{esc(ar)}</tspan>' if ar else "") + "</text></g>")
        x += w
    return out, (row + 1) * LEGEND_ROW + 8 if kinds else 8


def render_timeline(series: Mapping[str, Sequence[tuple[str, int]]], *, width: int = 900,
                    height: int = 320, empty_text: str = EMPTY_TEXT) -> str:
    """The timeline as one `<svg>` element (a string): kind -> [(YYYY-MM-DD, value)] as stacked daily bars.

    With no value at all it is a frame holding `empty_text`. ValueError on a malformed date.
    """
    days, table = daily_table(series)
    if not days:
        return (open_svg(width, height, cls="rasd-timeline", label="timeline: no data")
                + f'<rect width="{width}" height="{height}" fill="#fafafa" stroke="#dddddd"/>'
                f'<text class="empty" x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" '
                f'font-size="15" fill="#555555" direction="rtl">{esc(empty_text)}</text></svg>')
    kinds = list(table)
    totals = {k: sum(v) for k, v in table.items()}
    legend, top = _legend(kinds, totals, width)
    plot_w = width - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = max(40, height - top - MARGIN_BOTTOM)
    bottom = top + plot_h
    stacked = [sum(table[k][i] for k in kinds) for i in range(len(days))]
    yticks = nice_ticks(max(stacked), 5)
    ymax = yticks[-1]
    day_w = plot_w / len(days)
    bar_w = min(MAX_BAR, day_w * 0.8 if day_w >= 3 else day_w)

    def y_of(v: float) -> float:
        return bottom - v / ymax * plot_h

    out = [open_svg(width, height, cls="rasd-timeline",
                    label=f"timeline: {len(kinds)} kinds over {len(days)} days"), *legend,
           '<g class="y-axis">']
    for v in yticks:
        y = y_of(v)
        out.append(f'<line x1="{MARGIN_LEFT}" x2="{width - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{"#888888" if v == 0 else "#e4e4e4"}" stroke-width="1"/>'
                   f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
                   f'font-size="{FONT_SIZE}" fill="#444444">{fmt_int(v)}</text>')
    out.append('</g><g class="bars">')
    for i, d in enumerate(days):
        x = MARGIN_LEFT + i * day_w + (day_w - bar_w) / 2
        base = 0
        iso = d.isoformat()
        for k in kinds:
            v = table[k][i]
            if v <= 0:
                continue
            y0, y1 = y_of(base + v), y_of(base)
            out.append(f'<rect class="bar" data-kind="{esc(k)}" data-date="{iso}" data-value="{v}" '
                       f'x="{x:.2f}" y="{y0:.2f}" width="{bar_w:.2f}" height="{y1 - y0:.2f}" '
                       f'fill="{palette.colour(k)}"><title>{esc(f"{k} {iso} {v}")}</title></rect>')
            base += v
    out.append('</g><g class="x-axis">')
    ticks, fmt = date_ticks(days[0], days[-1], int(plot_w // TICK_SPACING))
    for t in ticks:
        x = MARGIN_LEFT + ((t - days[0]).days + 0.5) * day_w
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 4}" stroke="#888888"/>'
                   f'<text class="tick" data-date="{t.isoformat()}" x="{x:.1f}" y="{bottom + 16}" '
                   f'text-anchor="middle" font-size="{FONT_SIZE}" fill="#444444">{t.strftime(fmt)}</text>')
    out.append("</g></svg>")
    return "".join(out)


__all__ = ["EMPTY_TEXT", "daily_table", "date_ticks", "parse_day", "render_timeline"]
