"""The `category` stage: a linear news-category classifier (ANT v2.1 labels) run in numpy only.

The shipped model (`rasd/models/category.npz`) is built by `rasd train category` (see
`rasd.training.category`). It holds a vocabulary of stemmed word unigrams plus region features, their
idf weights and one weight row per category. The region table (`rasd/models/category_geo.tsv`, built
from the project gazetteer by the same command) maps place names to coarse world regions.
Featurization lives here, once, so training and run time cannot drift.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasd import resources
from rasd.errors import ModelError
from rasd.lang.ar.clitics import CATEGORY_PREFIXES_V1
from rasd.model import Article
from rasd.text.normalize import category_key_v1

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "category.npz"
GEO_PATH = MODEL_PATH.with_name("category_geo.tsv")

# The ANT v2.1 categories, the only values the stage writes.
CATEGORIES: tuple[str, ...] = (
    "culture", "economy", "internationalNews", "middleEast", "sport", "technology",
)

# Feature normalization is part of the model's definition (changing it needs a retrain), so it is the
# frozen, versioned `category_key_v1` of `rasd.text.normalize`, never the rule stages' key.
_TOKEN_RE = re.compile(r"[\u0621-\u064a]{2,}|[a-z]{2,}")
# Proclitic clusters stripped from the front of a word, longest first, when a stem of 3+ letters is
# left: "والرياضة", "بالدوري", "للمنتخب" then share features with "رياضه", "دوري", "منتخب".
_PREFIXES: tuple[str, ...] = CATEGORY_PREFIXES_V1
_PREFIX_RE = re.compile(
    "(?<![\u0621-\u064a])(?:" + "|".join(_PREFIXES) + ")(?=[\u0621-\u064a]{3})")
# Only the head of a long article is read: the title and lead decide the section, and it bounds the
# per-article cost (the mean ANT article is 1,440 characters; the cut leaves cross-outlet macro-F1
# unchanged, see the README table).
MAX_CHARS = 2500


normalize_for_features = category_key_v1  # frozen with the model: see `category_key_v1`


def stem(word: str) -> str:
    """Drop one leading proclitic cluster when at least three letters remain."""
    return _PREFIX_RE.sub("", word, count=1)


def tokens(text: str) -> list[str]:
    """The stemmed word tokens (two letters or more) of the first MAX_CHARS characters of `text`."""
    return _TOKEN_RE.findall(_PREFIX_RE.sub("", normalize_for_features(text[:MAX_CHARS])))


def load_geo(path: Path = GEO_PATH) -> dict[str, str]:
    """The region table: stemmed place-name key (one or two words) -> region name."""
    try:
        with path.open(encoding="utf-8") as fh:
            rows = [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]
        return {r[0]: r[1] for r in rows}
    except (OSError, IndexError) as e:
        raise ModelError(f"category region table {path} cannot be loaded: {e}") from e


_GEO: dict[str, str] | None = None


def geo_table() -> dict[str, str]:
    """The shipped region table, loaded once per process."""
    table = _GEO  # read once: another thread may set it meanwhile
    return table if table is not None else resources.load("models/category_geo.tsv", load_geo)


def set_geo_table(table: dict[str, str]) -> None:
    """Replace the process-wide region table (training writes and uses a freshly built one)."""
    global _GEO, _FIRSTS
    _GEO = dict(table)
    _FIRSTS = (0, frozenset())


def regions(toks: list[str], table: dict[str, str]) -> list[str]:
    """The region of every place name among `toks`, two-word names first (`ولايات متحده`)."""
    firsts = _first_words(table)
    out = []
    get = table.get
    skip = False
    for i, t in enumerate(toks):
        if skip:
            skip = False
            continue
        if t in firsts and i + 1 < len(toks) and (r := get(t + " " + toks[i + 1])) is not None:
            out.append(r)
            skip = True
        elif (r := get(t)) is not None:
            out.append(r)
    return out


_FIRSTS: tuple[int, frozenset[str]] = (0, frozenset())


def _first_words(table: dict[str, str]) -> frozenset[str]:
    """First words of the table's two-word keys (cached for the last table seen)."""
    global _FIRSTS
    if _FIRSTS[0] != id(table):
        _FIRSTS = (id(table), frozenset(k.split(" ", 1)[0] for k in table if " " in k))
    return _FIRSTS[1]


