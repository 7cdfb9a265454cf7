"""Build the unit coverage from Natural Earth: `python -m geodata.build` rewrites the committed outputs.

Each historical unit is assembled from modern admin-1 polygons, cut by a few straight lines where
history does not follow a modern boundary. All pieces are cut from one admin-1 layer so neighbours
share edges exactly, and the whole set is simplified as one coverage so they keep sharing them.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import Polygon, box, mapping

from . import bundle, source
from .errors import DataError
from .io import DATA_DIR
from .layer import EQUAL_AREA_CRS, load_layer

SIMPLIFY_TOLERANCE = 0.02  # degrees; keeps Mongolia within 0.1% of its area and the file under 400 KB
GRID = 0.001  # degrees; coordinates are rounded to this grid (about 100 m)
FRAME = box(60.0, 15.0, 145.0, 62.0)  # what the map shows of Russia and the neighbours

# Straight cuts, (lon, lat). Each is a polygon of the side named; see units.yaml for why.
BARGA_CUT = Polygon([(114, 47.2), (120.5, 47.2), (121.5, 47.6), (127, 47.6), (127, 54), (114, 54)])
MENGJIANG_EAST_LINE = [(120.3, 47.2), (118.5, 44.8), (117.0, 43.0), (116.5, 42.0), (116.3, 40.0)]
WEST_OF_MENGJIANG_EAST = Polygon([*MENGJIANG_EAST_LINE, (106.5, 40.0), (106.5, 47.2)])
ORDOS = Polygon([(106.0, 37.0), (106.0, 40.3), (111.5, 40.3), (111.5, 37.0)])
ZHANGJIAKOU = box(113.0, 40.3, 116.3, 42.7)
DATONG = box(111.0, 39.3, 114.6, 40.8)
LOWER_AMUR = [(134.75, 48.42), (135.07, 48.48), (136.4, 49.6), (137.0, 50.55), (138.5, 51.2),
              (140.2, 51.9), (140.73, 53.14), (141.6, 53.4)]
RIGHT_OF_LOWER_AMUR = Polygon([(134.75, 42.0), *LOWER_AMUR, (146.0, 53.4), (146.0, 42.0)])
UDA_LIMIT = box(120.0, 40.0, 146.0, 55.0)  # the undemarcated Uda lands north of this stay Russian
SIXTY_FOUR_VILLAGES = Polygon([(127.53, 50.30), (127.78, 50.58), (128.10, 50.42), (128.28, 50.05),
                               (128.15, 49.75), (127.4, 49.9)])
HEIXIAZI = Polygon([(134.10, 48.33), (134.25, 48.41), (134.50, 48.43), (134.52, 48.36), (134.32, 48.31)])
ILI_VALLEY = box(80.2, 42.8, 84.2, 44.6)
NORTHWEST_EAST_KAZ = Polygon([(79.0, 45.0), (79.0, 50.0), (88.0, 50.0), (88.0, 45.0)])

CONTEXT_COUNTRIES = ["KAZ", "KGZ", "TJK", "UZB", "TKM", "AFG", "PAK", "IND", "NPL", "BTN", "BGD", "MMR",
                     "LAO", "VNM", "THA", "KHM", "PRK", "KOR", "JPN", "IRN", "PHL"]


def load_admin1(gpkg: Path) -> gpd.GeoDataFrame:
    """Read the admin-1 layer, with a clear error when the source is not the expected file."""
    try:
        frame = gpd.read_file(gpkg, layer="states_provinces")
    except Exception as exc:
        raise DataError(gpkg, f"cannot read layer states_provinces ({exc})") from None
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        raise DataError(gpkg, f"states_provinces is in {frame.crs}, expected EPSG:4326")
    return frame


def _pick(admin1: gpd.GeoDataFrame, country: str, names: list[str] | None = None) -> shapely.Geometry:
    """Union of a country's admin-1 polygons, optionally only those with these `gn_name`s."""
    rows = admin1[admin1.adm0_a3 == country]
    if names is not None:
        rows = rows[rows.gn_name.isin(names)]
        found = set(rows.gn_name)
        missing = [n for n in names if n not in found]
        if missing:
            raise DataError(source.gpkg_path(), f"admin-1 units not found for {country}: {missing}")
    if rows.empty:
        raise DataError(source.gpkg_path(), f"no admin-1 units for {country}")
    return shapely.union_all(rows.geometry.values)


