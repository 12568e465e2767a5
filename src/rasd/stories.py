"""Stories: near-duplicates and the same event told by different outlets, grouped by MinHash/LSH.

Each article's title and text are folded as search folds them (`rasd.search.index_text`: the text
layer's `fold_for_search`, so diacritics, hamza forms, ة/ه, ى/ي and the proclitics و ف ب ل ك ال do not
matter; the text's fold is the one the store already holds), cut into words, the words of one or two
letters and a short list of function words (`STOPWORDS`) left out, and its set of word
`shingle`-grams is summarised by a MinHash signature (`datasketch`, `num_perm`
permutations, a fixed seed). The signature is cut into LSH bands (as many as `datasketch.MinHashLSH`
chooses for `threshold`); each band hashes to a bucket. An incoming article's candidates are the
articles sharing a bucket; a bucket is a band and a publication day, and a lookup asks for the
buckets of every day within `window_days`, so it only meets the articles of its time window (an
undated article meets the undated ones), however large the store. It joins the story of the
candidate with the highest estimated Jaccard similarity at or above `threshold`, else it opens a
story of its own, whose id is its own article id. So a story id never changes, and assignment is
incremental: each article is placed once, as it arrives.

A story never lasts more than `span_days` from its first to its last article: a candidate whose
story it would stretch further is passed over. Without that cap the rolling window chains on and
on: an outlet's daily bulletin (prayer times, weather, a daily digest) resembles yesterday's, which
resembled the day before's, and such a chain once grew to 431 articles over months. A week keeps
the follow-ups of one event (the labelled pairs are at most five days apart).

Nothing lives only in memory: the signatures and buckets are rows of the store (migration 2), so
any process (a second worker, a re-run after a crash) sees the same state. On open, articles
stored without a signature (an ingest killed between its two transactions, a store made before
stories existed, or parameters changed) are signed and placed from their stored text, oldest first.

`story_summary` turns a story's records into what the desk shows: its articles, outlets, first and
last date, and the counts each outlet reported for the same kind and place side by side.
"""
from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from rasd.search import index_text
from rasd.store.stories_sql import StoryRow, StorySql

FOLD = "search-v1/day-buckets"  # recorded with the parameters: a change of the words below re-signs the store
# Function words (search-folded: proclitics off, ة as ه, ى as ي) that say nothing about the story.
STOPWORDS: frozenset[str] = frozenset("""
    في من علي الي عن ان او ثم حتي قد كان كانت ما لا لم لن هذا هذه ذلك تلك تي ذي ذين بين بعد قبل
    عند مع كل قال يوم كما هو هي هم انه انها ايضا حيث اي غير دون خلال منذ ضد نحو عبر فيه فيها منه
    منها عليه عليها له لها لهم اليه اكثر اخري اخر الا اضاف
""".split())
SEED = 1
SCHEME = "affine32"  # datasketch 2 hashing scheme (32-bit values: 4 bytes a permutation)
REPAIR_BATCH = 500


@dataclass(frozen=True)
class StoryParams:
    """Clustering parameters (tuned on the even pairs of tests/data/story_pairs.jsonl; README)."""

    shingle: int = 1
    num_perm: int = 128
    threshold: float = 0.15
    window_days: int = 3
    span_days: int = 7  # the longest a story may last, first to last article

    def settings(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items()} | {"seed": str(SEED), "scheme": SCHEME,
                                                                "fold": FOLD}


DEFAULT_PARAMS = StoryParams()


def shingles(text: str, k: int, *, folded: str | None = None) -> set[str]:
    """The set of word k-grams of the text's search fold (`folded` when already made), short words
    and STOPWORDS left out (the words themselves when there are fewer than k)."""
    words = [w for w in (index_text(text) if folded is None else folded).split()
             if len(w) > 2 and w not in STOPWORDS]
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _day(published: str | None) -> datetime.date | None:
    if not published:
        return None
    try:
        return datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None


