"""The last gate of publish: scan the bytes of the finished public file.

After VACUUM, every byte of the file (tables, indexes, FTS shadow tables,
free pages) is searched for each protected name and identifying number the
detector found, as written and case-folded, with and without accents, with
any spacing. A hit means redaction failed somewhere: the file is refused.
The error names how many terms leaked, never the terms.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..errors import AtlasError


class PrivacyLeakError(AtlasError):
    """A protected name or identifying number was found in the public file."""


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _forms(term: str) -> set[str]:
    term = " ".join(term.split())
    out = set()
    for base in (term, _strip_accents(term)):
        for form in (base, base.casefold(), base.upper(), base.lower(), base.title()):
            out.add(form)
            out.add(unicodedata.normalize("NFC", form))
            out.add(unicodedata.normalize("NFD", form))
    return out


def _pattern(term: str) -> re.Pattern[bytes]:
    alternatives = []
    for form in sorted(_forms(term), key=len, reverse=True):
        words = [re.escape(w.encode("utf-8")) for w in form.split(" ")]
        alternatives.append(rb"\s+".join(words))
    # Whole words only: a letter (ASCII or a UTF-8 byte of a non-ASCII letter) may not touch the term.
    return re.compile(rb"(?<![A-Za-z0-9\x80-\xff])(?:" + b"|".join(alternatives) + rb")(?![A-Za-z0-9\x80-\xff])")


def leaked_terms(path: str | os.PathLike, terms: Iterable[str]) -> list[str]:
    """The terms found in the bytes of ``path`` (for the caller to count, not show)."""
    data = Path(path).read_bytes()
    folded = data.lower()
    found = []
    for term in sorted({" ".join(t.split()) for t in terms if t and t.strip()}):
        pattern = _pattern(term)
        if pattern.search(data) or pattern.search(folded):
            found.append(term)
    return found


def check_file(path: str | os.PathLike, terms: Iterable[str]) -> int:
    """Raise PrivacyLeakError when any term is in the file; else the number of terms checked."""
    terms = list(terms)
    leaks = leaked_terms(path, terms)
    if leaks:
        raise PrivacyLeakError(
            f"publish refused: {len(leaks)} protected name(s) or identifying number(s) of {len(set(terms))} checked "
            f"were found in the bytes of the public database; it was deleted and nothing was published"
        )
    return len(set(terms))
