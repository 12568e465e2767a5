"""Arabic letter data: diacritics, tatweel, letter variants and digit scripts used by the normalizers."""
from __future__ import annotations

import re

# Harakat, tanween, shadda, sukun, superscript alef and the small Quranic marks. They are dropped
# (never mapped) by normalization, so they are the only characters that change a string's length.
DIACRITICS = (
    "".join(chr(c) for c in range(0x0610, 0x061B))  # Quranic honorifics, small letters
    + "".join(chr(c) for c in range(0x064B, 0x0660))  # tanween, harakat, shadda, sukun, madda above...
    + "\u0670"  # superscript (dagger) alef
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))  # small high ligatures
    + "".join(chr(c) for c in range(0x06DF, 0x06E5))
    + "\u06E7\u06E8"
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
)
TATWEEL = "\u0640"
# Invisible format characters: zero-width space/joiners, bidi marks and embeddings, BOM. Copy-paste
# leaves them inside words and numbers (`3.\u200f1`); matching ignores them.
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

# Letter folds (one code point to one code point, so offsets are kept).
ALEF_FORMS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
HAMZA_CARRIERS = {"ؤ": "و", "ئ": "ي"}
ALEF_MAQSURA = {"ى": "ي"}
TA_MARBUTA = {"ة": "ه"}
PERSIAN_LETTERS = {"ی": "ي", "ې": "ي", "ک": "ك", "ە": "ه", "ۀ": "ه"}
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

ARABIC_INDIC_DIGITS = "".join(chr(0x0660 + i) for i in range(10))
PERSIAN_DIGITS = "".join(chr(0x06F0 + i) for i in range(10))
ALL_DIGITS = "0-9" + "\u0660-\u0669" + "\u06F0-\u06F9"

# Separators inside written numbers.
THOUSANDS_SEPARATORS = ",٬"  # comma, ARABIC THOUSANDS SEPARATOR
DECIMAL_SEPARATORS = "٫"  # ARABIC DECIMAL SEPARATOR; "." is decided in numbers.py

# A "letter" for tokenization: Arabic letters (with diacritics and tatweel) or any other \w letter.
ARABIC_LETTERS = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF"
WORD_CHARS = ARABIC_LETTERS + DIACRITICS + TATWEEL

DELETABLE_RE = re.compile("[" + re.escape(DIACRITICS + TATWEEL + CONTROLS) + "]")
DIACRITICS_RE = re.compile("[" + re.escape(DIACRITICS) + "]")
