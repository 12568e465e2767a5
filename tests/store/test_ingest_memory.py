"""Ingest memory stays flat: an ingest into SQLite reads without the store's memory map (whose pages
would stay in the process's RSS as the file grows) and gives it back afterwards; the stages' per-word
caches stay within their bounds however many new words a corpus brings (the peak RSS over the shared
corpora is measured by benchmarks/bench_ingest.py)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rasd.extract.events import features
from rasd.extract.events.features import CLASS_LEXICON, main_stem, norm_token
from rasd.ingest import IngestStats, ingest, ingest_records
from rasd.store import open_store


def _mmap(store: Any) -> int:
    return int(store._execute("PRAGMA mmap_size").fetchone()[0])


def test_sqlite_ingest_reads_without_the_memory_map(tmp_path: Path, corpus: Path, pipeline: Any) -> None:
    seen: list[int] = []
    with open_store(str(tmp_path / "rasd.db")) as s:
        mapped = _mmap(s)
        assert mapped > 0  # the store maps its file for search

        def progress(_: IngestStats) -> None:
            seen.append(_mmap(s))

        stats = ingest([str(corpus / "saudi")], s, pipeline, on_progress=progress)
        assert stats.new > 0 and seen and set(seen) == {0}
        assert _mmap(s) == mapped  # given back for the searches that follow
        records = tmp_path / "records.jsonl"
        records.write_text("".join(json.dumps(s.get(i), ensure_ascii=False) + "\n" for i in s.ids()),
                           encoding="utf-8")
        seen.clear()
        ingest_records([str(records)], s, pipeline, on_progress=progress)
        assert seen and set(seen) == {0} and _mmap(s) == mapped


def test_per_word_caches_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "WORD_IDS_WORDS", 30_000)  # the shared cue memo, bounded lower here
    words = [f"كلمة{i}" for i in range(60_000)]  # more new words than any bound
    for w in words:
        norm_token(w)
        main_stem(w)
        CLASS_LEXICON.labels(w)
    assert 0 < len(features._NORM_CACHE) <= 50_001
    assert 0 < len(features._STEM_CACHE) <= 20_001
    assert 0 < len(features._STEMS_CACHE) <= 50_001
    assert 0 < len(features._WORD_IDS) <= 30_001 and 0 < len(CLASS_LEXICON._label_cache) <= 20_001
    assert CLASS_LEXICON.labels(words[-1]) == frozenset()  # a word past the bound is worked out again
    # a word forgotten by a clear is worked out again, the same
    assert norm_token(words[0]) == features.events_key_v1(words[0])
