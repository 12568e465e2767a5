"""Arabic entity lexicons: known organisations, country variants, nationality adjectives, titles, name cues.

Everything is written in plain spelling; the lexicon normalizes on load (alef forms, ى, ة, diacritics),
so `أميركا` and `امريكا` are one key. Ids are stable: `rasd:org:<slug>` for organisations, and for
countries the GeoNames id from the shipped table (src/rasd/models/entity_ids.tsv).
"""
from __future__ import annotations

# Known organisations: id -> (type, canonical name, other names). Armed groups, bodies, media.
# A name that is also an everyday word (القاعدة "the base", فتح "opened") only appears in a
# longer, unambiguous form.
ORGS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "rasd:org:isis": ("ORG", "داعش", (
        "تنظيم الدولة الإسلامية", "الدولة الإسلامية في العراق والشام", "تنظيم الدولة", "الدولة الإسلامية")),
    "rasd:org:sdf": ("ORG", "قسد", ("قوات سوريا الديمقراطية", "قوات سورية الديمقراطية")),
    "rasd:org:ypg": ("ORG", "وحدات حماية الشعب", ("وحدات حماية الشعب الكردية",)),
    "rasd:org:pkk": ("ORG", "حزب العمال الكردستاني", ()),
    "rasd:org:hezbollah": ("ORG", "حزب الله", ("حزب الله اللبناني",)),
    "rasd:org:hamas": ("ORG", "حماس", ("حركة حماس", "حركة المقاومة الإسلامية")),
    "rasd:org:fatah": ("ORG", "حركة فتح", ()),
    "rasd:org:islamic-jihad": ("ORG", "حركة الجهاد الإسلامي", ("الجهاد الإسلامي",)),
    "rasd:org:al-qaeda": ("ORG", "تنظيم القاعدة", ()),
    "rasd:org:nusra": ("ORG", "جبهة النصرة", ("النصرة", "جبهة فتح الشام")),
    "rasd:org:hts": ("ORG", "هيئة تحرير الشام", ()),
    "rasd:org:fsa": ("ORG", "الجيش السوري الحر", ("الجيش الحر",)),
    "rasd:org:jaysh-al-islam": ("ORG", "جيش الإسلام", ()),
    "rasd:org:faylaq-al-rahman": ("ORG", "فيلق الرحمن", ()),
    "rasd:org:ahrar-al-sham": ("ORG", "أحرار الشام", ("حركة أحرار الشام",)),
    "rasd:org:taliban": ("ORG", "طالبان", ("حركة طالبان",)),
    "rasd:org:houthis": ("ORG", "الحوثيين", ("الحوثيون", "جماعة الحوثي", "أنصار الله")),
    "rasd:org:muslim-brotherhood": ("ORG", "الإخوان المسلمين", (
        "جماعة الإخوان المسلمين", "الإخوان المسلمون")),
    "rasd:org:boko-haram": ("ORG", "بوكو حرام", ()),
    "rasd:org:al-shabaab": ("ORG", "حركة الشباب", ("حركة الشباب المجاهدين",)),
    "rasd:org:irgc": ("ORG", "الحرس الثوري", ("الحرس الثوري الإيراني",)),
    "rasd:org:hashd": ("ORG", "الحشد الشعبي", ()),
    "rasd:org:un": ("ORG", "الأمم المتحدة", ("منظمة الأمم المتحدة", "هيئة الأمم المتحدة")),
    "rasd:org:unsc": ("ORG", "مجلس الأمن", ("مجلس الأمن الدولي",)),
    "rasd:org:unga": ("ORG", "الجمعية العامة للأمم المتحدة", ()),
    "rasd:org:unhcr": ("ORG", "المفوضية السامية لشؤون اللاجئين", ("مفوضية اللاجئين",)),
    "rasd:org:unicef": ("ORG", "اليونيسف", ("يونيسف",)),
    "rasd:org:unesco": ("ORG", "اليونسكو", ("يونسكو",)),
    "rasd:org:who": ("ORG", "منظمة الصحة العالمية", ()),
    "rasd:org:wfp": ("ORG", "برنامج الأغذية العالمي", ()),
    "rasd:org:icrc": ("ORG", "اللجنة الدولية للصليب الأحمر", ("الصليب الأحمر",)),
    "rasd:org:red-crescent": ("ORG", "الهلال الأحمر", ("الهلال الأحمر العربي السوري",)),
    "rasd:org:eu": ("ORG", "الاتحاد الأوروبي", ("الاتحاد الاوربي",)),
    "rasd:org:au": ("ORG", "الاتحاد الأفريقي", ("الاتحاد الإفريقي",)),
    "rasd:org:nato": ("ORG", "حلف شمال الأطلسي", ("الناتو", "حلف الناتو", "حلف الأطلسي")),
    "rasd:org:arab-league": ("ORG", "جامعة الدول العربية", ("الجامعة العربية",)),
    "rasd:org:gcc": ("ORG", "مجلس التعاون الخليجي", ("مجلس التعاون لدول الخليج العربية",)),
    "rasd:org:oic": ("ORG", "منظمة التعاون الإسلامي", ()),
    "rasd:org:opec": ("ORG", "أوبك", ("منظمة أوبك", "منظمة الدول المصدرة للنفط")),
    "rasd:org:imf": ("ORG", "صندوق النقد الدولي", ()),
    "rasd:org:world-bank": ("ORG", "البنك الدولي", ()),
    "rasd:org:icc": ("ORG", "المحكمة الجنائية الدولية", ()),
    "rasd:org:iaea": ("ORG", "الوكالة الدولية للطاقة الذرية", ()),
    "rasd:org:opcw": ("ORG", "منظمة حظر الأسلحة الكيميائية", ()),
    "rasd:org:amnesty": ("ORG", "منظمة العفو الدولية", ("العفو الدولية",)),
    "rasd:org:hrw": ("ORG", "هيومن رايتس ووتش", ("منظمة هيومن رايتس ووتش",)),
    "rasd:org:sohr": ("ORG", "المرصد السوري لحقوق الإنسان", ()),
    "rasd:org:pentagon": ("ORG", "البنتاغون", ("البنتاجون",)),
    "rasd:org:kremlin": ("ORG", "الكرملين", ()),
    "rasd:org:white-house": ("ORG", "البيت الأبيض", ()),
    "rasd:org:us-congress": ("ORG", "الكونغرس", ("الكونجرس", "الكونغرس الأمريكي")),
    "rasd:org:cia": ("ORG", "وكالة المخابرات المركزية الأمريكية", ("سي آي إيه",)),
    "rasd:org:fifa": ("ORG", "الفيفا", ("فيفا",)),
    # Media outlets and news agencies.
    "rasd:org:sana": ("ORG", "سانا", ("وكالة سانا", "الوكالة العربية السورية للأنباء")),
    "rasd:org:spa": ("ORG", "واس", ("وكالة الأنباء السعودية",)),
    "rasd:org:reuters": ("ORG", "رويترز", ("وكالة رويترز",)),
    "rasd:org:afp": ("ORG", "فرانس برس", ("وكالة فرانس برس", "وكالة الصحافة الفرنسية")),
    "rasd:org:ap": ("ORG", "أسوشيتد برس", ("أسوشيتيد برس", "وكالة أسوشيتد برس")),
    "rasd:org:tass": ("ORG", "تاس", ("وكالة تاس",)),
    "rasd:org:ria-novosti": ("ORG", "نوفوستي", ("ريا نوفوستي",)),
    "rasd:org:sputnik": ("ORG", "سبوتنيك", ()),
    "rasd:org:aljazeera": ("ORG", "قناة الجزيرة", ("شبكة الجزيرة",)),
    "rasd:org:alarabiya": ("ORG", "قناة العربية", ("العربية نت",)),
    "rasd:org:bbc": ("ORG", "بي بي سي", ("هيئة الإذاعة البريطانية",)),
    "rasd:org:cnn": ("ORG", "سي إن إن", ()),
    "rasd:org:skynews": ("ORG", "سكاي نيوز", ("سكاي نيوز عربية",)),
    "rasd:org:france24": ("ORG", "فرانس 24", ()),
    "rasd:org:irna": ("ORG", "إرنا", ("وكالة إرنا",)),
    "rasd:org:anadolu": ("ORG", "الأناضول", ("وكالة الأناضول",)),
}

