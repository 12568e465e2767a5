"""Sentence splitting for Arabic news text, and the `sentences` stage that fills `article.sentences`.

Rules: a line break always ends a sentence. Inside a line, a sentence ends after . ؟ ? ! ؛ … (and
any closing quotes or brackets right after them), except:
- a full stop between digits (`6.3`) or followed by a Latin letter or digit (`sana.sy`, `U.S.`);
- a full stop after a one-letter abbreviation (`د. محمد`) when the word before it is not a number
  (`عام 2017 م.` does end a sentence);
- a terminator inside a quotation (`“... انتهى. ثم ...”`), unless the quotation closes right after
  it (`“... انتهى.” ثم`). A quotation left open runs to the end of its line (the line break ends
  it). Whether a mark opens or closes is read from its neighbours first (writers mix up “ and ”),
  so a stray closing mark opens nothing.
Spans are stripped of surrounding whitespace; empty sentences are dropped.
"""
from __future__ import annotations

import re

from rasd.lang.ar.punctuation import (
    ABBREVIATIONS,
    ABBREVIATIONS_LONG,
    CLOSERS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    QUOTES,
    TERMINATORS,
)

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_TERM_RE = re.compile("[" + re.escape(TERMINATORS) + "]+[" + re.escape(CLOSERS) + "]*")
_QUOTE_RE = re.compile("[" + re.escape(QUOTES) + "]")
_NUMBER_WORD_RE = re.compile(r"^\d+$")
_SPACE = " \t\f\v\u00a0\u200f\u200e\u200b\ufeff"


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (open, close) of quotations in text[start:end]; one left open closes at `end`."""
    stack: list[int] = []
    regions: list[tuple[int, int]] = []
    for m in _QUOTE_RE.finditer(text, start, end):
        i = m.start()
        q = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        opens = (prev.isspace() or prev in "(:[،,") and not nxt.isspace()
        closes = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
        if opens == closes:  # the neighbours do not tell: trust the glyph
            opens = q in QUOTE_OPENERS or (q not in QUOTE_CLOSERS and not stack)
        if opens:
            stack.append(i)
        elif stack:
            regions.append((stack.pop(), i + 1))
    if stack:
        regions.append((stack[0], end + 1))
    return regions


def _is_false_stop(text: str, line_start: int, m: re.Match[str]) -> bool:
    """True when the terminator match `m` does not end a sentence."""
    marks = m.group()
    i = m.start()
    if marks[0] != "." or len(marks.rstrip(CLOSERS)) > 1:
        return False
    nxt = text[m.end()] if m.end() < len(text) else " "
    if nxt.isdigit() or ("a" <= nxt.lower() <= "z"):
        return True  # 6.3, sana.sy, U.S.
    # The word right before the full stop (tatweel allowed: `د ـ.`), looked at within a few characters.
    j = i
    while j > line_start and text[j - 1] == "\u0640":
        j -= 1
    k = j
    while k > line_start and j - k <= 4 and not text[k - 1].isspace():
        k -= 1
    if k == j or j - k > 4 or (k > line_start and not text[k - 1].isspace()):
        return False
    word = text[k:j]
    if word in ABBREVIATIONS_LONG:
        return True
    if word in ABBREVIATIONS:
        prev_words = text[max(line_start, k - 12):k].split()
        return not (prev_words and _NUMBER_WORD_RE.match(prev_words[-1]))
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`, whitespace-stripped, in order."""
    spans: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        ls, le = line.start(), line.end()
        regions: list[tuple[int, int]] | None = None
        cur = ls
        for m in _TERM_RE.finditer(text, ls, le):
            if regions is None:
                regions = _quote_regions(text, ls, le)
            i, j = m.start(), m.end()
            if any(a < i and j < b for a, b in regions):  # inside, and not closing, a quotation
                continue
            if _is_false_stop(text, ls, m):
                continue
            _add(text, cur, m.end(), spans)
            cur = m.end()
        _add(text, cur, le, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and (text[start] in _SPACE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1].isspace()):
        end -= 1
    if start < end:
        spans.append((start, end))


__all__ = ["split_sentences"]
