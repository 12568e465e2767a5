"""Mining name words from unlabeled text: words after titles, around بن, after organisation heads."""
from __future__ import annotations

from rasd.training.gazetteer import GazetteerConfig, mine_names

CFG = GazetteerConfig(min_count=2, min_ratio=0.5)


def test_words_around_lineage_and_after_heads_are_mined() -> None:
    texts = [
        "التقى محمد بن راشد بالوفد ثم غادر",
        "وقال محمد بن راشد إن حزب الليكود خسر",
        "أعلنت شركة تويوتا أن حزب الليكود وشركة تويوتا",
    ]
    per, org = mine_names(texts, CFG)
    assert {"محمد", "راشد"} <= per
    assert {"الليكود", "تويوتا"} <= org          # bare head and head with a proclitic (وشركة)
    assert "خسر" not in org and "بن" not in per


def test_common_words_fail_the_ratio() -> None:
    # العمال follows حزب twice but also stands alone six times: 2 / 8 < 0.5
    texts = ["حزب العمال"] * 2 + ["العمال هنا"] * 6
    assert "العمال" not in mine_names(texts, CFG)[1]
    assert "العمال" in mine_names(texts, GazetteerConfig(min_count=2, min_ratio=0.2))[1]


def test_titles_give_person_words() -> None:
    texts = ["قال الرئيس الأمريكي جورج بوش", "استقبل الرئيس جورج بوش"]  # الرئيس normalizes to الرييس
    assert {"جورج", "بوش"} <= mine_names(texts, CFG)[0]
    # titles are read only in the first `docs` texts
    assert "جورج" not in mine_names(["خبر"] + texts, GazetteerConfig(min_count=2, min_ratio=0.5, docs=2))[0]


def test_every_word_list_is_written_normalized() -> None:
    # a list word the featurizer's normalization can never produce would never fire
    from rasd.extract.ner import lexicon
    from rasd.extract.ner.features import normalize_word
    from rasd.training import gazetteer

    lists = [v for m in (lexicon, gazetteer) for v in vars(m).values() if isinstance(v, frozenset)]
    assert len(lists) >= 7
    for words in lists:
        assert all(normalize_word(w) == w for w in words), sorted(w for w in words if normalize_word(w) != w)
