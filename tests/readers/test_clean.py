"""build_article: title/body/source split, boilerplate rules with reasons, dates, ids, empty items."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.readers import read_inputs
from rasd.readers.article import NO_DATE_WARNING, build_article
from rasd.readers.raw import RawDocument, SkippedItem
from rasd.text.clean import normalize_date, title_from_url

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
REFERENCE = SHARED / "examples" / "000_98c889641a669656.txt"


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/examples is not present")
def test_reference_article() -> None:
    (raw,) = list(read_inputs([str(REFERENCE)]))
    assert isinstance(raw, RawDocument)
    art = build_article(raw, published="2017-09-25")
    assert art.title == "موسكو تطالب واشنطن بتوضيح وجود قوات أمريكية في مناطق انتشار “داعش”"
    assert (art.source, art.published, art.warnings) == ("سانا", "2017-09-25", [])
    assert {(r.text, r.reason) for r in art.removed} == {
        ("إضافة تعليق جديد", "comment-prompt"), ("المصدر: سانا", "source-line")}
    assert art.text.startswith(art.title + "\nأعلن وزير الخارجية الروسي")
    assert art.text.endswith("وسيادة الأراضي السورية.")
    assert "\n\n" not in art.text


def _body(*lines: str) -> RawDocument:
    return RawDocument(origin="t", title="عنوان الخبر", body="\n".join(lines))


PARA = "قال المتحدث إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث الملفات العالقة."


@pytest.mark.parametrize(("line", "reason"), [
    ("إضافة تعليق جديد", "comment-prompt"),
    ("أضف تعليقاً", "comment-prompt"),
    ("تعليقات ()", "comment-prompt"),
    ("شارك", "share"),
    ("طباعة", "share"),
    ("أرسل لصديق | طباعة", "share"),
    ("يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
     "app-promo"),
    ("...المزيد", "more-link"),
    ("اقرأ أيضاً: الأمم المتحدة تدعو إلى وقف إطلاق النار", "related-link"),
    ("رابط الخبر بصحيفة الوئام: بالصور .. افتتاح معرض الكتاب", "related-link"),
    ("------------------------", "separator"),
    ("للتواصل مع الكاتب ارسل رسالة SMS", "contact"),
    ("// انتهى // 15:20 ت م", "wire-marker"),
])
def test_line_rules(line: str, reason: str) -> None:
    art = build_article(_body(PARA, line, PARA + " وأضاف أن الموعد نهائي."))
    assert [(r.text, r.reason) for r in art.removed] == [(line, reason)]
    assert line not in art.text


@pytest.mark.parametrize(("tail", "reason", "source"), [
    ("المصدر: سانا", "source-line", "سانا"),
    ("المصدر : وكالة تونس افريقيا للأنباء", "source-line", "وكالة تونس افريقيا للأنباء"),
    ("(أ ف ب)", "source-line", "أ ف ب"),
    ("سمات الجوازات وافدون وثيقة سفر", "tags", None),
    ("(تصوير: المحرر)", "photo-credit", None),
])
def test_tail_rules(tail: str, reason: str, source: str | None) -> None:
    art = build_article(_body(PARA, tail, "إضافة تعليق جديد"))
    assert (tail, reason) in [(r.text, r.reason) for r in art.removed]
    assert art.source == source
    assert art.text == "عنوان الخبر\n" + PARA


@pytest.mark.parametrize("line", [
    "المصدر: سانا",                         # a source line that does not close the body stays
    "(إنا لله وإنا إليه راجعون)",          # a parenthesis that is not an outlet
    "شارك أكثر من 200 شخص في المسيرة التي جابت شوارع المدينة.",
])
def test_article_lines_are_kept(line: str) -> None:
    art = build_article(_body(PARA, line, PARA))
    assert line in art.text.split("\n")


def test_prefix_rule_keeps_the_rest_of_the_line() -> None:
    art = build_article(_body("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك " + PARA))
    assert art.text == "عنوان الخبر\n" + PARA
    assert [r.reason for r in art.removed] == ["share"]


def test_bbc_related_headlines_are_removed() -> None:
    raw = RawDocument(origin="t", title="عنوان", source="BBC", body="\n".join([
        PARA, "الأمم المتحدة تدعو إلى هدنة إنسانية في المدينة المحاصرة", PARA + " وتابع حديثه.",
        "وقال الوزير إن الوضع خطير", PARA + " وختم.", "ما الذي حدث يوم السبت في المدينة؟", PARA,
    ]))
    art = build_article(raw)
    assert [r.text for r in art.removed if r.reason == "related-link"] == [
        "الأمم المتحدة تدعو إلى هدنة إنسانية في المدينة المحاصرة"]
    assert "وقال الوزير إن الوضع خطير" in art.text
    assert "ما الذي حدث يوم السبت في المدينة؟" in art.text


TEASERS = (
    "أعلنت وزارة الدفاع التركية، الأربعاء، عن الانتهاء من إخلاء المنطقة منزوعة السلاح في محافظة إدلب.",
    "زاد اختفاء الصحفي السعودي من مخاوف نشطاء خارج نطاق المملكة، إذ رأوا أن حملة القمع ستتواصل.",
    "وصل وزير الخارجية الأمريكي، مايك بومبيو إلى العاصمة السعودية، الرياض، الثلاثاء، للقاء الملك.",
    "طلبت خطيبة الإعلامي السعودي من الرئيس الأمريكي المساعدة في كشف ملابسات اختفائه، الثلاثاء.",
    "أعرب نائب رئيس شرطة دبي عن الاستعداد لتقديم المساعدة في كشف من اختطف الإعلامي السعودي",
)


def test_cnn_related_story_block_is_removed() -> None:
    body = [PARA, "وأضاف أن الوفد سيزور المدينة المنكوبة غدا للاطلاع على حجم الأضرار التي لحقت بها.",
            *TEASERS]
    art = build_article(RawDocument(origin="t", title="عنوان", source="CNN", body="\n".join(body)))
    assert [r.text for r in art.removed if r.reason == "related-story"] == list(TEASERS)
    assert art.text.endswith("التي لحقت بها.")
    # the same paragraphs from another outlet, or a body whose last paragraphs continue the story, stay
    other = build_article(RawDocument(origin="t", title="عنوان", source="BBC", body="\n".join(body)))
    assert not [r for r in other.removed if r.reason == "related-story"]
    continued = [PARA, *TEASERS[:3], "وقال الوزير إن الوضع خطير جدا في المدينة ويتطلب تدخلا عاجلا.",
                 "ولفت إلى أن الحكومة ستعقد اجتماعا طارئا لبحث الأزمة مع ممثلي الأحزاب كلها."]
    art = build_article(RawDocument(origin="t", title="عنوان", source="CNN", body="\n".join(continued)))
    assert not [r for r in art.removed if r.reason == "related-story"]


def test_lines_after_a_related_links_header_are_removed() -> None:
    art = build_article(_body(PARA, "اقرأ أيضا:", "مسؤول تركي لـCNN: التعاون إيجابي مع السعودية في التحقيق",
                              'أسرة الصحفي تطالب بتشكيل لجنة دولية مستقلة للتحقيق في "موته"', PARA,
                              "قد يهمك| بعد مكالمة ترامب والملك سلمان.. بومبيو يصل إلى السعودية"))
    assert [r.reason for r in art.removed] == ["related-link"] * 4
    assert art.text.count(PARA) == 2


@pytest.mark.parametrize(("value", "expected"), [
    ("2017-09-25", "2017-09-25"),
    ("2017-01-26T08:31:00+01:00", "2017-01-26"),
    ("2017-01-22T171800", "2017-01-22"),
    ("2015-08-11 13:44:43", "2015-08-11"),
    ("Sun, 15 Jul 2018 21:56:56 +0400", "2018-07-15"),
    ("Wed, 12 Sep 2018 10:08:48 GMT", "2018-09-12"),
    ("29/09/2016", "2016-09-29"),
    ("20180715", "2018-07-15"),
    ("15 July 2018", "2018-07-15"),
    ("2018/07/15", "2018-07-15"),
    ("00/00/0000", None),
    ("2018-02-30", None),
    ("أمس", None),
    ("", None),
])
def test_normalize_date(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_input_date_wins_over_option_and_missing_date_warns() -> None:
    raw = _body(PARA)
    raw.published = "Mon, 12 Mar 2018 09:15:00 GMT"
    assert build_article(raw, published="2020-01-01").published == "2018-03-12"
    raw.published = None
    assert build_article(raw, published="2020-01-01").published == "2020-01-01"
    art = build_article(raw)
    assert art.published is None and NO_DATE_WARNING in art.warnings


def test_source_precedence() -> None:
    raw = RawDocument(origin="t", title="ع", body=PARA + "\nالمصدر: سانا", source_hint="موقع")
    assert build_article(raw, source="خيار").source == "سانا"
    raw = RawDocument(origin="t", title="ع", body=PARA, source_hint="موقع")
    assert build_article(raw, source="خيار").source == "موقع"
    raw = RawDocument(origin="t", title="ع", body=PARA)
    assert build_article(raw, source="خيار").source == "خيار"
    raw = RawDocument(origin="t", title="ع", body=PARA + "\nالمصدر: سانا", source="SANA")
    assert build_article(raw, source="خيار").source == "SANA"


def test_ids() -> None:
    a = build_article(RawDocument(origin="t", title="ع", body=PARA, doc_id="AL-x-1"))
    b = build_article(RawDocument(origin="t", title="ع", body=PARA, url="http://x/1", source="s"))
    c = build_article(RawDocument(origin="t", title="ع", body=PARA, url="http://x/1", source="s2"))
    d = build_article(RawDocument(origin="t", title="ع", body=PARA))
    e = build_article(RawDocument(origin="u", title="عَ", body="  " + PARA))  # same text once normalized
    assert a.id == "AL-x-1"
    assert len({b.id, c.id, d.id}) == 3
    assert d.id == e.id


@pytest.mark.parametrize("body", ["", "   \n\n \xa0 "])
def test_empty_body_is_skipped(body: str) -> None:
    with pytest.raises(SkippedItem, match="empty article"):
        build_article(RawDocument(origin="f.json#17", title="ع", body=body, fmt="json"))


def test_missing_title_falls_back_to_url_then_first_line() -> None:
    url = "http://example.org/ar/article/%D8%A3%D9%85%D8%B7%D8%A7%D8%B1-%D8%BA%D8%B2%D9%8A%D8%B1%D8%A9/105/67243"
    art = build_article(RawDocument(origin="t", title=" ", body=PARA, url=url))
    assert art.title == "أمطار غزيرة"
    art = build_article(RawDocument(origin="t", title=None, body="سطر قصير\n" + PARA))
    assert (art.title, art.text) == ("سطر قصير", "سطر قصير\n" + PARA)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.alarabiya.net/ar/culture/2018/07/15/هكذا-ردت-إليسا.html", "هكذا ردت إليسا"),
    ("http://www.bbc.co.uk/arabic/art-and-culture-43116616", None),
    (None, None),
])
def test_title_from_url(url: str | None, expected: str | None) -> None:
    assert title_from_url(url) == expected


def test_body_that_is_all_boilerplate_is_kept() -> None:
    art = build_article(RawDocument(origin="t", title="ع", body="تعليقات ()"))
    assert art.text == "ع\nتعليقات ()" and art.removed == []
