"""Arabic speech-reporting data: cue verbs, complementizers, quotation marks, titles and continuation cues.

Every word list holds matching keys (see `rasd.extract.wordscan.key`: no diacritics, alef forms -> ا,
ى -> ي, ة -> ه); the algorithms in `rasd.extract.quotes` look tokens up in these sets.
"""
from __future__ import annotations

from rasd.lang.ar.clitics import CONJUNCTIONS, view

# Quotation marks. Real text mixes them freely (`” …”` opening with a closing mark), so the curly
# and straight double quotes are one family; guillemets pair with each other.
QUOTE_MARKS: frozenset[str] = frozenset('"“”„‟″')
GUILLEMET_OPEN = "«"
GUILLEMET_CLOSE = "»"
ALL_MARKS: frozenset[str] = QUOTE_MARKS | {GUILLEMET_OPEN, GUILLEMET_CLOSE}

# Proclitics a cue verb can carry (`وقال`, `فأكد`).
VERB_PREFIXES: tuple[str, ...] = view(*CONJUNCTIONS)

# Cue verbs (past, masculine and feminine; a few present forms), key -> lemma written in the record.
CUE_VERBS: dict[str, str] = {}
for _lemma, _forms in {
    "قال": ("قال", "قالت", "يقول", "تقول", "قالوا"),
    "أكد": ("اكد", "اكدت", "يوكد", "يؤكد", "تؤكد", "اكدوا"),
    "أشار": ("اشار", "اشارت", "يشير", "تشير", "اشاروا"),
    "أوضح": ("اوضح", "اوضحت", "يوضح", "توضح", "اوضحوا"),
    "أضاف": ("اضاف", "اضافت", "يضيف", "تضيف"),
    "تابع": ("تابع", "تابعت"),
    "لفت": ("لفت", "لفتت"),
    "اعتبر": ("اعتبر", "اعتبرت"),
    "أعلن": ("اعلن", "اعلنت", "اعلنوا"),
    "نفى": ("نفي", "نفت", "نفوا"),
    "ذكر": ("ذكر", "ذكرت", "ذكروا"),
    "صرح": ("صرح", "صرحت", "صرحوا"),
    "أفاد": ("افاد", "افادت", "افادوا"),
    "شدد": ("شدد", "شددت"),
    "بين": ("بين", "بينت"),
    "زعم": ("زعم", "زعمت"),
    "رأى": ("راي", "رات", "يري", "تري"),
    "كشف": ("كشف", "كشفت"),
    "أردف": ("اردف", "اردفت"),
    "استطرد": ("استطرد",),
    "نوه": ("نوه", "نوهت"),
    "حذر": ("حذر", "حذرت"),
    "ادعى": ("ادعي", "ادعت"),
    "اعترف": ("اعترف", "اعترفت"),
    "أبلغ": ("ابلغ", "ابلغت"),
    "استبعد": ("استبعد", "استبعدت"),
    "قدر": ("قدر", "قدرت"),
    "أقر": ("اقر", "اقرت"),
    "أوصى": ("اوصي", "اوصت"),
    "لمح": ("لمح", "لمحت", "لمّح"),
    "علق": ("علق", "علقت"),
    "تساءل": ("تساءل", "تسائل", "يتساءل", "يتسائل"),
    "توقع": ("توقع", "توقعت"),
    "رجح": ("رجح", "رجحت"),
    "أورد": ("اورد", "اوردت"),
    "تضمن": ("تضمن", "تضمنت"),
    "نقل": ("نقل", "نقلت"),
    "خشي": ("يخشي", "تخشي"),
    "أصر": ("اصر", "اصرت", "يصر", "تصر"),
    "أنكر": ("انكر", "انكرت"),
    # only with the described as a pronoun (`ووصفه أساتذته بأنه`): in `ووصفت إيران نتنياهو بأنه` the
    # speaker and the described stand side by side, and the nearer one is the described
    "وصف": ("وصفه", "وصفها", "وصفهم"),
    "ردد": ("ردد", "رددت", "رددوا"),
    "هتف": ("هتف", "هتفت", "هتفوا"),
}.items():
    for _f in _forms:
        CUE_VERBS[_f] = _lemma

