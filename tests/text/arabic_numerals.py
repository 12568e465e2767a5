"""A writer of Arabic cardinal number words (test helper): gender, case and spelling variants."""
from __future__ import annotations

import random

MASC = {1: "واحد", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة"}
FEM = {1: "واحدة", 3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع"}
TENS = {2: "عشر", 3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}
HUNDRED_PREFIX = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}


def _unit(u: int, *, fem: bool, case: str, rng: random.Random) -> str:
    """1-9 for a counted noun of the given gender (3-9 take the opposite gender's form)."""
    if u == 2:
        nom = case == "nom"
        return ("اثنتان" if nom else "اثنتين") if fem else ("اثنان" if nom else "اثنين")
    if u == 1 and case == "acc" and not fem:
        return "واحداً"
    if u == 8 and fem:
        return rng.choice(["ثماني", "ثمان"])
    return (FEM if fem else MASC)[u]


def below_hundred(n: int, *, fem: bool, case: str, rng: random.Random) -> list[str]:
    """Words (as a list of و-joined parts) for 1..99."""
    if n < 10:
        return [_unit(n, fem=fem, case=case, rng=rng)]
    if n == 10:
        return ["عشر" if fem else "عشرة"]
    if n < 20:
        u = n - 10
        if u == 1:
            return ["إحدى عشرة" if fem else "أحد عشر"]
        if u == 2:
            nom = case == "nom"
            head = ("اثنتا" if nom else "اثنتي") if fem else ("اثنا" if nom else "اثني")
            return [head + (" عشرة" if fem else " عشر")]
        return [(FEM if fem else MASC)[u] + (" عشرة" if fem else " عشر")]
    t, u = divmod(n, 10)
    tens = TENS[t] + ("ون" if case == "nom" else "ين")
    if u == 0:
        return [tens]
    return [_unit(u, fem=fem, case=case, rng=rng), tens]


def below_thousand(n: int, *, fem: bool, case: str, rng: random.Random) -> list[str]:
    """Words (as و-joined parts) for 1..999."""
    h, r = divmod(n, 100)
    parts: list[str] = []
    hundred = rng.choice(["مائة", "مئة"])
    if h == 1:
        parts.append(hundred)
    elif h == 2:
        stem = hundred[:-1]
        parts.append(stem + ("تان" if case == "nom" else "تين"))
    elif h:
        parts.append(HUNDRED_PREFIX[h] + rng.choice(["", " "]) + hundred)
    if r:
        parts += below_hundred(r, fem=fem, case=case, rng=rng)
    return parts


def number_words(n: int, *, fem: bool = False, case: str = "nom", rng: random.Random | None = None) -> str:
    """`n` (0..999,999) in Arabic words; `fem` is the counted noun's gender, `case` nom/acc/gen."""
    rng = rng or random.Random(0)
    if n == 0:
        return "صفر"
    t, r = divmod(n, 1000)
    parts: list[str] = []
    if t == 1:
        parts.append("ألفاً" if case == "acc" else "ألف")
    elif t == 2:
        parts.append("ألفان" if case == "nom" else "ألفين")
    elif 3 <= t <= 10:
        # ألف is masculine, so 3-10 take the ة form.
        parts.append(" و".join(below_hundred(t, fem=False, case=case, rng=rng)) + " آلاف")
    elif t:
        head = " و".join(below_thousand(t, fem=False, case=case, rng=rng))
        scale = "آلاف" if 3 <= t % 100 <= 10 else rng.choice(["ألف", "ألفاً"])
        parts.append(head + " " + scale)
    if r:
        parts += below_thousand(r, fem=fem, case=case, rng=rng)
    return " و".join(parts)
