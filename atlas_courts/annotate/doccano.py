"""doccano (sequence labelling): JSON lines in and out.

Export: ``{"text", "label": [[start, end, label], …], "atlas": {…}}`` per task;
doccano keeps keys it does not know as the example's metadata.

Import: doccano's JSONL export, in either of its shapes: ``"label": [[s, e, l]]``
(doccano 1.x) or ``"entities": [{"start_offset", "end_offset", "label"}]`` (with
relations). doccano's export says nothing about who annotated (each user's
file is separate): the importer's ``--annotator`` names them. A line whose
``atlas`` locator is missing is found by its text in the stored documents.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..errors import UsageError
from .tasks import AnnotatedTask, Span, Task

__all__ = ["write_tasks", "read_export"]


def write_tasks(tasks: list[Task], *, model_version: str) -> list[dict[str, Any]]:
    return [
        {
            "text": t.text,
            "label": [[s.start, s.end, s.label] for s in t.spans],
            "atlas": t.meta(),
            "file": t.file,
            "kind": t.kind,
            "source": model_version,
        }
        for t in tasks
    ]


def read_export(items: Iterable[Any], *, name: str) -> list[AnnotatedTask]:
    out = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise UsageError(f"{name}: line {n} is not a doccano example (no 'text')")
        text = item["text"]
        spans = []
        raw = item.get("label", item.get("labels"))
        if isinstance(raw, list) and raw and all(isinstance(x, (list, tuple)) for x in raw):
            for x in raw:
                if len(x) < 3:
                    raise UsageError(f"{name}: line {n}: a label needs [start, end, label], got {x!r}")
                spans.append(Span(int(x[0]), int(x[1]), str(x[2]), text[int(x[0]) : int(x[1])]))
        for e in item.get("entities") or []:
            if not isinstance(e, dict) or "start_offset" not in e or "end_offset" not in e or "label" not in e:
                raise UsageError(f"{name}: line {n}: an entity without start_offset, end_offset or label")
            s, t = int(e["start_offset"]), int(e["end_offset"])
            spans.append(Span(s, t, str(e["label"]), text[s:t]))
        atlas = item.get("atlas") if isinstance(item.get("atlas"), dict) else None
        meta = item.get("meta") if isinstance(item.get("meta"), dict) else {}
        file = item.get("file") or meta.get("file")
        out.append(
            AnnotatedTask(
                task_id=str((atlas or {}).get("task") or item.get("id") or n), text=text, spans=spans,
                annotator=None, annotated_at=None, atlas=atlas, source={"file": file} if file else {},
            )
        )
    return out
