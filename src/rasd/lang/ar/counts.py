"""Arabic count data: what a figure counts (kind lexicons), qualifiers, units that are not counts.

Every entry is a matching key (`rasd.extract.wordscan.key`: no diacritics, alef forms -> ا, ى -> ي,
ة -> ه). Kinds follow SPEC §2: killed, injured, arrested, kidnapped, missing, displaced, strikes,
violations, attackers.
"""
from __future__ import annotations

from rasd.lang.ar.clitics import CONJUNCTIONS, view

# Proclitics a noun or verb can carry (`بمقتل`, `والقتلى`, `وأصيب`), longest first.
NOUN_PREFIXES: tuple[str, ...] = view("وبال", "وال", "بال", "فال", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل")
VERB_PREFIXES: tuple[str, ...] = view(*CONJUNCTIONS)


def _table(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {form: kind for kind, forms in groups.items() for form in forms}


# Nouns that name what is counted (`27 قتيلا`, `42 غارة`, `انتهاكاً واحداً`), without ال.
KIND_NOUNS: dict[str, str] = _table({
    "killed": ("قتيل", "قتيلا", "قتلي", "شهيد", "شهيدا", "شهداء", "ضحيه", "ضحايا", "جثه", "جثث",
               "قتيلين", "قتيلان", "شهيدين"),
    "injured": ("جريح", "جريحا", "جرحي", "مصاب", "مصابا", "مصابين", "مصابون", "جريحين", "جريحان"),
    "arrested": ("معتقل", "معتقلا", "معتقلين", "معتقلون", "موقوف", "موقوفا", "موقوفين", "محتجز",
                 "محتجزا", "محتجزين", "اسير", "اسيرا", "اسري", "مشتبه", "مشتبها"),
    "kidnapped": ("مخطوف", "مخطوفا", "مخطوفين", "مختطف", "مختطفا", "مختطفين", "رهينه", "رهائن"),
    "missing": ("مفقود", "مفقودا", "مفقودين", "مفقودون"),
    "displaced": ("نازح", "نازحا", "نازحين", "نازحون", "لاجئ", "لاجئا", "لاجئين", "لاجئون", "مهجر",
                  "مهجرا", "مهجرين", "مشرد", "مشردا", "مشردين"),
    "strikes": ("غاره", "غارات", "ضربه", "ضربات", "قذيفه", "قذائف", "صاروخ", "صاروخا", "صواريخ",
                "غارتين", "غارتان", "صاروخين", "قذيفتين", "ضربتين", "طلعه", "طلعات"),  # air sorties
    "violations": ("انتهاك", "انتهاكا", "انتهاكات", "خرق", "خرقا", "خروقات", "خروق", "انتهاكين",
                   "خرقين", "انتهاكان"),
    "attackers": ("مسلح", "مسلحا", "مسلحين", "مسلحون", "مهاجم", "مهاجما", "مهاجمين", "انتحاري",
                  "انتحاريا", "انتحاريين", "انتحاريان", "مسلحان", "مهاجمان", "انتحاريتان",
                  "انتحاريتين", "انتحاريه", "انتحاريات"),
    # a crowd: figures of protesters are people counted (`other`), GDELT's PROTEST count
    "other": ("متظاهر", "متظاهرا", "متظاهرين", "متظاهرون", "متظاهره", "متظاهرات", "محتج", "محتجا",
              "محتجين", "محتجون", "محتجات"),
})

# Explosions and attacks as incidents (docs/record.md: `strikes`), counted only with a figure
# (`3 تفجيرات`, `15 هجوما`) or as a dual (`تفجيرين استهدفا`, `والهجومان`, `عبوتان ناسفتان`): a
# single one (`الانفجار`, `هجوم على فندق`) names the story's event, not a figure. They are no kind
# nouns, so they neither stop the reading of a clause nor mark a sentence on their own.
EXPLOSION_NOUNS: frozenset[str] = frozenset({
    "تفجيرات", "تفجيرا", "انفجارات", "انفجارا", "هجمات", "هجوما", "اعتداءات",
})
EXPLOSION_DUALS: frozenset[str] = frozenset({
    "تفجيرين", "تفجيران", "انفجارين", "انفجاران", "هجومين", "هجومان", "اعتداءين", "اعتداءان",
    "عبوتين", "عبوتان",
})
# `3 عبوات ناسفة`: bombs only with the next word.
BOMB_NOUNS: dict[str, str] = {"عبوات": "ناسف", "عبوه": "ناسف", "عبوتين": "ناسف", "عبوتان": "ناسف"}
# Nouns that count strikes only with the next word (`براميل متفجرة`, not oil barrels): noun ->
# (start of the next word, kind).
NEEDS_NEXT: dict[str, tuple[str, str]] = {
    "برميل": ("متفجر", "strikes"), "براميل": ("متفجر", "strikes"),
    # `5 بطاقات إيداع بالسجن`: committal orders, one per person held (Tunisian usage)
    "بطاقات": ("ايداع", "arrested"), "بطاقه": ("ايداع", "arrested"),
    # `57 حالة وفاة`: deaths counted as cases
    "حاله": ("وفاه", "killed"), "حالات": ("وفاه", "killed"),
}
# Kinds named by who people are (`مسلحين`, `لاجئين`): an event word before the figure overrides them
# (`قتل 11 مسلحاً` counts killed).
PEOPLE_KINDS: frozenset[str] = frozenset({"attackers", "displaced", "arrested", "kidnapped", "missing",
                                          "other"})
# Kind nouns that name a crowd, not what befell it: no toll or total takes its kind from them.
CROWD_KIND = "other"
EVENT_KINDS: frozenset[str] = frozenset({"killed", "injured", "arrested", "kidnapped", "missing",
                                         "displaced"})
# Event nouns that count one named or singular victim (`مقتل الفريق …`); `إصابة` is left out, as it
# also means a hit, an infection or a sports injury.
VICTIM_KINDS: frozenset[str] = frozenset({"killed", "arrested", "kidnapped"})
# Words in a sentence that make `إصابة` an infection.
DISEASE_WORDS: frozenset[str] = frozenset({
    "بالمرض", "مرض", "بمرض", "الامراض", "فيروس", "بفيروس", "الفيروس", "كورونا", "بكورونا", "وباء",
    "الوباء", "الكوليرا", "بالكوليرا", "الحمي", "حمي", "بالحمي", "السرطان", "بالسرطان", "الانفلونزا",
    "بالانفلونزا", "الايدز", "بالايدز", "عدوي", "العدوي", "الملاريا", "بالملاريا", "الضنك",
    "الحصبه", "بالحصبه", "كوفيد", "بكوفيد", "ميرس", "كورونا،",
})
# `حالة` alone is no disease word (`بينهم 99 في حالة خطيرة`, `بسبب حالة هلع`); as the noun of an
# injury figure it counts cases of infection (`إصابة 12 حالة`).
CASE_NOUNS: frozenset[str] = frozenset({"حاله", "حالات", "حالتين", "حالتان"})
# Words after a figure that never name what it counts: pronoun-suffixed conjunctions and nouns
# that describe the wounds of people already counted (`بينهم 25 جروحهم خطرة`).
NOT_OBJECT_WORDS: frozenset[str] = frozenset({
    "لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "ولكنها", "ولكنه", "جروحهم", "جروحه", "اصاباتهم",
    "اصابتهم", "اصابته", "حالتهم", "حالته", "حالتها", "منهم", "منهن", "فقط",
})
# Counted nouns that say nothing about who was counted: two reports of the same figure with these
# nouns (`مقتل 35 شخصا`, `35 شهيدا`) are one report repeated (`rasd.extract.count_attach.drop_repeats`).
GENERIC_OBJECTS: frozenset[str] = frozenset({
    "شخص", "اشخاص", "شخصا", "شخصين", "مدني", "مدنيا", "مدنيين", "مدنيون", "قتيل", "قتيلا", "قتلي",
    "شهيد", "شهيدا", "شهداء", "جريح", "جريحا", "جرحي", "مصاب", "مصابا", "مصابين", "مصابون",
    "اخرين", "اخرون", "ضحيه", "ضحايا", "اخر", "فردا", "افراد", "نسمه",
})

# Indefinite singular kind nouns that count 1 with no figure (`وانتهاكاً في درعا`), and duals = 2.
SINGULAR_NOUNS: frozenset[str] = frozenset({
    "انتهاك", "انتهاكا", "خرق", "خرقا", "غاره", "قذيفه", "صاروخ", "صاروخا", "قتيل", "قتيلا",
    "جريح", "جريحا",
})
# Words before a bare kind noun that make it no count (`أي خرق`, `دون انتهاك`).
NO_COUNT_BEFORE_NOUN: frozenset[str] = frozenset({"اي", "ايه", "لاي", "كل", "دون", "بدون", "بلا",
                                                  "عدم", "لا", "اجل", "ضد", "مثل", "يشكل",
                                                  "تشكل", "ستشكل", "سيشكل", "شكل", "يعد", "تعد",
                                                  "يعتبر", "تعتبر", "يمثل", "تمثل", "بمثابه"})
# Bare strike nouns (`غارة`, `قذيفة`, `صاروخ`) count one strike only with an attack word within
# STRIKE_CONTEXT_WORDS words (`شن غارة`, `سقوط قذيفة`, `صاروخ … أطلق`): otherwise they name a weapon
# (`صاروخ كروز`, `صاروخ ماديرا` in sport). Keys after proclitics `و`/`ف`/`ب` are taken off.
STRIKE_CONTEXT: frozenset[str] = frozenset({
    "شن", "شنت", "بشن", "شنها", "شنتها", "نفذ", "نفذت", "نفذها", "تنفيذ", "اطلق", "اطلقت", "اطلقها",
    "اطلقته", "اطلاق", "سقوط", "سقط", "سقطت", "استهدف", "استهدفت", "استهداف", "ضرب", "ضربت",
    "جراء", "اثر", "اعترض", "اعترضت", "اعتراض", "انفجار", "اصاب", "اصابت", "اصيب", "اصيبت",
    "قصف", "قصفت", "جويه", "هاون", "صاروخيه", "مدفعيه", "دمرت", "ادت", "اسفرت", "تسببت", "طالت",
    "اسقط", "اسقطت", "اسقاط",
    # the aircraft that flew it (`في غارة أمريكية بطائرة بدون طيار`)
    "طائره", "طائرات", "مسيره", "مسيرات", "حربيه", "طيار",
})
STRIKE_CONTEXT_WORDS = 4
# A raid with its nationality (`في غارة أمريكية`, `غارة إسرائيلية`): one strike with no attack word.
RAID_NOUNS: frozenset[str] = frozenset({"غاره"})
# Strike nouns that also name weapons in stock: a figure of them counts strikes only in an attack
# context too (`أطلق 180 صاروخا`, not `غواصة تحمل 6 صواريخ`).
MISSILE_NOUNS: frozenset[str] = frozenset({"صاروخ", "صاروخا", "صواريخ", "صاروخين"})
# Bare violation nouns (`انتهاك`, `خرق`) count one violation only in a tally: a place right after
# (`وانتهاكاً في درعا`) or a figure of violations in the same sentence; elsewhere they name a breach
# in general (`انتهاك حقوق الملكية`, `انتهاك صارخ للخصوصية`).
# Event nouns that never start a single-victim count: `أسر` is also `families` (أُسَر) and
# `captivated`; `وفاة` of a named person is a death, mostly natural (obituaries), not a killing.
NO_VICTIM_EVENTS: frozenset[str] = frozenset({"اسر", "سجن"})  # `حكم بسجن ناشط`: a sentence passed
NO_NAMED_VICTIM_EVENTS: frozenset[str] = frozenset({"وفاه"})
DUAL_NOUNS: frozenset[str] = frozenset({
    "قتيلين", "قتيلان", "شهيدين", "جريحين", "جريحان", "غارتين", "غارتان", "صاروخين", "قذيفتين",
    "ضربتين", "انتهاكين", "انتهاكان", "خرقين", "انتحاريان", "مسلحان", "مهاجمان", "انتحاريتان",
    "انتحاريتين",
})

# Event nouns written before the figure or the victim (`مقتل 27`, `اعتقال 5`, `استشهاد جنرال`).
EVENT_NOUNS: dict[str, str] = _table({
    "killed": ("مقتل", "قتل", "استشهاد", "مصرع", "اغتيال", "اعدام", "وفاه"),
    "injured": ("اصابه", "جرح"),
    "arrested": ("اعتقال", "توقيف", "احتجاز", "اسر", "القبض", "سجن"),
    "kidnapped": ("اختطاف", "خطف"),
    "missing": ("فقدان", "اختفاء", "فقد"),
    # `تم إجلاء نحو 1800 شخص`: people moved out of a besieged or battered place are displaced (OCHA
    # counts the evacuees of a siege among the displaced); `فرار` is their flight
    "displaced": ("نزوح", "تهجير", "تشريد", "لجوء", "اجلاء", "فرار", "اخراج"),
})

# Verbs written before the figure (`قتل 7`, `أصيب أكثر من 70`, `ألقت القبض على 12`).
EVENT_VERBS: dict[str, str] = _table({
    # the headline present (`الشرطة المصرية تقتل 6 أشخاص`) reports a past killing
    # not the plurals (`قتلوا`, `اعتقلوا`): verb-final after their people (`150 شخصا قتلوا`), they
    # would give their kind to the next figure (`قتلوا في الأشهر الأربعة`)
    "killed": ("قتل", "قتلت", "استشهد", "اعدم", "اعدمت", "توفي", "قضي", "تقتل", "يقتل"),
    "injured": ("اصيب", "اصيبت", "جرح", "جرحت"),
    "arrested": ("اعتقل", "اعتقلت", "اوقف", "اوقفت", "احتجز", "احتجزت", "اسر", "اسرت"),
    "kidnapped": ("اختطف", "اختطفت", "خطف", "خطفت"),
    "displaced": ("نزح", "نزحت", "هجر", "شرد", "شردت", "اجلي", "فر"),  # not اجلت: also "postponed"
})
# `قتل عدد من عناصر داعش، بينهم المدعو عمر صفوك`: a total with no figure, whose named part counts.
SOME_OF_HEADS: frozenset[str] = frozenset({"عدد", "عددا", "بعض"})
SOME_OF_WINDOW = 10
# A relative clause after a people noun says what befell them (`المسلحين الذين قتلهم الجيش`):
# the pronoun, and the object or plural endings taken off its verb.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"الذين", "اللذين", "اللواتي", "اللاتي", "التي", "الذي"})
VERB_OBJECT_SUFFIXES: tuple[str, ...] = ("هم", "هن", "وا", "ها", "ه")
# `ألقت القبض على 12`, `القضاء على 12 مسلحا`: a noun then `على` before the figure.
ARREST_PHRASE_PREP = "علي"
ON_PHRASES: dict[str, str] = {"القبض": "arrested", "القضاء": "killed"}
# `بطاقات إيداع بالسجن في حق 5 أشخاص`: an order against people, its noun up to this many words back.
AGAINST_WORDS: frozenset[str] = frozenset({"حق", "ضد"})
ORDER_NOUNS: dict[str, str] = {"ايداع": "arrested"}
ORDER_WINDOW = 4
# `بلغ عدد القتلى 45`, `بلغ عدد الضحايا في حماة 13`, `بلغ عددهم 20`: the count noun before a figure,
# COUNT_HEAD_WINDOW words back at most.
COUNT_HEADS: frozenset[str] = frozenset({"عدد", "وعدد", "بعدد", "فعدد"})
COUNT_HEAD_PRONOUNS: frozenset[str] = frozenset({"عددهم", "عددهن", "عددها", "وعددهم"})
COUNT_HEAD_WINDOW = 5
# With a toll verb right before the figure the count noun may stand further back, a time phrase
# between (`عدد القتلى بعد إقرار مشروع قرار الهدنة بلغ 7 أشخاص`, `… منذ الأحد الماضي … قد تجاوز 500`).
TOLL_VERBS: frozenset[str] = frozenset({
    "بلغ", "بلغت", "يبلغ", "تبلغ", "تجاوز", "تجاوزت", "يتجاوز", "وصل", "وصلت", "ارتفع", "ارتفعت",
    "فاق", "فاقت", "يفوق", "تخطي", "تخطت",
})
COUNT_HEAD_TOLL_WINDOW = 12
# `لقي 14 مصرعهم`: a verb whose kind comes from a word after the figure.
DEATH_AFTER: frozenset[str] = frozenset({"مصرعهم", "مصرعه", "مصرعهما", "مصرعها", "حتفهم",
                                         "حتفه", "حتفهما", "مصرعهن"})
# Verb-final kind words that give their kind only before a given word (`خرجوا من دوما`, not `خرجوا
# للتظاهر`: out to protest); another word after them ends the reading.
KIND_AFTER_NEXT: dict[str, str] = {"خرجوا": "من"}
# `12 شخصا ما زالوا مفقودين`: words of "still" between the counted people and their kind word.
STILL_WORDS: frozenset[str] = frozenset({"ما", "لا", "زالوا", "يزالون", "مازالوا", "لازالوا", "زال", "يزال"})
# Words after the counted people that give the kind (`27 مدنيا قتلوا`, `5 جنود بجروح`).
KIND_AFTER: dict[str, str] = {
    **{w: "killed" for w in DEATH_AFTER}, "قتلوا": "killed", "قتلي": "killed", "قتيلا": "killed",
    "بجروح": "injured", "جرحوا": "injured", "اصيبوا": "injured", "جرحي": "injured",
    "اعتقلوا": "arrested", "اختطفوا": "kidnapped", "فقدوا": "missing",
    # verb-final clauses (`… 35 طفلا، قتلوا`)
    "قضوا": "killed", "استشهدوا": "killed", "توفوا": "killed", "لقوا": "killed",
    "اوقفوا": "arrested", "احتجزوا": "arrested", "نزحوا": "displaced", "هجروا": "displaced",
    "اجلوا": "displaced", "فروا": "displaced", "هربوا": "displaced",
    "خرجوا": "displaced",  # خرجوا: KIND_AFTER_NEXT
    # `600 شخص تم إيقافهم`: a verbal noun with their pronoun
    "ايقافهم": "arrested", "توقيفهم": "arrested", "اعتقالهم": "arrested", "احتجازهم": "arrested",
    "خطفوا": "kidnapped",
}
# Nouns of people whose figure no event word gives a kind: SPEC §2 counts every figure of people the
# article reports, so `54 عنصرا`, `153 شخصا طردتهم إيطاليا`, `2500 مواطن` are `other` (read last, after
# every kind word before or after them had its say). Indefinite forms, as they follow a figure.
PEOPLE_NOUNS: frozenset[str] = frozenset({
    "شخص", "شخصا", "اشخاص", "مدني", "مدنيا", "مدنيين", "مدنيون", "عنصر", "عنصرا", "عناصر", "مقاتل",
    "مقاتلا", "مقاتلين", "مقاتلون", "جندي", "جنديا", "جنود", "طفل", "طفلا", "اطفال", "امراه", "نساء",
    "سيده", "سيدات", "رجل", "رجلا", "رجال", "مهاجر", "مهاجرا", "مهاجرين", "مهاجرون", "مواطن", "مواطنا",
    "مواطنين", "مواطنون", "فرد", "فردا", "افراد", "سجين", "سجينا", "سجناء", "شرطي", "شرطيا", "شرطيين",
    "ضابط", "ضابطا", "ضباط", "متهم", "متهما", "متهمين", "متهمون", "مريض", "مريضا", "مرضي", "عائله",
    "عائلات", "اسره", "اسر", "صحفي",
    "صحفيا", "صحفيين", "ناشط", "ناشطا", "ناشطين", "مسلم", "مسلما", "مسلمين", "سوري", "سوريا", "سوريين",
    "فلسطيني", "فلسطينيا", "فلسطينيين", "عراقي", "عراقيا", "عراقيين", "يمني", "يمنيا", "يمنيين",
})
# Travellers and inhabitants are statistics, not people reported (`4,5 ملايين مسافر`, `600 ألف نسمة`):
# not in PEOPLE_NOUNS. Words right after the people noun that make the figure one of the displaced
# (`دفع أكثر من 270 ألف مدني إلى النزوح`), up to PEOPLE_DISPLACED_WINDOW words on.
PEOPLE_DISPLACED_WORDS: frozenset[str] = frozenset({"النزوح", "للنزوح", "نزوح", "الفرار", "للفرار"})
PEOPLE_DISPLACED_WINDOW = 3
# Words of the sentence that make a figure of people no report of them: a vote, a quota, a plan or a
# capacity (`يتسع لـ 500 شخص`, `بمشاركة 30 شخصا في المؤتمر` is a crowd rule's business, not this one's).
PEOPLE_NOT_BEFORE: frozenset[str] = frozenset({
    "ل", "يتسع", "تتسع", "يستوعب", "تستوعب", "لاستيعاب", "سعه", "بسعه", "طاقه", "بطاقه", "كل", "لكل",
    "يضم", "تضم", "تتالف", "يتالف", "مكون", "مكونه", "مكونا", "يحتاج", "تحتاج", "سيتم", "سوف", "يمكن",
    "بين", "اصل", "سكانها", "سكانه", "يسكنها", "يسكنه", "يقطنها", "يقطنه", "تعداد", "تعدادها",
})

# Links that make a figure part of an earlier one (`بينهم 5 أطفال`).
SUBSET_WORDS: frozenset[str] = frozenset({"بينهم", "بينهن", "منهم", "منهن", "بينها", "منها"})

# Qualifiers as word sequences before the figure, longest first; and after the counted noun.
QUALIFIERS_BEFORE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("ما", "لا", "يقل", "عن"), "at-least"), (("ما", "لا", "يقل", "علي"), "at-least"),
    (("لا", "يقل", "عن"), "at-least"), (("ما", "يزيد", "عن"), "more-than"),
    (("ما", "يزيد", "علي"), "more-than"), (("ما", "يربو", "علي"), "more-than"),
    (("ما", "يقرب", "من"), "about"), (("اكثر", "من"), "more-than"), (("ازيد", "من"), "more-than"),
    (("يزيد", "عن"), "more-than"), (("اقل", "من"), "about"), (("ما", "يقارب"), "about"),
    (("نحو",), "about"), (("قرابه",), "about"), (("حوالي",), "about"), (("زهاء",), "about"),
    (("تقريبا",), "about"),
)
# The last word of a qualifier that a careless writer glues onto the figure (`أكثر من1700`).
GLUED_QUALIFIER_ENDS: frozenset[str] = frozenset({"من", "عن"})
QUALIFIERS_AFTER: tuple[tuple[tuple[str, ...], str], ...] = (
    (("علي", "اقل", "تقدير"), "at-least"), (("علي", "الاقل"), "at-least"), (("تقريبا",), "about"),
)

