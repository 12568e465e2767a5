"""The pipeline fingerprint: the same code, config and model bytes give the same one; a change to any
shipped file a stage loads, or to a stage option, gives another. The manifest matches the files."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.pipeline import SPECS, PipelineConfig
from rasd.resources import PACKAGE_ROOT, RESOURCES, Resources, shipped_files

FAST = PipelineConfig.build()
ACCURATE = PipelineConfig.build(options={"entities": {"ner": "accurate"}})


def _mirror(tmp: Path) -> Path:
    """A resource root whose files are links to the shipped ones (none copied yet)."""
    root = tmp / "rasd"
    for name in shipped_files():
        dest = root / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.symlink_to(PACKAGE_ROOT / name)
    return root


def _change(root: Path, name: str) -> None:
    """Replace the link `name` by a copy of the file with one more byte."""
    data = (PACKAGE_ROOT / name).read_bytes()
    (root / name).unlink()
    (root / name).write_bytes(data + b"\n")


def test_manifest_matches_the_shipped_files() -> None:
    assert RESOURCES.check_manifest() == [], "run `python -m rasd.resources` after changing a model"


def test_manifest_covers_every_shipped_model_and_table() -> None:
    names = set(RESOURCES.manifest())
    assert {"models/category.npz", "models/ner_fast.crfsuite", "geo/data/gazetteer.tsv.gz"} <= names
    assert not any(n.endswith((".md", ".py")) or n.endswith("MANIFEST.sha256") for n in names)


def test_every_declared_file_is_in_the_manifest() -> None:
    declared = {f for s in SPECS for f in s.resources}
    declared |= {f for s in SPECS for by_value in s.option_resources.values() for fs in by_value.values()
                 for f in fs}
    assert declared <= set(RESOURCES.manifest())


def test_a_changed_file_fails_the_manifest_check(tmp_path: Path) -> None:
    root = _mirror(tmp_path)
    shutil.copy(PACKAGE_ROOT / "models" / "MANIFEST.sha256", root / "models" / "MANIFEST.sha256")
    assert Resources(root).check_manifest() == []
    _change(root, "models/category_geo.tsv")
    assert Resources(root).check_manifest() == ["models/category_geo.tsv: sha256 differs from the manifest"]


def test_same_config_same_fingerprint() -> None:
    again = PipelineConfig.build(["sentences", "dates", "entities", "places", "dateline", "quotes", "counts",
                                  "events", "category"])
    assert FAST.fingerprint() == again.fingerprint() == PipelineConfig.build().fingerprint()
    assert FAST.fingerprint() == FAST.fingerprint(Resources(PACKAGE_ROOT))


def test_fingerprint_is_the_same_in_another_process() -> None:
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT.parent), "PYTHONHASHSEED": "123"}
    code = "from rasd.pipeline import PipelineConfig; print(PipelineConfig.build().fingerprint())"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == FAST.fingerprint()


def test_a_stage_option_changes_the_fingerprint() -> None:
    assert ACCURATE.fingerprint() != FAST.fingerprint()
    assert PipelineConfig.build(["sentences", "dates"]).fingerprint() != \
        PipelineConfig.build(["dates"]).fingerprint()


def test_same_bytes_elsewhere_same_fingerprint(tmp_path: Path) -> None:
    assert FAST.fingerprint(Resources(_mirror(tmp_path))) == FAST.fingerprint()


@pytest.mark.parametrize("config", [FAST, ACCURATE], ids=["fast", "accurate"])
def test_any_declared_file_changes_the_fingerprint(tmp_path: Path, config: PipelineConfig) -> None:
    root = _mirror(tmp_path)
    base = config.fingerprint(Resources(root))
    seen = {base}
    for name in config.files():
        _change(root, name)
        fp = config.fingerprint(Resources(root))
        assert fp not in seen, f"changing {name} left the fingerprint at {fp}"
        seen.add(fp)


def test_a_file_no_stage_loads_leaves_the_fingerprint(tmp_path: Path) -> None:
    root = _mirror(tmp_path)
    base = FAST.fingerprint(Resources(root))
    _change(root, "models/ner_neural.npz")  # only the accurate tagger loads it
    assert FAST.fingerprint(Resources(root)) == base
    assert ACCURATE.fingerprint(Resources(root)) != ACCURATE.fingerprint()


def test_what_the_stages_load_through_the_loader_is_declared() -> None:
    from rasd.pipeline import Pipeline

    Pipeline()  # other tests of the session may have loaded the accurate tagger too
    # The desk's files (the map's outlines) are read through the loader too, but no stage reads them.
    loaded = {name for name in RESOURCES.loaded() if not name.startswith("desk/")}
    assert loaded and loaded <= set(FAST.files()) | set(ACCURATE.files())
