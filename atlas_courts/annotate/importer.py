"""Checking a tool's export against the stored texts and storing it as gold.

Every span is checked against the stored text of its document: the text under
the span's offsets must be exactly the span's text. Tasks exported by
``annotate export`` say which document, region and text version they were
cut from; other annotations are placed by file name (and their text aligned
as a whole, see ``align``) or, failing that, by finding their text verbatim
in exactly one stored document. A span that does not match is reported with
the text found there and its task is not imported (a region is stored whole
or not at all, because inside a region the gold is complete). Nothing is ever
moved to where similar text happens to be.

Gold lives in its own tables (``gold_imports``, ``gold_regions``,
``gold_mentions``, ``gold_records``), never in ``mentions``, with who
annotated it and when. Importing the same file again replaces what it
imported before.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from ..errors import UsageError
from ..records import CHARGE_VERDICTS, EVENT_TYPES, SCHEMA, VERDICTS
from ..store.schema import content_id
from . import doccano, labelstudio, prodigy
from .align import TextAlignment
from .labels import LABELS
from .tasks import AnnotatedTask, Span, iter_json_lines, stored_text, text_sha256

__all__ = ["FORMATS", "ImportReport", "Rejection", "import_file", "read_tasks", "load_label_map", "place_task"]

FORMATS = ("labelstudio", "prodigy", "doccano", "record")
_READERS = {"labelstudio": labelstudio.read_export, "prodigy": prodigy.read_export, "doccano": doccano.read_export}
_MAPS = Path(__file__).parent / "data" / "label_maps.json"


@dataclass
class Rejection:
    task: str | None
    file: str | None
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class ImportReport:
    file: str
    format: str
    import_id: str = ""
    tasks: int = 0  # tasks (or records) stored
    spans: int = 0
    records: int = 0
    unreviewed: int = 0  # tasks with predictions only, skipped
    skipped_answers: dict[str, int] = field(default_factory=dict)  # prodigy reject / ignore
    ignored_labels: dict[str, int] = field(default_factory=dict)
    aligned_tasks: int = 0  # placed through a text alignment (the tool's text is another rendering)
    rejections: list[Rejection] = field(default_factory=list)  # tasks (or records) not imported, and why
    left_out: list[Rejection] = field(default_factory=list)  # positives-only spans not imported, the rest was

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "format": self.format, "import": self.import_id, "tasks": self.tasks,
            "spans": self.spans, "records": self.records, "unreviewed": self.unreviewed,
            "skipped_answers": self.skipped_answers, "ignored_labels": self.ignored_labels,
            "aligned_tasks": self.aligned_tasks,
            "rejected": [{"task": r.task, "file": r.file, "message": r.message} for r in self.rejections],
            "left_out": [{"task": r.task, "file": r.file, "message": r.message} for r in self.left_out],
        }


# --------------------------------------------------------------------------- label maps


def load_label_map(spec: str | None) -> dict[str, Any] | None:
    """A label map by built-in name (``aymurai``) or from a JSON file of the same shape."""
    if spec is None:
        return None
    builtin = json.loads(_MAPS.read_text(encoding="utf-8"))
    if spec in builtin and not spec.startswith("_"):
        return builtin[spec]
    path = Path(spec)
    if not path.is_file():
        names = ", ".join(k for k in builtin if not k.startswith("_"))
        raise UsageError(f"--label-map: {spec} is neither a built-in map ({names}) nor a file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UsageError(f"--label-map: {spec} is not JSON ({exc.msg})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise UsageError(f"--label-map: {spec} needs a 'labels' object")
    for target in _targets(data["labels"]):
        if target is not None and target not in LABELS:
            raise UsageError(f"--label-map: {target!r} is not an analyst label ({', '.join(LABELS)})")
    return data


def _targets(labels: dict[str, Any]):
    for v in labels.values():
        if isinstance(v, dict):
            yield from (v.get("choices") or {}).values()
            yield v.get("default")
        else:
            yield v


def _map_spans(task: AnnotatedTask, label_map: dict[str, Any] | None) -> list[Span]:
    """The task's spans in analyst labels; tool labels with no analyst label are counted."""
    out = []
    table = (label_map or {}).get("labels", {})
    trim = (label_map or {}).get("trim", "")
    for s in task.spans:
        if s.label in table:
            rule = table[s.label]
            if isinstance(rule, dict):
                chosen = [c for values in (s.attrs.get("choices") or {}).values() for c in values]
                target = next((rule["choices"][c] for c in chosen if c in (rule.get("choices") or {})), rule.get("default"))
            else:
                target = rule
        elif s.label in LABELS:
            target = s.label
        else:
            target = None
        if target is None:
            task.ignored_labels[s.label] = task.ignored_labels.get(s.label, 0) + 1
            continue
        start, end = s.start, s.end
        if trim:
            while start < end and task.text[start] in trim:
                start += 1
            while end > start and task.text[end - 1] in trim:
                end -= 1
            if end <= start:
                continue
        text = task.text[start:end] if (start, end) != (s.start, s.end) else s.text
        out.append(Span(start, end, target, text, s.confidence, dict(s.attrs)))
    return out


