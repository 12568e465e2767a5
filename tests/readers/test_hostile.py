"""Hostile inputs: each gives a record or one `rasd: PATH: reason` line, never a traceback, and the
good files given with it still come out. Every input is built here, in tmp_path, small enough to be
fast (a gzip bomb is compressed from zeros, chunk by chunk)."""
from __future__ import annotations

import io
import json
import re
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from rasd.api import articles
from rasd.cli.main import main
from rasd.errors import InputError
from rasd.model import Article
from rasd.readers import limits
from rasd.readers.raw import SkippedItem

GOOD_TEXT = "أمطار غزيرة في دمشق\nقال مسؤول إن الأمطار الغزيرة أغرقت شوارع دمشق يوم الأحد.\n"
ARABIC_LINE = "قال مسؤول في وزارة الصحة إن عدد الضحايا ارتفع إلى خمسة أشخاص في مدينة حلب.\n"


def _gzip_of_zeros(size: int, chunk: int = 1 << 20) -> bytes:
    """A gzip stream of `size` zero bytes, compressed chunk by chunk (never `size` bytes in memory)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(chunk)
    parts = [comp.compress(zeros) for _ in range(size // chunk)]
    parts.append(comp.flush())
    return b"".join(parts)


def _overlapping_zip() -> bytes:
    """One stored member, and a central directory naming it three times (the overlapping-members
    zip bomb: many entries, one kernel of data)."""
    name, data = b"a.txt", "عنوان\nنص".encode()
    crc = zlib.crc32(data)
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, len(data), len(data),
                        len(name), 0) + name + data
    central = b""
    for n in (b"a.txt", b"b.txt", b"c.txt"):
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, crc, len(data),
                               len(data), len(n), 0, 0, 0, 0, 0, 0) + n
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 3, 3, len(central), len(local), 0)
    return local + central + end


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _tar(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


BIG_TEXT = "عنوان\n" + ARABIC_LINE * 70_000  # about 5.3 MB of UTF-8
DEEP_JSON = '{"a":' * 100_000 + "1" + "}" * 100_000
LONG_NUMBER = '{"title": "عنوان", "content": "نص", "id": 1' + "0" * 10_000 + "}"
MANY_ATTRS = "<html><body><p " + " ".join(f'a{i}="1"' for i in range(200_000)) + ">نص</p></body></html>"
UNCLOSED_SGML = ("<DOC>\n<DOCNO>X-1</DOCNO>\n<TITLE>عنوان الخبر</TITLE>\n<TEXT>\n"
                 + "<P>سطر <B>مفتوح\n" * 8_000 + "</TEXT>\n</DOC>\n")
ZIP_BOMB = _zip({"zeros.txt": bytes(40 << 20)})
DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>",
             "word/styles.xml": b"<w:styles/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"},
           zipfile.ZIP_STORED)
BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">'
                            for i in range(1, 10))
                  + ']>\n<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title>'
                    "<description>نص</description></item></channel></rss>")
XXE = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
       '<rss version="2.0"><channel><title>t</title><item><title>عنوان</title>'
       "<description>&xxe; نص الخبر</description></item></channel></rss>")


def _fmt(n: int) -> str:
    return f"{n:,}"


# name -> (bytes, the exact reason, or a compiled pattern of it, or None when a record comes out)
CASES: dict[str, tuple[bytes, str | re.Pattern[str] | None]] = {
    "deep.json": (DEEP_JSON.encode(), "JSON nested too deeply (more than 64 levels; limit 64)"),
    "deep_array.json": (("[" * 100_000 + "]" * 100_000).encode(),
                        "JSON nested too deeply (more than 64 levels; limit 64)"),
    "number.json": (LONG_NUMBER.encode(), "JSON number too long (10,001 digits; limit 100)"),
    "big.txt": (BIG_TEXT.encode(), f"article too large ({_fmt(len(BIG_TEXT))} characters; limit 200,000)"),
    "lines.txt": (("س\n" * 1_000_000).encode(),
                  "article too large (2,000,000 characters; limit 200,000)"),
    "short_lines.txt": (("\n" * 60_000 + "س").encode(), "article has too many lines (60,001; limit 50,000)"),
    "attrs.html": (MANY_ATTRS.encode(), "HTML tag with too many attributes (200,000; limit 1,000)"),
    "unclosed.sgml": (UNCLOSED_SGML.encode(), None),
    "bomb.zip": (ZIP_BOMB, re.compile(r"compressed data expands too much \(more than 41,943,040 bytes "
                                      r"from [\d,]+; limit 100:1\)")),
    "overlap.zip": (_overlapping_zip(), "zip members overlap (a zip bomb): refused"),
    "bomb.json.gz": (_gzip_of_zeros(256 << 20),
                     re.compile(r"compressed data expands too much \(more than [\d,]+ bytes from [\d,]+; "
                                r"limit 100:1\)")),
    "report.docx": (DOCX, "unsupported format: docx (Word document)"),
    "report.odt": (ODT, "unsupported format: odt (OpenDocument text)"),
    "report.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
                   "unsupported format: pdf (PDF document)"),
    "photo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50), "unsupported format: png (image)"),
    "random.bin": (bytes((i * 7919 + 13) % 251 for i in range(5000)), "binary file, not text"),
    "laughs.xml": (BILLION_LAUGHS.encode(), None),
    "xxe.xml": (XXE.encode(), None),
    "traversal.tar": (_tar({"../../etc/evil.txt": GOOD_TEXT.encode(), "/abs/path.txt": GOOD_TEXT.encode()}),
                      None),
    "traversal.zip": (_zip({"../../evil.txt": GOOD_TEXT.encode()}), None),
    "mixed.txt": (GOOD_TEXT.encode() + "سطر آخر".encode("cp1256") + b"\n", None),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    for name, (data, _) in CASES.items():
        (root / name).write_bytes(data)
    (root / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return root


def _read(path: Path) -> list[Article | InputError]:
    return list(articles([str(path)]))


def _check_reason(item: Article | InputError, path: str, expected: str | re.Pattern[str]) -> None:
    assert isinstance(item, InputError) and not isinstance(item, SkippedItem), item
    assert item.path.startswith(path)
    if isinstance(expected, str):
        assert item.reason == expected
    else:
        assert expected.fullmatch(item.reason), item.reason


@pytest.mark.parametrize("name", [n for n, (_, why) in CASES.items() if why is not None])
def test_refused_with_one_line(hostile: Path, name: str) -> None:
    items = _read(hostile / name)
    assert len(items) == 1, items
    _check_reason(items[0], str(hostile / name), CASES[name][1])  # type: ignore[arg-type]


def test_unclosed_sgml_tags_give_a_record(hostile: Path) -> None:
    (art,) = _read(hostile / "unclosed.sgml")
    assert isinstance(art, Article)
    assert art.id == "X-1" and art.title == "عنوان الخبر" and art.text.count("\n") == 8_000


def test_entities_are_not_expanded(hostile: Path) -> None:
    """Billion laughs and an external entity (XXE) in a feed: no blow-up, no file read."""
    for name in ("laughs.xml", "xxe.xml"):
        for item in _read(hostile / name):
            text = item.text if isinstance(item, Article) else str(item)
            assert "lollollol" not in text and "root:" not in text
            assert len(text) < 10_000


def test_archive_paths_are_names_only(hostile: Path, tmp_path: Path) -> None:
    """Members named ../../x or /abs are read as articles; nothing is written anywhere."""
    items = _read(hostile / "traversal.tar") + _read(hostile / "traversal.zip")
    assert [type(i) for i in items] == [Article, Article, Article]
    assert {i.path.split("::", 1)[1] for i in (x for x in items if isinstance(x, InputError))} == set()
    assert not (hostile.parent / "etc").exists()


def test_mixed_encodings_in_one_file(hostile: Path) -> None:
    (art,) = _read(hostile / "mixed.txt")
    assert isinstance(art, Article) and art.title == "أمطار غزيرة في دمشق"


def test_gzip_bomb_is_streamed_not_read_whole(hostile: Path) -> None:
    """256 MiB of zeros in a 256 KiB gzip: refused after about RATIO_FLOOR_BYTES of output."""
    from rasd.readers.containers import CappedGunzip, LimitExceeded

    gz = CappedGunzip(io.BytesIO(CASES["bomb.json.gz"][0]), cap=limits.MAX_INPUT_BYTES)
    with pytest.raises(LimitExceeded):
        gz.read()
    assert gz.produced < limits.RATIO_FLOOR_BYTES + (1 << 20)


def test_high_ratio_tar_gz_member(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A .tar.gz whose member is 24 MiB of zeros: the tar stream is refused mid-way by the ratio
    check (floor lowered to 1 MiB so the test archive stays small); the member before it is kept."""
    monkeypatch.setattr(limits, "RATIO_FLOOR_BYTES", 1 << 20)
    raw = _tar({"a.txt": GOOD_TEXT.encode(), "b.txt": bytes(24 << 20)})
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    path = tmp_path / "bomb.tar.gz"
    path.write_bytes(comp.compress(raw) + comp.flush())
    items = _read(path)
    assert isinstance(items[0], Article)
    assert len(items) == 2
    _check_reason(items[1], str(path), re.compile(r"compressed data expands too much .*limit 100:1\)"))


