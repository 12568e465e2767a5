"""Arabic proclitics (و ف ب ل ك ال and their chains) and the stems that merely start with those letters."""
from __future__ import annotations

import re
from collections.abc import Callable

# The written proclitic chains, longest first: [conjunction و/ف] [preposition ب/ك/ل] [article ال].
# ل + ال is written لل (the article's alef drops). Listed longest first so a regex alternation
# takes the longest chain.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
ARTICLE = "ال"


def _chains() -> list[str]:
    out: set[str] = set()
    for c in ("", *CONJUNCTIONS):
        for p in ("", *PREPOSITIONS):
            for a in ("", ARTICLE):
                chain = c + ("لل" if p == "ل" and a else p + a)
                if chain:
                    out.add(chain)
    return sorted(out, key=lambda x: (-len(x), x))


PROCLITIC_CHAINS: tuple[str, ...] = tuple(_chains())
# (prefix, tatweel?) at the start of a word; alef forms are folded by the caller.
PROCLITIC_RE = re.compile("^(?:" + "|".join(PROCLITIC_CHAINS) + ")")

# Minimum letters a stem must keep after stripping (tuned by hand on the reference article and on
# news vocabulary: `الله`, `التي`, `الذي` keep their ال; `بين`, `بعد`, `لدى`, `كما` keep their first letter).
MIN_STEM_AFTER_ARTICLE = 3
MIN_STEM_AFTER_LETTER = 3

# Frequent words (normalized: no diacritics, alef forms -> ا, ى -> ي, ة -> ه) whose first letter
# is و/ف/ب/ل/ك but belongs to the stem. A word, or the rest after a real proclitic, found here is
# not cut further. Names are not listed: entity lookup tries the whole word first.
STEMS_STARTING_WITH_CLITIC_LETTER: frozenset[str] = frozenset("""
وزير وزيره وزراء وزاره وزارات وزارتي ولايه ولايات وقف وقت وقتها وقوع وقع وقعت وصل وصول وصلت وضع
وضعت واقع وفد وفود وفاه وفق وفقا وكاله وكالات وكيل وحده وحدات وحيد ولد ولدت والد والده وطن وطني
وطنيه وجود وجه وجهت واجه وسط وسائل وسيله وراء ورد وردت وثيقه وزن ولي ولاء
وليد وائل وفاء وديع ولاده ورقه وجهه وجبه واسع واسعه واضح واضحه وعد وعود وافق وافقت واحد واحده
واشنطن ويلز
فيه فيها فيهم فيهما فيما فيكم فينا فوق فور فورا فتره فترات فرض فرق فريق فرصه فرع فروع فصل فصائل
فصيل فعل فعلي فعليه فكره فلسطين فلسطيني فلسطينيه فرنسا فرنسي فرنسيه فنزويلا فنلندا فيتنام فيينا
فندق فوز فاز فازت فقد فقدت فقط فاعل فعاليات فلوجه فيلق فرار
بين بينما بينهم بينها بعد بعض بعيد بلد بلاد بلده بلدات بلدان بلديه بيان بيانات بيت بيوت بحر بحري
بحث بحثت بدء بدا بدات بدايه برنامج برلمان برلماني بريطانيا بريطاني بريطانيه بلجيكا بيروت بغداد
بنغازي بكين بلغ بلغت بناء بنى باب بشكل بشان بسبب برج بطل بطوله بقي بقيه بنك بنوك بوابه بديل
لبنان لبناني لبنانيه ليبيا ليبي ليبيه لجنه لجان لقاء لقاءات لكن لكنه لكنها لدي لديه لديها لديهم
لم لن لها لهم لهذا لذلك لقد لماذا ليس ليست ليله لحظه لحظات لعبه لاعب لاعبين لواء لغه لندن لوكسمبورغ
لاهاي لافروف لازم لون لقب لحم لجوء لاجئ لاجئين لاجئون لقي لقيت
كان كانت كانوا كل كلمه كلمات كما كذلك كبير كبيره كبار كتاب كتب كتيبه كتائب كشف كشفت كمال كميه
كوبا كوريا كينيا كندا كولومبيا كابول كركوك كلي كليه كافه كيف كيلو كيلومتر كيلومترات كهرباء
""".split())

# Letters that can stand for the article's lam: the sun letters double in writing after لل only for
# ل itself (`لليل` = ل + ال + ليل), so after لل a stem may have lost its first ل.
LAM = "ل"
TATWEEL = "\u0640"

# Every proclitic chain by increasing length (the order `best_chain` tries them in).
CHAINS_BY_LENGTH: tuple[str, ...] = tuple(sorted(PROCLITIC_CHAINS, key=len))


def _valid(chain: str, rest: str, forced: bool) -> bool:
    if not rest:
        return False
    if forced or rest.isdigit():
        return True
    need = MIN_STEM_AFTER_ARTICLE if chain.endswith(("ال", "لل")) else MIN_STEM_AFTER_LETTER
    return len(rest) >= need


def best_chain(key: str, forced: Callable[[str], bool] | None = None) -> str:
    """The proclitic chain to cut from the normalized word `key` ("" when none), by the rules in
    `rasd.text.tokens`: a known stem is never cut; a candidate needs enough letters after it (or
    `forced(chain)`, a tatweel right after it in the written word); a candidate whose rest is a known
    stem wins, shortest first; else the longest candidate wins."""
    if key in STEMS_STARTING_WITH_CLITIC_LETTER or key[:1] not in _INITIALS:
        return ""
    candidates = [c for c in CHAINS_BY_LENGTH
                  if key.startswith(c) and _valid(c, key[len(c):], forced is not None and forced(c))]
    if not candidates:
        return ""
    for chain in candidates:  # shortest first
        if key[len(chain):] in STEMS_STARTING_WITH_CLITIC_LETTER:
            return chain
    return candidates[-1]


_INITIALS = frozenset(c[0] for c in PROCLITIC_CHAINS)


def chains_longest_first(*, exclude: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The chains of the table minus `exclude`, longest first (the order prefix strippers try them in)."""
    return tuple(c for c in PROCLITIC_CHAINS if c not in exclude)


def view(*chains: str) -> tuple[str, ...]:
    """A tuned subset of the table, in the order given (a stage's own choice of which chains to try).

    Every chain must be one of the table's (or a conjunction/preposition alone): the table stays the one
    place that says what a proclitic is, and a typo in a stage's list fails at import.
    """
    unknown = [c for c in chains if c not in PROCLITIC_CHAINS]
    if unknown:
        raise ValueError(f"not proclitic chains of the table: {unknown}")
    return chains


# The frozen views the shipped models were trained with (feature extraction is part of a model's
# definition: these must not change without a retrain). Built from the one table; a test pins them.
NER_PROCLITICS_V1: tuple[str, ...] = chains_longest_first(exclude=frozenset({"فك"}))
EVENTS_PROCLITICS_V1: tuple[str, ...] = chains_longest_first(exclude=frozenset({"فك", "فكال"}))
CATEGORY_PREFIXES_V1: tuple[str, ...] = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و")
# The name-key chains of `rasd.extract.canonical`: conjunction then preposition, no article (the
# article stays in a name's key), and `لل` read as ل + ال with the article given back.
NAME_CHAINS: tuple[tuple[str, str], ...] = tuple(sorted(
    [(c + p, "") for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS) if c + p]
    + [(c + "لل", ARTICLE) for c in ("", *CONJUNCTIONS)],
    key=lambda x: -len(x[0])))
PROCLITIC_INITIALS: frozenset[str] = frozenset(CONJUNCTIONS + PREPOSITIONS)
