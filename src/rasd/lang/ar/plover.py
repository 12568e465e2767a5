"""Arabic cue lexicons for the 16 PLOVER event types, negation, attack modes and classifier word classes.

Every word here is written in the *matching form* used by `rasd.extract.events.features.norm_token`:
no diacritics or tatweel, alef forms -> ا, ى -> ي, ة -> ه. A cue is matched against a token and
against the token once a proclitic (و ف ب ل ك ال and combinations) is taken off. A cue ending in
`*` matches any token starting with it (suffixes: تظاهروا، مظاهرات); a cue without `*` must equal the
token. Multi-word cues are space-separated sequences of such patterns; `~` stands for up to
three other words (حمّل الجيش الجماعة المسؤولية). A rule cue found on a definite
noun (الاتفاق، التعاون) is a mention, not a report, and is not taken unless the cue itself starts
with ال.

ASSAULT_CUES, PROTEST_CUES, WORD_CLASSES and NEGATION_CUES feed the shipped classifier's features:
after changing them, retrain (`rasd train events`) and check `rasd eval events`.
"""
from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Types detected by the trained sentence classifier (the GSR corpus labels only these two).
CLASSIFIED_TYPES: tuple[str, ...] = ("ASSAULT", "PROTEST")

# ASSAULT and PROTEST cues: used as classifier features and to gate which sentences are scored.
ASSAULT_CUES: tuple[str, ...] = (
    "قتل*", "مقتل*", "يقتل*", "تقتل*", "اغتال*", "اغتيال*", "يغتال*", "اغتيل*",
    "هاجم*", "هجوم*", "هجمات", "هجمه", "يهاجم*", "تهاجم*", "اعتدي*", "اعتداء*",
    "انفجار*", "انفجر*", "تفجير*", "فجر*", "يفجر*", "مفخخ*", "انتحاري*", "عبوه", "عبوات", "ناسف*",
    "قصف*", "يقصف*", "تقصف*", "غاره", "غارات", "قذيفه", "قذائف", "صاروخ*", "صواريخ",
    "اطلاق النار", "اطلق* النار", "اطلقو* النار", "رصاص*", "اشتباك*", "اشتبك*", "اشتباكات",
    "معارك", "معركه", "قتال", "قتالي*", "كمين", "استهدف*", "يستهدف*", "تستهدف*",
    "اصيب*", "اصابه", "جرح*", "بجروح", "جريح*", "ذبح*", "خطف*", "اختطاف*", "اختطف*", "تعذيب",
    "ضرب*", "ضربات", "ضربه", "اعدام*", "اعدم*", "دمر*", "تدمير*", "اقتحام*", "اقتحم*",
)

# ASSAULT cues that report an attack whatever the classifier says: shelling, air raids, shells, gunfire,
# clashes (`قصفت مدفعية الجيش مواقع …`, `وشنت مقاتلات الاحتلال غارات`). The others (`قتل`, `هجوم`,
# `انفجار`, `صاروخ`) also name crimes, accidents, arguments and weapons, and are left to it.
STRONG_ASSAULT_CUES: frozenset[str] = frozenset({
    "قصف*", "يقصف*", "تقصف*", "غاره", "غارات", "قذيفه", "قذائف", "اطلاق النار", "اطلق* النار",
    "اطلقو* النار", "اشتباك*", "اشتبك*", "اشتباكات",
})

PROTEST_CUES: tuple[str, ...] = (
    "تظاهر*", "يتظاهر*", "مظاهره", "مظاهرات", "متظاهر*", "تظاهرات", "تظاهره",
    "احتج*", "يحتج*", "احتجاج*", "محتج*", "اعتصام*", "اعتصم*", "معتصم*", "يعتصم*",
    "اضراب*", "اضرب*", "مضرب*", "يضرب* عن", "مسيره", "مسيرات", "تجمع*", "احتشد*", "حشود",
    "هتاف*", "هتف*", "لافت*", "ندد*", "يندد*", "تندد*", "تنديدا", "شغب", "عصيان", "غاضب*",
    "المحتجين", "اطارات", "انتفاض*", "ثوره", "ثوار",
)

