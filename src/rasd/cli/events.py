"""`rasd train events` and `rasd eval events`: build and score the 16-type PLOVER sentence classifier."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rasd.errors import UsageError
from rasd.shared_data import shared_path

# The Arabic event GSR inside the shared data folder (rasd.shared_data: `rasd --data PATH`, ...).
DEFAULT_DATA = Path("../shared/data/events/arabic_event_gsr")
GSR_PARTS = ("data", "events", "arabic_event_gsr")


def register(groups: dict[str, Any]) -> None:
    t = groups["train"].add_parser(
        "events", help="train the 16-type sentence classifier (labelled sentences + the Arabic event GSR)")
    t.add_argument("--data", type=Path, default=None, help=f"GSR directory (default {DEFAULT_DATA})")
    t.add_argument("--sentences", type=Path, default=None,
                   help="hand-labelled sentences (default: rasd/training/data/event_sentences.jsonl)")
    t.add_argument("--out", type=Path, default=None, help="weights file (default: the shipped model)")
    t.add_argument("--types", nargs="+", default=None, metavar="TYPE",
                   help="retrain only these PLOVER types and keep the others from the file at --out "
                        "(the shipped model by default)")
    t.set_defaults(func=run_train)
    e = groups["eval"].add_parser(
        "events", help="detection P/R/F1 per type and actor-span overlap on GSR-format sentences")
    e.add_argument("--data", type=Path, default=None,
                   help="score every labelled sentence of this directory (*_gsr.csv + *_spans.json); "
                        f"default: the held-out 30%% of {DEFAULT_DATA}")
    e.add_argument("--model", type=Path, default=None, help="weights file (default: the shipped model)")
    e.add_argument("--sentences", type=Path, nargs="?", const=True, default=None,
                   help="score the 16 types on the held-out 30%% of the hand-labelled sentences "
                        "(default file: rasd/training/data/event_sentences.jsonl) instead of the GSR")
    e.set_defaults(func=run_eval)


def run_train(args: argparse.Namespace) -> int:
    try:
        from rasd.training.events import train
    except ImportError as e:
        raise UsageError(f"training needs the build extra: pip install 'rasd[build]' ({e})") from e
    from rasd.extract.events.classifier import MODEL_PATH
    from rasd.training.events import DEFAULT_SENTENCES

    out = args.out or MODEL_PATH
    for r in train(args.data or shared_path(*GSR_PARTS), out, args.sentences or DEFAULT_SENTENCES,
                   types=args.types):
        print(f"{r.event_type}: {r.n_train} sentences ({r.n_pos} yes) in the 70%, C={r.c}, "
              f"threshold={r.threshold}, cross-validated F1={r.cv_f1:.3f}, {r.n_weights} weights")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from rasd.eval.events import evaluate
    from rasd.eval.gsr import read_gsr, scored
    from rasd.extract.events.classifier import MODEL_PATH, EventClassifier

    clf = EventClassifier.load(args.model or MODEL_PATH)
    if args.sentences is not None:
        return _eval_sentences(clf, None if args.sentences is True else args.sentences)
    if args.data is None:
        gsr = shared_path(*GSR_PARTS)
        sentences = scored(read_gsr(gsr), "test")
        print(f"held-out split (sha1(text) % 100 < 30) of {gsr}")
    else:
        sentences = scored(read_gsr(args.data))
        print(f"all labelled sentences of {args.data}")
    print(f"{'type':<8} {'n':>5} {'yes':>4} {'tp':>4} {'fp':>4} {'fn':>4} "
          f"{'P':>6} {'R':>6} {'F1':>6}  actor-overlap")
    for t, s in sorted(evaluate(sentences, clf).items()):
        n = s.tp + s.fp + s.fn + s.tn
        ao = "n/a" if s.actor_overlap is None else f"{s.actor_overlap:.3f} (n={len(s.actor_overlaps)})"
        print(f"{t:<8} {n:>5} {s.tp + s.fn:>4} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
              f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}  {ao}")
    return 0


def _eval_sentences(clf: Any, path: Path | None) -> int:
    from rasd.eval.events import evaluate_labelled
    from rasd.training.events import DEFAULT_SENTENCES, read_sentences

    path = path or DEFAULT_SENTENCES
    test = [s for s in read_sentences(path) if s.split == "test"]
    print(f"held-out split (sha1(text) % 100 < 30) of {path}: {len(test)} sentences")
    print(f"{'type':<10} {'yes':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for t, s in evaluate_labelled(test, clf).items():
        print(f"{t:<10} {s.tp + s.fn:>4} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
              f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    return 0