# Continents and big regions (GeoNames ids): id, canonical, variants.
REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "geonames:6255148": ("أوروبا", ("أوربا",)),
    "geonames:6255147": ("آسيا", ()),
    "geonames:6255146": ("أفريقيا", ("إفريقيا",)),
    "geonames:6255149": ("أمريكا الشمالية", ("أميركا الشمالية",)),
    "geonames:6255150": ("أمريكا الجنوبية", ("أميركا الجنوبية", "أمريكا اللاتينية", "أميركا اللاتينية")),
    "geonames:6255151": ("أوقيانوسيا", ()),
}

# Country names beyond the CLDR ones in the table: ISO code -> extra spellings. The first name of the
# CLDR table stays canonical unless CANONICAL_OVERRIDE says otherwise.
COUNTRY_VARIANTS: dict[str, tuple[str, ...]] = {
    "SY": ("سورية", "الجمهورية العربية السورية"),
    "US": ("أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"),
    "RU": ("روسيا الاتحادية",),
    "GB": ("بريطانيا", "المملكة المتحدة"),
    "SA": ("السعودية", "المملكة العربية السعودية"),
    "AE": ("الإمارات", "الإمارات العربية المتحدة"),
    "PS": ("فلسطين", "الأراضي الفلسطينية", "دولة فلسطين"),
    "IL": ("إسرائيل",),
    "IR": ("إيران",),
    "OM": ("سلطنة عمان",),
    "KP": ("كوريا الشمالية",),
    "KR": ("كوريا الجنوبية",),
    "CN": ("الصين",),
    "DE": ("ألمانيا",),
    "NL": ("هولندا",),
    "CZ": ("التشيك",),
    "CD": ("الكونغو الديمقراطية",),
    "LY": ("ليبيا",),
    "MA": ("المغرب",),
    "MR": ("موريتانيا",),
    "KZ": ("كازاخستان",),
    "BA": ("البوسنة والهرسك", "البوسنة"),
    "VA": ("الفاتيكان",),
    "TW": ("تايوان",),
}
CANONICAL_OVERRIDE: dict[str, str] = {"SY": "سوريا", "US": "الولايات المتحدة", "GB": "بريطانيا",
                                      "SA": "السعودية", "AE": "الإمارات", "PS": "فلسطين"}