# Rule cues for the other types. Order matters only for readability; every type that matches a
# sentence yields an event. Phrases are token sequences.
RULE_CUES: dict[str, tuple[str, ...]] = {
    "REQUEST": (
        "طالب*", "يطالب*", "تطالب*", "نطالب", "مطالبه", "بمطالبه", "للمطالبه", "دعا", "دعت", "دعوا",
        "يدعو", "تدعو", "ندعو", "داعيا", "داعيه", "دعوه", "حث", "حثت", "يحث", "تحث", "ناشد*",
        "يناشد*", "تناشد*", "مناشده", "طلب", "طلبت", "يطلب", "تطلب", "التمس*", "حض", "حضت",
        "اوصي", "اوصت", "يوصي", "توصي", "مطالب",
    ),
    "ACCUSE": (
        "اتهم*", "يتهم*", "تتهم*", "اتهام*", "متهم*", "حمل* ~ المسؤوليه", "يحمل* ~ المسؤوليه",
        "تحمل* ~ المسؤوليه", "حمل* ~ مسؤوليه", "ادعي", "ادعت", "يدعي", "تدعي", "ادعاء*",
        "فضح*", "يفضح*", "تفضح*",
        "ندد*", "يندد*", "تندد*", "انتقد*", "ينتقد*", "تنتقد*", "ادان*", "يدين", "تدين", "ادانه",
        "حمل* مسؤوليه", "حملت* مسؤوليه", "لامت", "يلوم", "تلوم",
        "منددين", "منددا", "مندده", "انتهك*", "ينتهك*", "تنتهك*", "انتهاكات", "تشتبه", "يشتبه",
    ),
    "REJECT": (
        "رفض*", "يرفض*", "ترفض*", "نرفض", "رافض*", "عارض*", "يعارض*", "تعارض*", "معارضته*",
        "استنكر*", "يستنكر*", "تستنكر*", "اعترض*", "يعترض*", "تعترض*",
        "استهجن*", "يستهجن*", "تستهجن*",
    ),
    "THREATEN": (
        "هدد*", "يهدد*", "تهدد*", "تهديد*", "توعد*", "يتوعد*", "تتوعد*", "انذر*", "ينذر*",
        "انذار*", "حذر* من", "يحذر* من", "تحذر* من", "مغبه",
    ),
    "AGREE": (
        "اتفق*", "يتفق*", "تتفق*", "وقع* اتفاق*", "ابرم* اتفاق*", "اتفاق* مع", "اتفاقا",
        "توقيع اتفاق*", "وقع* مذكره",
        "توصل* الي اتفاق*", "توافق*", "تفاهم*", "ابرم*",
        "تم الاتفاق", "نتفق", "اتفقنا", "وقع* عليه", "وقع* عليها",
    ),
    "CONSULT": (
        "التقي", "التقت", "يلتقي", "تلتقي", "لقاء", "اجتمع*", "يجتمع*", "تجتمع*", "اجتماع*",
        "بحث", "بحثت", "يبحث", "تبحث", "اجري* محادثات", "اجري* مباحثات", "عقد* اجتماع*",
        "عقد* محادثات", "اتصال* هاتفي*", "مكالمه هاتفيه",
        "استقبل*", "يستقبل*", "تستقبل*", "زار", "زارت", "يزور", "تزور", "زياره", "تشاور*",
        "مشاورات",
        "لقاء*", "استقبال*", "لاستقبال*", "تفاوض*", "يتفاوض*", "تتفاوض*", "مفاوضات", "اتصل", "اتصلت",
    ),
    "SUPPORT": (
        "ايد", "ايدت", "ايدوا", "يؤيد*", "تؤيد*", "تاييد*", "رحب*", "يرحب*", "ترحب*", "ترحيب*", "دعم*",
        "يدعم*", "تدعم*", "ساند*", "يساند*", "تساند*", "مسانده", "اشاد*", "يشيد*", "تشيد*",
        "مثنيا", "اثني علي", "يثني علي",
        "تضامن*",
    ),
    "CONCEDE": (
        "تنازل*", "يتنازل*", "اعتذر*", "يعتذر*", "تراجع* عن", "اعترف* بالخطا", "افرج* عن",
        "افرج* ~ عن", "الافراج عن", "اطلاق سراح", "اطلق* سراح", "رفع* الحصار", "رفع* العقوبات",
        "وافق*", "يوافق*", "توافق علي", "موافقه", "هدنه", "وقف اطلاق النار",
    ),
    "COOPERATE": (
        "تعاون*", "يتعاون*", "تتعاون*", "التعاون", "شراكه", "تنسيق*", "بالتنسيق", "ينسق*",
    ),
    "AID": (
        "مساعدات", "المساعدات", "اغاثه*", "اغاثي*", "معونات", "معونه",
        "منحه", "تبرع*", "قوافل", "قافله", "امدادات",
    ),
    "RETREAT": (
        "انسحب*", "ينسحب*", "تنسحب*", "انسحاب*", "سحب* قوات*", "سحب*", "اخلاء", "اخلت",
        "اخلوا", "فر", "فروا", "هرب*", "انكفا*", "تقهقر*", "اجلاء", "لاجلاء",
    ),
    "SANCTION": (
        "عقوبات", "العقوبات", "عقوبه", "حظر* تصدير", "حظر* سفر", "جمد*", "تجميد*", "قطع* العلاقات",
        "طرد* السفير", "استدعي* السفير", "قاطعت", "قاطعوا", "يقاطع", "يقاطعون", "مقاطعه", "حصار*", "قيود",
    ),
    "MOBILIZE": (
        "حشد*", "يحشد*", "تحشد*", "حشود", "استنفار*", "استنفر*", "تعبئه", "تعزيزات",
        "ارسل* قوات", "نشر* قوات", "نشرت قوات", "انتشار* قوات", "مناورات", "نشر* جنود",
    ),
    "COERCE": (
        "اعتقال*", "اعتقل*", "يعتقل*", "تعتقل*", "معتقل*", "اعتقلت", "احتجاز*", "احتجز*",
        "يحتجز*", "القبض", "قبض*", "حظر", "حظرت", "يحظر*", "تحظر*", "حظر التجول", "منع*",
        "يمنع*", "تمنع*", "داهم*", "مداهم*", "طرد*", "ترحيل*", "صادر*", "مصادره",
        "اغلق*", "اغلاق*", "فرض* حظر*", "فرض* حصار*",
        "توقيف*", "حجز", "بحجز", "تم حجز", "مثل* امام", "مثول* امام",
    ),
    "PROTEST": PROTEST_CUES,
    "ASSAULT": ASSAULT_CUES,
}