# Words after a figure that make it a measure, a date or money, not a count of people or incidents.
UNITS: frozenset[str] = frozenset({
    "عام", "عاما", "اعوام", "سنه", "سنوات", "سنين", "شهر", "اشهر", "شهور", "شهرا", "يوم", "ايام",
    "يوما", "ساعه", "ساعات", "دقيقه", "دقائق", "ثانيه", "ثوان", "اسبوع", "اسابيع", "اسبوعا",
    "دولار", "دولارا", "دولارات", "يورو", "ليره", "ليرات", "ريال", "ريالا", "ريالات", "جنيه", "جنيها",
    "جنيهات", "دينار", "دينارا", "دنانير", "درهم", "درهما", "دراهم", "شيكل", "شيكلا", "روبل", "فرنك",
    "مليار", "مليارات", "بالمئه", "بالمائه", "المئه", "المائه", "كيلومتر", "كيلومترا", "كيلومترات",
    "كلم", "كم", "متر", "مترا", "امتار", "ميل", "ميلا", "اميال", "طن", "طنا", "اطنان", "لتر", "لترا",
    "هكتار", "دونم", "دونما", "كيلو", "كيلوغرام", "كغ", "غرام", "جرام", "درجه", "درجات", "نقطه",
    "نقاط", "مره", "مرات", "هدف", "هجريه", "ميلاديه", "هـ", "ه", "م", "ق", "اهداف", "صوت", "اصوات",
    "مقعد", "مقعدا", "مقاعد",
    "سم", "ملم", "ميغاواط", "%", "٪",
    # what hit one person (`أصيب بأربع طلقات`, `14 طعنة`)
    "طلقات", "طلقه", "طلقتين", "رصاصات", "رصاصه", "رصاصتين", "طعنات", "طعنه", "طعنتين", "جرحا",
    "جروح", "كسور",
})
# Words before a figure that make it a label, an age or a date (`عام 2017`, `القرار 2254`).
NOT_COUNT_BEFORE: frozenset[str] = frozenset({
    "عام", "العام", "سنه", "لعام", "رقم", "برقم", "القرار", "قرار", "الماده", "البند", "الفقره",
    "الطريق", "الجوله", "الدوره", "الساعه", "الصفحه", "عمر", "بعمر", "العمر", "سن", "بسن", "عمره",
    "عمرها", "الكيلو", "الكيلومتر", "الفصل", "المرتبه", "المركز", "الهاتف", "هاتف", "الفئه",
    "النسخه", "الاصدار", "الطابق", "المبني", "اللواء", "الفرقه", "الكتيبه",
})
# `عدد القتلى إلى 50`, `حصيلة … إلى`: the figure follows this preposition.
TOLL_PREP = "الي"
TOLL_WINDOW = 4
# `حصيلة القتلى` names its kind from as far as TOLL_WINDOW_LONG words before `إلى`; a bare
# `حصيلة` (the toll of a bombing) counts the dead when it stands within TOLL_WINDOW words.
TOLL_WINDOW_LONG = 14
TOLL_HEADS: frozenset[str] = frozenset({"حصيله", "وحصيله", "بحصيله", "لحصيله", "الحصيله"})

