"""Load named articles from the shared corpora (../shared/data/news) for the golden and invariant tests.

Articles are referenced, never copied: an ANT/JawharaFM member path (DOCNO in the file name) or a
SaudiNewsNet day file and URL prefix. Each archive is read once, in one pass, for all wanted members.
"""
from __future__ import annotations

import gzip
import json
import random
import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.model import Article
from rasd.readers import read_blob
from rasd.readers.article import build_article
from rasd.readers.containers import Blob

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
NEWS = SHARED / "data" / "news"
ARCHIVES = {"ant": NEWS / "ant_multisource.tar.gz", "jawhara": NEWS / "ant_v1_jawharafm.tar.gz"}
SAUDI = NEWS / "saudinewsnet"


def _articles(blob: Blob) -> list[Article]:
    out: list[Article] = []
    for raw in read_blob(blob):
        if isinstance(raw, InputError):
            continue
        try:
            out.append(build_article(raw))
        except InputError:
            continue
    return out


def tar_members(corpus: str, members: Iterable[str]) -> dict[str, Article]:
    """The articles of the named members of one ANT archive, read in a single pass."""
    wanted = set(members)
    out: dict[str, Article] = {}
    with tarfile.open(ARCHIVES[corpus], "r|gz") as tar:
        for m in tar:
            if m.name in wanted:
                f = tar.extractfile(m)
                if f is not None:
                    arts = _articles(Blob(m.name, f.read()))
                    if arts:
                        out[m.name] = arts[0]
                if len(out) == len(wanted):
                    break
    return out


def saudi_items(day: str, url_prefixes: Iterable[str]) -> dict[str, Article]:
    """The SaudiNewsNet articles of one day file whose URL starts with one of `url_prefixes`."""
    prefixes = list(url_prefixes)
    out: dict[str, Article] = {}
    with gzip.open(SAUDI / f"{day}.json.gz", "rt", encoding="utf-8") as f:
        items = json.load(f)
    for k, item in enumerate(items):
        url = item.get("url") or ""
        for p in prefixes:
            if url.startswith(p) and p not in out:
                arts = _articles(Blob(f"{day}.json.gz#{k}", json.dumps(item).encode("utf-8")))
                if arts:
                    out[p] = arts[0]
    return out


def sample(n_per_corpus: int, seed: int) -> Iterator[Article]:
    """A seeded reservoir sample of cleaned articles: `n_per_corpus` from each ANT archive (one pass
    each) and from one SaudiNewsNet day."""
    rng = random.Random(seed)
    for corpus in ("jawhara", "ant"):
        keep: list[Blob] = []
        seen = 0
        with tarfile.open(ARCHIVES[corpus], "r|gz") as tar:
            for m in tar:
                if not (m.isfile() and m.name.endswith(".txt")):
                    continue
                seen += 1
                slot = seen - 1 if seen <= n_per_corpus else rng.randrange(seen)
                if slot < n_per_corpus:
                    f = tar.extractfile(m)
                    if f is not None:
                        blob = Blob(m.name, f.read())
                        if len(keep) < n_per_corpus:
                            keep.append(blob)
                        else:
                            keep[slot] = blob
        for b in keep:
            yield from _articles(b)
    days = sorted(SAUDI.glob("*.json.gz"))
    with gzip.open(rng.choice(days), "rt", encoding="utf-8") as f:
        items = json.load(f)
    for item in rng.sample(items, min(n_per_corpus, len(items))):
        yield from _articles(Blob("saudinewsnet", json.dumps(item).encode("utf-8")))