# CLDR names that are everyday words or too ambiguous alone: matched only inside longer names.
COUNTRY_NAME_BLOCKLIST: frozenset[str] = frozenset({
    "مالي", "عمان", "جورجيا", "تشاد", "توغو", "الغابون", "بنين", "غينيا", "كوبا", "الكرسي الرسولي",
    "جزيرة الكريسماس", "بيرو", "ساموا", "تونغا", "نيوي", "مايوت", "جيرسي", "جيرنزي",
})
# Names that are also the feminine nationality adjective: after a definite noun they are adjectives
# (الحكومة السعودية), not the country.
ADJECTIVE_LIKE: frozenset[str] = frozenset({"السعودية"})

# Nationality adjectives (masculine, without ال): ISO code -> spellings. The feminine adds ة.
NISBA: dict[str, tuple[str, ...]] = {
    "RU": ("روسي",), "US": ("أمريكي", "أميركي"), "SY": ("سوري",), "TR": ("تركي",), "IR": ("إيراني",),
    "IQ": ("عراقي",), "JO": ("أردني",), "LB": ("لبناني",), "EG": ("مصري",), "SA": ("سعودي",),
    "AE": ("إماراتي",), "QA": ("قطري",), "KW": ("كويتي",), "BH": ("بحريني",), "OM": ("عماني",),
    "YE": ("يمني",), "LY": ("ليبي",), "TN": ("تونسي",), "DZ": ("جزائري",), "MA": ("مغربي",),
    "SD": ("سوداني",), "PS": ("فلسطيني",), "IL": ("إسرائيلي",), "FR": ("فرنسي",), "GB": ("بريطاني",),
    "DE": ("ألماني",), "IT": ("إيطالي",), "ES": ("إسباني",), "CN": ("صيني",), "JP": ("ياباني",),
    "IN": ("هندي",), "PK": ("باكستاني",), "AF": ("أفغاني",), "UA": ("أوكراني",), "KZ": ("كازاخي",),
    "CA": ("كندي",), "AU": ("أسترالي",), "BR": ("برازيلي",), "NL": ("هولندي",), "BE": ("بلجيكي",),
    "SE": ("سويدي",), "CH": ("سويسري",), "AT": ("نمساوي",), "GR": ("يوناني",), "PL": ("بولندي",),
    "MR": ("موريتاني",), "SO": ("صومالي",), "ET": ("إثيوبي",), "NG": ("نيجيري",), "KP": ("كوري",),
}

