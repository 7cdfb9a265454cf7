"""The data validates, and a broken or missing file stops the load with a message naming it."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import geodata
from geodata import validate
from geodata.io import DATA_DIR

DATA_FILES = ["units.yaml", "statuses.yaml", "claimants.yaml", "periods.yaml", "events.yaml", "units.geojson",
              "edges.geojson", "context.geojson", "claims.yaml", "perspectives.yaml", "tour.yaml"]


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in DATA_FILES:
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    return tmp_path


def run_validate(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geodata.validate", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, cwd=DATA_DIR.parent, check=False)


def test_committed_data_validates():
    assert validate.problems() == []
    result = run_validate(DATA_DIR)
    assert result.returncode == 0, result.stderr
    assert "data OK" in result.stdout


def test_missing_file_is_named(data_copy):
    (data_copy / "units.geojson").unlink()
    with pytest.raises(geodata.DataError, match=r"units\.geojson: file is missing"):
        geodata.load_layer(data_copy)


def test_corrupt_yaml_is_named_with_its_line(data_copy):
    path = data_copy / "periods.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - start: [unclosed\n", encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"periods\.yaml: is not valid YAML at line \d+"):
        geodata.load_layer(data_copy)


def test_corrupt_geojson_is_named(data_copy):
    (data_copy / "units.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"units\.geojson: is not valid JSON"):
        geodata.load_units(data_copy)


def test_gap_between_periods_is_reported(data_copy):
    path = data_copy / "periods.yaml"
    text = path.read_text(encoding="utf-8")
    first_end = text.index("end:")
    line_end = text.index("\n", first_end)
    path.write_text(text[:first_end] + "end: '1700-01-01'" + text[line_end:], encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"periods\.yaml: .* expected 1700-01-01"):
        geodata.load_layer(data_copy)


def test_unknown_status_is_reported(data_copy):
    path = data_copy / "periods.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: qing", "status: imaginary", 1), encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"unknown status 'imaginary'"):
        geodata.load_layer(data_copy)


def test_event_with_unknown_region_or_bad_date_is_reported(data_copy):
    path = data_copy / "events.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n- {id: bogus, date: '1921-02-30', title: t, summary: s, place: p, lat: 1, lon: 1,"
                           " sources: [{title: t, url: 'https://example.org'}]}\n", encoding="utf-8")
    assert any("bogus" in p and "ISO date" in p for p in validate.problems(data_copy))


def test_validate_command_prints_a_message_not_a_traceback(data_copy):
    (data_copy / "statuses.yaml").write_text("- id: qing\n  label: [\n", encoding="utf-8")
    result = run_validate(data_copy)
    assert result.returncode == 1
    assert "statuses.yaml: is not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_chinese_claim_spanning_the_1949_change_of_government_is_reported(data_copy):
    path = data_copy / "periods.yaml"
    text = path.read_text(encoding="utf-8")
    # merge Tuva's 1944-49 and 1949- rows into one ROC-claimed row running across 1 October 1949
    tuva = text.index("\ntannu_uriankhai:\n")
    end_line = text.index("  end: '1949-10-01'\n", tuva)
    row_1949 = text.index("- start: '1949-10-01'\n", end_line)
    next_unit = re.search(r"^[a-z_]+:\n", text[row_1949:], re.M).start() + row_1949
    text = text[:end_line] + text[end_line + len("  end: '1949-10-01'\n"):row_1949] + text[next_unit:]
    path.write_text(text, encoding="utf-8")
    found = validate.problems(data_copy)
    assert any("tannu_uriankhai" in p and "across 1949-10-01" in p for p in found), found