def test_too_many_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEMS_PER_FILE", 3)
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps({"title": f"خبر {i}", "content": "نص الخبر."}, ensure_ascii=False)
                              for i in range(10)), encoding="utf-8")
    items = _read(path)
    assert [type(i) for i in items] == [Article, Article, Article, InputError]
    assert str(items[-1]) == f"{path}: too many items in one file (limit 3); the rest skipped"


def test_nested_archives_too_deep(tmp_path: Path) -> None:
    data = GOOD_TEXT.encode()
    for level in range(5):
        data = _zip({f"level{level}.zip" if level else "a.txt": data})
    path = tmp_path / "deep.zip"
    path.write_bytes(data)
    (item,) = _read(path)
    _check_reason(item, str(path), "archives nested too deeply (limit 3 levels)")


@pytest.mark.parametrize(("name", "make"), [
    ("stdin one line", lambda: b"\xd8\xb9\xd8\xa7\xd8\xac\xd9\x84: \xd9\x85\xd9\x82\xd8\xaa\xd9\x84 5\n"),
])
def test_one_paragraph_on_stdin_is_an_article(name: str, make: Callable[[], bytes]) -> None:
    (art,) = list(articles(["-"], stdin=io.BytesIO(make())))
    assert isinstance(art, Article), art
    assert art.title == "عاجل: مقتل 5" and art.language == "ar"