def raw_units(admin1: gpd.GeoDataFrame) -> dict[str, shapely.Geometry]:
    """Unsimplified unit polygons, in drawing priority order (earlier units win overlaps)."""
    inner_mongolia = _pick(admin1, "CHN", ["Inner Mongolia Autonomous Region"])
    xinjiang = _pick(admin1, "CHN", ["Xinjiang Uygur Zizhiqu"])
    khabarovsk = _pick(admin1, "RUS", ["Khabarovskiy Kray"])
    heilongjiang = _pick(admin1, "CHN", ["Heilongjiang Sheng"])
    amur = _pick(admin1, "RUS", ["Amurskaya Oblast'"])

    barga = inner_mongolia & BARGA_CUT
    mengjiang = ((inner_mongolia & WEST_OF_MENGJIANG_EAST) - ORDOS - barga) | (
        _pick(admin1, "CHN", ["Hebei Sheng"]) & ZHANGJIAKOU) | (_pick(admin1, "CHN", ["Shanxi Sheng"]) & DATONG)
    manchuria = (_pick(admin1, "CHN", ["Heilongjiang Sheng", "Jilin Sheng", "Liaoning Sheng"])
                 | (inner_mongolia - WEST_OF_MENGJIANG_EAST - box(96, 37, 106.5, 47.2)))
    units: dict[str, shapely.Geometry] = {
        "outer_mongolia": _pick(admin1, "MNG"),
        "tannu_uriankhai": _pick(admin1, "RUS", ["Respublika Tyva"]),
        "barga": barga,
        "heixiazi": HEIXIAZI & (heilongjiang | khabarovsk),
        "sixty_four_villages": amur & SIXTY_FOUR_VILLAGES,
        "mengjiang": mengjiang,
        "manchuria": manchuria,
        "amur_left_bank": (amur | _pick(admin1, "RUS", ["Yevreyskaya Avtonomnaya Oblast'"])
                           | ((khabarovsk - RIGHT_OF_LOWER_AMUR) & UDA_LIMIT)),
        "primorye": _pick(admin1, "RUS", ["Primorskiy Kray"]) | ((khabarovsk & RIGHT_OF_LOWER_AMUR) & UDA_LIMIT),
        "ili": xinjiang & ILI_VALLEY,
        "xinjiang": xinjiang,
        "tibet": _pick(admin1, "CHN", ["Tibet Autonomous Region"]),
        "taiwan": _pick(admin1, "TWN"),
        "northwest_cession": (_pick(admin1, "KAZ", ["Almaty Oblysy", "Almaty Qalasy"])
                              | (_pick(admin1, "KAZ", ["Shyghys Qazaqstan Oblysy"]) & NORTHWEST_EAST_KAZ)
                              | _pick(admin1, "KGZ", ["Issyk-Kul'skaya Oblast'"])),
        "china": _pick(admin1, "CHN"),
        "russia": (_pick(admin1, "RUS") - _pick(admin1, "RUS", ["Sakhalinskaya Oblast'"])) & FRAME,
    }
    return _make_disjoint(units)


