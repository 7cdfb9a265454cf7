"""The committed outputs are exactly what `python -m geodata.build` makes from the Natural Earth source."""
import filecmp
import os
from pathlib import Path

import pytest

from geodata import build, source
from geodata.errors import DataError
from geodata.io import DATA_DIR


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    try:
        source.fetch()
    except DataError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the Natural Earth source: {exc}")
        pytest.skip(f"Natural Earth source not available here: {exc}")
    out = tmp_path_factory.mktemp("build")
    build.build(out)
    return out


def test_source_is_the_file_the_data_was_built_from(rebuilt):
    assert source.sha256(source.gpkg_path()) == source.EXPECTED_SHA256


@pytest.mark.parametrize("name", ["units.geojson", "edges.geojson", "context.geojson"])
def test_geometry_outputs_are_reproducible(rebuilt, name):
    assert filecmp.cmp(rebuilt / name, DATA_DIR / name, shallow=False), f"{name} differs: run python -m geodata.build"


def test_units_file_fits_the_browser_budget():
    assert (DATA_DIR / "units.geojson").stat().st_size <= 400 * 1024


def test_page_bundle_rebuilt_by_the_full_build(rebuilt):
    for path in sorted((DATA_DIR / "page").glob("*.*json")):   # the bundle and the borders download
        assert filecmp.cmp(rebuilt / "page" / path.name, path, shallow=False), f"{path.name} differs: run python -m geodata.build"


def test_page_bundle_is_what_the_bundle_step_makes(tmp_path):
    """The committed page bundle is regenerated from the committed data files alone (no Natural Earth needed)."""
    from geodata import bundle

    written = bundle.write_bundle(tmp_path)
    committed = sorted(p.name for p in (DATA_DIR / "page").glob("*.*json"))
    assert sorted(written) == committed
    for name in committed:
        assert filecmp.cmp(tmp_path / name, DATA_DIR / "page" / name, shallow=False), \
            f"geodata/page/{name} differs: run python -m geodata.bundle"
