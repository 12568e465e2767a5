"""Numbers in Arabic text: digits in either script with separators and scale words, and number words.

Decisions on separators (value must be an integer):
- `٬` and `,` followed by groups of exactly three digits are thousands separators (`1,500`).
- `٫` is the Arabic decimal separator (`6٫3 مليون`).
- `.` is a decimal point when a scale word follows (`6.3 مليون`, `1.500 مليون` = 1,500,000) or when
  the digits after it are not exactly three; a `.` before exactly three digits with no scale word
  is a thousands separator (`1.500` = 1500, `1.500.000`), as Levantine and Maghreb outlets write it.
- A non-integer amount without a scale word (`2.5`) is not reported.
- Digit groups joined by `/` or `-` (`25/9/2017`, `2017-09-25`) are dates, not numbers.
Number words follow the grammar of Arabic cardinals: [hundreds] و [units] و [tens] before a scale
word, scales in descending order joined by و, teens as two words (`أحد عشر`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from rasd.lang.ar import numbers as W
from rasd.lang.ar.clitics import PROCLITIC_CHAINS
from rasd.text.normalize import Normalized, normalize
from rasd.text.tokens import TOKEN_RE


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number in the text: span, integer value, and whether it is a vague amount (عشرات)."""

    start: int
    end: int
    text: str
    value: int
    vague: bool = False


Reading = tuple[str, str, int]  # (proclitic chain, kind, value)


def _forms() -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = [(f, W.ZERO, 0) for f in W.ZERO_FORMS]
    for v, fs in W.UNIT_FORMS.items():
        out += [(f, W.UNIT, v) for f in fs]
    out += [(f, W.TEN, 10) for f in W.TEN_FORMS]
    for v, fs in W.TEEN_HEAD_FORMS.items():
        out += [(f, W.TEEN_HEAD, v) for f in fs]
    for v, fs in W.TENS_FORMS.items():
        out += [(f, W.TENS, v) for f in fs]
    out += [(f, W.HUNDRED, 100) for f in W.HUNDRED_WORDS]
    out += [(f, W.HUNDRED, 200) for f in W.HUNDRED_DUALS]
    for v, prefixes in W.HUNDRED_PREFIXES.items():
        out += [(p + h, W.HUNDRED, v * 100) for p in prefixes for h in W.HUNDRED_WORDS]
    for scale, kinds in W.SCALES.items():
        for kind, fs in kinds.items():
            out += [(f, kind, scale) for f in fs]
    for v, fs in W.VAGUE_FORMS.items():
        out += [(f, W.VAGUE, v) for f in fs]
    return out


def _build() -> tuple[dict[str, Reading], dict[str, Reading]]:
    """(readings of a phrase's first word with any proclitics, readings of a word joined by و)."""
    no_article = {normalize(f) for f in W.NO_ARTICLE}
    first: dict[str, Reading] = {}
    joined: dict[str, Reading] = {}
    forms = [(normalize(f), k, v) for f, k, v in _forms()]
    for key, kind, v in forms:
        first[key] = ("", kind, v)
        joined["و" + key] = ("و", kind, v)
    for key, kind, v in forms:
        for chain in PROCLITIC_CHAINS:
            if chain.endswith(("ال", "لل")) and (key in no_article or (kind == W.HUNDRED and v == 100)):
                continue  # الاثنين is Monday, الأحد Sunday; بالمئة / في المائة is "percent"
            if len(key) <= 2 and chain != "و":  # لست is "I am not", not ل + ست
                continue
            first.setdefault(chain + key, (chain, kind, v))
    return first, joined


_FIRST, _JOINED = _build()
_ZERO_KEYS = frozenset(normalize(f) for f in W.ZERO_FORMS)
_ORDINAL_HEADS = frozenset(normalize(f) for f in W.ORDINAL_HEADS)
_PREV_WORD_RE = re.compile(r"(\w+)\s+$")
_SCALE_KINDS = (W.SCALE, W.SCALE_DUAL, W.SCALE_PLURAL)
_PLAIN_SCALE: dict[str, int] = {
    normalize(f): scale for scale, kinds in W.SCALES.items() for kind, fs in kinds.items() for f in fs
}
# Article + plural scale after a vague amount: عشرات الآلاف, مئات الملايين.
_VAGUE_SCALE: dict[str, int] = {
    "ال" + normalize(f): scale for scale, kinds in W.SCALES.items() for f in kinds[W.SCALE_PLURAL]
} | {normalize(f): scale for scale, kinds in W.SCALES.items() for f in kinds[W.SCALE_PLURAL]}

_DIGITS_RE = re.compile(r"[0-9]+(?:[.,\u066B\u066C][0-9]+)*")  # run on normalized text: ASCII digits
_DATEISH_RE = re.compile(r"\d+\s*[/\-]\s*\d+(?:\s*[/\-]\s*\d+)?|\d{1,4}\.\d{1,2}\.\d{2,4}")
_LATIN_RE = re.compile(r"[A-Za-z]")