class Signer:
    """MinHash signatures and LSH buckets for one set of parameters."""

    def __init__(self, params: StoryParams = DEFAULT_PARAMS) -> None:
        self.params = params
        lsh = MinHashLSH(threshold=params.threshold, num_perm=params.num_perm)
        self.bands, self.rows = int(lsh.b), int(lsh.r)
        self._perms = MinHash(num_perm=params.num_perm, seed=SEED, scheme=SCHEME).permutations

    def signature(self, title: str, text: str, folded: str | None = None) -> np.ndarray | None:
        """The signature of an article (`folded`: the search fold of `text`, when already made)."""
        grams = shingles(text, self.params.shingle, folded=f"{index_text(title)} " + (
            index_text(text) if folded is None else folded))
        if not grams:
            return None
        m = MinHash(num_perm=self.params.num_perm, seed=SEED, permutations=self._perms, scheme=SCHEME)
        m.update_batch([g.encode("utf-8") for g in grams])
        return np.asarray(m.hashvalues, dtype="<u4")

    def buckets(self, sig: np.ndarray, day: datetime.date | None, spread: int = 0) -> tuple[int, ...]:
        """The LSH buckets of a signature on `day` (and on each day up to `spread` days either side:
        what a lookup asks for). A bucket is a band of the signature and a day, so that a lookup
        only meets the articles of its time window (an undated article: the undated ones)."""
        days = [0] if day is None else [day.toordinal() + d for d in range(-spread, spread + 1)]
        out = []
        for b in range(self.bands):
            band = b.to_bytes(2, "little") + sig[b * self.rows:(b + 1) * self.rows].tobytes()
            for d in days:
                h = hashlib.blake2b(band + d.to_bytes(4, "little"), digest_size=8).digest()
                out.append(int.from_bytes(h, "little", signed=True))
        return tuple(out)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate of the Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


@dataclass(frozen=True)
class Incoming:
    """An article to place: its id, title, text and publication date (and the text's search fold,
    `rasd.search.index_text(text)`, when already made)."""

    id: str
    title: str
    text: str
    published: str | None
    folded: str | None = None


class Stories:
    """Story assignment over one store. Opening it brings the store's signatures up to date."""

    def __init__(self, store: StorySql, params: StoryParams = DEFAULT_PARAMS) -> None:
        self.store = store
        self.params = params
        self.signer = Signer(params)
        if store.story_settings() != params.settings():
            store.reset_story_signatures(params.settings())
        self.repair()

    def repair(self) -> int:
        """Sign and place the stored articles that have no signature; how many."""
        done = 0
        while True:
            rows = self.store.unsigned_articles(REPAIR_BATCH)
            if not rows:
                return done
            keep = {aid: story for aid, _, story, _, _ in rows if story}
            self._assign([Incoming(aid, rec.get("title") or "", rec.get("text") or "", published, folded)
                          for aid, published, _, rec, folded in rows], keep)
            done += len(rows)

    def assign(self, articles: Sequence[Incoming]) -> dict[str, str]:
        """Place `articles` (already stored) in stories, in order, and write it in one transaction;
        an article that already has a signature keeps its story. Returns article id -> story id."""
        signed = self.store.has_signature([a.id for a in articles])
        keep = {k: v for k, v in signed.items() if v}
        return self._assign([a for a in articles if a.id not in signed or not signed[a.id]], keep) | keep

    def _assign(self, articles: Iterable[Incoming], keep: dict[str, str]) -> dict[str, str]:
        window, span = self.params.window_days, self.params.span_days
        pending: list[tuple[StoryRow, np.ndarray]] = []
        by_bucket: dict[int, list[int]] = {}
        # first and last day of the stories this call touched (the store's `stories` rows are
        # written at the end), so that a story never grows past `span_days` within a batch either
        spans: dict[str, tuple[datetime.date | None, datetime.date | None]] = {}
        out: dict[str, str] = {}
        for a in articles:
            sig = self.signer.signature(a.title, a.text, a.folded)
            day = _day(a.published)
            if sig is None:
                story = keep.get(a.id, a.id)
                pending.append((StoryRow(a.id, a.published, b"", (), story), np.zeros(0, dtype="<u4")))
                spans[story] = _widen(spans.get(story), day)
                out[a.id] = story
                continue
            buckets = self.signer.buckets(sig, day)
            lookup = self.signer.buckets(sig, day, window)
            best: tuple[float, str] | None = None
            cands: list[tuple[str, str | None, str | None, np.ndarray]] = []
            for cid, pub, cstory, s, first, last in self.store.story_candidates(lookup):
                cands.append((cid, pub, cstory, np.frombuffer(s, dtype="<u4")))
                if cstory and cstory not in spans:
                    spans[cstory] = (_day(first), _day(last))
            seen = {c[0] for c in cands}
            for i in {i for b in lookup for i in by_bucket.get(b, ())}:
                row, psig = pending[i]
                if row.article_id not in seen:
                    cands.append((row.article_id, row.published, row.story, psig))
            for cid, pub, cstory, csig in cands:
                if cid == a.id or not cstory or len(csig) != len(sig):
                    continue
                cday = _day(pub)
                if day is not None and cday is not None and abs((day - cday).days) > window:
                    continue
                if not _fits(spans.get(cstory), day, span):
                    continue  # the story would last longer than `span_days`: no chaining on and on
                sim = similarity(sig, csig)
                if sim >= self.params.threshold and (best is None or (sim, cstory) > best):
                    best = (sim, cstory)
            story = keep.get(a.id) or (best[1] if best else a.id)
            spans[story] = _widen(spans.get(story), day)
            for b in buckets:
                by_bucket.setdefault(b, []).append(len(pending))
            pending.append((StoryRow(a.id, a.published, sig.tobytes(), buckets, story), sig))
            out[a.id] = story
        self.store.put_story_rows([row for row, _ in pending])
        return out


