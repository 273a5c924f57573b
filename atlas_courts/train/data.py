"""All the gold there is, as training documents.

Sources (any mix):

- gold directories: documents with ``<stem>.gold.json`` beside them (the dev
  corpus, the generated ``corpus/``). A gold record gives verdicts, events
  (whose ``text`` snippet locates the date in the document), statutes and
  defendants' names. For the generated corpus the generator's own scenario
  (``atlas_courts.synth``) also names the judges, prosecutor, defence counsel
  and victims, so people's roles are known there.
- span annotation files (Label Studio, Prodigy, doccano exports), placed on the
  documents of the gold directories by file name, checked span by span as
  ``annotate import`` checks them.
- an ``atlas.db`` with imported gold (``annotate import``): its regions, spans
  and case-record corrections, on the stored texts.

Every document is read and run through the *rules* (never a model: the
trained components learn from rule evidence, and a model must not train on
its own output), in worker processes, with the ingest cache shared with
``evaluate --cache``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import UsageError
from ..records import Document, Extraction, Page

log = logging.getLogger(__name__)

__all__ = ["TrainDoc", "Sources", "load_training_docs", "rules_only", "fold_find"]


@dataclass
class TrainDoc:
    key: str  # sha256 of the file (of the stored document for database gold)
    file: str
    origin: str  # "dev", "generated", "db", or the gold directory's name
    language: str | None
    extraction: Extraction  # the rules' extraction
    rule_record: dict[str, Any]  # the rules' case record (contract JSON)
    gold: dict[str, Any] | None = None  # gold case record, full or partial
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # gold spans, analyst labels
    regions: list[tuple[int, int, list[str] | None]] = field(default_factory=list)  # where gold spans are complete
    people: dict[str, list[str]] = field(default_factory=dict)  # role -> names (generated corpus)
    case: str = ""  # case key: documents of one case share it (train.split)

    @property
    def text(self) -> str:
        return self.extraction.document.text


@dataclass
class Sources:
    gold_dirs: list[Path] = field(default_factory=list)
    annotations: list[tuple[Path, str, str | None]] = field(default_factory=list)  # (file, format, label map)
    db: Path | None = None

    def describe(self) -> dict[str, Any]:
        return {
            "gold_dirs": [str(p) for p in self.gold_dirs],
            "annotations": [{"file": str(p), "format": f, "label_map": m} for p, f, m in self.annotations],
            "db": str(self.db) if self.db else None,
        }


# --------------------------------------------------------------------------- rules only


def _ingest_cached(path: Path, cache_dir: str | None) -> Document:
    from ..ingest import ingest_file, sha256_file
    from ..pipeline import INGEST_VERSION

    if cache_dir is None:
        return ingest_file(path)
    cache = Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    hit = cache / f"{sha256_file(path)}-{INGEST_VERSION}-1.pickle"  # the key pipeline._ingest_cached uses
    if hit.exists():
        with hit.open("rb") as fh:
            document: Document = pickle.load(fh)
        document.path, document.file = str(path), path.name
        return document
    document = ingest_file(path)
    tmp = hit.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(document, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, hit)
    return document


def rules_only(document: Document) -> tuple[Extraction, dict[str, Any]]:
    """The rules' extraction and case record of a document (no model, whatever is active)."""
    from ..extract import extract
    from ..resolve import resolve

    extraction = extract(document)
    return extraction, resolve(extraction).to_json()


def _strip_boxes(document: Document) -> None:
    # Character boxes are only needed for provenance; they are most of a PDF Document's size.
    for page in document.pages:
        page.boxes = None


def _process_path(path: Path, *, cache_dir: str | None) -> tuple[Extraction, dict[str, Any]]:
    document = _ingest_cached(path, cache_dir)
    _strip_boxes(document)
    return rules_only(document)


def _process_document(document: Document) -> tuple[Extraction, dict[str, Any]]:
    return rules_only(document)


def _run_all(fn: Callable, items: list, *, workers: int, name_of: Callable) -> Iterable[tuple[Any, Any]]:
    from ..ingest.sandbox import Limits, imap_isolated
    from ..pipeline import warm_up

    warm_up()
    limits = Limits(timeout_s=900, memory_mb=4096)
    yield from imap_isolated(fn, items, limits=limits, workers=workers, file_of=name_of)


# --------------------------------------------------------------------------- text search


def _folded(text: str) -> tuple[str, list[int]]:
    from ..annotate.align import fold_char

    chars, index = [], []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        if not f.isspace():
            chars.append(f)
            index.append(i)
    return "".join(chars), index