# Masculine heads of description and body speakers (`مجلس الإدارة`, `المتحدث باسم الجيش`): a
# feminine continuation verb (`وقالت`) cannot have them as its subject.
MASCULINE_HEADS: frozenset[str] = frozenset({
    "مجلس", "المجلس", "الجيش", "جيش", "المتحدث", "متحدث", "مصدر", "المصدر", "الرئيس", "رئيس", "وزير",
    "الوزير", "المكتب", "مكتب", "البيت", "الاتحاد", "اتحاد", "الحزب", "حزب", "المرصد", "مرصد",
    "التحالف", "تحالف", "الائتلاف", "البرلمان", "برلمان", "المدير", "مدير", "الناطق", "ناطق", "قائد",
    "القائد", "المسؤول", "مسؤول", "السفير", "سفير", "الامين", "امين", "المحافظ", "محافظ", "الادعاء",
    "النائب", "نائب", "الشيخ", "الملك", "الامير", "العاهل", "المبعوث", "مبعوث", "المفوض", "مفوض",
})

# Plurals that take a feminine singular verb (`أفادت مصادر`, `قالت التقارير`, `قالت الأمم المتحدة`):
# `وقال` cannot continue them.
FEMININE_PLURAL_HEADS: frozenset[str] = frozenset({
    "تقارير", "التقارير", "مصادر", "المصادر", "وسائل", "انباء", "الانباء", "صحف", "الصحف", "الامم", "امم",
})

# Cue forms that are also common other words (`بين` = between, `تابع` = belonging to): they count
# only with a proclitic (`وبين`) or at the start of a sentence.
WEAK_CUES: frozenset[str] = frozenset({"بين", "تابع", "ذكر", "لفت", "راي", "كشف", "نفي", "قدر", "علق",
                                       "لمح", "نقل", "تري", "توقع", "تضمن"})
# Cues whose content may be a `ب` + verbal noun (`أفادت مصادر بتواصل المعارك`, `أقر التحالف
# بارتكاب أخطاء`) or an `عن` + verbal noun (`أعلن التحالف عن منح مساعدات`).
BA_CUES: frozenset[str] = frozenset({"أفاد", "أقر", "صرح", "أوصى", "اعترف"})
AN_CUES: frozenset[str] = frozenset({"أعلن", "كشف"})
# Relaying cues: `نقلت وكالة X عن Y أن …` (Y speaks, X relayed it).
RELAY_CUES: frozenset[str] = frozenset({"نقل"})
# `جاء في بيان …`, `ورد في التقرير …`: the text is the speaker.
IN_TEXT_CUES: frozenset[str] = frozenset({"جاء", "وجاء", "ورد", "وورد", "فجاء"})
# Resumptive pronouns right after a cue in a relative clause (`في الوقت الذي أكد فيه الجيش أن`).
RESUMPTIVES: frozenset[str] = frozenset({"فيه", "فيها"})
# Honorific pronouns standing for the speaker already named (`قال فضيلته إن`, `وأكد سموه`).
HONORIFICS: frozenset[str] = frozenset({"فضيلته", "سموه", "معاليه", "سعادته", "جلالته", "فخامته",
                                        "سماحته", "دولته"})
# `صرح بذلك X`, `أعلن ذلك X`: the words before belong to X, who goes on speaking.
RETRO_OBJECTS: frozenset[str] = frozenset({"بذلك", "ذلك"})
# Verbs of a relative clause naming who published a text (`بيان للتحالف نشرته وكالة واس`).
PUBLISHED_BY: frozenset[str] = frozenset({"نشرته", "نشرتها", "بثته", "بثتها", "اوردته", "اوردتها",
                                          "نقلته", "نقلتها", "اصدرته", "اصدرتها", "وزعته", "وزعتها"})
