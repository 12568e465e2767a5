"""Small pieces shared by the desk's drawings: escaping, safe links, numbers, nice ticks, the SVG shell."""
from __future__ import annotations

import html
import math
import re

SVG_NS = "http://www.w3.org/2000/svg"
# A font stack that shows Arabic well on Linux, macOS, Windows, Android and iOS.
FONT = "'Noto Sans Arabic', 'Noto Naskh Arabic', 'Segoe UI', Tahoma, 'Geeza Pro', 'DejaVu Sans', sans-serif"
# Characters XML 1.0 forbids even escaped: a C0 control in an article title would make the SVG unparsable.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def esc(value: object) -> str:
    """`value` as text safe inside an SVG/HTML element or a double- or single-quoted attribute."""
    return html.escape(_XML_INVALID.sub("", str(value)), quote=True)


def safe_href(href: str | None) -> str | None:
    """`href` when it is a relative address or an http(s) one, else None (no `javascript:` links)."""
    if not href:
        return None
    # The URL parser of a browser drops tabs and newlines anywhere and controls and spaces at the ends
    # (`java\tscript:` is `javascript:`): check what it will see.
    href = _XML_INVALID.sub("", re.sub("[\t\n\r]", "", href)).strip(" \x0c")
    m = _SCHEME.match(href)
    if m and m.group(1).lower() not in ("http", "https"):
        return None
    return href or None


def fmt_int(n: int | float) -> str:
    """An integer with thousands separators (`12,345`)."""
    return f"{int(round(n)):,}"


def nice_step(span: float, target: int) -> float:
    """A step of 1, 2 or 5 times a power of ten that cuts `span` into about `target` parts."""
    if span <= 0 or target <= 0:
        return 1.0
    raw = span / target
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def nice_ticks(vmax: float, target: int = 5) -> list[float]:
    """Round tick values from 0 up to the first tick at or above `vmax` (integers: counts are whole)."""
    step = max(1.0, nice_step(vmax, target))
    top = step * max(1, math.ceil(vmax / step - 1e-9))
    return [i * step for i in range(int(round(top / step)) + 1)]


def open_svg(width: int, height: int, *, cls: str, label: str) -> str:
    """The opening `<svg>` tag: scalable (a viewBox; the page's stylesheet fits it to its container; no
    inline style, which the desk's Content-Security-Policy refuses), labelled for screen readers, laid
    out left to right whatever the page's direction (Arabic labels set `direction="rtl"` themselves)."""
    return (f'<svg xmlns="{SVG_NS}" class="{esc(cls)}" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{esc(label)}" font-family="{esc(FONT)}" '
            f'direction="ltr">')


def text_width(text: str, size: float) -> float:
    """A rough rendered width of `text` at font `size` (for laying out labels; no font metrics here)."""
    return len(text) * size * 0.58


__all__ = ["FONT", "SVG_NS", "esc", "fmt_int", "nice_step", "nice_ticks", "open_svg", "safe_href",
           "text_width"]
