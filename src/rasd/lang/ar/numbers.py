"""Arabic number words: cardinal forms (gender, case, construct), scales and vague amounts."""
from __future__ import annotations

# Word kinds used by the number grammar in rasd.text.numbers.
ZERO = "zero"
UNIT = "unit"  # 1-9
TEN = "ten"  # 10 (also the second word of 11-19)
TEEN_HEAD = "teen-head"  # أحد / إحدى / اثنا ...: only before عشر / عشرة
TENS = "tens"  # 20-90
HUNDRED = "hundred"  # 100-900
SCALE = "scale"  # ألف, مليون, مليار: multiply what comes before
SCALE_DUAL = "scale-dual"  # ألفان, مليونين: 2 x scale, standalone
SCALE_PLURAL = "scale-plural"  # آلاف, ملايين: after 3-10, or vague on their own
VAGUE = "vague"  # عشرات, مئات

# Written forms as they appear (hamza and ta marbuta as usually spelled); the parser normalizes them.
UNIT_FORMS: dict[int, tuple[str, ...]] = {
    1: ("واحد", "واحدة", "واحدا", "واحدً", "واحدًا", "واحداً"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "إثنان", "إثنين", "إثنتان", "إثنتين"),
    3: ("ثلاثة", "ثلاث"),
    4: ("أربعة", "أربع"),
    5: ("خمسة", "خمس"),
    6: ("ستة", "ست"),
    7: ("سبعة", "سبع"),
    8: ("ثمانية", "ثماني", "ثمان"),
    9: ("تسعة", "تسع"),
}
TEN_FORMS = ("عشرة", "عشر")
TEEN_HEAD_FORMS: dict[int, tuple[str, ...]] = {
    1: ("أحد", "إحدى"),
    2: ("اثنا", "اثني", "اثنتا", "اثنتي", "إثنا", "إثني", "إثنتا", "إثنتي"),
}
TENS_STEMS: dict[int, str] = {
    20: "عشر", 30: "ثلاث", 40: "أربع", 50: "خمس", 60: "ست", 70: "سبع", 80: "ثمان", 90: "تسع",
}
TENS_FORMS: dict[int, tuple[str, ...]] = {v: (s + "ون", s + "ين") for v, s in TENS_STEMS.items()}

HUNDRED_WORDS = ("مائة", "مئة", "مائه", "مئه")  # not colloquial مية: كمية is "quantity"
HUNDRED_DUALS = ("مائتان", "مائتين", "مائتا", "مائتي", "مئتان", "مئتين", "مئتا", "مئتي")
HUNDRED_PREFIXES: dict[int, tuple[str, ...]] = {
    3: ("ثلاث",), 4: ("أربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",), 8: ("ثمان", "ثماني"), 9: ("تسع",),
}

SCALES: dict[int, dict[str, tuple[str, ...]]] = {
    1000: {SCALE: ("ألف", "ألفا", "ألفاً", "ألفًا"), SCALE_DUAL: ("ألفان", "ألفين", "ألفي"),
           SCALE_PLURAL: ("آلاف", "ألوف")},
    1_000_000: {SCALE: ("مليون", "مليونا", "مليوناً", "مليونًا"),
                SCALE_DUAL: ("مليونان", "مليونين", "مليوني"), SCALE_PLURAL: ("ملايين",)},
    1_000_000_000: {SCALE: ("مليار", "مليارا", "ملياراً", "بليون"),
                    SCALE_DUAL: ("ملياران", "مليارين", "ملياري"), SCALE_PLURAL: ("مليارات", "بلايين")},
}

# Vague amounts, valued as ACLED does (عشرات "tens" = 10, مئات "hundreds" = 100); plural scales on
# their own (آلاف, ملايين) are vague too, at the scale's value.
VAGUE_FORMS: dict[int, tuple[str, ...]] = {
    10: ("عشرات",),
    100: ("مئات", "مئآت", "مئات"),
}

ZERO_FORMS = ("صفر",)

# Number words that must not carry the article when read as numbers: الاثنين is Monday, الأحد Sunday.
NO_ARTICLE = frozenset({"اثنان", "اثنين", "إثنين", "إثنان", "أحد", "إحدى"})

# Ordinal heads before عشر/عشرة: الحادي عشر (the eleventh) is not the number 10.
ORDINAL_HEADS = frozenset({
    "الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    "الحادية", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
    "حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع",
})
