"""The shipped 16-type classifier: loads offline; a quality gate on the held-out GSR split."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from rasd.errors import ModelError
from rasd.eval.events import evaluate, token_f1
from rasd.eval.gsr import read_gsr, scored, split_of
from rasd.extract.events.classifier import MODEL_PATH, EventClassifier
from rasd.extract.events.features import tokenize
from rasd.lang.ar.plover import PLOVER_TYPES

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GSR = SHARED / "data" / "events" / "arabic_event_gsr"
needs_gsr = pytest.mark.skipif(not GSR.exists(), reason="../shared/data/events/arabic_event_gsr is absent")

# Pinned floors on the held-out 30% (sha1 split). Measured F1 0.658 / 0.5625 (PROTEST with its cue's
# word vectors and the ambiguous sentences in training) and ASSAULT actor overlap 0.384 when pinned; the
# issue's goals are 0.65 / 0.55. Do not lower these silently: a drop below them is a regression to explain.
ASSAULT_F1_FLOOR = 0.65
PROTEST_F1_FLOOR = 0.55
ASSAULT_ACTOR_OVERLAP_FLOOR = 0.35


def test_classifier_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the event classifier tried to open a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    clf = EventClassifier.load()
    assert set(clf.models) == set(PLOVER_TYPES)
    # ASSAULT / PROTEST keep the GSR-trained models and their own cue features
    assert clf.models["ASSAULT"].features == clf.models["PROTEST"].features == "gsr"
    assert MODEL_PATH.stat().st_size < 25_000_000
    text = "قتل عشرة أشخاص على الأقل وأصيب عشرون آخرون في انفجار سيارة مفخخة وسط بغداد أمس"
    assert "ASSAULT" in clf.detect([t.norm for t in tokenize(text)], text)


@pytest.mark.parametrize(("text", "expected"), [
    ("تظاهر آلاف الطلاب أمس أمام مقر الحكومة في العاصمة احتجاجا على رفع الرسوم", "PROTEST"),
    ("قتل خمسة جنود وأصيب ثلاثة آخرون بجروح في هجوم انتحاري استهدف دورية شمال بغداد", "ASSAULT"),
    ("ارتفعت أسعار النفط في الأسواق العالمية اليوم", None),
])
def test_clear_sentences(text: str, expected: str | None) -> None:
    got = EventClassifier.load().detect([t.norm for t in tokenize(text)], text)
    assert (expected in got) if expected else got == []


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    clf = EventClassifier.load()
    out = tmp_path / "m.json.gz"
    clf.save(out)
    again = EventClassifier.load(out)
    assert again.models["PROTEST"].threshold == pytest.approx(clf.models["PROTEST"].threshold)
    assert len(again.models["ASSAULT"].weights) == len(clf.models["ASSAULT"].weights)
    assert {t: m.features for t, m in again.models.items()} == {t: m.features for t, m in clf.models.items()}
    dense, kept = clf.models["PROTEST"].dense, again.models["PROTEST"].dense
    assert dense is not None and kept is not None
    assert kept.label == "PROTEST" and len(kept.scores) == len(dense.scores)
    text = "تظاهر آلاف الطلاب أمس أمام مقر الحكومة في العاصمة احتجاجا على رفع الرسوم"
    toks = [t.norm for t in tokenize(text)]
    before = clf.probabilities(toks, text)["PROTEST"]
    assert again.probabilities(toks, text)["PROTEST"] == pytest.approx(before)


def test_protest_model_uses_the_word_vectors_around_its_cue() -> None:
    from rasd.extract.events.features import CLASSIFIER_CUES, sentence_features

    model = EventClassifier.load().models["PROTEST"]
    assert model.dense is not None and model.dense.label == "PROTEST"
    yes = "تظاهر آلاف الطلاب أمس أمام مقر الحكومة في العاصمة احتجاجا على رفع الرسوم"
    other = "قال الوزير إن تظاهر بعض الناس بالفهم لا يغير شيئا في سوق الأسهم"
    scores = [model.dense.score([t.norm for t in tokenize(t)], t, CLASSIFIER_CUES) for t in (yes, other)]
    assert scores[0] != 0.0 and scores[0] > scores[1]  # the crowd and the place around the verb count for it
    toks = [t.norm for t in tokenize(yes)]
    feats = sentence_features(toks, yes)
    assert model.probability(feats, scores[0]) != pytest.approx(model.probability(feats))
    # no cue of the type, or words that do not line up with the tokens: no evidence
    assert model.dense.score(toks, "كلمات أخرى", CLASSIFIER_CUES) == 0.0
    plain = "ارتفعت أسعار النفط في الأسواق العالمية اليوم"
    assert model.dense.score([t.norm for t in tokenize(plain)], plain, CLASSIFIER_CUES) == 0.0


def test_folded_word_scores_equal_the_vector_columns_times_the_weights() -> None:
    pytest.importorskip("sklearn")
    import numpy as np

    from rasd.extract.events.classifier import DenseCue
    from rasd.extract.events.features import CLASSIFIER_CUES
    from rasd.training.events import WordVectors

    vectors = WordVectors()
    w = np.random.default_rng(7).normal(size=2 * vectors.rows.shape[1])
    folded = DenseCue("PROTEST", vectors.scores(w, 4.0))
    for text in ("وتجمع مئات المتظاهرين الغاضبين في الطرقات وأحرقوا الاطارات",
                 "قال شهود إن المحتجين احتشدوا قرب البرلمان", "تظاهر"):
        toks = [t.norm for t in tokenize(text)]
        expected = float(vectors.cue_columns(text, "PROTEST") @ w * 4.0)
        assert folded.score(toks, text, CLASSIFIER_CUES) == pytest.approx(expected, abs=1e-6)
        assert expected != 0.0


@pytest.mark.parametrize(("pred", "gold", "f1"), [
    (["مفجرون", "انتحاريون"], ["مفجرون", "انتحاريون"], 1.0),
    (["والمتظاهرون"], ["المتظاهرون"], 1.0),
    (["الاف", "الإسرائيليين"], ["الاسرائيليين"], 2 / 3),
    ([], ["الشرطة"], 0.0),
])
def test_token_f1(pred: list[str], gold: list[str], f1: float) -> None:
    assert token_f1(pred, gold) == pytest.approx(f1)


@needs_gsr
def test_split_is_stable_and_about_thirty_percent() -> None:
    sentences = scored(read_gsr(GSR))
    share = sum(split_of(s.text) == "test" for s in sentences) / len(sentences)
    assert 0.25 < share < 0.35
    assert split_of("تظاهر الاف الاسرائيليين") == split_of("تظاهر الاف الاسرائيليين")


@needs_gsr
def test_quality_gate_on_held_out_split() -> None:
    scores = evaluate(scored(read_gsr(GSR), "test"), EventClassifier.load())
    assert scores["ASSAULT"].f1 >= ASSAULT_F1_FLOOR
    assert scores["PROTEST"].f1 >= PROTEST_F1_FLOOR
    overlap = scores["ASSAULT"].actor_overlap
    assert overlap is not None and overlap >= ASSAULT_ACTOR_OVERLAP_FLOOR


def test_eval_command_on_a_gsr_format_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rasd.cli.main import main

    rows = [
        ("a1", "yes", "قتل خمسة جنود وأصيب ثلاثة آخرون بجروح في هجوم انتحاري استهدف دورية شمال بغداد"),
        ("a2", "easy no", "ارتفعت أسعار النفط في الأسواق العالمية اليوم"),
        ("a3", "ambiguous", "هجوم إعلامي على الحكومة"),
    ]
    lines = ["accept,event_type,id,label,reject,text,total"]
    lines += [f"1,ASSAULT,{i},{label},0,{text},1" for i, label, text in rows]
    (tmp_path / "assault_gsr.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    spans = [{"text": rows[0][2], "event_type": "ASSAULT",
              "spans": [{"source_actor": ["انتحاري"], "verb": ["هجوم"], "target_actor": ["دورية"]}]}]
    (tmp_path / "assault_spans.json").write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", "events", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("ASSAULT"))
    assert row.split()[1:4] == ["2", "1", "1"]  # two scored sentences (ambiguous left out), one yes, found


def test_gsr_votes_are_read_and_ambiguous_sentences_train_but_are_not_scored(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from rasd.training.events import train_type_votes

    yes = ["تظاهر آلاف الطلاب أمام مقر الحكومة احتجاجا على رفع الرسوم رقم {}",
           "احتشد مئات المتظاهرين في الساحة وهتفوا ضد الحكومة رقم {}"]
    no = ["قال الوزير إن الاحتجاجات لن تغير شيئا رقم {}", "تابع المنتخب مسيرته في البطولة رقم {}"]
    rows = ["accept,event_type,id,label,reject,text,total"]
    rows += [f"3,PROTEST,y{i},yes,0,{yes[i % 2].format(i)},3" for i in range(20)]
    rows += [f"2,PROTEST,a{i},ambiguous,1,{yes[i % 2].format(100 + i)},3" for i in range(6)]
    rows += [f"0,PROTEST,n{i},easy no,3,{no[i % 2].format(200 + i)},3" for i in range(40)]
    (tmp_path / "protest_gsr.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    sentences = read_gsr(tmp_path)
    amb = next(s for s in sentences if s.label == "ambiguous")
    assert (amb.accept, amb.total) == (2, 3)
    model, report = train_type_votes(sentences, "PROTEST", 0.5)
    train = [s for s in sentences if split_of(s.text) != "test"]
    assert report.n_train == sum(s.label != "ambiguous" for s in train)  # ambiguous ones never scored
    assert report.n_pos == sum(s.positive for s in train)
    text = "تظاهر آلاف الطلاب أمام مقر الحكومة احتجاجا على رفع الرسوم"
    clf = EventClassifier({"PROTEST": model}, all_cues=False)
    assert clf.detect([t.norm for t in tokenize(text)], text) == ["PROTEST"]
    with_vectors, _ = train_type_votes(sentences, "PROTEST", 0.5, dense_scale=4.0)
    assert with_vectors.dense is not None and len(with_vectors.dense.scores) > 100_000
    clf = EventClassifier({"PROTEST": with_vectors})
    assert clf.detect([t.norm for t in tokenize(text)], text) == ["PROTEST"]
    out = tmp_path / "m.json.gz"
    clf.save(out)
    assert EventClassifier.load(out).models["PROTEST"].dense is not None
    with pytest.raises(ModelError):
        EventClassifier({"PROTEST": with_vectors}, all_cues=False).save(tmp_path / "old.json.gz")
