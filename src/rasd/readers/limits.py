"""The input limits: how big, deep or many an input may be before rasd refuses it with one clear line.

Every limit bounds the time and memory one input can cost, so that no input stops a batch. Each was
chosen from the real corpora in `../shared/data/news` (ANT v2.1, ANT v1.1 JawharaFM, SaudiNewsNet;
72,323 articles), measured by `benchmarks/corpus_extremes.py`, with a wide margin so that no real
article comes near one:

| what                          | largest real value                      | limit         |
|-------------------------------|-----------------------------------------|---------------|
| article (title + body) chars  | 33,687 (SaudiNewsNet), 21,119 (ANT)     | 200,000       |
| body lines (paragraphs)       | 802 (SaudiNewsNet)                      | 50,000        |
| JSON nesting depth            | 3 (SaudiNewsNet)                        | 64            |
| digits of one JSON number     | 13 (ids, timestamps)                    | 100           |
| items in one file             | 3,218 (a SaudiNewsNet day file)         | 100,000       |
| file / member bytes           | 12,475,495 (a SaudiNewsNet day, gunzipped) | 128 MiB    |
| gzip / archive expansion ratio| 3.8 (SaudiNewsNet), 5.3 (ANT .tar.gz)   | 100           |
| archives inside archives      | 0                                       | 3 levels      |
| attributes in one HTML tag    | (saved pages: tens)                     | 1,000         |

The article limit is 6x the largest real article, and also bounds the cost of the stages that are
still superlinear in length (quotes, counts, events: `benchmarks/bench_scaling.py`): an article at
the limit takes a few seconds through the whole pipeline, one of 1,000,000 characters about a minute.

An expansion ratio is only checked once the output passes `RATIO_FLOOR_BYTES` (a small file of
repeated characters compresses far better than 100:1 and is harmless).
"""
from __future__ import annotations

MAX_ARTICLE_CHARS = 200_000
MAX_ARTICLE_LINES = 50_000
MAX_JSON_DEPTH = 64
MAX_JSON_NUMBER_DIGITS = 100
MAX_ITEMS_PER_FILE = 100_000
MAX_INPUT_BYTES = 128 * 1024 * 1024
MAX_EXPANSION_RATIO = 100
RATIO_FLOOR_BYTES = 16 * 1024 * 1024
MAX_ARCHIVE_DEPTH = 3
MAX_HTML_ATTRIBUTES = 1_000


class LimitExceeded(ValueError):
    """An input passed one of the limits above; the message names the limit and the value."""


def _n(value: int) -> str:
    return f"{value:,}"


def article_too_large(chars: int) -> str:
    return f"article too large ({_n(chars)} characters; limit {_n(MAX_ARTICLE_CHARS)})"


def too_many_lines(lines: int) -> str:
    return f"article has too many lines ({_n(lines)}; limit {_n(MAX_ARTICLE_LINES)})"


def json_too_deep() -> str:
    return f"JSON nested too deeply (more than {MAX_JSON_DEPTH} levels; limit {MAX_JSON_DEPTH})"


def json_number_too_long(digits: int) -> str:
    return f"JSON number too long ({_n(digits)} digits; limit {MAX_JSON_NUMBER_DIGITS})"


def too_many_items() -> str:
    return f"too many items in one file (limit {_n(MAX_ITEMS_PER_FILE)}); the rest skipped"


def input_too_large(size: int | None = None) -> str:
    what = f"{_n(size)} bytes" if size is not None else f"more than {_n(MAX_INPUT_BYTES)} bytes"
    return f"input too large ({what}; limit {_n(MAX_INPUT_BYTES)})"


def expands_too_much(compressed: int, expanded: int) -> str:
    return (f"compressed data expands too much (more than {_n(expanded)} bytes from {_n(compressed)}; "
            f"limit {MAX_EXPANSION_RATIO}:1)")


def archives_too_deep() -> str:
    return f"archives nested too deeply (limit {MAX_ARCHIVE_DEPTH} levels)"


def html_too_many_attributes(count: int) -> str:
    return f"HTML tag with too many attributes ({_n(count)}; limit {_n(MAX_HTML_ATTRIBUTES)})"
