"""Label Studio: tasks with predictions in, the project's JSON export out.

Export: one task per region, ``data.text`` the stored text of the region,
``data.atlas`` where it came from, and the current predictions as a Label
Studio ``prediction`` (model_version = how they were made, one ``score`` per
region and per span). ``labeling_config()`` is the project's labelling
interface (a ``Labels`` tag named ``label`` on a ``Text`` tag named ``text``).

Import: the JSON (or JSON-lines) export of a project. A task's answer is its
latest annotation that was not cancelled; ``choices`` results attached to a
region (Label Studio's per-region classifications) go into the span's attrs,
which is how AymurAI's NOMBRE regions carry their role. A task nobody
annotated holds only predictions: it is not a human answer and is skipped
unless the importer is told to accept predictions.
"""

from __future__ import annotations

import json
from typing import Any, Iterable
from xml.sax.saxutils import quoteattr

from ..errors import UsageError
from .labels import LABELS
from .offsets import from_utf16, has_astral, to_utf16
from .tasks import AnnotatedTask, Span, Task

__all__ = ["write_tasks", "read_export", "labeling_config"]

_COLOURS = {
    "STATUTE": "#1f77b4", "OFFENCE": "#d62728", "PENALTY": "#9467bd", "FINE": "#8c564b", "MONEY": "#c49c94",
    "DATE": "#7f7f7f", "DEFENDANT": "#ff7f0e", "VICTIM": "#e377c2", "WITNESS": "#bcbd22", "JUDGE": "#17becf",
    "PERSON": "#aec7e8", "COURT": "#98df8a", "CASE_NUMBER": "#ffbb78",
}


def labeling_config(labels: Iterable[str] = LABELS) -> str:
    """The Label Studio labelling interface for the analyst labels."""
    lines = ['<View>', '  <Labels name="label" toName="text">']
    for label in labels:
        colour = _COLOURS.get(label, "#2ca02c")
        lines.append(f"    <Label value={quoteattr(label)} background={quoteattr(colour)}/>")
    lines += ['  </Labels>', '  <Text name="text" value="$text" granularity="symbol"/>', '</View>', '']
    return "\n".join(lines)


def _offset_out(text: str, offset: int, astral: bool) -> int:
    return to_utf16(text, offset) if astral else offset


def write_tasks(tasks: list[Task], *, model_version: str) -> list[dict[str, Any]]:
    out = []
    for t in tasks:
        astral = has_astral(t.text)
        result = []
        for k, s in enumerate(t.spans):
            item = {
                "id": f"{t.id}-{k}",
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {
                    "start": _offset_out(t.text, s.start, astral),
                    "end": _offset_out(t.text, s.end, astral),
                    "text": s.text,
                    "labels": [s.label],
                },
            }
            if s.confidence is not None:
                item["score"] = s.confidence
            result.append(item)
        out.append(
            {
                "data": {"text": t.text, "atlas": t.meta(), "file": t.file, "kind": t.kind},
                "predictions": [
                    {"model_version": model_version, "score": round(1.0 - t.uncertainty, 4), "result": result}
                ],
                "meta": {"uncertainty": t.uncertainty, "unresolved": t.unresolved},
            }
        )
    return out


def _who(annotation: dict[str, Any]) -> str | None:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    if who is None:
        return None
    return f"labelstudio:{who}"


def _when(annotation: dict[str, Any]) -> str | None:
    return annotation.get("updated_at") or annotation.get("created_at")


def _latest(annotations: list[dict[str, Any]]) -> dict[str, Any] | None:
    live = [a for a in annotations if not a.get("was_cancelled")]
    if not live:
        return None
    return max(live, key=lambda a: (str(_when(a) or ""), str(a.get("id") or "")))


def _spans(text: str, results: list[dict[str, Any]], where: str) -> list[Span]:
    astral = has_astral(text)
    choices: dict[str, dict[str, list[str]]] = {}
    for r in results:
        if r.get("type") == "choices" and r.get("id") is not None:
            choices.setdefault(str(r["id"]), {})[str(r.get("from_name"))] = list((r.get("value") or {}).get("choices") or [])
    spans = []
    for r in results:
        if r.get("type") != "labels":
            continue
        value = r.get("value") or {}
        labels = value.get("labels") or []
        if "start" not in value or "end" not in value or not labels:
            raise UsageError(f"{where}: a labels result without start, end or labels: {json.dumps(value)[:120]}")
        start, end = int(value["start"]), int(value["end"])
        if astral:
            start, end = from_utf16(text, start), from_utf16(text, end)
            if start is None or end is None:
                raise UsageError(f"{where}: span offsets {value['start']}:{value['end']} split a character")
        attrs: dict[str, Any] = {}
        if str(r.get("id")) in choices:
            attrs["choices"] = choices[str(r["id"])]
        for label in labels:
            spans.append(Span(start, end, str(label), value.get("text", text[start:end]), attrs=attrs))
    return spans


def read_export(items: Iterable[Any], *, name: str) -> list[AnnotatedTask]:
    out = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("data"), dict):
            raise UsageError(f"{name}: item {n} is not a Label Studio task (no 'data' object)")
        data = item["data"]
        text = data.get("text")
        if not isinstance(text, str):
            raise UsageError(f"{name}: task {item.get('id', n)} has no data.text")
        task_id = str(item.get("id", n))
        annotation = _latest(item.get("annotations") or [])
        where = f"{name}: task {task_id}"
        if annotation is None:
            predictions = item.get("predictions") or []
            result = predictions[-1].get("result", []) if predictions and isinstance(predictions[-1], dict) else []
            out.append(AnnotatedTask(task_id, text, _spans(text, result, where), None, None,
                                     data.get("atlas"), source=_source(data), reviewed=False))
            continue
        out.append(
            AnnotatedTask(
                task_id, text, _spans(text, annotation.get("result") or [], where), _who(annotation), _when(annotation),
                data.get("atlas"), source=_source(data),
            )
        )
    return out


def _source(data: dict[str, Any]) -> dict[str, Any]:
    meta = data.get("meta_info") if isinstance(data.get("meta_info"), dict) else {}
    file = data.get("file") or meta.get("path") or meta.get("file")
    return {"file": file} if file else {}
