"""The extract stage: ``extract(document) -> Extraction``.

A spaCy pipeline per language (``spacy.blank(lang)`` plus the rule
components of ``components.py``) finds mentions with exact spans: court, case
number, dates, statutes, money, penalty terms, defendants, offences, verdict
cues and typed events. Nothing here decides a defendant's outcome; that is
``atlas_courts.resolve``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ExtractError
from ..records import Document, Extraction
from . import components

__all__ = ["extract", "load_pipeline", "RULES_VERSION"]

RULES_VERSION = "rules-0.1.0"

# spaCy languages we build blank pipelines for; others tokenise as multi-language.
_SPACY_LANGS = {"en", "es", "th"}


@lru_cache(maxsize=8)
def load_pipeline(lang: str | None) -> Language:
    code = lang if lang in _SPACY_LANGS else "xx"
    try:
        nlp = spacy.blank(code)
    except (ImportError, OSError):  # Thai needs pythainlp for its tokenizer
        nlp = spacy.blank("xx")
    # Judgments are long; the rules hold no per-token state beyond spaCy's own.
    nlp.max_length = 10_000_000
    for name in components.PIPELINE:
        nlp.add_pipe(name)
    return nlp


def extract(document: Document, *, country_hint: str | None = None) -> Extraction:
    """Mentions and sections of one document. Raises ExtractError on a bug, never on odd text."""
    nlp = load_pipeline(document.language)
    try:
        doc = nlp.make_doc(document.text)
        doc._.atlas = {
            "lang": document.language,
            "country": country_hint,
            "text": document.text,
            # The first lines as printed: the running header names the court in some reports.
            "running_header": "\n".join((document.pages[0].raw_text if document.pages else "").splitlines()[:3]),
        }
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
    except Exception as exc:  # a rule bug must not kill the batch; it is recorded as a failed document
        raise ExtractError(document.file, f"extraction failed: {type(exc).__name__}: {exc}") from exc
    mentions = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end, m.label))
    for m in mentions:
        if document.text[m.start : m.end] != m.text:
            raise ExtractError(document.file, f"mention {m.label} at {m.start}:{m.end} does not match the text")
    return Extraction(document=document, mentions=mentions, sections=list(doc._.sections or []))
