"""Property tests (Hypothesis): no input makes the readers or the pipeline raise, and every record's
spans hold `text[start:end] == span.text`.

Readers: random bytes, random JSON structures, random SGML and HTML fragments. Pipeline: random
Arabic-ish text (Arabic words, digits, punctuation, quote marks, Latin words, stray marks)."""
from __future__ import annotations

import functools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.errors import InputError
from rasd.model import Article
from rasd.pipeline import Pipeline
from rasd.readers import read_blob
from rasd.readers.article import build_article
from rasd.readers.containers import Blob, expand
from rasd.readers.raw import RawDocument

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["قال", "وزير", "الخارجية", "إن", "مقتل", "27", "مدنيا", "في", "دمشق", "حلب", "بيروت", "سيرغي",
         "لافروف", "الأمم", "المتحدة", "يوم", "الأحد", "2017", "أيلول", "سبتمبر", "«", "»", '"', "“", "”",
         "،", ".", "؟", ":", "(", ")", "-", "ال", "و", "ب", "لـ", "داعش", "ثلاثة", "أطفال", "على", "الأقل",
         "BBC", "Paris", "the", "\u200f", "\u064b", "ـ", "١٢", "%", "غارة", "احتجاج", "اعتقال"]

arabicish = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", " ", "\n"]),
                               st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
                                       max_size=6)),
                     min_size=1, max_size=120).map(" ".join)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | arabicish,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["title", "content", "text", "body", "date", "url", "source", "id",
                                       "articles", "items", "x"]), children, max_size=5),
    max_leaves=20)

TAGS = ["DOC", "DOCNO", "TITLE", "TEXT", "SRC", "TIME", "ABSTRACT", "p", "div", "html", "body", "br",
        "script", "b"]
markup = st.lists(st.one_of(st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
                            st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
                            st.sampled_from(["&amp;", "&#1575;", "&lol;", "<!-- x -->", "<", ">"]),
                            arabicish),
                  min_size=1, max_size=40).map("".join)


def _articles(data: bytes) -> list[Article]:
    out = []
    for item in read_blob(Blob("fuzz", data)):
        assert isinstance(item, (RawDocument, InputError))
        if isinstance(item, RawDocument):
            try:
                art = build_article(item)
            except InputError:
                continue
            assert art.text.startswith(art.title)
            out.append(art)
    return out


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    for blob in expand("fuzz", data):
        if isinstance(blob, Blob):
            _articles(blob.data)


@SETTINGS
@given(json_values)
def test_random_json(value: object) -> None:
    _articles(json.dumps(value, ensure_ascii=False).encode("utf-8"))


@SETTINGS
@given(markup, st.sampled_from(["", "<DOC>", '<?xml version="1.0"?>\n<rss version="2.0"><channel>',
                                "<!DOCTYPE html><html><body>"]))
def test_random_markup(fragment: str, prefix: str) -> None:
    _articles((prefix + fragment).encode("utf-8"))


@functools.cache
def _pipeline() -> Pipeline:
    return Pipeline()


@SETTINGS
@given(arabicish, arabicish)
def test_pipeline_on_random_arabic(title: str, body: str) -> None:
    for art in _articles(f"{title}\n{body}".encode()):
        art = _pipeline()(art)
        assert not [w for w in art.warnings if w.startswith("stage ")], art.warnings
        assert art.bad_spans() == []
        assert all(0 <= s <= e <= len(art.text) for _, s, e, _ in art.spans())
