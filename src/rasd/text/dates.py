"""Date expressions in Arabic news text, resolved to ISO dates, and the `dates` stage.

Patterns run over the normalized text (rasd.text.normalize) and spans are mapped back to the
original. Resolution rules, all against the publication date `published`:
- `أمس` -1 day, `اليوم` the day itself, `غدا` +1, `أول أمس` -2, `منذ 3 أيام` -3 days.
- a weekday name is the most recent such day on or before `published` (the publication weekday is
  the publication date); with `الماضي` strictly before, with `المقبل` strictly after.
- `الشهر الجاري/الماضي/المقبل`, `العام ...` and `الأسبوع ...` give a range (value .. value_end);
  weeks start on Saturday, as in most Arab calendars.
- a day and month without a year take the year that puts the date nearest to `published`, a
  future date counting three times as far (`25 مارس` in a September report is the past March);
  `الماضي` / `المقبل` after a month name pick the previous / next occurrence.
- Hijri dates (`1 محرم 1439`, `1439 هـ`) are converted with hijridate (Umm al-Qura); calendar "hijri".
Without `published`, relative expressions give no mention (never resolved against today).
"""
from __future__ import annotations

import calendar as _cal
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from rasd.lang.ar import calendar as C
from rasd.model import Article, DateMention
from rasd.text.normalize import Normalized, normalize
from rasd.text.numbers import parse_number_words

NO_PUBLISHED_WARNING = "no publication date: relative dates unresolved"


