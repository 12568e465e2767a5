"""Corpus votes for NER features: how a base tagger labels each stem across the unlabeled news.

A name seen once in a sentence with no cue is hard to tag; the same name across thousands of news
sentences usually appears somewhere after a title or inside a clear pattern. Tagging the news with a
first model and keeping, per stem, the share of occurrences it tagged as each type pools that
evidence into one table, which the final model then reads as a feature.
"""
from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rasd.extract.ner.features import normalize_word, strip_proclitics
from rasd.extract.ner.tagger import NerTagger, ner_tokens

_SENTENCE_END = frozenset({".", "!", "?", "؟", ";", "؛"})


@dataclass(frozen=True)
class VotesConfig:
    """Sizes and thresholds of the votes table."""

    max_tokens: int = 4_000_000  # news tokens tagged (documents in fixed order)
    max_sentence: int = 60       # longer runs are cut
    min_count: int = 3           # a stem seen fewer times gets no vote
    min_share: float = 0.1       # a type tagged on less than this share of occurrences is dropped


def news_sentences(texts: Iterable[str], cfg: VotesConfig) -> Iterable[list[str]]:
    """Token lists cut at sentence punctuation, line breaks and `max_sentence`, up to `max_tokens`."""
    n = 0
    for text in texts:
        for line in text.split("\n"):
            cur: list[str] = []
            for tok, _, _ in ner_tokens(line):
                cur.append(tok)
                if tok in _SENTENCE_END or len(cur) >= cfg.max_sentence:
                    yield cur
                    n += len(cur)
                    cur = []
            if cur:
                yield cur
                n += len(cur)
            if n >= cfg.max_tokens:
                return


def bucket(share: float) -> int:
    """0 (some), 1 (a quarter), 2 (half), 3 (most) of the occurrences."""
    return 3 if share >= 0.75 else 2 if share >= 0.5 else 1 if share >= 0.25 else 0


def build_votes(tagger: NerTagger, texts: Iterable[str], out: Path,
                cfg: VotesConfig | None = None) -> int:
    """Tag the news with `tagger` and write `stem<TAB>TYPE:bucket,...` (gzipped); returns its size."""
    c = cfg or VotesConfig()
    total: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = {}
    batch: list[list[str]] = []

    def flush() -> None:
        for sent, tags in zip(batch, tagger.first_pass(batch), strict=True):
            for tok, tag in zip(sent, tags, strict=True):
                stem = strip_proclitics(normalize_word(tok))[1]
                total[stem] += 1
                if tag != "O":
                    typed.setdefault(stem, Counter())[tag[2:]] += 1
        batch.clear()

    for sent in news_sentences(texts, c):
        batch.append(sent)
        if len(batch) >= 1000:
            flush()
    flush()
    rows = []
    for stem, types in sorted(typed.items()):
        if total[stem] < c.min_count:
            continue
        kinds = [f"{t}:{bucket(k / total[stem])}" for t, k in sorted(types.items())
                 if k / total[stem] >= c.min_share]
        if kinds:
            rows.append(f"{stem}\t{','.join(kinds)}\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(rows).encode("utf-8"))
    return len(rows)


def confident_sentences(tagger: NerTagger, texts: Iterable[str], *, skip_tokens: int, scan_tokens: int,
                        limit: int, min_prob: float,
                        min_len: int = 6) -> list[tuple[list[str], list[str]]]:
    """Self-training data: news sentences (after the first `skip_tokens`, within the next
    `scan_tokens`) that `tagger` tags with at least one entity and a whole-sequence probability
    >= `min_prob`; at most `limit` of them."""
    out: list[tuple[list[str], list[str]]] = []
    seen = 0
    for sent in news_sentences(texts, VotesConfig(max_tokens=10**12)):
        seen += len(sent)
        if seen > skip_tokens + scan_tokens:
            break
        if seen <= skip_tokens or len(sent) < min_len:
            continue
        tags = tagger.first_pass([sent])[0]
        if all(t == "O" for t in tags) or tagger.sequence_probability(tags) < min_prob:
            continue
        out.append((sent, tags))
        if len(out) >= limit:
            break
    return out
