"""Annotation tasks: stretches of stored documents with the current predictions on them.

A task is a region ``[start, end)`` of one stored document's text (the whole
document, its caption or operative part, or a passage around a date, a
citation or a penalty) with the predictions inside it as analyst spans
(``labels.predictions_as_spans``), offsets relative to the task text. It
carries the document's sha256 and the sha256 of the text version it was cut
from, so that an import can check every span against exactly that text.

The tool-specific files are written by ``labelstudio``, ``prodigy`` and
``doccano``; this module knows nothing about them.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from typing import Any, Iterator

import sqlite_utils

from ..errors import UsageError
from ..extract.sections import find_sections
from ..extract.text import sentences
from ..records import PAGE_SEPARATOR, Mention
from .labels import predictions_as_spans

__all__ = ["Span", "Task", "AnnotatedTask", "SELECTIONS", "UNITS", "build_tasks", "text_sha256", "stored_text"]

SELECTIONS = ("document-order", "low-confidence", "random", "unresolved")
UNITS = ("passages", "document")

# Passages: the sentence holding a focus mention and this many sentences either side,
# merged when they overlap, never longer than _MAX_PASSAGE characters (the operative part
# and the caption are tasks of their own and may be longer).
_CONTEXT_SENTENCES = 1
_MAX_PASSAGE = 1500
_FOCUS = ("DATE", "EVENT", "STATUTE", "PENALTY", "MONEY")


@dataclass(frozen=True)
class Span:
    """An analyst span: offsets relative to the text it was annotated on."""

    start: int
    end: int
    label: str
    text: str
    confidence: float | None = None
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Task:
    id: str
    document: str  # sha256 of the file
    file: str
    language: str | None
    kind: str  # "document", "caption", "operative", "passage"
    start: int  # region in the stored document text
    end: int
    text: str
    text_sha256: str  # of the whole stored text the region was cut from
    spans: list[Span]
    uncertainty: float
    unresolved: int

    def meta(self) -> dict[str, Any]:
        """What an import needs to find the region again, kept in every tool's task data."""
        return {
            "task": self.id,
            "document": self.document,
            "file": self.file,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text_sha256": self.text_sha256,
        }


@dataclass
class AnnotatedTask:
    """One task as a tool exports it, reduced to what the importer checks and stores."""

    task_id: str | None
    text: str
    spans: list[Span]
    annotator: str | None
    annotated_at: str | None
    atlas: dict[str, Any] | None  # Task.meta() when the task came from our export
    source: dict[str, Any] = field(default_factory=dict)  # the tool's own data (file names, ids)
    reviewed: bool = True  # False: the tool holds no human answer for it (predictions only)
    complete_labels: list[str] | None = None  # None: the region is complete for every label
    ignored_labels: dict[str, int] = field(default_factory=dict)  # tool labels with no analyst label


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_text(db: sqlite_utils.Database, sha256: str) -> str | None:
    """The document text as stored (the pages joined as records.Document joins them)."""
    rows = db.execute("SELECT text FROM pages WHERE document = ? ORDER BY number", [sha256]).fetchall()
    if not rows:
        return None
    return PAGE_SEPARATOR.join(r[0] for r in rows)


def _mentions(db: sqlite_utils.Database, sha256: str) -> list[Mention]:
    out = []
    for r in db.query(
        "SELECT label, char_start, char_end, text, value, method, confidence, attrs FROM mentions "
        "WHERE document = ? ORDER BY position",
        [sha256],
    ):
        out.append(
            Mention(
                r["label"], r["char_start"], r["char_end"], r["text"],
                value=json.loads(r["value"]) if r["value"] is not None else None,
                method=r["method"], confidence=r["confidence"], attrs=json.loads(r["attrs"] or "{}"),
            )
        )
    return out


def _unresolved(m: Mention) -> bool:
    if m.label in ("STATUTE", "DATE") and m.value is None:
        return True
    if m.label == "MONEY" and (not isinstance(m.value, dict) or m.value.get("currency") is None):
        return True
    if m.label == "PENALTY" and isinstance(m.value, dict) and m.value.get("kind") not in ("life", "death") and \
            m.value.get("months") is None and m.value.get("max_months") is None:
        return True
    return False


