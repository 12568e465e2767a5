"""Encoding detection and presentation-form folding."""
from __future__ import annotations

import pytest

from rasd.readers.decode import NotText, decode, detect_encoding, fold_presentation_forms

ARABIC = "قال الوزير إن 3 أشخاص أصيبوا في الحادث، وإن التحقيق مستمر.\n"


@pytest.mark.parametrize(("data", "expected"), [
    (ARABIC.encode("utf-8"), "utf-8"),
    (ARABIC.encode("utf-8-sig"), "utf-8"),
    (ARABIC.encode("utf-16"), "utf-16-le"),
    (ARABIC.encode("utf-16-be"), "utf-16-be"),
    (ARABIC.encode("utf-16-le"), "utf-16-le"),
    (ARABIC.encode("cp1256"), "cp1256"),
    (ARABIC.replace("،", ",").encode("iso-8859-6"), "iso-8859-6"),
    (b"plain ascii text\n", "utf-8"),
])
def test_detect_encoding(data: bytes, expected: str) -> None:
    assert detect_encoding(data) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_decode_round_trip(encoding: str) -> None:
    assert decode(ARABIC.encode(encoding)) == ARABIC


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(256)) * 4,
    b"\x01\x02\x03\x04\x05\x06 binary",
])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(NotText):
        decode(data)


def test_stray_control_byte_in_text_is_dropped() -> None:
    assert decode("نص أول. \x02 نص ثان.".encode()) == "نص أول.  نص ثان."


def test_line_ends_become_newlines() -> None:
    assert decode("سطر\r\nسطر\rسطر".encode()) == "سطر\nسطر\nسطر"


@pytest.mark.parametrize(("text", "expected"), [
    ("ﺍﻟﺴﻼﻡ", "السلام"),          # isolated/initial/medial/final forms, lam-alef ligature
    ("ﻻ", "لا"),                    # the ligature stays two letters
    ("ﻷ", "لأ"),
    ("ﺑﻴﺮﻭﺕ", "بيروت"),
    ("\ufeffنص", "نص"),             # a stray BOM / ZWNBSP
    ("ﻛﺘﺐَ", "كتبَ"),
    ("no forms here ١٢٣", "no forms here ١٢٣"),
])
def test_fold_presentation_forms(text: str, expected: str) -> None:
    assert fold_presentation_forms(text) == expected