# Victim heads after an event noun that make one person (`استشهاد جنرال روسي`), and duals (= 2).
_PERSON_SINGULAR_BASE: frozenset[str] = frozenset({
    "جنرال", "جندي", "شخص", "طفل", "طفله", "مدني", "ضابط", "عنصر", "صحفي", "صحافي", "رجل", "امراه",
    "شاب", "شابه", "فتي", "فتاه", "مواطن", "مواطنه", "مسن", "ناشط", "مقاتل", "عسكري", "شرطي",
    "قيادي", "قائد", "مسؤول", "مسوول", "مستوطن", "اسرائيلي", "فلسطيني", "طالب", "طبيب", "معلم",
    "عون",  # Tunisian `عون أمن`: a security agent
    "معلمه", "طالبه", "طبيبه", "صحفيه", "صحافيه", "ناشطه", "مسؤوله", "سائق", "سائقه", "عامل", "عامله",
    "موظف", "موظفه", "مزارع", "سائح", "سائحه", "خادمه", "حارس", "مراهق", "مراهقه", "صبي", "سيده",
    "محام", "محامي", "محاميه", "قاض", "قاضي", "امام", "كاهن", "معارض", "معارضه", "مصور", "مراسل",
    "مراسله", "اعلامي", "اعلاميه", "مدون", "مدونه", "ممرض", "ممرضه", "مسعف", "لاعب", "رضيع", "رضيعه",
    "متظاهر", "متظاهره", "محتج", "محتجه", "راكب", "مهاجر", "سجين",
    # kin with a pronoun (`متهم بقتل زوجته`)
    "زوجته", "زوجها", "ابنه", "ابنها", "ابنته", "ابنتها", "والده", "والدته", "والدها", "والدتها",
    "شقيقه", "شقيقته", "شقيقها", "شقيقتها", "طفلها", "طفلته", "طفلتها", "امه", "امها", "ابيه",
})
# Nominative duals of people (`قتل جنديان`, `لقيت امرأتان مصرعهما`): 2 victims of the verb before or
# of the death phrase after.
_PERSON_DUAL_NOMINATIVE_LISTED: frozenset[str] = frozenset({
    "جنديان", "شخصان", "طفلان", "ضابطان", "عنصران", "رجلان", "شابان", "امراتان", "طفلتان",
    "شقيقان", "مدنيان", "مواطنان", "شرطيان", "مسلحان", "فلسطينيان", "صحفيان", "صحافيان", "شخصيتان",
})
_PERSON_DUAL_LISTED: frozenset[str] = frozenset({
    "جنديين", "شخصين", "طفلين", "ضابطين", "عنصرين", "رجلين", "شابين", "امراتين",
    "طفلتين", "شقيقين", "قياديين", "شخصيتين",
})
# Feminine person nouns, from their masculine (`مسعف` → `مسعفه`): only those whose feminine is not a
# common other word (`امامه` "before him", `رجله` "his leg", `عونه` "his help" are left out).
_FEMININE_OF: frozenset[str] = frozenset({
    "مسعف", "جندي", "شرطي", "ضابط", "مقاتل", "مستوطن", "مزارع", "مسن", "لاعب", "مصور", "حارس", "قاضي",
    "فلسطيني", "اسرائيلي", "عسكري", "مسؤول", "مسوول", "قيادي", "مواطن", "معلم", "طالب", "طبيب",
})
# Masculine nouns whose plural is broken (`جندي` → `جنود`), so `X+ين` is a dual and never a plural;
# a sound plural (`مقاتلين`, `مسعفين`) reads the same as the dual and gives no figure.
_BROKEN_PLURAL: frozenset[str] = frozenset({
    "جندي", "شخص", "طفل", "ضابط", "عنصر", "رجل", "شاب", "طبيب", "طالب", "حارس", "سائق", "سائح", "قائد",
    "قاضي", "كاهن", "رضيع", "صبي", "فتي", "شقيق",
})


