"""Ingest: read a PDF, DOCX or TXT file into a ``records.Document``.

The only stage that reads input files. ``ingest_file`` runs in the calling
process; the batch builder runs it through ``sandbox`` (``ingest_isolated``,
``ingest_many``) so that a file that hangs, eats memory or crashes the PDF
library costs one document, not the run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from ..errors import (
    EmptyFile,
    FileTooLarge,
    IngestError,
    NoText,
    NotAPDF,
    TooManyPages,
    UnsupportedFormat,
    UsageError,
)
from ..records import Document
from .docx import read_docx
from .formats import DESCRIPTIONS, sniff
from .language import detect_language
from .pdf import read_pdf
from .sandbox import Limits, imap_isolated, run_isolated
from .text import read_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Limits",
    "detect_language",
    "imap_isolated",
    "ingest_file",
    "ingest_isolated",
    "ingest_many",
    "run_isolated",
    "sha256_file",
]

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt")


def sha256_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest_file(
    path: str | os.PathLike[str],
    *,
    max_pages: int = 2000,
    max_file_mb: int = 200,
    ocr: bool = True,
    ocr_dpi: int = 300,
) -> Document:
    """Read a PDF, DOCX or TXT into a Document.

    The format is decided by the file's content; the name only has to carry a
    supported suffix. Raises an ``IngestError`` subclass (errors.py) whose
    message names the file.
    """
    if max_pages < 1 or max_file_mb < 1:
        raise UsageError("max_pages and max_file_mb must be at least 1")
    if not 50 <= ocr_dpi <= 1200:
        raise UsageError(f"ocr_dpi must be between 50 and 1200, not {ocr_dpi}")
    p = Path(path)
    file = os.fspath(path)
    if not p.is_file():
        raise IngestError(file, "no such file" if not p.exists() else "is not a regular file")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(
            file, f"unsupported file type {suffix or '(no suffix)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    size = p.stat().st_size
    if size == 0:
        raise EmptyFile(file, "is empty (0 bytes)")
    if size > max_file_mb * 1024 * 1024:
        raise FileTooLarge(file, f"is {size / 1048576:.1f} MB, over the limit of {max_file_mb} MB")
    kind = sniff(p)
    warnings: list[str] = []
    metadata: dict = {"format": kind, "bytes": size}
    if suffix == ".pdf" and kind != "pdf":
        raise NotAPDF(file, f"is named .pdf but is {DESCRIPTIONS[kind]} (no %PDF- header)")
    if suffix == ".docx" and kind != "docx":
        raise UnsupportedFormat(file, f"is named .docx but is {DESCRIPTIONS[kind]}")
    if suffix == ".txt" and kind not in ("text", "pdf", "docx"):
        raise UnsupportedFormat(file, f"is named .txt but is {DESCRIPTIONS[kind]}")
    if suffix == ".txt" and kind != "text":
        warnings.append(f"named .txt but is {DESCRIPTIONS[kind]}; read as such")

    language: str | None = None
    if kind == "pdf":
        result = read_pdf(p, file, max_pages=max_pages, ocr=ocr, ocr_dpi=ocr_dpi)
        pages, language = result.pages, result.language
        warnings += result.warnings
        metadata.update(result.metadata)
    elif kind == "docx":
        pages = read_docx(p, file)
    else:
        pages, text_warnings = read_text(p)
        warnings += text_warnings
    if len(pages) > max_pages:
        raise TooManyPages(file, f"has {len(pages)} pages, more than the limit of {max_pages}")
    if not any(page.text.strip() for page in pages):
        if kind == "pdf":
            raise NoText(file, "has no text")
        raise EmptyFile(file, "contains no text")
    document = Document(
        sha256=sha256_file(p),
        file=p.name,
        path=file,
        media_type=kind if kind in ("pdf", "docx") else "txt",
        pages=pages,
        language=None,
        warnings=warnings,
        metadata=metadata,
    )
    # The cleaned text decides; the OCR language is the fallback for short texts.
    document.language = detect_language(document.text) or language
    return document


def ingest_isolated(
    path: str | os.PathLike[str], *, limits: Limits = Limits(), ocr: bool = True, ocr_dpi: int = 300
) -> Document:
    """``ingest_file`` in a forked child under ``limits`` (see sandbox.run_isolated)."""
    task = partial(
        ingest_file, max_pages=limits.max_pages, max_file_mb=limits.max_file_mb, ocr=ocr, ocr_dpi=ocr_dpi
    )
    return run_isolated(task, path, limits=limits, file=os.fspath(path))


def ingest_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    limits: Limits = Limits(),
    workers: int = 2,
    ocr: bool = True,
    ocr_dpi: int = 300,
) -> Iterator[tuple[str | os.PathLike[str], Document | IngestError]]:
    """``ingest_file`` over many files, ``workers`` children at a time, in completion order."""
    task = partial(
        ingest_file, max_pages=limits.max_pages, max_file_mb=limits.max_file_mb, ocr=ocr, ocr_dpi=ocr_dpi
    )
    return imap_isolated(task, paths, limits=limits, workers=workers, file_of=os.fspath)