def _alt(words: object) -> str:
    keys = sorted({normalize(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


_G_MONTH = {normalize(n): m for m, names in C.GREGORIAN_MONTHS.items() for n in names}
_H_MONTH = {normalize(n): m for m, names in C.HIJRI_MONTHS.items() for n in names}
_WEEKDAY = {normalize(n): d for n, d in C.WEEKDAYS.items()}
_QUAL = {normalize(q): "cur" for q in C.CURRENT} | {normalize(q): "past" for q in C.PAST} \
    | {normalize(q): "next" for q in C.NEXT}
_QUAL_M = [q for q in (*C.CURRENT, *C.PAST, *C.NEXT) if not q.endswith("ة")]
_PERIOD = {normalize(k): v for k, v in C.PERIODS.items()}
_UNIT = {normalize(k): v for k, v in C.UNITS.items()}
_DAY_WORD = {normalize(k): v for k, v in C.DAY_WORDS.items()}
_DAY_PHRASE = {re.sub(r"\s+", " ", normalize(k)): v for k, v in C.DAY_PHRASES.items()}
_AMBIGUOUS_WD = {normalize(w) for w in C.AMBIGUOUS_WEEKDAYS}
_TIME_BEFORE = {normalize(w) for w in C.TIME_WORDS_BEFORE}
_THE_TWO_BEFORE = {normalize(w) for w in C.THE_TWO_BEFORE}
_THE_TWO_AFTER = {normalize(w) for w in C.THE_TWO_AFTER}
_NOT_TODAY = {normalize(w) for w in C.NOT_TODAY_BEFORE}
_NOT_YESTERDAY = {normalize(w) for w in C.NOT_YESTERDAY_BEFORE}
_NAMED_DATE = {normalize(w) for w in C.NAMED_DATE_BEFORE}
_NUM_WORDS = [f for f in ("واحد", "اثنين", "ثلاثة", "ثلاث", "أربعة", "أربع", "خمسة", "خمس", "ستة", "ست",
                          "سبعة", "سبع", "ثمانية", "ثماني", "تسعة", "تسع", "عشرة", "عشر")]

B, E = r"(?<!\w)", r"(?!\w)"
PRE = r"(?:[وف]?[بلك]?)"
GM, HM = _alt(_G_MONTH), _alt(_H_MONTH)
# A second name for the same month may follow: أيلول/سبتمبر, مايو (أيار), فبراير شباط (Reuters).
MONTH = rf"(?P<m>{GM})(?:\s*[/(]?\s*(?:{GM})\s*\)?)?"
YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
HYEAR = r"(?P<hy>1[345]\d\d)(?!\d)"
HMARK = rf"\s*{re.escape(normalize(C.HIJRI_MARKER))}{E}"
YEARWORD = r"(?:(?:عام|العام|سنه|السنه)\s+)"
_ORDINAL = {re.sub(r"\s+", " ", normalize(k)): v for k, v in C.ORDINAL_DAYS.items()}
DAY = rf"(?:(?:ال\s?)?(?<!\d)(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)|(?P<od>{_alt(_ORDINAL)})(?=\s+من{E}))"
QUAL = rf"(?P<q>{_alt(_QUAL)})"
RQUAL = rf"(?P<rq>{_alt(_QUAL_M)})"
WD = _alt(_WEEKDAY)
WD_PREFIX = rf"(?:(?:يوم\s+)?ال(?P<pwd>{WD})\s*[،,]?\s*)?"
OF_MONTH = r"(?:من\s+)?(?:شهر\s+)?"
# Day and month of a numeric date, day first as Arab outlets write it: 25/9/, 3 /3 /, 25-09-.
NUM_DM = r"(?P<d>3[01]|[12]\d|0?[1-9]) ?(?P<s>[/.\-]) ?(?P<m>1[0-2]|0?[1-9]) ?(?P=s) ?"


D1 = r"(?:ال\s?)?(?<!\d)(?P<d1>3[01]|[12]\d|0?[1-9])(?!\d)"
D2 = r"(?:ال\s?)?(?<!\d)(?P<d2>3[01]|[12]\d|0?[1-9])(?!\d)"
RMONTH = rf"(?:(?:شهر\s+)?{MONTH}(?:\s*[،,]?\s*{YEARWORD}?{YEAR}|\s+{QUAL})?|(?:الشهر\s+)?{RQUAL})"

PATTERNS: dict[str, re.Pattern[str]] = {name: re.compile(p) for name, p in {
    "range": rf"{B}(?P<x>(?:ما\s+)?بين\s+{D1}\s+و\s?{D2}\s+(?:من\s+)?{RMONTH}){E}",
    "range_to": rf"{B}(?P<x>من\s+{D1}\s+(?:الي|حتي)\s+{D2}\s+(?:من\s+)?{RMONTH}){E}",
    "range_dash": rf"{B}(?P<x>{D1}\s*[-–]\s*{D2}\s+(?:من\s+)?{RMONTH}){E}",
    "dmy": rf"{B}(?P<x>{WD_PREFIX}{DAY}\s+{OF_MONTH}{MONTH}"
           rf"(?:\s*[،,]?\s*(?:من\s+)?{YEARWORD}?{YEAR}|\s+{QUAL})?){E}",
    "my": rf"{B}(?P<x>(?:شهر\s+)?{MONTH}\s*[،,]?\s*(?:من\s+)?{YEARWORD}?{YEAR}){E}",
    "mq": rf"{B}(?P<x>شهر\s+{MONTH}(?:\s+{QUAL})?){E}",
    "mq_bare": rf"{B}(?P<x>{MONTH}\s+{QUAL}){E}",
    "dq": rf"{B}(?P<x>{DAY}\s+(?:من\s+)?(?:الشهر\s+)?{RQUAL}){E}",
    "dmy_num": rf"(?<![\d/.\-])(?P<x>{NUM_DM}(?P<y>(?:19|20)\d\d))(?![\d/\-]|\.\d)",
    "h_dmy_num": rf"(?<![\d/.\-])(?P<x>{NUM_DM}(?P<hy>1[34]\d\d)(?:{HMARK})?)(?![\d/\-]|\.\d)",
    "ymd_num": r"(?<![\d/.\-])(?P<x>(?P<y>(?:19|20)\d\d)(?P<s>[/.\-])(?P<m>1[0-2]|0?[1-9])(?P=s)"
               r"(?P<d>3[01]|[12]\d|0?[1-9]))(?![\d/\-]|\.\d)",
    "year": rf"{B}(?P<x>{YEARWORD}{YEAR})(?!\s*ه{E}){E}",
    "h_dmy": rf"{B}(?P<x>{DAY}\s+{OF_MONTH}(?P<hm>{HM})(?:\s*[،,]?\s*{YEARWORD}?{HYEAR}(?:{HMARK})?)?){E}",
    "h_my": rf"{B}(?P<x>(?:شهر\s+)?(?P<hm>{HM})\s+{YEARWORD}?{HYEAR}(?:{HMARK})?){E}",
    "h_year": rf"{B}(?P<x>{YEARWORD}?{HYEAR}{HMARK})",
    "day_phrase": rf"{B}{PRE}(?P<x>{_alt(_DAY_PHRASE)}){E}",
    "day_word": rf"{B}{PRE}(?P<x>(?:ال)?امس|{_alt(_DAY_WORD)}){E}",
    "glued_ams": rf"(?<=[^\W\d_])(?P<x>امس){E}",
    "weekday": rf"{B}{PRE}(?P<x>(?:(?P<rel>{_alt(_DAY_PHRASE)}|اليوم|امس|غدا|الغد)\s+)?(?P<yawm>يوم\s+)?"
               rf"ال(?P<wd>{WD})"
               rf"(?:\s+{QUAL})?){E}",
    "period": rf"{B}{PRE}(?P<x>(?P<u>{_alt(_PERIOD)})\s+{QUAL}|(?:هذا|هذه)\s+(?P<u2>{_alt(_PERIOD)})){E}",
    "ago": rf"{B}(?P<x>(?:منذ|قبل)\s+(?:(?P<n>\d{{1,3}}|{_alt(_NUM_WORDS)})\s+)?(?P<unit>{_alt(_UNIT)})){E}"
           r"(?!\s+\d)",
}.items()}

Found = tuple[int, int, str, str | None, str]  # normalized start, end, value, value_end, calendar


# ---- date arithmetic -------------------------------------------------------------------------

def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, _cal.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, _cal.monthrange(y, m + 1)[1]))


def _year_for(m: int, d: int, pub: date, qual: str | None) -> int:
    """The year of day `d` of month `m` as the text means it (see the module doc)."""
    if qual == "cur":
        return pub.year
    if qual == "past":
        return pub.year if (m, d) < (pub.month, pub.day) or m < pub.month else pub.year - 1
    if qual == "next":
        return pub.year if m > pub.month else pub.year + 1
    # News looks back far more often than forward: a future date counts as three times as far.
    def cost(y: int) -> float:
        try:
            days = (date(y, m, d) - pub).days
        except ValueError:
            return float("inf")
        return days * 3 if days > 0 else -days

    return min((pub.year, pub.year - 1, pub.year + 1), key=cost)


def _iso(d: date) -> str:
    return d.isoformat()


def _hijri(y: int, m: int, d: int) -> date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (OverflowError, ValueError):
        return None
    return date(g.year, g.month, g.day)


def _hijri_month_length(y: int, m: int) -> int | None:
    try:
        return int(Hijri(y, m, 1).month_length())
    except (OverflowError, ValueError):
        return None


def _hijri_year_now(pub: date) -> int | None:
    try:
        return int(Gregorian(pub.year, pub.month, pub.day).to_hijri().year)
    except (OverflowError, ValueError):
        return None


# ---- handlers: one per pattern; each returns (value, value_end, calendar) or None ------------

Value = tuple[date, date | None, str] | None
NEEDS_PUB = "relative"  # handlers raise nothing; they return this when `published` is missing


def _day(mt: re.Match[str]) -> int:
    d = mt.group("d")
    return int(d) if d else _ORDINAL[re.sub(r"\s+", " ", mt.group("od"))]


def _qual(mt: re.Match[str], name: str = "q") -> str | None:
    q = mt.group(name)
    return _QUAL[q] if q else None


def _range(mt: re.Match[str], pub: date | None) -> Value | str:
    d1, d2 = int(mt.group("d1")), int(mt.group("d2"))
    if d1 >= d2:
        return None
    if mt.group("m"):
        m = _G_MONTH[mt.group("m")]
        if mt.group("y"):
            y = int(mt.group("y"))
        elif pub is None:
            return NEEDS_PUB
        else:
            y = _year_for(m, d1, pub, _qual(mt))
    else:
        if pub is None:
            return NEEDS_PUB
        shift = {"cur": 0, "past": -1, "next": 1}[_qual(mt, "rq") or "cur"]
        first = _add_months(pub.replace(day=1), shift)
        y, m = first.year, first.month
    try:
        return (date(y, m, d1), date(y, m, d2), "gregorian")
    except ValueError:
        return None


def _dmy(mt: re.Match[str], pub: date | None) -> Value | str:
    m, d = _G_MONTH[mt.group("m")], _day(mt)
    if mt.group("y"):
        y = int(mt.group("y"))
    elif pub is None:
        return NEEDS_PUB
    else:
        y = _year_for(m, d, pub, _qual(mt))
        if mt.group("pwd") and not _qual(mt):
            y = _weekday_year(m, d, _WEEKDAY[mt.group("pwd")], pub, y)
    try:
        return (date(y, m, d), None, "gregorian")
    except ValueError:
        return None


def _weekday_year(m: int, d: int, wd: int, pub: date, y: int) -> int:
    """`يوم السبت 19 أوت` without a year: the year (nearest `pub` first) in which that day is that
    weekday; `y` when none of the three is."""
    for yy in sorted((pub.year, pub.year - 1, pub.year + 1), key=lambda yy: (yy != y, abs(yy - y))):
        try:
            if date(yy, m, d).weekday() == wd:
                return yy
        except ValueError:
            continue
    return y


def _my(mt: re.Match[str], pub: date | None) -> Value | str:
    a, b = _month_range(int(mt.group("y")), _G_MONTH[mt.group("m")])
    return (a, b, "gregorian")


def _mq(mt: re.Match[str], pub: date | None) -> Value | str:
    if pub is None:
        return NEEDS_PUB
    m = _G_MONTH[mt.group("m")]
    a, b = _month_range(_year_for(m, 1 if _qual(mt) != "past" else 28, pub, _qual(mt)), m)
    return (a, b, "gregorian")


def _dq(mt: re.Match[str], pub: date | None) -> Value | str:
    if pub is None:
        return NEEDS_PUB
    shift = {"cur": 0, "past": -1, "next": 1}[_qual(mt, "rq") or "cur"]
    first = _add_months(pub.replace(day=1), shift)
    try:
        return (first.replace(day=_day(mt)), None, "gregorian")
    except ValueError:
        return None


def _num(mt: re.Match[str], pub: date | None) -> Value | str:
    try:
        return (date(int(mt.group("y")), int(mt.group("m")), int(mt.group("d"))), None, "gregorian")
    except ValueError:
        return None


def _year(mt: re.Match[str], pub: date | None) -> Value | str:
    y = int(mt.group("y"))
    return (date(y, 1, 1), date(y, 12, 31), "gregorian")


def _h_dmy(mt: re.Match[str], pub: date | None) -> Value | str:
    m, d = _H_MONTH[mt.group("hm")], _day(mt)
    if mt.group("hy"):
        y = int(mt.group("hy"))
    elif pub is None:
        return NEEDS_PUB
    else:
        now = _hijri_year_now(pub)
        if now is None:
            return None
        options = [(g, yy) for yy in (now - 1, now, now + 1) if (g := _hijri(yy, m, d)) is not None]
        if not options:
            return None
        y = min(options, key=lambda o: abs((o[0] - pub).days))[1]
    g = _hijri(y, m, d)
    return (g, None, "hijri") if g else None


def _h_num(mt: re.Match[str], pub: date | None) -> Value | str:
    g = _hijri(int(mt.group("hy")), int(mt.group("m")), int(mt.group("d")))
    return (g, None, "hijri") if g else None


def _h_my(mt: re.Match[str], pub: date | None) -> Value | str:
    y, m = int(mt.group("hy")), _H_MONTH[mt.group("hm")]
    n = _hijri_month_length(y, m)
    a, b = _hijri(y, m, 1), (_hijri(y, m, n) if n else None)
    return (a, b, "hijri") if a and b else None


def _h_year(mt: re.Match[str], pub: date | None) -> Value | str:
    y = int(mt.group("hy"))
    n = _hijri_month_length(y, 12)
    a, b = _hijri(y, 1, 1), (_hijri(y, 12, n) if n else None)
    return (a, b, "hijri") if a and b else None


def _offset_days(days: int, pub: date | None) -> Value | str:
    if pub is None:
        return NEEDS_PUB
    return (pub + timedelta(days=days), None, "gregorian")


def _day_phrase(mt: re.Match[str], pub: date | None) -> Value | str:
    return _offset_days(_DAY_PHRASE[re.sub(r"\s+", " ", mt.group("x"))], pub)


def _day_word(mt: re.Match[str], pub: date | None) -> Value | str:
    w = mt.group("x")
    return _offset_days(_DAY_WORD.get(w, _DAY_WORD.get(w[2:], -1)), pub)


def _weekday(mt: re.Match[str], pub: date | None) -> Value | str:
    if pub is None:
        return NEEDS_PUB
    rel = mt.group("rel")
    if rel:  # أمس الخميس, بعد غد الأربعاء: the day word decides, the weekday is an apposition
        days = _DAY_WORD[rel] if rel in _DAY_WORD else _DAY_PHRASE[re.sub(r"\s+", " ", rel)]
        return _offset_days(days, pub)
    wd, q = _WEEKDAY[mt.group("wd")], _qual(mt)
    back = (pub.weekday() - wd) % 7
    if q == "past":
        back = back or 7
    elif q == "next":
        return (pub + timedelta(days=(wd - pub.weekday()) % 7 or 7), None, "gregorian")
    return (pub - timedelta(days=back), None, "gregorian")


# A weekday this close (characters) to a full date is its apposition (`12 نوفمبر، الأحد`).
WEEKDAY_APPOSITION_GAP = 3
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]")