def _regions(text: str, mentions: list[Mention], unit: str) -> list[tuple[str, int, int]]:
    if unit == "document":
        return [("document", 0, len(text))] if text else []
    sections = find_sections(text)
    regions: list[tuple[str, int, int]] = []
    for s in sections:
        if s.name in ("caption", "operative") and s.end > s.start:
            regions.append((s.name, s.start, s.end))
    spans = sentences(text)
    windows: list[tuple[int, int]] = []
    for m in mentions:
        if m.label not in _FOCUS or m.end <= m.start:
            continue
        index = next((i for i, s in enumerate(spans) if s.start <= m.start < s.end), None)
        if index is None:
            lo, hi = max(0, m.start - 200), min(len(text), m.end + 200)
        else:
            lo = spans[max(0, index - _CONTEXT_SENTENCES)].start
            hi = spans[min(len(spans) - 1, index + _CONTEXT_SENTENCES)].end
        if hi - lo > _MAX_PASSAGE:
            lo = max(lo, m.start - _MAX_PASSAGE // 2)
            hi = min(hi, lo + _MAX_PASSAGE)
        windows.append((lo, hi))
    taken = [(a, b) for _k, a, b in regions]
    merged: list[list[int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1] and max(hi, merged[-1][1]) - merged[-1][0] <= _MAX_PASSAGE:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    for lo, hi in merged:
        # A passage inside the caption or the operative part is already shown there.
        if any(a <= lo and hi <= b for a, b in taken):
            continue
        regions.append(("passage", lo, hi))
    # Overlapping regions would make one prediction two tasks' gold: cut passages back.
    regions.sort(key=lambda r: (r[1], -r[2]))
    out: list[tuple[str, int, int]] = []
    for kind, lo, hi in regions:
        if out and lo < out[-1][2]:
            if hi <= out[-1][2]:
                continue
            lo = out[-1][2]
        out.append((kind, lo, hi))
    return [r for r in out if r[2] > r[1] and text[r[1] : r[2]].strip()]


def _annotated(db: sqlite_utils.Database, sha256: str) -> list[tuple[int, int]]:
    if "gold_regions" not in db.table_names():
        return []
    return [(r[0], r[1]) for r in db.execute(
        "SELECT char_start, char_end FROM gold_regions WHERE document = ?", [sha256])]


def _unknown_verdicts(db: sqlite_utils.Database, sha256: str) -> int:
    return db.execute(
        "SELECT count(*) FROM defendants WHERE document = ? AND verdict = 'unknown'", [sha256]
    ).fetchone()[0]


def build_tasks(
    db: sqlite_utils.Database,
    *,
    select: str = "document-order",
    limit: int | None = None,
    unit: str = "passages",
    seed: int = 0,
    include_annotated: bool = False,
    documents: list[str] | None = None,
) -> list[Task]:
    """The tasks to annotate, ordered by ``select`` and cut to ``limit``.

    ``low-confidence`` puts first the tasks whose least confident prediction is least
    confident (ties: more predictions first); ``unresolved`` keeps only tasks with a
    prediction that could not be normalised (a citation without an id, an amount
    without a currency, a date without a value) or the operative part of a document
    with a defendant whose verdict is unknown; ``random`` shuffles with ``seed``.
    Regions an analyst already annotated are left out unless ``include_annotated``.
    """
    if select not in SELECTIONS:
        raise UsageError(f"--select must be one of {', '.join(SELECTIONS)}, got {select!r}")
    if unit not in UNITS:
        raise UsageError(f"--unit must be one of {', '.join(UNITS)}, got {unit!r}")
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, got {limit}")
    rows = list(db.query("SELECT sha256, file, language FROM documents WHERE status = 'ok' ORDER BY file, sha256"))
    if documents:
        wanted = set(documents)
        rows = [r for r in rows if r["sha256"] in wanted or r["file"] in wanted]
    tasks: list[Task] = []
    for row in rows:
        text = stored_text(db, row["sha256"])
        if not text:
            continue
        digest = text_sha256(text)
        mentions = _mentions(db, row["sha256"])
        spans_all = predictions_as_spans(text, mentions)
        unresolved_at = [(m.start, m.end) for m in mentions if _unresolved(m) and m.end > m.start]
        annotated = [] if include_annotated else _annotated(db, row["sha256"])
        unknown = _unknown_verdicts(db, row["sha256"])
        for kind, lo, hi in _regions(text, mentions, unit):
            if any(a <= lo and hi <= b for a, b in annotated):
                continue
            inside = [(s, e, lab, c) for s, e, lab, c in spans_all if lo <= s and e <= hi]
            spans = [Span(s - lo, e - lo, lab, text[s:e], round(c, 3)) for s, e, lab, c in inside]
            n_unresolved = sum(1 for s, e in unresolved_at if lo <= s and e <= hi)
            if kind in ("operative", "document"):
                n_unresolved += unknown
            uncertainty = max((1.0 - c for *_x, c in inside), default=0.0)
            tasks.append(
                Task(
                    id=hashlib.sha256(f"{row['sha256']}:{lo}:{hi}".encode()).hexdigest()[:16],
                    document=row["sha256"], file=row["file"], language=row["language"], kind=kind,
                    start=lo, end=hi, text=text[lo:hi], text_sha256=digest, spans=spans,
                    uncertainty=round(uncertainty, 4), unresolved=n_unresolved,
                )
            )
    if select == "low-confidence":
        tasks.sort(key=lambda t: (-t.uncertainty, -len(t.spans), t.file, t.start))
    elif select == "random":
        random.Random(seed).shuffle(tasks)
    elif select == "unresolved":
        tasks = [t for t in tasks if t.unresolved]
        tasks.sort(key=lambda t: (-t.unresolved, t.file, t.start))
    return tasks[:limit] if limit else tasks


def iter_json_lines(path_text: str, *, name: str) -> Iterator[Any]:
    """JSON values of a file holding one JSON document (a list or an object) or JSON lines."""
    stripped = path_text.lstrip()
    if not stripped:
        return
    try:
        value = json.loads(stripped)
    except json.JSONDecodeError:
        value = None
    if value is not None:
        if isinstance(value, list):
            yield from value
        else:
            yield value
        return
    for n, line in enumerate(path_text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{name}: line {n} is not JSON ({exc.msg})") from exc