# Words that open a new clause whose cue then has its own subject (`…، بينما قال مسؤول سعودي إن`).
CLAUSE_LINKS: frozenset[str] = frozenset({"بينما", "وبينما", "فيما", "وفيما", "حين", "حيث"})
# Relative pronouns after a name that a cue verb follows (`الملك سلمان، الذي نفى بدوره علمه`).
RELATIVES: frozenset[str] = frozenset({"الذي", "التي", "الذين"})
# Cues whose object is what was said (`نفى علمه بما حدث`, `أعلن اعتقال ثلاثة`).
OBJECT_CUES: frozenset[str] = frozenset({"نفى", "أكد", "أعلن"})
# Verbal nouns that, right after the speaker of an object cue, open what was said (`أعلنت الشرطة
# إصابة ثلاثة أشخاص`, `أكد الجيش مقتل قائد`): the event nouns of the counts lexicon, and these.
ANNOUNCED_NOUNS: frozenset[str] = frozenset({
    "وفاه", "سقوط", "تدمير", "ضبط", "احباط", "اسقاط", "انسحاب", "وقف", "تعليق", "بدء", "انطلاق", "تنفيذ",
    "رفض", "موافقه", "قبول", "استعداد", "تمديد", "الغاء", "اغلاق", "فتح", "اطلاق", "تسليم", "الافراج",
    "ارتفاع", "تراجع", "نجاح", "فشل", "تحرير", "السيطره", "استعاده", "اكتشاف", "العثور", "وصول", "دخول",
})
# Words that may stand between a `ب` cue's speaker and its verbal noun: the speaker's place and the
# day (`أفادت مصادر محلية بمحافظة الحديدة، السبت، بمقتل`), at most BA_GAP words.
BA_GAP = 6
# Words between a relative cue and its content (`الذي نفى بدوره علمه`).
CUE_FILLERS: frozenset[str] = frozenset({"بدوره", "بدورها", "ايضا", "فيه", "فيها", "بدورهم"})
# Heads of a description speaker that may take its body in a `في` phrase (`مسؤول في البيت الأبيض`).
DESCRIPTION_HEADS: frozenset[str] = frozenset({"مسؤول", "مسوول", "مسؤوله", "مسؤولون", "مسوولون",
                                               "مصدر", "مصادر", "متحدث", "ناطق", "عضو", "قيادي",
                                               "مسؤولين", "مسوولين", "دبلوماسي", "خبير", "خبراء"})
# `…، ولكن ناشطين أحصوا عددهم بأكثر من 12 ألفا`: a contrast link then another party (a description,
# a body or a named entity) ends the reported words; `لكنه` (the same speaker) does not.
CONTRAST_LINKS: frozenset[str] = frozenset({"لكن", "ولكن", "بيد"})
OTHER_PARTY_HEADS: frozenset[str] = frozenset({"ناشطين", "ناشطون", "نشطاء", "ناشطو", "معارضين", "معارضون",
                                               "سكان", "شهود", "منظمات", "جماعات", "محللين", "محللون"})

# Outlets a speaker talks to (`قال السيد لبي بي سي إن`): they end the speaker phrase.
TO_OUTLET_PREFIX = "ل"
OUTLETS: frozenset[str] = frozenset({"بي", "cnn", "رويترز", "فرانس", "سكاي", "الجزيره", "العربيه",
                                     "الحره", "سبوتنيك", "روسيا", "الاناضول", "الشرق", "الحياه"})

# Verbs that keep the same speaker when they have no subject of their own.
CONTINUATION_VERBS: frozenset[str] = frozenset({"اضاف", "اضافت", "تابع", "تابعت", "اوضح", "اوضحت",
                                                "اردف", "اردفت", "استطرد", "قال", "قالت"})

# Participial continuations (`مشيراً إلى أن`, `داعياً`): the same speaker goes on.
PARTICIPLES: dict[str, str] = {}
for _lemma, _forms in {
    "مشيرا": ("مشيرا", "مشيره"), "موضحا": ("موضحا", "موضحه"), "معتبرا": ("معتبرا", "معتبره"),
    "مؤكدا": ("موكدا", "مؤكدا", "موكده", "مؤكده"), "لافتا": ("لافتا", "لافته"),
    "مضيفا": ("مضيفا", "مضيفه"), "داعيا": ("داعيا", "داعيه"), "نافيا": ("نافيا", "نافيه"),
    "مبينا": ("مبينا", "مبينه"), "منوها": ("منوها", "منوهه"), "محذرا": ("محذرا", "محذره"),
    "مشددا": ("مشددا", "مشدده"), "مطالبا": ("مطالبا", "مطالبه"), "متهما": ("متهما", "متهمه"),
    "قائلا": ("قائلا", "قائله"),
    # plural forms (`مؤكدين`, `مشيرين`)
    "مؤكدين": ("موكدين", "مؤكدين"), "مشيرين": ("مشيرين",), "معتبرين": ("معتبرين",),
    "مضيفين": ("مضيفين",), "موضحين": ("موضحين",), "لافتين": ("لافتين",),
}.items():
    for _f in _forms:
        PARTICIPLES[_f] = _lemma