def fold_find(text: str, needle: str, *, folded: tuple[str, list[int]] | None = None) -> list[tuple[int, int]]:
    """Every place ``needle`` occurs in ``text`` ignoring case, spacing and typographic variants."""
    hay, index = folded or _folded(text)
    pin, _ = _folded(needle)
    if not pin:
        return []
    out, at = [], hay.find(pin)
    while at >= 0:
        out.append((index[at], index[at + len(pin) - 1] + 1))
        at = hay.find(pin, at + 1)
    return out


# --------------------------------------------------------------------------- sources


def _origin(directory: Path) -> str:
    name = directory.resolve().name
    if (directory / "manifest.json").exists():
        return "generated"
    return name or str(directory)


def _scenario_people(directory: Path) -> dict[str, dict[str, list[str]]]:
    """Role -> names per generated file, rebuilt from the generator's plan and seed."""
    manifest = directory / "manifest.json"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        from ..synth.generate import PLAN
        from ..synth.scenario import build_case
    except Exception as exc:  # the generator is optional for training
        log.warning("no generator scenario for %s: %s", directory, exc)
        return {}
    seed = data.get("seed")
    plans = {spec["stem"]: spec for spec in PLAN["documents"]} if isinstance(PLAN, dict) else {}
    out = {}
    for entry in data.get("documents", []):
        stem = Path(entry["file"]).stem
        spec = plans.get(stem)
        if spec is None or seed is None:
            continue
        try:
            case = build_case(spec, f"{seed}:{stem}")
        except Exception as exc:
            log.warning("scenario of %s not rebuilt: %s", stem, exc)
            continue
        out[entry["file"]] = {
            "JUDGE": list(case.judges),
            "VICTIM": [v.label for v in case.victims],
            "PERSON": [case.prosecutor, *case.defenders],
        }
    return out


