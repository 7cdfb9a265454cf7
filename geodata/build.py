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

from . import bundle, source, validate
from .errors import DataError
from .io import DATA_DIR
from .layer import EQUAL_AREA_CRS

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
# Tarbagatai (Tacheng) and Altai (Altay) districts: northern Xinjiang north of a line along the
# Dzungarian basin's southern rim of the Tacheng and Altay prefectures.
TARBAGATAI_ALTAI = Polygon([(80.0, 44.6), (84.2, 44.6), (85.6, 45.3), (88.0, 45.3), (91.0, 45.1), (92.0, 46.0),
                            (92.0, 50.0), (80.0, 50.0)])
# Jehol province (1928-1955): Chengde north of the Great Wall, Chifeng and the Chaoyang-Fuxin area of
# western Liaoning. The Great Wall is drawn as a line from Gubeikou to Shanhaiguan.
GREAT_WALL_EAST = [(116.3, 40.55), (117.2, 40.45), (117.5, 40.25), (118.5, 40.2), (119.75, 40.05)]
JEHOL = Polygon([*GREAT_WALL_EAST, (120.6, 40.6), (121.4, 41.4), (122.0, 42.3), (121.6, 43.2), (120.8, 44.4),
                 (119.6, 45.1), (118.3, 45.0), *MENGJIANG_EAST_LINE[2:4], (116.3, 40.55)])
# East Hebei (Jidong) autonomous council: the 22 counties between the Great Wall, Beijing and the Gulf
# of Bohai, from Tongzhou to Shanhaiguan, Tianjin city left out.
EAST_HEBEI = Polygon([(116.6, 40.5), *GREAT_WALL_EAST[1:], (120.0, 39.8), (119.3, 39.0), (117.9, 38.9),
                      (117.6, 39.35), (117.1, 39.55), (116.6, 39.75)])
# Leased territories on the coast, small polygons around each (their land areas were 300-3,500 km²).
KWANTUNG = Polygon([(120.8, 38.6), (122.5, 38.6), (122.5, 39.25), (122.2, 39.45), (121.45, 39.55), (120.8, 39.3)])
KIAUTSCHOU = box(119.9, 35.85, 120.7, 36.4)
WEIHAIWEI = box(121.8, 37.25, 122.55, 37.6)
# Hong Kong districts ceded in 1842 (the island) and 1860 (Kowloon); the rest is the 1898 lease.
HONG_KONG_CEDED = ["Central and Western District", "Wan Chai", "Eastern", "Southern", "Yau Tsim Mong",
                   "Sham Shui Po", "Kowloon City"]
# Japanese occupation of China proper in stages (areas held by 1938, 1938-39 and by Ichi-Go in 1944).
LOWER_YANGTZE = Polygon([(116.9, 35.2), (122.5, 35.2), (122.5, 29.9), (119.2, 29.9), (117.8, 30.6), (116.9, 31.6)])
WUHAN = Polygon([(112.7, 31.9), (115.9, 31.9), (116.1, 30.0), (114.6, 29.6), (113.0, 29.6), (112.7, 30.4)])
GUANGZHOU = Polygon([(112.3, 23.9), (114.4, 23.9), (114.6, 22.6), (113.6, 22.0), (112.3, 22.3)])
ICHIGO_NORTH = Polygon([(111.9, 35.0), (114.9, 35.0), (114.9, 32.4), (114.0, 31.9), (112.7, 31.9), (112.7, 29.6),
                        (114.2, 29.3), (113.9, 26.0), (112.2, 25.6), (111.3, 26.2), (111.4, 29.5), (111.9, 31.0),
                        (111.9, 35.0)])
