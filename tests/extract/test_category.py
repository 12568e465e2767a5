"""Tests for the article-category stage, its numpy model and the training code behind it."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from rasd.extract.category import (
    CATEGORIES,
    GEO_PATH,
    MODEL_PATH,
    CategoryModel,
    CategoryStage,
    category_stage,
    features,
    geo_table,
    regions,
    stem,
    tokens,
)
from rasd.model import Article

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ANT = SHARED / "data" / "news" / "ant_multisource.tar.gz"
JAWHARA = SHARED / "data" / "news" / "ant_v1_jawharafm.tar.gz"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared (ANT corpora) is not present")

# Pinned floor for the shipped model on ANT v1.1 JawharaFM (culture, economy, internationalNews,
# sport, technology): an outlet, country and year the model never saw. Measured 0.870 when pinned;
# raise it with the model, never lower it silently.
JAWHARA_MACRO_F1_FLOOR = 0.86

SPORT = ("تأهل المنتخب المغربي إلى الدور الثاني من كأس العالم بعد فوزه على نظيره بهدفين نظيفين، "
         "وسجل المهاجم الهدف الأول في الدقيقة العشرين من المباراة، فيما أضاف لاعب الوسط الهدف الثاني "
         "من ركلة جزاء، وقال المدرب إن الفريق قدم أداء رائعا أمام جماهيره في الملعب.")
ECONOMY = ("ارتفعت أسعار النفط في الأسواق العالمية بنسبة اثنين في المئة، وسجل خام برنت أعلى مستوى له "
           "منذ ثلاث سنوات، فيما تراجعت البورصة وانخفض سعر صرف الدولار أمام اليورو، وقال البنك المركزي "
           "إن معدل التضخم والنمو الاقتصادي سيتأثران بارتفاع أسعار الفائدة والاستثمار الأجنبي.")
TECHNOLOGY = ("أطلقت شركة آبل هاتفها الذكي الجديد بمعالج أسرع وكاميرا محسنة، وأعلنت غوغل عن تحديث لنظام "
              "التشغيل أندرويد يحسن حماية البيانات والخصوصية على الإنترنت، فيما كشفت سامسونغ عن تطبيق "
              "يعتمد على الذكاء الاصطناعي.")


@pytest.fixture(scope="module")
def model() -> CategoryModel:
    return CategoryModel.load()


def test_shipped_model_is_small_and_complete(model: CategoryModel) -> None:
    assert MODEL_PATH.stat().st_size < 25_000_000
    assert set(model.labels) == set(CATEGORIES)
    assert len(model.vocab) == model.weights.shape[0] == model.idf.shape[0]


@pytest.mark.parametrize(("text", "expected"), [
    (SPORT, "sport"), (ECONOMY, "economy"), (TECHNOLOGY, "technology"),
    ("الفوز بالدوري", "sport"),
])
def test_shipped_model_predicts(model: CategoryModel, text: str, expected: str) -> None:
    assert model.predict(text) == expected


def test_predict_restricted_to_allowed_labels(model: CategoryModel) -> None:
    assert model.predict(SPORT, allowed=("economy", "culture")) in ("economy", "culture")


@pytest.mark.parametrize(("word", "expected"), [
    ("والرياضه", "رياضه"), ("بالدوري", "دوري"), ("للمنتخب", "منتخب"), ("وقال", "قال"),
    ("الي", "الي"), ("ولد", "ولد"), ("اقتصاد", "اقتصاد"),
])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_region_table_is_shipped() -> None:
    table = geo_table()
    assert GEO_PATH.stat().st_size < 25_000_000
    assert table["عراق"] == "levant" and table["تركيا"] == "tii" and table["باريس"] == "europe"


@pytest.mark.parametrize(("text", "expected"), [
    ("قال مسؤولون في الولايات المتحدة وبغداد والقاهرة إن تركيا", ["namerica", "levant", "nafrica", "tii"]),
    ("زار الرياض ثم موسكو وبكين", ["gulf", "russia", "asia"]),
    ("ارتفعت أسعار النفط", []),
])
def test_regions(text: str, expected: list[str]) -> None:
    assert regions(tokens(text), geo_table()) == expected


@pytest.mark.parametrize(("text", "title_region", "dominant"), [
    # the title place outweighs two body places of another region
    ("قمة في باريس\nوصل وفد من واشنطن ثم وفد من واشنطن", "europe", "europe"),
    ("اجتماع وزاري\nوصل وفد من بغداد إلى بغداد ثم إلى لندن", None, "levant"),
])
def test_features_add_region_tokens(text: str, title_region: str | None, dominant: str) -> None:
    f = features(text)
    assert f[: len(tokens(text))] == tokens(text)
    assert ("_gt_" + title_region in f) if title_region else not any(x.startswith("_gt_") for x in f)
    assert f.count("_gm_" + dominant) == 3
    assert features("ارتفعت أسعار النفط") == tokens("ارتفعت أسعار النفط")


def test_stage_keeps_existing_category(model: CategoryModel) -> None:
    a = Article(id="x", text=f"مباراة\n{SPORT}", title="مباراة", category="culture")
    assert CategoryStage(model)(a).category == "culture"


@pytest.mark.parametrize(("text", "expected"), [(SPORT, "sport"), (ECONOMY, "economy")])
def test_stage_fills_missing_category_without_touching_text(text: str, expected: str) -> None:
    a = Article(id="x", text=text, title=text[:20])
    out = category_stage()(a)
    assert out.category == expected
    assert out.text == text


def test_stage_leaves_empty_text_uncategorized(model: CategoryModel) -> None:
    assert CategoryStage(model)(Article(id="x", text=" \n", title="")).category is None


def test_unknown_words_fall_back_to_bias(model: CategoryModel) -> None:
    assert model.predict("qqqq zzzz") in CATEGORIES


@needs_shared
def test_training_smoke_matches_sklearn_and_round_trips(tmp_path: Path) -> None:
    """Train on a small sample; the numpy model must equal sklearn's own tf-idf + SVM decision values."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    from rasd.extract.category import features
    from rasd.training import category as tc

    items = tc.load_items(ANT)
    rng = random.Random(0)
    sample = rng.sample([it for it in items if it.outlet != "JawharaFM"], 400)
    params = tc.Params(c=0.5, min_df=2, max_features=10**7)
    model = tc.fit(sample, params)
    path = tmp_path / "m.npz"
    tc.save(model, path)
    loaded = CategoryModel.load(path)

    rows, ys, ws = tc.training_examples(sample)
    texts = [it.text for it in rows]
    vec = TfidfVectorizer(analyzer=features, min_df=2, sublinear_tf=True)
    clf = LinearSVC(C=0.5, class_weight="balanced", random_state=tc.SEED, max_iter=5000)
    vec.fit([it.text for it in sample])  # document frequencies count each article once
    clf.fit(vec.transform(texts), ys, sample_weight=np.asarray(ws))
    probe = [it.text for it in items[:50]]
    want = clf.decision_function(vec.transform(probe))
    got = np.vstack([model.scores(t) for t in probe])
    assert loaded.labels == model.labels == tuple(clf.classes_)
    np.testing.assert_allclose(got, want, atol=1e-3)
    assert [loaded.predict(t) for t in probe] == [model.predict(t) for t in probe]