def _gold_dir_items(directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    from ..evaluate import find_gold

    return [(p.source, p.gold) for p in find_gold(directory)]


def load_training_docs(
    sources: Sources, *, workers: int = 2, cache_dir: str | os.PathLike | None = None,
    on_doc: Callable[[str], None] | None = None,
) -> tuple[list[TrainDoc], list[str]]:
    """Training documents from every source, and warnings (spans that could not be placed, …)."""
    warnings: list[str] = []
    items: list[tuple[Path, dict[str, Any], str, dict[str, list[str]]]] = []
    for directory in sources.gold_dirs:
        if not directory.is_dir():
            raise UsageError(f"{directory}: not a directory")
        origin = _origin(directory)
        people = _scenario_people(directory) if origin == "generated" else {}
        for source, gold in _gold_dir_items(directory):
            items.append((source, gold, origin, people.get(source.name, {})))
    by_path = {str(p): (g, o, pe) for p, g, o, pe in items}
    docs: dict[str, TrainDoc] = {}
    work = partial(_process_path, cache_dir=str(cache_dir) if cache_dir else None)
    for path, result in _run_all(work, [p for p, *_ in items], workers=workers, name_of=lambda p: p.name):
        if isinstance(result, BaseException):
            warnings.append(f"{path.name}: not used ({result})")
            continue
        extraction, record = result
        gold, origin, people = by_path[str(path)]
        sha = extraction.document.sha256
        docs[sha] = TrainDoc(sha, path.name, origin, extraction.document.language, extraction, record, gold,
                             people=people)
        if on_doc:
            on_doc(path.name)
    for path, fmt, label_map in sources.annotations:
        warnings += _add_annotations(list(docs.values()), path, fmt, label_map)
    if sources.db is not None:
        warnings += _add_db_gold(docs, sources.db, workers=workers, on_doc=on_doc)
    out = sorted(docs.values(), key=lambda d: (d.origin, d.file))
    return out, warnings


def _add_annotations(docs: list[TrainDoc], path: Path, fmt: str, label_map: str | None) -> list[str]:
    """Span annotations of a tool export, placed on the training documents by file name."""
    from ..annotate.align import TextAlignment
    from ..annotate.importer import Placement, _map_spans, check_spans, load_label_map, read_tasks

    if not path.is_file():
        raise UsageError(f"{path}: no such annotation file")
    mapping = load_label_map(label_map)
    complete = None if mapping is None else mapping.get("complete")
    warnings = []
    by_name = {d.file: d for d in docs}
    for task in read_tasks(path, fmt):
        if not task.reviewed:
            continue
        file = task.source.get("file") or (task.atlas or {}).get("file")
        base = Path(str(file)).name if file else None
        doc = by_name.get(base) if base else None
        if doc is None and base:
            doc = next((d for d in docs if d.file.endswith(f"__{base}")), None)
        if doc is None:
            warnings.append(f"{path.name}: task {task.task_id}: no training document for {file!r}")
            continue
        at = doc.text.find(task.text)
        if at >= 0 and doc.text.find(task.text, at + 1) < 0:
            place = Placement(doc.key, doc.file, doc.text, at)
        else:
            place = Placement(doc.key, doc.file, doc.text, None, TextAlignment(task.text, doc.text))
        spans = _map_spans(task, mapping)
        good, bad = check_spans(task, spans, place)
        fatal = [s for s, _m in bad if complete is None or s.label in complete]
        warnings += [f"{path.name}: {doc.file}: {m}" for _s, m in bad]
        if fatal:
            continue
        doc.spans += [(lo, hi, s.label) for lo, hi, s in good]
        if place.alignment is not None:
            lo, hi = place.alignment.extent()
        else:
            lo, hi = place.offset, place.offset + len(task.text)
        doc.regions.append((lo, hi, None if complete is None else list(complete)))
    return warnings


def _add_db_gold(docs: dict[str, TrainDoc], db_path: Path, *, workers: int, on_doc) -> list[str]:
    from .. import store
    from ..annotate.gold import load_gold

    if not db_path.is_file():
        raise UsageError(f"{db_path}: no such database")
    db = store.open_db(db_path)
    try:
        gold = load_gold(db)
        pages = {
            sha: [Page(number=r[0], text=r[1], raw_text=r[2], ocr=bool(r[3]))
                  for r in db.execute("SELECT number, text, raw_text, ocr FROM pages WHERE document = ? ORDER BY number", [sha])]
            for sha in gold
        }
        media = {r[0]: r[1] for r in db.execute("SELECT sha256, media_type FROM documents")}
    finally:
        db.close()
    warnings = [w for g in gold.values() for w in g.stale]
    fresh = []
    for sha, g in gold.items():
        if sha not in docs:
            fresh.append(Document(sha256=sha, file=g.file, path=g.file, media_type=media.get(sha, "txt"),
                                  pages=pages[sha], language=g.language))
    for document, result in _run_all(_process_document, fresh, workers=workers, name_of=lambda d: d.file):
        if isinstance(result, BaseException):
            warnings.append(f"{document.file}: not used ({result})")
            continue
        extraction, record = result
        docs[document.sha256] = TrainDoc(document.sha256, document.file, "db", document.language, extraction, record)
        if on_doc:
            on_doc(document.file)
    for sha, g in gold.items():
        doc = docs.get(sha)
        if doc is None:
            continue
        if doc.text != g.text:
            warnings.append(f"{g.file}: the database text differs from the file read now; its gold spans are not used")
        else:
            for region in g.regions:
                doc.regions.append((region.start, region.end, region.labels))
                doc.spans += [(s, e, label) for s, e, label, _attrs in region.spans]
        correction = g.record()
        if correction:
            doc.gold = _merge_record(doc.gold, correction)
    return warnings


def _merge_record(base: dict[str, Any] | None, correction: dict[str, Any]) -> dict[str, Any]:
    """A gold record with case-record corrections applied (corrections win, per defendant name)."""
    merged = json.loads(json.dumps(base)) if base else {}
    for key, value in correction.items():
        if key == "defendants":
            known = {d.get("name"): d for d in merged.get("defendants") or []}
            for d in value:
                if d["name"] in known:
                    known[d["name"]].update(d)
                else:
                    merged.setdefault("defendants", []).append(d)
        elif key == "document" and isinstance(value, dict):
            merged.setdefault("document", {}).update(value)
        elif key not in ("annotated_by", "annotated_at"):
            merged[key] = value
    if not base:
        merged["_partial"] = True  # only what the corrections say is known
    return merged


def data_hash(docs: list[TrainDoc]) -> str:
    """A hash of the training data: each document's text, gold record and gold spans."""
    digest = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.key):
        digest.update(d.key.encode())
        digest.update(hashlib.sha256(d.text.encode("utf-8")).digest())
        digest.update(json.dumps(d.gold, sort_keys=True, ensure_ascii=False).encode())
        digest.update(json.dumps(sorted(d.spans), ensure_ascii=False).encode())
        digest.update(json.dumps(sorted(d.regions, key=str), ensure_ascii=False).encode())
    return digest.hexdigest()
