"""Names in the public database: defendants' initials, and placeholders for
names of victims and other people that slip into free-text fields."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Placeholders written where a name was.
VICTIM = "[victim]"
PERSON = "[person]"

# Names shorter than this (in letters) are not searched for: "J." or "Li"
# would match inside ordinary words and court names.
MIN_NAME_LETTERS = 3


def initials(name: str | None) -> str | None:
    """``"Juan Carlos Gomez"`` -> ``"J. C. G."``.

    One initial per whitespace-separated word that holds a letter; words in
    lower case ("de", "la", "bin") are skipped when the name has capitalised
    words. Already-initialled names come back unchanged.
    """
    if name is None:
        return None
    words = []
    for word in name.split():
        letter = next((ch for ch in word if ch.isalpha()), None)
        if letter is not None:
            words.append(letter)
    if not words:
        return None
    if any(w.isupper() for w in words):
        words = [w for w in words if not w.islower()]
    return " ".join(f"{w.upper()}." for w in words)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def name_variants(name: str) -> list[str]:
    """The forms a name is written in: as given, and "Surname, Given names"."""
    name = " ".join(name.split())
    out = [name]
    parts = name.split(" ")
    if len(parts) >= 2 and "," not in name:
        out.append(f"{parts[-1]}, {' '.join(parts[:-1])}")
    return out


class Redactor:
    """Replaces whole-word, case-insensitive occurrences of given names.

    Longer names are tried first, so "Juan Carlos Gomez" wins over "Gomez".
    Whitespace inside a name matches any run of whitespace (line breaks in
    the source).
    """

    def __init__(self, replacements: Iterable[tuple[str, str]]):
        table: dict[str, str] = {}
        for name, placeholder in replacements:
            if not isinstance(name, str):
                continue
            name = " ".join(name.split())
            if _letters(name) < MIN_NAME_LETTERS:
                continue
            key = name.casefold()
            # A name that is both a victim's and someone else's is a victim's.
            if key not in table or placeholder == VICTIM:
                table[key] = placeholder
        self._placeholders = table
        names = sorted({n for n in table}, key=len, reverse=True)
        if names:
            alternation = "|".join(r"\s+".join(re.escape(part) for part in n.split(" ")) for n in names)
            self._pattern: re.Pattern[str] | None = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
        else:
            self._pattern = None
        self.count = 0

    def __call__(self, text: str | None) -> str | None:
        if text is None or self._pattern is None:
            return text

        def replace(match: re.Match[str]) -> str:
            self.count += 1
            return self._placeholders.get(" ".join(match.group(0).split()).casefold(), PERSON)

        return self._pattern.sub(replace, text)
