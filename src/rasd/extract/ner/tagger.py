"""The shipped CRF named-entity tagger: ANERcorp-style tokenization and BIO tags PER/LOC/ORG/MISC."""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pycrfsuite

from rasd import resources
from rasd.errors import ModelError, UsageError
from rasd.extract.ner.bio import spans
from rasd.extract.ner.context import CONTEXT_DIM, with_context
from rasd.extract.ner.decode import batch_marginals, batch_viterbi, pad
from rasd.extract.ner.fastcrf import FastCRF
from rasd.extract.ner.features import Featurizer, Resources, document_features
from rasd.extract.ner.neural import TAGS, NeuralTagger

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
META_NAME = "ner.json"
FAST_META_NAME = "ner_fast.json"
# The shipped taggers by mode: the two-pass model (`rasd train ner`) and the CRF-only one
# (`rasd train ner --crf-only`), which is about three times faster over a whole article.
SHIPPED = {"fast": FAST_META_NAME, "accurate": META_NAME}
# The second pass sees first-pass tags of runs of this many consecutive sentences as one document
# (ANERcorp marks no document boundaries; training uses the same runs).
DOC_SENTENCES = 20

# Numbers keep their decimal point and percent sign; words keep diacritics and tatweel; every other
# non-space character is a token of its own, as in ANERcorp.
_TOKEN_RE = re.compile(
    r"\d+(?:[.,\u066b\u066c]\d+)*%?"
    r"|[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+"
    r"|[^\w\s]"
)

# Words whose featurizer attributes stay cached (enough for the new words of a long article).
RECENT_WORDS = 8192
# Sentences tagged as one chunk by the neural pass (their new words stay in that cache meanwhile).
RECENT_SENTENCES = 64
# Consecutive sentences the two-pass tagger takes at a time (their words stay cached between passes).
SEGMENT_SENTENCES = 512

# A CRF entity the neural pass leaves untagged is kept when the CRF gives each of its tokens at least
# this probability (dev split: 0.7669 -> 0.7682 F1 at 0.7; 0.5 gave 0.7680, 0.9 0.7663).
CRF_FILL = 0.7
TAG_INDEX = {t: i for i, t in enumerate(TAGS)}

# ANERcorp calls persons PERS; the tagger speaks PER.
CORPUS_TO_TAGGER = {"PERS": "PER"}
TAGGER_TO_CORPUS = {v: k for k, v in CORPUS_TO_TAGGER.items()}


