"""Bytes to text: detect the encoding (UTF-8/16, Windows-1256, ISO-8859-6) and fold presentation forms."""
from __future__ import annotations

import codecs
import re
import unicodedata


class NotText(ValueError):
    """The bytes do not look like text in any encoding rasd reads."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes that never occur in text files (NUL aside, handled apart): C0 controls except tab, LF, VT,
# FF, CR, and ESC (some legacy files carry it).
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROL_CHARS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_UNLIKELY = re.compile("[\u00c0-\u00ff\u0080-\u009f]")

# Arabic presentation forms A (U+FB50-U+FDFF) and B (U+FE70-U+FEFF) folded to base letters with
# NFKC, char by char. NFKC already spells a lam-alef ligature as two letters (ﻻ -> لا). The isolated
# harakat forms (ﹰ, ﹲ …) decompose to "space + mark"; the space is dropped so no word is split.
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) > 1 and folded[0] == " " and all(unicodedata.combining(c) for c in folded[1:]):
            folded = folded[1:]
        if folded != ch:
            table[cp] = folded
    table[0xFEFF] = ""  # a BOM / zero-width no-break space left inside the text
    return table


_FOLD = _build_fold_table()


def fold_presentation_forms(text: str) -> str:
    """Arabic presentation-form characters replaced by their base letters; other text unchanged."""
    if _PRESENTATION.search(text) is None:
        return text
    return text.translate(_FOLD)


def _looks_utf16(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for BOM-less UTF-16 holding Arabic or ASCII text.

    In such text every other byte (the high byte) is 0x00 (ASCII, spaces) or 0x06 (the Arabic
    block); the other bytes are almost never 0x00. UTF-8 and the 8-bit encodings never look so.
    """
    sample = data[:4096]
    if len(sample) < 4:
        return None
    for name, highs, lows in (("utf-16-le", sample[1::2], sample[0::2]),
                              ("utf-16-be", sample[0::2], sample[1::2])):
        high_ok = highs.count(0) + highs.count(6)
        if high_ok >= 0.9 * len(highs) and highs.count(0) > 0 and lows.count(0) <= len(lows) // 50:
            return name
    return None


def _arabic_score(text: str) -> float:
    return len(_ARABIC_LETTER.findall(text)) - 3 * len(_UNLIKELY.findall(text))


def detect_encoding(data: bytes) -> str:
    """The codec name for `data`; raises NotText for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _looks_utf16(data)
    if utf16:
        return utf16
    sample = data[:8192]
    # A stray control byte occurs in real articles (ANT has two); many of them mean binary data.
    if b"\x00" in sample or len(_CONTROL_BYTES.findall(sample)) > max(2, len(sample) // 100):
        raise NotText("binary file, not text")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    candidates = []
    for name in ("cp1256", "iso-8859-6"):
        try:
            candidates.append((_arabic_score(data.decode(name)), name))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise NotText("not text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6")
    # cp1256 decodes any byte; ISO-8859-6 text read as cp1256 turns into accented Latin letters,
    # which the score punishes. Ties go to cp1256, the more common of the two.
    score, name = max(candidates, key=lambda c: (c[0], c[1] == "cp1256"))
    if score <= 0:  # no Arabic letters and many accented Latin ones: bytes of some other kind
        raise NotText("binary file, or text in an encoding rasd does not read")
    return name


_LEGACY = ("cp1256", "iso-8859-6")


def _decode_mixed(data: bytes, legacy: str) -> str:
    """Text of `data` detected as a legacy encoding: each line that is valid UTF-8 with non-ASCII
    characters in it is read as UTF-8 (a file pasted together from UTF-8 and Windows-1256 parts),
    the others in `legacy`. Without any such line, the whole is read in `legacy`."""
    lines = data.split(b"\n")
    out: list[str] = []
    mixed = False
    for line in lines:
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        try:
            out.append(line.decode("utf-8"))
            mixed = True
        except UnicodeDecodeError:
            out.append(line.decode(legacy))
    return "\n".join(out) if mixed else data.decode(legacy)


def decode(data: bytes) -> str:
    """Text of `data` in its detected encoding, BOM removed, line ends as \\n, presentation forms folded."""
    name = detect_encoding(data)
    bom_len = next((len(b) for b, n in _BOMS if n == name and data.startswith(b)), 0)
    try:
        text = _decode_mixed(data, name) if name in _LEGACY else data[bom_len:].decode(name)
    except UnicodeDecodeError as e:
        raise NotText(f"cannot decode as {name}: {e.reason} at byte {e.start}") from e
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise NotText("binary file, not text")
    if _CONTROL_CHARS.search(text):
        text = _CONTROL_CHARS.sub("", text)
    return fold_presentation_forms(text)