# Ministry portfolios (without ال) -> id slug; `وزارة + ال<portfolio> [+ nationality]` is an ORG.
PORTFOLIOS: dict[str, str] = {
    "دفاع": "defence", "خارجية": "foreign", "داخلية": "interior", "عدل": "justice", "صحة": "health",
    "مالية": "finance", "اقتصاد": "economy", "تربية": "education", "تعليم": "education",
    "تعليم العالي": "higher-education", "إعلام": "information", "ثقافة": "culture",
    "زراعة": "agriculture", "نفط": "oil", "طاقة": "energy", "خزانة": "treasury", "أوقاف": "awqaf",
    "عمل": "labour", "نقل": "transport", "إسكان": "housing", "سياحة": "tourism", "تجارة": "trade",
    "صناعة": "industry", "شؤون الخارجية": "foreign", "شؤون الاجتماعية": "social-affairs",
    "مواصلات": "transport", "اتصالات": "communications", "بيئة": "environment", "رياضة": "sports",
    "شباب": "youth", "كهرباء": "electricity", "موارد المائية": "water", "مياه": "water", "حج": "hajj",
    "تخطيط": "planning", "هجرة": "migration", "دولة": "state",
}
# Bodies that are an ORG with a nationality adjective (الجيش السوري) -> (id slug, takes the
# feminine adjective).
NATIONAL_BODIES: dict[str, tuple[str, bool]] = {
    "الجيش": ("army", False), "الحكومة": ("government", True), "البرلمان": ("parliament", False),
    "الرئاسة": ("presidency", True), "وكالة الأنباء": ("news-agency", True),
    "القوات المسلحة": ("armed-forces", True),
    "مجلس النواب": ("house-of-representatives", False), "مجلس الشعب": ("peoples-assembly", False),
    "مجلس الشورى": ("shura-council", False), "مجلس الأمة": ("national-assembly", False),
    "مجلس الوزراء": ("council-of-ministers", False),
}
# Filler words allowed between a body and its adjective (الجيش العربي السوري).
BODY_FILLERS: frozenset[str] = frozenset({"العربي", "العربية"})
# Portfolios that stand for their ministry without وزارة when a feminine nationality adjective follows
# (الدفاع الروسية). True: only at the start of a clause, since الخارجية/الداخلية are also adjectives
# (السياسة الخارجية الأمريكية).
ELIDED_MINISTRY: dict[str, bool] = {"الدفاع": False, "الخارجية": True, "الداخلية": True}
# Verbs after which a clause's subject starts (أعلنت الخارجية الروسية ...).
CLAUSE_VERBS: frozenset[str] = frozenset("""
قالت أعلنت أكدت ذكرت نفت أفادت أوضحت دعت طالبت رفضت أدانت نددت حذرت اتهمت كشفت أشارت اعتبرت
ردت نشرت أصدرت استدعت
""".split())

