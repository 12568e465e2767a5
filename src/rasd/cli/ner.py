"""`rasd train ner` and `rasd eval ner`: build the shipped NER tagger and score it on ANERcorp."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rasd.extract.ner.tagger import MODELS_DIR
from rasd.shared_data import shared_path

# ANERcorp (CAMeL Lab split) inside the shared data folder (rasd.shared_data: `rasd --data PATH`, ...).
ANERCORP_PARTS = ("data", "ner", "anercorp")


def register(groups: dict[str, Any]) -> None:
    t = groups["train"].add_parser("ner", help="train the NER tagger on ANERcorp train.txt")
    t.add_argument("--train", type=Path, help="CoNLL training file (default: ../shared ANERcorp train.txt)")
    t.add_argument("--out", type=Path, default=MODELS_DIR, help="output folder (default: the shipped models)")
    t.add_argument("--dev", action="store_true",
                   help="hold out the last 10%% of train.txt, train on the rest and print the dev score")
    t.add_argument("--quick", action="store_true", help="small sample, few iterations (for tests)")
    t.add_argument("--c1", type=float, help="L1 penalty")
    t.add_argument("--c2", type=float, help="L2 penalty")
    t.add_argument("--iterations", type=int, help="L-BFGS iterations")
    t.add_argument("--no-clusters", action="store_true", help="do not use the word-cluster table")
    t.add_argument("--no-gazetteer", action="store_true", help="do not use the name lists")
    t.add_argument("--no-votes", action="store_true",
                   help="skip the news-votes table (a base model tags ../shared news for it)")
    t.add_argument("--stacked", action="store_true", help="add the document-level second pass")
    t.add_argument("--crf-only", action="store_true",
                   help="no neural pass: the CRF alone tags (with news votes and self-training)")
    t.add_argument("--epochs", type=int, help="epochs of the neural pass")
    t.add_argument("--context", type=int, metavar="N",
                   help="sentences on each side whose reading of a recurring word the neural pass "
                        "sees (0: none; default 10)")
    t.add_argument("--unigram-context", action="store_true",
                   help="document context of single words only, not of word pairs")
    t.add_argument("--self-train", type=int, metavar="N",
                   help="confident news sentences added to the training data (0: none)")
    t.set_defaults(func=run_train)

    e = groups["eval"].add_parser("ner", help="score the NER tagger on ANERcorp test.txt (conlleval spans)")
    e.add_argument("--test", type=Path, help="CoNLL file (default: ../shared ANERcorp test.txt)")
    e.add_argument("--model", type=Path, default=MODELS_DIR, help="model folder (default: shipped)")
    e.add_argument("--tagger", choices=("accurate", "fast"), default="accurate",
                   help="which tagger of the folder: accurate (ner.json: CRF + BiLSTM-CRF, the "
                        "default) or fast (ner_fast.json: the CRF alone, what `rasd extract` uses "
                        "unless given --ner accurate)")
    e.add_argument("--predictions", type=Path, metavar="OUT",
                   help="write the test file back with a third column, the predicted tag")
    e.set_defaults(func=run_eval)


def run_train(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from rasd.training.ner import TrainConfig, train

    base = TrainConfig()
    cfg = replace(
        base,
        c1=base.c1 if args.c1 is None else args.c1,
        c2=base.c2 if args.c2 is None else args.c2,
        max_iterations=base.max_iterations if args.iterations is None else args.iterations,
        stacked=args.stacked or base.stacked,
        votes_tokens=0 if args.no_votes else (3_000_000 if args.crf_only else base.votes_tokens),
        self_train=(1500 if args.crf_only else 0) if args.self_train is None else args.self_train,
        neural=not args.crf_only,
        neural_epochs=base.neural_epochs if args.epochs is None else args.epochs,
        neural_context=base.neural_context if args.context is None else args.context,
        neural_context_bigrams=base.neural_context_bigrams and not args.unigram_context,
    )
    train_path = args.train or shared_path(*ANERCORP_PARTS, "train.txt")
    report = train(train_path=train_path, out_dir=args.out, config=cfg,
                   dev_only=args.dev, quick=args.quick, use_clusters=not args.no_clusters,
                   use_gazetteer=not args.no_gazetteer,
                   log=lambda line: print(line, file=sys.stderr, flush=True))
    print(f"trained on {report.train_sentences} sentences in {report.seconds:.1f}s -> {report.model_path}")
    if report.dev_f1 is not None:
        print(f"dev ({report.dev_sentences} sentences) micro F1={report.dev_f1:.4f}")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from rasd.eval.conll import read_conll, write_conll
    from rasd.extract.ner.tagger import SHIPPED, NerTagger
    from rasd.training.ner import evaluate, format_score

    sentences = read_conll(args.test or shared_path(*ANERCORP_PARTS, "test.txt"))
    tagger = NerTagger.load(args.model, SHIPPED[args.tagger])
    result, preds = evaluate(tagger, sentences)
    if args.predictions:
        write_conll(args.predictions, sentences, preds)
    for line in format_score(result):
        print(line)
    sys.stdout.flush()
    return 0
