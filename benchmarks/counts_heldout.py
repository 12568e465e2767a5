"""Score the counts of the default pipeline on the held-out count gold (`benchmarks/counts_heldout.json`),
or on another counts gold of the same form (`--gold benchmarks/counts_dev.json`, the development set).

The articles are read from the shared corpora (`../shared/data/news`), never copied: ANT and JawharaFM
members by path, SaudiNewsNet items as `DAY.json.gz#INDEX`. Usage, from the checkout:

    PYTHONPATH=src python benchmarks/counts_heldout.py [--gold FILE] [--verbose]

It writes the records to a temporary file and runs `../shared/tools/score_facts.py` on them. In the
count sets only the `counts.*` figures mean anything (quotes and events are not annotated there);
`benchmarks/facts_heldout.json` annotates all three.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from rasd.api import load_pipeline
from rasd.readers import read_blob
from rasd.readers.article import build_article
from rasd.readers.containers import Blob

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent / ".." / "shared"
NEWS = SHARED / "data" / "news"
ARCHIVES = {"ant_multisource": NEWS / "ant_multisource.tar.gz",
            "ant_v1_jawharafm": NEWS / "ant_v1_jawharafm.tar.gz"}


def _blobs(files: list[str]) -> dict[str, Blob]:
    out: dict[str, Blob] = {}
    for prefix, archive in ARCHIVES.items():
        wanted = {f for f in files if f.startswith(prefix + "/")}
        if not wanted:
            continue
        with tarfile.open(archive, "r|gz") as tar:
            for m in tar:
                if m.name in wanted:
                    f = tar.extractfile(m)
                    if f is not None:
                        out[m.name] = Blob(m.name, f.read())
    for name in files:
        if "#" in name:
            day, k = name.split("#")
            with gzip.open(NEWS / "saudinewsnet" / day, "rt", encoding="utf-8") as f:
                out[name] = Blob(name, json.dumps(json.load(f)[int(k)]).encode("utf-8"))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=HERE / "counts_heldout.json",
                        help="a counts gold of the same form (default: the held-out one)")
    args, argv = parser.parse_known_args(argv)  # the rest goes to score_facts.py (`--verbose`)
    gold_path = args.gold
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    files = [a["file"] for a in gold["articles"]]
    # `--published` of an article's `args`, as `rasd extract` takes it (the input's own date wins)
    published = {a["file"]: a["args"][a["args"].index("--published") + 1]
                 for a in gold["articles"] if "--published" in a.get("args", [])}
    blobs = _blobs(files)
    pipeline = load_pipeline()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for name in files:
            raw = next(r for r in read_blob(blobs[name]) if not isinstance(r, Exception))
            article = build_article(raw, published=published.get(name))
            out.write(json.dumps(pipeline(article).to_dict(), ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(SHARED / "tools" / "score_facts.py"), str(gold_path), out.name, *argv]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
