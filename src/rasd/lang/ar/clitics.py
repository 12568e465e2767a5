"""Arabic proclitics (و ف ب ل ك ال and their chains) and the stems that merely start with those letters."""
from __future__ import annotations

import re

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
