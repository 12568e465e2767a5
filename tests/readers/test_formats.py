"""Format detection and the SGML, JSON, plain-text, HTML and feed readers."""
from __future__ import annotations

import pytest

from rasd.errors import InputError
from rasd.readers.formats import detect_format, read_json, read_sgml, read_text
from rasd.readers.raw import RawDocument
from rasd.readers.web import html_fragment_text, read_feed


@pytest.mark.parametrize(("text", "expected"), [
    ("عنوان\nنص", "text"),
    ("  <DOC>\n<DOCNO>x</DOCNO>", "sgml"),
    ('<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
    ('<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("<!DOCTYPE html><html><body><p>نص</p>", "html"),
    ("<html lang='ar'>", "html"),
    ('{"title": "x"}', "json"),
    ('\n[{"title": "x"}]', "json"),
    ("(سانا) عنوان يبدأ بقوس", "text"),
    ("[فيديو] عنوان يبدأ بقوس مربع\nنص", "text"),
    ("{عاجل} عنوان\nنص", "text"),
    ('[\n  {"title": "x"', "json"),
    ("[]", "json"),
])
def test_detect_format(text: str, expected: str) -> None:
    assert detect_format(text) == expected


ANT = """<DOC>
<DOCNO>AL-culture-1-20180715</DOCNO>
<URL>https://example.org/a</URL>
<SRC>alarabia</SRC>
<CAT>culture</CAT>
<TITLE>عنوان &amp; آخر</TITLE>
<TIME>Sun, 15 Jul 2018 21:56:56 +0400</TIME>
<AUTHOR>القاهرة- كاتب</AUTHOR>
<ABSTRACT>
ملخص لا يدخل النص
</ABSTRACT>
<TEXT>
الفقرة الأولى.
الفقرة الثانية.
</TEXT>
</DOC>
"""


def test_sgml_fields() -> None:
    (doc,) = list(read_sgml("f.txt", ANT))
    assert isinstance(doc, RawDocument)
    assert (doc.doc_id, doc.url, doc.source, doc.category, doc.title, doc.published, doc.author) == (
        "AL-culture-1-20180715", "https://example.org/a", "alarabia", "culture", "عنوان & آخر",
        "Sun, 15 Jul 2018 21:56:56 +0400", "القاهرة- كاتب")
    assert doc.body == "الفقرة الأولى.\nالفقرة الثانية."
    assert "ملخص" not in doc.body


def test_sgml_many_docs_and_a_truncated_one() -> None:
    items = list(read_sgml("f.sgml", ANT + ANT.replace("AL-culture-1", "AL-culture-2") + "<DOC>\n<TITLE>x"))
    assert [i.doc_id for i in items if isinstance(i, RawDocument)] == [
        "AL-culture-1-20180715", "AL-culture-2-20180715"]
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert err.path == "f.sgml#3" and "truncated" in err.reason


@pytest.mark.parametrize(("text", "titles"), [
    ('{"title": "أ", "content": "نص"}', ["أ"]),
    ('[{"title": "أ", "text": "نص"}, {"headline": "ب", "body": "نص"}]', ["أ", "ب"]),
    ('{"articles": [{"title": "أ", "content": "نص"}]}', ["أ"]),
    ('{"title": "أ", "content": "نص"}\n\n{"title": "ب", "content": ["فقرة", "فقرة"]}\n', ["أ", "ب"]),
])
def test_json_shapes(text: str, titles: list[str]) -> None:
    docs = list(read_json("f.json", text))
    assert [d.title for d in docs if isinstance(d, RawDocument)] == titles


def test_json_saudinewsnet_fields() -> None:
    text = ('[{"source": "okaz", "url": "http://x/1", "date_extracted": "2015-08-11 13:44:43", '
            '"title": "ع", "author": "كاتب", "content": "نص"}]')
    (doc,) = list(read_json("d.json", text))
    assert isinstance(doc, RawDocument)
    assert (doc.origin, doc.source, doc.url, doc.published, doc.author) == (
        "d.json#1", "okaz", "http://x/1", "2015-08-11 13:44:43", "كاتب")
    assert doc.notes and "fetch date" in doc.notes[0]


def test_json_published_wins_over_date_extracted() -> None:
    (doc,) = list(read_json("d.json", '{"title": "ع", "content": "نص", "published": "2015-08-01", '
                                      '"date_extracted": "2015-08-11"}'))
    assert isinstance(doc, RawDocument) and doc.published == "2015-08-01" and not doc.notes


@pytest.mark.parametrize(("text", "reason"), [
    ('{"title": "أ", "content": "نص"', "invalid JSON"),
    ('[1, 2]', "not an object"),
    ('{"x": 1}', "without title"),
    ('"just a string"', "not an object or array"),
])
def test_json_errors(text: str, reason: str) -> None:
    errors = [d for d in read_json("f.json", text) if isinstance(d, InputError)]
    assert errors and all(reason in e.reason for e in errors)


def test_jsonl_bad_line_is_reported_and_others_kept() -> None:
    text = '{"title": "أ", "content": "نص"}\n{"title": \n{"title": "ب", "content": "نص"}\n'
    items = list(read_json("f.jsonl", text))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    assert items[1].path == "f.jsonl#2"  # type: ignore[union-attr]


def test_plain_text_title_is_first_non_empty_line() -> None:
    (doc,) = list(read_text("a.txt", "\n\n  العنوان  \n\nالفقرة.\n"))
    assert isinstance(doc, RawDocument) and doc.title == "العنوان" and doc.body.strip() == "الفقرة."


def test_feed_items_without_text_are_left_out() -> None:
    rss = ("<rss version='2.0'><channel><title>موجز</title>"
           "<item><title>بلا نص</title></item>"
           "<item><title>خبر</title><description>&lt;p&gt;فقرة أولى&lt;/p&gt;&lt;p&gt;فقرة ثانية&lt;/p&gt;"
           "</description><pubDate>Mon, 12 Mar 2018 09:15:00 GMT</pubDate><link>http://x/2</link></item>"
           "</channel></rss>")
    (doc,) = list(read_feed("f.xml", rss))
    assert isinstance(doc, RawDocument)
    assert (doc.origin, doc.title, doc.published, doc.url, doc.source_hint) == (
        "f.xml#2", "خبر", "2018-03-12", "http://x/2", "موجز")
    assert [x for x in doc.body.split("\n") if x] == ["فقرة أولى", "فقرة ثانية"]


@pytest.mark.parametrize(("fragment", "expected"), [
    ("<p>أ</p><p>ب &amp; ج</p>", "أ\nب & ج\n"),
    ("سطر<br/>سطر", "سطر\nسطر"),
    ("<script>x()</script>نص", " نص"),
])
def test_html_fragment_text(fragment: str, expected: str) -> None:
    assert html_fragment_text(fragment) == expected