@pytest.mark.parametrize("item", [
    {"title": "عنوان الخبر", "content": "فقرة واحدة من الخبر."},
    {"content": "فقرة واحدة من الخبر بلا عنوان."},
])
def test_one_paragraph_json_item_is_an_article(tmp_path: Path, item: dict[str, str]) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    (art,) = _read(path)
    assert isinstance(art, Article), art
    assert item["content"] in art.text


@pytest.mark.parametrize(("text", "lang"), [
    ("Floods in Damascus\nHeavy rain flooded the streets of the capital on Sunday, officials said.", "en"),
    ("Inondations à Damas\nDe fortes pluies ont inondé les rues de la capitale dimanche.", "fr"),
    ("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", "en"),
])
def test_non_arabic_text_says_so(tmp_path: Path, text: str, lang: str) -> None:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    (art,) = _read(path)
    assert isinstance(art, Article)
    assert art.language == lang
    assert f"language: {lang}, not Arabic: Arabic stages skipped" in art.warnings


def test_arabic_with_english_words_is_arabic(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("قمة في Paris\nقال وزير الخارجية إن الاجتماع سيعقد غدا في Paris بحضور ممثلين عن "
                    "BBC News و CNN وشركة Apple.\n", encoding="utf-8")
    (art,) = _read(path)
    assert isinstance(art, Article) and art.language == "ar"
    assert not any(w.startswith("language:") for w in art.warnings)


def test_cli_batch_goes_on(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every hostile input in one `rasd extract` run, with a good file at each end: exit 1, one
    `rasd: PATH: reason` line per refused input, no traceback, both good records out."""
    refused = [n for n, (_, why) in CASES.items() if why is not None]
    paths = [str(hostile / "good.txt")] + [str(hostile / n) for n in refused] + [str(hostile / "good.txt")]
    code = main(["extract", *paths])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [r["title"] for r in records] == ["أمطار غزيرة في دمشق"] * 2
    lines = err.splitlines()
    assert len(lines) == len(refused), lines
    for line, name in zip(lines, refused, strict=True):
        expected = CASES[name][1]
        m = re.fullmatch(re.escape(f"rasd: {hostile / name}") + r"(?:#\d+|::[^:]+)?: (.*)", line)
        assert m, line
        reason = m.group(1)
        if isinstance(expected, str):
            assert reason == expected
        else:
            assert expected is not None and expected.fullmatch(reason), reason
