"""Tests for date finding and resolution, and the dates stage."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.model import Article
from rasd.text.dates import NO_PUBLISHED_WARNING, dates_stage, find_dates

from .test_normalize import ARABISH

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EXAMPLE = SHARED / "examples" / "000_98c889641a669656.txt"
PUB = "2017-09-25"  # a Monday


def found(text: str, published: str | None = PUB) -> list[tuple[str, str, str | None, str]]:
    got = find_dates(text, published)
    for d in got:
        assert text[d.start:d.end] == d.text
    return [(d.text, d.value, d.value_end, d.calendar) for d in got]


@pytest.mark.parametrize(("text", "expected"), [
    ("في 25 أيلول 2017", ("25 أيلول 2017", "2017-09-25", None)),
    ("في 25 سبتمبر الجاري", ("25 سبتمبر الجاري", "2017-09-25", None)),
    ("في ٢٥ أيلول/سبتمبر ٢٠١٧", ("٢٥ أيلول/سبتمبر ٢٠١٧", "2017-09-25", None)),
    ("في 3 تشرين الأول 2016", ("3 تشرين الأول 2016", "2016-10-03", None)),
    ("في العاشر من أيلول", ("العاشر من أيلول", "2017-09-10", None)),
    ("25 مارس", ("25 مارس", "2017-03-25", None)),
    ("بتاريخ 25/9/2017", ("25/9/2017", "2017-09-25", None)),
    ("بتاريخ 2017-09-25.", ("2017-09-25", "2017-09-25", None)),
    ("أيلول 2017", ("أيلول 2017", "2017-09-01", "2017-09-30")),
    ("في شهر آب", ("شهر آب", "2017-08-01", "2017-08-31")),
    ("عام 2016", ("عام 2016", "2016-01-01", "2016-12-31")),
    ("منذ عام 2011", ("عام 2011", "2011-01-01", "2011-12-31")),
])
def test_absolute_and_calendar_dates(text, expected):
    assert found(text) == [(*expected, "gregorian")]


@pytest.mark.parametrize(("text", "expected"), [
    ("أمس", ("أمس", "2017-09-24", None)),
    ("في كلمة ألقاهاأمس خلال", ("أمس", "2017-09-24", None)),
    ("بالأمس", ("الأمس", "2017-09-24", None)),
    ("أول أمس", ("أول أمس", "2017-09-23", None)),
    ("أول من أمس", ("أول من أمس", "2017-09-23", None)),
    ("نشرته اليوم أن", ("اليوم", "2017-09-25", None)),
    ("غداً", ("غداً", "2017-09-26", None)),
    ("يوم الأحد", ("يوم الأحد", "2017-09-24", None)),
    ("يوم الاثنين", ("يوم الاثنين", "2017-09-25", None)),
    ("الخميس", ("الخميس", "2017-09-21", None)),
    ("الاثنين الماضي", ("الاثنين الماضي", "2017-09-18", None)),
    ("الخميس المقبل", ("الخميس المقبل", "2017-09-28", None)),
    ("الشهر الماضي", ("الشهر الماضي", "2017-08-01", "2017-08-31")),
    ("الشهر الجارى", ("الشهر الجارى", "2017-09-01", "2017-09-30")),
    ("الأسبوع الماضي", ("الأسبوع الماضي", "2017-09-16", "2017-09-22")),
    ("العام الماضي", ("العام الماضي", "2016-01-01", "2016-12-31")),
    ("هذا العام", ("هذا العام", "2017-01-01", "2017-12-31")),
    ("منذ 3 أيام", ("منذ 3 أيام", "2017-09-22", None)),
    ("منذ ثلاثة أيام", ("منذ ثلاثة أيام", "2017-09-22", None)),
    ("منذ يومين", ("منذ يومين", "2017-09-23", None)),
    ("قبل 3 أشهر", ("قبل 3 أشهر", "2017-06-25", None)),
    ("في 25 الجاري", ("25 الجاري", "2017-09-25", None)),
    ("بين ال 8 وال 12 من الشهر الجاري", ("بين ال 8 وال 12 من الشهر الجاري", "2017-09-08", "2017-09-12")),
    ("ما بين ال 8 وال 12 من الشهر الجارى",
     ("ما بين ال 8 وال 12 من الشهر الجارى", "2017-09-08", "2017-09-12")),
    ("بين الـ8 والـ12 من الشهر الماضي", ("بين الـ8 والـ12 من الشهر الماضي", "2017-08-08", "2017-08-12")),
    ("من 8 إلى 12 أيلول", ("من 8 إلى 12 أيلول", "2017-09-08", "2017-09-12")),
])
def test_relative_dates(text, expected):
    assert found(text) == [(*expected, "gregorian")]


@pytest.mark.parametrize(("text", "expected"), [
    ("1 محرم 1439", ("1 محرم 1439", "2017-09-21", None)),
    ("في 1 محرم 1439 هـ", ("1 محرم 1439 هـ", "2017-09-21", None)),
    ("عام 1439 هـ", ("عام 1439 هـ", "2017-09-21", "2018-09-10")),
    ("في رمضان 1438", ("رمضان 1438", "2017-05-27", "2017-06-24")),
    ("في 1 رمضان", ("1 رمضان", "2017-05-27", None)),
])
def test_hijri_dates(text, expected):
    assert found(text) == [(*expected, "hijri")]


@pytest.mark.parametrize(("text", "expected"), [
    ("يوم السبت 2/10/1436هـ", ("2/10/1436هـ", "2015-07-18", None)),
    ("في 28 / 8 / 1436 هـ، أن", ("28 / 8 / 1436 هـ", "2015-06-15", None)),
])
def test_numeric_hijri_dates(text, expected):
    assert found(text)[-1] == (*expected, "hijri")


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل أمس الخميس ضابط", ("أمس الخميس", "2017-09-24", None)),
    ("تنطلق غداً السبت", ("غداً السبت", "2017-09-26", None)),
    ("تجرى بعد غد الأربعاء", ("بعد غد الأربعاء", "2017-09-27", None)),
    ("قال اليوم الاثنين", ("اليوم الاثنين", "2017-09-25", None)),
    ("منذ فبراير شباط 2010", ("فبراير شباط 2010", "2010-02-01", "2010-02-28")),
    ("في مايو (أيار) الماضي", ("مايو (أيار) الماضي", "2017-05-01", "2017-05-31")),
])
def test_appositions_make_one_mention(text, expected):
    assert found(text) == [(*expected, "gregorian")]


@pytest.mark.parametrize("text", [
    "بمناسبة العام الهجري الجديد", "اليوم الوطني", "في ذلك اليوم", "بين الاثنين", "الخامس", "منذ أيام",
    "في 2016", "الخامس من الشهر", "ثلاثة أيام", "في أمسّ الحاجة", "في أمس الحاجة إلى", "قوى 14 آذار",
    "ثورة 25 يناير", "عين اليوم – متابعات", "قناة روسيا اليوم", "اليوم السابع",
])
def test_not_dates(text):
    assert found(text) == []


@pytest.mark.parametrize("text", ["أمس", "يوم الأحد", "الشهر الجاري", "منذ 3 أيام", "25 أيلول",
                                  "بين ال 8 وال 12 من الشهر الجاري", "1 محرم"])
def test_relative_dates_need_published(text):
    assert found(text, None) == []


def test_absolute_dates_do_not_need_published():
    assert found("في 25 أيلول 2017 وأمس", None) == [("25 أيلول 2017", "2017-09-25", None, "gregorian")]


def test_stage_warns_when_relative_dates_stay_unresolved():
    a = dates_stage(Article(id="x", text="قال أمس", title="قال أمس"))
    assert a.dates == [] and a.warnings == [NO_PUBLISHED_WARNING]
    b = dates_stage(Article(id="x", text="قال أمس", title="قال أمس", published=PUB))
    assert [d.value for d in b.dates] == ["2017-09-24"] and b.warnings == []


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared reference article not available")
def test_reference_article_dates():
    text = EXAMPLE.read_text(encoding="utf-8")
    got = {(d.value, d.value_end) for d in find_dates(text, PUB)}
    assert got == {("2017-09-24", None), ("2017-09-25", None), ("2017-09-08", "2017-09-12")}


DATEISH = st.lists(st.sampled_from(["أمس", "اليوم", "25", "أيلول", "2017", "/", "9", "بين", "ال", "و",
                                    "الشهر", "الجارى", "منذ", "3", "أيام", "محرم", "1439", "هـ", "يوم",
                                    "الأحد", "ألقاها", "ً", "ـ", " ", "\n", "من"]), max_size=20)


@given(st.one_of(ARABISH, DATEISH.map("".join), DATEISH.map(" ".join)))
def test_date_spans_map_back(s):
    for d in find_dates(s, PUB):
        assert s[d.start:d.end] == d.text
        assert d.value_end is None or d.value_end >= d.value


@pytest.mark.parametrize(("text", "expected"), [
    # a bare الاثنين between commas is Monday, as the other weekdays are (PUB is a Monday)
    ("وقال الوزير، الاثنين، إن", ("الاثنين", "2017-09-25")),
    ("أعلنت الشرطة الاثنين توقيف", ("الاثنين", "2017-09-25")),
    ("من الاثنين إلى الجمعة", ("الاثنين", "2017-09-25")),
    ("غزة، الاثنين الماضي، قتل", ("الاثنين الماضي", "2017-09-18")),
])
def test_bare_monday(text, expected):
    assert (expected[0], expected[1], None, "gregorian") in found(text)


@pytest.mark.parametrize("text", ["بين الاثنين", "كلا الاثنين", "أو الاثنين معا", "للاثنين",
                                  "أحد الاثنين"])
def test_the_two_is_no_monday(text):
    assert found(text) == []


def test_weekday_of_a_past_date_in_its_sentence():
    # a story about 1978: the Thursday is the dated day, not the Thursday before publication
    got = found("وقعت الأحداث الخميس في 26 جانفي 1978 في تونس", "2017-01-30")
    assert ("الخميس", "1978-01-26", None, "gregorian") in got
    # the weekday of another day (the report) stays the report's day
    got = found("اتهمت المنظمة الثلاثاء المسلحين بقتل 53 شخصا في 25 آب 2017", "2018-05-23")
    assert ("الثلاثاء", "2018-05-22", None, "gregorian") in got
    # a weekday right after a full date is its apposition
    assert ("الأحد", "2014-11-12", None, "gregorian") in found("12 نوفمبر 2014، الأحد: قابلنا", "2015-08-08")


def test_weekday_picks_the_year_of_a_date_without_one():
    # 19 August was a Saturday in 2017, not in 2016 (the nearer past)
    got = found("من يوم السبت 19 أوت", "2017-05-06")
    assert got == [("يوم السبت 19 أوت", "2017-08-19", None, "gregorian")]