ICHIGO_SOUTH = Polygon([(112.2, 25.6), (111.2, 24.8), (110.9, 23.6), (109.4, 22.1), (107.4, 21.9), (107.2, 23.3),
                        (108.9, 24.5), (110.0, 25.9), (111.3, 26.2)])

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

    hebei = _pick(admin1, "CHN", ["Hebei Sheng"])
    liaoning = _pick(admin1, "CHN", ["Liaoning Sheng"])
    shandong = _pick(admin1, "CHN", ["Shandong Sheng"])
    hong_kong = _pick(admin1, "HKG")
    hk_ceded = _pick(admin1, "HKG", HONG_KONG_CEDED)
    barga = inner_mongolia & BARGA_CUT
    mengjiang = ((inner_mongolia & WEST_OF_MENGJIANG_EAST) - ORDOS - barga) | (
        _pick(admin1, "CHN", ["Hebei Sheng"]) & ZHANGJIAKOU) | (_pick(admin1, "CHN", ["Shanxi Sheng"]) & DATONG)
    # ORDOS stays with China (rest): it was part of Suiyuan but outside Mengjiang's reach.
    east_inner_mongolia = inner_mongolia - WEST_OF_MENGJIANG_EAST - box(96, 37, 106.5, 47.2) - ORDOS
    units: dict[str, shapely.Geometry] = {
        "hong_kong": hk_ceded,
        "new_territories": hong_kong - hk_ceded,
        "macau": _pick(admin1, "MAC"),
        "kwantung": liaoning & KWANTUNG,
        "kiautschou": shandong & KIAUTSCHOU,
        "weihaiwei": shandong & WEIHAIWEI,
        "outer_mongolia": _pick(admin1, "MNG"),
        "tannu_uriankhai": _pick(admin1, "RUS", ["Respublika Tyva"]),
        "barga": barga,
        "heixiazi": HEIXIAZI & (heilongjiang | khabarovsk),
        "sixty_four_villages": amur & SIXTY_FOUR_VILLAGES,
        "mengjiang": mengjiang,
        "jehol": (hebei | liaoning | inner_mongolia) & JEHOL,
        "east_hebei": (hebei | _pick(admin1, "CHN", ["Beijing Shi", "Tianjin Shi"])) & EAST_HEBEI,
        "khingan": east_inner_mongolia,
        "north_manchuria": heilongjiang,
        "manchuria": _pick(admin1, "CHN", ["Jilin Sheng", "Liaoning Sheng"]),
        "amur_left_bank": (amur | _pick(admin1, "RUS", ["Yevreyskaya Avtonomnaya Oblast'"])
                           | ((khabarovsk - RIGHT_OF_LOWER_AMUR) & UDA_LIMIT)),
        "primorye": _pick(admin1, "RUS", ["Primorskiy Kray"]) | ((khabarovsk & RIGHT_OF_LOWER_AMUR) & UDA_LIMIT),
        "ili": xinjiang & ILI_VALLEY,
        "tarbagatai_altai": xinjiang & TARBAGATAI_ALTAI,
        "xinjiang": xinjiang,
        "tibet": _pick(admin1, "CHN", ["Tibet Autonomous Region"]),
        "taiwan": _pick(admin1, "TWN"),
        "hainan": _pick(admin1, "CHN", ["Hainan Sheng"]),
        "shanghai": _pick(admin1, "CHN", ["Shanghai Shi"]),
        "lower_yangtze": _pick(admin1, "CHN", ["Jiangsu Sheng", "Zhejiang Sheng", "Anhui Sheng"]) & LOWER_YANGTZE,
        "north_china": _pick(admin1, "CHN", ["Beijing Shi", "Tianjin Shi", "Hebei Sheng", "Shanxi Sheng"]),
        "shandong": shandong,
        "wuhan": _pick(admin1, "CHN", ["Hubei Sheng", "Anhui Sheng", "Jiangxi Sheng", "Henan Sheng"]) & WUHAN,
        "guangzhou": _pick(admin1, "CHN", ["Guangdong Sheng"]) & GUANGZHOU,
        "ichigo_north": _pick(admin1, "CHN", ["Henan Sheng", "Hubei Sheng", "Hunan Sheng"]) & ICHIGO_NORTH,
        "ichigo_south": _pick(admin1, "CHN", ["Guangxi Zhuangzu Zizhiqu", "Hunan Sheng"]) & ICHIGO_SOUTH,
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


HAND_WRITTEN = ("units.yaml", "statuses.yaml", "claimants.yaml", "periods.yaml", "events.yaml", "claims.yaml",
                "perspectives.yaml", "tour.yaml", "calendars.yaml")


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
    for name, path in bundle.write_bundle(outdir / "page", outdir).items():
        paths[f"page/{name}"] = path
    paths[validate.MANIFEST] = validate.write_manifest(outdir)   # the shapes checked once, here; start-up trusts digests
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
    print(f"page bundle: {sum(p.stat().st_size for k, p in paths.items() if k.startswith('page/')) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