def _duals(word: str) -> tuple[str, str]:
    """Nominative and oblique duals of a person noun (`شخص` → `شخصان`, `شخصين`; `مسعفه` → `مسعفتان`,
    `مسعفتين`)."""
    stem = word[:-1] + "ت" if word.endswith("ه") else word
    return stem + "ان", stem + "ين"


_FEMININE: frozenset[str] = frozenset(w + "ه" for w in _FEMININE_OF)
PERSON_SINGULAR: frozenset[str] = _PERSON_SINGULAR_BASE | _FEMININE
# Listed feminine singulars whose duals are generated too.
_FEMININE_LISTED: frozenset[str] = frozenset({"طفله", "شابه", "فتاه", "امراه", "سيده", "طالبه", "طبيبه",
                                             "ممرضه", "صحفيه", "صحافيه", "ناشطه"})
_GENERATED_DUALS = [_duals(w) for w in sorted(_FEMININE | _BROKEN_PLURAL | _FEMININE_LISTED)]
PERSON_DUAL_NOMINATIVE: frozenset[str] = _PERSON_DUAL_NOMINATIVE_LISTED | frozenset(
    n for n, _ in _GENERATED_DUALS)
PERSON_DUAL: frozenset[str] = _PERSON_DUAL_LISTED | frozenset(o for _, o in _GENERATED_DUALS)

