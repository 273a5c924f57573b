"""Hostile and broken input for testing ``atlas-courts build`` (issue 6).

``generate(out_dir, ...)`` writes a deterministic set of files into ``out_dir``:
the named hostile classes of ``classes.py``, mutants of real and generated
PDFs (``mutants.py``) and good documents interleaved among them, plus
``manifest.json`` describing each file (its class, what a correct build may
make of it, its sha256). The same sources and options give the same bytes.

Nothing here is imported by the pipeline; it is test tooling that lives in the
package so that the script (``scripts/make_hostile.py``), the harness and the
tests share it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import classes as classes_mod
from .classes import Hostile
from .mutants import mutate
from .pdfwriter import simple_pdf

__all__ = ["Entry", "generate", "default_sources", "good_documents", "REDUCED_CLASSES"]

MANIFEST = "manifest.json"
DEFAULT_SEED = 20240606

# Classes cheap enough to build in the test suite (seconds, not minutes): the
# bombs, the 200k trees and pages, and the 20 MB text line are left to the script.
REDUCED_CLASSES = (
    "truncated", "empty", "not_a_pdf", "bit_flipped", "recursive_page_tree", "circular_form_xobject",
    "deep_nesting", "huge_page_count", "encrypted_user", "encrypted_owner", "bad_mediabox", "two_startxref",
    "javascript", "embedded_file", "docx_txt",
)
_REDUCED_SKIP = {"5000-real-pages", "embedded-bomb", "max-spec-image-only", "docx-zip-bomb-1gb", "txt-one-line-20mb",
                 "reference-chain-20k", "q-100k", "dict-100k", "array-100k"}

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Entry:
    file: str
    kind: str  # "hostile", "mutant" or "good"
    cls: str
    sha256: str
    expect: list[str] = field(default_factory=list)  # acceptable statuses; empty: any terminal one
    error_classes: list[str] = field(default_factory=list)
    source: str = ""
    note: str = ""


_SCANNED = ("scan", "escanead", "image-pdf")


def default_sources(max_pages: int = 6) -> list[Path]:
    """PDFs to mutate: the project's corpus and the shared real PDFs (read at generation time).

    Left out: scans (a mutant that still opens is OCR'd, ~3 s a page) and files of more
    than ``max_pages`` pages (pdfminer reads ~6 pages a second): 2,000 mutants of those
    would take hours; the bugs are in the structure, which short files have too. One small
    scan (doctor__ocr_pdf_variation, 1 page) stays, for the image and OCR paths.
    """
    import pypdfium2 as pdfium

    found = sorted((ROOT / "corpus").glob("*.pdf"))
    shared = ROOT.parent / "shared" / "corpus" / "pdf"
    if shared.is_dir():
        found += sorted(shared.glob("*.pdf"))
    keep = []
    for p in found:
        if any(s in p.name for s in _SCANNED):
            continue
        try:
            doc = pdfium.PdfDocument(str(p))
            n = len(doc)
            doc.close()
        except pdfium.PdfiumError:
            n = 0  # unreadable sources are welcome: their mutants are cheap
        if n <= max_pages:
            keep.append(p)
    return keep


def good_documents(count: int = 12) -> list[Path]:
    """``count`` valid documents with a text layer (no OCR: quick and deterministic) from the
    project's corpus, spread over its countries, with its TXT and a DOCX when ``count`` >= 4."""
    corpus = ROOT / "corpus"
    pdfs = sorted(p for p in corpus.glob("*.pdf") if not any(s in p.name for s in _SCANNED))
    others = [corpus / n for n in ("bo-tsp__sentencia-absolutoria.txt", "py-ts__criadazgo.docx") if (corpus / n).exists()]
    others = others if count >= 4 else []
    n_pdf = count - len(others)
    step = max(1, len(pdfs) // max(1, n_pdf))
    return pdfs[::step][:n_pdf] + others


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)[:60]


def generate(
    out_dir: str | os.PathLike,
    *,
    mutants: int = 2000,
    good: int = 12,
    sources: Sequence[str | os.PathLike] | None = None,
    seed: int = DEFAULT_SEED,
    classes: Iterable[str] | None = None,
    reduced: bool = False,
    max_source_kb: int = 1024,
) -> list[Entry]:
    """Write the set into ``out_dir`` (created; must be empty or absent) and return its manifest.

    ``classes`` limits the named classes (default: all; ``reduced`` picks
    REDUCED_CLASSES and skips their slowest members). Mutant sources larger than
    ``max_source_kb`` are left out: each mutant of a large scan costs minutes of OCR.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    wanted = set(classes) if classes is not None else (set(REDUCED_CLASSES) if reduced else None)

    base = simple_pdf(3, seed=1)
    hostile: list[Hostile] = []
    seen: set[str] = set()
    for h in classes_mod.all_classes(base, only=wanted):
        if reduced and h.name in _REDUCED_SKIP:
            continue
        digest = _sha(h.data)
        if digest in seen:  # the same bytes twice (e.g. a header-only file, truncated or "empty")
            continue
        seen.add(digest)
        hostile.append(h)

    source_paths = [Path(p) for p in (sources if sources is not None else default_sources())]
    pool = [(p.name, p.read_bytes()) for p in source_paths if p.stat().st_size <= max_source_kb * 1024]
    pool.append(("generated-3-pages.pdf", base))
    muts = []
    k = 0
    while len(muts) < mutants:
        m = mutate(seed + k, pool)
        k += 1
        digest = _sha(m.data)
        if digest in seen:  # a mutant equal to another file (or to its source) is drawn again
            continue
        seen.add(digest)
        muts.append(m)

    goods = good_documents(good) if good else []
    items: list[tuple[str, str, bytes, Hostile | None, str]] = []  # (kind, cls, data, hostile, source)
    for h in hostile:
        items.append(("hostile", h.cls, h.data, h, ""))
    for m in muts:
        items.append(("mutant", m.op, m.data, None, m.source))
    # Interleave the good documents evenly among the others.
    every = max(1, len(items) // (len(goods) + 1))
    for j, g in enumerate(goods):
        items.insert(min(len(items), (j + 1) * every + j), ("good", "good", b"", None, str(g)))

    manifest: list[Entry] = []
    for i, (kind, cls, data, h, source) in enumerate(items):
        if kind == "good":
            src = Path(source)
            name = f"{i:05d}-good-{src.name}"
            shutil.copyfile(src, out / name)
            data = src.read_bytes()
            entry = Entry(name, kind, "good", _sha(data), ["ok"], source=src.name)
        elif h is not None:
            name = f"{i:05d}-{h.cls}-{_safe(h.name)}{h.suffix}"
            entry = Entry(name, kind, h.cls, _sha(data), sorted(h.expect), sorted(h.error_classes), note=h.note)
        else:
            name = f"{i:05d}-mutant-{cls}-{_safe(Path(source.split('+')[0]).stem)}.pdf"
            entry = Entry(name, kind, f"mutant_{cls}", _sha(data), source=source)
        if kind != "good":
            (out / name).write_bytes(data)
        manifest.append(entry)
    (out / MANIFEST).write_text(json.dumps([e.__dict__ for e in manifest], indent=1) + "\n")
    return manifest


def load_manifest(directory: str | os.PathLike) -> list[Entry]:
    return [Entry(**row) for row in json.loads((Path(directory) / MANIFEST).read_text())]