# Participles whose content is their object (`داعياً واشنطن إلى …`), without a complementizer.
OBJECT_PARTICIPLES: frozenset[str] = frozenset({"داعيا", "مطالبا", "محذرا", "متهما"})
# Participles that are also passive (`متَّهَم`): right after a name they are its predicate.
PASSIVE_HOMOGRAPHS: frozenset[str] = frozenset({"متهما"})

# Complementizers that open reported speech: `أن`, `إن`, `بأن`, with an attached pronoun.
_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "كم")
COMPLEMENTIZERS: frozenset[str] = frozenset(
    p + "ان" + s for p in ("", "ب") for s in _PRONOUNS)
# Prepositions a cue verb takes before its complementizer (`أشار إلى أن`, `شدد على أن`).
COMP_PREPS: frozenset[str] = frozenset({"الي", "علي", "عن", "من"})
# Words before `أن` that make it a plain conjunction, not reported speech (`بعد أن`, `يجب أن`).
NOT_COMP_BEFORE: frozenset[str] = frozenset({"بعد", "قبل", "يجب", "يمكن", "ينبغي", "لابد", "بد",
                                             "حتي", "دون", "بدون", "منذ", "مجرد", "بمجرد", "يريد"})

# Attributions after the reported words (`…، حسبما قال مسؤول`, `وفق ما أفاد`, `بحسب مصادر`).
ATTRIBUTION_HEADS: frozenset[str] = frozenset({"حسبما", "وحسبما", "بحسب", "وبحسب", "حسب", "وحسب",
                                               "وفق", "وفقا", "ووفق", "ووفقا", "طبقا", "نقلا"})
# Heads of an outlet that relays someone's words (`…، بحسب موقع Moneyweb`: via the site).
OUTLET_HEADS: frozenset[str] = frozenset({"صحيفه", "وكاله", "موقع", "شبكه", "قناه", "وسائل", "تلفزيون",
                                          "اذاعه", "مجله", "محطه"})
# Nouns of a source text an attribution may name directly (`وفق البلاغ`, `حسب المصدر`).
SOURCE_NOUNS: frozenset[str] = frozenset({"البلاغ", "بلاغ", "المصدر", "البيان", "التقرير", "الرواية"})
# Heads that attribute only with `ما` or a cue verb after them (`وفق ما أفاد`, not `وفق خطة`).
ATTRIBUTION_NEEDS_MA: frozenset[str] = frozenset({"وفق", "وفقا", "ووفق", "ووفقا", "طبقا"})
ATTRIBUTION_FILLERS: frozenset[str] = frozenset({"ما", "لما", "عن", "ل"})

