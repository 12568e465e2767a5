"""Train and evaluate the CRF named-entity tagger on ANERcorp (the CAMeL Lab split in ../shared)."""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import pycrfsuite

from rasd.errors import UsageError
from rasd.eval.conll import Score, Sentence, read_conll, score
from rasd.extract.ner.context import with_context
from rasd.extract.ner.features import Featurizer, Resources, document_features
from rasd.extract.ner.neural import TAGS, load_vectors, vector_table
from rasd.extract.ner.tagger import (
    CORPUS_TO_TAGGER,
    DOC_SENTENCES,
    FAST_META_NAME,
    META_NAME,
    MODELS_DIR,
    TAGGER_TO_CORPUS,
    NerTagger,
    load_resources,
    map_tag,
    read_table,
)
from rasd.training.news import news_texts
from rasd.training.votes import VotesConfig, build_votes, confident_sentences

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
ANERCORP = SHARED / "data" / "ner" / "anercorp"
MODEL_NAME = "ner.crfsuite"
FAST_MODEL_NAME = "ner_fast.crfsuite"
SECOND_NAME = "ner_doc.crfsuite"
CLUSTERS_NAME = "ner_clusters.tsv.gz"
GAZETTEER_NAME = "ner_gazetteer.tsv.gz"
VOTES_NAME = "ner_votes.tsv.gz"
EMBEDDINGS_NAME = "ner_embeddings.tsv.gz"
NEURAL_NAME = "ner_neural.npz"
VECTORS_NAME = "ner_vectors.npz"


@dataclass(frozen=True)
class TrainConfig:
    """CRF hyper-parameters; the defaults were chosen on the dev split (last 10% of train.txt)."""

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 100  # 200 gave 0.7170 on dev vs 0.7195
    min_freq: int = 1
    dev_fraction: float = 0.1
    stacked: bool = False  # add the second, document-level pass (hurt on dev: 0.708 -> 0.695)
    folds: int = 5         # jackknife folds that give the second pass realistic first-pass tags
    votes_tokens: int = 0  # news tokens a base model tags for the votes table (CRF-only model: 3M;
                           # with the neural pass: dev 0.7669 without, 0.7660 with)
    self_train: int = 0    # confident news sentences added to the training data (CRF-only model: 1500)
    self_train_prob: float = 0.9   # least whole-sentence probability for such a sentence
    embeddings: bool = False       # binned PPMI-SVD embedding features (dev +0.7; broke golden cases)
    neural: bool = True    # BiLSTM-CRF over the CRF's jackknifed marginals makes the final tags
    neural_epochs: int = 30
    neural_average_from: int = 12  # the shipped weights are the mean of epochs 12..30
    neural_context: int = 10  # document context window in sentences (0: off; dev, mean of three
                              # seeds: 0.7583 without, 0.7629 with)
    neural_context_bigrams: bool = True  # the same for the pairs with the next and previous word
                                         # (dev, seeds 13-15: 0.7629 -> 0.7666)


def split_train_dev(sentences: Sequence[Sentence], dev_fraction: float) -> tuple[list[Sentence],
                                                                                   list[Sentence]]:
    """Fixed split: the last `dev_fraction` of the sentences is the dev set."""
    if not 0.0 < dev_fraction < 1.0:
        raise UsageError(f"dev fraction must be between 0 and 1, got {dev_fraction}")
    cut = len(sentences) - max(1, round(len(sentences) * dev_fraction))
    return list(sentences[:cut]), list(sentences[cut:])


def _fit(items: Sequence[tuple[list[list[str]], list[str]]], model_path: Path,
         config: TrainConfig) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in items:
        trainer.append(feats, tags)
    trainer.set_params({
        "c1": config.c1,
        "c2": config.c2,
        "max_iterations": config.max_iterations,
        "feature.minfreq": config.min_freq,
        "feature.possible_transitions": True,
    })
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


def _tags(sentences: Sequence[Sentence]) -> list[list[str]]:
    return [[map_tag(t, CORPUS_TO_TAGGER) for t in s.tags] for s in sentences]