# Count kinds (rasd counts) that, with an ASSAULT cue in the same sentence, make it a report of an attack.
CASUALTY_KINDS: tuple[str, ...] = ("killed", "injured", "kidnapped")

# Cues that, spelled with a final ى in the text (يُدعى، تُدعى), mean "is called", not "claims".
NAMING_CUES: tuple[str, ...] = ("يدعي", "تدعي")

# Words that negate an event when they come shortly before its cue ("لم ترصد أي قتال").
NEGATION_CUES: tuple[str, ...] = (
    "لم", "لن", "لا", "ليس", "ليست", "لسنا", "ما", "غير", "عدم", "بدون", "دون", "نفي*", "ينفي",
    "تنفي", "نافيا", "نافيه", "نفت", "ينفون", "لما", "بلا",
)
# Negation cues that govern a whole complement clause (`نفى أن تكون …`): they may stand further
# from the cue than a plain particle.
NEGATION_CLAUSE_CUES: tuple[str, ...] = ("نفي*", "ينفي", "تنفي", "نافيا", "نافيه", "نفت", "ينفون", "عدم")

# Modality cues (matching forms), looked for in the few words before an event's cue word (see
# `rasd.extract.events.rules.modality`). Planned and hypothetical actions are not events.
PLANNED_CUES: tuple[str, ...] = (
    "سوف", "لن", "المقرر", "مقرر*", "المزمع", "مزمع", "يعتزم*", "تعتزم*", "نعتزم", "يخطط*", "تخطط*",
    "نخطط", "المرتقب", "مرتقب*", "المتوقع", "متوقع", "يتوقع", "تتوقع", "يستعد*", "تستعد*", "نستعد",
    "ينوي", "تنوي", "ننوي", "المفترض", "مفترض", "سيتم", "ستتم", "يعتزمان", "تعتزمان",
)
HYPOTHETICAL_CUES: tuple[str, ...] = (
    "اذا", "لو", "حال", "حاله", "يمكن", "يمكنه", "يمكنها", "ربما", "يحتمل", "محتمل*", "احتمال*",
    "امكانيه", "مالم", "شرط", "شريطه", "يجب", "ينبغي",
)
CLAIM_CUES: tuple[str, ...] = ("زعم*", "يزعم*", "تزعم*", "مزعوم*", "المزعوم*", "يشتبه", "المشتبه", "يعتقد")
# Future verbs written with the prefix س (ستفرض، سيلتقي): words that start like one and are not.
FUTURE_PREFIX_EXCEPTIONS: tuple[str, ...] = (
    "سيار", "سياس", "سيطر", "سيد", "سيول", "سينا", "ستين", "سته", "ستار", "سيف", "سير", "سين", "سيت",
    "ستو", "ستا", "ستي", "سيا", "سيم", "سيك", "سيب", "سيل", "ستر", "ستن",
)

