"""The shipped CRF named-entity tagger: ANERcorp-style tokenization and BIO tags PER/LOC/ORG/MISC."""
from __future__ import annotations

import gzip
import json
import re
import threading
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from rasd.errors import ModelError
from rasd.extract.ner.fastcrf import FastCRF
from rasd.extract.ner.features import Featurizer, Resources, document_features

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
META_NAME = "ner.json"
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

# ANERcorp calls persons PERS; the tagger speaks PER.
CORPUS_TO_TAGGER = {"PERS": "PER"}
TAGGER_TO_CORPUS = {v: k for k, v in CORPUS_TO_TAGGER.items()}


def ner_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Tokens of `text[start:end]` as `(token, start, end)` with offsets into `text`."""
    stop = len(text) if end is None else end
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, stop)]


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
    """A CRF model plus the feature tables it was trained with."""

    _default: NerTagger | None = None
    _lock = threading.Lock()

    def __init__(self, model_path: str | Path, resources: Resources | None = None,
                 second_path: str | Path | None = None) -> None:
        self.model_path = Path(model_path)
        self._tagger = self._open(self.model_path)
        self._second = self._open(Path(second_path)) if second_path else None
        self.featurizer = Featurizer(resources)
        self._fast: FastCRF | None = None

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
    def load(cls, model_dir: str | Path = MODELS_DIR) -> NerTagger:
        """Load the model described by `ner.json` in `model_dir`."""
        d = Path(model_dir)
        try:
            meta = json.loads((d / META_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot read NER model metadata {d / META_NAME}: {e}") from e
        second = d / meta["second"] if meta.get("second") else None
        return cls(d / meta["model"], load_resources(d, meta), second)

    @classmethod
    def default(cls) -> NerTagger:
        """The shipped tagger, loaded once per process."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls.load(MODELS_DIR)
            return cls._default

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (`B-PER`, `I-LOC`, `O`, ...) for one sentence of tokens."""
        return self.tag_sentences([tokens])[0]

    def first_pass(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags of the first-pass model alone (no document features)."""
        return [list(self._tagger.tag(self.featurizer.sentence(s))) if s else [] for s in sentences]

    def sequence_probability(self, tags: Sequence[str]) -> float:
        """Probability of `tags` for the sentence the first pass tagged last."""
        return float(self._tagger.probability(list(tags)))

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for each sentence; consecutive sentences inform each other in the second pass."""
        if self._second is None:
            if self._fast is None:
                self._fast = FastCRF(self._tagger, self.featurizer)
            return [self._fast.tag(s) for s in sentences]
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
