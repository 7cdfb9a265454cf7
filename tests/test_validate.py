"""The data validates, and a broken or missing file stops the load with a message naming it."""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import geodata
from geodata import publishers, validate
from geodata.events import Event
from geodata.io import DATA_DIR
from geodata.tour import TourStop

ROOT = DATA_DIR.parent

DATA_FILES = ["units.yaml", "statuses.yaml", "claimants.yaml", "periods.yaml", "events.yaml", "units.geojson",
              "edges.geojson", "context.geojson", "claims.yaml", "perspectives.yaml", "tour.yaml", "publishers.yaml",
              "checks.yaml", "manifest.json"]
PAGE_FILES = ["page/map.json", "page/timeline.json", "page/text-en.json", "page/text-zh.json", "page/text-mn.json",
              "page/borders-all.geojson"]


UI_DIR = DATA_DIR.parent / "dashboard" / "i18n"
LANGS = ("en", "zh", "mn")


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in DATA_FILES:
        shutil.copyfile(DATA_DIR / name, tmp_path / name)
    shutil.copytree(DATA_DIR / "i18n", tmp_path / "i18n")
    shutil.copytree(DATA_DIR / "page", tmp_path / "page")
    shutil.copytree(UI_DIR, tmp_path / "ui")
    return tmp_path


def first_problem(data_dir: Path) -> str:
    """What start-up says (geodata.check without the shape checks: validate's loader and rules), as one line."""
    with pytest.raises(geodata.DataError) as info:
        geodata.check(data_dir, data_dir / "ui", geometry=False)
    message = str(info.value)
    assert "\n" not in message
    return message


APP_FILES = [*DATA_FILES, *PAGE_FILES, *(f"i18n/{lang}.yaml" for lang in LANGS[1:]), *(f"ui/{lang}.yaml" for lang in LANGS)]


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
    # start-up refuses a geometry file other than the one the build checked; validate (and the build) say why
    assert first_problem(data_copy) == (f"{path}: differs from the file whose geometry was checked (manifest.json): "
                                        "run python -m geodata.build")
    found = validate.problems(data_copy, data_copy / "ui")
    assert any(p.startswith(f"{path}: unit {region} geometry is invalid: Self-intersection") for p in found), found
    with pytest.raises(geodata.DataError, match="Self-intersection"):
        validate.write_manifest(data_copy)     # the build refuses to record it


def test_manifest_records_every_geometry_file_the_build_checked():
    manifest = json.loads((DATA_DIR / "manifest.json").read_text(encoding="utf-8"))["sha256"]
    assert sorted(manifest) == ["context.geojson", "edges.geojson", "units.geojson"]
    assert manifest["units.geojson"] == validate.sha256(DATA_DIR / "units.geojson")


