"""Train the BiLSTM-CRF NER tagger with PyTorch (CPU) and export it for the numpy runner.

Inputs per token (see rasd.extract.ner.neural): frozen PPMI-SVD word vectors from the unlabeled news
(int8-quantized before training so the exported table gives the same numbers), a summed bag of the CRF
featurizer's own-word attributes, and a character CNN. Training: Adam, gradient clipping, dropout,
the CRF negative log-likelihood; the epoch kept is the one with the best dev F1.
"""
from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasd.errors import UsageError
from rasd.eval.conll import Sentence, score
from rasd.extract.ner.bio import to_bio, to_bioes
from rasd.extract.ner.decode import batch_viterbi
from rasd.extract.ner.features import Featurizer
from rasd.extract.ner.neural import (
    PAD,
    TAGS,
    Vocabs,
    char_string,
    encode_word,
    pack_strings,
    word_attributes,
)

# Attributes that name the word itself: a word unseen in training has none of them in the vocabulary.
IDENTITY_ATTRS = ("w=", "raw=", "st=")

# Tag sets the CRF layer can decode (BIOES: B- starts, I- continues, E- ends a longer entity; S- is
# an entity of one token); the tagger reads both back as BIO.
BIOES_TAGS: tuple[str, ...] = ("O", *(f"{p}-{t}" for t in ("PER", "LOC", "ORG", "MISC") for p in "BIES"))
SCHEMES: dict[str, tuple[str, ...]] = {"bio": TAGS, "bioes": BIOES_TAGS}


@dataclass(frozen=True)
class NeuralConfig:
    """Sizes and training settings; chosen on the dev split (last 10% of train.txt)."""

    proj: int = 100
    attr_dim: int = 64
    char_dim: int = 24
    filters: int = 50
    width: int = 3
    hidden: int = 128
    dropout: float = 0.5
    attr_min_count: int = 2
    epochs: int = 30
    batch: int = 16
    lr: float = 1e-3
    clip: float = 5.0
    seed: int = 13
    patience: int = 8
    unseen_rate: float = 0.0  # share of word types shown without their identity attributes per batch
    average_from: int = 0  # from this epoch on, keep the running mean of the weights and ship it (0: off)
    decay: bool = False  # learning rate falls linearly to 5% over the epochs; the last epoch is kept
    extra_dim: int = 0   # per-token dense inputs beside the word (first-pass CRF marginals: 9)
    scheme: str = "bio"  # the tags the network's CRF layer decodes: "bio" or "bioes" (read back as BIO)


def build_vocabs(train: Sequence[Sentence], featurizer: Featurizer, words: Sequence[str],
                 cfg: NeuralConfig) -> Vocabs:
    """Word vocabulary = the pretrained table's; attributes seen >= min_count times; train characters."""
    attrs: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for s in train:
        for tok in s.tokens:
            attrs.update(word_attributes(featurizer, tok))
            chars.update(char_string(tok))
    keep = sorted(a for a, c in attrs.items() if c >= cfg.attr_min_count)
    return Vocabs(Vocabs.index(list(words)), Vocabs.index(keep), Vocabs.index(sorted(chars)))


class _Types:
    """Distinct surface forms with their padded input ids (rows of three int tensors)."""

    def __init__(self, vocabs: Vocabs, featurizer: Featurizer) -> None:
        self.vocabs = vocabs
        self.featurizer = featurizer
        self.index: dict[str, int] = {}
        self.rows: list[tuple[int, list[int], list[int]]] = []

    def id(self, tok: str) -> int:
        i = self.index.get(tok)
        if i is None:
            w = encode_word(self.vocabs, self.featurizer, tok)
            i = self.index[tok] = len(self.rows)
            self.rows.append((w.word, w.attrs, w.chars))
        return i

    def tensors(self, drop: frozenset[int] = frozenset()):  # type: ignore[no-untyped-def]
        """Word ids, padded attribute ids, padded character ids; with `drop`, the attribute rows
        leave those ids out (a word as the tagger sees it when it never met the word in training)."""
        import torch

        n = len(self.rows)
        a_len = max(1, max(len(r[1]) for r in self.rows))
        c_len = max(len(r[2]) for r in self.rows)
        words = torch.tensor([r[0] for r in self.rows], dtype=torch.long)
        attrs = torch.full((n, a_len), PAD, dtype=torch.long)
        chars = torch.full((n, c_len), PAD, dtype=torch.long)
        for i, (_, a, c) in enumerate(self.rows):
            kept = [x for x in a if x not in drop]
            if kept:
                attrs[i, :len(kept)] = torch.tensor(kept)
            chars[i, :len(c)] = torch.tensor(c)
        return words, attrs, chars