# --------------------------------------------------------------------------- reading


def read_tasks(path: Path, fmt: str) -> list[AnnotatedTask]:
    if fmt not in _READERS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot be read ({exc})") from exc
    return _READERS[fmt](iter_json_lines(raw, name=path.name), name=path.name)


# --------------------------------------------------------------------------- placing a task


@dataclass
class Placement:
    document: str
    file: str
    text: str  # the stored document text
    offset: int | None  # where the task text starts in the stored text (None: aligned)
    alignment: TextAlignment | None = None
    expected_sha256: str | None = None  # the text version the task was exported from


def _documents_by_file(db: sqlite_utils.Database, file: str) -> list[dict[str, Any]]:
    base = Path(str(file)).name
    rows = list(db.query("SELECT sha256, file FROM documents WHERE file = ?", [base]))
    if not rows:
        # The corpus convention "<source>__<original name>": AymurAI's "document-09.docx" is
        # stored as "ar-caba-aymurai__document-09.docx".
        rows = list(db.query("SELECT sha256, file FROM documents WHERE file LIKE ? ESCAPE '\\'", [f"%\\_\\_{base}"]))
        rows = [r for r in rows if r["file"].endswith(f"__{base}")]
    return rows


def place_task(db: sqlite_utils.Database, task: AnnotatedTask, texts: dict[str, str]) -> Placement | str:
    """Where the task's text is in the stored texts, or a message saying why it cannot be placed."""
    if task.atlas:
        sha = str(task.atlas.get("document") or "")
        text = texts.get(sha) if sha in texts else texts.setdefault(sha, stored_text(db, sha) or "")
        if not text:
            return f"document {sha[:12]}… is not in the database"
        file = db.execute("SELECT file FROM documents WHERE sha256 = ?", [sha]).fetchone()[0]
        try:
            start = int(task.atlas["start"])
        except (KeyError, TypeError, ValueError):
            return "the task's atlas locator has no start offset"
        return Placement(sha, file, text, start, expected_sha256=task.atlas.get("text_sha256"))
    file = task.source.get("file")
    candidates = _documents_by_file(db, file) if file else []
    if len(candidates) > 1:
        return f"file name {file!r} matches {len(candidates)} stored documents"
    if file and not candidates:
        return f"its file {Path(str(file)).name!r} is not in the database (build it first)"
    if candidates:
        sha = candidates[0]["sha256"]
        text = texts.get(sha) if sha in texts else texts.setdefault(sha, stored_text(db, sha) or "")
        at = text.find(task.text)
        if at >= 0 and text.find(task.text, at + 1) < 0:
            return Placement(sha, candidates[0]["file"], text, at)
        return Placement(sha, candidates[0]["file"], text, None, TextAlignment(task.text, text))
    hits = []
    for row in db.query("SELECT sha256, file FROM documents WHERE status = 'ok'"):
        text = texts.get(row["sha256"]) if row["sha256"] in texts else texts.setdefault(row["sha256"], stored_text(db, row["sha256"]) or "")
        at = text.find(task.text) if task.text else -1
        if at >= 0:
            hits.append((row["sha256"], row["file"], text, at, text.find(task.text, at + 1) >= 0))
    if len(hits) == 1 and not hits[0][4]:
        sha, file, text, at, _ = hits[0]
        return Placement(sha, file, text, at)
    if hits:
        return "its text occurs more than once in the stored documents; export it from atlas-courts to locate it"
    return "its text is in no stored document (give the file name in the task data, or re-export the task)"


def check_spans(
    task: AnnotatedTask, spans: list[Span], place: Placement
) -> tuple[list[tuple[int, int, Span]], list[tuple[Span, str]]]:
    """Each span's absolute offsets in the stored text, and a message for each span that does not match."""
    good, bad = [], []
    changed = place.expected_sha256 and place.expected_sha256 != text_sha256(place.text)
    for s in spans:
        if not 0 <= s.start < s.end <= len(task.text):
            bad.append((s, f"span {s.label} {s.start}:{s.end} lies outside the task text ({len(task.text)} characters)"))
            continue
        if task.text[s.start : s.end] != s.text:
            bad.append((s, f"span {s.label} {s.start}:{s.end} says {s.text!r} but the task text there is {task.text[s.start:s.end]!r}"))
            continue
        if place.alignment is not None:
            mapped = place.alignment.map_span(s.start, s.end)
            if mapped is None:
                bad.append((s, f"span {s.label} {s.text!r} ({s.start}:{s.end} in the tool's text) has no counterpart in the stored text"))
                continue
            good.append((mapped[0], mapped[1], s))
            continue
        lo, hi = place.offset + s.start, place.offset + s.end
        found = place.text[lo:hi]
        if found != s.text:
            why = " (the document was re-ingested since the export)" if changed else ""
            bad.append((s, f"span {s.label} {s.text!r} at {lo}:{hi} does not match the stored text {found!r}{why}"))
            continue
        good.append((lo, hi, s))
    return good, bad


