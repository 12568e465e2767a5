"""Gazetteer load time, places-stage time per article, and the most frequent places over an ANT sample.

Usage: .venv/bin/python benchmarks/bench_places.py [--articles N] [--top K] [--entities]

The sample is a fixed random draw of ANT v2.1 articles from ../shared; `--entities` runs the
`entities` stage first (as the default pipeline does), so LOC entities take part.
"""
from __future__ import annotations

import argparse
import random
import re
import tarfile
import time
from collections import Counter
from pathlib import Path

from rasd.geo.gazetteer import TABLE_PATH, Gazetteer
from rasd.geo.places import PlacesStage
from rasd.model import Article

ANT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "ant_multisource.tar.gz"


def sample(n: int) -> list[str]:
    with tarfile.open(ANT) as tf:
        members = [m for m in tf if m.isfile() and m.name.endswith(".txt")]
        random.Random(1).shuffle(members)
        texts = []
        for m in members[:n]:
            f = tf.extractfile(m)
            raw = f.read().decode("utf-8", "replace") if f else ""
            title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
            body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
            if body:
                texts.append((title.group(1).strip() if title else "") + "\n" + body.group(1).strip())
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--entities", action="store_true", help="run the entities stage first")
    args = ap.parse_args()

    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - t0
    stage = PlacesStage(gaz)
    texts = sample(args.articles)
    arts = [Article(id=str(i), text=t, title=t.split("\n")[0]) for i, t in enumerate(texts)]
    if args.entities:
        from rasd.pipeline import load_stage
        ner = load_stage("entities")
        arts = [ner(a) for a in arts]
    for a in arts:  # a warm-up pass fills the word caches, as a long batch would
        stage.find(a)
    t0 = time.perf_counter()
    found = [stage.find(a) for a in arts]
    stage_s = time.perf_counter() - t0
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"table {TABLE_PATH.stat().st_size / 1e6:.2f} MB, {len(gaz)} places, {len(gaz.index)} keys; "
          f"load {load_s * 1000:.0f} ms")
    print(f"{len(arts)} articles (avg {chars:.0f} chars): {stage_s / len(arts) * 1000:.2f} ms/article, "
          f"{sum(map(len, found)) / len(arts):.1f} places/article")
    top = Counter((p.text, p.name_en, p.country, p.kind) for ps in found for p in ps)
    for (text, en, cc, kind), n in top.most_common(args.top):
        print(f"{n:5d}  {text}  {en}  {cc}  {kind}")


if __name__ == "__main__":
    main()
