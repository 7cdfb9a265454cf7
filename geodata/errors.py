"""The one error the data layer raises for bad data, so callers can show a clear message."""
from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """A data file is missing or broken; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path) if path else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)   # no path: problem names the file