def test_start_up_check_needs_no_geopandas():
    """The app's start-up check reads the geometry as JSON and compares digests: geopandas is never imported."""
    code = ("import sys, geodata; from dashboard import i18n; geodata.check(ui_dir=i18n.UI_DIR, geometry=False); "
            "print(sorted(m for m in ('geopandas', 'shapely', 'pandas') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


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
    assert first_problem(data_copy).startswith(f"{path}: edges name unknown units ['atlantis'] (and 1 more")
    assert f"{path}: differs from the file whose geometry was checked (manifest.json): run python -m geodata.build" \
        in validate.problems(data_copy, data_copy / "ui")


def _app_copy(tmp_path: Path) -> Path:
    """The app's code and data in a folder of its own, to break a file and start it there."""
    root = tmp_path / "app"
    for part in ("dashboard", "geodata", "assets", "deploy"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
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
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1     # one line, no traceback; the parser's own wording follows the line number
    assert lines[0].startswith(f"Northern Border Atlas cannot start: {root / broken}: is not valid YAML at line 2: ")


def test_tampered_geometry_stops_start_up_with_one_line(tmp_path):
    """A geometry file other than the one the build checked (here one coordinate moved) is refused at start, and
    the served app never imports geopandas, shapely or pandas."""
    root = _app_copy(tmp_path)
    path = root / "geodata" / "units.geojson"
    text = path.read_text(encoding="utf-8")
    digit = text.index("114.208")
    path.write_text(text[:digit] + str((int(text[digit]) + 1) % 10) + text[digit + 1:], encoding="utf-8")
    code = "import dashboard.app"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(root)}, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Northern Border Atlas cannot start: {path}: differs from the file whose geometry was checked "
        "(manifest.json): run python -m geodata.build"]
    path.write_text(text, encoding="utf-8")
    code = ("import sys, dashboard.app; "
            "print(sorted(m for m in ('geopandas', 'shapely', 'pandas', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(root)}, check=True)
    assert result.stdout.strip() == "[]"


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


REGISTRY = """\
- {host: en.wikipedia.org, publisher: Wikipedia (English edition), kind: encyclopedia, why: 'Cited, versioned articles.'}
"""


def _tiny_data(tmp_path: Path, url: str) -> Path:
    """A data folder of only sourced records, each file citing `url` once and Wikipedia once."""
    good = ("{title: Treaty of Kyakhta (1915) — Wikipedia, "
            "url: 'https://en.wikipedia.org/wiki/Treaty_of_Kyakhta_(1915)'}")
    bad = f"{{title: Some copy, url: '{url}'}}"
    files = {
        "publishers.yaml": REGISTRY,
        "periods.yaml": f"outer_mongolia:\n- {{start: '1915-06-07', sources: [{good}, {bad}]}}\n",
        "events.yaml": f"- {{id: kyakhta_1915, sources: [{bad}]}}\n",
        "claims.yaml": ("source_text: {title: The seed text, url: 'http://10.1.2.3/seed.html'}\n"
                        f"claims:\n- {{id: treaty_signed, sources: [{good}, {bad}]}}\n"),
        "perspectives.yaml": (f"kyakhta_1915:\n  facts_sources: [{good}]\n  views:\n"
                              f"  - {{side: mongolia, sources: [{good}]}}\n  - {{side: roc, sources: [{bad}]}}\n"),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("url, reason", [
    ("https://wikisum.wiki/wiki/Treaty_of_Kyakhta", "host wikisum.wiki is not in the publishers registry"),
    ("http://218.28.6.71:81/Qikan/Article/Detail?id=1", "bare IP address"),
    ("http://[2001:db8::1]/page", "bare IP address"),
    ("https://history.state.gov./historicaldocuments/frus1907p1/d158", "ends with a dot"),
    ("https://homsy-staging.cambridgecore.org/core/books/x", "staging, test or admin site"),
    ("https://test.pax.peaceagreements.org/agreements/1", "staging, test or admin site"),
    ("https://manage.thediplomat.com/2015/10/x", "staging, test or admin site"),
    ("https://dev.en.wikipedia.org/wiki/Kyakhta", "staging, test or admin site"),
])
def test_each_bad_citation_is_named_with_file_entry_url_and_advice(tmp_path, url, reason):
    found = publishers.citation_problems(_tiny_data(tmp_path, url))
    where = ["claims.yaml: claim treaty_signed", "events.yaml: event kyakhta_1915",
             "periods.yaml: outer_mongolia row from 1915-06-07", "perspectives.yaml: kyakhta_1915 view 2 (roc)"]
    assert [p.split(" cites ")[0] for p in found] == where   # each bad citation once, the good ones not at all
    for problem in found:
        assert f" cites {url}: " in problem and reason in problem
        assert "cite the canonical address of the work" in problem or "write the host without it" in problem
    if "registry" in reason:
        assert all("add the publisher to geodata/publishers.yaml if it is reputable" in p for p in found)


def test_the_seed_texts_own_address_is_not_a_citation(tmp_path):
    data = _tiny_data(tmp_path, "https://en.wikipedia.org/wiki/Mongolia")
    assert publishers.citation_problems(data) == []   # source_text.url is an unregistered IP, and exempt
    assert ("claims.yaml", ("source_text",)) in publishers.EXEMPT


@pytest.mark.parametrize("entry, message", [
    ("- {host: wikisum.wiki, publisher: W, kind: blog, why: w}", "kind 'blog' is not one of"),
    ("- {host: 'https://britannica.com/', publisher: B, kind: encyclopedia, why: w}", "lower-case host name only"),
    ("- {host: En.Wikipedia.org, publisher: W, kind: encyclopedia, why: w}", "lower-case host name only"),
    ("- {host: en.wikipedia.org, publisher: W, kind: encyclopedia, why: again}", "listed twice"),
    ("- {host: 134.155.108.49, publisher: W, kind: reference, why: w}", "cannot be registered: its host is a bare IP"),
    ("- {host: staging.britannica.com, publisher: B, kind: encyclopedia, why: w}", "cannot be registered"),
    ("- {host: britannica.com, publisher: B, kind: encyclopedia}", "publisher britannica.com: why: is missing"),
])
def test_a_broken_registry_entry_is_named(tmp_path, entry, message):
    data = _tiny_data(tmp_path, "https://en.wikipedia.org/wiki/Mongolia")
    (data / "publishers.yaml").write_text(REGISTRY + entry + "\n", encoding="utf-8")
    with pytest.raises(geodata.DataError, match=r"publishers\.yaml: .*" + re.escape(message)):
        publishers.load_publishers(data)


def test_validate_command_names_an_unregistered_citation(data_copy):
    path = data_copy / "periods.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("url: ") + len("url: ")
    path.write_text(text[:first] + "https://wikimili.com/en/Dzungar_Khanate" + text[text.index("\n", first):],
                    encoding="utf-8")
    result = run_validate(data_copy)
    assert result.returncode == 1
    assert ("- periods.yaml: outer_mongolia row from 1689-01-01 cites https://wikimili.com/en/Dzungar_Khanate: "
            "host wikimili.com is not in the publishers registry") in result.stderr


def test_every_publisher_kind_is_used_by_the_registry():
    kinds = {entry["kind"] for entry in publishers.load_publishers().values()}
    assert kinds == set(publishers.KINDS)
# Consistency rules, on small made-up data: what a claim doubts, what a correct claim says, one date per fact.

def _event(eid: str, day: str, summary: str = "Something happened.", uncertainty: str = "") -> Event:
    return Event(id=eid, date=dt.date.fromisoformat(day), date_precision="day", title=f"Title of {eid}",
                 summary=summary, place="Urga", lat=47.9, lon=106.9, regions=(), sources=(), uncertainty=uncertainty)


def _claim(cid: str, verdict: str, day: str | None = None, **more) -> dict:
    return {"id": cid, "verdict": verdict, "date": dt.date.fromisoformat(day) if day else None,
            "date_precision": "day", "explanation": "Our explanation.", "event": "", "about": [],
            "claimed_date": None, **more}


DOUBTING = ("unverified", "wrong")


def test_an_event_may_not_state_as_fact_a_date_a_claim_marks_unverified():
    events = [_event("petition", "1919-11-22", "The government petitioned on 17 November 1919.", "Dates differ.")]
    claims = [_claim("c", "unverified", "1919-11-17", about=["petition"])]
    found = validate.doubted_facts(claims, events, {}, DOUBTING)
    assert len(found) == 1 and "petition states 17 November 1919 as fact" in found[0] and "claim c" in found[0]
    attributed = [_event("petition", "1919-11-22", "The government petitioned in November 1919.",
                         "Chinese accounts date the petition 17 November 1919.")]
    assert validate.doubted_facts(claims, attributed, {}, DOUBTING) == []


def test_what_an_unverified_claim_is_about_must_carry_an_uncertainty():
    claims = [_claim("c", "unverified", about=["quiet", "outer_mongolia:1919-11-22"])]
    rows = {("outer_mongolia", "1919-11-22"): {"note": "Ruled from Beijing.", "uncertainty": ""}}
    found = validate.doubted_facts(claims, [_event("quiet", "1919-11-22")], rows, DOUBTING)
    assert found == ["quiet states what claim c marks unverified but carries no uncertainty",
                     "outer_mongolia:1919-11-22 states what claim c marks unverified but carries no uncertainty"]


def test_a_row_may_not_state_the_wrong_date_the_text_gives():
    claims = [_claim("c", "wrong", "1921-02-04", claimed_date=dt.date(1921, 2, 11), about=["outer_mongolia:1921-02-04"])]
    rows = {("outer_mongolia", "1921-02-04"): {"note": "Urga fell on February 11, 1921.", "uncertainty": ""}}
    found = validate.doubted_facts(claims, [], rows, DOUBTING)
    assert len(found) == 1 and "11 February 1921" in found[0] and "marks wrong" in found[0]
    rows[("outer_mongolia", "1921-02-04")]["note"] = "Urga fell on 4 February 1921."
    assert validate.doubted_facts(claims, [], rows, DOUBTING) == []


def test_a_claim_about_something_unknown_is_reported():
    claims = [_claim("c", "unverified", about=["nothing", "tibet:1700-01-01"])]
    found = validate.doubted_facts(claims, [], {}, DOUBTING)
    assert found == ["claim c is about unknown event nothing", "claim c is about tibet:1700-01-01, but tibet has no "
                     "row starting 1700-01-01"]


def test_correct_and_contested_claims_are_not_checked_for_doubt():
    events = [_event("e", "1945-10-20", "Held on 20 October 1945.")]
    claims = [_claim("c", "correct", "1945-10-20", about=["e"]), _claim("d", "contested", "1945-10-20", about=["e"])]
    assert validate.doubted_facts(claims, events, {}, DOUBTING) == []


def test_a_correct_claim_may_not_correct_the_text():
    markers = ["not the", "rather than"]
    claims = [_claim("fine", "correct"), _claim("corrects", "correct", explanation="The state, not the party, did it."),
              _claim("partly", "partly_correct", explanation="The date is right, but not the name.")]
    found = validate.correcting_correct_claims(claims, markers)
    assert len(found) == 1 and "claim corrects is judged correct" in found[0] and "(not the)" in found[0]


def test_the_same_event_has_the_same_date_in_tour_moments_and_claims():
    events = [_event("nerchinsk", "1689-09-06")]
    tour = [TourStop(date=dt.date(1689, 9, 7), event="nerchinsk", caption={"en": "x", "zh": "x"})]
    moments = {"m": {"date": dt.date(1689, 9, 6), "event": "nerchinsk"}, "n": {"date": dt.date(1689, 9, 6), "event": ""}}
    claims = [_claim("c", "wrong", "1689-09-17", event="nerchinsk"), _claim("d", "correct", "1689-09-06", event="gone")]
    assert validate.date_mismatches(events, claims, moments, tour) == [
        "tour stop 1689-09-07 dates nerchinsk 1689-09-07, but the event is dated 1689-09-06",
        "claim c dates nerchinsk 1689-09-17, but the event is dated 1689-09-06",
        "claim d names unknown event gone"]


def test_date_spellings_cover_the_forms_our_texts_use():
    assert validate.date_spellings(dt.date(1919, 11, 17)) == ("17 November 1919", "November 17, 1919", "1919-11-17")


def test_restating_the_petition_date_in_the_real_data_is_caught(data_copy):
    path = data_copy / "events.yaml"
    text = path.read_text(encoding="utf-8")
    old = "petitioned Beijing in November 1919 to give"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "petitioned Beijing on 17 November 1919 to give"), encoding="utf-8")
    found = validate.problems(data_copy)
    assert any(p.startswith("mongolian_autonomy_revoked_1919 states 17 November 1919 as fact") for p in found)


def test_broken_checks_file_is_named(data_copy):
    (data_copy / "checks.yaml").write_text("correction_markers: not a list\nverdicts_doubting: [wrong]\n",
                                           encoding="utf-8")
    assert any("checks.yaml: correction_markers: Input should be a valid list" in p for p in validate.problems(data_copy))
def test_broken_glossary_or_dated_names_are_reported(data_copy):
    (data_copy / "i18n").mkdir(exist_ok=True)
    (data_copy / "i18n" / "glossary.yaml").write_text("- en: [Urga]\n  zh: 库伦\n", encoding="utf-8")
    assert any("glossary.yaml: term 'Urga': mn: is missing" in p for p in validate.problems(data_copy))
    (data_copy / "i18n" / "glossary.yaml").unlink()
    path = data_copy / "units.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("until: '1924-11-26'", "until: '1900-01-01'", 1),
                    encoding="utf-8")
    assert any("unit outer_mongolia: names_by_date #5: until 1900-01-01 is not after" in p
               for p in validate.problems(data_copy))
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