# Where a speaker noun phrase ends: prepositions, time words, connectives.
SPEAKER_STOP: frozenset[str] = frozenset({
    "في", "خلال", "امام", "عن", "علي", "الي", "من", "لدي", "عبر", "ضمن", "بعد", "قبل", "اثناء",
    "عقب", "حول", "مع", "منذ", "حيث", "الذي", "التي", "الذين", "اليوم", "امس", "غدا", "يوم",
    "صباح", "مساء", "ليل", "الليله", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
    "السبت", "الاحد", "لوكاله", "للصحفيين", "للصحافيين", "لقناه", "لصحيفه", "لموقع", "للتلفزيون",
    "بدوره", "بدورها", "كما", "ايضا", "انه", "بانه", "و", "او", "ثم", "لكن", "حين", "عندما",
    "بيان", "تصريح", "تصريحات", "كلمه", "مؤتمر", "موتمر", "لقاء", "مقابله", "فانه",
    # what a crowd chants (`وردد المحتجون شعارات "…"`)
    "شعارات", "الشعارات", "بشعارات", "شعار", "هتافات", "الهتافات", "بهتافات",
    "فانها", "فيه", "فيها", "فيهم", "له", "لها", "لهم", "لهما", "اليه", "اليها", "اليهم", "عنه",
    "عنها", "منه", "منها", "عليه", "عليها", "معه", "معها", "به", "بها", "بهم", "لنا", "لي", "لك",
    "ذلك", "هذا", "هذه", "انها", "انهم", "وهو", "وهي", "هو", "هي", "لا", "لم", "لن", "ما", "قد",
    "قائلا", "بشكل", "بالقول", "مجددا", "كذلك", "قوله", "قولها", "قولهم", "حديثه", "حديثها",
    "قائله", "تزامنا", "خلاله", "خلالها", "خلالهم", "اثناءه", "امامه", "امامها", "امامهم",
    "لديه", "لديها", "لديهم", "عبره", "عبرها", "حوله", "حولها", "بينه", "بينها", "فيما",
    "بين", "لتلفزيون", "لشبكه", "لاذاعه", "لراديو", "لمجله", "لوكالات", "للاذاعه", "للقناه", "للصحيفه",
})
# Words that may stand between a titled speaker phrase and the name it closes on (`سفير الكويت
# لدى الأمم المتحدة منصور العتيبي`); any other word (`مع`, `مؤتمر`) means the name is someone else's.
BRIDGE_WORDS: frozenset[str] = frozenset({"في", "لدي", "الامم", "المتحده", "الدوليه", "شركه",
                                          "مركز", "مجموعه", "مؤسسه", "موسسه", "بنك", "جامعه"})
BRIDGE_MAX_WORDS = 8
# Pronoun endings of `ل` + noun words that name the hearers, not the speaker (`لجمهورها`).
OBJECT_SUFFIXES: tuple[str, ...] = ("ها", "هم", "هن", "يه")
MAX_SPEAKER_WORDS = 12
# Stop words whose key is also a name (`على` / `علي`): written with ي they are the name.
NAME_HOMOGRAPHS: frozenset[str] = frozenset({"علي"})
# `فإن` after a clause-initial attribution (`وبحسب المرصد، فإن …`).
THEN_THAT: frozenset[str] = frozenset({"فان", "فانه", "فانها", "فانهم", "ان"})
# Heads of a speaker phrase written before its verb without a named entity (`مصادر أمنية قالت`).
SPEAKER_HEADS: frozenset[str] = frozenset({
    "مصادر", "مصدر", "مسؤول", "مسوول", "مسؤولون", "مسوولون", "شهود", "سكان", "ناشطون", "وزاره",
    "الوزاره", "الحكومه", "حكومه", "الجيش", "جيش", "الشرطه", "الرئاسه", "المرصد",
    "منظمه", "المنظمه", "وكاله", "الوكاله", "هيئه", "الهيئه", "اللجنه", "لجنه", "مكتب", "المكتب",
    "البيان", "بيان", "التقرير", "تقرير", "الخارجيه", "الداخليه", "الدفاع", "مجلس", "المجلس",
})

# Openers before a cue verb at the start of a sentence (`من جهته قال`, `بدوره أكد`, `إلى ذلك`).
OPENERS: frozenset[str] = frozenset({"من", "جهته", "جهتها", "جانبه", "جانبها", "بدوره", "بدورها",
                                     "الي", "ذلك", "في", "السياق", "سياق", "متصل", "وفي", "كما",
                                     "بدوره،", "ومن", "هذا", "وقد", "قد", "كان", "وكان", "كانت",
                                     "وكانت", "فيما", "بينما", "حين", "وفيما"})

# Heads of a spokesman phrase (`متحدث باسم …`).
SPOKESMAN_HEADS: frozenset[str] = frozenset({"متحدث", "المتحدث", "متحدثه", "المتحدثه", "ناطق",
                                             "الناطق", "الناطقه", "ناطقه"})
# Subject pronouns before a cue that continue the last speaker (`لكنه أكد أن`, `وهو يقول إن`).
CONTINUATION_SUBJECTS: frozenset[str] = frozenset({
    "هو", "هي", "وهو", "وهي", "لكنه", "لكنها", "ولكنه", "ولكنها", "الا", "انه", "انها", "فانه",
    "فانها", "بل", "كما", "ثم",
})
# Words that open a clause on its topic before the cue (`وعن طبيعة الحرب أوضح أن …`).
TOPIC_OPENERS: frozenset[str] = frozenset({"عن", "وعن", "حول", "وحول", "بشان", "وبشان", "بخصوص",
                                           "وبخصوص", "ازاء", "وازاء"})

