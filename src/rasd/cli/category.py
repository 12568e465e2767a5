"""`rasd train category` and `rasd eval category`: build and cross-outlet evaluate the category model."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from rasd.errors import UsageError
from rasd.shared_data import locate, shared_path

DEFAULT_CACHE = Path(tempfile.gettempdir()) / "rasd_ant_v21.pkl"
# ANT v1.1 (JawharaFM, Tunisia, 2017): an outlet none of the ANT v2.1 models is trained on.
# Both inside the shared data folder (rasd.shared_data: `rasd --data PATH`, $RASD_SHARED, ../shared).
DEFAULT_UNSEEN = Path("../shared/data/news/ant_v1_jawharafm.tar.gz")
ANT_PARTS = ("data", "news", "ant_multisource.tar.gz")
UNSEEN_PARTS = ("data", "news", "ant_v1_jawharafm.tar.gz")


def register(groups: dict[str, Any]) -> None:
    t = groups["train"].add_parser(
        "category", help="train the article-category model on ANT v2.1 and write rasd/models/category.npz")
    _common(t)
    t.add_argument("--out", type=Path, default=None, help="model path (default: the shipped model)")
    t.set_defaults(func=run_train)
    e = groups["eval"].add_parser(
        "category", help="cross-outlet evaluation: train on four ANT outlets, test on the fifth")
    _common(e)
    e.add_argument("--outlet", action="append", help="only this held-out outlet (repeatable)")
    e.add_argument("--c", type=float, default=None,
                   help="fix C instead of tuning it across the training outlets")
    e.add_argument("--unseen", type=Path, default=None,
                   help=f"also score the shipped model on this unseen outlet (default {DEFAULT_UNSEEN})")
    e.set_defaults(func=run_eval)


def _common(p: argparse.ArgumentParser) -> None:
    from rasd.training.category import DEFAULT_DATA

    p.add_argument("--data", type=Path, default=None,
                   help=f"ANT v2.1 archive (default {DEFAULT_DATA})")
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                   help=f"pickle of the parsed corpus (default {DEFAULT_CACHE})")
    p.add_argument("--no-cache", action="store_true", help="re-read the archive, write no cache")


def _items(args: argparse.Namespace) -> list[Any]:
    try:
        from rasd.training import category as tc
    except ImportError as e:
        raise UsageError(f"training needs the build extra: pip install 'rasd[build]' ({e})") from e
    return tc.load_items(args.data or shared_path(*ANT_PARTS), None if args.no_cache else args.cache)


def run_train(args: argparse.Namespace) -> int:
    from rasd.extract.category import MODEL_PATH
    from rasd.training import category as tc

    items = _items(args)
    out = args.out or MODEL_PATH
    params, dev, model = tc.train_shipped(items, out)
    print(f"items: {len(items)} (deduplicated by URL)")
    print("leave-one-outlet-out macro-F1 by C: " + ", ".join(f"C={c}: {f:.3f}" for c, f in dev.items()))
    size = out.stat().st_size / 1e6
    print(f"chosen C={params.c}; features={len(model.vocab)}; wrote {out} ({size:.2f} MB)")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from rasd.training import category as tc

    items = _items(args)
    params = tc.Params(c=args.c) if args.c is not None else None
    known = sorted({it.outlet for it in items})
    for o in args.outlet or []:
        if o not in known:
            raise UsageError(f"unknown outlet {o!r}; known: {', '.join(known)}")
    out = sys.stdout
    out.write("| held-out outlet | n | macro-F1 | accuracy | raw macro-F1 | raw accuracy | C "
              "| per-label F1 |\n")
    out.write("|---|---|---|---|---|---|---|---|\n")
    for folded, raw, p in tc.cross_outlet(items, params, args.outlet):
        labs = " ".join(f"{k}={v:.2f}" for k, v in folded.per_label_f1.items())
        out.write(f"| {folded.outlet} | {folded.n} | {folded.macro_f1:.3f} | {folded.accuracy:.3f} "
                  f"| {raw.macro_f1:.3f} | {raw.accuracy:.3f} | {p.c} | {labs} |\n")
        out.flush()
    shared = locate()
    unseen = args.unseen or (shared.joinpath(*UNSEEN_PARTS) if shared else None)
    if unseen and unseen.exists() and not args.outlet:
        from rasd.extract.category import CategoryModel

        model = CategoryModel.load()
        items_unseen = tc.load_items(unseen)
        folded = tc.score(model, items_unseen, "JawharaFM")
        raw = tc.score(model, items_unseen, "JawharaFM", fold=False)
        labs = " ".join(f"{k}={v:.2f}" for k, v in folded.per_label_f1.items())
        out.write(f"| {folded.outlet} (unseen; shipped model) | {folded.n} | {folded.macro_f1:.3f} "
                  f"| {folded.accuracy:.3f} | {raw.macro_f1:.3f} | {raw.accuracy:.3f} | - | {labs} |\n")
    return 0