# A victim's name after a rank (`مقتل الفريق فاليرى أسابوف`) is at most this many words, and ends
# before words that give the cause (`جراء`, `بقصف`).
VICTIM_NAME_WORDS = 3
CAUSE_WORDS: frozenset[str] = frozenset({
    "جراء", "اثر", "بسبب", "نتيجه", "برصاص", "بنيران", "بقصف", "بانفجار", "بغاره", "بهجوم", "اثناء",
    "اليوم", "امس", "متاثرا", "متاثره", "بعد", "قبل", "عند", "قرب", "داخل", "خارج",
})

# ---- clause attachment (issue 13) ---------------------------------------------------------------
# Pronoun adverbs between a verb and its figure (`الهجوم الذي قتل خلاله 3 أشخاص`, `أصيب فيه 16`).
VERB_FIGURE_LINKS: frozenset[str] = frozenset({
    "خلاله", "خلالها", "فيه", "فيها", "جراءه", "جراءها", "بسببه", "بسببها", "اثره", "اثرها",
    "حينها", "عندها", "بداخلها", "بداخله", "ايضا", "كذلك", "جميعا", "اليوم", "امس",
})
# `أودى بحياة 16 شخصا`, `حصد أرواح 20`: nouns before a figure that count the dead.
DEATH_BEFORE: frozenset[str] = frozenset({"بحياه", "بارواح", "ارواح", "حياه",
                                          "جثث", "جثامين"})  # `انتشال جثث 12 شخصا`: the dead