class _Phrase:
    """State of a number-word phrase being read left to right."""

    __slots__ = ("total", "group", "state", "last_scale", "vague", "done")

    def __init__(self) -> None:
        self.total = 0
        self.group = 0
        self.state = ""  # "", H (hundreds), U (unit), T (teen/ten/tens: group closed), S (after scale)
        self.last_scale = 10**12
        self.vague = False
        self.done = False

    @property
    def value(self) -> int:
        return self.total + self.group

    def apply_scale(self, kind: str, scale: int) -> bool:
        if scale >= self.last_scale:
            return False
        if kind == W.SCALE_DUAL:
            if self.state not in ("", "S"):
                return False
            self.total += 2 * scale
        else:
            if self.state in ("", "S"):
                if kind == W.SCALE_PLURAL:
                    return False  # a bare plural scale opens a vague phrase only at the start
                self.group = 1
            self.total += self.group * scale
        self.group = 0
        self.state = "S"
        self.last_scale = scale
        return True

    def add(self, kind: str, value: int) -> bool:
        """Add a و-joined (or first) word of kind `kind`; False when the grammar does not allow it."""
        s = self.state
        if kind in _SCALE_KINDS:
            return self.apply_scale(kind, value)
        if kind in (W.VAGUE, W.ZERO, W.TEEN_HEAD):
            return False
        if s in ("", "S"):
            if s == "S" and value >= self.last_scale:
                return False
            self.group = value
            self.state = {W.HUNDRED: "H", W.UNIT: "U"}.get(kind, "T")
            return True
        if s == "H" and kind in (W.UNIT, W.TEN, W.TENS):
            self.group += value
            self.state = "U" if kind == W.UNIT else "T"
            return True
        if s == "U" and kind == W.TENS and self.group % 100 < 10:
            self.group += value
            self.state = "T"
            return True
        return False


def _read_words(keys: Sequence[str], i: int) -> tuple[int, int, bool] | None:
    """Read the longest number-word phrase starting at keys[i]: (value, words used, vague)."""
    r = _FIRST.get(keys[i])
    if r is None:
        return None
    _, kind, value = r
    n = len(keys)
    if kind == W.ZERO:
        return (0, 1, False)
    if kind == W.VAGUE or (kind == W.SCALE_PLURAL and (i + 1 >= n or keys[i + 1] not in _PLAIN_SCALE)):
        used = 1
        if i + 1 < n and keys[i + 1] in _VAGUE_SCALE and _VAGUE_SCALE[keys[i + 1]] > value:
            value *= _VAGUE_SCALE[keys[i + 1]]
            used = 2
        return (value, used, True)
    p = _Phrase()
    j = i
    # First word, with two-word forms: teens (ثلاثة عشر) and split hundreds (ثلاث مائة).
    two = _two_words(kind, value, _FIRST.get(keys[j + 1]) if j + 1 < n else None)
    if two is not None:
        kind, value = two
        j += 2
    elif kind == W.TEEN_HEAD:
        return None
    else:
        j += 1
    if not p.add(kind, value):
        return None
    while j < n:
        key = keys[j]
        bare = _FIRST.get(key)
        if bare and bare[0] == "" and bare[1] in _SCALE_KINDS and p.state not in ("", "S"):
            if not p.apply_scale(bare[1], bare[2]):
                break
            j += 1
            continue
        r = _JOINED.get(key)
        if r is None:
            break
        _, kind, value = r
        two = _two_words(kind, value, _FIRST.get(keys[j + 1]) if j + 1 < n else None)
        if two is not None:
            kind, value = two
        elif kind == W.TEEN_HEAD:
            break
        if not p.add(kind, value):
            break
        j += 2 if two else 1
    return (p.value, j - i, False)


def _two_words(kind: str, value: int, nxt: Reading | None) -> tuple[str, int] | None:
    """A teen (`ثلاثة عشر` -> ten 13) or a split hundred (`ثلاث مائة` -> 300) made with the next word."""
    if nxt is None or nxt[0] != "" or kind not in (W.UNIT, W.TEEN_HEAD) or value >= 10:
        return None
    if nxt[1] == W.TEN:
        return (W.TEN, value + 10)
    if kind == W.UNIT and value >= 3 and nxt[1] == W.HUNDRED and nxt[2] == 100:
        return (W.HUNDRED, value * 100)
    return None


def parse_number_words(words: str | Iterable[str]) -> int | None:
    """The value of a whole number-word phrase (`ثلاثة آلاف وخمسمائة` -> 3500), else None.

    Vague amounts give their ACLED value (`عشرات` -> 10). Leading proclitics are allowed.
    """
    parts = words.split() if isinstance(words, str) else list(words)
    keys = [normalize(w) for w in parts]
    if not keys:
        return None
    got = _read_words(keys, 0)
    if got is None or got[1] != len(keys):
        return None
    return got[0]