def _model(vectors: np.ndarray, vocabs: Vocabs, cfg: NeuralConfig, n_tags: int):  # type: ignore[no-untyped-def]
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.vectors = nn.Embedding.from_pretrained(torch.from_numpy(vectors), freeze=True)
            self.proj = nn.Linear(vectors.shape[1], cfg.proj)
            self.attr = nn.EmbeddingBag(len(vocabs.attrs) + 2, cfg.attr_dim, mode="sum", padding_idx=PAD)
            self.char = nn.Embedding(len(vocabs.chars) + 2, cfg.char_dim, padding_idx=PAD)
            self.conv = nn.Conv1d(cfg.char_dim, cfg.filters, cfg.width, padding=cfg.width // 2)
            width = cfg.proj + cfg.attr_dim + cfg.filters + cfg.extra_dim
            self.lstm = nn.LSTM(width, cfg.hidden, batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(cfg.dropout)
            self.out = nn.Linear(2 * cfg.hidden, n_tags)
            self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
            self.start = nn.Parameter(torch.zeros(n_tags))
            self.end = nn.Parameter(torch.zeros(n_tags))

        def type_reps(self, words, attrs, chars):  # type: ignore[no-untyped-def]
            w = self.proj(self.vectors(words))
            a = self.attr(attrs)
            c = self.char(chars).transpose(1, 2)                 # (n, char_dim, L)
            h = torch.relu(self.conv(c)) * (chars != PAD).unsqueeze(1)
            return torch.cat([w, a, h.max(dim=2).values], dim=1)

        def emissions(self, reps, ids, mask, extra=None):  # type: ignore[no-untyped-def]
            x = self.drop(reps[ids])                              # (B, T, in)
            if extra is not None:
                x = torch.cat([x, extra], dim=2)
            lengths = mask.sum(dim=1)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True,
                                                       enforce_sorted=False)
            out, _ = self.lstm(packed)
            out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
            return self.out(self.drop(out))

        def nll(self, em, tags, mask):  # type: ignore[no-untyped-def]
            B, T, K = em.shape
            maskf = mask.float()
            gold = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
            for t in range(1, T):
                emit = em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
                step = self.trans[tags[:, t - 1], tags[:, t]] + emit
                gold = gold + step * maskf[:, t]
            last = tags.gather(1, (mask.sum(dim=1) - 1).unsqueeze(1)).squeeze(1)
            gold = gold + self.end[last]
            alpha = self.start + em[:, 0]
            for t in range(1, T):
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), dim=1)
                alpha = torch.where(mask[:, t:t + 1], nxt, alpha)
            logz = torch.logsumexp(alpha + self.end, dim=1)
            return (logz - gold).sum()

    return Net()


@dataclass
class NeuralResult:
    """The trained model's arrays (for `export`), its dev F1 and the epoch it came from."""

    arrays: dict[str, np.ndarray]
    dev_f1: float
    epoch: int
    seconds: float