@pytest.mark.parametrize(("labels", "pred", "expected"), [
    (("internationalNews", "middleEast"), "middleEast", "middleEast"),
    (("internationalNews", "middleEast"), "sport", "internationalNews"),
    (("sport",), "sport", "sport"),
])
def test_multi_label_items_score_any_of_their_labels(
        labels: tuple[str, ...], pred: str, expected: str) -> None:
    from rasd.training.category import gold_for

    assert gold_for(pred, labels) == expected


@pytest.mark.parametrize(("outlet_labels", "expected"), [
    # catch-all plus a specific label: trains as the specific one only
    ([("CNN", ("internationalNews", "middleEast")), ("CNN", ("sport",))],
     [("middleEast", 1.0), ("sport", 1.0)]),
    # two specific labels: one example each, weight 1/2
    ([("CNN", ("economy", "technology")), ("CNN", ("middleEast",))],
     [("economy", 0.5), ("technology", 0.5), ("middleEast", 1.0)]),
    # an outlet without a middleEast section: its internationalNews items are left out
    ([("AlArabiya", ("internationalNews",)), ("AlArabiya", ("sport",))], [("sport", 1.0)]),
])
def test_training_examples(outlet_labels: list[tuple[str, tuple[str, ...]]],
                           expected: list[tuple[str, float]]) -> None:
    from rasd.training.category import Item, training_examples

    items = [Item(o, f"u{i}", "نص", labs) for i, (o, labs) in enumerate(outlet_labels)]
    _, ys, ws = training_examples(items)
    assert list(zip(ys, ws, strict=True)) == expected


@needs_shared
def test_quality_gate_on_unseen_outlet(model: CategoryModel) -> None:
    from rasd.training import category as tc

    items = tc.load_items(JAWHARA)
    assert len(items) > 3000
    result = tc.score(model, items, "JawharaFM")
    assert result.macro_f1 >= JAWHARA_MACRO_F1_FLOOR, result