def _anchor_weekdays(text: str, found: list[tuple[int, int, Value, str]], pub: date | None
                     ) -> list[tuple[int, int, Value, str]]:
    """Weekdays of a story about another time: a bare weekday (no أمس/الماضي/المقبل) that names the
    weekday of a full date written in the same sentence (`الخميس … في 26 جانفي 1978`), or stands right
    after one (`12 نوفمبر، الأحد`), is that date, not the last such day before publication."""
    if pub is None:
        return found
    full = [f for f in found if f[3] != "weekday" and f[2] is not None and f[2][1] is None]
    out = []
    for f in found:
        s, e, value, name = f
        if name == "weekday" and value is not None and full:
            wd = value[0].weekday()
            for fs, fe, fv, _ in full:
                assert fv is not None
                between = text[min(e, fe):max(s, fs)]
                near = fe <= s and s - fe <= WEEKDAY_APPOSITION_GAP
                if fv[0] != value[0] and (near or (fv[0].weekday() == wd and abs((fv[0] - pub).days) > 6
                                                     and not _SENTENCE_END_RE.search(between))):
                    f = (s, e, (fv[0], None, fv[2]), name)
                    break
        out.append(f)
    return out


def _period(mt: re.Match[str], pub: date | None) -> Value | str:
    if pub is None:
        return NEEDS_PUB
    unit = _PERIOD[mt.group("u") or mt.group("u2")]
    shift = {"cur": 0, "past": -1, "next": 1}[_qual(mt) or "cur"]
    if unit == "month":
        first = _add_months(pub.replace(day=1), shift)
        a, b = _month_range(first.year, first.month)
    elif unit == "year":
        a, b = date(pub.year + shift, 1, 1), date(pub.year + shift, 12, 31)
    else:  # week, Saturday to Friday
        a = pub - timedelta(days=(pub.weekday() - 5) % 7) + timedelta(days=7 * shift)
        b = a + timedelta(days=6)
    return (a, b, "gregorian")