def features(text: str) -> list[str]:
    """The classifier's feature strings: stemmed word unigrams plus region features.

    Region features say where the story is: `_g_R` per place of region R in the text read, `_gt_R`
    per place in the title (first line), and three `_gm_R` for the dominant region (title places
    count 3, the first three places 2, others 1). Their names cannot collide with word tokens.
    Adding adjacent-word bigrams doubled the per-article cost (0.26 -> 0.45 ms) and left the
    cross-outlet macro-F1 where it was (min over outlets 0.752 with, 0.758 without), so they are out.
    """
    toks = tokens(text)
    table = geo_table()
    body = regions(toks, table)
    if not body:
        return toks
    nl = text.find("\n", 0, MAX_CHARS)
    title = regions(tokens(text[:nl]), table) if nl > 0 else []
    weight = Counter(body)
    for r in title:
        weight[r] += 2
    for r in body[:3]:
        weight[r] += 1
    top = max(weight.items(), key=lambda kv: kv[1])[0]
    return [*toks, *("_g_" + r for r in body), *("_gt_" + r for r in title), *(["_gm_" + top] * 3)]


@dataclass(frozen=True)
class CategoryModel:
    """Vocabulary, idf and linear weights; `predict` mirrors sklearn's sublinear tf-idf + linear model."""

    vocab: dict[str, int]
    idf: np.ndarray  # (n_features,) float32
    weights: np.ndarray  # (n_features, n_classes) float32
    bias: np.ndarray  # (n_classes,) float32
    labels: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CategoryModel:
        try:
            with np.load(path, allow_pickle=False) as z:
                terms = z["terms_utf8"].tobytes().decode("utf-8").split("\n")
                model = cls(
                    vocab={t: i for i, t in enumerate(terms)},
                    idf=z["idf"].astype(np.float32),
                    weights=z["weights"].astype(np.float32),
                    bias=z["bias"].astype(np.float32),
                    labels=tuple(str(x) for x in z["labels"]),
                )
        except (OSError, KeyError, ValueError) as e:
            raise ModelError(f"category model {path} cannot be loaded: {e}") from e
        if model.weights.shape != (len(terms), len(model.labels)) or model.idf.shape != (len(terms),):
            raise ModelError(f"category model {path} has inconsistent array shapes")
        return model

    def scores(self, text: str) -> np.ndarray:
        """The decision value of every label for `text` (zeros plus bias when no feature is known)."""
        get = self.vocab.get
        found = [(i, n) for f, n in Counter(features(text)).items() if (i := get(f)) is not None]
        if not found:
            return self.bias.copy()
        idx = np.fromiter((i for i, _ in found), dtype=np.int64, count=len(found))
        tf = np.fromiter((n for _, n in found), dtype=np.float32, count=len(found))
        x = (1.0 + np.log(tf)) * self.idf[idx]
        x /= np.linalg.norm(x)
        return x @ self.weights[idx] + self.bias  # type: ignore[no-any-return]

    def predict(self, text: str, allowed: Iterable[str] | None = None) -> str:
        """The best label for `text`, optionally restricted to the labels in `allowed`."""
        s = self.scores(text)
        if allowed is not None:
            keep = set(allowed)
            s = np.where([lab in keep for lab in self.labels], s, -np.inf)
        return self.labels[int(np.argmax(s))]


class CategoryStage:
    """Fill `article.category` from the text unless the input already carried one."""

    def __init__(self, model: CategoryModel) -> None:
        self.model = model

    def __call__(self, article: Article) -> Article:
        if article.category or not article.text.strip():
            return article
        article.category = self.model.predict(article.text)
        return article


def category_stage() -> CategoryStage:
    """Build the stage with the shipped model, loaded once per process."""
    return CategoryStage(resources.load("models/category.npz", CategoryModel.load))


category_stage.factory = True  # type: ignore[attr-defined]