# --------------------------------------------------------------------------- storing


def _now() -> str:
    return _dt.datetime.now(tz=_dt.timezone.utc).isoformat(timespec="seconds")


def _import_id(data: bytes, fmt: str, label_map: dict[str, Any] | None) -> str:
    digest = hashlib.sha256(data)
    digest.update(fmt.encode())
    digest.update(json.dumps(label_map, sort_keys=True).encode())
    return digest.hexdigest()[:32]


def _forget(db: sqlite_utils.Database, import_id: str) -> None:
    db.execute("DELETE FROM gold_mentions WHERE region IN (SELECT id FROM gold_regions WHERE [import] = ?)", [import_id])
    db.execute("DELETE FROM gold_regions WHERE [import] = ?", [import_id])
    db.execute("DELETE FROM gold_records WHERE [import] = ?", [import_id])
    db.execute("DELETE FROM gold_imports WHERE id = ?", [import_id])


def import_file(
    db: sqlite_utils.Database,
    path: str | Path,
    fmt: str,
    *,
    annotator: str | None = None,
    label_map: str | None = None,
    accept_unreviewed: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Check and store one export file (or a file of gold case records, ``fmt="record"``)."""
    path = Path(path)
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    importer = annotator or getpass.getuser()
    mapping = load_label_map(label_map)
    report = ImportReport(file=path.name, format=fmt)
    report.import_id = _import_id(path.read_bytes(), fmt, mapping)
    regions: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    if fmt == "record":
        records = _records(db, path, report, importer)
    else:
        regions, mentions = _spans_to_rows(db, read_tasks(path, fmt), report, importer, mapping, accept_unreviewed)
    if dry_run:
        return report
    with db.atomic():
        _forget(db, report.import_id)
        db["gold_imports"].insert(
            {
                "id": report.import_id, "file": str(path), "format": fmt, "imported_by": importer,
                "imported_at": _now(), "tasks": report.tasks, "spans": report.spans,
                "rejected": len(report.rejections),
                "report": json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True),
            }
        )
        if regions:
            db["gold_regions"].insert_all(regions)
        if mentions:
            db["gold_mentions"].insert_all(mentions)
        if records:
            db["gold_records"].insert_all(records)
    return report


def _spans_to_rows(db, tasks, report, importer, mapping, accept_unreviewed):
    texts: dict[str, str] = {}
    regions, mentions = [], []
    seen_regions: set[str] = set()
    complete = None if mapping is None else mapping.get("complete")
    for task in tasks:
        if task.source.get("answer") in ("reject", "ignore"):
            report.skipped_answers[task.source["answer"]] = report.skipped_answers.get(task.source["answer"], 0) + 1
            continue
        if not task.reviewed and not accept_unreviewed:
            report.unreviewed += 1
            continue
        place = place_task(db, task, texts)
        if isinstance(place, str):
            report.rejections.append(Rejection(task.task_id, task.source.get("file"), f"task {task.task_id}: {place}"))
            continue
        spans = _map_spans(task, mapping)
        for label, n in task.ignored_labels.items():
            report.ignored_labels[label] = report.ignored_labels.get(label, 0) + n
        good, bad = check_spans(task, spans, place)
        # Inside a region the gold is complete for the labels the map says (every label for our own
        # tasks): a missing span would turn into a negative, so the task is stored whole or not at
        # all. Spans of labels that are positives only are left out alone, and listed.
        fatal = [(s, m) for s, m in bad if complete is None or s.label in complete]
        for s, message in bad:
            text = f"{place.file}: task {task.task_id}: {message}"
            if fatal:
                report.rejections.append(Rejection(task.task_id, place.file, text))
            else:
                report.left_out.append(Rejection(task.task_id, place.file, text))
        if fatal:
            continue
        if place.alignment is not None:
            report.aligned_tasks += 1
            region_start, region_end = place.alignment.extent()
        else:
            region_start, region_end = place.offset, place.offset + len(task.text)
        who = task.annotator or importer
        region_id = content_id("gold-region", report.import_id, place.document, region_start, region_end, task.task_id)
        if region_id in seen_regions:
            continue
        seen_regions.add(region_id)
        regions.append(
            {
                "id": region_id, "document": place.document, "import": report.import_id, "task": task.task_id,
                "char_start": region_start, "char_end": region_end, "text_sha256": text_sha256(place.text),
                "labels": None if complete is None else json.dumps(sorted(complete)),
                "annotator": who, "annotated_at": task.annotated_at,
            }
        )
        for lo, hi, s in good:
            mentions.append(
                {
                    "id": content_id("gold-mention", region_id, s.label, lo, hi),
                    "document": place.document, "region": region_id, "label": s.label,
                    "char_start": lo, "char_end": hi, "text": place.text[lo:hi],
                    "attrs": json.dumps(s.attrs, ensure_ascii=False, sort_keys=True),
                    "annotator": who, "annotated_at": task.annotated_at,
                }
            )
        report.tasks += 1
        report.spans += len(good)
    # The same span twice in one region (a tool that stores a region per label) is one gold span.
    unique = {m["id"]: m for m in mentions}
    return regions, list(unique.values())


# --------------------------------------------------------------------------- case-record gold


def check_record(record: Any) -> list[str]:
    """Problems with a (possibly partial) gold case record; empty when it follows the contract."""
    problems: list[str] = []
    if not isinstance(record, dict):
        return ["a gold record must be a JSON object"]
    if record.get("schema", SCHEMA) != SCHEMA:
        problems.append(f"schema is {record.get('schema')!r}, expected {SCHEMA!r}")
    doc = record.get("document")
    if not isinstance(doc, dict) or not (doc.get("sha256") or doc.get("file")):
        problems.append("document.sha256 or document.file must say which document it corrects")
    for i, d in enumerate(record.get("defendants") or []):
        if not isinstance(d, dict) or not d.get("name"):
            problems.append(f"defendants[{i}] needs a name")
            continue
        if "verdict" in d and d["verdict"] not in VERDICTS:
            problems.append(f"defendants[{i}].verdict {d['verdict']!r} is not one of {', '.join(VERDICTS)}")
        for j, c in enumerate(d.get("charges") or []):
            if isinstance(c, dict) and "verdict" in c and c["verdict"] not in CHARGE_VERDICTS:
                problems.append(f"defendants[{i}].charges[{j}].verdict {c['verdict']!r} is not one of {', '.join(CHARGE_VERDICTS)}")
        sentence = d.get("sentence")
        if sentence is not None:
            if not isinstance(sentence, dict):
                problems.append(f"defendants[{i}].sentence must be an object")
            else:
                for key in ("imprisonment_months", "imprisonment_min_months"):
                    v = sentence.get(key)
                    if v is not None and (not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0):
                        problems.append(f"defendants[{i}].sentence.{key} must be a number of months or null, got {v!r}")
    for i, e in enumerate(record.get("events") or []):
        if not isinstance(e, dict) or e.get("type") not in EVENT_TYPES:
            problems.append(f"events[{i}].type must be one of {', '.join(EVENT_TYPES)}")
        elif not isinstance(e.get("date"), str) or not _iso_date(e["date"]):
            problems.append(f"events[{i}].date {e.get('date')!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return problems


def _iso_date(value: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value))


def _records(db, path: Path, report: ImportReport, importer: str) -> list[dict[str, Any]]:
    rows = []
    try:
        items = list(iter_json_lines(path.read_text(encoding="utf-8"), name=path.name))
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text ({exc})") from exc
    for n, record in enumerate(items, 1):
        problems = check_record(record)
        if problems:
            for p in problems:
                report.rejections.append(Rejection(str(n), None, f"{path.name}: record {n}: {p}"))
            continue
        doc = record["document"]
        if doc.get("sha256"):
            found = db.execute("SELECT sha256 FROM documents WHERE sha256 = ?", [doc["sha256"]]).fetchall()
        else:
            found = [(r["sha256"],) for r in _documents_by_file(db, doc["file"])]
        if len(found) != 1:
            what = doc.get("sha256") or doc.get("file")
            message = "is not in the database" if not found else f"matches {len(found)} stored documents"
            report.rejections.append(Rejection(str(n), doc.get("file"), f"{path.name}: record {n}: document {what!r} {message}"))
            continue
        sha = found[0][0]
        who = str(record.get("annotated_by") or importer)
        rows.append(
            {
                "id": content_id("gold-record", report.import_id, sha, n),
                "document": sha, "import": report.import_id,
                "record": json.dumps(record, ensure_ascii=False, sort_keys=True),
                "annotator": who, "annotated_at": record.get("annotated_at"),
            }
        )
        report.records += 1
    report.tasks = report.records
    return rows