def _ago(mt: re.Match[str], pub: date | None) -> Value | str:
    unit, count = _UNIT[mt.group("unit")]
    if mt.group("n"):
        raw = mt.group("n")
        count = int(raw) if raw.isdigit() else parse_number_words(raw)
    if not count:
        return None
    if pub is None:
        return NEEDS_PUB
    if unit == "day":
        d = pub - timedelta(days=count)
    elif unit == "week":
        d = pub - timedelta(days=7 * count)
    elif unit == "month":
        d = _add_months(pub, -count)
    else:
        d = _add_months(pub, -12 * count)
    return (d, None, "gregorian")


HANDLERS: dict[str, Callable[[re.Match[str], date | None], Value | str]] = {
    "range": _range, "range_to": _range, "range_dash": _range, "dmy": _dmy, "my": _my, "mq": _mq,
    "mq_bare": _mq, "dq": _dq, "dmy_num": _num, "ymd_num": _num, "h_dmy_num": _h_num,
    "year": _year, "h_dmy": _h_dmy, "h_my": _h_my, "h_year": _h_year, "day_phrase": _day_phrase,
    "day_word": _day_word, "glued_ams": _day_word, "weekday": _weekday, "period": _period, "ago": _ago,
}


# ---- context checks that regexes cannot express cheaply ---------------------------------------