# Attack modes (ACLED-style sub-event words), most specific first: the first entry that matches
# wins, so a shell that explodes is heavy-weapons and a car bomb is bombing. A mode may appear twice.
MODE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("suicide-bombing", ("انتحاري*", "انتحاريه", "انتحاريون", "انتحاريين")),
    ("bombing", ("مفخخ*", "عبوه", "عبوات", "ناسف*", "قنبله", "قنابل", "متفجرات", "لغم", "الغام")),
    ("air-strike", ("غاره", "غارات", "طيران", "طائرات", "طائره", "جويه", "جوي", "مسيره")),
    ("heavy-weapons", ("قذيفه", "قذائف", "صاروخ*", "صواريخ", "قصف*", "مدفعي*", "هاون", "دبابه",
                       "دبابات", "راجمات")),
    ("bombing", ("تفجير*", "انفجار*", "انفجر*", "فجر*")),
    ("small-arms", ("رصاص*", "اطلاق النار", "اطلق* النار", "اطلقو* النار", "مسلح*", "بنادق",
                    "رشاش*", "قناص*")),
    ("armed-clash", ("اشتباك*", "اشتبك*", "اشتباكات", "معارك", "معركه", "قتال", "مواجهات")),
    ("abduction", ("خطف*", "اختطاف*", "اختطف*")),
    ("assassination", ("اغتال*", "اغتيال*", "اغتيل*")),
)

# Modes of the other types that have one (PLOVER-style sub-types), same first-match rule.
PROTEST_MODE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hunger-strike", ("اضراب* عن الطعام", "مضرب* عن الطعام")),
    ("strike", ("اضراب*", "اضرب*", "مضرب*")),
    ("sit-in", ("اعتصام*", "اعتصم*", "معتصم*", "يعتصم*")),
    ("riot", ("شغب", "احرق*", "اضرم*", "رشق*")),
    ("demonstration", ("تظاهر*", "يتظاهر*", "مظاهره", "مظاهرات", "متظاهر*", "تظاهرات", "مسيره",
                       "مسيرات", "احتشد*", "تجمع*", "محتج*", "احتجاج*", "احتج*")),
)
COERCE_MODE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("curfew", ("حظر التجول", "حظر* التجوال")),
    ("raid", ("داهم*", "مداهم*")),
    ("arrest", ("اعتقال*", "اعتقل*", "يعتقل*", "تعتقل*", "احتجاز*", "احتجز*", "يحتجز*", "القبض", "قبض*")),
    ("expulsion", ("طرد*", "ترحيل*")),
    ("ban", ("حظر", "حظرت", "يحظر*", "تحظر*", "منع*", "يمنع*", "تمنع*", "اغلق*", "اغلاق*")),
    ("seizure", ("صادر*", "مصادره")),
)
# Types whose events take the sentence's counts (figures of people or incidents the event involves);
# speech acts (REQUEST, ACCUSE …) do not.
COUNTED_TYPES: tuple[str, ...] = (
    "ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID", "RETREAT", "CONCEDE", "SANCTION",
)

# Word classes the classifier sees in place of the words themselves (specificity of a report).
WORD_CLASSES: dict[str, tuple[str, ...]] = {
    "TIME": (
        "امس", "اليوم", "الليله", "صباح", "مساء", "فجر", "ظهر", "الاحد", "الاثنين", "الثلاثاء",
        "الاربعاء", "الخميس", "الجمعه", "السبت", "يوم", "ليل", "اول", "امس،", "ساعات",
    ),
    "QTY": (
        "عشرات", "مئات", "الاف", "الوف", "الاف", "نحو", "حوالي", "قرابه", "زهاء", "اكثر", "اقل",
        "الاقل", "عدد", "بضع*", "عده", "الالاف", "المئات",
    ),
    "NUMW": (
        "واحد", "اثنين", "اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه",
        "عشره", "عشر", "عشرين", "عشرون", "ثلاثين", "اربعين", "خمسين", "مئه", "مائه", "الف",
    ),
    "DIR": ("شمال*", "جنوب*", "شرق*", "غرب*", "وسط", "قرب", "بالقرب", "كلم", "كيلومتر*", "ضواحي",
            "امام", "مقر", "الشوارع", "شارع", "ساحه", "ميدان", "مدينه", "بلده", "قريه", "حي", "منطقه"),
    "CAS": ("شخصا", "اشخاص", "اخرين", "اخرون", "جرحي", "قتلي", "بجروح", "مدنيين", "جنود", "عناصر",
            "شرطي*", "جندي*", "ضحايا", "قتيلا", "جريحا"),
    "REPORT": ("قال", "قالت", "وقال", "وقالت", "اعلن*", "افاد*", "ذكر*", "اكد*", "اضاف*", "اوضح*",
               "صرح*", "مصدر", "مصادر", "وكاله", "بيان", "اشار*", "شهود"),
    "FUT": ("سوف", "سيتم", "ستكون", "سيكون", "قد", "ربما", "يمكن", "يجب", "ينبغي", "لو", "اذا",
            "يحتمل", "محتمل*", "خطه", "تهدد", "يهدد"),
    "GENERIC": ("كل", "اي", "جميع", "دائما", "عاده", "ظاهره", "سياسه", "مسلسل", "حمله", "موجه",
                "ثقافه", "حقوق", "الحريات", "الديمقراطيه", "مفهوم"),
    "OBJPREP": ("ضد", "علي", "مع", "بين", "الي", "لدي"),
}

