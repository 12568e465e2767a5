"""One pipeline shared by four threads over ~200 shared articles gives the records one thread gives
(no cache read-twice race, models loaded once), and concurrent first loads give one object."""
from __future__ import annotations

import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.golden.corpus import NEWS, sample

import rasd
from rasd.model import Article
from rasd.resources import Resources

PER_CORPUS = 67
SEED = 20261211


@pytest.mark.skipif(not NEWS.exists(), reason="../shared/data/news is not available")
def test_four_threads_give_the_records_of_one() -> None:
    records = [a.to_dict() for a in sample(PER_CORPUS, SEED)]
    assert len(records) >= 190
    pipe = rasd.load_pipeline()

    def run(rec: dict) -> dict:
        return pipe(Article.from_dict(rec)).to_dict()

    one = [run(r) for r in records]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so a check-then-read race shows
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            four = list(pool.map(run, records))
    finally:
        sys.setswitchinterval(interval)
    diff = [a["id"] for a, b in zip(one, four, strict=True) if a != b]
    assert diff == [], f"{len(diff)} records differ under threads: {diff[:10]}"


def test_a_resource_is_loaded_once_under_concurrent_first_use(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "table.tsv").write_text("a\t1\n", encoding="utf-8")
    res = Resources(tmp_path)
    calls: list[int] = []
    start = threading.Barrier(8)

    def loader(path: Path) -> dict[str, str]:
        calls.append(1)
        return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())

    def first_use() -> object:
        start.wait()
        return res.load("models/table.tsv", loader)

    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda _: first_use(), range(8)))
    assert len(calls) == 1 and all(g is got[0] for g in got)


def test_a_failed_load_is_not_cached(tmp_path: Path) -> None:
    res = Resources(tmp_path)
    with pytest.raises(FileNotFoundError):
        res.load("models/none.tsv", lambda p: p.read_text(encoding="utf-8"))
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "none.tsv").write_text("x", encoding="utf-8")
    assert res.load("models/none.tsv", lambda p: p.read_text(encoding="utf-8")) == "x"


def test_the_shipped_stage_models_are_shared_between_pipelines() -> None:
    a, b = rasd.load_pipeline(), rasd.load_pipeline()
    ev = a.names.index("events")
    assert a.stages[ev].classifier is b.stages[ev].classifier  # type: ignore[attr-defined]
    cat = a.names.index("category")
    assert a.stages[cat].model is b.stages[cat].model  # type: ignore[attr-defined]