_PREV_WORD_RE = re.compile(r"(\w+)\s*$")
_NEXT_WORD_RE = re.compile(r"\s*(\w+)")


def _prev_word(nt: str, i: int) -> str:
    m = _PREV_WORD_RE.search(nt, max(0, i - 30), i)
    return m.group(1) if m else ""


def _next_word(nt: str, i: int) -> str:
    m = _NEXT_WORD_RE.match(nt, i)
    return m.group(1) if m else ""


def _plausible(name: str, mt: re.Match[str], norm: Normalized) -> bool:
    nt = norm.text
    s, e = mt.span("x")
    if name in ("glued_ams", "day_word") and mt.group("x").endswith("امس"):
        a, b = norm.span(s, e)
        if "\u0651" in norm.original[a:b] or _next_word(nt, e) in _NOT_YESTERDAY:
            return False  # أمسّ / أمس الحاجة: "most", not "yesterday"
        if name == "glued_ams":
            return norm.original[norm.orig(s)] == "أ"  # ألقاهاأمس, not الخامس
    if name == "dmy" and not mt.group("y") and _prev_word(nt, s) in _NAMED_DATE:
        return False
    if name == "day_word" and mt.group("x") == "اليوم":
        nxt = _next_word(nt, e)
        if nxt.startswith("ال") and nxt[2:] not in _WEEKDAY:
            return False  # اليوم الوطني, اليوم التالي, اليوم الأول
        return _prev_word(nt, s) not in _NOT_TODAY
    if name == "weekday" and mt.group("wd") in _AMBIGUOUS_WD \
            and not (mt.group("yawm") or mt.group("q") or mt.group("rel")):
        return _monday(nt, s, e)
    return True


