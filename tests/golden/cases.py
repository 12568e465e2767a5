"""Golden expectations on real articles of the shared corpora, checked by reading each article.

An article is named by its archive member (ANT: the DOCNO is the file name) or by its SaudiNewsNet day
file and URL prefix; its text is read from ../shared at test time and never copied here. Names match
as in `tools/score_records.py` (tokens equal, or run inside, once diacritics, alef forms and proclitics
are set aside); `a|b` lists alternatives. `known` lists what a correct record holds and the pipeline
still gets wrong (expected failures, with the module to blame), so a fix shows up as XPASS.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    name: str
    source: tuple[str, str, str]  # ("ant"|"jawhara", member, "") or ("saudi", day, url prefix)
    counts: tuple[tuple[str, int, str | None], ...] = ()  # (kind, count, place or None)
    counts_once: tuple[tuple[str, int], ...] = ()  # reported once, not once per mention
    no_count_of: tuple[int, ...] = ()  # figures that are no count of any kind
    no_counts: bool = False  # the article reports no count at all
    no_counts_kind: tuple[tuple[str, int], ...] = ()
    quotes: tuple[tuple[str, str | None, int], ...] = ()  # (speaker, words it contains, min number)
    not_quoted: tuple[tuple[str, str], ...] = ()  # (speaker, words) never attributed to speaker
    not_speakers: tuple[str, ...] = ()
    entities: tuple[tuple[str, str], ...] = ()  # (type, name)
    not_entities: tuple[tuple[str, str], ...] = ()
    places: tuple[tuple[str, str], ...] = ()  # (name, country)
    not_places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # reasons of removed boilerplate
    not_in_text: tuple[str, ...] = ()
    events: tuple[str, ...] = ()  # PLOVER types
    known: tuple[tuple[str, str], ...] = field(default=())  # (check, why) expected to fail


CASES: tuple[Case, ...] = (
    Case(
        name="syria-ghouta-france24",
        source=("ant", "ant_multisource/France24/middleEast/FR-middleEast-188-20180320.txt", ""),
        counts=(("killed", 35, "ريف دمشق|دمشق|جرمانا"), ("killed", 29, "دوما|الغوطة الشرقية"),
                ("killed", 9, None),
                ("killed", 36, "جنوب دمشق|دمشق"), ("injured", 35, None), ("killed", 1517, None),
                ("displaced", 75000, None),
                # `تم خلال أسبوع "إجلاء نحو 1800 شخص بينهم 375 مريضا"` من مدينة دوما: evacuees
                ("displaced", 1800, "دوما|الغوطة الشرقية"), ("displaced", 375, "دوما|الغوطة الشرقية")),
        counts_once=(("killed", 35), ("killed", 29)),
        no_count_of=(2011, 2013, 41, 80),
        quotes=(("هيثم الحسيني", "وصول جثامين 35 شهيدا", 1),
                ("بشار الأسد", "أهالي دمشق سيتذكرون", 1),
                ("المرصد السوري لحقوق الإنسان", None, 1)),
        not_quoted=(("بشار الأسد", "أشلاء"),),
        entities=(("PER", "بشار الأسد"), ("PER", "هيثم الحسيني"),
                  ("ORG", "المرصد السوري لحقوق الإنسان"), ("ORG", "جيش الإسلام"), ("LOC", "دوما"),
                  ("PER", "زيد رعد الحسين")),
        not_entities=(("PER", "جوي"),),
        places=(("دوما", "SY"), ("جرمانا", "SY"), ("عفرين", "SY"), ("تل رفعت", "SY"),
                ("ريف دمشق", "SY")),
        dates=("2018-03-20", "2018-02-18"),
        events=("ASSAULT",),
        known=(("not_places: الحجب", "geo: `عين` of `بلدة عين ترما` resolved to a village in Yemen"),
               ),
    ),
    Case(
        name="gaza-protest-alarabiya",
        source=("ant", "ant_multisource/Alarabia/internationalNews/AL-internationalNews-824-20180407.txt",
                ""),
        counts=(("killed", 8, "غزة|قطاع غزة"), ("injured", 442, "غزة"), ("injured", 25, None)),
        no_count_of=(193, 16, 30, 15),
        quotes=(("منصور العتيبي", "هذا موضوع يجب أن يهتم به مجلس الأمن", 1),
                ("وزارة الصحة", "442 جريحا", 1)),
        entities=(("PER", "منصور العتيبي"), ("ORG", "مجلس الأمن"), ("ORG", "وزارة الصحة"),
                  ("PER", "رياض منصور")),
        places=(("قطاع غزة", "PS"), ("الكويت", "KW")),
        not_quoted=(("منصور العتيبي|سفير الكويت", "أبدت مجددا الجمعة اعتراضها"),),  # a diplomat's
        dates=("2018-04-06",),
    ),
    Case(
        name="sousse-arrests-jawharafm",
        source=("jawhara", "ant_v1_jawharafm/society/JA-society-260-20161110.txt", ""),
        counts=(("arrested", 68, "سوسة"),),
        no_count_of=(190, 30, 150, 6),
        quotes=(("مصدر أمني", None, 1),),
        places=(("سوسة", "TN"),),
        dates=("2016-11-09",),
    ),
    Case(
        name="world-cup-scores-skynews",
        source=("ant", "ant_multisource/SkyNews/sport/SK-sport-1968-20180702.txt", ""),
        no_counts=True,
        entities=(("LOC", "المكسيك"), ("LOC", "البرازيل"), ("PER", "نيمار")),
        places=(("سامارا", "RU"), ("المكسيك", "MX"), ("البرازيل", "BR"), ("بلغاريا", "BG")),
        dates=("2018-07-02",),  # `في مدينة سامارا، الاثنين،`: a bare الاثنين is Monday
    ),
    Case(
        name="trade-war-money-alarabiya",
        source=("ant", "ant_multisource/Alarabia/economy/AL-economy-853-20180619.txt", ""),
        no_counts=True,
        quotes=(("سوزان رايس", "لدينا أسباب مشروعة", 1), ("سكوت كينيدي", None, 1),
                ("رود هنتر", None, 1), ("ستيفن منوشين", None, 1), ("مايكل سمارت", None, 1),
                ("تيري هينز", None, 1)),
        not_speakers=("باراك أوباما", "بلومبرغ"),
        entities=(("PER", "سوزان رايس"), ("PER", "شي جين بينغ"), ("PER", "روبرت لايتهايزر"),
                  ("LOC", "الصين"), ("PER", "دونالد ترمب")),
        not_entities=(("PER", "دولار"), ("PER", "رضا")),
        places=(("بكين", "CN"), ("واشنطن", "US")),
        dates=("2018-06-15", "2018-07-07"),
    ),
    Case(
        name="ahvaz-attack-bbc",
        source=("ant", "ant_multisource/BBC/middleEast/BB-middleEast-1034-20180924.txt", ""),
        counts=(("killed", 25, None), ("killed", 12, None), ("injured", 25, None), ("killed", 3, None)),
        quotes=(("محمود علوي", "جزء كبير من الشبكة الضالعة", 1), ("حسن روحاني", "تدعمها أمريكا", 2),
                ("نيكي هايلي", "قمع شعبه", 1)),
        entities=(("PER", "محمود علوي"), ("PER", "حسن روحاني"), ("PER", "حسين سلامي"),
                  ("PER", "نيكي هايلي"), ("ORG", "الحرس الثوري"), ("PER", "أنور قرقاش")),
        not_entities=(("LOC", "إيرانيا"),),
        places=(("الأهواز", "IR"), ("طهران", "IR")),
        dates=("2018-09-22",),
        removed=("app-promo", "related-link"),
        not_in_text=("يمكنكم استلام إشعارات",),
        known=(("not_places: السفيرة", "geo: `السفيرة الأمريكية` (the ambassador) resolved to a "
                                      "Syrian town"),),
    ),
    Case(
        name="khashoggi-activists-cnn",  # CNN's block of five related-story leads after the body
        source=("ant", "ant_multisource/CNN/middleEast/CN-middleEast-1464-20181010.txt", ""),
        removed=("related-story",),
        not_in_text=("أعادت المملكة العربية السعودية سفيرها", "طلبت خديجة جنكيز", "منذ أسبوع والإعلامي"),
        quotes=(("علي الدبيسي", None, 1),),
    ),
    Case(
        name="buraydah-accident-saudinewsnet",
        source=("saudi", "2015-07-21", "http://www.alweeam.com.sa/348312/"),
        # `حادث دهس لأربعة اشخاص`: the four people run over, dead and hurt together (a count of
        # kind other, as the fact gold counts a figure of people given without its kind)
        counts=(("killed", 1, "بريدة"), ("injured", 2, None), ("killed", 2, None), ("other", 4, "بريدة")),
        no_count_of=(18, 13, 3),
        quotes=(("محمد بن عبد الله الجعيثن", "نتج عن حادث الدهس", 1),),
        entities=(("PER", "محمد بن عبد الله الجعيثن"), ("ORG", "الهلال الأحمر"), ("LOC", "بريدة")),
        not_entities=(("PER", "فهد ببريدة"), ("LOC", "الخبر")),
        places=(("بريدة", "SA"), ("القصيم", "SA")),
        known=(("not_in_text: رابط الخبر بصحيفة الوئام", "clean: the outlet's link line is kept"),),
    ),
    Case(
        name="libya-benghazi-saudinewsnet",
        source=("saudi", "2015-08-03", "http://aawsat.com/home/article/421291/"),
        counts=(("killed", 5, "بنغازي"), ("injured", 12, None), ("killed", 7, "أجدابيا"),
                ("injured", 5, None), ("killed", 2, None)),
        no_count_of=(30, 23, 200, 8),
        quotes=(("خليفة حفتر", "الشعب هو من فوض الجيش", 2), ("مسؤول عسكري", None, 1)),
        entities=(("PER", "خليفة حفتر"), ("ORG", "مجلس النواب الليبي"), ("ORG", "داعش")),
        places=(("بنغازي", "LY"), ("أجدابيا", "LY"), ("طبرق", "LY"), ("درنة", "LY")),
        dates=("2015-08-02",),
    ),
    Case(
        name="paris-attacks-jawharafm",
        source=("jawhara", "ant_v1_jawharafm/internationalNews/JA-internationalNews-383-20151114.txt",
                ""),
        counts=(("killed", 129, "باريس"), ("injured", 352, None), ("injured", 99, None)),
        no_counts_kind=(("killed", 99),),
        quotes=(("كوين جينز", None, 2),),
        not_quoted=(("شارل ميشال", "بلجيكا فرضت قيودا"),),  # his spokesman's words
        entities=(("PER", "كوين جينز"), ("PER", "شارل ميشال"), ("ORG", "داعش"), ("LOC", "بروكسل")),
        places=(("بروكسل", "BE"), ("باريس", "FR")),
        dates=("2015-11-13",),
    ),
    # Quotes (issue 13): relayed speech keeps its source as the speaker, not the relaying outlet.
    Case(
        name="sanbruno-shooting-skynews",
        source=("ant", "ant_multisource/SkyNews/internationalNews/SK-internationalNews-767-20180403.txt",
                ""),
        quotes=(("مصدر", "امرأة تسللت وقت الغداء", 1),),
        not_quoted=(("فرانس برس", "امرأة تسللت وقت الغداء"),),
    ),
    Case(
        name="wadi-ellil-siege-jawharafm",
        source=("jawhara", "ant_v1_jawharafm/localNews/JA-localNews-290-23102014.txt", ""),
        quotes=(("مصادر أمنية", "المتحصنين بالمنزل هما الإرهابيان", 1),),
        not_quoted=(("مراسلتنا", "المتحصنين بالمنزل هما الإرهابيان"),),
    ),
    # ---- issue 13: counts attached to the clause that reports them --------------------------------
    Case(
        name="trebes-attacker-alarabiya",  # verb, subject with an apposition, then the figure
        source=("ant", "ant_multisource/Alarabia/internationalNews/AL-internationalNews-596-20180324.txt",
                ""),
        counts=(("killed", 4, "فرنسا"), ("killed", 245, None)),
        no_counts_kind=(("killed", 1),),  # `وقتل رضوان لقديم، …، 4 أشخاص`: the killer is no victim
    ),
    Case(
        name="north-korea-bus-skynews",  # a total and its part, noun first and verb last
        source=("ant", "ant_multisource/SkyNews/internationalNews/SK-internationalNews-1111-20180423.txt",
                ""),
        counts=(("killed", 36, "كوريا الشمالية"), ("killed", 32, "كوريا الشمالية"),
                ("killed", 30, "كوريا الشمالية")),
    ),
    Case(
        name="somalia-base-skynews",  # the kind of the verb before the figure, the place of the lead
        source=("ant", "ant_multisource/SkyNews/middleEast/SK-middleEast-2274-20180610.txt", ""),
        counts=(("injured", 7, "الصومال"), ("killed", 40, "الصومال"), ("killed", 1, "الصومال")),
    ),
    Case(
        name="taiz-shelling-alriyadh",  # dead and hurt together, of another clash than the split figures
        source=("saudi", "2015-08-08", "http://www.alriyadh.com/1071511"),
        counts=(("killed", 4, "تعز"), ("injured", 9, "تعز"), ("other", 40, None)),
        no_counts_kind=(("killed", 40), ("injured", 40)),
    ),
    Case(
        name="abha-mosque-3alyoum",  # figures in brackets, then spelled out again
        source=("saudi", "2015-08-08", "http://www.3alyoum.com/news/a/الداخلية-منفذ-تفجير-مسجد-الطوارئ-هو-يو/"),
        counts=(("killed", 15, None), ("injured", 33, None), ("killed", 5, None)),
        counts_once=(("killed", 15),),
    ),
)
