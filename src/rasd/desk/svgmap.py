"""The desk's map as server-rendered SVG: country outlines and proportional symbols per place and kind.

`render_map(points)` draws the shipped Natural Earth outlines (`rasd.desk.atlas`) in an equirectangular
projection whose x axis is shrunk by the cosine of the view's middle latitude (shapes stay true near
that parallel, which is all a regional view needs), fitted to the points, to one country
(`country="SY"`), or to the Middle East and North Africa when there is nothing to show. Each point is a
circle whose area is proportional to its value, drawn largest first so the small ones on top stay
clickable; a link when it has one, a tooltip always, and `class="symbol" data-place data-kind
data-value` for scripts and tests. No JavaScript, nothing from the internet.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rasd.desk import palette
from rasd.desk.atlas import Atlas, BBox, Country, Polygon, load_atlas
from rasd.desk.svg import esc, fmt_int, open_svg, safe_href, text_width

# lon_min, lat_min, lon_max, lat_max: Mauritania to Iran, the Sahel to Turkey.
DEFAULT_VIEW: BBox = (-18.0, 10.0, 63.0, 42.0)
# A view around points is at least this many degrees tall and wide (a single town stays in its
# region instead of filling the map), and padded by PAD of its extent on each side.
MIN_EXTENT = 3.0
PAD = 0.15
COUNTRY_PAD = 0.06
# Symbol radii in pixels: the largest value gets MAX_RADIUS_FRACTION of the map's shorter side; a
# tiny value is still drawn at MIN_RADIUS so it can be seen and clicked.
MAX_RADIUS_FRACTION = 0.07
MIN_RADIUS = 3.0
# At most this many places get a written name on the map (the largest symbols); the rest have tooltips.
MAX_LABELS = 12
# Outlines are simplified in pixels to this tolerance (Douglas-Peucker): half a pixel is invisible.
SIMPLIFY_PX = 0.5
LAND = "#f2efe6"
LAND_FOCUS = "#e4dcc4"
BORDER = "#a39e8f"
SEA = "#dde9f0"


@dataclass(frozen=True)
class MapPoint:
    """One symbol: a value of one kind at one place (`href` links the symbol, `detail` joins its tooltip)."""

    name: str
    lat: float
    lon: float
    value: int
    kind: str
    href: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class Projection:
    """Degrees to pixels for one view: equirectangular, x scaled by cos(middle latitude)."""

    view: BBox
    width: int
    height: int

    @property
    def _cos(self) -> float:
        return max(0.2, math.cos(math.radians((self.view[1] + self.view[3]) / 2)))

    @property
    def _scale(self) -> float:
        lon0, lat0, lon1, lat1 = self.view
        return min(self.width / ((lon1 - lon0) * self._cos), self.height / (lat1 - lat0))

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        lon0, lat0, lon1, lat1 = self.view
        s = self._scale
        x = self.width / 2 + (lon - (lon0 + lon1) / 2) * self._cos * s
        y = self.height / 2 - (lat - (lat0 + lat1) / 2) * s
        return x, y

    def visible(self) -> BBox:
        """The degrees the whole drawing shows (the view, widened to the drawing's shape)."""
        s = self._scale
        half_lon = self.width / 2 / (self._cos * s)
        half_lat = self.height / 2 / s
        clon, clat = (self.view[0] + self.view[2]) / 2, (self.view[1] + self.view[3]) / 2
        return (clon - half_lon, clat - half_lat, clon + half_lon, clat + half_lat)


def merge_points(points: Iterable[MapPoint]) -> list[MapPoint]:
    """One point per (place, kind): values summed, the first position, link and detail kept.

    Points off the globe (latitude beyond ±90, longitude beyond ±180, NaN) are dropped; a negative
    value counts as zero.
    """
    merged: dict[tuple[str, str], MapPoint] = {}
    for p in points:
        if not (-90 <= p.lat <= 90 and -180 <= p.lon <= 180):
            continue
        value = max(0, int(p.value))
        key = (p.name, p.kind)
        old = merged.get(key)
        if old is None:
            merged[key] = MapPoint(p.name, p.lat, p.lon, value, p.kind, p.href, p.detail)
        else:
            merged[key] = MapPoint(old.name, old.lat, old.lon, old.value + value, old.kind,
                                   old.href or p.href, old.detail or p.detail)
    return list(merged.values())


def _pad(box: BBox, frac: float, min_extent: float) -> BBox:
    lon0, lat0, lon1, lat1 = box
    w = max(lon1 - lon0, 0.0)
    h = max(lat1 - lat0, 0.0)
    w2 = max(w * (1 + 2 * frac), min_extent) / 2
    h2 = max(h * (1 + 2 * frac), min_extent) / 2
    clon, clat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    return (clon - w2, max(-89.0, clat - h2), clon + w2, min(89.0, clat + h2))


def choose_view(points: Sequence[MapPoint], country: str | None, atlas: Atlas) -> BBox:
    """The degrees to show: the country's bounds, else the points' bounds, else `DEFAULT_VIEW`."""
    if country:
        bounds = atlas.bounds(country)
        if bounds is not None:
            return _pad(bounds, COUNTRY_PAD, 1.0)
    if points:
        box = (min(p.lon for p in points), min(p.lat for p in points),
               max(p.lon for p in points), max(p.lat for p in points))
        return _pad(box, PAD, MIN_EXTENT)
    return DEFAULT_VIEW


def _intersects(a: BBox, b: BBox) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def simplify(points: Sequence[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: the points of an open line kept so none dropped lies farther than `tolerance`."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tolerance * tolerance
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = points[i], points[j]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        best, best_d2 = -1, tol2
        for k in range(i + 1, j):
            px, py = points[k]
            if seg2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = dx * (py - ay) - dy * (px - ax)
                d2 = cross * cross / seg2
            if d2 > best_d2:
                best, best_d2 = k, d2
        if best >= 0:
            keep[best] = True
            stack += [(i, best), (best, j)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _tenths(v: int) -> str:
    """An integer count of tenths as the shortest exact decimal (`-25` -> `-2.5`, `30` -> `3`)."""
    whole, frac = divmod(abs(v), 10)
    return ("-" if v < 0 else "") + (f"{whole}.{frac}" if frac else str(whole))


def _polygon_path(poly: Polygon, proj: Projection) -> str:
    """SVG path data of a polygon's rings in pixels, simplified to `SIMPLIFY_PX`, with relative moves."""
    parts: list[str] = []
    for ring in poly.rings:
        xy = [proj(lon, lat) for lon, lat in ring]
        kept = simplify(xy + xy[:1], SIMPLIFY_PX)[:-1]  # the ring closed for the line, then opened again
        if len(kept) < 3:
            continue
        # Integers of tenths: relative steps that add up exactly, so a long ring does not drift.
        q = [(round(x * 10), round(y * 10)) for x, y in kept]
        steps = [f"{_tenths(b[0] - a[0])} {_tenths(b[1] - a[1])}" for a, b in zip(q, q[1:], strict=False)]
        parts.append(f"M{_tenths(q[0][0])} {_tenths(q[0][1])}l" + " ".join(steps) + "z")
    return "".join(parts)


def _countries(atlas: Atlas, proj: Projection, focus: set[str]) -> list[str]:
    visible = proj.visible()
    out: list[str] = []
    for c in atlas.countries:
        if not _intersects(c.bbox, visible):
            continue
        d = "".join(_polygon_path(p, proj) for p in c.polygons if _intersects(p.bbox, visible))
        if not d:
            continue
        code = c.iso2 or c.within or ""
        fill = LAND_FOCUS if focus & {c.iso2, c.within} else LAND
        out.append(f'<path class="country" data-iso="{esc(code)}" d="{d}" fill="{fill}" stroke="{BORDER}" '
                   f'stroke-width="0.6" fill-rule="evenodd"><title>{esc(_country_title(c))}</title></path>')
    return out


def _country_title(c: Country) -> str:
    return f"{c.name_ar} — {c.name}" if c.name_ar else c.name


def _radius(value: int, vmax: int, rmax: float) -> float:
    if vmax <= 0:
        return MIN_RADIUS
    return min(rmax, max(MIN_RADIUS, rmax * math.sqrt(value / vmax)))


def _symbol(p: MapPoint, x: float, y: float, r: float) -> str:
    kind_ar = palette.label_ar(p.kind)
    title = f"{p.name}: {fmt_int(p.value)} {p.kind}" + (f" ({kind_ar})" if kind_ar else "")
    if p.detail:
        title += f"\n{p.detail}"
    circle = (f'<circle class="symbol" data-place="{esc(p.name)}" data-kind="{esc(p.kind)}" '
              f'data-value="{p.value}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{palette.colour(p.kind)}" '
              f'fill-opacity="0.72" stroke="#ffffff" stroke-width="1"><title>{esc(title)}</title></circle>')
    href = safe_href(p.href)
    return f'<a href="{esc(href)}">{circle}</a>' if href else circle


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _labels(placed: Sequence[tuple[MapPoint, float, float, float]], width: int, height: int,
            blocked: Sequence[Box]) -> list[str]:
    """Names below (else above) the largest symbols, one per place, never over another symbol, another
    name, the legend (`blocked`) or the edge; a place with no room keeps its tooltip only."""
    size = 12.0
    circles = [(p.name, (x - r, y - r, x + r, y + r)) for p, x, y, r in placed]
    boxes: list[Box] = list(blocked)
    out: list[str] = []
    seen: set[str] = set()
    for p, x, y, r in placed:
        if len(out) >= MAX_LABELS:
            break
        if p.name in seen:
            continue
        w = text_width(p.name, size) + 4
        for top in (y + r + 1, y - r - size - 4):
            box = (x - w / 2, top, x + w / 2, top + size + 3)
            if (box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
                    and not any(_overlaps(box, b) for b in boxes)
                    and not any(_overlaps(box, c) for name, c in circles if name != p.name)):
                break
        else:
            continue
        boxes.append(box)
        seen.add(p.name)
        out.append(f'<text class="label" x="{x:.1f}" y="{box[3] - 3:.1f}" text-anchor="middle" '
                   f'direction="rtl" unicode-bidi="embed" font-size="{size:g}" fill="#222222" '
                   f'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" '
                   f'pointer-events="none">{esc(p.name)}</text>')
    return out


def _nice_floor(v: float) -> int:
    """The largest 1, 2 or 5 times a power of ten at or under `v` (at least 1)."""
    if v < 1:
        return 1
    mag = 10 ** math.floor(math.log10(v))
    return next(int(m * mag) for m in (5, 2, 1) if m * mag <= v)


def _size_steps(vmax: int) -> list[int]:
    """Up to three round values for the size legend, the largest at or under `vmax`."""
    if vmax <= 0:
        return []
    steps = [_nice_floor(vmax)]
    for frac in (0.25, 0.04):
        v = _nice_floor(steps[0] * frac)
        if v < steps[-1]:
            steps.append(v)
    return steps


LEGEND_WIDTH = 190.0
LEGEND_ROW = 18
LEGEND_MARGIN = 10.0


def legend_scale(width: int) -> float:
    """How much the legend shrinks on a narrow map (a phone), so it never covers half of it."""
    return min(1.0, max(0.65, width / 640))


def _legend_height(kinds: Sequence[str], vmax: int, rmax: float, scale: float) -> float:
    """The legend's height before scaling (its size circles are drawn at the map's pixel size)."""
    sizes = _size_steps(vmax)
    size_h = (2 * _radius(sizes[0], vmax, rmax) / scale + 10) if sizes else 0
    return 12 + LEGEND_ROW * len(kinds) + size_h + 8


def _legend_box(w: float, h: float, width: int, height: int,
                placed: Sequence[tuple[MapPoint, float, float, float]]) -> Box:
    """The corner for the legend that hides the fewest symbols (bottom left first: sea on a regional view)."""
    m = LEGEND_MARGIN
    corners = [(m, height - h - m), (width - w - m, height - h - m), (width - w - m, m), (m, m)]

    def hidden(corner: tuple[float, float]) -> float:
        box = (corner[0], corner[1], corner[0] + w, corner[1] + h)
        return sum(r * r for _, x, y, r in placed if _overlaps(box, (x - r, y - r, x + r, y + r)))

    x0, y0 = min(corners, key=hidden)  # min keeps the first of equal corners
    return (x0, y0, x0 + w, y0 + h)


def _legend(kinds: list[str], totals: dict[str, int], vmax: int, rmax: float, box: Box,
            scale: float) -> list[str]:
    sizes = _size_steps(vmax)
    w, h = (box[2] - box[0]) / scale, (box[3] - box[1]) / scale
    out = [f'<g class="legend" transform="translate({box[0]:.0f} {box[1]:.0f}) scale({scale:.3g})">',
           f'<rect width="{w:.0f}" height="{h:.0f}" rx="4" fill="#ffffff" fill-opacity="0.88" '
           f'stroke="#cccccc"/>']
    for i, k in enumerate(kinds):
        y = 12 + i * LEGEND_ROW
        ar = palette.label_ar(k)
        out.append(f'<g class="legend-kind" data-kind="{esc(k)}"><circle cx="14" cy="{y + 5}" r="6" '
                   f'fill="{palette.colour(k)}" fill-opacity="0.8"/>'
                   f'<text x="26" y="{y + 9}" font-size="12" fill="#222222">{esc(k)} '
                   f'({fmt_int(totals.get(k, 0))})</text>'
                   + (f'<text x="{w - 8:.0f}" y="{y + 9}" font-size="12" fill="#555555" text-anchor="end" '
                      f'direction="ltr">{esc(ar)}</text>' if ar else "") + "</g>")
    if sizes:
        # Radii divided by the scale: a legend circle is as big on screen as a symbol of its value.
        rtop = _radius(sizes[0], vmax, rmax) / scale
        base = h - 10
        cx = 14 + rtop
        for v in sizes:
            r = _radius(v, vmax, rmax) / scale
            out.append(f'<circle class="legend-size" data-value="{v}" cx="{cx:.1f}" cy="{base - r:.1f}" '
                       f'r="{r:.2f}" fill="none" stroke="#555555" stroke-width="0.8"/>'
                       f'<text x="{cx + rtop + 6:.1f}" y="{base - 2 * r + 4:.1f}" '
                       f'font-size="11" fill="#333333">{fmt_int(v)}</text>')
    out.append("</g>")
    return out


@functools.lru_cache(maxsize=64)
def _shipped_outlines(proj: Projection, focus: frozenset[str]) -> str:
    """The outlines of the shipped atlas for one view: drawing them is most of a map's time (about
    0.2 s for the whole region), and a desk asks for the same few views again and again."""
    return "".join(_countries(load_atlas(), proj, set(focus)))


def render_map(points: Sequence[MapPoint], *, country: str | None = None, width: int = 900,
               height: int = 560, atlas: Atlas | None = None) -> str:
    """The map as one `<svg>` element (a string), ready to put inline in a page.

    `points` with the same name and kind are summed (see `merge_points`). `country` (ISO alpha-2)
    zooms to that country and shades it; an unknown code is ignored. `atlas` defaults to the shipped one.
    """
    shipped = atlas is None
    atlas = atlas if atlas is not None else load_atlas()
    pts = merge_points(points)
    focus = {country.upper()} if country and atlas.country(country) else set()
    proj = Projection(choose_view(pts, country if focus else None, atlas), width, height)
    rmax = MAX_RADIUS_FRACTION * min(width, height)
    vmax = max((p.value for p in pts), default=0)
    placed = sorted(((p, *proj(p.lon, p.lat), _radius(p.value, vmax, rmax)) for p in pts),
                    key=lambda t: (-t[0].value, t[0].name, t[0].kind))
    kinds = palette.order([p.kind for p in pts])
    totals: dict[str, int] = {}
    for p in pts:
        totals[p.kind] = totals.get(p.kind, 0) + p.value
    label = f"Map of {len(pts)} symbols" + (f" in {country.upper()}" if focus and country else "")
    clip = f"rasd-map-clip-{width}x{height}"  # one id per size: two maps of one size may share it
    out = [open_svg(width, height, cls="rasd-map", label=label),
           f'<defs><clipPath id="{clip}"><rect width="{width}" height="{height}"/></clipPath></defs>',
           f'<rect class="sea" width="{width}" height="{height}" fill="{SEA}"/>',
           f'<g class="countries" clip-path="url(#{clip})">',
           _shipped_outlines(proj, frozenset(focus)) if shipped else "".join(_countries(atlas, proj, focus)),
           "</g>",
           '<g class="symbols">', *(_symbol(p, x, y, r) for p, x, y, r in placed), "</g>"]
    if pts:
        scale = legend_scale(width)
        legend = _legend_box(LEGEND_WIDTH * scale, _legend_height(kinds, vmax, rmax, scale) * scale,
                             width, height, placed)
        out += ['<g class="labels">', *_labels(placed, width, height, [legend]), "</g>",
                *_legend(kinds, totals, vmax, rmax, legend, scale)]
    else:
        out.append(f'<text class="empty" x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" '
                   f'font-size="16" fill="#555555" direction="rtl">لا توجد أماكن لهذا الاختيار</text>')
    out.append("</svg>")
    return "".join(out)


__all__ = ["DEFAULT_VIEW", "MapPoint", "Projection", "choose_view", "merge_points", "render_map"]
