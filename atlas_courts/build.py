"""``atlas-courts build``: many files into atlas.db, one bad file never stopping the batch.

Each file is processed (ingest -> extract -> resolve) in a child process with
a wall-clock limit, a memory limit and a page cap; the parent is the only
writer and stores one document per transaction. A file whose content
(sha256) was already stored by the same versions of code, rules, catalog and
model is skipped before any work is done, so re-running a build changes
nothing; two files with the same content are processed once.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from . import store
from .errors import DocumentError, UsageError, WorkerCrashed
from .ingest import SUPPORTED_SUFFIXES, sha256_file
from .ingest.sandbox import Limits, imap_isolated
from .pipeline import Processed, process_file, versions, warm_up
from .resolve.statutes import Catalog


@dataclass
class Failure:
    file: str
    error_class: str
    status: str
    message: str


@dataclass
class BuildSummary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "ok": self.ok,
            "failed": self.failed,
            "skipped_unchanged": self.skipped,
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
            "seconds": round(self.seconds, 2),
            "failures": [f.__dict__ for f in self.failures],
        }


def collect_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The supported files named or found (recursively) under the given paths, sorted.

    Gold records and other JSON beside the documents are ignored; a path that
    does not exist is a usage error.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            files.append(path)
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _work(path: Path, *, limits: Limits, ocr: bool) -> Processed:
    return process_file(path, max_pages=limits.max_pages, max_file_mb=limits.max_file_mb, ocr=ocr)


def build(
    paths: Iterable[str | os.PathLike],
    db_path: str | os.PathLike,
    *,
    limits: Limits | None = None,
    workers: int = 2,
    ocr: bool = True,
    on_file: Callable[[Path, str], None] | None = None,
) -> BuildSummary:
    """Build (or complete) ``db_path`` from the files. ``on_file(path, status)`` reports progress."""
    limits = limits or Limits()
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    started = time.monotonic()
    files = collect_files(paths)
    summary = BuildSummary()
    db = store.open_db(db_path)
    try:
        run_versions = versions()
        run = store.run_id(run_versions)
        todo: list[Path] = []
        hashes: dict[Path, str] = {}
        first: dict[str, Path] = {}  # sha256 -> the path processed for that content
        for path in files:
            try:
                digest = sha256_file(path)
            except OSError as exc:
                _fail(db, summary, path, None, "unreadable", "failed", f"{path.name}: cannot read ({exc.strerror or exc})", run, on_file)
                continue
            hashes[path] = digest
            if store.is_stored(db, digest, run):
                summary.skipped += 1
                if on_file:
                    on_file(path, "skipped")
            elif digest in first:
                # The same content under another name: processed (and its path stored) once,
                # from the path that sorts first, so the stored row does not depend on the
                # order the files were given in or finished in.
                keep, dup = sorted([first[digest], path], key=str)
                if keep is path:
                    todo[todo.index(dup)] = keep
                first[digest] = keep
                summary.skipped += 1
                if on_file:
                    on_file(dup, "duplicate")
            else:
                first[digest] = path
                todo.append(path)
        if todo:
            store.record_run(db, run_versions)
            # The catalog is part of the versions (its hash): load it with the run that uses it.
            store.load_catalog(db, Catalog.load().rows())
            warm_up()
        work = partial(_work, limits=limits, ocr=ocr)
        for path, result in imap_isolated(work, todo, limits=limits, workers=workers, file_of=lambda p: p.name):
            if isinstance(result, DocumentError):  # ingest or extraction failed for this file
                _fail(db, summary, path, hashes.get(path), result.error_class, result.status, str(result), run, on_file)
                continue
            store.store_document(db, result.document, result.extraction, result.record, run=run)
            summary.ok += 1
            summary.pages += len(result.document.pages)
            summary.ocr_pages += len(result.document.ocr_pages)
            if on_file:
                on_file(path, "ok")
    finally:
        db.close()
    summary.seconds = time.monotonic() - started
    return summary


def _fail(db, summary: BuildSummary, path: Path, digest: str | None, error_class: str, status: str,
          message: str, run: str, on_file) -> None:
    store.store_error(db, file=path.name, path=str(path), sha256=digest, error_class=error_class,
                      status=status, message=message, run=run)
    summary.failed += 1
    summary.failures.append(Failure(path.name, error_class, status, message))
    if on_file:
        on_file(path, status)


__all__ = ["build", "collect_files", "BuildSummary", "Failure", "WorkerCrashed"]