def _make_disjoint(units: dict[str, shapely.Geometry]) -> dict[str, shapely.Geometry]:
    """Remove from each unit what earlier units already hold, so the set is a coverage."""
    taken = shapely.Polygon()
    result = {}
    for uid, geom in units.items():
        piece = shapely.make_valid(geom - taken)
        piece = _polygonal(piece)
        if piece.is_empty:
            raise DataError(source.gpkg_path(), f"unit {uid} came out empty")
        result[uid] = piece
        taken = taken | piece
    return result


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Keep only the polygon parts of a geometry (cuts can leave slivers of lines or points)."""
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon") and g.area > 1e-9]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def context_countries(admin1: gpd.GeoDataFrame, units: dict[str, shapely.Geometry]) -> dict[str, shapely.Geometry]:
    """Neighbouring countries inside the frame, less any unit, for orientation only."""
    held = shapely.union_all(list(units.values()))
    out = {}
    for code in CONTEXT_COUNTRIES:
        rows = admin1[admin1.adm0_a3 == code]
        if rows.empty:
            continue
        geom = _polygonal(shapely.make_valid((shapely.union_all(rows.geometry.values) & FRAME) - held))
        if not geom.is_empty:
            out[f"ctx_{code.lower()}"] = geom
    return out


def node_coverage(geoms: dict[str, shapely.Geometry]) -> dict[str, shapely.Geometry]:
    """Re-cut the pieces from their common linework on the output grid, so neighbours share every vertex.

    Straight cuts add vertices on one side of a boundary only; rebuilding every piece from the noded
    boundaries (faces of the line arrangement, each given to the piece it lies in) makes a valid coverage.
    """
    ids = list(geoms)
    values = list(geoms.values())
    lines = shapely.union_all([g.boundary for g in values], grid_size=GRID)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    face_idx, owner_idx = shapely.STRtree(values).query(shapely.point_on_surface(faces), predicate="within")
    owned: dict[int, list] = {}
    for f, o in zip(face_idx, owner_idx):
        owned.setdefault(int(o), []).append(faces[f])
    return {uid: shapely.union_all(owned.get(n, [])) for n, uid in enumerate(ids)}


def simplify_coverage(geoms: dict[str, shapely.Geometry]) -> dict[str, shapely.Geometry]:
    """Simplify all polygons as one coverage (never one by one), so shared edges stay shared."""
    noded = node_coverage(geoms)
    simplified = shapely.coverage_simplify(list(noded.values()), SIMPLIFY_TOLERANCE)
    # Simplification only drops vertices, so every coordinate is still on the grid; rounding here
    # only makes the decimal text short.
    rounded = shapely.transform(simplified, lambda xy: np.round(xy, 3))
    return dict(zip(noded, rounded))


def areas_km2(geoms: dict[str, shapely.Geometry]) -> dict[str, float]:
    """Area of each geometry in km², measured in an equal-area projection."""
    series = gpd.GeoSeries(list(geoms.values()), index=list(geoms), crs="EPSG:4326").to_crs(EQUAL_AREA_CRS)
    return {k: round(float(v) / 1e6) for k, v in series.area.items()}


def shared_edges(geoms: dict[str, shapely.Geometry]) -> list[tuple[str, str, shapely.Geometry]]:
    """Every edge of the coverage once: (a, b, line), with b "" where the other side is sea or frame."""
    ids = list(geoms)
    bounds = {i: geoms[i].boundary for i in ids}
    tree = shapely.STRtree([geoms[i] for i in ids])
    edges = []
    for n, a in enumerate(ids):
        used = []
        for m in sorted(tree.query(geoms[a])):
            b = ids[m]
            if m == n:
                continue
            line = shapely.line_merge(_lines(bounds[a] & bounds[b]))
            if line.is_empty:
                continue
            used.append(line)
            if m > n:
                edges.append((a, b, line))
        rest = shapely.line_merge(_lines(bounds[a] - shapely.union_all(used))) if used else bounds[a]
        if not rest.is_empty:
            edges.append((a, "", rest))
    return edges


def _lines(geom: shapely.Geometry) -> shapely.Geometry:
    """Keep only line parts (shared corners come back as points)."""
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("LineString", "MultiLineString")]
    return shapely.union_all(parts) if parts else shapely.LineString()


def _feature_collection(features: list[dict]) -> str:
    """Serialise a FeatureCollection compactly and deterministically."""
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True) + "\n"


def _feature(props: dict, geom: shapely.Geometry) -> dict:
    return {"type": "Feature", "properties": props, "geometry": mapping(geom)}


def build_geometry(outdir: Path, gpkg: Path) -> dict[str, Path]:
    """Write units.geojson, edges.geojson and context.geojson into outdir; return their paths."""
    admin1 = load_admin1(gpkg)
    units = raw_units(admin1)
    context = context_countries(admin1, units)
    simple = simplify_coverage({**units, **context})
    area = areas_km2(units)
    outputs = {
        "units.geojson": _feature_collection(
            [_feature({"region": uid, "area_km2": area[uid]}, simple[uid]) for uid in units]),
        "context.geojson": _feature_collection(
            [_feature({"country": cid}, simple[cid]) for cid in context]),
        "edges.geojson": _feature_collection(
            [_feature({"a": a, "b": b}, line) for a, b, line in shared_edges(simple) if a in units or b in units]),
    }
    paths = {}
    for name, text in outputs.items():
        path = outdir / name
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def build_periods(outdir: Path) -> list[Path]:
    """Write one GeoJSON per period (units dissolved by status) into outdir/periods."""
    layer = load_layer(data_dir=outdir)
    folder = outdir / "periods"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.geojson"):
        old.unlink()
    written = []
    starts = sorted(set(layer.start))
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else ""
        rows = layer[(layer.start <= start) & ((layer.end == "") | (layer.end > start))]
        features = []
        for status, group in rows.groupby("status", sort=True):
            features.append(_feature(
                {"status": status, "status_label": group.status_label.iloc[0], "start": start, "end": end,
                 "regions": sorted(group.region)},
                shapely.set_precision(shapely.union_all(group.geometry.values), GRID)))
        path = folder / f"{start}.geojson"
        path.write_text(_feature_collection(features), encoding="utf-8")
        written.append(path)
    return written


HAND_WRITTEN = ("units.yaml", "statuses.yaml", "claimants.yaml", "periods.yaml", "events.yaml", "claims.yaml",
                "perspectives.yaml", "tour.yaml")


def build(outdir: Path = DATA_DIR) -> dict[str, Path]:
    """Fetch the source if needed and write every built output into outdir.

    When outdir is not geodata/ the hand-written YAML is copied beside the outputs, so outdir is a
    complete data folder that load_layer(outdir) can read (the reproducibility test relies on it).
    """
    outdir = Path(outdir)
    if outdir.resolve() != DATA_DIR:
        outdir.mkdir(parents=True, exist_ok=True)
        for name in HAND_WRITTEN:
            shutil.copyfile(DATA_DIR / name, outdir / name)
        shutil.copytree(DATA_DIR / "i18n", outdir / "i18n", dirs_exist_ok=True)
    gpkg = source.fetch()
    digest = source.sha256(gpkg)
    if digest != source.EXPECTED_SHA256:
        print(f"warning: {gpkg} differs from the file the committed data was built from "
              f"(sha256 {digest}); outputs may change", file=sys.stderr)
    paths = build_geometry(outdir, gpkg)
    for path in build_periods(outdir):
        paths[f"periods/{path.name}"] = path
    for name, path in bundle.write_bundle(outdir / "page", outdir).items():
        paths[f"page/{name}"] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: build into geodata/ (or --out DIR) and report sizes."""
    parser = argparse.ArgumentParser(prog="python -m geodata.build", description=__doc__)
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: geodata/)")
    args = parser.parse_args(argv)
    try:
        paths = build(args.out)
    except DataError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    for name in ("units.geojson", "edges.geojson", "context.geojson"):
        print(f"{name}: {paths[name].stat().st_size / 1024:.1f} KB")
    print(f"periods: {sum(1 for k in paths if k.startswith('periods/'))} files")
    print(f"page bundle: {sum(p.stat().st_size for k, p in paths.items() if k.startswith('page/')) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