def _stage2_items(featurizer: Featurizer, sentences: Sequence[Sentence], base: list[list[list[str]]],
                  first: list[list[str]]) -> list[tuple[list[list[str]], list[str]]]:
    items = []
    gold = _tags(sentences)
    for k in range(0, len(sentences), DOC_SENTENCES):
        doc = [s.tokens for s in sentences[k:k + DOC_SENTENCES]]
        extra = document_features(featurizer, doc, first[k:k + DOC_SENTENCES])
        for j, more in enumerate(extra):
            feats = [a + b for a, b in zip(base[k + j], more, strict=True)]
            items.append((feats, gold[k + j]))
    return items


def train_crf(sentences: Sequence[Sentence], featurizer: Featurizer, model_path: Path,
              config: TrainConfig, second_path: Path | None = None) -> None:
    """Fit the first-pass CRF (L-BFGS, elastic net) and, with `second_path`, the stacked second pass.

    The second pass learns from first-pass tags made by models that did not see the sentence
    (contiguous jackknife folds aligned to documents), so it learns how far to trust them.
    """
    base = [featurizer.sentence(s.tokens) for s in sentences]
    gold = _tags(sentences)
    _fit(list(zip(base, gold, strict=True)), model_path, config)
    if second_path is None:
        return
    n_docs = -(-len(sentences) // DOC_SENTENCES)
    bounds = [round(n_docs * f / config.folds) * DOC_SENTENCES for f in range(config.folds + 1)]
    first: list[list[str]] = []
    fold_path = second_path.with_suffix(".fold.tmp")
    for a, b in zip(bounds, bounds[1:], strict=False):
        rest = list(zip(base[:a] + base[b:], gold[:a] + gold[b:], strict=True))
        _fit(rest, fold_path, config)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(fold_path))
        first.extend(list(tagger.tag(f)) for f in base[a:b])
        tagger.close()
    fold_path.unlink(missing_ok=True)
    _fit(_stage2_items(featurizer, sentences, base, first), second_path, config)


def jackknife_marginals(sentences: Sequence[Sentence], featurizer: Featurizer, path: Path,
                        config: TrainConfig) -> list[np.ndarray]:
    """First-pass CRF marginals for each training sentence from a CRF that did not see it
    (`config.folds` contiguous folds), so the neural pass learns how far to trust them."""
    n = len(sentences)
    bounds = [round(n * f / config.folds) for f in range(config.folds + 1)]
    out: list[np.ndarray] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        train_crf(list(sentences[:a]) + list(sentences[b:]), featurizer, path, config)
        fold = NerTagger(path, featurizer.res)
        out.extend(fold.marginals(s.tokens) for s in sentences[a:b])
    path.unlink(missing_ok=True)
    return out


def evaluate(tagger: NerTagger, sentences: Sequence[Sentence]) -> tuple[Score, list[list[str]]]:
    """Entity-level score of `tagger` on gold sentences, and its predictions in corpus tags (PERS)."""
    tags = tagger.tag_sentences([s.tokens for s in sentences])
    preds = [[map_tag(t, TAGGER_TO_CORPUS) for t in ts] for ts in tags]
    return score((s.tags for s in sentences), preds), preds


def format_score(s: Score) -> list[str]:
    """Per-type lines, then the micro line last."""
    lines = []
    for t in s.types():
        p, r, f = s.prf(t)
        lines.append(f"{t:5s} P={p:.4f} R={r:.4f} F1={f:.4f} "
                     f"(gold {s.tp[t] + s.fn[t]}, predicted {s.tp[t] + s.fp[t]})")
    p, r, f = s.prf()
    lines.append(f"micro P={p:.4f} R={r:.4f} F1={f:.4f}")
    return lines


@dataclass
class TrainReport:
    """What `train` did: sizes, dev score (when a dev split was held out) and timings."""

    train_sentences: int
    dev_sentences: int
    dev_f1: float | None
    seconds: float
    model_path: str


