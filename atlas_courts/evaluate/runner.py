"""Run the real pipeline over gold documents, isolated like a build, for ``evaluate``."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Iterator

from ..ingest.sandbox import Limits, imap_isolated
from ..pipeline import process_file, warm_up


def _predict_one(path: Path, *, cache_dir: str | None) -> dict:
    return process_file(path, cache_dir=cache_dir).record.to_json()


def predict_files(
    sources: list[Path], *, workers: int = 2, cache_dir: str | os.PathLike | None = None, limits: Limits | None = None
) -> Iterator[tuple[Path, dict | None, str | None]]:
    """``(source, record JSON, None)`` or ``(source, None, error message)`` for each source."""
    warm_up()
    work = partial(_predict_one, cache_dir=str(cache_dir) if cache_dir else None)
    for path, result in imap_isolated(work, sources, limits=limits or Limits(), workers=workers, file_of=lambda p: p.name):
        if isinstance(result, BaseException):
            yield path, None, str(result)
        else:
            yield path, result, None