# Titles and roles right before a person's name. A title phrase is a head from TITLE_HEADS, then
# definite modifiers (الخارجية، الروسي، العام), construct nouns from TITLE_NOUNS, `باسم`, country
# names; the name follows.
TITLE_HEADS: frozenset[str] = frozenset("""
وزير وزيرة الوزير نائب رئيس رئيسة الرئيس الرئيسة الملك الملكة الأمير الأميرة الشيخ الشيخة السلطان
الأمين المتحدث المتحدثة الناطق الناطقة السفير السفيرة سفير المبعوث المبعوثة مبعوث المستشار
المستشارة مستشار القائد قائد زعيم الزعيم اللواء الفريق العميد العقيد المقدم الرائد النقيب الملازم
الجنرال المشير الأدميرال الدكتور الدكتورة البروفيسور السيد السيدة النائب النائبة السناتور السيناتور
الإمام البابا المطران الحاخام القس المدرب اللاعب الفنان الفنانة الكاتب الكاتبة الصحفي الصحافي
الصحفية الممثل الممثلة المخرج المغني المغنية المطرب المطربة المحامي القاضي الحاكم المحافظ محافظ
عمدة مدير المدير مديرة المديرة ولي المرشح المرشحة الداعية العاهل الجنرال
""".split())
TITLE_NOUNS: frozenset[str] = frozenset("""
وزير وزيرة وزراء رئيس مجلس هيئة لجنة جهاز وزارة حزب حركة جبهة قوات أركان خارجية دفاع داخلية
عدل صحة مالية اقتصاد شؤون باسم لشؤون عام العهد عهد مكتب إدارة دائرة بلدية سلطة مفوض مفوضية
الوزراء نائب عام العام للأمم الأمم المتحدة
""".split())
# Prepositions that tie a title to a place (السفير الروسي لدى دمشق، المبعوث الأممي إلى اليمن).
TITLE_POSTED_AT: frozenset[str] = frozenset({"لدى", "في", "إلى", "الى"})

# Words that end a name (function words, common verbs and nouns after names).
NAME_STOP: frozenset[str] = frozenset("""
أن إن أنه إنه أنها إنها في من إلى الى على عن مع خلال بعد قبل حول عند لدى منذ بين ضد عبر أمام
الذي التي الذين اللذين اللتين هو هي هم قد لقد كان كانت يكون ما لا لم لن و أو أم ثم بل حيث حين إذ
كما كذلك أيضا أيضاً قال يقول قالت تقول أكد يؤكد أكدت أعلن يعلن أعلنت أضاف يضيف أضافت أوضح يوضح
أوضحت أشار يشير أشارت ذكر يذكر ذكرت اعتبر يعتبر رأى يرى دعا يدعو طالب يطالب بحث يبحث التقى يلتقي
استقبل يستقبل زار يزور وصل يصل غادر أجرى يجري تلقى نفى ينفي شدد يشدد لفت أفاد يفيد صرح يصرح
كشف يكشف أمس اليوم غدا يوم الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت صباح مساء
الليلة هذا هذه ذلك تلك هؤلاء إنّ أنّ بأن بأنه لأن كل بعض غير عن عدة عدد
""".split())

# Words that bind the next word into one name part (عبد الله، أبو بكر، بن سلمان، آل ثاني).
NAME_CONNECTORS: frozenset[str] = frozenset({"عبد", "أبو", "أبي", "أم", "بن", "ابن", "بنت", "آل", "أبا"})

# Given names that start with a letter that is also a proclitic (و ف ب ل ك): never trimmed.
PROCLITIC_LETTER_NAMES: frozenset[str] = frozenset("""
وليد وائل وسام وفاء وديع وجدي وحيد وهبة ولي وداد وصفي وضاح ولاء وجيه ورد
فيصل فهد فاطمة فؤاد فادي فارس فراس فريد فلاديمير فيكتور فرانسوا فرانك فيليب فائز فالح فتحي فوزي
بشار بشير باسل بلال بكر بدر بسام بنيامين بوريس بيل باراك برهان بهاء بيتر بوتين بايدن بومبيو
لؤي ليلى لينا لطفي لبنى لويس ليونيد لوران
كمال كريم كامل كوفي كيم كارل كلينتون كيري
""".split())

