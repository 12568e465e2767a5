"""The `rasd` command: builds the argument parser from the command modules and runs one command."""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from rasd.errors import RasdError
from rasd.shared_data import ENV, SharedDataMissing, using
from rasd.version import __version__

# Each module exposes `register(groups)`, where groups maps "" (top level), "train" and "eval" to
# argparse sub-parser collections; every parser it adds sets `func(args) -> int`.
COMMAND_MODULES: tuple[str, ...] = (
    "rasd.cli.extract",
    "rasd.cli.ingest",
    "rasd.cli.search",
    "rasd.cli.export",
    "rasd.cli.serve",
    "rasd.cli.bench",
    "rasd.cli.ner",
    "rasd.cli.gold",
    "rasd.cli.category",
    "rasd.cli.events",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasd", description="rasd (رصد): structured records from Arabic news articles.")
    parser.add_argument("--version", action="version", version=f"rasd {__version__}")
    parser.add_argument("--data", metavar="PATH", default=None, dest="shared_data",
                        help="the shared data folder (corpora, gold files, scorers) that the train, eval and "
                             f"bench commands read by default; default: ${ENV}, else ../shared of the "
                             "working directory, else a shared/ folder beside the checkout")
    top = parser.add_subparsers(dest="command", metavar="COMMAND")
    train = top.add_parser("train", help="train a shipped model from ../shared data")
    train_sub = train.add_subparsers(dest="what", metavar="WHAT")
    evaluate = top.add_parser("eval", help="evaluate a model or the pipeline on held-out data")
    eval_sub = evaluate.add_subparsers(dest="what", metavar="WHAT")
    groups = {"": top, "train": train_sub, "eval": eval_sub}
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        with using(args.shared_data):
            return int(func(args))
    except SharedDataMissing as e:
        print(f"rasd: {e}", file=sys.stderr)
        return 2
    except RasdError as e:
        print(f"rasd: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    sys.exit(main())
