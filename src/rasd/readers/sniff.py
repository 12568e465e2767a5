"""Recognise binary document formats rasd does not read (Word, PDF, spreadsheets, images…) from content.

They are refused with `unsupported format: docx (Word document)` instead of being decoded as text or
opened as archives of "empty articles". Detection looks at magic bytes, and for zip-based office
formats at the member names (`word/document.xml`) or the OpenDocument `mimetype` member.
"""
from __future__ import annotations

from collections.abc import Callable, Collection

# (magic at offset 0, short name, what it is)
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "pdf", "PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc", "Word/Excel 97-2003 document"),
    (b"{\\rtf", "rtf", "RTF document"),
    (b"\x89PNG\r\n\x1a\n", "png", "image"),
    (b"\xff\xd8\xff", "jpeg", "image"),
    (b"GIF87a", "gif", "image"),
    (b"GIF89a", "gif", "image"),
    (b"II*\x00", "tiff", "image"),
    (b"MM\x00*", "tiff", "image"),
    (b"7z\xbc\xaf\x27\x1c", "7z", "7-Zip archive"),
    (b"BZh", "bz2", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz", "xz data"),
    (b"Rar!\x1a\x07", "rar", "RAR archive"),
    (b"\x7fELF", "elf", "executable"),
    (b"SQLite format 3\x00", "sqlite", "SQLite database"),
    (b"OggS", "ogg", "audio/video"),
    (b"ID3", "mp3", "audio"),
)

# Zip-based formats recognised by one member name.
_ZIP_MEMBERS: tuple[tuple[str, str, str], ...] = (
    ("word/document.xml", "docx", "Word document"),
    ("xl/workbook.xml", "xlsx", "Excel workbook"),
    ("ppt/presentation.xml", "pptx", "PowerPoint presentation"),
)

# OpenDocument and EPUB: the `mimetype` member's content.
_ZIP_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": ("odt", "OpenDocument text"),
    "application/vnd.oasis.opendocument.spreadsheet": ("ods", "OpenDocument spreadsheet"),
    "application/vnd.oasis.opendocument.presentation": ("odp", "OpenDocument presentation"),
    "application/epub+zip": ("epub", "EPUB book"),
}


def unsupported(name: str, what: str) -> str:
    """The one-line reason for a refused format."""
    return f"unsupported format: {name} ({what})"


def binary_format(head: bytes) -> str | None:
    """The refusal reason when `head` (the first bytes of a file) opens a known binary format."""
    for magic, name, what in _MAGIC:
        if head.startswith(magic):
            if name == "bz2" and head[4:10] != b"1AY&SY":
                continue
            if name == "mp3" and head[3:4] not in (b"\x02", b"\x03", b"\x04"):
                continue
            return unsupported(name, what)
    if head[4:8] == b"ftyp":
        return unsupported("mp4", "audio/video")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return unsupported("webp", "image")
    return None


def zip_format(names: Collection[str], read_member: Callable[[str], bytes]) -> str | None:
    """The refusal reason when a zip archive with members `names` is an office document or a book."""
    for member, name, what in _ZIP_MEMBERS:
        if member in names:
            return unsupported(name, what)
    if "mimetype" in names:
        try:
            mime = read_member("mimetype")[:100].decode("ascii", "replace").strip()
        except Exception:  # noqa: BLE001 - a broken mimetype member just means "not recognised"
            return None
        if mime in _ZIP_MIMETYPES:
            return unsupported(*_ZIP_MIMETYPES[mime])
    return None