# Verb-final clauses (`أكثر من 230 مدنيا، من بينهم 35 طفلا، قتلوا`): how many words after the
# counted noun the verb that gives the kind may stand.
VERB_FINAL_WINDOW = 10
# Killed-or-injured in one figure (`سقط 5122 شخصاً بين قتيل وجريح`, `50 قتيلا وجريحا`, `مقتل وإصابة 4`):
# kind `other` with this object, unless the text gives each part its own figure.
COMBINED_OBJECT = "قتيل وجريح"
COMBINED_KILLED: frozenset[str] = frozenset({"قتيل", "قتيلا", "قتلي", "شهيد", "شهيدا", "شهداء", "مقتل",
                                             "قتل", "مصرع", "وفاه", "وفيات"})
COMBINED_INJURED: frozenset[str] = frozenset({"جريح", "جريحا", "جرحي", "مصاب", "مصابا", "مصابين",
                                              "اصابه", "جرح", "اصابات", "اصيب", "اصيبت", "جرحت"})
# Pronoun links that start a breakdown of people already named (`للمصابين …، وهم 9 حالات للرجال`).
BREAKDOWN_WORDS: frozenset[str] = frozenset({"وهم", "هم", "وهن", "هن", "وهما", "هما", "وهي"})
# Words of one person after a killing or wounding verb or noun (`أصاب أحدهم`).
ONE_OF_THEM: frozenset[str] = frozenset({"احدهم", "احدهما", "احداهن", "احداهما", "احدها"})
# One more victim, after a verb or an event noun (`قتل شخص وأصيب آخر`, `القضاء على اثنين وإصابة ثالث`).
ANOTHER_ONE: frozenset[str] = frozenset({"اخر", "ثان", "ثالث", "رابع", "خامس"})
# Verbs of a single victim (`قتل شخصا بداخلها وأصاب السائق`, `قُتل المراهق بلال خفاجة`): key -> kind.
VICTIM_VERBS: dict[str, str] = {
    "قتل": "killed", "قتلت": "killed", "اغتيل": "killed", "اغتال": "killed", "اغتالت": "killed",
    "اعدم": "killed", "اعدمت": "killed", "استشهد": "killed",
    "اصاب": "injured", "اصابت": "injured", "اصيب": "injured", "اصيبت": "injured", "جرح": "injured",
    "اعتقل": "arrested", "اعتقلت": "arrested", "اوقف": "arrested", "اوقفت": "arrested",
    "احتجز": "arrested", "احتجزت": "arrested",
    "اختطف": "kidnapped", "اختطفت": "kidnapped", "خطف": "kidnapped", "خطفت": "kidnapped",
    # active plurals with their object (`قتلوا شرطيا`, `قتلوا مدنيين اثنين`)
    "قتلوا": "killed", "اعدموا": "killed", "اصابوا": "injured", "اعتقلوا": "arrested",
    "احتجزوا": "arrested", "اختطفوا": "kidnapped", "خطفوا": "kidnapped",
}
# How many words may stand between a victim's event word and the PER entity it names (descriptions
# and the subject of an active verb: `اعتقلت السلطات البريطانية رجل الأعمال الفرنسي ألكسندر الجوهري`).
VICTIM_DESCRIPTION_WORDS = 6
# Missing people are counted only when named (`اختفاء الصحفي جمال خاشقجي`).
NAMED_ONLY_KINDS: frozenset[str] = frozenset({"missing"})
NAMED_MISSING_EVENTS: frozenset[str] = frozenset({"اختفاء", "فقدان"})
# `من قتل نفسا`, `لكل من قتل`: whoever kills (a general statement, no victim counted).
WHOEVER: frozenset[str] = frozenset({"من", "لمن", "فمن", "ومن", "كل"})
# Words within a few words before a figure that make it hypothetical or negated, not reported
# (`قد تؤدي إلى مقتل العشرات`, `لتجنب سقوط ضحايا`).
HEDGES: frozenset[str] = frozenset({
    "قد", "سوف", "يؤدي", "تؤدي", "ستؤدي", "سيؤدي", "يودي", "تودي", "لو", "اذا", "يمكن",
    "المزعوم", "المزعومه", "مزعوم", "مزعومه", "مزاعم", "الشك",
    # attempts, warrants and demands: the act did not (yet) happen (`محاولة اغتياله`, `مذكرة اعتقال`)
    "محاوله", "لمحاوله", "بمحاوله", "مذكره", "بمذكره", "طالب", "طالبت", "يطالب", "تطالب", "دعا",
    "دعت", "بضروره", "احباط", "لاحباط", "مخطط", "خطه",
    "يمكنه", "ربما", "لتجنب", "تجنب", "لمنع", "منع", "خشيه", "مخاوف", "تهدد", "يهدد", "احتمال",
    "محتمل", "ممكن", "لتفادي", "تفادي", "بهدف", "يخشي", "تخشي", "لم", "لن", "نفي", "نفت", "تنفي",
    "ينفي",
    # wishes (`الشعب يريد إعدام سليمان`)
    "يريد", "تريد", "يريدون", "نريد", "يطالبون", "طالبوا",
})
# `5 أشخاص في حالة حرجة`, `بوضع مستقر`: the condition of people after their figure says they are hurt.
CONDITION_HEADS: frozenset[str] = frozenset({"حاله", "بحاله", "وضع", "بوضع", "وحاله"})
CONDITIONS: frozenset[str] = frozenset({"حرجه", "خطره", "خطيره", "مستقره", "حرج", "خطر", "خطير",
                                        "مستقر"})