# Heads of a title that precedes a name (`وزير الخارجية الروسي سيرغي لافروف`) and ranks.
TITLE_HEADS: frozenset[str] = frozenset({
    "وزير", "وزيره", "نائب", "رئيس", "رئيسه", "متحدث", "المتحدث", "ناطق", "الناطق", "مدير", "قائد",
    "امين", "الامين", "سفير", "مندوب", "مستشار", "عضو", "زعيم", "محافظ", "امير", "ملك", "مساعد",
    "المستشار", "السفير", "المندوب", "الوزير", "النائب", "القائد", "الزعيم", "المدير", "المحافظ",
    "الرئيس", "رئيسا", "ممثل", "الممثل", "المبعوث", "مبعوث", "منسق", "المنسق", "سكرتير", "وكيل",
    "الملك", "الامير", "الشيخ", "السيد", "السيده", "الدكتور", "د", "المهندس", "البروفيسور",
    "مدرب", "المدرب", "لاعب", "اللاعب", "الفنان", "الفنانه", "الممثله", "المخرج",
    "الكاتب", "الكاتبه", "الشاعر", "المطرب", "المطربه", "النجم", "النجمه", "الاعلامي",
    "الاعلاميه", "الصحفي", "الصحفيه", "الباحث", "الخبير", "المحلل", "الناشط", "الناشطه",
    "المحامي", "القاضي", "النائبه", "الوزيره", "الرئيسه", "المديره", "مديره", "العضو", "الداعيه",
    "المدعي", "مدعي", "الحاكم", "حاكم", "المفوض", "مفوض", "السفيره", "المتحدثه", "متحدثه",
})
RANKS: frozenset[str] = frozenset({
    "اللواء", "العميد", "العقيد", "الفريق", "العماد", "المقدم", "الرائد", "النقيب", "الملازم",
    "المشير", "الجنرال", "الاميرال", "الادميرال", "الرقيب", "الجندي", "الشيخ", "الدكتور",
    "السيد", "المهندس", "الحاج", "الاستاذ", "المطران", "الامام",
})
# Words that join a title's parts and never start a name.
# Words with a preposition and the article belong to a title, never to a name (`بالمعهد`, `للبحوث`).
TITLE_PREFIXES: tuple[str, ...] = view("لل", "بال", "وال", "كال", "فال")
TITLE_GLUE: frozenset[str] = frozenset({"باسم", "عام", "بوزاره", "لشؤون", "لشوون", "العام", "الاول",
                                        "الاعلي", "الخاص", "للشؤون", "خارجيه", "دفاع", "داخليه",
                                        "اعلام", "ماليه", "عدل", "صحه", "حكومه", "وزراء", "وزاره"})

# Labels that open a headline with a colon but name no speaker (`عاجل: …`).
HEADLINE_LABELS: frozenset[str] = frozenset({"عاجل", "المصدر", "تحديث", "فيديو", "صور", "بالصور",
                                             "بالفيديو", "شاهد", "تقرير", "خاص", "حصري", "تنويه",
                                             "ملاحظه", "اقرا", "اقرأ", "ايضا", "المزيد", "تابعونا", "رابط",
                                             "الرابط", "للمزيد", "مصدر", "المصادر", "الخبر"})

# Definite descriptions that stand for an earlier named body (`الوزارة` -> `وزارة الدفاع الروسية`).
ANAPHORIC_HEADS: frozenset[str] = frozenset({
    "الوزاره", "الحكومه", "الوكاله", "الجيش", "الشرطه", "المنظمه", "الهيئه", "الحركه", "الجماعه",
    "المرصد", "اللجنه", "المفوضيه", "الامم", "الرئاسه", "البعثه", "القياده", "المجلس", "الحزب",
    "التحالف", "السفاره", "الخارجيه", "الداخليه", "المكتب", "الصندوق", "البنك", "الشركه",
})
