"""The counts stage: kinds, qualifiers, sub-counts, ellipses, bare nouns, places, dates and non-counts."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.counts import counts_stage, find_counts
from rasd.model import Article, DateMention, Entity, Place

PLACES = {"حمص": "city", "حماة": "city", "اللاذقية": "city", "درعا": "city", "ريف دمشق": "admin1",
          "دير الزور": "city", "حلب": "city", "سورية": "country", "إدلب": "city", "بغداد": "city",
          "الأنبار": "admin1", "إسرائيل": "country", "غزة": "city", "الرمادي": "city"}


def article(text: str, *, dates: dict[str, str] | None = None,
            persons: tuple[str, ...] = ()) -> Article:
    a = Article(id="t", text=text, title=text.split("\n")[0])
    for name, kind in PLACES.items():
        for m in re.finditer(name, text):
            a.places.append(Place(text=name, start=m.start(), end=m.end(), name=name, kind=kind,
                                  country="SY"))
    for word, value in (dates or {}).items():
        for m in re.finditer(word, text):
            a.dates.append(DateMention(text=word, start=m.start(), end=m.end(), value=value))
    for name in persons:
        for m in re.finditer(name, text):
            a.entities.append(Entity(text=name, type="PER", start=m.start(), end=m.end(),
                                     canonical=name))
    a.places.sort(key=lambda p: p.start)
    return a


def counts(text: str, **kw: object) -> list[tuple[str, int, str]]:
    a = counts_stage(article(text, **kw))  # type: ignore[arg-type]
    assert a.bad_spans() == []
    return [(c.kind, c.count, c.qualifier) for c in a.counts]


@pytest.mark.parametrize(("text", "expected"), [
    ("أسفر القصف عن مقتل 27 مدنيا.", [("killed", 27, "exact")]),
    ("وقتل 7 أشخاص في الهجوم.", [("killed", 7, "exact")]),
    ("ولقي 14 شخصا مصرعهم في الحادث.", [("killed", 14, "exact")]),
    ("لقي 14 مصرعهم.", [("killed", 14, "exact")]),
    ("سقط 12 قتيلا في المدينة.", [("killed", 12, "exact")]),
    ("أسفر الانفجار عن مقتل مدنيين اثنين.", [("killed", 2, "exact")]),
    ("وأسفر الهجوم عن مائة جريح.", [("injured", 100, "exact")]),
    ("أصيب أكثر من 70 شخصا بجروح.", [("injured", 70, "more-than")]),
    ("اعتقال 5 أشخاص بتهمة التهريب.", [("arrested", 5, "exact")]),
    ("ألقت الشرطة القبض على 12 مشتبها.", [("arrested", 12, "exact")]),
    ("وتوقيف ثلاثة متهمين.", [("arrested", 3, "exact")]),
    ("اختطاف 4 صحفيين.", [("kidnapped", 4, "exact")]),
    ("لا يزال 9 مفقودين تحت الأنقاض.", [("missing", 9, "exact")]),
    ("نزوح 2000 عائلة من المدينة.", [("displaced", 2000, "exact")]),
    ("شنت الطائرات 42 غارة.", [("strikes", 42, "exact")]),
    ("رصدت 12 انتهاكا للهدنة.", [("violations", 12, "exact")]),
    ("هاجم 20 مسلحا القرية.", [("attackers", 20, "exact")]),
    ("ارتفعت حصيلة القتلى إلى 50.", [("killed", 50, "exact")]),
    ("قتل ١٤ شخصا.", [("killed", 14, "exact")]),
])
def test_count_forms(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "qualifier", "value"), [
    ("مقتل 27 مدنيا على الأقل.", "at-least", 27),
    ("مقتل ما لا يقل عن 30 شخصا.", "at-least", 30),
    ("مقتل أكثر من 70 شخصا.", "more-than", 70),
    ("مقتل ما يزيد على 40 شخصا.", "more-than", 40),
    ("مقتل نحو 20 شخصا.", "about", 20),
    ("مقتل قرابة 20 شخصا.", "about", 20),
    ("مقتل حوالي 20 شخصا.", "about", 20),
    ("مقتل عشرات المدنيين.", "about", 10),
    ("مقتل 20 شخصا.", "exact", 20),
])
def test_qualifiers(text: str, qualifier: str, value: int) -> None:
    assert counts(text) == [("killed", value, qualifier)]


def test_subset_is_its_own_count_with_its_object() -> None:
    a = counts_stage(article("مقتل 27 مدنيا على الأقل، بينهم 5 أطفال و3 نساء."))
    got = [(c.kind, c.count, c.qualifier, c.object) for c in a.counts]
    assert got == [("killed", 27, "at-least", "مدنيا"), ("killed", 5, "exact", "أطفال"),
                   ("killed", 3, "exact", "نساء")]


def test_ellipsis_and_bare_noun_each_with_its_place() -> None:
    text = ("رصدت اللجنة انتهاكاً واحداً في اللاذقية و3 في حمص و4 في حماة "
            "و6 في ريف دمشق وانتهاكاً في درعا.")
    a = counts_stage(article(text))
    got = [(c.kind, c.count, c.place.name if c.place else None, c.text) for c in a.counts]
    assert got == [("violations", 1, "اللاذقية", "انتهاكاً واحداً في اللاذقية"),
                   ("violations", 3, "حمص", "3 في حمص"),
                   ("violations", 4, "حماة", "4 في حماة"),
                   ("violations", 6, "ريف دمشق", "6 في ريف دمشق"),
                   ("violations", 1, "درعا", "انتهاكاً في درعا")]
    assert all(c.object == "انتهاك" for c in a.counts)


@pytest.mark.parametrize(("text", "persons", "expected"), [
    ("أعلنت الوزارة أمس مقتل الفريق فاليرى أسابوف جراء قصف في دير الزور.", (),
     ("killed", 1, "الفريق فاليرى أسابوف")),
    ("أعلنت الوزارة مقتل فاليرى أسابوف في دير الزور.", ("فاليرى أسابوف",),
     ("killed", 1, "فاليرى أسابوف")),
    ("اعتبر أن استشهاد جنرال روسي في المعارك قرب دير الزور ثمن باهظ.", (),
     ("killed", 1, "جنرال روسي")),
    ("أسفر القصف عن مقتل جنديين في دير الزور.", (), ("killed", 2, "جنديين")),
])
def test_single_victims_count_with_the_sentence_place(
        text: str, persons: tuple[str, ...], expected: tuple[str, int, str]) -> None:
    a = counts_stage(article(text, persons=persons))
    c = a.counts[0]
    assert (c.kind, c.count, c.object) == expected
    assert c.place is not None and c.place.name == "دير الزور"


def test_place_prefers_a_city_over_the_country_and_date_comes_from_the_sentence() -> None:
    text = "قتل 5 أشخاص في سورية أمس بقصف على حلب.\nوفي خبر آخر اليوم مقتل 3 مدنيين."
    a = counts_stage(article(text, dates={"أمس": "2017-09-24", "اليوم": "2017-09-25"}))
    assert [(c.count, c.place.name if c.place else None, c.date) for c in a.counts] == [
        (5, "حلب", "2017-09-24"), (3, None, "2017-09-25")]


def test_no_date_in_the_sentence_leaves_date_empty() -> None:
    a = counts_stage(article("مقتل 4 مدنيين في حلب.", dates={}))
    assert a.counts[0].date is None


@pytest.mark.parametrize("text", [
    "وقع الهجوم في عام 2017 في حلب.",
    "بلغت قيمة الصفقة 50 مليون دولار.",
    "ارتفعت الأسعار بنسبة 15% هذا العام.",
    "ارتفعت الأسعار 15 بالمئة.",
    "يبلغ من العمر 45 عاما.",
    "اتصلوا على الرقم 0991234567.",
    "وصل الوفد في 25/9/2017 إلى جنيف.",
    "اجتمع 30 وزيرا في المؤتمر.",
    "استمر الاجتماع 3 ساعات.",
    "مع حقها بالرد على أي خرق من المجموعات.",
    "تحدث القرار 2254 عن الانتقال.",
    "وقال إن الخطف سيشكل انتهاكا خطيرا للسيادة.",
])
def test_non_counts_are_ignored(text: str) -> None:
    assert counts(text) == []


def test_dates_are_not_counts() -> None:
    text = "نشرت صورا التقطت ما بين ال 8 وال 12 من الشهر الجاري."
    a = article(text)
    a.dates.append(DateMention(text="ال 8 وال 12 من الشهر الجاري", start=text.index("ال 8"),
                               end=text.index("الجاري") + 6, value="2017-09-08"))
    assert counts_stage(a).counts == []


def test_related_headline_figures_are_not_counted() -> None:
    text = ("مقتل 3 مدنيين في قصف على حلب\n"
            "قتل 3 مدنيين في قصف على حلب أمس، بحسب مصادر محلية.\n"
            "مقتل 40 شخصا في انفجار في بغداد\n"
            "وأضافت المصادر أن القصف استهدف حيا سكنيا.")
    assert counts(text) == [("killed", 3, "exact")]


def test_title_figure_not_repeated_in_the_body_is_kept() -> None:
    text = "مقتل 4 أشخاص في حلب\nأفادت مصادر محلية بسقوط قذائف على المدينة."
    assert ("killed", 4, "exact") in counts(text)


def test_offsets_hold_for_every_count() -> None:
    text = "وأسفر القصف عن مقتل 27 مدنيا على الأقل، بينهم 5 أطفال، وإصابة 40 آخرين في حلب."
    a = counts_stage(article(text))
    assert a.counts and all(text[c.start:c.end] == c.text for c in a.counts)
    assert a.counts[0].text == "مقتل 27 مدنيا على الأقل"


def test_a_noun_after_a_figure_is_not_also_a_bare_count() -> None:
    assert counts("قتل 5 أطفال دون الخامسة من العمر و48 جريحا.") == [
        ("killed", 5, "exact"), ("injured", 48, "exact")]
    assert counts("أطلق المسلحون 70 صاروخا وقذيفة هاون على البلدة.") == [("strikes", 70, "exact")]


_PIECES = ["مقتل", "قتل", "و3", "27", "اثنين", "مدنيا", "بينهم", "أطفال", "على الأقل", "أكثر من",
           "نحو", "انتهاكاً", "واحداً", "في", "حمص", "درعا", "غارة", "عام", "2017", "%", "،", ".",
           "\n", "الفريق", "أسابوف", "لقي", "مصرعهم", "عشرات", "أمس"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.lists(st.sampled_from([" ", "", "  "]),
                                                                  max_size=40))
def test_every_count_span_maps_back_to_the_text(pieces: list[str], seps: list[str]) -> None:
    text = "".join(p + (seps[i] if i < len(seps) else " ") for i, p in enumerate(pieces))
    a = counts_stage(article(text, dates={"أمس": "2017-09-24"}))
    assert a.bad_spans() == []
    assert all(c.count >= 1 and c.kind and c.start < c.end for c in a.counts)


def details(text: str, **kw: object) -> list[tuple[str, int, str | None, str]]:
    a = counts_stage(article(text, **kw))  # type: ignore[arg-type]
    assert a.bad_spans() == []
    return [(c.kind, c.count, c.object, c.text) for c in a.counts]


@pytest.mark.parametrize(("text", "expected"), [
    # a figure reported twice is one count (the first, which keeps the place it names)
    ("أدى القصف إلى مقتل 35 شخصا في حمص. وسقط 35 شهيدا في حمص.",
     [("killed", 35, "شخصا", "مقتل 35 شخصا في حمص")]),
    # the same figure of different people stays two counts
    ("قتل 5 أطفال و5 نساء.", [("killed", 5, "أطفال", "قتل 5 أطفال"), ("killed", 5, "نساء", "5 نساء")]),
    # the same figure in different places stays two counts
    ("قتل 3 أشخاص في حمص. وقتل 3 أشخاص في حماة.",
     [("killed", 3, "أشخاص", "قتل 3 أشخاص في حمص"), ("killed", 3, "أشخاص", "وقتل 3 أشخاص في حماة")]),
    # a single victim named once and described once is one count: the named one
    ("اعتبر أن استشهاد جنرال روسي في دير الزور ثمن باهظ. وكانت الوزارة أعلنت مقتل الفريق فاليرى "
     "أسابوف في دير الزور.",
     [("killed", 1, "الفريق فاليرى أسابوف", "مقتل الفريق فاليرى أسابوف في دير الزور")]),
])
def test_repeated_reports_are_one_count(text: str, expected: list[tuple[str, int, str, str]]) -> None:
    assert details(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("مقتل 129 شخصا وجرح 352 آخرين، بينهم 99 في حالة خطيرة.",
     [("killed", 129, "شخصا", "مقتل 129 شخصا"), ("injured", 352, "آخرين", "وجرح 352 آخرين"),
      ("injured", 99, None, "99")]),
    ("قتل ثلاثة أشخاص وأصيب آخر بجروح.",
     [("killed", 3, "أشخاص", "قتل ثلاثة أشخاص"), ("injured", 1, "آخر", "أصيب آخر")]),
    ("وأصيب أكثر من 1600 برصاص الجيش.", [("injured", 1600, None, "وأصيب أكثر من 1600")]),
    ("وإصابة 1100 إثر المواجهات.", [("injured", 1100, None, "وإصابة 1100")]),
    ("وأشارت حصيلة أولية إلى سقوط قتيل واحد لكنها ارتفعت.", [("killed", 1, "قتيل", "قتيل واحد")]),
    ("نقل 442 جريحا بينهم 25 جروحهم خطرة.",
     [("injured", 442, "جريحا", "442 جريحا"), ("injured", 25, None, "25")]),
    ("وشنت الطائرات غارة على حلب.", [("strikes", 1, "غارة", "غارة")]),
    ("أطلقت الفصائل قذيفة على حلب.", [("strikes", 1, "قذيفة", "قذيفة")]),
    ("رصدت اللجنة 3 انتهاكات في حمص وانتهاكاً آخر.",
     [("violations", 3, "انتهاكات", "3 انتهاكات في حمص"), ("violations", 1, "انتهاك", "انتهاكاً")]),
])
def test_kinds_and_objects_in_context(text: str, expected: list[tuple[str, int, str | None, str]]) -> None:
    assert details(text) == expected


@pytest.mark.parametrize("text", [
    "أوضح بوتين أن الأسلحة تشمل صاروخ كروز يعمل بالطاقة النووية وصاروخا جديدا.",
    "منع صاروخ ماديرا من التسديد.",
    "معاقبة الصين على انتهاك حقوق الملكية الفكرية.",
    "في حالة انتهاك صارخ للخصوصية.",
    "لكن الطرف الآخر خرق جميع الهدن.",
    "أسر ليونيل ميسي قلوب الجماهير.",
    "انتهت عملية احتجاز رهائن في كنيسة.",
])
def test_more_non_counts(text: str) -> None:
    assert counts(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # infections are people counted, but not wounded: `other`
    ("أعلن عن إصابة 12 حالة جديدة.", [("other", 12, "exact")]),
    ("وسجلت الوزارة إصابة 1294 شخصا بالمرض.", [("other", 1294, "exact")]),
    # a subject naming armed men stands between the verb and its figure
    ("واختطف مسلحون 5 عمال في ليبيا.", [("kidnapped", 5, "exact")]),
    ("وقتل مهاجمون انتحاريون 12 شخصا.", [("killed", 12, "exact")]),
    # a partitive of attackers, verb last
    ("وقالت الشرطة إن أربعة من المهاجمين قتلوا في الاشتباك.", [("killed", 4, "exact")]),
    ("وأعدمت السلطات 3 أشخاص.", [("killed", 3, "exact")]),
])
def test_subjects_partitives_and_infections(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_a_count_of_attackers_alone_is_still_attackers() -> None:
    assert counts("وهاجم 5 مسلحين القرية.") == [("attackers", 5, "exact")]


def test_a_birth_year_after_the_clause_does_not_date_the_count() -> None:
    text = "أسفر الهجوم عن مقتل شخص وإصابة أربعة آخرين، هو شاب فرنسي من مواليد الشيشان عام 1997."
    a = article(text, dates={"أمس": "x"})
    a.dates.append(DateMention(text="عام 1997", start=text.index("عام 1997"),
                               end=text.index("عام 1997") + 8, value="1997-01-01",
                               value_end="1997-12-31"))
    assert [c.date for c in counts_stage(a).counts] == [None, None]
    text = "وقع تسونامي في اليابان عام 2011 وقتل 16 ألف شخص."
    a = article(text)
    a.dates.append(DateMention(text="عام 2011", start=text.index("عام 2011"),
                               end=text.index("عام 2011") + 8, value="2011-01-01",
                               value_end="2011-12-31"))
    assert [(c.count, c.date) for c in counts_stage(a).counts] == [(16000, "2011-01-01")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وارتفعت بذلك حصيلة القتلى جراء القصف على الغوطة الشرقية منذ أسابيع إلى 1517 مدنيا.",
     [("killed", 1517, "exact")]),
    ("لترتفع بذلك حصيلة هذا القصف إلى 1517 مدنيا بينهم 311 طفلا.",
     [("killed", 1517, "exact"), ("killed", 311, "exact")]),
])
def test_tolls_name_their_kind_from_afar(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_a_figure_after_a_preposition_without_toll_is_no_count() -> None:
    assert counts("وصل عدد الزوار إلى 30 ألفا ووصل الوفد إلى 30 دولة.") == []


@pytest.mark.parametrize("text", [
    "مصرع وإصابة 4 أشخاص دهسا في المدينة.",
    "سقط 4 أشخاص بين قتيل وجريح في المدينة.",
    "وأسفر الانفجار عن سقوط 4 قتلى وجرحى.",
    "قتل وأصيب 4 أشخاص في الانفجار.",
])
def test_dead_and_hurt_together_is_one_count_of_kind_other(text: str) -> None:
    # one figure of dead and hurt together is neither killed 4 nor injured 4, nor killed 1 + injured 1
    a = counts_stage(article(text))
    assert [(c.kind, c.count, c.object) for c in a.counts] == [("other", 4, "قتيل وجريح")]


def test_dead_and_hurt_split_by_the_text_stay_two_counts() -> None:
    assert counts("قتل 3 أشخاص وأصيب 16 آخرون.") == [("killed", 3, "exact"), ("injured", 16, "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    ("فيما قتل جنديان آخران عندما أرسلت الحكومة تعزيزات.", [("killed", 2, "exact")]),
    ("ولقيت امرأتان مصرعهما حرقا.", [("killed", 2, "exact")]),
    ("وقالت القوات إن ثلاثة من منفذي الهجوم قتلوا.", [("killed", 3, "exact")]),
    ("وحضر طفلان الحفل. وأكد أن ثلاثة من الوزراء حضروا.", []),
])
def test_duals_and_partitives(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_one_of_those_who_lost_is_no_count() -> None:
    assert counts("ويوهان كرويف واحد من ضمن المدربين الذين فقدوا مناصبهم.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("الغواصة قادرة على حمل 6 صواريخ بعيدة المدى.", []),
    ("أطلق من القطاع 180 صاروخا باتجاه البلدات.", [("strikes", 180, "exact")]),
])
def test_missiles_in_stock_are_no_strikes(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a lone tatweel used as a dash is no word (it has an empty key: it crashed the stage)
    ("الموسم الكروي 2015 ـ 2016 على الغابوني", []),
    ("الترتيب: 1 ـ رياض محرز (الجزائر ـ ليستر سيتي): 206 نقطة 2 ـ بيير", []),
    ("قتل 5 ـ ـ مدنيين في حلب", [("killed", 5, "exact")]),
])
def test_lone_tatweel_is_a_dash_not_a_word(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_counts_and_count_attach_do_not_import_each_other():
    import ast
    from pathlib import Path

    import rasd.extract.count_attach as ca

    tree = ast.parse(Path(ca.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "rasd.extract.counts" not in imported and "rasd.extract.count_draft" in imported


# ---- issue 13: counts attached to the clause that reports them ------------------------------------

def full(text: str, **kw: object) -> list[tuple[str, int, str | None]]:
    a = counts_stage(article(text, **kw))  # type: ignore[arg-type]
    assert a.bad_spans() == []
    return [(c.kind, c.count, c.place.name if c.place else None) for c in a.counts]


@pytest.mark.parametrize(("text", "expected"), [
    # a figure in brackets (SaudiNewsNet style)
    ("ونتج من الحريق إصابة (15) شخصاً بحالات اختناق، وإصابة (2) بحروق بسيطة.",
     [("injured", 15, "exact"), ("injured", 2, "exact")]),
    # a pronoun adverb or a date between the verb and its figure
    ("وقع الهجوم الذي قتل خلاله 3 أشخاص وأصيب 16.", [("killed", 3, "exact"), ("injured", 16, "exact")]),
    ("وبلغت الاحتجاجات ذروتها حيث قتل حينها 62 فلسطينيا.", [("killed", 62, "exact")]),
    # noun first, verb last: the total and its part
    ("أكثر من 230 مدنيا، من بينهم 35 طفلا، قتلوا في الغارات.",
     [("killed", 230, "more-than"), ("killed", 35, "exact")]),
    ("قالت الوزارة إن 36 شخصا بينهم 32 صينيا لقوا حتفهم في الحادث.",
     [("killed", 36, "exact"), ("killed", 32, "exact")]),
    ("فأطلق سراح ثلاث ناشطات من بين 11 ناشطاً أغلبهم نساء أوقفوا الأسبوع الفائت.",
     [("arrested", 11, "exact")]),
    # the dead of `أودى بحياة`
    ("الهجمات التي أودت بحياة 16 شخصا في برشلونة.", [("killed", 16, "exact")]),
    # a breakdown of people counted by a noun (`للمصابين … وهم 9 حالات`)
    ("وزار المدير المصابين في المستشفى، وهم (9) حالات للرجال و(5) حالات للأطفال.",
     [("injured", 9, "exact"), ("injured", 5, "exact")]),
])
def test_clause_forms(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل شخصا بداخلها وأصاب السائق، قبل أن يطلق النار باتجاه أربعة من رجال الشرطة أصاب أحدهم.",
     [("killed", 1), ("injured", 1)]),
    ("أفاد مصدر بأن مدنيا لقي مصرعه وجرح شرطي عندما حاول انتحاري استهداف كنيسة.", [("injured", 1)]),
])
def test_single_victims_of_verbs(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(k, n) for k, n, _ in counts(text)] == expected


@pytest.mark.parametrize(("text", "person", "kind"), [
    ("إذ قُتل المراهق بلال خفاجة وتبعه مواطنه.", "بلال خفاجة", "killed"),
    ("وسبق أن اعتقلت السلطات البريطانية رجل الأعمال الفرنسي ألكسندر الجوهري لفترة.", "ألكسندر الجوهري",
     "arrested"),
    ("اعتبرت الوزارة أن اعتقال الروسية ماريا بوتينا يهدف إلى التقليل من القمة.", "ماريا بوتينا", "arrested"),
    ("بشأن اختفاء الصحفي والكاتب السعودي جمال خاشقجي في إسطنبول.", "جمال خاشقجي", "missing"),
])
def test_named_victims_past_descriptions_and_subjects(text: str, person: str, kind: str) -> None:
    a = counts_stage(article(text, persons=(person,)))
    assert [(c.kind, c.count, c.object) for c in a.counts] == [(kind, 1, person)]


@pytest.mark.parametrize(("text", "persons"), [
    ("وفقد إبراهيم ساقه اليسرى خلال الحرب.", ("إبراهيم",)),  # lost a leg, not missing
    ("لكل من قتل نفسا أو قتل رجلا بغير حق.", ()),  # whoever kills: no victim
    ("ضفدع يمكنه قتل 80 رجلا بغرام واحد من سمه.", ()),  # can kill: hypothetical
    ("تؤدي إلى مقتل العشرات دون الإبلاغ عنه؟", ()),
    ("وإذا ما استطاعوا قتل نفس واحدة فإنهم يعززون الإرادة.", ()),
])
def test_hypothetical_lost_and_general_are_no_counts(text: str, persons: tuple[str, ...]) -> None:
    assert counts(text, persons=persons) == []


def test_qad_with_a_past_verb_is_no_hedge() -> None:
    assert counts("وكانت واشنطن قد أعلنت أنها قتلت عشرات المسلحين.") == [("killed", 10, "about")]
    assert counts("وقد أصيب أكثر من 600 فلسطيني بجروح.") == [("injured", 600, "more-than")]


def test_every_count_has_a_confidence_over_the_threshold() -> None:
    from rasd.extract.count_attach import CONFIDENCE_THRESHOLD
    a = counts_stage(article("أسفر القصف عن مقتل 27 مدنيا بينهم 5 أطفال وانتهاكاً في درعا."))
    assert a.counts and all(c.confidence is not None and CONFIDENCE_THRESHOLD <= c.confidence <= 1
                            for c in a.counts)
    # a figure read with its kind word beside it is surer than a bare noun
    conf = {c.count: c.confidence for c in a.counts}
    assert conf[27] > conf[1]


def test_a_part_takes_the_place_of_its_total() -> None:
    text = "شنت الطائرات غارات على حلب.\nوأسفرت الغارات عن مقتل 51 شخصا بينهم 41 طفلا."
    assert full(text) == [("killed", 51, "حلب"), ("killed", 41, "حلب")]


def test_place_of_the_clause_before_a_neighbouring_clause() -> None:
    # the dead are in Homs; Hama is where the planes came from, in another clause
    text = "قتل 5 أشخاص في قصف على حمص، بعد أن أقلعت الطائرات من حماة."
    assert full(text) == [("killed", 5, "حمص")]
    text = "أقلعت الطائرات من حماة، وقتل 5 أشخاص في حمص."
    assert full(text) == [("killed", 5, "حمص")]


@pytest.mark.parametrize(("text", "expected"), [
    # `بلغ عدد الضحايا في حماة 13`: the count noun before the figure, with the place between
    ("بلغ عدد القتلى 45 شخصا في حمص.", [("killed", 45, "حمص")]),
    ("سجلت درعا الأعلى في عدد الضحايا، فقد بلغ عددهم 20 شخصا، بينما بلغ عدد الضحايا في حماة 13 شخصا.",
     [("killed", 20, "درعا"), ("killed", 13, "حماة")]),
    # the hurt and the dead named by a partitive
    ("وأوضحت الوزارة أن 17 من الجرحى أصيبوا بالرصاص في غزة.", [("injured", 17, "غزة")]),
    ("وقال إن 3 من المعتقلين قتلوا تحت التعذيب في حمص.", [("killed", 3, "حمص")]),
    # idioms of killing and holding
    ("وتمكنت القوات من القضاء على 12 مسلحا في حمص.", [("killed", 12, "حمص")]),
    ("وتمكن الأمن من القضاء على ارهابيين اثنين في حمص.", [("killed", 2, "حمص")]),
    ("أصدر قاضي التحقيق 5 بطاقات إيداع بالسجن في حلب.", [("arrested", 5, "حلب")]),
    ("وثق التقرير 57 حالة وفاة في حلب.", [("killed", 57, "حلب")]),
    # a single victim after a short prepositional phrase
    ("وقتل في الهجوم شرطي في حمص.", [("killed", 1, "حمص")]),
    ("واستشهد في الهجوم عون أمن في حمص.", [("killed", 1, "حمص")]),
    ("وشردت الأمطار 3000 شخص في حلب.", [("displaced", 3000, "حلب")]),
])
def test_count_heads_partitives_and_idioms(text: str, expected: list[tuple[str, int, str | None]]) -> None:
    assert full(text) == expected


def test_no_place_from_an_actor_country_a_landmark_or_a_destination() -> None:
    # Israel acts; the hurt are where the march was (the lead's place)
    text = "مسيرة على حدود غزة.\nوردت إسرائيل بالأعيرة النارية مما تسبب بإصابة 30 شخصا."
    assert full(text) == [("injured", 30, "غزة")]
    # Baghdad is the landmark the distance is measured from
    text = "صرح ضابط في الأنبار عن مقتل 45 جنديا في ثكنات تبعد 55 كلم غرب بغداد."
    assert full(text) == [("killed", 45, "الأنبار")]
    # the wounded were taken to Baghdad; they were hurt in Ramadi
    text = "تفجير في الرمادي.\nوأسفر التفجير عن جرح 24 شخصا، ونقل الجرحى إلى العاصمة بغداد."
    assert full(text) == [("injured", 24, "الرمادي")]
    # but the displaced are counted where they fled to
    assert full("ونزح 500 شخص إلى حلب.") == [("displaced", 500, "حلب")]


def test_a_named_part_of_a_total_and_dead_and_hurt_together() -> None:
    text = "وقتل نحو ثلاثين عنصرا في حلب بينهم القيادي الحوثي حميد الفديع بغارات."
    assert full(text, persons=("حميد الفديع",)) == [("killed", 30, "حلب"), ("killed", 1, "حلب")]
    # no total before it: a name after بينهم is no count
    assert full("وحضر الاجتماع وفد بينهم حميد الفديع.", persons=("حميد الفديع",)) == []
    assert full("وتم إجلاء 375 مريضا من الغوطة.") == [("displaced", 375, None)]  # evacuees are displaced
    assert details("وسقوط مئات بين قتيل وجريح في هجمات.") == [
        ("other", 100, "قتيل وجريح", "مئات بين قتيل وجريح")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقتل شخص وأصيب آخر في حمص.", [("killed", 1, "حمص"), ("injured", 1, "حمص")]),
    ("وتمكن الأمن من القضاء على ارهابيين اثنين وإصابة ثالث في حمص.",
     [("killed", 2, "حمص"), ("injured", 1, "حمص")]),
    ("وأصيب آخر بجروح طفيفة في حمص.", [("injured", 1, "حمص")]),
    # `آخر` before a noun or in a phrase of time is no victim
    ("وأصيب آخر الجنود في حمص.", []),
    ("وقتل آخر مرة في حمص شخصان.", []),
])
def test_one_more_victim(text: str, expected: list[tuple[str, int, str | None]]) -> None:
    assert full(text) == expected


def test_seizing_counts_people_held_only_when_people_are_seized() -> None:
    assert full("وأعلنت الداخلية ضبط 7 متهمين في حلب.") == [("arrested", 7, "حلب")]
    assert full("وتمكنت الشرطة من ضبط 3 سيارات في حلب.") == []


def test_a_second_victim_of_the_verb_and_a_pair_of_attackers() -> None:
    text = "وأكدت الشرطة أن المنفذ قتل شرطيا ورجلا آخر في حمص."
    assert full(text) == [("killed", 1, "حمص"), ("killed", 1, "حمص")]
    # a verb after `و` is another clause, no second victim of the first verb
    assert [c for c in full("وقتل شخص وأصيب آخر في حمص.") if c[0] == "killed"] == [("killed", 1, "حمص")]
    assert full("سيارتان يقودهما انتحاريان فجرا نفسيهما في حمص.") == [("attackers", 2, "حمص")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وخرج آلاف المتظاهرين إلى شوارع حلب.", [("other", 1000, "حلب")]),
    ("وتظاهر 5000 محتج في حمص.", [("other", 5000, "حمص")]),
    # what befell protesters is the count's kind, not the crowd
    ("واعتقلت الشرطة 40 متظاهرا في حمص.", [("arrested", 40, "حمص")]),
    ("وقتل 5 متظاهرين في حمص.", [("killed", 5, "حمص")]),
    ("وارتفعت حصيلة القتلى بين المتظاهرين إلى 45 في حمص.", [("killed", 45, "حمص")]),
])
def test_crowds_of_protesters(text: str, expected: list[tuple[str, int, str | None]]) -> None:
    assert full(text) == expected


def test_an_area_the_gazetteer_does_not_know_is_still_the_place() -> None:
    text = "وقتل عشرات من المسلحين في مديرية التحيتا، وينتمي قائدهم إلى حلب."
    assert full(text) == [("killed", 10, "مديرية التحيتا")]
    # `في المنطقة نفسها` names no area
    assert full("وقتل 5 أشخاص في منطقة نفسها.") == [("killed", 5, None)]


def test_a_placeless_figure_takes_the_previous_count_place_a_few_lines_on() -> None:
    text = ("دعا مسؤول أمريكي إلى الحوار في بغداد.\nوخطف مسلحون 8 مقاتلين قرب حلب.\n"
            "وبث التنظيم شريطا.\nووقعت اشتباكات في المنطقة نفسها تسببت في مقتل 25 مقاتلا.")
    assert full(text) == [("kidnapped", 8, "حلب"), ("killed", 25, "حلب")]
    # far on, the story's lead place is the better guess
    filler = "وتحدث المسؤول عن الوضع العام في البلاد طويلا.\n" * 40
    assert full(text.replace("وبث التنظيم شريطا.\n", filler))[1] == ("killed", 25, "بغداد")


def test_place_of_the_previous_count_in_the_paragraph_and_of_the_scene() -> None:
    text = ("مقتل 3 مدنيين بقصف على إدلب. وأصيب 12 آخرون بجروح.\n"
            "وقال مسؤول إن الهجوم أدى أيضا إلى اعتقال 4 أشخاص.\n"
            "وفي خبر آخر، توفي 2 غرقا.")
    assert full(text) == [("killed", 3, "إدلب"), ("injured", 12, "إدلب"), ("arrested", 4, "إدلب"),
                          ("killed", 2, None)]


@pytest.mark.parametrize(("text", "ents", "claimant"), [
    ("قتل 12 شخصا بحسب وزارة الصحة.", (("وزارة الصحة", "ORG"),), "وزارة الصحة"),
    ("وقال الهلال الأحمر إن 7 أشخاص أصيبوا بجروح.", (("الهلال الأحمر", "ORG"),), "الهلال الأحمر"),
    ("و قال وزير الصحة في حكومة الحوثيين طه المتوكل إن 51 شخصا قتلوا.",
     (("الحوثيين", "ORG"), ("طه المتوكل", "PER")), "طه المتوكل"),
    ("أعلنت السلطات مقتل 4 أشخاص، حسبما جاء في حسابها على تويتر.", (("تويتر", "ORG"),), None),
    ("قتل 12 شخصا في الهجوم.", (), None),
])
def test_claimed_by(text: str, ents: tuple[tuple[str, str], ...], claimant: str | None) -> None:
    a = article(text)
    for name, typ in ents:
        i = text.index(name)
        a.entities.append(Entity(text=name, type=typ, start=i, end=i + len(name)))  # type: ignore[arg-type]
    a = counts_stage(a)
    assert a.counts and {c.claimed_by for c in a.counts} == {claimant}


@pytest.mark.parametrize(("body", "expected"), [
    ("دمشق-سانا\nقتل 3 أشخاص.", "دمشق"),
    ("دمشق - (رويترز) - قتل 3 أشخاص.", "دمشق"),
    ("دمشق، سوريا (CNN) -- قتل 3 أشخاص.", "دمشق"),
    ("قتل 3 أشخاص في دمشق - حسب المصادر.", None),
    ("(CNN)-- قتل 3 أشخاص في دمشق.", None),
])
def test_dateline(body: str, expected: str | None) -> None:
    from rasd.extract.counts import dateline_stage
    text = "عنوان الخبر\n" + body
    a = Article(id="t", text=text, title="عنوان الخبر")
    for m in re.finditer("دمشق|سوريا", text):
        a.places.append(Place(text=m.group(0), start=m.start(), end=m.end(), name=m.group(0),
                              kind="city" if m.group(0) == "دمشق" else "country"))
    a = dateline_stage(a)
    assert (a.dateline.name if a.dateline else None) == expected
    assert a.bad_spans() == []


def test_a_combined_figure_split_by_the_text_gives_way_to_its_parts() -> None:
    text = "مصرع وإصابة 4 أشخاص دهساً.\nنتج عن الحادث وفاة واحدة فيما نقل اثنان مصابين إلى المستشفى."
    assert [(c.kind, c.count) for c in counts_stage(article(text)).counts] == [("killed", 1), ("injured", 2)]


@pytest.mark.parametrize(("text", "expected"), [
    # a crowd: a verb of taking part next to the figure and a protest noun in its sentence
    ("شاركت آلاف الفلسطينيات الثلاثاء في مسيرة العودة شرق غزة.", [("other", 1000, "about")]),
    ("وهؤلاء يقودون المظاهرات التي يشارك فيها الآلاف من المواطنين.", [("other", 1000, "about")]),
    ("وشارك نحو 5000 شخص في مظاهرة حاشدة في بغداد.", [("other", 5000, "about")]),
    ("خرج عشرات الآلاف من المحتجين في شوارع بغداد.", [("other", 10000, "about")]),
    # no crowd: no protest noun, a small delegation, a body of people, a protest noun far off
    ("شارك 30 شخصا في المؤتمر في الرياض.", [("other", 30, "exact")]),  # a figure of people, no kind
    ("وشارك في المسيرة 3 نواب.", []),
    ("وشارك 40 وفدا في مسيرة التضامن.", []),
    ("وشارك المئات في اجتماع عام ثم أعلنت الحكومة بعد أيام حظر التظاهر في المدينة.", []),
    # the event verb before the figure still says what befell the crowd
    ("واعتقل العشرات من المتظاهرين في موسكو.", [("arrested", 10, "about")]),
])
def test_crowds_at_protests(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # `أكثر من1700`: the qualifier's preposition glued to the figure
    ("وثق المرصد مقتل أكثر من1700 مدني في القصف.", [("killed", 1700, "more-than")]),
    ("وثق المرصد مقتل أكثر من 1700 مدني في القصف.", [("killed", 1700, "more-than")]),
    # a vague figure before a definite kind noun takes its kind
    ("إضافة إلى مئات المصابين.", [("injured", 100, "about")]),
    # `عدد` + a people noun + a relative clause of an event verb, then `إلى` and the figure
    ("وارتفع عدد المسلحين الذين قتلهم الجيش إلى 22 على الأقل منذ مطلع العام.",
     [("killed", 22, "at-least")]),
    # the toll of one figure is no toll of the next (`إضافةً إلى مئات المصابين`)
    ("وارتفع عدد القتلى في الجانب الفلسطيني إلى أكثر من ستين قتيلاً، إضافةً إلى مئات المصابين.",
     [("killed", 60, "more-than"), ("injured", 100, "about")]),
])
def test_figures_before_and_after_their_nouns(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_a_named_part_of_a_total_without_a_figure() -> None:
    text = "تمكنت القوة من قتل عدد من عناصر تنظيم داعش، بينهم والي شمال الرمادي المدعو عمر صفوك."
    a = counts_stage(article(text, persons=("عمر صفوك",)))
    assert [(c.kind, c.count, c.object) for c in a.counts] == [("killed", 1, "عمر صفوك")]
    # a total of no event has no named part
    assert counts("واجتمع عدد من الوزراء بينهم محمد علي في بغداد.", persons=("محمد علي",)) == []


@pytest.mark.parametrize("victim", ["معلمة أمريكية", "سائق", "عاملة", "مراهق"])
def test_single_victims_by_occupation(victim: str) -> None:
    assert counts(f"أدينت بقتل {victim} في بغداد الشهر الماضي.") == [("killed", 1, "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    # a vague figure of the dead and the hurt together is one figure of both
    ("وتكبدت الميليشيات عشرات القتلى والجرحى والأسرى في محيط المطار.", [("other", 10, "about")]),
    ("وسقط مئات الجرحى والقتلى.", [("other", 100, "about")]),
    ("وأسفر القصف عن عشرات القتلى في حلب.", [("killed", 10, "about")]),
    # two victims after the verb and a pronoun adverb
    ("وقد شابت المظاهرات أعمال عنف، قتل فيها شخصان.", [("killed", 2, "exact")]),
    ("ووقع انفجار أصيب خلاله شرطيان.", [("injured", 2, "exact")]),
    # bodies are the dead
    ("وانتشلت فرق الإنقاذ جثث 12 شخصا من تحت الأنقاض.", [("killed", 12, "exact")]),
    ("ونشرت المنظمة صورا تظهر جثث عشرات النساء والأطفال.", [("killed", 10, "about")]),
    # people by their condition are the hurt; a condition of no harm is none
    ("وقال إن 3 أشخاص بحالة خطرة.", [("injured", 3, "exact")]),
    ("ونقل 5 أطفال في حالة حرجة إلى المستشفى.", [("injured", 5, "exact")]),
    ("ويعيش 3 ملايين شخص في حالة فقر.", [("other", 3000000, "exact")]),
])
def test_combined_vague_dual_bodies_condition(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a raid with its nationality or its aircraft is a strike; a bare raid noun is none
    ("وأكد الرئيس مقتل زعيم الحركة في غارة أمريكية.", [("strikes", 1, "exact")]),
    ("وأكد الرئيس مقتل زعيم الحركة في غارة بطائرة بدون طيار.", [("strikes", 1, "exact")]),
    ("وتناول الفيلم قصة غارة الليل.", []),
    # the next item of a list of the dead, after a comma
    ("وقال المرصد إن القتلى هم 18 عنصرا من جبهة النصرة والمقاتلين الموالين لها، وسبعة من الفرقة 30.",
     [("killed", 18, "exact"), ("killed", 7, "exact")]),
    ("وقتل 5 جنود من الجيش في حلب، و3 من الشرطة في إدلب.", [("killed", 5, "exact"), ("killed", 3, "exact")]),
    # `طالب لجوء` is an asylum seeker, no demand that makes the killing a hedge
    ("منذ الاشتباه في تورط لاجئ عراقي وطالب لجوء سوري في قتل شخص ألماني بالسكين.", [("killed", 1, "exact")]),
    ("وطالب الرئيس بمعاقبة من قتل شخصا.", []),
])
def test_raids_list_items_and_students(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_no_place_from_a_news_outlet_name() -> None:
    # the agency is named after Baghdad (and a second name after it); the dead were in Ramadi
    text = ("هجوم في الرمادي.\nوقال مصدر لوكالة بغداد حلب للأنباء إن 5 أشخاص قتلوا.\n"
            "وأصيب في الهجوم 3 أشخاص.")
    assert full(text) == [("killed", 5, "الرمادي"), ("injured", 3, "الرمادي")]
    assert full("وقتل 4 أشخاص في حلب، بحسب صحيفة بغداد.") == [("killed", 4, "حلب")]


@pytest.mark.parametrize(("text", "expected"), [
    # a definite singular person after a victim's event noun is one victim
    ("وقالت العائلة إن الشرطة لم تتحرك في الأيام التي تلت اختطاف الطفلة.", [("kidnapped", 1, "exact")]),
    ("وأدان البيان مقتل الشاب في بغداد.", [("killed", 1, "exact")]),
    # but not a role, nor a death that is mostly natural
    ("وأكد البيان اعتقال المسؤول.", []),
    ("وأعلن النادي وفاة اللاعب في المستشفى.", []),
])
def test_definite_single_victims(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def placed(text: str, places: tuple[tuple[str, str, str], ...], locs: tuple[str, ...] = ()
           ) -> list[tuple[str, int, str | None]]:
    """The counts of `text` with the given (name, kind, country) places and unresolved LOC names."""
    a = article(text)
    for name, kind, country in places:
        s = text.index(name)
        a.places.append(Place(text=name, start=s, end=s + len(name), name=name, kind=kind,  # type: ignore[arg-type]
                              country=country))
    for name in locs:
        s = text.index(name)
        a.entities.append(Entity(text=name, type="LOC", start=s, end=s + len(name), canonical=name))
    a.places.sort(key=lambda p: p.start)
    return [(c.kind, c.count, c.place.name if c.place else None) for c in counts_stage(a).counts]


def test_a_named_city_beats_a_quarter_of_a_country() -> None:
    text = "ووقع هجوم انتحاري في مدينة نانغرهار شرقي أفغانستان مما أسفر عن مقتل 20 شخصا."
    region = (("شرقي أفغانستان", "region", "AF"),)
    assert placed(text, region, ("نانغرهار",)) == [("killed", 20, "نانغرهار")]
    # a bare LOC name with no area noun before it does not displace the region
    text2 = text.replace("مدينة نانغرهار", "نانغرهار")
    assert placed(text2, region, ("نانغرهار",)) == [("killed", 20, "شرقي أفغانستان")]


@pytest.mark.parametrize(("text", "expected"), [
    # explosions and attacks with a figure or as a dual are strikes; a single one is the story's event
    ("ووقعت 3 تفجيرات في بغداد.", [("strikes", 3, "exact")]),
    ("ونفذ التنظيم 5 هجمات انتحارية.", [("strikes", 5, "exact")]),
    ("وانفجرت 3 عبوات ناسفة.", [("strikes", 3, "exact")]),
    ("وأسفر الهجوم عن تفجيرين استهدفا محطتي حافلات.", [("strikes", 2, "exact")]),
    ("وانفجرت عبوتان ناسفتان بالشارع العام.", [("strikes", 2, "exact")]),
    ("وقع الانفجار في السوق.", []),
    ("وزعت 3 عبوات مياه.", []),
    ("وقامت انتحاريتان منتقبتان بتفجير نفسيهما.", [("attackers", 2, "exact")]),
    # a figure right before a verb of what befell them; the figure after `و` ends the clause before it
    ("وأعلنت فرنسا مقتل 10 أشخاص و32 أصيبوا بجروح.", [("killed", 10, "exact"), ("injured", 32, "exact")]),
    # death idioms: `لقي X مصرعه`, `راح ضحيته`, an active `قتلوا` before its figure
    ("ولقي شخص مصرعه في الحادث.", [("killed", 1, "exact")]),
    ("ولقي مصرعه على الفور.", []),
    ("وقتل 3 أشخاص ولقي رابع مصرعه لاحقا.", [("killed", 3, "exact"), ("killed", 1, "exact")]),
    ("في جريمة راح ضحيتها ثلاثة أشخاص.", [("killed", 3, "exact")]),
    ("في الهجوم الذي راح ضحيته شرطيان.", [("killed", 2, "exact")]),
    ("حيث قتلوا المئات من أفراد الجيش والشرطة.", [("killed", 100, "about")]),
    # one more victim joined to a figure; the event word written onto the figure
    ("واعتقلت الشرطة 5 أشخاص وامرأة.", [("arrested", 5, "exact"), ("arrested", 1, "exact")]),
    ("وقتل 5 أشخاص وجرح 3.", [("killed", 5, "exact"), ("injured", 3, "exact")]),
    ("فيما أسفر عن مقتل31 شخصا من سكان المدينة.", [("killed", 31, "exact")]),
])
def test_explosions_idioms_and_one_more(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_named_victim_who_met_death_and_no_place_of_origin() -> None:
    text = "ولقي القيادي الميداني الحوثي أبو طه مصرعه في الوازعية."
    assert details(text, persons=("أبو طه",)) == [
        ("killed", 1, "أبو طه", "لقي القيادي الميداني الحوثي أبو طه مصرعه")]
    assert placed("وقتل 10 مدنيين وجندي من تشاد في الهجوم.", (("تشاد", "country", "TD"),)) == [
        ("killed", 10, None), ("killed", 1, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a verb right after a figure: the hurt and the dead, not those who lost or did something
    ("وأفاد بأن 150 شخصا قتلوا وتعرضت 120 امرأة للاغتصاب.",
     [("killed", 150, "exact"), ("other", 120, "exact")]),
    ("وأعلن عن آلاف فقدوا وظائفهم.", []),
    ("وأوقفت الشرطة عناصر من مجموعة 3 اختطفوا مساء أمس فتاة.", []),
    ("قتلوا في الأشهر الأربعة الأولى.", []),
    # dead and hurt together stay so after a death idiom, but not the hurt with their own figure
    ("في الهجوم الذي راح ضحيتها العشرات بين قتيل وجريح.", [("other", 10, "about")]),
    ("وشهد الأحد مقتل نحو 30 قتيلا وجرح العشرات.", [("killed", 30, "about"), ("injured", 10, "about")]),
    ("وسقط 50 قتيلا وجريحا.", [("other", 50, "exact")]),
])
def test_verbs_after_figures_and_dead_and_hurt(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_titles_named_after_a_comma_and_parts_without_a_figure() -> None:
    # a victim's title and description, then the name set off by commas
    text = "وأعلنت القوات مقتل قائد قوات التدخل السريع في ميليشيات الحوثي، منصور السودي، مع عدد من أتباعه."
    assert details(text, persons=("منصور السودي",)) == [
        ("killed", 1, "منصور السودي", "مقتل قائد قوات التدخل السريع في ميليشيات الحوثي، منصور السودي")]
    # a strike that killed someone named after a comma
    text = "والأربعاء قتلت غارة للتحالف في الحديدة، محمد المنصور، الذي يعد من أهم القيادات."
    got = details(text, persons=("محمد المنصور",))
    assert ("killed", 1, "محمد المنصور", "قتلت غارة للتحالف في الحديدة، محمد المنصور") in got
    # one unnamed person, part of a total
    assert counts("وفي الملاحيظ قضى 27 حوثيا، بينهم قائد بارز، وهو مسؤول التموين.") == [
        ("killed", 27, "exact"), ("killed", 1, "exact")]
    assert counts("قتل 5 أشخاص بينهم طفل 3 سنوات.") == [("killed", 5, "exact")]
    # two people met death, each named last before the death phrase: two counts, not one
    text = ("تساقط القادة.\nلقي القيادي الميداني الحوثي، قائد مجموعة الاقتحامات، أبو زيد مصبح، مصرعه.\n"
            "ولقي قائد هذه الكتيبة، مالك علي أحمد، المكنى أبو هاجرة مصرعه.")
    got = details(text, persons=("أبو زيد مصبح", "مالك علي أحمد", "أبو هاجرة"))
    assert [(k, n, o) for k, n, o, _ in got] == [("killed", 1, "أبو زيد مصبح"), ("killed", 1, "أبو هاجرة")]


def test_a_figure_and_the_next_verb_of_the_hurt_and_wishes_that_are_no_facts() -> None:
    text = "وارتفعت حصيلة قتلى القذائف في دمشق إلى 11 قتيلا وأصيب 46 شخصا بعضهم في حالة خطرة."
    assert counts(text) == [("killed", 11, "exact"), ("injured", 46, "exact")]
    assert counts('وهم يهتفون "الشعب يريد إعدام سليمان".', persons=("سليمان",)) == []
    # the definite dual told again far on is the same pair; another noun far on is another pair
    filler = " وقال مسؤول في المحافظة إن الوضع مستقر." * 10
    text = f"وقتل 28 عنصرا إثر تفجيرين انتحاريين في حلب.{filler} وتسبب التفجيران بمقتل 10 عناصر."
    assert [c for c in counts(text) if c[0] == "strikes"] == [("strikes", 2, "exact")]
    text = f"وقتل 28 عنصرا إثر تفجيرين انتحاريين في حلب.{filler} وأسفر الهجومان في الكاميرون عن 20 قتيلا."
    assert [c for c in counts(text) if c[0] == "strikes"] == [("strikes", 2, "exact")] * 2


@pytest.mark.parametrize(("text", "expected"), [
    # a person who gave themself up is one held; not a refusal, a call or a plan
    ("وأعلنت الشرطة أن المشتبه به قد سلم نفسه إلى السلطات الأمنية.", [("arrested", 1, "exact")]),
    ("ورفض تسليم نفسه للشرطة.", []),
    ("ودعت الشرطة المتهم إلى تسليم نفسه.", []),
    ("وقال إنه سيسلم نفسه.", []),
])
def test_surrender(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert counts(text) == expected


def test_a_town_of_the_sentence_beats_a_quarter_of_a_country() -> None:
    text = "سيطر التنظيم على بلدة حيط جنوبي سوريا بعد معارك قتل فيها 16 مسلحا."
    assert placed(text, (("حيط", "city", "SY"), ("جنوبي سوريا", "region", "SY"))) == [("killed", 16, "حيط")]


def test_a_capital_that_speaks_is_no_place() -> None:
    text = "أعلنت أنقرة، الثلاثاء، مقتل جندي خلال عمليات للجيش ضد المقاتلين شمالي العراق."
    assert placed(text, (("أنقرة", "city", "TR"), ("شمالي العراق", "region", "IQ"))) == [
        ("killed", 1, "شمالي العراق")]


@pytest.mark.parametrize(("text", "expected"), [
    # evacuees and those who fled are displaced, by a noun or verb before the figure or a verb after it
    ("وقال مصدر طبي إنه تم خلال أسبوع إجلاء نحو 1800 شخص بينهم 375 مريضا.",
     [("displaced", 1800), ("displaced", 375)]),
    ("وقال إن 33345 شخصا خرجوا من دوما منذ الشهر الماضي.", [("displaced", 33345)]),
    ("وتم إخراج أكثر من سبعة آلاف مقاتل ومدني من محافظة القنيطرة.", [("displaced", 7000)]),
    ("وفر ما يزيد على 5.6 مليون سوري من البلاد.", [("displaced", 5600000)]),
    ("ودفع التصعيد أكثر من 270 ألف مدني إلى النزوح.", [("displaced", 270000)]),
    # a headline present tense reports a past killing
    ("الشرطة المصرية تقتل 6 أشخاص ينتمون لجماعة مسلحة", [("killed", 6)]),
])
def test_evacuees_fleeing_and_present_tense_killings(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(k, n) for k, n, _ in full(text)] == expected


def test_a_bare_figure_of_people_is_other_in_the_record() -> None:
    a = article("وكان 54 عنصرا من الفرقة 30 قد اجتازوا الحدود.")
    assert [(c.kind, c.count, c.confidence) for c in counts_stage(a).counts] == [("other", 54, 0.6)]
    vague = counts_stage(article("وشارك الآلاف من المواطنين في التظاهرة."))  # vague: 0.6 - 0.1, still kept
    assert [(c.kind, c.count, c.qualifier) for c in vague.counts] == [("other", 1000, "about")]
    # companies after people are no people; capacities, shares and populations are no figure of people
    low = find_counts(article("وتستهدف العقوبات أربعة أفراد وسبع شركات."), threshold=0.3)
    assert [(c.kind, c.count) for c in low] == [("other", 4)]
    for text in ("والقاعة تتسع لـ 500 شخص.", "وسجلت 3 حالات لكل 1000 مواطن.", "والمدينة يسكنها 250 ألف شخص.",
                 "وتضم اللجنة 5 أشخاص.", "ويبلغ عدد سكانها 600 ألف نسمة."):
        assert find_counts(article(text), threshold=0.3) == [], text


@pytest.mark.parametrize(("text", "expected"), [
    # a toll verb right before the figure reaches a count noun further back
    ("وقال إن عدد القتلى بعد إقرار مشروع قرار الهدنة بلغ 7 أشخاص على الأقل.", [("killed", 7)]),
    ("وكان عدد القتلى منذ الأحد الماضي وحتى التصويت على الهدنة قد تجاوز 500 شخص فيما بلغ عدد المصابين"
     " 2500 شخص.", [("killed", 500), ("injured", 2500)]),
    # without one, the count noun stays within five words
    ("وقال إن عدد القتلى بعد إقرار مشروع قرار الهدنة في المدينة 7 أشخاص.", [("other", 7)]),
    # people still missing; people whose arrest follows them; sorties
    ("فيما تسعى فرق الإنقاذ للعثور على 12 شخصا ما زالوا مفقودين.", [("missing", 12)]),
    ("وتحدث عن 600 شخص تم إيقافهم لمجرد كونهم خرجوا للتظاهر السلمي.", [("arrested", 600)]),
    ("وجرى تنفيذ 28 طلعة جوية اليوم.", [("strikes", 28)]),
    # going out to protest is no displacement: people, of no kind
    ("وقال إن 3000 شخص خرجوا للتظاهر.", [("other", 3000)]),
    # a hedge of the clause before a conjoined verb is not this figure's
    ("تمكنت من إحباط محاولة هجوم للإرهابيين وقتلت 21 منهم.", [("killed", 21)]),
    ("وقد تؤدي الغارات إلى مقتل 5 أشخاص.", []),
])
def test_tolls_still_missing_sorties_and_clause_hedges(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(k, n) for k, n, _ in full(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a singular feminine person noun from its masculine
    ("كما قتلت مسعفة في حزيران.", [("killed", 1)]),
    # the subject right before `قد` and its victim verb
    ("وكان فتى فلسطيني قد قتل برصاص الجيش الإسرائيلي.", [("killed", 1)]),
    ("وقالت الشرطة إن شابا قد قتل في الحادث.", [("killed", 1)]),
    ("وكان الرئيس قد اعتقل في عام 2010.", []),  # a definite title is no figure
    # after an active verb and its definite subject, one person or two
    ("واعتقلت الشرطة امرأة في المطار.", [("arrested", 1)]),
    ("واعتقلت الشرطة الفرنسية رجلين في باريس.", [("arrested", 2)]),
    ("وقتل الجيش المقاتلين في الهجوم.", []),  # a sound plural reads like a dual: no figure
    # a plural verb, a plural noun, then `اثنين`
    ("وقصف الإرهابيون البلدة وقتلوا مدنيين اثنين.", [("killed", 2)]),
    # a protester is one person, not a crowd
    ("وأشارت المصادر إلى مقتل متظاهر بنيران الشرطة.", [("killed", 1)]),
    ("وأصيب متظاهر في المواجهات.", [("injured", 1)]),
    # executed, fled
    ("وقال التحالف إن المتشددين أعدموا 17 مدنيا.", [("killed", 17)]),
    ("وذكر المرصد أن 12500 مدني هربوا من ديارهم.", [("displaced", 12500)]),
    # a kind noun in construct after the toll's head
    ("وترتفع حصيلة قتلى الاحتجاجات منذ أسابيع إلى 37 فلسطينيا.", [("killed", 37)]),
    ("وذكرت مصادر أن عدد قتلى الاحتجاجات قد ارتفع إلى 11 شخصا.", [("killed", 11)]),
])
def test_single_victims_subjects_construct_tolls(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.count) for c in counts_stage(article(text)).counts] == expected
