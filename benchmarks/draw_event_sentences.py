"""Draw the sentences of the hand-labelled PLOVER event set (tests/data/event_sentences.jsonl).

Usage: python benchmarks/draw_event_sentences.py [--seed 20261203] [--out /tmp/event_draw.jsonl]

Articles come from the shared corpora (`../shared/data/news`: ANT v2.1, JawharaFM, SaudiNewsNet),
read with rasd's readers and split with rasd's sentence splitter; the dev articles
(`../shared/examples/dev/facts.json`), the reference article and every article named by
`tests/golden/cases.py` are left out. From a seeded sample of articles the draw takes, without
repeats and at most two sentences per article and stratum:

- for each of the 16 PLOVER types, sentences holding one of its cue words (`rasd.lang.ar.plover`);
- hard negatives: a cue word behind a future or conditional marker (`سوف`, `في حال`, `من المقرر`,
  `سيلتقي` …), a cue word on a definite noun (`الاتفاق`), a cue word behind a negator;
- random sentences.

The output holds the sentences without labels (`labels` empty); they are labelled by reading them.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import tarfile
from pathlib import Path

from rasd.errors import InputError
from rasd.extract.events.features import Lexicon, words
from rasd.extract.events.rules import RULES, is_negated
from rasd.lang.ar.plover import PLOVER_TYPES, RULE_CUES
from rasd.readers import read_blob
from rasd.readers.article import build_article
from rasd.readers.containers import Blob
from rasd.text.layer import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
NEWS = SHARED / "data" / "news"
PER_TYPE = 66
HARD = {"future": 110, "conditional": 60, "definite": 90, "negated": 60}
RANDOM = 300
MIN_CHARS, MAX_CHARS = 40, 320
FUTURE_RE = re.compile(r"سوف|من المقرر|المزمع|يعتزم|تعتزم|يعتزمون|من المتوقع|تستعد|يستعد")
CONDITIONAL_RE = re.compile(r"في حال|إذا|اذا|لو |إن لم|في حالة")
ALL_CUES = Lexicon(RULE_CUES)


def excluded() -> tuple[set[str], set[str], str]:
    """Base names and SaudiNewsNet (day, index) keys never drawn, and the reference article's title."""
    names: set[str] = set()
    cases = (ROOT / "tests" / "golden" / "cases.py").read_text(encoding="utf-8")
    names |= {Path(m).name for m in re.findall(r"ant_(?:multisource|v1_jawharafm)/[^\"']+\.txt", cases)}
    urls = set(re.findall(r"https?://[^\"']+", cases))
    dev = json.loads((SHARED / "examples" / "dev" / "facts.json").read_text(encoding="utf-8"))
    saudi: set[str] = set(urls)
    for a in dev["articles"]:
        f = a["file"]
        m = re.match(r"saudinewsnet-(\d{4}-\d\d-\d\d)-(\d+)\.json$", f)
        if m:
            saudi.add(f"{m.group(1)}#{m.group(2)}")
        else:
            names.add(f)
    ref = (SHARED / "examples" / "000_98c889641a669656.txt").read_text(encoding="utf-8").splitlines()[0]
    return names, saudi, ref.strip()


def _articles(blob: Blob):  # type: ignore[no-untyped-def]
    for raw in read_blob(blob):
        if isinstance(raw, InputError):
            continue
        try:
            yield build_article(raw)
        except InputError:
            continue


def sample_blobs(rng: random.Random, names: set[str], saudi_skip: set[str]) -> list[tuple[str, Blob]]:
    """A seeded sample of (source reference, blob): 1,800 ANT v2.1, 700 JawharaFM, 700 SaudiNewsNet."""
    out: list[tuple[str, Blob]] = []
    for archive, n in (("ant_multisource.tar.gz", 1800), ("ant_v1_jawharafm.tar.gz", 700)):
        members: list[tarfile.TarInfo] = []
        with tarfile.open(NEWS / archive, "r:gz") as tar:
            members = [m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")
                       and Path(m.name).name not in names]
            for m in sorted(rng.sample(members, min(n, len(members))), key=lambda m: m.name):
                f = tar.extractfile(m)
                if f is not None:
                    out.append((m.name, Blob(m.name, f.read())))
    days = sorted((NEWS / "saudinewsnet").glob("*.json.gz"))
    for day in days:
        with gzip.open(day, "rt", encoding="utf-8") as f:
            items = json.load(f)
        d = day.name[:10]
        pick = rng.sample(range(len(items)), min(700 // len(days) + 1, len(items)))
        for k in sorted(pick):
            if f"{d}#{k}" in saudi_skip or (items[k].get("url") or "") in saudi_skip:
                continue
            out.append((f"saudinewsnet/{d}#{k}", Blob(f"{d}#{k}", json.dumps(items[k]).encode("utf-8"))))
    return out


def strata(toks: list[str], raw: str) -> list[str]:
    """The draw strata a sentence belongs to."""
    found = RULES.find(toks)
    out = sorted({"cue:" + m.label for m in found})
    if FUTURE_RE.search(raw) or any(t[:2] in ("سي", "ست", "سن") and ALL_CUES.find([t[1:]]) for t in toks):
        out.append("future")
    if found and CONDITIONAL_RE.search(raw):
        out.append("conditional")
    for m in found:
        w = toks[m.i]
        if w.startswith(("ال", "وال", "بال", "لل", "فال")) and not m.cue.startswith("ال"):
            out.append("definite")
            break
    if any(is_negated(toks, m) for m in found):
        out.append("negated")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--out", default="/tmp/event_draw.jsonl")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    names, saudi_skip, ref_title = excluded()
    pool: dict[str, list[dict[str, object]]] = {}
    seen: set[str] = set()
    for ref, blob in sample_blobs(rng, names, saudi_skip):
        for art in _articles(blob):
            if art.text.startswith(ref_title) or (art.title or "").strip() == ref_title:
                continue
            for start, end in sentence_spans(art):
                s = art.text[start:end].strip()
                if not (MIN_CHARS <= len(s) <= MAX_CHARS) or s in seen:
                    continue
                seen.add(s)
                toks = words(s)
                item = {"text": s, "source": f"{ref}@{start}", "strata": strata(toks, s)}
                for st in [*item["strata"], "random"]:  # type: ignore[list-item]
                    pool.setdefault(str(st), []).append(item)
    chosen: dict[str, dict[str, object]] = {}

    def take(stratum: str, n: int) -> None:
        items = list(pool.get(stratum, []))
        rng.shuffle(items)
        per_article: dict[str, int] = {}
        got = 0
        for it in items:
            if got >= n:
                break
            art = str(it["source"]).rsplit("@", 1)[0]
            if it["text"] in chosen or per_article.get(art, 0) >= 2:
                continue
            per_article[art] = per_article.get(art, 0) + 1
            chosen[str(it["text"])] = {**it, "drawn_for": stratum}
            got += 1

    for t in PLOVER_TYPES:
        take("cue:" + t, PER_TYPE)
    for st, n in HARD.items():
        take(st, n)
    take("random", RANDOM)
    out = sorted(chosen.values(), key=lambda it: (str(it["drawn_for"]), str(it["source"])))
    with open(args.out, "w", encoding="utf-8") as f:
        for k, it in enumerate(out):
            f.write(json.dumps({"id": f"s{k:04d}", "text": it["text"], "source": it["source"],
                                "drawn_for": it["drawn_for"], "labels": []}, ensure_ascii=False) + "\n")
    sizes = {st: len(v) for st, v in sorted(pool.items())}
    print(f"{len(out)} sentences drawn; pool sizes: {sizes}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
