"""Arabic calendar words: Gregorian and Hijri month names, weekdays, relative-time words and units.

Names are written as usually spelled; rasd.text.dates normalizes them (alef forms, ة, ى) before
building its regexes, so `الجارى` and `الجاري`, `أيلول` and `ايلول` match alike.
"""
from __future__ import annotations

# Gregorian months: Levantine/Iraqi (Syriac) names, Egyptian/Gulf (from the European names),
# and Maghreb variants (Algeria/Tunisia from French, Morocco).
GREGORIAN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "يناير", "جانفي"),
    2: ("شباط", "فبراير", "فيفري", "فبرایر"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "إبريل", "ابريل", "أفريل"),
    5: ("أيار", "مايو", "ماي"),
    6: ("حزيران", "يونيو", "يونيه", "جوان"),
    7: ("تموز", "يوليو", "يوليه", "جويلية", "يوليوز"),
    8: ("آب", "أغسطس", "اغسطس", "أوت", "غشت"),
    9: ("أيلول", "سبتمبر", "شتنبر"),
    10: ("تشرين الأول", "أكتوبر", "اكتوبر", "أكتوبر"),
    11: ("تشرين الثاني", "نوفمبر", "نونبر"),
    12: ("كانون الأول", "ديسمبر", "دجنبر"),
}

HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول",),
    4: ("ربيع الآخر", "ربيع الثاني"),
    5: ("جمادى الأولى", "جمادى الأول"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة"),
    12: ("ذو الحجة", "ذي الحجة"),
}
# The Hijri year marker: `1439 هـ`, `1439هـ`.
HIJRI_MARKER = "هـ"

# Weekday names without the article (Python's numbering: Monday = 0).
WEEKDAYS: dict[str, int] = {
    "اثنين": 0, "إثنين": 0, "ثلاثاء": 1, "أربعاء": 2, "خميس": 3, "جمعة": 4, "سبت": 5, "أحد": 6,
}
# الاثنين also means "the two" (`بين الاثنين`, `كلا الاثنين`, `الاثنين معاً`). In news it is far more
# often Monday (`أعلنت الشرطة، الاثنين، …`, `غزة، الاثنين الماضي`): it counts as Monday unless a word
# of "the two" stands before or after it, or it is glued to a preposition (`للاثنين`, `بالاثنين`)
# with no time word or qualifier.
AMBIGUOUS_WEEKDAYS = frozenset({"اثنين", "إثنين"})
THE_TWO_BEFORE = ("بين", "كلا", "كلتا", "هذين", "هذان", "هاذين", "هؤلاء", "أحد", "أي", "أو", "يشمل",
                  "تشمل")
THE_TWO_AFTER = ("معا", "معاً", "كلاهما", "الآخرين", "الاخرين", "المذكورين", "اللذين", "اللذان",
                 "بينهما", "منهما", "عليهما", "لهما")
TIME_WORDS_BEFORE = ("يوم", "صباح", "مساء", "ظهر", "عصر", "فجر", "ليل", "ليلة", "منذ", "حتى", "في",
                     "اليوم", "أمس", "غدا")

# Qualifiers after الشهر / الأسبوع / العام / a month name / a day number.
CURRENT = ("الجاري", "الحالي", "الجارية", "الحالية")
PAST = ("الماضي", "المنصرم", "الفائت", "السابق", "الماضية", "المنصرمة", "الفائتة", "السابقة")
NEXT = ("المقبل", "القادم", "المقبلة", "القادمة")

# Relative day words: offset in days from the publication date.
DAY_WORDS: dict[str, int] = {"أمس": -1, "البارحة": -1, "اليوم": 0, "غدا": 1, "غداً": 1, "الغد": 1}
DAY_PHRASES: dict[str, int] = {
    "أول أمس": -2, "أول من أمس": -2, "أمس الأول": -2, "قبل أمس": -2, "بعد غد": 2,
}
# Words before اليوم that make it "that day", not "today", or part of a name: عين اليوم (a Saudi
# site), روسيا اليوم (RT Arabic), صحيفة اليوم (a Saudi daily).
NOT_TODAY_BEFORE = ("ذلك", "نفس", "ذات", "طوال", "طيلة", "هذا", "عين", "روسيا", "صحيفة", "لصحيفة",
                    "جريدة", "لجريدة")

# أمس before these is the superlative "most" (في أمس الحاجة, "in direst need"), not "yesterday".
NOT_YESTERDAY_BEFORE = ("الحاجة", "حاجة")
# A day and month after these words name a movement or an event, not a date: قوى 14 آذار,
# ثورة 25 يناير.
NAMED_DATE_BEFORE = ("قوى", "لقوى", "وقوى", "تحالف", "فريق", "تيار", "حركة", "ثورة", "لثورة", "وثورة")

# Period nouns for الشهر الماضي and منذ 3 أيام; value = (unit, how many).
PERIODS: dict[str, str] = {"الشهر": "month", "الأسبوع": "week", "العام": "year", "السنة": "year"}
UNITS: dict[str, tuple[str, int | None]] = {
    "يوم": ("day", 1), "يوما": ("day", None), "يوماً": ("day", None), "أيام": ("day", None),
    "يومين": ("day", 2), "يومان": ("day", 2),
    "أسبوع": ("week", 1), "أسبوعا": ("week", None), "أسابيع": ("week", None), "أسبوعين": ("week", 2),
    "شهر": ("month", 1), "شهرا": ("month", None), "أشهر": ("month", None), "شهور": ("month", None),
    "شهرين": ("month", 2),
    "عام": ("year", 1), "عاما": ("year", None), "أعوام": ("year", None), "عامين": ("year", 2),
    "سنة": ("year", 1), "سنوات": ("year", None), "سنين": ("year", None), "سنتين": ("year", 2),
}
AGO = ("منذ", "قبل")
YEAR_WORDS = ("عام", "العام", "سنة", "السنة")

# Ordinal day numbers (masculine, as يوم is): `الخامس من أيلول`, `الحادي والعشرين من الشهر الجاري`.
_ORD_UNITS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_ORD_TENS_HEAD = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                  "التاسع")


def _ordinals() -> dict[str, int]:
    out = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
    out["العاشر"] = 10
    for i, w in enumerate(_ORD_TENS_HEAD):
        out[w + " عشر"] = 11 + i
        out[w + " والعشرين"] = 21 + i
    out["العشرين"] = 20
    out["الثلاثين"] = 30
    out["الحادي والثلاثين"] = 31
    return out


ORDINAL_DAYS: dict[str, int] = _ordinals()
