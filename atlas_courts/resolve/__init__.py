"""The resolve stage: ``resolve(extraction) -> CaseRecord``.

Normalisers (numbers, dates, durations, money, statutes) live here too: the
extract components call them to give each mention its normalised value, and
``assemble`` turns the mentions into the case record of DESIGN.md.
"""

from __future__ import annotations

from ..records import CaseRecord, Extraction

__all__ = ["resolve"]


def resolve(extraction: Extraction, *, versions: dict[str, str] | None = None) -> CaseRecord:
    from .assemble import assemble

    return assemble(extraction, versions=versions)