def _monday(nt: str, s: int, e: int) -> bool:
    """A bare `الاثنين` is Monday unless "the two" reads better (see `calendar.AMBIGUOUS_WEEKDAYS`)."""
    prev = _prev_word(nt, s)
    if prev in _TIME_BEFORE:
        return True
    if nt[max(0, s - 1):s] in ("ل", "ب", "ك"):  # للاثنين, بالاثنين: "to/with the two"
        return False
    if _next_word(nt, e) in _THE_TWO_AFTER:
        return False
    if prev in _THE_TWO_BEFORE:
        # `الأحد أو الاثنين`: a weekday before `أو` makes it Monday again
        return prev in ("او",) and _prev_word(nt, s - len(prev) - 1)[2:] in _WEEKDAY
    return True


# ---- anchors: cheap word lookups that say which patterns can match, and where -------------------
# Running every pattern over the whole text costs ~0.2 ms each on a 4,000-character article; instead
# each pattern runs only in windows around the words it cannot match without (a month name, أمس,
# a qualifier...), found with one split of the text and set lookups, and for digit-only patterns
# around the hits of a small gate regex.
_MONTH_PATTERNS = ("dmy", "my", "mq", "mq_bare", "range", "range_to", "range_dash")
_QUAL_PATTERNS = ("dq", "range", "range_to", "range_dash")


def _first_words(names: object) -> set[str]:
    return {n.split()[0] for n in names}  # type: ignore[attr-defined]


def _anchor_index() -> dict[str, frozenset[str]]:
    groups: list[tuple[set[str], tuple[str, ...]]] = [
        (_first_words(_G_MONTH), _MONTH_PATTERNS),
        (set(_QUAL), _QUAL_PATTERNS),
        (_first_words(_H_MONTH), ("h_dmy", "h_my")),
        ({"امس", "الامس", "اليوم", "غدا", "الغد", "غد", "البارحه"}, ("day_word", "day_phrase")),
        ({"ال" + w for w in _WEEKDAY}, ("weekday",)),
        (set(_PERIOD), ("period",)),
        ({"عام", "العام", "سنه", "السنه"}, ("year",)),
        ({"منذ", "قبل"}, ("ago",)),
    ]
    index: dict[str, set[str]] = {}
    chains = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
    for words, names in groups:
        for w in words:
            forms = {c + w for c in chains}
            if w.startswith("ال"):
                forms |= {c + "لل" + w[2:] for c in ("", "و", "ف")}
            for f in forms:
                index.setdefault(f, set()).update(names)
    return {k: frozenset(v) for k, v in index.items()}


_ANCHORS = _anchor_index()
_ANCHOR_KEYS = frozenset(_ANCHORS)
_NUM_GATE = re.compile(r"\d ?[/.\-] ?\d")
_GATES: dict[re.Pattern[str], tuple[str, ...]] = {
    _NUM_GATE: ("dmy_num", "ymd_num", "h_dmy_num"), re.compile(rf"\d{HMARK}"): ("h_year",),
}
_PUNCT_RE = re.compile("[\n\r\t\u00a0" + re.escape(".,:;!?()[]{}\"'“”«»،؛؟…/-") + "]")
_WINDOW = 80  # characters each side of an anchor; the longest pattern match is about 60


