"""Consistency: every command has help and is documented in the README; the public API is pinned."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

import rasd
from rasd.cli.main import build_parser, main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, ...]]:
    """Every runnable command path, e.g. ('extract',), ('eval', 'ner')."""
    out: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            out.append(path)
            return
        for name, child in subs[0].choices.items():
            walk(child, (*path, name))

    walk(build_parser(), ())
    return out


COMMANDS = _commands()


def test_the_main_commands_exist() -> None:
    assert {("extract",), ("bench",), ("train", "ner"), ("eval", "ner"), ("eval", "gold"),
            ("eval", "events"), ("train", "category"), ("eval", "category")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*path, "--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("usage: rasd " + " ".join(path))


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    assert re.search(r"rasd " + r"\s+".join(map(re.escape, path)) + r"\b", README), path


def test_public_api_is_pinned() -> None:
    from tests.test_api import PUBLIC  # the one pinned list (tests/test_api.py tests what each does)

    assert sorted(rasd.__all__) == sorted(PUBLIC)


def test_no_command_prints_usage_and_exits_2() -> None:
    assert main([]) == 2
