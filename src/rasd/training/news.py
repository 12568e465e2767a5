"""Unlabeled Arabic news text from ../shared (SaudiNewsNet JSON, ANT SGML archives) for NER resources."""
from __future__ import annotations

import gzip
import json
import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

from rasd.shared_data import shared_path

# Where the news usually is (a checkout with ../shared beside it); the functions look it up through
# rasd.shared_data (`rasd --data PATH`, $RASD_SHARED, ../shared of the working directory, ...).
NEWS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "news"

_ANT_FIELD = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S)


def saudinewsnet_texts(folder: Path | None = None) -> Iterator[str]:
    """Title and body of each SaudiNewsNet article (files in name order)."""
    folder = folder or shared_path("data", "news", "saudinewsnet")
    for path in sorted(folder.glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for item in json.load(f):
                yield (item.get("title") or "") + "\n" + (item.get("content") or "")


def ant_texts(archive: Path) -> Iterator[str]:
    """Title and text of each ANT document in a .tar.gz of SGML files (archive order)."""
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            f = tar.extractfile(member)
            if f is None:
                continue
            raw = f.read().decode("utf-8", errors="replace")
            yield "\n".join(m.group(2) for m in _ANT_FIELD.finditer(raw))


def news_texts(limit: int | None = None) -> Iterator[str]:
    """All unlabeled news in a fixed order; `limit` caps the number of documents (samples)."""
    n = 0
    news = shared_path("data", "news")
    sources = [saudinewsnet_texts(news / "saudinewsnet")]
    sources += [ant_texts(p) for p in sorted(news.glob("ant_*.tar.gz"))]
    for src in sources:
        for text in src:
            yield text
            n += 1
            if limit is not None and n >= limit:
                return
