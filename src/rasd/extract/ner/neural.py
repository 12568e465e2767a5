"""Character-aware BiLSTM-CRF named-entity tagger, run with numpy only (trained by rasd.training).

Each token is read three ways: a pretrained news word vector (frozen, projected), a bag of the CRF
featurizer's sparse word attributes (normalized form, stem, affixes, clusters, name lists, cues), and
a character CNN over the normalized word. A bidirectional LSTM reads the sentence and a linear-chain
CRF layer decodes the tags (Viterbi). The weights live in one `.npz` and the int8 word vectors in
another; nothing here needs torch.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from rasd.errors import ModelError
from rasd.extract.ner.bio import to_bio
from rasd.extract.ner.decode import batch_viterbi, pad
from rasd.extract.ner.features import Featurizer, Resources, normalize_word, strip_proclitics

TAGS: tuple[str, ...] = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
PAD, UNK = 0, 1          # reserved ids in the word, attribute and character vocabularies
MAX_CHARS = 20           # characters of a word the CNN reads (plus the two boundary marks)
BOW, EOW = "\x02", "\x03"


def word_attributes(featurizer: Featurizer, tok: str) -> list[str]:
    """The sparse attributes of one word: the CRF featurizer's own-word attributes."""
    return featurizer._word(tok).own


def word_keys(tok: str) -> tuple[str, str]:
    """(normalized word, proclitic-free stem): the keys a word vector is looked up by, in order."""
    norm = normalize_word(tok)
    return norm, strip_proclitics(norm)[1]


def char_string(tok: str) -> str:
    return BOW + normalize_word(tok)[:MAX_CHARS] + EOW