def train(*, train_path: Path = ANERCORP / "train.txt", out_dir: Path = MODELS_DIR,
          config: TrainConfig | None = None, dev_only: bool = False, quick: bool = False,
          use_clusters: bool = True, use_gazetteer: bool = True,
          log: Callable[[str], None] | None = None) -> TrainReport:
    """Train the tagger into `out_dir` (model file plus `ner.json`).

    With `dev_only` the model is trained on train.txt minus the dev split and scored on the dev split
    (for tuning); otherwise on all of train.txt, which is how the shipped model is built. `quick`
    trains on a small sample for a few iterations (tests). Cluster and name tables are taken from
    `out_dir` when present there (they are built by `rasd.training.clusters` / `.gazetteer`).
    """
    cfg = config or TrainConfig()
    t0 = time.perf_counter()
    sentences = read_conll(train_path)
    train_set, dev_set = split_train_dev(sentences, cfg.dev_fraction)
    if not dev_only:
        train_set = list(sentences)
    if quick:
        train_set = train_set[:300]
        dev_set = dev_set[:100]
        cfg = replace(cfg, max_iterations=min(cfg.max_iterations, 20), folds=2,
                      votes_tokens=min(cfg.votes_tokens, 20_000), self_train=min(cfg.self_train, 50))
    out_dir = Path(out_dir)
    # the two-pass model is `ner.json`; the CRF-only one (`--crf-only`) is the fast `ner_fast.json`
    model_name, meta_name = (MODEL_NAME, META_NAME) if cfg.neural else (FAST_MODEL_NAME, FAST_META_NAME)
    meta: dict[str, object] = {"model": model_name, "config": asdict(cfg)}
    if cfg.stacked:
        meta["second"] = SECOND_NAME
    if use_clusters and (MODELS_DIR / CLUSTERS_NAME).is_file():
        meta["clusters"] = CLUSTERS_NAME
    if use_gazetteer and (MODELS_DIR / GAZETTEER_NAME).is_file():
        meta["gazetteer"] = GAZETTEER_NAME
    if cfg.embeddings and (MODELS_DIR / EMBEDDINGS_NAME).is_file():
        meta["embeddings"] = EMBEDDINGS_NAME
    resources: Resources = load_resources(MODELS_DIR, meta)  # type: ignore[arg-type]
    featurizer = Featurizer(resources)
    model_path = out_dir / model_name
    second_path = out_dir / SECOND_NAME if cfg.stacked else None
    if second_path is None:
        (out_dir / SECOND_NAME).unlink(missing_ok=True)
    if cfg.votes_tokens:
        # base model without votes -> tag the news -> votes table -> final model reads it
        # (the base model leaves the embeddings out: the votes then match the model tuned without them)
        base_res = replace(resources, embeddings={})
        train_crf(train_set, Featurizer(base_res), model_path, replace(cfg, stacked=False))
        base = NerTagger(model_path, base_res)
        build_votes(base, news_texts(), out_dir / VOTES_NAME, VotesConfig(max_tokens=cfg.votes_tokens))
        meta["votes"] = VOTES_NAME
        resources.votes = read_table(out_dir / VOTES_NAME)
        featurizer = Featurizer(resources)
    elif not cfg.neural:  # (the two-pass model never reads votes; the fast one may)
        (out_dir / VOTES_NAME).unlink(missing_ok=True)
    if cfg.self_train:
        # a model with every table tags more news; its confident sentences join the training data
        train_crf(train_set, featurizer, model_path, replace(cfg, stacked=False))
        mid = NerTagger(model_path, resources)
        extra = confident_sentences(mid, news_texts(), skip_tokens=cfg.votes_tokens,
                                    scan_tokens=max(cfg.votes_tokens, 20_000), limit=cfg.self_train,
                                    min_prob=cfg.self_train_prob)
        train_set = train_set + [
            Sentence(tuple(toks), tuple(map_tag(t, TAGGER_TO_CORPUS) for t in tags)) for toks, tags in extra]
    train_crf(train_set, featurizer, model_path, cfg, second_path)
    neural_path = vectors_path = None
    if cfg.neural:
        neural_path, vectors_path = _train_neural(train_set, dev_set if dev_only or quick else [],
                                                  featurizer, model_path, out_dir, cfg, quick, log)
        meta["neural"] = NEURAL_NAME
        meta["vectors"] = VECTORS_NAME
        if cfg.neural_context:
            meta["context_window"] = cfg.neural_context
            meta["context_bigrams"] = cfg.neural_context_bigrams
    else:
        (out_dir / NEURAL_NAME).unlink(missing_ok=True)
    if out_dir.resolve() != MODELS_DIR.resolve():
        for key in ("clusters", "gazetteer", "embeddings", "vectors"):
            if key in meta:
                name = str(meta[key])
                (out_dir / name).write_bytes((MODELS_DIR / name).read_bytes())
    (out_dir / meta_name).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    dev_f1 = None
    if dev_only or quick:
        tagger = NerTagger(model_path, resources, second_path, neural_path, vectors_path,
                           context_window=cfg.neural_context if cfg.neural else 0,
                           context_bigrams=cfg.neural_context_bigrams)
        dev_f1 = evaluate(tagger, dev_set)[0].prf()[2]
    return TrainReport(len(train_set), len(dev_set) if dev_only or quick else 0, dev_f1,
                       time.perf_counter() - t0, str(model_path))


