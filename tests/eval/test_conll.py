"""The conlleval-style exact-span scorer and CoNLL reading/writing."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.eval.conll import Sentence, read_conll, score, write_conll
from rasd.extract.ner.bio import spans, to_bio, to_bioes


@pytest.mark.parametrize(("tags", "expected"), [
    (["O", "B-PER", "I-PER", "O"], [(1, 3, "PER")]),
    (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
    # I- without a B- opens an entity, as conlleval reads it
    (["O", "I-ORG", "I-ORG"], [(1, 3, "ORG")]),
    # an I- of another type closes the running entity and opens a new one
    (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
    (["B-MISC", "I-MISC"], [(0, 2, "MISC")]),
    (["O", "O"], []),
])
def test_spans(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert spans(tags) == expected


@pytest.mark.parametrize(("gold", "pred", "prf"), [
    (["B-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"], (1.0, 1.0, 1.0)),
    # a span one token short is wrong both ways (exact spans only)
    (["B-PER", "I-PER", "O"], ["B-PER", "O", "O"], (0.0, 0.0, 0.0)),
    # right span, wrong type
    (["B-ORG", "I-ORG", "O"], ["B-LOC", "I-LOC", "O"], (0.0, 0.0, 0.0)),
    # one of two found, no false positive
    (["B-LOC", "O", "B-PER"], ["B-LOC", "O", "O"], (1.0, 0.5, 2 / 3)),
    # I- without B- in the prediction still matches the gold span
    (["O", "B-ORG", "I-ORG"], ["O", "I-ORG", "I-ORG"], (1.0, 1.0, 1.0)),
    (["O", "O"], ["B-MISC", "O"], (0.0, 0.0, 0.0)),
])
def test_micro_score(gold: list[str], pred: list[str], prf: tuple[float, float, float]) -> None:
    assert score([gold], [pred]).prf() == pytest.approx(prf)


def test_per_type_counts() -> None:
    s = score([["B-PER", "O", "B-LOC"]], [["B-PER", "B-ORG", "O"]])
    assert (s.tp["PER"], s.fp["ORG"], s.fn["LOC"]) == (1, 1, 1)
    assert s.prf("PER") == (1.0, 1.0, 1.0)
    assert s.prf("LOC") == (0.0, 0.0, 0.0)


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


def test_read_write_roundtrip(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("القاهرة B-LOC\nمدينة O\n\nزار O\nمبارك B-PERS\n", encoding="utf-8")
    sents = read_conll(src)
    assert sents == [Sentence(("القاهرة", "مدينة"), ("B-LOC", "O")),
                     Sentence(("زار", "مبارك"), ("O", "B-PERS"))]
    out = tmp_path / "b.txt"
    write_conll(out, sents, [["B-LOC", "O"], ["O", "O"]])
    assert out.read_text(encoding="utf-8").splitlines()[:2] == ["القاهرة B-LOC B-LOC", "مدينة O O"]


_BIO = st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG"]), max_size=12)


@given(_BIO)
def test_bioes_round_trip_keeps_the_spans(tags: list[str]) -> None:
    bioes = to_bioes(tags)
    assert spans(to_bio(bioes)) == spans(tags)
    for i, j, etype in spans(tags):
        if j - i == 1:
            assert bioes[i] == "S-" + etype
        else:
            assert (bioes[i], bioes[j - 1]) == ("B-" + etype, "E-" + etype)
            assert set(bioes[i + 1:j - 1]) <= {"I-" + etype}


@pytest.mark.parametrize(("bioes", "bio"), [
    (["S-PER", "S-PER"], ["B-PER", "B-PER"]),
    (["B-LOC", "E-LOC", "I-LOC"], ["B-LOC", "I-LOC", "B-LOC"]),  # nothing continues after E-
    (["E-ORG", "O", "I-MISC", "E-MISC"], ["B-ORG", "O", "B-MISC", "I-MISC"]),
    (["B-PER", "I-LOC"], ["B-PER", "B-LOC"]),
])
def test_decoded_bioes_reads_back_as_bio(bioes: list[str], bio: list[str]) -> None:
    assert to_bio(bioes) == bio
