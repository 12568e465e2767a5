"""Draw a seeded set of real articles for fact-level labelling (counts, quotes, events).

Usage: PYTHONPATH=src python benchmarks/draw_fact_articles.py [--seed 20261214] [--per-source 3] [--out DIR]

The draw follows the one that made `../shared/examples/dev`: for each ANT v2.1 outlet (BBC, SkyNews,
Alarabia, CNN, France24; categories `middleEast` and `internationalNews`), for JawharaFM (ANT v1.1,
folders `localNews`, `internationalNews`, `politic`) and for SaudiNewsNet, it takes hard-news
articles (casualties, arrests, violence, protest or disaster words in the body) with bodies of
600-4,000 characters. It leaves out the dev articles, the held-out count articles
(`benchmarks/counts_heldout.json`), the articles of the gold files named by `--exclude`, every
article `tests/golden/cases.py` names, the reference article, and repeats by title. It writes one
`.txt` (ANT, JawharaFM) or `.json` (SaudiNewsNet) file per article into `--out` (never into the
repository: the corpora are not copied in) and prints a JSON list of {file, ref, source, title}
for the gold file.
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

from draw_event_sentences import excluded  # type: ignore[import-not-found]

from rasd.errors import InputError
from rasd.readers import read_blob
from rasd.readers.article import build_article
from rasd.readers.containers import Blob

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / ".." / "shared" / "data" / "news"
OUTLETS = ("BBC", "SkyNews", "Alarabia", "CNN", "France24")
ANT_CATEGORIES = ("middleEast", "internationalNews")
JAWHARA_FOLDERS = ("localNews", "internationalNews", "politic")
HARD_RE = re.compile(r"قتل|مقتل|قتيل|قتلى|جرح|جريح|إصابة|مصاب|اعتقال|اعتقل|توقيف|معتقل|اشتباك|"
                     r"هجوم|قصف|انفجار|تفجير|غارة|احتجاج|مظاهر|متظاهر|زلزال|فيضان|حريق|غرق")


def _body_ok(text: str) -> bool:
    return 600 <= len(text) <= 4000


def _hard(text: str) -> bool:
    return len(HARD_RE.findall(text)) >= 3


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=20261214)
    ap.add_argument("--per-source", type=int, default=3)
    ap.add_argument("--out", default="/tmp/fact_draw")
    ap.add_argument("--exclude", nargs="*", default=[],
                    help="more gold files under benchmarks/ whose articles are left out (counts_dev.json)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    names, saudi_skip, ref_title = excluded()
    for gold_file in ("counts_heldout.json", *args.exclude):
        held = json.loads((ROOT / "benchmarks" / gold_file).read_text(encoding="utf-8"))
        for a in held["articles"]:
            f = a.get("ref") or a["file"]
            if "#" in f:
                saudi_skip.add(f)
            else:
                names.add(Path(f).name)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    titles: set[str] = {ref_title}
    listing: list[dict[str, str]] = []

    def accept(ref: str, source: str, blob: Blob, file_name: str) -> bool:
        data = blob.data  # read_blob frees the blob's bytes once it has the text
        for raw in read_blob(blob):
            if isinstance(raw, InputError):
                return False
            try:
                art = build_article(raw)
            except InputError:
                return False
            title = (art.title or "").strip()
            if title in titles or not _body_ok(art.text) or not _hard(art.text):
                return False
            titles.add(title)
            (out_dir / file_name).write_bytes(data)
            listing.append({"file": file_name, "ref": ref, "source": source, "title": title})
            return True
        return False

    groups: dict[str, list[tarfile.TarInfo]] = {}
    for archive in ("ant_multisource.tar.gz", "ant_v1_jawharafm.tar.gz"):
        with tarfile.open(NEWS / archive, "r:gz") as tar:
            members = [m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")
                       and Path(m.name).name not in names]
            for m in members:
                parts = m.name.split("/")
                if parts[0] == "ant_multisource" and len(parts) >= 4 and parts[1] in OUTLETS \
                        and parts[2] in ANT_CATEGORIES:
                    groups.setdefault(parts[1], []).append(m)
                elif parts[0] == "ant_v1_jawharafm" and any(p in JAWHARA_FOLDERS for p in parts[1:-1]):
                    groups.setdefault("JawharaFM", []).append(m)
            for source in sorted(k for k in groups if groups[k] and groups[k][0].name.startswith(
                    archive.split(".")[0] + "/")):
                pool = sorted(groups[source], key=lambda m: m.name)
                rng.shuffle(pool)
                got = 0
                for m in pool:
                    if got >= args.per_source:
                        break
                    f = tar.extractfile(m)
                    if f is None:
                        continue
                    prefix = archive.split(".")[0]
                    ref = m.name if m.name.startswith(prefix + "/") else f"{prefix}/{m.name}"
                    if accept(ref, source, Blob(m.name, f.read()), Path(m.name).name):
                        got += 1
    days = sorted((NEWS / "saudinewsnet").glob("*.json.gz"))
    rng.shuffle(days)
    got = 0
    for day in days:
        if got >= args.per_source:
            break
        with gzip.open(day, "rt", encoding="utf-8") as fh:
            items = json.load(fh)
        order = list(range(len(items)))
        rng.shuffle(order)
        for k in order:
            key = f"{day.name}#{k}"
            if {key, f"{day.name[:10]}#{k}", items[k].get("url") or ""} & saudi_skip:
                continue
            blob = Blob(key, json.dumps(items[k], ensure_ascii=False).encode("utf-8"))
            if accept(key, "SaudiNewsNet", blob, f"saudinewsnet-{day.name[:10]}-{k}.json"):
                got += 1
                break
    json.dump(listing, sys.stdout, ensure_ascii=False, indent=1)
    print(file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