def ner_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Tokens of `text[start:end]` as `(token, start, end)` with offsets into `text`."""
    stop = len(text) if end is None else end
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, stop)]


def fill_from_crf(tags: Sequence[str], crf_tags: Sequence[str], marginals: np.ndarray,
                  threshold: float = CRF_FILL) -> list[str]:
    """`tags` plus each CRF entity span over which `tags` say nothing (all O, not continued after
    it) and whose every token the CRF gives at least `threshold` probability."""
    out = list(tags)
    for i, j, _ in spans(crf_tags):
        if any(t != "O" for t in out[i:j]) or (j < len(out) and out[j].startswith("I-")):
            continue
        if min(float(marginals[k, TAG_INDEX[crf_tags[k]]]) for k in range(i, j)) >= threshold:
            out[i:j] = crf_tags[i:j]
    return out


def map_tag(tag: str, table: dict[str, str]) -> str:
    """Rename the entity type of one BIO tag with `table` (types not in it stay as they are)."""
    if tag == "O" or "-" not in tag:
        return tag
    prefix, _, etype = tag.partition("-")
    return f"{prefix}-{table.get(etype, etype)}"


def read_table(path: Path) -> dict[str, str]:
    """Read a two-column `key<TAB>value` table, plain or gzipped."""
    opener = gzip.open if path.suffix == ".gz" else open
    table: dict[str, str] = {}
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition("\t")
                if key and value:
                    table[key] = value
    except OSError as e:
        raise ModelError(f"cannot read NER table {path}: {e}") from e
    return table


def load_resources(model_dir: Path, meta: dict[str, str]) -> Resources:
    """The cluster and name tables a model was trained with, as named in its metadata."""
    res = Resources()
    if meta.get("clusters"):
        res.clusters = read_table(model_dir / meta["clusters"])
    if meta.get("gazetteer"):
        res.gazetteer = read_table(model_dir / meta["gazetteer"])
    if meta.get("votes"):
        res.votes = read_table(model_dir / meta["votes"])
    if meta.get("embeddings"):
        res.embeddings = read_table(model_dir / meta["embeddings"])
    return res


class NerTagger:
    """A CRF model plus the feature tables it was trained with, and optionally the BiLSTM-CRF that
    reads the CRF's per-token marginals and makes the final tags."""

    def __init__(self, model_path: str | Path, resources: Resources | None = None,
                 second_path: str | Path | None = None, neural_path: str | Path | None = None,
                 vectors_path: str | Path | None = None, *, context_window: int = 0,
                 context_bigrams: bool = False) -> None:
        self.model_path = Path(model_path)
        self._tagger = self._open(self.model_path)
        self._second = self._open(Path(second_path)) if second_path else None
        # A small cache: it only spares the second reader of a new word (CRF vectors, then the neural
        # inputs) from featurizing it again; the readers keep their own caches of what they derive.
        self.featurizer = Featurizer(resources, cache_size=RECENT_WORDS)
        self._fast: FastCRF | None = None
        self._perm: list[int] | None = None
        self.neural = None
        if neural_path:
            if not vectors_path:
                raise ModelError(f"NER model {neural_path} comes without its word vectors")
            self.neural = NeuralTagger(neural_path, vectors_path, featurizer=self.featurizer)
            want = len(TAGS) + (CONTEXT_DIM * (3 if context_bigrams else 1) if context_window else 0)
            if self.neural.extra_dim != want:
                raise ModelError(f"NER model {neural_path} reads {self.neural.extra_dim} inputs per token "
                                 f"beside the word, its metadata gives {want}")
        # sentences before and after each one whose first-pass reading of a recurring word the
        # neural pass sees (rasd.extract.ner.context); 0: none
        self.context_window = context_window
        self.context_bigrams = context_bigrams

    @staticmethod
    def _open(path: Path) -> pycrfsuite.Tagger:
        if not path.is_file():
            raise ModelError(f"NER model not found: {path} (build it with `rasd train ner`)")
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(path))
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot load NER model {path}: {e}") from e
        return tagger

    @classmethod
    def load(cls, model_dir: str | Path = MODELS_DIR, meta_name: str = META_NAME) -> NerTagger:
        """Load the model described by `meta_name` (default `ner.json`) in `model_dir`."""
        d = Path(model_dir)
        try:
            meta = json.loads((d / meta_name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot read NER model metadata {d / meta_name}: {e}") from e
        second = d / meta["second"] if meta.get("second") else None
        neural = d / meta["neural"] if meta.get("neural") else None
        vectors = d / meta["vectors"] if meta.get("vectors") else None
        return cls(d / meta["model"], load_resources(d, meta), second, neural, vectors,
                   context_window=int(meta.get("context_window", 0)),
                   context_bigrams=bool(meta.get("context_bigrams", False)))

    @classmethod
    def default(cls, mode: str = "fast") -> NerTagger:
        """A shipped tagger, loaded once per process: "fast" (the CRF alone, what `rasd extract`
        uses unless told otherwise) or "accurate" (the CRF and the BiLSTM-CRF over it)."""
        if mode not in SHIPPED:
            raise UsageError(f"unknown NER mode {mode!r} (known: {', '.join(SHIPPED)})")
        return resources.load(f"models/{SHIPPED[mode]}", lambda p: cls.load(p.parent, p.name))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (`B-PER`, `I-LOC`, `O`, ...) for one sentence of tokens."""
        return self.tag_sentences([tokens])[0]

    def first_pass(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags of the first-pass model alone (no document features)."""
        return [list(self._tagger.tag(self.featurizer.sentence(s))) if s else [] for s in sentences]

    def sequence_probability(self, tags: Sequence[str]) -> float:
        """Probability of `tags` for the sentence the first pass tagged last."""
        return float(self._tagger.probability(list(tags)))

    def clear_caches(self) -> None:
        """Forget every per-word cache (features, CRF emissions, neural inputs), as in a new process."""
        self.featurizer._cache.clear()
        if self._fast is not None:
            self._fast.clear()
        if self.neural is not None:
            self.neural.clear_cache()

    def _fast_crf(self) -> FastCRF:
        if self._fast is None:
            self._fast = FastCRF(self._tagger, self.featurizer)
        return self._fast

    def _tag_order(self) -> list[int]:
        """For each tag of `TAGS`, its index among the CRF's labels (-1: the CRF lacks it)."""
        if self._perm is None:
            labels = self._fast_crf().labels
            self._perm = [labels.index(t) if t in labels else -1 for t in TAGS]
        return self._perm

    def _crf_emissions(self, tokens: Sequence[str]) -> np.ndarray:
        """First-pass emission scores of a non-empty sentence in `TAGS` order (-1e9: tag unknown)."""
        perm = self._tag_order()
        out = self._fast_crf().emissions(tokens)[:, perm]
        out[:, [k for k, p in enumerate(perm) if p < 0]] = -1e9
        return out

    def _crf_trans(self) -> np.ndarray:
        perm = [max(p, 0) for p in self._tag_order()]
        return self._fast_crf().trans[np.ix_(perm, perm)]

    def marginals(self, tokens: Sequence[str]) -> np.ndarray:
        """First-pass CRF posterior of each tag in `TAGS` order at each token, an (n, 9) array."""
        if not tokens:
            return np.zeros((0, len(TAGS)), dtype=np.float32)
        em, lens = pad([self._crf_emissions(tokens)])
        return batch_marginals(em, lens, self._crf_trans())[0].astype(np.float32)

    def _crf_pass(self, sentences: Sequence[Sequence[str]]) -> tuple[list[np.ndarray], list[list[str]]]:
        """CRF marginals and Viterbi tags of each sentence, run in chunks of similar length."""
        margs = [np.zeros((0, len(TAGS)), dtype=np.float32) for _ in sentences]
        paths: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        trans = self._crf_trans()
        for k in range(0, len(order), RECENT_SENTENCES):
            idx = order[k:k + RECENT_SENTENCES]
            em, lens = pad([self._crf_emissions(sentences[i]) for i in idx])
            post = batch_marginals(em, lens, trans)
            for b, (i, path) in enumerate(zip(idx, batch_viterbi(em, lens, trans), strict=True)):
                margs[i] = post[b, :lens[b]].astype(np.float32)
                paths[i] = [TAGS[j] for j in path]
        return margs, paths

    def _two_pass(self, sentences: Sequence[Sequence[str]], a: int, b: int) -> list[list[str]]:
        """Tags of sentences[a:b]: the CRF's marginals (and, with a context window, the document
        context around each sentence) feed the BiLSTM-CRF; sure CRF entities it misses are kept."""
        assert self.neural is not None
        w = self.context_window
        lo, hi = max(0, a - w), min(len(sentences), b + w)
        margs, crf_tags = self._crf_pass(sentences[lo:hi])
        extra = with_context(sentences[lo:hi], margs, w, bigrams=self.context_bigrams) if w else margs
        part = sentences[a:b]
        out: list[list[str]] = [[] for _ in part]
        # chunks of sentences of similar length (little padding); a chunk's words stay cached
        order = sorted((i for i, s in enumerate(part) if s), key=lambda i: len(part[i]))
        for k in range(0, len(order), RECENT_SENTENCES):
            idx = order[k:k + RECENT_SENTENCES]
            new = self.neural.tag_sentences([part[i] for i in idx], [extra[a - lo + i] for i in idx])
            for i, t in zip(idx, new, strict=True):
                j = a - lo + i
                out[i] = fill_from_crf(t, crf_tags[j], margs[j])
        return out

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for each sentence: the BiLSTM-CRF over the CRF's marginals when the model has one
        (pass an article's sentences in order: with a context window each one sees how the others
        read the words it shares with them); otherwise the CRF (consecutive sentences inform each
        other in a second pass, if any)."""
        if self.neural is not None:
            tags: list[list[str]] = []
            for a in range(0, len(sentences), SEGMENT_SENTENCES):
                tags.extend(self._two_pass(sentences, a, min(len(sentences), a + SEGMENT_SENTENCES)))
            return tags
        if self._second is None:
            return self._fast_crf().tag_many(sentences)
        out: list[list[str]] = []
        for k in range(0, len(sentences), DOC_SENTENCES):
            doc = sentences[k:k + DOC_SENTENCES]
            first = self.first_pass(doc)
            extra = document_features(self.featurizer, doc, first)
            for s, more in zip(doc, extra, strict=True):
                if not s:
                    out.append([])
                    continue
                feats = [a + b for a, b in zip(self.featurizer.sentence(s), more, strict=True)]
                out.append(list(self._second.tag(feats)))
        return out
