"""The one hook ``extract`` calls: the rules' extraction in, the hybrid extraction and record out.

    extraction, record = apply_model(extraction, versions=versions())

replaces ``record = resolve(extraction, versions=versions())`` in
``pipeline.process_document``. With no active model it is exactly that line.
With one (see ``registry``: ``$ATLAS_COURTS_MODEL``, ``models/ACTIVE``, else
the newest folder in ``models/``):

1. EVENT mentions are re-typed by the event classifier where it is sure
   (``[atlas.events]`` thresholds): the rules' event stays otherwise;
2. span-model people of the roles the rules do not find (victims, witnesses,
   judges) are added as PERSON mentions with that role (resolve counts only
   defendants; publish uses the role to redact victims' names);
3. the record is resolved from that extraction, as before;
4. each defendant's verdict is replaced by the verdict classifier's where it is
   sure (``[atlas.verdicts] threshold``), with the charges' verdicts and the
   sentence following (ANNOTATION.md).

Every model-made mention says so in its method (``model:events.atlas-0.1.0``)
and ``record.versions["model"]`` names the model.
"""

from __future__ import annotations

from pathlib import Path

from ..records import CaseRecord, Extraction
from .model import Model, load_model
from .registry import active_model_path

__all__ = ["apply_model", "active_model", "active_model_id", "hybrid_extraction"]

ACTIVE = "active"


def active_model() -> Model | None:
    path = active_model_path()
    return load_model(path) if path is not None else None


def active_model_id() -> str:
    """What ``versions()["model"]`` should say: the active model's name-version, or ``none``."""
    path = active_model_path()
    if path is None:
        return "none"
    return load_model(path).id


def hybrid_extraction(extraction: Extraction, model: Model, *, people: bool = True) -> Extraction:
    """The rules' extraction with the model's event types (and people of other roles)."""
    events = model.events(extraction, mode="hybrid")
    mentions = [m for m in extraction.mentions if m.label != "EVENT"] + events
    if people:
        mentions += model.people(extraction)
    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    return Extraction(document=extraction.document, mentions=mentions, sections=list(extraction.sections))


def apply_model(
    extraction: Extraction,
    model: Model | str | Path | None = ACTIVE,
    *,
    versions: dict[str, str] | None = None,
) -> tuple[Extraction, CaseRecord]:
    """The hybrid extraction and its case record (``model=None``: rules only; ``"active"``: the
    active model; or a model folder / loaded Model)."""
    from ..resolve import resolve

    if isinstance(model, str) and model == ACTIVE:
        model = active_model()
    elif isinstance(model, (str, Path)):
        model = load_model(model)
    versions = dict(versions or {})
    if model is None:
        return extraction, resolve(extraction, versions=versions)
    versions["model"] = model.id
    hybrid = hybrid_extraction(extraction, model)
    record = resolve(hybrid, versions=versions)
    record = model.verdicts(record, hybrid, mode="hybrid")
    return hybrid, record
