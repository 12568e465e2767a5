"""The drawing helpers: escaping, safe links, round ticks."""
from __future__ import annotations

import pytest

from rasd.desk.svg import esc, fmt_int, nice_ticks, safe_href


@pytest.mark.parametrize(("text", "expected"), [
    ('<a href="x">\'', "&lt;a href=&quot;x&quot;&gt;&#x27;"),
    ("حمص & حماة", "حمص &amp; حماة"),
    ("a\x00b\x1bc\td", "abc\td"),  # XML forbids C0 controls even escaped; a tab is fine
])
def test_esc(text: str, expected: str) -> None:
    assert esc(text) == expected


@pytest.mark.parametrize(("href", "expected"), [
    ("/articles/1", "/articles/1"),
    ("?kind=killed&place=x", "?kind=killed&place=x"),
    ("https://example.org/a", "https://example.org/a"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("\x01javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("vbscript:x", None),
    ("", None),
    (None, None),
])
def test_safe_href(href: str | None, expected: str | None) -> None:
    assert safe_href(href) == expected


@pytest.mark.parametrize(("vmax", "expected"), [
    (0, [0, 1]),
    (1, [0, 1]),
    (7, [0, 2, 4, 6, 8]),
    (37, [0, 10, 20, 30, 40]),
    (100, [0, 20, 40, 60, 80, 100]),
    (1234, [0, 500, 1000, 1500]),
])
def test_nice_ticks(vmax: float, expected: list[float]) -> None:
    assert nice_ticks(vmax) == expected


def test_fmt_int() -> None:
    assert fmt_int(1234567) == "1,234,567"
