"""The same article in every encoding, container and format gives the same title, text and source."""
from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

from rasd.api import articles
from rasd.model import Article
from rasd.readers.decode import _FOLD

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "flood_report.txt"
TEXT = SAMPLE.read_text(encoding="utf-8")
TITLE, _, BODY = TEXT.partition("\n")


def _gz(data: bytes) -> bytes:
    return gzip.compress(data)


def _zip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("news/flood.txt", data)
    return buf.getvalue()


def _targz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        info = tarfile.TarInfo("corpus/flood.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _html() -> str:
    paras = "".join(f"<p>{escape(line)}</p>" for line in BODY.splitlines() if line.strip())
    return (f"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>{escape(TITLE)}</title>"
            f"</head><body><nav><a href='/'>الرئيسية</a></nav><article><h1>{escape(TITLE)}</h1>{paras}"
            "</article><footer>جميع الحقوق محفوظة</footer></body></html>")


def _rss() -> str:
    paras = "".join(f"<p>{escape(line)}</p>" for line in BODY.splitlines() if line.strip())
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>موجز الأخبار</title>"
            "<link>http://example.org/</link><description>أخبار</description>"
            "<item><title>عنوان بلا نص</title><link>http://example.org/1</link></item>"
            f"<item><title>{escape(TITLE)}</title><description>{escape(paras)}</description></item>"
            "</channel></rss>")


def _atom() -> str:
    paras = "".join(f"<p>{escape(line)}</p>" for line in BODY.splitlines() if line.strip())
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>موجز</title><id>urn:x</id><updated>2020-01-01T00:00:00Z</updated>"
            f"<entry><title>{escape(TITLE)}</title><id>urn:y</id><updated>2020-01-01T00:00:00Z</updated>"
            f"<content type='html'>{escape(paras)}</content></entry></feed>")


def _presentation_forms(text: str) -> str:
    """The text spelled with isolated presentation forms, as some old PDFs and sites do."""
    isolated: dict[str, str] = {}
    for cp, base in sorted(_FOLD.items()):
        name_ok = 0xFE70 <= cp <= 0xFEFC and len(base) == 1 and base not in isolated
        if name_ok:
            isolated[base] = chr(cp)  # the first form listed for a letter is its isolated form
    return "".join(isolated.get(c, c) for c in text)


VARIANTS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "utf-8": ("a.txt", lambda: TEXT.encode("utf-8")),
    "utf-8-bom": ("a.txt", lambda: TEXT.encode("utf-8-sig")),
    "utf-16-bom": ("a.txt", lambda: TEXT.encode("utf-16")),
    "utf-16-le-no-bom": ("a.txt", lambda: TEXT.encode("utf-16-le")),
    "utf-16-be-no-bom": ("a.txt", lambda: TEXT.encode("utf-16-be")),
    "windows-1256": ("a.txt", lambda: TEXT.encode("cp1256")),
    "iso-8859-6": ("a.txt", lambda: TEXT.encode("iso-8859-6")),
    "crlf": ("a.txt", lambda: TEXT.replace("\n", "\r\n").encode("utf-8")),
    "presentation-forms": ("a.txt", lambda: _presentation_forms(TEXT).encode("utf-8")),
    "gz": ("a.txt.gz", lambda: _gz(TEXT.encode("utf-8"))),
    "gz-misnamed": ("a.txt", lambda: _gz(TEXT.encode("cp1256"))),
    "zip": ("a.zip", lambda: _zip(TEXT.encode("utf-16"))),
    "tar.gz": ("a.tar.gz", lambda: _targz(TEXT.encode("utf-8"))),
    "tgz-in-zip": ("a.zip", lambda: _zip(_targz(TEXT.encode("utf-8")))),
    "html": ("a.html", lambda: _html().encode("utf-8")),
    "html-as-txt": ("a.txt", lambda: _html().encode("utf-8")),
    "rss": ("a.xml", lambda: _rss().encode("utf-8")),
    "atom": ("a.atom", lambda: _atom().encode("utf-8")),
    "json": ("a.json", lambda: json.dumps({"title": TITLE, "content": BODY}, ensure_ascii=False)
             .encode("utf-8")),
    "json-array-utf16": ("a.json", lambda: json.dumps([{"headline": TITLE, "text": BODY}]).encode("utf-16")),
    "json-ascii-escaped-forms": ("a.json", lambda: json.dumps(
        {"title": _presentation_forms(TITLE), "content": _presentation_forms(BODY)}).encode()),
    "jsonl": ("a.jsonl", lambda: (json.dumps({"title": TITLE, "body": BODY}, ensure_ascii=False) + "\n")
              .encode("utf-8")),
    "sgml": ("a.sgml", lambda: (f"<DOC>\n<TITLE>{TITLE}</TITLE>\n<ABSTRACT>ملخص</ABSTRACT>\n"
                                f"<TEXT>\n{BODY}</TEXT>\n</DOC>\n").encode()),
}


@pytest.fixture(scope="module")
def reference() -> Article:
    (art,) = list(articles([str(SAMPLE)]))
    assert isinstance(art, Article)
    return art


def test_reference_sample_is_cleaned(reference: Article) -> None:
    assert reference.title == TITLE
    assert reference.source == "وكالات"
    assert "المصدر" not in reference.text and "تعليق" not in reference.text
    assert reference.text.startswith(TITLE + "\n")


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_reads_the_same(variant: str, tmp_path: Path, reference: Article) -> None:
    name, make = VARIANTS[variant]
    path = tmp_path / name
    path.write_bytes(make())
    items = list(articles([str(path)]))
    assert len(items) == 1, items
    (art,) = items
    assert isinstance(art, Article), art
    assert (art.title, art.text, art.source) == (reference.title, reference.text, reference.source)


def test_stdin_reads_the_same(reference: Article) -> None:
    (art,) = list(articles(["-"], stdin=io.BytesIO(TEXT.encode("cp1256"))))
    assert isinstance(art, Article)
    assert (art.title, art.text, art.source) == (reference.title, reference.text, reference.source)
