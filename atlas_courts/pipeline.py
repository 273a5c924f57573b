"""One document through the stages: ingest -> extract -> resolve.

``process_file`` is what a worker process runs for each input file; the
batch builder (``atlas_courts.build``) and ``evaluate`` both use it, so the
record a user gets from ``extract`` is the record that is stored and scored.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import __version__
from .extract import RULES_VERSION, extract
from .ingest import ingest_file
from .records import CaseRecord, Document, Extraction, Page
from .resolve import resolve

INGEST_VERSION = "ingest-0.1.1"


@lru_cache(maxsize=1)
def versions() -> dict[str, str]:
    """Versions of everything that shapes a stored record; their hash is the run id."""
    from .resolve.statutes import Catalog  # the catalog file's content is part of the rules

    catalog_path = Path(__file__).parent / "resolve" / "data"
    digest = hashlib.sha256()
    for path in sorted(catalog_path.glob("statutes*")):
        digest.update(path.read_bytes())
    Catalog.load()
    return {
        "code": __version__,
        "ingest": INGEST_VERSION,
        "rules": RULES_VERSION,
        "catalog": digest.hexdigest()[:12],
        # The trained model extract uses (models/ACTIVE, $ATLAS_COURTS_MODEL, else the newest
        # shipped folder), or "none" for rules only: part of the run id, so a new model re-extracts.
        "model": _active_model_id(),
    }


# The active model's folder, found once by ``versions()`` (None: rules only), so that each
# document does not look through models/ again.
_active_model_path: Path | None = None


def _active_model_id() -> str:
    global _active_model_path
    from .train.model import load_model
    from .train.registry import active_model_path

    _active_model_path = active_model_path()
    return "none" if _active_model_path is None else load_model(_active_model_path).id


@dataclass
class Processed:
    document: Document
    extraction: Extraction
    record: CaseRecord


_WARM_UP_TEXT = {
    "en": "G.R. No. 1 January 2, 2001. PEOPLE, plaintiff-appellee, vs. JUAN CRUZ, accused-appellant. "
    "Convicted under Article 315 of the Revised Penal Code and sentenced to six (6) years; fine of P1,000.00.",
    "es": "Causa N° 1/2020. Buenos Aires, 7 de enero de 2022. CONDENAR a JUAN PEREZ por el delito de trata "
    "(art. 145 bis del Código Penal) a la pena de ocho (8) años de prisión y multa de $ 1.000.",
}


def warm_up() -> None:
    """Build the pipelines and compile every pattern once, in the parent, before worker
    processes are forked: each child then inherits them instead of spending seconds
    compiling the same regular expressions for every file."""
    versions()
    for lang, text in _WARM_UP_TEXT.items():
        document = Document(sha256="0" * 64, file="warm-up.txt", path="", media_type="txt",
                            pages=[Page(number=1, text=text, raw_text=text)], language=lang)
        process_document(document)


def process_document(document: Document) -> Processed:
    """Rules, then the active trained model where there is one (``train.runtime.apply_model``:
    with no model this is exactly ``resolve(extract(document))``)."""
    from .train.runtime import apply_model

    extraction = extract(document)
    current = versions()
    extraction, record = apply_model(extraction, None if current["model"] == "none" else _active_model_path,
                                     versions=current)
    return Processed(document, extraction, record)


def process_file(path: str | os.PathLike, *, max_pages: int = 2000, max_file_mb: int = 200, ocr: bool = True,
                 cache_dir: str | os.PathLike | None = None) -> Processed:
    """Ingest, extract and resolve one file (raises IngestError / ExtractError)."""
    document = _ingest_cached(path, max_pages=max_pages, max_file_mb=max_file_mb, ocr=ocr, cache_dir=cache_dir)
    return process_document(document)


def _ingest_cached(path, *, max_pages: int, max_file_mb: int, ocr: bool, cache_dir) -> Document:
    """Ingested documents can be cached on disk (keyed by content and ingest version) so that
    re-running ``evaluate`` while developing rules does not re-read and re-OCR every PDF."""
    if cache_dir is None:
        return ingest_file(path, max_pages=max_pages, max_file_mb=max_file_mb, ocr=ocr)
    from .ingest import sha256_file

    cache = Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    key = f"{sha256_file(path)}-{INGEST_VERSION}-{int(ocr)}.pickle"
    hit = cache / key
    if hit.exists():
        with hit.open("rb") as fh:
            document: Document = pickle.load(fh)
        document.path = str(path)
        document.file = Path(path).name
        return document
    document = ingest_file(path, max_pages=max_pages, max_file_mb=max_file_mb, ocr=ocr)
    tmp = hit.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(document, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, hit)
    return document


def record_json(record: CaseRecord) -> str:
    return json.dumps(record.to_json(), ensure_ascii=False, sort_keys=False)