def _train_neural(train_set: Sequence[Sentence], dev_set: Sequence[Sentence], featurizer: Featurizer,
                  model_path: Path, out_dir: Path, cfg: TrainConfig, quick: bool,
                  log: Callable[[str], None] | None) -> tuple[Path, Path]:
    """Jackknifed CRF marginals, then the BiLSTM-CRF over them; returns (weights, vectors) paths."""
    from rasd.training.ner_neural import NeuralConfig, export, train_neural

    vectors_path = MODELS_DIR / VECTORS_NAME
    if not vectors_path.is_file():
        raise UsageError(f"{vectors_path} is missing: build it with `python -m "
                         "rasd.training.build_ner_tables --vectors --skip-clusters --skip-gazetteer`")
    t0 = time.perf_counter()
    # the neural pass speaks the tagger's type names (PER, not the corpus's PERS)
    train_set = [Sentence(s.tokens, tuple(t)) for s, t in zip(train_set, _tags(train_set), strict=True)]
    dev_set = [Sentence(s.tokens, tuple(t)) for s, t in zip(dev_set, _tags(dev_set), strict=True)]
    marg_train = jackknife_marginals(train_set, featurizer, out_dir / "ner_fold.crfsuite.tmp", cfg)
    first = NerTagger(model_path, featurizer.res)
    marg_dev = [first.marginals(s.tokens) for s in dev_set]
    if log:
        log(f"jackknife marginals ({cfg.folds} folds) in {time.perf_counter() - t0:.0f}s")
    if cfg.neural_context:
        # sentences stay in corpus order, so a sentence's neighbours are those of its news story
        marg_train = with_context([s.tokens for s in train_set], marg_train, cfg.neural_context,
                                  bigrams=cfg.neural_context_bigrams)
        marg_dev = with_context([s.tokens for s in dev_set], marg_dev, cfg.neural_context,
                                bigrams=cfg.neural_context_bigrams)
    words, q, scale = load_vectors(vectors_path)
    ncfg = NeuralConfig(epochs=cfg.neural_epochs, average_from=cfg.neural_average_from,
                        extra_dim=marg_train[0].shape[1] if marg_train else len(TAGS))
    if quick:
        ncfg = replace(ncfg, epochs=8, average_from=6, hidden=16, attr_dim=8, filters=8, proj=16, lr=5e-3)
    result = train_neural(train_set, dev_set, featurizer, words, vector_table(q, scale), ncfg, log=log,
                          extra=(marg_train, marg_dev))
    neural_path = out_dir / NEURAL_NAME
    export(result.arrays, neural_path)
    return neural_path, vectors_path
