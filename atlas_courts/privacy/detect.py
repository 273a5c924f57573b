"""``detect``: persons (with roles and minors) and identifying details in one text."""

from __future__ import annotations

from collections.abc import Iterable

from .identifiers import find_identifiers
from .persons import common_words, find_persons
from .records import Detection


def detect(text: str, known: Iterable[tuple[str, str]] = (), common: frozenset[str] | None = None) -> Detection:
    """Everything private in ``text`` (English or Spanish).

    ``known``: (name, role) pairs the document's record already holds: its
    defendants, and the PERSON mentions of a trained model where one ran
    (role ``victim``, ``witness``, ``judge``, ...; ``other`` when it gave none).
    ``common``: the words a longer text (the whole document) writes in lower case,
    for a short value whose own few words say too little ("Child Labour").
    """
    common = common_words(text) | (common or frozenset())
    return Detection(persons=find_persons(text, known, common), identifiers=find_identifiers(text), common_words=common)