# Definite singular people after a victim's event noun (`اختطاف الطفلة`, `مقتل الشاب`) are one
# victim, but for the nouns that name a role more than a person (`اعتقال المسؤول` is mostly generic).
NOT_DEFINITE_VICTIMS: frozenset[str] = frozenset({"مسؤول", "مسوول", "قائد", "قيادي"})
# `وفاة اللاعب`: a death that is mostly natural (illness, age); no definite victim is read after it.
NATURAL_DEATHS: frozenset[str] = frozenset({"وفاه"})
# `راح ضحيتها ثلاثة أشخاص`, `راح ضحيته شرطيان`: the dead of an incident, after a verb of going.
VICTIM_OF: frozenset[str] = frozenset({"ضحيته", "ضحيتها", "ضحيتهم", "ضحيتهما"})
WENT_VERBS: frozenset[str] = frozenset({"راح", "وراح", "ذهب", "وذهب"})
# `لقي القيادي الحوثي أبو طه مصرعه`: one person met death; the words between name the victim.
MET_VERBS: frozenset[str] = frozenset({"لقي", "ولقي", "لقيت", "ولقيت", "فلقي", "فلقيت"})
SINGLE_DEATH: frozenset[str] = frozenset({"مصرعه", "مصرعها", "حتفه", "حتفها"})
# How many tokens a victim's title and description may run before its name set off by a comma.
APPOSITION_WORDS = 12
MET_WINDOW = 14  # tokens: `لقي القيادي الميداني الحوثي، قائد مجموعة الاقتحامات، أبو زيد مصبح، مصرعه`
# `قتلوا المئات`, `قتلوا ما لا يقل عن 232 مدنيا`: an active plural verb right before its figure (after
# its figure, `27 قتلوا`, it says what befell them: KIND_AFTER).
ACTIVE_PLURAL_VERBS: dict[str, str] = {"قتلوا": "killed", "وقتلوا": "killed", "اعتقلوا": "arrested",
                                       "واعتقلوا": "arrested", "اختطفوا": "kidnapped",
                                       "واختطفوا": "kidnapped", "اعدموا": "killed", "واعدموا": "killed",
                                       "خطفوا": "kidnapped", "وخطفوا": "kidnapped", "احتجزوا": "arrested",
                                       "واحتجزوا": "arrested"}
# `سلم نفسه إلى السلطات`: a person gave themself up, one held (not after a refusal: `رفض تسليم نفسه`).
SELF_WORDS: frozenset[str] = frozenset({"نفسه", "نفسها"})
SURRENDER_VERBS: frozenset[str] = frozenset({"سلم", "وسلم", "فسلم", "سلمت", "وسلمت", "يسلم", "تسلم",
                                           "تسليم", "بتسليم", "وتسليم"})
REFUSALS: frozenset[str] = frozenset({"رفض", "ورفض", "يرفض", "رفضت", "ترفض", "رفضه", "عدم"})
# Words after `طالب` that make it the noun `student`/`seeker` (`طالب لجوء`), not the verb `demanded`.
STUDENT_NEXT: frozenset[str] = frozenset({"لجوء", "جامعي", "جامعه", "ثانوي", "بكليه", "بجامعه"})
# Sentence openers that start another story (`وفي خبر آخر`): no place is inherited across them.
OTHER_STORY: tuple[str, ...] = ("خبر اخر", "سياق اخر", "سياق منفصل", "حادث اخر", "حادثه اخري")
HEDGE_WINDOW = 5
# Attribution of a figure: `بحسب وزارة الصحة`, `وفق ما أفاد المرصد`, `قال الهلال الأحمر`.
CLAIM_HEADS: frozenset[str] = frozenset({
    "بحسب", "وبحسب", "حسب", "وحسب", "حسبما", "وحسبما", "وفق", "ووفق", "وفقا", "ووفقا", "طبقا",
    "وطبقا", "نقلا", "ونقلا", "بحسبما",
})
CLAIM_VERBS: frozenset[str] = frozenset({
    "قال", "قالت", "اعلن", "اعلنت", "افاد", "افادت", "ذكر", "ذكرت", "اكد", "اكدت", "اوضح", "اوضحت",
    "اشار", "اشارت", "صرح", "صرحت", "اضاف", "اضافت", "اورد", "اوردت", "نشر", "نشرت", "اعلنه",
})
CLAIM_WINDOW = 6
# Incident words after which a place is the story's scene (`هجوم بلدة تريب`, `حريق بعمارة سكنية`);
# a word matches when it is one of these or ends with one (`بهجوم`, `الغارات`).
SCENE_WORDS: tuple[str, ...] = (
    "هجوم", "هجمات", "انفجار", "تفجير", "حريق", "غاره", "غارات", "قصف", "حادث", "اشتباكات", "اشتباك",
    "معارك", "مواجهات", "اطلاق", "تصادم", "انهيار", "زلزال", "فيضانات", "عمليه", "مجزره", "ثوران",
    "بركان", "اعصار", "عاصفه", "تحطم", "سقوط", "غرق", "دهس", "طعن", "مداهمه", "حمله",
)
# A verb may stand this many words before its figure, its subject between (`قتلت القوات الإسرائيلية
# 3 فلسطينيين`, `وقتل رضوان لقديم المغربي الأصل، 4 أشخاص`).
SUBJECT_WORDS = 6
# Words that open a new clause: no subject runs across them (`أصيب إصابات طفيفة وأن ثلاثة …`).
CLAUSE_STARTS: frozenset[str] = frozenset({"وان", "ان", "بان", "فان", "لان", "وانه", "بانه", "لكن",
                                           "ولكن", "بينما", "فيما", "كما", "اذ", "عندما", "حين"})
