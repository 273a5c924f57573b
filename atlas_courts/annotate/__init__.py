"""annotate: the analysts' round trip through Label Studio, Prodigy and doccano.

    export_tasks(db, out, fmt)      stored documents with their predictions as pre-annotations
    import_file(db, path, fmt)      a tool's export checked against the stored texts, stored as gold
    load_gold(db)                   the gold spans and case-record corrections, for training

Predictions stay in ``mentions`` and the other extraction tables; human
corrections go to the ``gold_*`` tables (store migration m002), with who made
them and when (AymurAI's rule: predictions and validations stored apart).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlite_utils

from ..errors import UsageError
from . import doccano, labelstudio, prodigy
from .gold import GoldRegion, load_gold
from .importer import FORMATS, ImportReport, import_file
from .labels import LABELS, NER_LABELS
from .tasks import SELECTIONS, UNITS, AnnotatedTask, Span, Task, build_tasks

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "LABELS",
    "NER_LABELS",
    "SELECTIONS",
    "UNITS",
    "AnnotatedTask",
    "GoldRegion",
    "ImportReport",
    "Span",
    "Task",
    "build_tasks",
    "export_tasks",
    "import_file",
    "load_gold",
    "write_tasks",
]

EXPORT_FORMATS = ("labelstudio", "prodigy", "doccano")
_WRITERS = {"labelstudio": labelstudio.write_tasks, "prodigy": prodigy.write_tasks, "doccano": doccano.write_tasks}


def write_tasks(tasks: list[Task], out: str | Path, fmt: str, *, model_version: str = "atlas-courts") -> list[Path]:
    """Write ``tasks`` in ``fmt``: a JSON list for a ``.json`` file, JSON lines otherwise.

    For Label Studio the labelling interface is written beside the tasks
    (``<out>.labelstudio.xml``: paste it into the project's Labeling Setup).
    Returns the files written.
    """
    if fmt not in _WRITERS:
        raise UsageError(f"--format must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}")
    out = Path(out)
    if not out.parent.is_dir():
        raise UsageError(f"--out: directory {out.parent} does not exist")
    items = _WRITERS[fmt](tasks, model_version=model_version)
    with out.open("w", encoding="utf-8") as fh:
        if out.suffix == ".json":
            json.dump(items, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        else:
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    written = [out]
    if fmt == "labelstudio":
        config = out.with_name(out.name + ".labelstudio.xml")
        config.write_text(labelstudio.labeling_config(), encoding="utf-8")
        written.append(config)
    return written


def export_tasks(
    db: sqlite_utils.Database, out: str | Path, fmt: str, *, model_version: str = "atlas-courts", **select: Any
) -> tuple[list[Task], list[Path]]:
    """Build the tasks (``build_tasks`` options) and write them; returns the tasks and files."""
    if fmt not in _WRITERS:
        raise UsageError(f"--format must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}")
    tasks = build_tasks(db, **select)
    return tasks, write_tasks(tasks, out, fmt, model_version=model_version)