def _digit_value(s: str, scale: int | None) -> int | None:
    """Integer value of a digit token (ASCII digits) under the separator rules in the module doc."""
    if s.isdigit():
        v: float = int(s)
    else:
        groups = re.split(r"([.,\u066B\u066C])", s)
        nums, seps = groups[0::2], set(groups[1::2])
        three = all(len(g) == 3 for g in nums[1:]) and len(nums[0]) <= 3
        if "٫" in seps:
            if len(nums) != 2:
                return None
            v = float(nums[0] + "." + nums[1])
        elif seps <= {",", "٬"} and three:
            v = int("".join(nums))
        elif seps == {"."} and three and (scale is None or len(nums) > 2):
            v = int("".join(nums))
        elif len(nums) == 2 and seps <= {".", ","}:
            v = float(nums[0] + "." + nums[1])
        else:
            return None
    if scale:
        v = v * scale
    if v != int(v):
        return None
    return int(v)


# Digits and punctuation to blank out before splitting into words (an explicit set is ~6x faster than
# [\W\d]; a stray symbol outside it only hides a number word glued to it).
_SPLIT_RE = re.compile("[\n\r\t0-9" + re.escape(".,:;!?()[]{}\"'“”«»،؛؟…/-%<>*+=#@&|~^_٪٫٬") + "]")
_FIRST_KEYS = frozenset(k for k, r in _FIRST.items() if r[1] != W.ZERO)
_LOOKAHEAD = 200  # characters read after a candidate start: longer than any number phrase


def _candidates(nt: str) -> list[int]:
    """Sorted normalized offsets where a number may start: digit runs and number words."""
    starts = [m.start() for m in _DIGITS_RE.finditer(nt)]
    padded = " " + _SPLIT_RE.sub(" ", nt) + " "  # same offsets + 1; digits and punctuation blanked
    for w in set(padded.split()) & _FIRST_KEYS:
        needle = " " + w + " "
        i = padded.find(needle)
        while i >= 0:
            starts.append(i)
            i = padded.find(needle, i + len(needle) - 1)
    starts.sort()
    return starts


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Numbers in `text[start:end]` (digits, digits + scale word, number words), offsets into `text`.

    Works on the normalized slice and reads tokens only around candidate starts, so an article
    without numbers costs a split and a set intersection.
    """
    if end is None:
        end = len(text)
    norm = Normalized(text[start:end])
    nt = norm.text
    dateish: list[tuple[int, int]] | None = None
    out: list[NumberMention] = []
    done = 0

    def add(s: int, e: int, value: int, vague: bool) -> None:
        a, b = norm.span(s, e)
        out.append(NumberMention(a + start, b + start, text[a + start:b + start], value, vague))

    for pos in _candidates(nt):
        if pos < done:
            continue
        toks = [(m.group(), m.start(), m.end())
                for m in islice(TOKEN_RE.finditer(nt, pos, min(len(nt), pos + _LOOKAHEAD)), 13)]
        key, ts, te = toks[0]
        n = len(toks)
        if key[0].isdigit():
            if dateish is None:
                dateish = [(m.start(), m.end()) for m in _DATEISH_RE.finditer(nt)]
            done = te
            if any(a <= ts < b for a, b in dateish) or (ts > 0 and _LATIN_RE.match(nt[ts - 1])) \
                    or (te < len(nt) and _LATIN_RE.match(nt[te])):
                continue
            scale = _PLAIN_SCALE.get(toks[1][0]) if n > 1 and _gap_ok(nt, te, toks[1][1]) else None
            value = _digit_value(key, scale)
            if value is None and scale:
                scale, value = None, _digit_value(key, None)
            if value is not None:
                done = toks[1][2] if scale else te
                add(ts, done, value, False)
            continue
        # The run of words separated by plain spaces, then the longest phrase it starts with.
        j = 1
        while j < n and _gap_ok(nt, toks[j - 1][2], toks[j][1]):
            j += 1
        got = _read_words([t[0] for t in toks[:j]], 0)
        if got is None or not _plausible_words(norm, key, ts, te):
            continue
        value, used, vague = got
        done = toks[used - 1][2]
        add(ts + len(_FIRST[key][0]), done, value, vague)
    return out


def _plausible_words(norm: Normalized, key: str, ts: int, te: int) -> bool:
    """Context checks for a number-word phrase starting with token `key` at normalized [ts, te)."""
    if _FIRST[key][1] == W.TEN:
        prev = _PREV_WORD_RE.search(norm.text, max(0, ts - 20), ts)
        if prev and prev.group(1) in _ORDINAL_HEADS:
            return False  # الحادي عشر: an ordinal
    if key == "واحد":
        a, _ = norm.span(ts, te)
        if norm.original[a + 1:a + 2] in ("أ", "إ"):
            return False  # وأحد (and one of) folds to واحد (one)
    return True


def _gap_ok(text: str, a: int, b: int) -> bool:
    return b > a and text[a:b].isspace() and "\n" not in text[a:b]


__all__ = ["NumberMention", "find_numbers", "parse_number_words"]
