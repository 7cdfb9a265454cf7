"""The data validates, and a broken or missing file stops the load with a message naming it."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import geodata
from geodata import validate
from geodata.io import DATA_DIR

ROOT = DATA_DIR.parent

DATA_FILES = ["units.yaml", "statuses.yaml", "claimants.yaml", "periods.yaml", "events.yaml", "units.geojson",
              "edges.geojson", "context.geojson", "claims.yaml", "perspectives.yaml", "tour.yaml"]


UI_DIR = DATA_DIR.parent / "dashboard" / "i18n"
LANGS = ("en", "zh", "mn")


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in DATA_FILES:
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    shutil.copytree(DATA_DIR / "i18n", tmp_path / "i18n")
    shutil.copytree(UI_DIR, tmp_path / "ui")
    return tmp_path


def first_problem(data_dir: Path) -> str:
    """What start-up says (geodata.check, the same check as validate), as one line."""
    with pytest.raises(geodata.DataError) as info:
        geodata.check(data_dir, data_dir / "ui")
    message = str(info.value)
    assert "\n" not in message
    return message


APP_FILES = [*DATA_FILES, *(f"i18n/{lang}.yaml" for lang in LANGS[1:]), *(f"ui/{lang}.yaml" for lang in LANGS)]


@pytest.mark.parametrize("name", APP_FILES)
def test_every_file_the_app_reads_is_checked(data_copy, name):
    """A truncated copy of any file stops start-up (and validate) with a message naming that file."""
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2] + ("\n  - [unclosed\n" if name.endswith(".yaml") else ""), encoding="utf-8")
    assert first_problem(data_copy).startswith(f"{path}:")
    assert any(p.startswith(f"{path}:") for p in validate.problems(data_copy, data_copy / "ui"))


@pytest.mark.parametrize("name", ["i18n/zh.yaml", "edges.geojson", "context.geojson", "ui/en.yaml"])
def test_missing_file_stops_start_up(data_copy, name):
    (data_copy / name).unlink()
    assert first_problem(data_copy).startswith(f"{data_copy / name}: file is missing")


def test_stale_translation_key_is_named(data_copy):
    path = data_copy / "i18n" / "mn.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("statuses:", "statuses:\n  no_such_status: {label: x}", 1),
                    encoding="utf-8")
    assert first_problem(data_copy) == (f"{path}: 1 key(s) the English data does not have (removed or misspelt ids): "
                                        "statuses.no_such_status.label")


def test_interface_strings_must_have_the_english_keys(data_copy):
    path = data_copy / "ui" / "zh.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^  play: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    assert first_problem(data_copy) == f"{path}: lacks 1 key(s) English has: controls.play"


def test_self_intersecting_unit_is_refused(data_copy):
    path = data_copy / "units.geojson"
    fc = json.loads(path.read_text(encoding="utf-8"))
    region = fc["features"][0]["properties"]["region"]
    fc["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [[[90, 45], [95, 50], [95, 45], [90, 50], [90, 45]]]}
    path.write_text(json.dumps(fc), encoding="utf-8")
    assert first_problem(data_copy).startswith(f"{path}: unit {region} geometry is invalid: Self-intersection")


def test_event_naming_an_unknown_unit_is_refused(data_copy):
    path = data_copy / "events.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("regions: [", "regions: [atlantis, ", 1), encoding="utf-8")
    assert "names unknown units ['atlantis']" in first_problem(data_copy)
    with pytest.raises(geodata.DataError, match="atlantis"):
        geodata.load_events(data_dir=data_copy)        # the default checks units.yaml's ids too


def test_edges_naming_unknown_units_are_refused(data_copy):
    path = data_copy / "edges.geojson"
    fc = json.loads(path.read_text(encoding="utf-8"))
    fc["features"][0]["properties"]["a"] = "atlantis"
    path.write_text(json.dumps(fc), encoding="utf-8")
    assert first_problem(data_copy) == f"{path}: edges name unknown units ['atlantis']"


def _app_copy(tmp_path: Path) -> Path:
    """The app's code and data in a folder of its own, to break a file and start it there."""
    root = tmp_path / "app"
    for part in ("dashboard", "geodata", "assets", "deploy"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__", "periods"))
    return root


@pytest.mark.parametrize(("command", "broken"), [
    (["-m", "dashboard", "--port", "1"], "geodata/i18n/zh.yaml"),
    (["-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "-b", "127.0.0.1:1"], "dashboard/i18n/mn.yaml"),
])
def test_bad_file_stops_start_up_with_one_line(tmp_path, command, broken):
    root = _app_copy(tmp_path)
    (root / broken).write_text("greeting: [unclosed\n", encoding="utf-8")
    result = subprocess.run([sys.executable, *command], capture_output=True, text=True, cwd=root, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(root)}, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Northern Border Atlas cannot start: {root / broken}: is not valid YAML at line 2: "
        "expected ',' or ']', but got '<stream end>'"]


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
