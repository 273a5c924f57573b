"""Prodigy: ``ner_manual``-style tasks in, ``prodigy db-out`` JSON lines out.

Export: one task per region with ``text``, ``tokens`` (the spaCy tokenizer of the
document's language, as ``ner_manual`` needs them to show pre-annotated spans),
``spans`` (start, end, label, token_start, token_end) and ``meta`` (shown
under the card). Our own locator travels in ``atlas``.

Import: the lines of ``prodigy db-out``. Only ``"answer": "accept"`` is a human
answer; ``reject`` and ``ignore`` are counted and skipped, and a line with no
answer at all (the exported task itself) holds only predictions. Who and when
come from ``_annotator_id`` (or ``_session_id``) and ``_timestamp``. When one
task was answered several times, the latest answer wins.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import Any, Iterable

from ..errors import UsageError
from .tasks import AnnotatedTask, Span, Task

__all__ = ["write_tasks", "read_export"]


@lru_cache(maxsize=8)
def _tokenizer(lang: str | None):
    import spacy

    try:
        return spacy.blank(lang if lang in ("en", "es") else "xx").tokenizer
    except (ImportError, OSError):
        return spacy.blank("xx").tokenizer


def _tokens(text: str, lang: str | None) -> list[dict[str, Any]]:
    doc = _tokenizer(lang)(text)
    return [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)} for t in doc]


def _token_bounds(tokens: list[dict[str, Any]], start: int, end: int) -> tuple[int, int]:
    first = next((t["id"] for t in tokens if t["end"] > start), len(tokens) - 1)
    last = next((t["id"] for t in reversed(tokens) if t["start"] < end), first)
    return first, max(first, last)


def write_tasks(tasks: list[Task], *, model_version: str) -> list[dict[str, Any]]:
    out = []
    for t in tasks:
        tokens = _tokens(t.text, t.language)
        spans = []
        for s in t.spans:
            ts, te = _token_bounds(tokens, s.start, s.end)
            span = {"start": s.start, "end": s.end, "label": s.label, "token_start": ts, "token_end": te, "text": s.text}
            if s.confidence is not None:
                span["score"] = s.confidence
            spans.append(span)
        out.append(
            {
                "text": t.text,
                "tokens": tokens,
                "spans": spans,
                "meta": {"file": t.file, "kind": t.kind, "uncertainty": t.uncertainty, "source": model_version},
                "atlas": t.meta(),
            }
        )
    return out


def _when(item: dict[str, Any]) -> str | None:
    ts = item.get("_timestamp")
    if isinstance(ts, (int, float)):
        return _dt.datetime.fromtimestamp(ts, tz=_dt.timezone.utc).isoformat(timespec="seconds")
    return str(ts) if ts else None


def read_export(items: Iterable[Any], *, name: str) -> list[AnnotatedTask]:
    latest: dict[str, tuple[Any, AnnotatedTask]] = {}
    order: list[str] = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise UsageError(f"{name}: line {n} is not a Prodigy task (no 'text')")
        text = item["text"]
        answer = item.get("answer")
        spans = []
        for sp in item.get("spans") or []:
            if not isinstance(sp, dict) or "start" not in sp or "end" not in sp or not sp.get("label"):
                raise UsageError(f"{name}: line {n}: a span without start, end or label")
            start, end = int(sp["start"]), int(sp["end"])
            spans.append(Span(start, end, str(sp["label"]), str(sp.get("text", text[start:end]))))
        atlas = item.get("atlas") if isinstance(item.get("atlas"), dict) else None
        key = str((atlas or {}).get("task") or item.get("_task_hash") or item.get("_input_hash") or n)
        meta = item.get("meta") if isinstance(item.get("meta"), dict) else {}
        task = AnnotatedTask(
            task_id=key, text=text, spans=spans,
            annotator=f"prodigy:{item.get('_annotator_id') or item.get('_session_id')}" if (item.get("_annotator_id") or item.get("_session_id")) else None,
            annotated_at=_when(item), atlas=atlas,
            source={"file": meta.get("file")} if meta.get("file") else {},
            reviewed=answer == "accept",
        )
        if answer in ("reject", "ignore"):
            task.source["answer"] = answer
        stamp = item.get("_timestamp") or 0
        if key not in latest:
            order.append(key)
            latest[key] = (stamp, task)
        elif task.reviewed and (not latest[key][1].reviewed or stamp >= latest[key][0]):
            latest[key] = (stamp, task)
    return [latest[k][1] for k in order]