# Reporting verbs whose subject is the speaker, not the actor (kept apart from actor choice).
REPORTING_VERBS: tuple[str, ...] = (
    "قال*", "اعلن*", "افاد*", "ذكر*", "اكد*", "اضاف*", "اوضح*", "صرح*", "اشار*", "اعتبر*",
    "لفت*", "بين", "تابع*", "اعرب*",
)

# Words after an event cue that introduce its perpetrator (قذيفة أطلقها إرهابيو داعش، على يد).
AGENT_MARKERS: tuple[str, ...] = (
    "اطلق*", "شن*", "نفذ*", "تبني*", "يد", "ايدي", "قبل", "فجر*", "زرع*",
)
# Event nouns whose following noun is the one the event befell (مقتل الفريق …، اعتقال الصحفي).
VICTIM_NOUNS: tuple[str, ...] = (
    "مقتل", "اغتيال", "اصابه", "استشهاد", "اعتقال", "اختطاف", "خطف", "احتجاز", "اعدام", "وفاه",
)
PREPOSITIONS: tuple[str, ...] = (
    "علي", "ضد", "الي", "من", "في", "مع", "عن", "بين", "لدي", "نحو", "حول", "تجاه", "بحق",
    "جراء", "عند", "بسبب", "اثر", "خلال", "قرب", "بعد", "قبل", "منذ", "لدي", "داخل", "خارج",
)
# Name words that start like a preposition-prefixed noun (بن لادن) and do not end a name.
NAME_PARTICLES: tuple[str, ...] = ("بن", "بنت", "لادن", "بو")
# Words that carry no actor (particles, auxiliaries, time words) and are skipped at a range's edge.
FUNCTION_WORDS: tuple[str, ...] = (
    "قد", "لقد", "كان", "كانت", "يكون", "تكون", "امس", "اليوم", "ايضا", "كما", "حيث", "ثم", "لم",
    "لن", "لا", "ما", "هو", "هي", "هم", "بذلك", "ذلك", "هذا", "هذه", "اي", "كل", "الذي", "التي",
    "تم", "يتم", "انه", "انها", "بانه", "بانها", "اليه", "عليه", "عليها", "اول", "مساء", "صباح",
)
# Words that open a new clause: an actor range never crosses them.
CLAUSE_WORDS: tuple[str, ...] = (
    "ان", "بان", "لان", "الذي", "التي", "الذين", "حيث", "بينما", "عندما", "بعدما", "فيما", "اذ",
    "كما", "ثم", "لكن", "بل",
)

__all__ = [
    "AGENT_MARKERS", "ASSAULT_CUES", "CASUALTY_KINDS", "CLAIM_CUES", "CLASSIFIED_TYPES", "CLAUSE_WORDS",
    "COERCE_MODE_CUES", "COUNTED_TYPES", "FUNCTION_WORDS", "FUTURE_PREFIX_EXCEPTIONS", "HYPOTHETICAL_CUES",
    "MODE_CUES", "NAME_PARTICLES", "NAMING_CUES", "NEGATION_CLAUSE_CUES", "NEGATION_CUES", "PLANNED_CUES",
    "PLOVER_TYPES", "PREPOSITIONS", "PROTEST_CUES", "PROTEST_MODE_CUES", "REPORTING_VERBS", "RULE_CUES",
    "VICTIM_NOUNS", "WORD_CLASSES",
]