def pack_strings(items: Sequence[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array, newline-separated (npz files hold no pickles)."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def unpack_strings(arr: np.ndarray) -> list[str]:
    return bytes(arr).decode("utf-8").split("\n") if arr.size else []


def save_vectors(path: Path, words: Sequence[str], q: np.ndarray, scale: np.ndarray) -> None:
    """Write a quantized word-vector table: words (one blob), int8 rows, one float scale per row."""
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, words=pack_strings(words), q=q, scale=scale)


def load_vectors(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(words, int8 rows, scales) of a table written by `save_vectors`."""
    try:
        with np.load(path, allow_pickle=False) as z:
            return unpack_strings(z["words"]), z["q"], z["scale"]
    except (OSError, ValueError, KeyError) as e:
        raise ModelError(f"cannot load NER word vectors {path}: {e}") from e


def vector_table(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Float rows for ids 0.. (0 padding, 1 unknown: zero vectors; then one row per word)."""
    table = np.zeros((q.shape[0] + 2, q.shape[1]), dtype=np.float32)
    table[2:] = q.astype(np.float32) * scale.astype(np.float32)[:, None]
    return table


@dataclass
class Vocabs:
    """String -> id maps (ids 0 and 1 are padding and unknown in each)."""

    words: dict[str, int]
    attrs: dict[str, int]
    chars: dict[str, int]

    @staticmethod
    def index(items: Sequence[str]) -> dict[str, int]:
        return {s: i + 2 for i, s in enumerate(items)}

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Attribute and character vocabularies (the words travel with the vectors)."""
        return {f"vocab_{name}": pack_strings(sorted(table, key=table.__getitem__))
                for name, table in (("attrs", self.attrs), ("chars", self.chars))}

    @classmethod
    def from_arrays(cls, words: Sequence[str], arrs: dict[str, np.ndarray]) -> Vocabs:
        return cls(cls.index(words), cls.index(unpack_strings(arrs["vocab_attrs"])),
                   cls.index(unpack_strings(arrs["vocab_chars"])))


@dataclass
class WordIds:
    """The inputs of one word: word-vector id, attribute ids, character ids."""

    word: int
    attrs: list[int]
    chars: list[int]


def encode_word(vocabs: Vocabs, featurizer: Featurizer, tok: str) -> WordIds:
    norm, stem = word_keys(tok)
    w = vocabs.words.get(norm) or vocabs.words.get(stem) or UNK
    attrs = [a for a in (vocabs.attrs.get(f) for f in word_attributes(featurizer, tok)) if a]
    chars = [vocabs.chars.get(c, UNK) for c in char_string(tok)]
    return WordIds(w, attrs, chars)


def _ifog(a: np.ndarray) -> np.ndarray:
    """Reorder LSTM gate rows from torch's (i, f, g, o) to (i, f, o, g), the rows of the three
    sigmoid gates halved: sigmoid(x) = (tanh(x / 2) + 1) / 2, so one tanh serves all four gates."""
    i, f, g, o = np.split(a, 4, axis=0)
    return np.concatenate([0.5 * i, 0.5 * f, 0.5 * o, g], axis=0)


class NeuralTagger:
    """The numpy forward pass of a trained BiLSTM-CRF; per-word inputs are cached by surface form."""

    def __init__(self, path: str | Path, vectors_path: str | Path, resources: Resources | None = None,
                 *, featurizer: Featurizer | None = None, cache_size: int = 40_000) -> None:
        self.path = Path(path)
        try:
            with np.load(self.path, allow_pickle=False) as z:
                arrs = {k: z[k] for k in z.files}
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot load NER model {self.path}: {e}") from e
        words, q, scale = load_vectors(Path(vectors_path))
        self.vocabs = Vocabs.from_arrays(words, arrs)
        self.featurizer = featurizer or Featurizer(resources)
        f32 = np.float32
        # the projection of the frozen word vectors is folded in once, at load time
        proj_w, proj_b = arrs["word_proj_w"].astype(f32), arrs["word_proj_b"].astype(f32)
        self.word_in = vector_table(q, scale) @ proj_w.T + proj_b
        self.attr_emb = arrs["attr_emb"].astype(f32)
        self.char_emb = arrs["char_emb"].astype(f32)
        self.conv_w = arrs["conv_w"].astype(f32)        # (filters, char_dim, width)
        self.conv_b = arrs["conv_b"].astype(f32)
        self.lstm: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = [
            (_ifog(arrs[f"w_ih_{d}"].astype(f32)), _ifog(arrs[f"w_hh_{d}"].astype(f32)),
             _ifog((arrs[f"b_ih_{d}"] + arrs[f"b_hh_{d}"]).astype(f32))) for d in ("f", "b")]
        self._w_hh = np.stack([w_hh.T for _, w_hh, _ in self.lstm])  # (2, H, 4H)
        self.out_w = arrs["out_w"].astype(f32)
        self.out_b = arrs["out_b"].astype(f32)
        self.trans = arrs["trans"].astype(f32)
        self.start = arrs["start"].astype(f32)
        self.end = arrs["end"].astype(f32)
        self.tags = tuple(unpack_strings(arrs["tags"]))
        self._cache: dict[str, np.ndarray] = {}
        self._cache_size = cache_size
        # The matrices are small: a multi-threaded BLAS only spins (and crawls when the other cores
        # are busy), so the forward pass runs with one BLAS thread.
        self._blas = ThreadpoolController()

    def _char_features(self, chars: np.ndarray) -> np.ndarray:
        """Max-pooled CNN features of padded character ids (m, L) -> (m, filters)."""
        w = self.conv_w.shape[2]
        L = chars.shape[1]
        pad = w // 2
        x = np.pad(self.char_emb[chars], ((0, 0), (pad, pad), (0, 0)))       # (m, L + 2 pad, c)
        windows = np.stack([x[:, i:i + L] for i in range(w)], axis=3)       # (m, L, c, w)
        out = np.tensordot(windows, self.conv_w, axes=([2, 3], [1, 2])) + self.conv_b  # (m, L, f)
        out = np.maximum(out, 0.0) * (chars != PAD)[:, :, None]
        return out.max(axis=1)

    def clear_cache(self) -> None:
        self._cache.clear()
        self.featurizer._cache.clear()

    def _fill(self, tokens: Sequence[str]) -> None:
        """Compute and cache the LSTM inputs of the words not cached yet, all in one batch."""
        new = [t for t in dict.fromkeys(tokens) if t not in self._cache]
        if not new:
            return
        if len(self._cache) + len(new) > self._cache_size:
            self._cache.clear()
        ids = [encode_word(self.vocabs, self.featurizer, t) for t in new]
        chars = np.zeros((len(ids), max(len(i.chars) for i in ids)), dtype=np.int64)
        attrs = np.zeros((len(ids), self.attr_emb.shape[1]), dtype=np.float32)
        for k, i in enumerate(ids):
            chars[k, :len(i.chars)] = i.chars
            if i.attrs:
                attrs[k] = self.attr_emb[i.attrs].sum(axis=0)
        words = self.word_in[[i.word for i in ids]]
        vecs = np.concatenate([words, attrs, self._char_features(chars)], axis=1)
        for t, v in zip(new, vecs, strict=True):
            self._cache[t] = v

    def _bilstm(self, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Both LSTM directions over a left-aligned padded batch x (B, T, I) in one loop: (B, T, 2H).

        The backward direction reads the batch reversed in time; padding then comes first, so its
        state is zeroed there and each sentence starts from a zero state. Forwards, padding comes
        after a sentence and its outputs are never read.
        """
        (wf, _, bf), (wb, _, bb) = self.lstm
        B, T, _ = x.shape
        H = self._w_hh.shape[1]
        pre = np.stack([x @ wf.T + bf, (x @ wb.T + bb)[:, ::-1]])      # (2, B, T, 4H)
        m = np.ones((2, B, T, 1), dtype=np.float32)
        m[1] = mask[:, ::-1, None]
        h = np.zeros((2, B, H), dtype=np.float32)
        c = np.zeros((2, B, H), dtype=np.float32)
        out = np.empty((2, B, T, H), dtype=np.float32)
        for t in range(T):
            g = np.tanh(np.matmul(h, self._w_hh) + pre[:, :, t])
            sig = g[:, :, :3 * H] * 0.5 + 0.5
            c = sig[:, :, H:2 * H] * c + sig[:, :, :H] * g[:, :, 3 * H:]
            c *= m[:, :, t]
            h = sig[:, :, 2 * H:] * np.tanh(c)
            out[:, :, t] = h
        return np.concatenate([out[0], out[1][:, ::-1]], axis=2)

    @property
    def extra_dim(self) -> int:
        """Width of the per-token inputs the caller supplies (first-pass marginals), 0 if none."""
        return int(self.lstm[0][0].shape[1]) - self._word_dim

    @property
    def _word_dim(self) -> int:
        return int(self.word_in.shape[1] + self.attr_emb.shape[1] + self.conv_w.shape[0])

    def emissions(self, sentences: Sequence[Sequence[str]],
                  extra: Sequence[np.ndarray] | None = None) -> list[np.ndarray]:
        """Tag scores (n, tags) for each non-empty sentence, the sentences run as one batch."""
        lens = [len(s) for s in sentences]
        B, T = len(sentences), max(lens)
        wd = self._word_dim
        x = np.zeros((B, T, wd + self.extra_dim), dtype=np.float32)
        mask = np.zeros((B, T), dtype=bool)
        self._fill([tok for s in sentences for tok in s])
        cache = self._cache
        for i, s in enumerate(sentences):
            x[i, :len(s), :wd] = [cache[tok] for tok in s]
            if extra is not None:
                x[i, :len(s), wd:] = extra[i]
            mask[i, :len(s)] = True
        scores = self._bilstm(x, mask) @ self.out_w.T + self.out_b
        return [scores[i, :n] for i, n in enumerate(lens)]

    def tag_sentences(self, sentences: Sequence[Sequence[str]], extra: Sequence[np.ndarray] | None = None,
                      batch: int = 64) -> list[list[str]]:
        """BIO tags for each sentence (empty sentences give empty lists); `extra` holds the per-token
        inputs of each sentence when the model takes them."""
        if self.extra_dim and extra is None:
            raise ModelError(f"NER model {self.path} needs first-pass marginals for each sentence")
        with self._blas.limit(limits=1, user_api="blas"):
            return self._tag(sentences, extra, batch)

    def _tag(self, sentences: Sequence[Sequence[str]], extra: Sequence[np.ndarray] | None,
             batch: int) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            more = [extra[i] for i in idx] if extra is not None and self.extra_dim else None
            em, lens = pad(self.emissions([sentences[i] for i in idx], more))
            for i, path in zip(idx, batch_viterbi(em, lens, self.trans, self.start, self.end), strict=True):
                out[i] = to_bio([self.tags[t] for t in path])
        return out