SUBJECT_PREPOSITIONS: frozenset[str] = frozenset({"في", "خلال", "جراء", "اثر", "بسبب", "اثناء"})
# Entities after an attribution head that are where the words appeared, not who gives the figure.
NOT_CLAIMANTS: frozenset[str] = frozenset({
    "تويتر", "فيسبوك", "فيس بوك", "يوتيوب", "انستغرام", "انستجرام", "تلغرام", "تيليغرام", "واتساب",
    "سناب شات",
})
# `وكان بين القتلى بلترام والجزار كريستيان ميدفيز`: named people among a kind's victims, one each.
AMONG_HEADS: frozenset[str] = frozenset({"بين", "ومن", "من"})
AMONG_WINDOW = 10
# Event nouns with a singular pronoun (`أدى إلى مقتله`, `منذ توقيفه`): one victim named earlier.
PRONOUN_SUFFIXES: tuple[str, ...] = ("ه", "ها")
PRONOUN_EVENTS: frozenset[str] = frozenset({"مقتل", "اغتيال", "اعدام", "استشهاد", "اعتقال", "توقيف",
                                            "احتجاز", "اختطاف", "خطف", "اختفاء"})

# Verbs whose subject acts rather than hosts the incident: a country right after one (`وردت إسرائيل
# بالأعيرة النارية`, `واتهمت روسيا`) names an actor, so it is no place for the sentence's figures.
# Speech cues (`قالت إسرائيل`) count as such verbs too (rasd.lang.ar.speech.CUE_VERBS).
ACTOR_VERBS: frozenset[str] = frozenset({
    "ردت", "رد", "قصفت", "قصف", "شنت", "شن", "هاجمت", "هاجم", "اتهمت", "اتهم", "طالبت", "طالب",
    "استهدفت", "استهدف", "نفذت", "نفذ", "اطلقت", "اطلق", "ارسلت", "ارسل", "دعت", "دعا", "حذرت",
    "حذر", "نفت", "نفي", "ادانت", "ادان", "رفضت", "رفض", "هددت", "هدد",
})

# `ضبط 7 متهمين`, `وضبطت الشرطة 3 مطلوبين`: seizing counts people held only when people are seized.
SEIZE_WORDS: frozenset[str] = frozenset({"ضبط", "ضبطت"})
SEIZED_PEOPLE: frozenset[str] = frozenset({
    "متهمين", "متهما", "مطلوبين", "مطلوبا", "اشخاص", "شخصا", "شخص", "مشتبه", "مخالفين", "مخالفا",
    "متسللين", "متسللا", "مهربين", "مهربا", "وافدين", "وافدا",
})

# A crowd at a protest (`شاركت آلاف الفلسطينيات في مسيرة`, `المظاهرات التي يشارك فيها الآلاف`): a
# figure of people with a verb of taking part next to it and a protest noun in its sentence counts
# the crowd (kind `other`), even with no protester noun. Both are needed: `شارك 30 وزيرا في المؤتمر`
# is no crowd. CROWD_MIN: smaller exact figures are delegations, not crowds.
CROWD_VERBS: frozenset[str] = frozenset({
    "شارك", "شاركت", "شاركوا", "شاركن", "يشارك", "تشارك", "يشاركون", "يشاركن", "مشاركه", "بمشاركه",
    "تظاهر", "تظاهرت", "تظاهروا", "يتظاهرون", "احتشد", "احتشدت", "احتشدوا", "يحتشدون", "تجمع",
    "تجمعت", "تجمعوا", "يتجمعون", "خرج", "خرجت", "خرجوا", "يخرجون", "نزل", "نزلت", "نزلوا",
    "اعتصم", "اعتصمت", "اعتصموا", "يعتصمون", "سار", "سارت", "ساروا", "يسير", "تسير",
})
PROTEST_NOUNS: frozenset[str] = frozenset({
    "مسيره", "مسيرات", "مظاهره", "مظاهرات", "تظاهره", "تظاهرات", "احتجاج", "احتجاجات", "احتجاجيه",
    "اعتصام", "اعتصامات", "التظاهر", "الاحتجاج",
})
# The protest noun stands within PROTEST_WINDOW words of the figure (`شارك 40 وفدا في اجتماع لبحث
# الاحتجاجات` is a meeting about protests); the counted noun is not a body of people.
CROWD_MIN = 20
CROWD_VERB_WINDOW = 4
PROTEST_WINDOW = 7
NOT_CROWD_NOUNS: frozenset[str] = frozenset({
    "وفد", "وفدا", "وفود", "دوله", "دول", "بلدا", "بلد", "منظمه", "منظمات", "حزبا", "احزاب", "جمعيه",
    "جمعيات", "نقابه", "نقابات", "فريقا", "فرق", "شركه", "شركات", "وزيرا", "وزراء", "نائبا", "نواب",
})
