"""Entity/place agreement on shared articles: the three figures of issue 10 item 5.

Usage: PYTHONPATH=src python benchmarks/place_consistency.py [PER_CORPUS] [SEED]
Runs sentences, dates, entities and places over the golden articles and a seeded sample
(tests/golden/corpus.py) and prints, for each set:
  - entities with a geonames id and no place of that id on exactly their span;
  - LOC entities whose span carries a place of another geonameid;
  - entity ids that point at no place the places stage kept anywhere in the article;
  - LOC entities with no geonames id on a span where a place has one.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.golden.cases import CASES  # noqa: E402
from tests.golden.corpus import sample, saudi_items, tar_members  # noqa: E402

from rasd.model import Article  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

STAGES = ("sentences", "dates", "entities", "places")


def golden() -> list[Article]:
    out: list[Article] = []
    by: dict[str, list[str]] = {}
    for c in CASES:
        key = c.source[0] if c.source[0] != "saudi" else f"saudi:{c.source[1]}"
        by.setdefault(key, []).append(c.source[2] if c.source[0] == "saudi" else c.source[1])
    for key, names in by.items():
        got = (saudi_items(key.split(":", 1)[1], names) if key.startswith("saudi:")
               else tar_members(key, names))
        out.extend(got.values())
    return out


def figures(records: list[Article]) -> tuple[int, int, int, int, int, int]:
    with_id = no_place = contra = unplaced = bare = 0
    for a in records:
        on_span = {(p.start, p.end): p.geonameid for p in a.places}
        kept = {p.geonameid for p in a.places}
        for e in a.entities:
            gid = int(e.id.split(":", 1)[1]) if e.id and e.id.startswith("geonames:") else None
            if gid is not None:
                with_id += 1
                if on_span.get((e.start, e.end)) != gid:
                    no_place += 1
                if gid not in kept:
                    unplaced += 1
            if e.type == "LOC" and (e.start, e.end) in on_span:
                pg = on_span[(e.start, e.end)]
                if pg is not None and gid is not None and pg != gid:
                    contra += 1
                elif pg is not None and gid is None:
                    bare += 1
    return len(records), with_id, no_place, contra, unplaced, bare


def main() -> None:
    per = int(sys.argv[1]) if len(sys.argv) > 1 else 334
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261130
    pipe = Pipeline(STAGES)
    for name, arts in (("golden", golden()), (f"sample({per}, {seed})", list(sample(per, seed)))):
        n, with_id, no_place, contra, unplaced, bare = figures([pipe(a) for a in arts])
        print(f"{name}: {n} articles, {with_id} entities with a geonames id; {no_place} without a place of "
              f"that id on their span; {contra} LOC entities whose span has a place of another id; "
              f"{unplaced} ids of no place kept in the article; {bare} LOC entities without an id "
              f"on a place with one")


if __name__ == "__main__":
    main()
