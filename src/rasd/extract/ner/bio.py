"""BIO and BIOES tag sequences: entity spans read the way conlleval reads them, and conversions."""
from __future__ import annotations

from collections.abc import Sequence


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or "-" not in tag:
        return "O", ""
    prefix, _, etype = tag.partition("-")
    return prefix, etype


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans `(start, end, type)` (end exclusive) the way conlleval reads BIO tags.

    An I- tag that does not continue an entity of the same type opens a new one, as in conlleval.
    """
    result: list[tuple[int, int, str]] = []
    start = -1
    cur = ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, etype = _split(tag)
        opens = prefix == "B" or (prefix == "I" and etype != cur)
        if cur and (prefix == "O" or opens):
            result.append((start, i, cur))
            cur = ""
        if prefix != "O" and opens:
            start, cur = i, etype
    return result


def to_bioes(tags: Sequence[str]) -> list[str]:
    """BIO tags -> BIOES (single-token entities S-, last tokens E-), spans read as `spans` reads them."""
    out = ["O"] * len(tags)
    for i, j, etype in spans(tags):
        if j - i == 1:
            out[i] = "S-" + etype
        else:
            out[i], out[j - 1] = "B-" + etype, "E-" + etype
            out[i + 1:j - 1] = ["I-" + etype] * (j - i - 2)
    return out


def to_bio(tags: Sequence[str]) -> list[str]:
    """BIOES (or BIO) tags -> BIO: S- becomes B-, E- becomes I-; an E- or I- that does not continue
    an entity of its type opens one, as `spans` would read it."""
    out: list[str] = []
    cur = ""
    for tag in tags:
        prefix, etype = _split(tag)
        if prefix == "O":
            out.append("O")
            cur = ""
        elif prefix in ("B", "S") or etype != cur:
            out.append("B-" + etype)
            cur = "" if prefix in ("S", "E") else etype
        else:
            out.append("I-" + etype)
            cur = "" if prefix == "E" else etype
    return out
