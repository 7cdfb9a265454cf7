"""The publishers we cite (publishers.yaml) and the rule every citation in the data must follow.

A citation's host must be registered in publishers.yaml with the publisher's name, its kind and why a teacher
can trust it. Some hosts are refused even if registered: bare IP addresses, hosts written with a trailing dot,
and staging, test, development or admin hosts, which are not the public address of a work.
The seed text's own address (claims.yaml `source_text.url`) is the text under examination, not a citation,
and is exempt.
"""
from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import models
from .errors import DataError
from .io import DATA_DIR, read_yaml

KINDS = ("encyclopedia", "archive", "treaty", "scholarly", "news", "reference")
REGISTRY = "publishers.yaml"
# Host labels that mark a non-public copy of a site (staging-, test- or admin front ends).
NON_PUBLIC_LABELS = frozenset({"staging", "stage", "test", "testing", "dev", "devel", "manage", "admin", "preview",
                               "sandbox", "uat", "qa", "internal"})
_NON_PUBLIC_SUFFIX = re.compile(r"-(staging|stage|test|testing|dev|preview|sandbox|uat|qa)$")
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
# Not citations: addresses the data holds for another reason, each with the reason (shown in the docs).
EXEMPT = {("claims.yaml", ("source_text",)): "the seed text under examination, not a source we cite"}
RECORD_WORDS = {"events.yaml": "event", "claims.yaml": "claim"}  # how a record with an id is named in a message
ADVICE = ("add the publisher to geodata/publishers.yaml if it is reputable, "
          "else cite the canonical address of the work")


@lru_cache(maxsize=1024)   # called for each of some thousand citations, on a few hundred hosts
def host_problem(host: str) -> str:
    """Why a host can never be cited ('' when it may be, if registered)."""
    if host.endswith("."):
        return "its host ends with a dot; write the host without it"
    try:
        ipaddress.ip_address(host.strip("[]"))
        return "its host is a bare IP address; cite the canonical address of the work"
    except ValueError:
        pass
    labels = host.split(".")
    if any(label in NON_PUBLIC_LABELS or _NON_PUBLIC_SUFFIX.search(label) for label in labels[:-1]):
        return "its host is a staging, test or admin site, not the public one; cite the canonical address of the work"
    return ""


def load_publishers(data_dir: Path = DATA_DIR) -> dict[str, dict[str, str]]:
    """publishers.yaml, checked: host -> {"publisher", "kind", "why"}, in file order."""
    path = data_dir / REGISTRY
    data = read_yaml(path)
    out: dict[str, dict[str, str]] = {}
    for n, (raw, entry) in enumerate(zip(data, models.records(path, models.Publisher, data)), 1):
        host = entry.host
        what = f"publisher #{n} ({host})"
        if not _HOST.match(host.rstrip(".")) or host != host.strip().lower():
            raise DataError(path, f"{what}: host must be a lower-case host name only (no scheme, path or port)")
        refused = host_problem(host)
        if refused:
            raise DataError(path, f"{what} cannot be registered: {refused}")
        if host in out:
            raise DataError(path, f"{what} is listed twice")
        if raw["kind"] not in KINDS:
            raise DataError(path, f"{what}: kind {raw['kind']!r} is not one of {', '.join(KINDS)}")
        out[host] = {"publisher": str(raw["publisher"]).strip(), "kind": str(raw["kind"]),
                     "why": str(raw["why"]).strip()}
    return out


def host_of(url: str) -> str:
    """The host of a URL as written (lower case, a trailing dot kept so it can be refused)."""
    netloc = urlsplit(url).netloc.rsplit("@", 1)[-1].lower()
    if netloc.startswith("["):
        return netloc.split("]", 1)[0] + "]"
    return netloc.split(":", 1)[0]


def publisher_of(url: str, publishers: dict[str, dict[str, str]]) -> dict[str, str] | None:
    """The registry entry for a URL's host, or None."""
    return publishers.get(host_of(url))


def _entry(name: str, data: Any, keys: tuple) -> str:
    """The entry a citation sits in, as a contributor finds it in the file (unit+start, event id, ...)."""
    if name == "periods.yaml" and len(keys) >= 2:
        return f"{keys[0]} row from {data[keys[0]][keys[1]].get('start')}"
    if name == "perspectives.yaml" and keys:
        moment = data[keys[0]]
        if len(keys) >= 3 and keys[1] == "views":
            return f"{keys[0]} view {keys[2] + 1} ({moment['views'][keys[2]].get('side')})"
        return f"{keys[0]} facts" if len(keys) > 1 and keys[1] == "facts_sources" else str(keys[0])
    node, label = data, ""
    for key in keys:  # elsewhere: the innermost record with an id, else the path
        node = node[key]
        if isinstance(node, dict) and node.get("id"):
            label = f"{RECORD_WORDS.get(name, 'entry')} {node['id']}"
    return label or ".".join(str(k) for k in keys)


def _urls(node: Any, keys: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path of the mapping, url) for every mapping with a url in a parsed YAML document."""
    if isinstance(node, dict):
        if "url" in node:
            yield keys, str(node["url"])
        for key, value in node.items():
            yield from _urls(value, (*keys, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _urls(value, (*keys, n))


def citations(data_dir: Path = DATA_DIR) -> Iterator[tuple[str, str, str]]:
    """(file name, entry, url) for every citation in the data's YAML files (exempt addresses left out)."""
    for path in sorted(Path(data_dir).glob("*.yaml")):
        if path.name == REGISTRY:
            continue
        data = read_yaml(path)
        for keys, url in _urls(data):
            if (path.name, keys) not in EXEMPT:
                yield path.name, _entry(path.name, data, keys), url


def citation_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Every citation whose host is refused or not registered, naming file, entry and URL, and what to do."""
    publishers = load_publishers(data_dir)
    found = []
    for name, entry, url in citations(data_dir):
        host = host_of(url)
        refused = host_problem(host)
        if refused:
            found.append(f"{name}: {entry} cites {url}: {refused}")
        elif host not in publishers:
            found.append(f"{name}: {entry} cites {url}: host {host} is not in the publishers registry; {ADVICE}")
    return found