def _windows(nt: str) -> dict[str, list[tuple[int, int]]]:
    """For each pattern that can match, the merged text windows to run it in."""
    clean = _PUNCT_RE.sub(" ", nt)  # same length as nt, so offsets carry over
    words = set(clean.split())
    hits = [(w, _ANCHORS[w]) for w in words & _ANCHOR_KEYS]
    if "امس" in clean:  # ألقاهاأمس: أمس glued to the word before
        hits += [(w, _GLUED) for w in words if w.endswith("امس") and len(w) > 3 and w not in _ANCHORS]
    spots: dict[str, list[tuple[int, int]]] = {}
    padded = " " + clean + " "  # whole-word finds; offsets are one off, well inside the window
    for w, names in hits:
        needle = " " + w + " " if names is not _GLUED else w + " "
        i = padded.find(needle)
        while i >= 0:
            for name in names:
                spots.setdefault(name, []).append((i, i + len(needle) - 1))
            i = padded.find(needle, i + len(needle) - 1)
    for gate, gated in _GATES.items():
        for m in gate.finditer(nt):
            for name in gated:
                spots.setdefault(name, []).append(m.span())
    out: dict[str, list[tuple[int, int]]] = {}
    n = len(nt)
    for name, found in spots.items():
        merged: list[tuple[int, int]] = []
        for a, b in sorted(found):
            lo, hi = max(0, a - _WINDOW), min(n, b + _WINDOW)
            sp = nt.rfind(" ", 0, lo)  # snap to whitespace so boundaries see real neighbours
            lo = 0 if sp < 0 else sp
            sp = nt.find(" ", hi)
            hi = n if sp < 0 else sp
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        out[name] = merged
    return out


_GLUED = frozenset({"glued_ams", "day_word"})


def _matches(nt: str) -> Iterator[tuple[str, re.Match[str]]]:
    """(pattern name, match) for every pattern match inside its windows (windows do not overlap)."""
    for name, windows in _windows(nt).items():
        rx = PATTERNS[name]
        for lo, hi in windows:
            for mt in rx.finditer(nt, lo, hi):
                yield name, mt


# ---- the public functions -----------------------------------------------------------------------

def _published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _find(text: str, published: str | None) -> tuple[list[DateMention], int]:
    """(mentions, number of relative expressions left unresolved for want of `published`)."""
    pub = _published(published)
    norm = Normalized(text)
    nt = norm.text
    found: list[tuple[int, int, Value, str]] = []
    unresolved = 0
    for name, mt in _matches(nt):
        if not _plausible(name, mt, norm):
            continue
        got = HANDLERS[name](mt, pub)
        if got == NEEDS_PUB:
            unresolved += 1
            continue
        if got is None:
            continue
        found.append((*mt.span("x"), got, "weekday" if name == "weekday" and not (  # type: ignore[arg-type]
            mt.group("rel") or mt.group("q")) else name))
    # Longest first wins; overlapping shorter matches (أمس inside أول أمس) are dropped.
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, Value, str]] = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: f[0])
    kept = _anchor_weekdays(nt, kept, pub)
    out: list[DateMention] = []
    for s, e, (value, value_end, cal), _ in kept:  # type: ignore[misc]
        a, b = norm.span(s, e)
        out.append(DateMention(text=text[a:b], start=a, end=b, value=_iso(value),
                               value_end=_iso(value_end) if value_end else None, calendar=cal))
    return out, unresolved


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Date mentions in `text`, resolved against `published` (YYYY-MM-DD) where they are relative."""
    return _find(text, published)[0]


def dates_stage(article: Article) -> Article:
    """Fill `article.dates`; warn when relative dates stay unresolved for want of a publication date."""
    mentions, unresolved = _find(article.text, article.published)
    article.dates = mentions
    if unresolved and NO_PUBLISHED_WARNING not in article.warnings:
        article.warnings.append(NO_PUBLISHED_WARNING)
    return article


__all__ = ["NO_PUBLISHED_WARNING", "PATTERNS", "dates_stage", "find_dates"]
