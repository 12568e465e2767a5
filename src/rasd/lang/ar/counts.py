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
                "غارتين", "غارتان", "صاروخين", "قذيفتين", "ضربتين"),
    "violations": ("انتهاك", "انتهاكا", "انتهاكات", "خرق", "خرقا", "خروقات", "خروق", "انتهاكين",
                   "خرقين", "انتهاكان"),
    "attackers": ("مسلح", "مسلحا", "مسلحين", "مسلحون", "مهاجم", "مهاجما", "مهاجمين", "انتحاري",
                  "انتحاريا", "انتحاريين"),
})

# Nouns that count strikes only with the next word (`براميل متفجرة`, not oil barrels): noun ->
# (start of the next word, kind).
NEEDS_NEXT: dict[str, tuple[str, str]] = {"برميل": ("متفجر", "strikes"), "براميل": ("متفجر", "strikes")}
# Kinds named by who people are (`مسلحين`, `لاجئين`): an event word before the figure overrides them
# (`قتل 11 مسلحاً` counts killed).
PEOPLE_KINDS: frozenset[str] = frozenset({"attackers", "displaced", "arrested", "kidnapped", "missing"})
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
})
STRIKE_CONTEXT_WORDS = 4
# Strike nouns that also name weapons in stock: a figure of them counts strikes only in an attack
# context too (`أطلق 180 صاروخا`, not `غواصة تحمل 6 صواريخ`).
MISSILE_NOUNS: frozenset[str] = frozenset({"صاروخ", "صاروخا", "صواريخ", "صاروخين"})
# Bare violation nouns (`انتهاك`, `خرق`) count one violation only in a tally: a place right after
# (`وانتهاكاً في درعا`) or a figure of violations in the same sentence; elsewhere they name a breach
# in general (`انتهاك حقوق الملكية`, `انتهاك صارخ للخصوصية`).
# Event nouns that never start a single-victim count: `أسر` is also `families` (أُسَر) and
# `captivated`; `وفاة` of a named person is a death, mostly natural (obituaries), not a killing.
NO_VICTIM_EVENTS: frozenset[str] = frozenset({"اسر"})
NO_NAMED_VICTIM_EVENTS: frozenset[str] = frozenset({"وفاه"})
DUAL_NOUNS: frozenset[str] = frozenset({
    "قتيلين", "قتيلان", "شهيدين", "جريحين", "جريحان", "غارتين", "غارتان", "صاروخين", "قذيفتين",
    "ضربتين", "انتهاكين", "انتهاكان", "خرقين",
})

# Event nouns written before the figure or the victim (`مقتل 27`, `اعتقال 5`, `استشهاد جنرال`).
EVENT_NOUNS: dict[str, str] = _table({
    "killed": ("مقتل", "قتل", "استشهاد", "مصرع", "اغتيال", "اعدام", "وفاه"),
    "injured": ("اصابه", "جرح"),
    "arrested": ("اعتقال", "توقيف", "احتجاز", "اسر", "القبض", "سجن"),
    "kidnapped": ("اختطاف", "خطف"),
    "missing": ("فقدان", "اختفاء", "فقد"),
    "displaced": ("نزوح", "تهجير", "تشريد", "لجوء"),
})

# Verbs written before the figure (`قتل 7`, `أصيب أكثر من 70`, `ألقت القبض على 12`).
EVENT_VERBS: dict[str, str] = _table({
    "killed": ("قتل", "قتلت", "استشهد", "اعدم", "توفي", "قضي"),
    "injured": ("اصيب", "اصيبت", "جرح", "جرحت"),
    "arrested": ("اعتقل", "اعتقلت", "اوقف", "اوقفت", "احتجز", "احتجزت", "اسر", "اسرت"),
    "kidnapped": ("اختطف", "اختطفت", "خطف", "خطفت"),
    "displaced": ("نزح", "نزحت", "هجر", "شرد"),
})
# `ألقت القبض على 12`: the noun `القبض` then `على` before the figure.
ARREST_PHRASE_PREP = "علي"
# `لقي 14 مصرعهم`: a verb whose kind comes from a word after the figure.
DEATH_AFTER: frozenset[str] = frozenset({"مصرعهم", "مصرعه", "مصرعهما", "مصرعها", "حتفهم",
                                         "حتفه", "حتفهما", "مصرعهن"})
# Words after the counted people that give the kind (`27 مدنيا قتلوا`, `5 جنود بجروح`).
KIND_AFTER: dict[str, str] = {
    **{w: "killed" for w in DEATH_AFTER}, "قتلوا": "killed", "قتلي": "killed", "قتيلا": "killed",
    "بجروح": "injured", "جرحوا": "injured", "اصيبوا": "injured", "جرحي": "injured",
    "اعتقلوا": "arrested", "اختطفوا": "kidnapped", "فقدوا": "missing",
}
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
PERSON_SINGULAR: frozenset[str] = frozenset({
    "جنرال", "جندي", "شخص", "طفل", "طفله", "مدني", "ضابط", "عنصر", "صحفي", "صحافي", "رجل", "امراه",
    "شاب", "شابه", "فتي", "فتاه", "مواطن", "مواطنه", "مسن", "ناشط", "مقاتل", "عسكري", "شرطي",
    "قيادي", "قائد", "مسؤول", "مسوول", "مستوطن", "اسرائيلي", "فلسطيني", "طالب", "طبيب", "معلم",
})
# Nominative duals of people (`قتل جنديان`, `لقيت امرأتان مصرعهما`): 2 victims of the verb before or
# of the death phrase after.
PERSON_DUAL_NOMINATIVE: frozenset[str] = frozenset({
    "جنديان", "شخصان", "طفلان", "ضابطان", "عنصران", "رجلان", "شابان", "امراتان", "طفلتان",
    "شقيقان", "مدنيان", "مواطنان", "شرطيان", "مسلحان", "فلسطينيان", "صحفيان", "صحافيان",
})
PERSON_DUAL: frozenset[str] = frozenset({
    "جنديين", "شخصين", "طفلين", "ضابطين", "عنصرين", "رجلين", "شابين", "امراتين",
    "طفلتين", "شقيقين", "قياديين",
})
# A victim's name after a rank (`مقتل الفريق فاليرى أسابوف`) is at most this many words, and ends
# before words that give the cause (`جراء`, `بقصف`).
VICTIM_NAME_WORDS = 3
CAUSE_WORDS: frozenset[str] = frozenset({
    "جراء", "اثر", "بسبب", "نتيجه", "برصاص", "بنيران", "بقصف", "بانفجار", "بغاره", "بهجوم", "اثناء",
    "اليوم", "امس", "متاثرا", "متاثره", "بعد", "قبل", "عند", "قرب", "داخل", "خارج",
})
