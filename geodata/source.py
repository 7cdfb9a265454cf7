"""Where the Natural Earth boundary source comes from: Debian's qgis-common package, cached locally.

Natural Earth 1:10m (v4.1.0, public domain) ships inside qgis-common as world_map.gpkg. The build
downloads that one .deb with `apt-get download` (no install, none of its dependencies) and extracts it
into the git-ignored cache folder, so a fresh machine needs only Debian's package lists.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from .errors import DataError

REPO_ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = Path(os.environ.get("NBA_CACHE_DIR", REPO_ROOT / ".cache" / "naturalearth"))
GPKG_IN_DEB = Path("usr/share/qgis/resources/data/world_map.gpkg")
PACKAGE = "qgis-common"
# The file the committed outputs were built from; another one is reported, not silently used.
EXPECTED_SHA256 = "ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2"


def gpkg_path() -> Path:
    """Path the cached world_map.gpkg lives at (it may not exist yet)."""
    override = os.environ.get("NBA_NATURAL_EARTH_GPKG")
    return Path(override) if override else CACHE_DIR / GPKG_IN_DEB.name


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch() -> Path:
    """Download and extract qgis-common into the cache unless the gpkg is already there."""
    target = gpkg_path()
    if target.exists():
        return target
    if shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None:
        raise DataError(target, "Natural Earth source is missing and apt-get/dpkg-deb are not available to fetch it")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    download = subprocess.run(
        ["apt-get", "download", PACKAGE], cwd=CACHE_DIR, capture_output=True, text=True, check=False
    )
    debs = sorted(CACHE_DIR.glob(f"{PACKAGE}_*.deb"))
    if not debs:
        raise DataError(
            target,
            f"could not download {PACKAGE} ({download.stderr.strip() or download.stdout.strip()}); "
            "run `apt-get update` first",
        )
    extract_dir = CACHE_DIR / "deb"
    subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(extract_dir)], check=True)
    shutil.copyfile(extract_dir / GPKG_IN_DEB, target)
    shutil.rmtree(extract_dir)
    for deb in debs:
        deb.unlink()
    return target


def available() -> bool:
    """True when the source file is present (the reproducibility test needs it)."""
    return gpkg_path().exists()
