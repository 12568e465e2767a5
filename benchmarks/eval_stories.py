"""Story clustering quality on the hand-labelled pairs (tests/data/story_pairs.jsonl).

The articles of the pairs, plus distractors (other articles of the same corpora published on the
same days, sampled with a fixed seed, so that clustering happens among realistic neighbours), are
ingested with `rasd.ingest.ingest` into a temporary SQLite store, in corpus order. A pair is
predicted "same story" when the stored articles of both sides (an exact duplicate is stored once,
under the first copy's id) end in one story. Pairwise precision and recall:

    precision = predicted-same pairs labelled 1 / predicted-same pairs
    recall    = predicted-same pairs labelled 1 / pairs labelled 1

`--tune` grids the parameters (shingle size, threshold, window) on the even pair ids, re-placing the
stored articles for each setting (`Stories.repair` after a reset: the same placement, oldest first),
and prints the best by F1; the figures reported are then those of a real ingest with the chosen (or
given) parameters, on the odd ids (held out), the even ids and all. Story placement reads only the
title, text and date, so the ingest runs an identity pipeline by default (`--full` runs the real
stages; same stories, much slower).

    PYTHONPATH=src .venv/bin/python benchmarks/eval_stories.py --distractors 3000 [--tune]
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from story_pairs import CORPORA, fetch_pairs, iter_corpus, key, load_pairs  # noqa: E402

from rasd.ingest import ingest  # noqa: E402
from rasd.model import Article  # noqa: E402
from rasd.store import SqlStore, canonical_url, open_store, text_key  # noqa: E402
from rasd.stories import DEFAULT_PARAMS, Stories, StoryParams  # noqa: E402

SEED = 20261202


class Identity:
    """A pipeline that runs no stage (stories need only title, text and date)."""

    fingerprint = "identity"

    def __call__(self, article: Article) -> Article:
        return article


def distractors(pairs: list[dict[str, Any]], n: int, *, corpora: Iterable[str] = CORPORA,
                seed: int = SEED) -> list[Article]:
    """Up to `n` articles (split evenly over the corpora) that are in no pair, published on a day
    some pair article of the same corpus was; a fixed-seed reservoir sample of each corpus."""
    corpora = [c for c in corpora if any(p["a"]["corpus"] == c for p in pairs)]
    if n <= 0 or not corpora:
        return []
    in_pairs = {p[s]["id"] for p in pairs for s in ("a", "b")}
    out: list[Article] = []
    rng = random.Random(seed)
    for corpus in corpora:
        days = {p[f"date_{s}"] for p in pairs if p["a"]["corpus"] == corpus for s in ("a", "b")}
        want = n // len(corpora)
        sample: list[Article] = []
        seen = 0
        for _, art in iter_corpus(corpus):
            if art.id in in_pairs or (art.published or "")[:10] not in days:
                continue
            seen += 1
            if len(sample) < want:
                sample.append(art)
            else:
                j = rng.randrange(seen)
                if j < want:
                    sample[j] = art
        out += sample
    return out


def _write_inputs(arts: list[Article], root: Path) -> list[str]:
    """The articles as one JSON input file (rasd's JSON reader: title, content, url, date, source)."""
    path = root / "articles.json"
    items = [{"id": a.id, "title": a.title, "content": a.text, "url": a.url, "date": a.published,
              "source": a.source, "category": a.category} for a in arts]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return [str(path)]


def stored_id(store: SqlStore, art: Article) -> str | None:
    m = store.find(art.id, canonical_url(art.url), text_key(art.text), "")
    return m.id if m is not None else None


def score(pairs: list[dict[str, Any]], story_of: dict[str, str | None]) -> dict[str, Any]:
    """Pairwise precision, recall and F1 (and per stratum: pairs, labelled 1, predicted same, agreed)."""
    tp = fp = fn = 0
    strata: dict[str, Counter[str]] = {}
    for p in pairs:
        sa, sb = story_of.get(key(p["a"])), story_of.get(key(p["b"]))
        same = sa is not None and sa == sb
        gold = bool(p["same_story"])
        tp += same and gold
        fp += same and not gold
        fn += gold and not same
        c = strata.setdefault(p["stratum"], Counter())
        c["pairs"] += 1
        c["gold_same"] += gold
        c["predicted_same"] += same
        c["agree"] += same == gold
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"pairs": len(pairs), "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn, "strata": {k: dict(v) for k, v in sorted(strata.items())}}


def stories_of_pairs(store: SqlStore, pairs: list[dict[str, Any]], arts: dict[str, Article]
                     ) -> dict[str, str | None]:
    ids = {k: stored_id(store, a) for k, a in arts.items()}
    stories = store.stories_of([i for i in ids.values() if i])
    return {k: stories.get(i) if i else None for k, i in ids.items()}


def build_store(db: str, pair_arts: dict[str, Article], extra: list[Article], params: StoryParams,
                *, full: bool = False) -> tuple[SqlStore, float]:
    """Ingest the pair articles and the distractors (interleaved by a fixed shuffle) into `db`."""
    arts = list({a.id: a for a in [*pair_arts.values(), *extra]}.values())
    random.Random(SEED).shuffle(arts)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _write_inputs(arts, Path(tmp))
        store = open_store(db)
        pipeline: Any = Identity()
        if full:
            import rasd
            pipeline = rasd.load_pipeline()
        t = time.monotonic()
        ingest(inputs, store, pipeline, story_params=params)
        return store, time.monotonic() - t


def _try(store: SqlStore, pairs: list[dict[str, Any]], arts: dict[str, Article], params: StoryParams
         ) -> dict[str, Any]:
    store._execute("UPDATE articles SET story = NULL")
    store.reset_story_signatures({})
    Stories(store, params)
    s = score(pairs, stories_of_pairs(store, pairs, arts))
    print(f"  shingle {params.shingle} threshold {params.threshold} window {params.window_days} "
          f"span {params.span_days}: "
          f"P {s['precision']} R {s['recall']} F1 {s['f1']}", file=sys.stderr, flush=True)
    return s


def tune(store: SqlStore, pairs: list[dict[str, Any]], arts: dict[str, Article]
         ) -> list[tuple[StoryParams, dict[str, Any]]]:
    """Shingle size and threshold on a 3-day window, then the window (1, 7 days) at the best; by F1."""
    span = DEFAULT_PARAMS.span_days
    grid = [StoryParams(shingle=k, threshold=t, window_days=3, span_days=span)
            for k in (1, 2, 3) for t in (0.15, 0.2, 0.3)]
    results = [(p, _try(store, pairs, arts, p)) for p in grid]
    best = max(results, key=lambda r: r[1]["f1"])[0]
    results += [(p, _try(store, pairs, arts, p)) for p in
                (StoryParams(shingle=best.shingle, threshold=best.threshold, window_days=w, span_days=span)
                 for w in (1, 7))]
    return sorted(results, key=lambda r: -r[1]["f1"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--distractors", type=int, default=3000, help="other articles of the same days")
    ap.add_argument("--tune", action="store_true", help="grid the parameters on the even pair ids first")
    ap.add_argument("--shingle", type=int, default=DEFAULT_PARAMS.shingle)
    ap.add_argument("--threshold", type=float, default=DEFAULT_PARAMS.threshold)
    ap.add_argument("--window", type=int, default=DEFAULT_PARAMS.window_days)
    ap.add_argument("--span", type=int, default=DEFAULT_PARAMS.span_days, help="longest story, in days")
    ap.add_argument("--full", action="store_true", help="run the real pipeline stages while ingesting")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--cache", type=Path, help="keep the articles read here (a pickle) for the next run")
    args = ap.parse_args()

    pairs = load_pairs()
    t = time.monotonic()
    if args.cache and args.cache.exists():
        arts, extra = pickle.loads(args.cache.read_bytes())
    else:
        arts = fetch_pairs(pairs)
        extra = distractors(pairs, args.distractors)
        if args.cache:
            args.cache.write_bytes(pickle.dumps((arts, extra)))
    print(f"read {len(arts)} pair articles and {len(extra)} distractors in {time.monotonic() - t:.0f} s",
          file=sys.stderr)
    even = [p for p in pairs if p["pair"] % 2 == 0]
    odd = [p for p in pairs if p["pair"] % 2 == 1]
    params = StoryParams(shingle=args.shingle, threshold=args.threshold, window_days=args.window,
                         span_days=args.span)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.tune:
            store, _ = build_store(str(Path(tmp) / "tune.db"), arts, extra, params)
            ranked = tune(store, even, arts)
            store.close()
            params = ranked[0][0]
            out["tuned"] = [{"params": r[0].settings(), **{k: r[1][k] for k in ("precision", "recall", "f1")}}
                            for r in ranked[:10]]
            print(f"best on the even pairs: {params}", file=sys.stderr)
        store, seconds = build_store(str(Path(tmp) / "eval.db"), arts, extra, params, full=args.full)
        story_of = stories_of_pairs(store, pairs, arts)
        sizes = store.story_sizes()
        out |= {"params": params.settings(), "articles": store.count(), "stories": len(sizes),
                "multi_article_stories": sum(1 for n in sizes.values() if n > 1),
                "largest_stories": sorted(sizes.values(), reverse=True)[:5],
                "ingest_seconds": round(seconds, 1),
                "tuning_half_even": score(even, story_of), "held_out_half_odd": score(odd, story_of),
                "all": score(pairs, story_of)}
        store.close()
    for name in ("tuning_half_even", "held_out_half_odd", "all"):
        s = out[name]
        print(f"{name}: {s['pairs']} pairs, precision {s['precision']:.3f}, recall {s['recall']:.3f}, "
              f"F1 {s['f1']:.3f} (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
    print("per stratum (all):", json.dumps(out["all"]["strata"]))
    print(f"{out['articles']} articles stored, {out['stories']} stories "
          f"({out['multi_article_stories']} with 2+ articles; largest {out['largest_stories']}), "
          f"ingest {out['ingest_seconds']} s")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