# Words right before a place name that make even a small or ambiguous name a place.
LOC_CUES: frozenset[str] = frozenset("""
مدينة بلدة قرية محافظة ولاية إقليم منطقة ريف ناحية حي مخيم جزيرة مقاطعة عاصمة العاصمة مدينتي
بلدتي قريتي محافظتي ضواحي أطراف شمال جنوب شرق غرب وسط
""".split())
# Definite words that may follow a place name without making it a noun in construct (حلب الشرقية).
PLACE_MODIFIERS: frozenset[str] = frozenset("""
الشمالي الشمالية الجنوبي الجنوبية الشرقي الشرقية الغربي الغربية الجديدة الجديد القديمة القديم
الكبرى الكبير الصغرى الأوسط الغربي المحتلة العاصمة الجنوب الشمال الشرق الغرب
""".split())

# Place names that are everyday words: a place only after a cue word (مدينة الجديدة).
AMBIGUOUS_PLACE_WORDS: frozenset[str] = frozenset("""
المدينة الجديدة الجديد العاصمة البلدة القرية المنطقة الشرقية الغربية الشمالية الجنوبية الوسطى
النصر السلام الأمل الحرية الثورة الوحدة النهضة الخير الوادي الجبل البحر النهر الساحل السوق
الميناء المطار الجامعة المركز الحي المخيم القلعة الجسر الصحراء الريف الشام المغرب الجمعة
عمر سلمى نور أمل حياة الحياة السعادة العين الرحمة الفرات مشهد دولة الدولة الخبر
""".split())

# Quotation marks and punctuation that never belong inside an entity span.
SPAN_EDGE_CHARS: str = "\"'«»“”„‟‘’‹›()[]{}<>،,.:;؛!?؟-–—_/\\|*#…\u0640 \t\n"

# One-word spans that are never a person (the tagger's PER on `الله`, a currency after a figure,
# the end of `كرة القدم`); read from a 900-article sample of the three shared corpora.
NOT_ONE_WORD_PER: frozenset[str] = frozenset("""
الله ريال دولار يورو جنيه دينار درهم ليرة القدم المملكة الخليج الرسم أولياء ميليشيا كيماوي جوي
""".split())
# Last words of a person's name that never spread to bare mentions (`تواضروس الثاني` must not make
# `كانون الثاني` a person, nor `اتحاد كرة القدم` every `القدم`).
NOT_SURNAMES: frozenset[str] = frozenset("""
الله الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الأكبر الأصغر القدم
""".split())
# Heads that make a span the tagger called a person a body (`اتحاد كرة القدم`, `نادي الخليج`).
ORG_HEADS: frozenset[str] = frozenset("""
اتحاد الاتحاد نادي النادي فريق الفريق منتخب المنتخب جامعة الجامعة لجنة اللجنة شركة الشركة بنك
مصرف مجلس حزب حركة جمعية وزارة هيئة مؤسسة صحيفة وكالة قناة
""".split())
# Words before a one-word span that make it a unit, not a name (`مليون ريال`).
AMOUNT_WORDS: frozenset[str] = frozenset("مليون مليار ألف آلاف ملايين مليارات".split())
# Heads of names of events and bodies that start with a letter that is also a proclitic (ب ف ل ك و):
# never trimmed (`بطولة كأس العالم` is not ب + `طولة …`).
PROCLITIC_LETTER_WORDS: frozenset[str] = frozenset("""
بطولة بطولات بنك بورصة بلدية برلمان برنامج بعثة فندق فيلق كأس كلية كتلة كتيبة لجنة لواء ولاية
وزارة وكالة بيت
""".split())