def train_neural(train: Sequence[Sentence], dev: Sequence[Sentence], featurizer: Featurizer,
                 words: Sequence[str], table: np.ndarray, cfg: NeuralConfig | None = None,
                 log: Callable[[str], None] | None = None,
                 extra: tuple[Sequence[np.ndarray], Sequence[np.ndarray]] | None = None) -> NeuralResult:
    """Fit on `train` (tags already in tagger names: PER, LOC, ORG, MISC), keep the best dev epoch."""
    import torch

    c = cfg or NeuralConfig()
    t0 = time.perf_counter()
    # the matrices are small: more intra-op threads only spin, and crawl when the cores are busy
    torch.set_num_threads(1)
    random.seed(c.seed)
    np.random.seed(c.seed)
    torch.manual_seed(c.seed)
    vocabs = build_vocabs(train, featurizer, words, c)
    types = _Types(vocabs, featurizer)
    if c.scheme not in SCHEMES:
        raise UsageError(f"unknown tag scheme {c.scheme!r} (known: {', '.join(SCHEMES)})")
    tagset = SCHEMES[c.scheme]
    recode = to_bioes if c.scheme == "bioes" else list
    tag_id = {t: i for i, t in enumerate(tagset)}

    unknown = {g for s in [*train, *dev] for g in s.tags} - set(TAGS)
    if unknown:
        raise UsageError(f"tags the neural tagger does not know: {', '.join(sorted(unknown))} "
                         "(map corpus types to PER/LOC/ORG/MISC first)")

    def encode(sents: Sequence[Sentence], more: Sequence[np.ndarray] | None):  # type: ignore[no-untyped-def]
        return [([types.id(t) for t in s.tokens], [tag_id[g] for g in recode(s.tags)],
                 more[i] if more is not None else None) for i, s in enumerate(sents)]

    tr = encode(train, extra[0] if extra else None)
    dv = encode(dev, extra[1] if extra else None)
    words_t, attrs_t, chars_t = types.tensors()
    identity = frozenset(i for a, i in vocabs.attrs.items() if a.startswith(IDENTITY_ATTRS))
    attrs_unseen = types.tensors(identity)[1] if c.unseen_rate else attrs_t
    net = _model(table, vocabs, c, len(tagset))
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=c.lr)
    sched = None
    if c.decay:
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda e: 1.0 - 0.95 * min(e, c.epochs) / c.epochs)

    def batch_tensors(items):  # type: ignore[no-untyped-def]
        T = max(len(x[0]) for x in items)
        ids = torch.zeros((len(items), T), dtype=torch.long)
        tags = torch.zeros((len(items), T), dtype=torch.long)
        for i, (x, y, _) in enumerate(items):
            ids[i, :len(x)] = torch.tensor(x)
            tags[i, :len(y)] = torch.tensor(y)
        mask = torch.arange(T).unsqueeze(0) < torch.tensor([len(x[0]) for x in items]).unsqueeze(1)
        uniq, inv = torch.unique(ids, return_inverse=True)
        more = None
        if items[0][2] is not None:
            more = torch.zeros((len(items), T, items[0][2].shape[1]))
            for i, x in enumerate(items):
                more[i, :len(x[0])] = torch.from_numpy(x[2])
        return uniq, inv, tags, mask, more

    def predict(items) -> list[list[str]]:  # type: ignore[no-untyped-def]
        net.eval()
        out: list[list[str]] = []
        trans, start, end = (p.detach().numpy() for p in (net.trans, net.start, net.end))
        with torch.no_grad():
            for k in range(0, len(items), 64):
                chunk = items[k:k + 64]
                uniq, inv, _, mask, more = batch_tensors(chunk)
                reps = net.type_reps(words_t[uniq], attrs_t[uniq], chars_t[uniq])
                em = net.emissions(reps, inv, mask, more).numpy()
                lens = np.array([len(x) for x, _, _ in chunk])
                out.extend(to_bio([tagset[j] for j in path])
                           for path in batch_viterbi(em, lens, trans, start, end))
        return out

    best_f1, best_epoch, best_state, stale = -1.0, 0, None, 0
    mean_state: dict | None = None  # type: ignore[type-arg]
    n_mean = 0
    order = list(range(len(tr)))
    for epoch in range(1, c.epochs + 1):
        net.train()
        random.shuffle(order)
        total = 0.0
        for k in range(0, len(order), c.batch):
            chunk = [tr[i] for i in order[k:k + c.batch]]
            uniq, inv, tags, mask, more = batch_tensors(chunk)
            attrs = attrs_t[uniq]
            if c.unseen_rate:
                hide = torch.rand(len(uniq)) < c.unseen_rate
                attrs = torch.where(hide.unsqueeze(1), attrs_unseen[uniq], attrs)
            reps = net.type_reps(words_t[uniq], attrs, chars_t[uniq])
            loss = net.nll(net.emissions(reps, inv, mask, more), tags, mask)
            opt.zero_grad()
            (loss / len(chunk)).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), c.clip)
            opt.step()
            total += float(loss.detach())
        if sched is not None:
            sched.step()
        if c.average_from and epoch >= c.average_from:
            n_mean += 1
            now = {k: v.detach().clone().float() for k, v in net.state_dict().items()}
            if mean_state is None:
                mean_state = now
            else:
                for k, v in now.items():
                    mean_state[k] += (v - mean_state[k]) / n_mean
            if epoch < c.epochs:
                if dev and log and epoch % 5 == 0:
                    live = {k: v.detach().clone() for k, v in net.state_dict().items()}
                    net.load_state_dict(mean_state)
                    f1 = score((s.tags for s in dev), predict(dv)).prf()[2]
                    net.load_state_dict(live)
                    log(f"epoch {epoch}: mean of epochs {c.average_from}..{epoch}: dev F1 {f1:.4f}")
                continue
            net.load_state_dict(mean_state)
        f1 = score((s.tags for s in dev), predict(dv)).prf()[2] if dev else 0.0
        if log:
            on_dev = f" dev F1 {f1:.4f}" if dev else ""
            took = time.perf_counter() - t0
            log(f"epoch {epoch}: loss {total / max(1, len(tr)):.3f}{on_dev} ({took:.0f}s)")
        if f1 > best_f1 or not dev or c.decay or c.average_from:
            best_f1, best_epoch, stale = f1, epoch, 0
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        else:
            stale += 1
            if stale >= c.patience and not c.decay and not c.average_from:
                break
    assert best_state is not None
    net.load_state_dict(best_state)
    arrays = _export(net, vocabs, tagset)
    return NeuralResult(arrays, best_f1, best_epoch, time.perf_counter() - t0)


def _export(net, vocabs: Vocabs, tagset: Sequence[str]) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    arrs: dict[str, np.ndarray] = {
        "word_proj_w": sd["proj.weight"], "word_proj_b": sd["proj.bias"],
        "attr_emb": sd["attr.weight"].astype(np.float16), "char_emb": sd["char.weight"],
        "conv_w": sd["conv.weight"], "conv_b": sd["conv.bias"],
        "out_w": sd["out.weight"], "out_b": sd["out.bias"],
        "trans": sd["trans"], "start": sd["start"], "end": sd["end"],
        "tags": pack_strings(tagset),
    }
    for d, suffix in (("f", ""), ("b", "_reverse")):
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            key = {"weight_ih": "w_ih", "weight_hh": "w_hh", "bias_ih": "b_ih", "bias_hh": "b_hh"}[name]
            arrs[f"{key}_{d}"] = sd[f"lstm.{name}_l0{suffix}"]
    arrs.update(vocabs.to_arrays())
    return arrs


def export(arrays: dict[str, np.ndarray], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

