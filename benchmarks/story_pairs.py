"""The hand-labelled story pairs (tests/data/story_pairs.jsonl) and the articles they name.

Each line of the data file is one candidate pair of articles from the shared corpora with a label,
`same_story` (1: both report the same real-world news event or development; 0: not); see
tests/data/story_pairs.md for how the pairs were drawn and labelled. The articles themselves are never
copied: each side is a reference into ../shared/data/news,

    {"corpus": "ant"|"jawhara", "member": "<archive member path>", "id": "<rasd id>"}
    {"corpus": "saudi", "day": "2015-07-21", "index": 17, "url": "<item url>", "id": "<rasd id>"}

read back with rasd's own readers (`rasd.readers.read_blob` + `rasd.readers.article.build_article`), so
the `id` is the one rasd gives the article. Typical use, for a story clusterer:

    pairs = load_pairs()
    arts = fetch_pairs(pairs)                      # {key(ref): Article}, one pass per archive
    for p in pairs:
        a, b = arts[key(p["a"])], arts[key(p["b"])]
        predicted = story_of(a) == story_of(b)     # compare with p["same_story"]

`iter_corpus` walks a whole corpus as (reference, Article); the drawing script uses it.
"""
from __future__ import annotations

import gzip
import json
import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.model import Article
from rasd.readers import read_blob
from rasd.readers.article import build_article
from rasd.readers.containers import Blob

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "story_pairs.jsonl"
SHARED = ROOT / ".." / "shared"
NEWS = SHARED / "data" / "news"
ARCHIVES = {"ant": NEWS / "ant_multisource.tar.gz", "jawhara": NEWS / "ant_v1_jawharafm.tar.gz"}
SAUDI = NEWS / "saudinewsnet"
CORPORA = ("ant", "jawhara", "saudi")

Ref = dict[str, Any]


def key(ref: Ref) -> str:
    """A hashable name for a reference: the member path, or `day#index` for SaudiNewsNet."""
    if ref["corpus"] == "saudi":
        return f"saudi:{ref['day']}#{ref['index']}"
    return f"{ref['corpus']}:{ref['member']}"


def load_pairs(path: Path = DATA) -> list[dict[str, Any]]:
    """The labelled pairs, in file order (one dict per line: `a`, `b`, `same_story`, ...)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _first_article(blob: Blob) -> Article | None:
    for raw in read_blob(blob):
        if isinstance(raw, InputError):
            continue
        try:
            return build_article(raw)
        except InputError:
            continue
    return None


def _saudi_article(day: str, k: int, item: dict[str, Any]) -> Article | None:
    return _first_article(Blob(f"{day}.json.gz#{k}", json.dumps(item).encode("utf-8")))


def saudi_days() -> list[str]:
    return sorted(p.name[: -len(".json.gz")] for p in SAUDI.glob("*.json.gz"))


def iter_corpus(corpus: str, *, members: set[str] | None = None) -> Iterator[tuple[Ref, Article]]:
    """Every readable article of one corpus as (reference, Article), in archive order.

    For an ANT archive, `members` (when given) limits the pass to those member paths and stops once
    all are read; unreadable or empty members are skipped.
    """
    if corpus == "saudi":
        for day in saudi_days():
            with gzip.open(SAUDI / f"{day}.json.gz", "rt", encoding="utf-8") as g:
                items = json.load(g)
            for k, item in enumerate(items):
                art = _saudi_article(day, k, item)
                if art is not None:
                    yield {"corpus": "saudi", "day": day, "index": k, "url": item.get("url") or "",
                           "id": art.id}, art
        return
    left = set(members) if members is not None else None
    with tarfile.open(ARCHIVES[corpus], "r|gz") as tar:
        for m in tar:
            if not (m.isfile() and m.name.endswith(".txt")):
                continue
            if left is not None and m.name not in left:
                continue
            f = tar.extractfile(m)
            if f is None:
                continue
            art = _first_article(Blob(m.name, f.read()))
            if art is not None:
                yield {"corpus": corpus, "member": m.name, "id": art.id}, art
            if left is not None:
                left.discard(m.name)
                if not left:
                    return


def fetch(refs: Iterable[Ref]) -> dict[str, Article]:
    """The articles named by `refs`, keyed by `key(ref)`; one pass per archive, one read per day file.

    A reference that does not resolve (member missing, SaudiNewsNet item whose URL differs from the
    reference's) is left out of the result.
    """
    wanted: dict[str, list[Ref]] = {}
    for r in refs:
        wanted.setdefault(r["corpus"], []).append(r)
    out: dict[str, Article] = {}
    for corpus in ("ant", "jawhara"):
        if corpus in wanted:
            for ref, art in iter_corpus(corpus, members={r["member"] for r in wanted[corpus]}):
                out[key(ref)] = art
    by_day: dict[str, list[Ref]] = {}
    for r in wanted.get("saudi", []):
        by_day.setdefault(r["day"], []).append(r)
    for day, rs in sorted(by_day.items()):
        with gzip.open(SAUDI / f"{day}.json.gz", "rt", encoding="utf-8") as f:
            items = json.load(f)
        for r in rs:
            k = int(r["index"])
            if 0 <= k < len(items) and (items[k].get("url") or "") == r["url"]:
                found = _saudi_article(day, k, items[k])
                if found is not None:
                    out[key(r)] = found
    return out


def fetch_pairs(pairs: Iterable[dict[str, Any]]) -> dict[str, Article]:
    """The articles of both sides of every pair, keyed by `key(ref)`."""
    refs: list[Ref] = []
    for p in pairs:
        refs += [p["a"], p["b"]]
    return fetch(refs)