Span = tuple[datetime.date | None, datetime.date | None]


def _widen(span: Span | None, day: datetime.date | None) -> Span:
    """A story's first and last day once an article of `day` joins it."""
    first, last = span or (None, None)
    if day is None:
        return first, last
    return (day if first is None or day < first else first), (day if last is None or day > last else last)


def _fits(span: Span | None, day: datetime.date | None, limit: int) -> bool:
    """Whether a story of `span` still lasts at most `limit` days once an article of `day` joins it."""
    first, last = _widen(span, day)
    return first is None or last is None or (last - first).days <= limit


def _outlet(record: dict[str, Any]) -> str:
    return str(record.get("source") or "?")


def story_summary(story_id: str, records: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """A story from its records: {"id", "size", "first_published", "last_published", "outlets",
    "articles": [{"id", "title", "source", "published", "url"}], "counts": [{"kind", "place",
    "reports": [{"source", "count", "qualifier", "article"}], "line"}]}. `counts` groups the counts
    of every article by kind and place (the place's name; None when the count has none) and keeps
    each outlet's highest figure, so `line` reads `SANA: 3; Sky News: 4`. None for an empty story."""
    articles: list[dict[str, Any]] = []
    groups: dict[tuple[str, str | None], dict[str, dict[str, Any]]] = {}
    for r in records:
        articles.append({"id": r["id"], "title": r.get("title") or "", "source": r.get("source"),
                         "published": r.get("published"), "url": r.get("url")})
        for c in r.get("counts") or []:
            place = (c.get("place") or {}).get("name")
            outlets = groups.setdefault((c["kind"], place), {})
            prev = outlets.get(_outlet(r))
            if prev is None or c["count"] > prev["count"]:
                outlets[_outlet(r)] = {"source": _outlet(r), "count": c["count"],
                                       "qualifier": c.get("qualifier"), "article": r["id"]}
    if not articles:
        return None
    dates = sorted(a["published"] for a in articles if a["published"])
    counts = []
    for (kind, place), outlets in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][0],
                                                                          kv[0][1] or "")):
        reports = [outlets[o] for o in sorted(outlets)]
        counts.append({"kind": kind, "place": place, "reports": reports,
                       "line": "; ".join(f"{x['source']}: {x['count']}" for x in reports)})
    return {"id": story_id, "size": len(articles), "first_published": dates[0] if dates else None,
            "last_published": dates[-1] if dates else None,
            "outlets": sorted({a["source"] for a in articles if a["source"]}), "articles": articles,
            "counts": counts}


def get_story(store: StorySql, story_id: str) -> dict[str, Any] | None:
    """The story `story_id` of a store as `story_summary` gives it (what `GET /api/stories/{id}` serves)."""
    return story_summary(story_id, store.story_records(story_id))


__all__ = ["DEFAULT_PARAMS", "Incoming", "Signer", "Stories", "StoryParams", "get_story", "shingles",
           "similarity", "story_summary"]
