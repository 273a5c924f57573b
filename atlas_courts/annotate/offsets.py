"""Character offsets as browsers count them.

Label Studio (and doccano) compute span offsets in JavaScript, whose strings
count UTF-16 code units: a character outside the Basic Multilingual Plane
(an emoji, a rare CJK ideograph) counts two. Python counts code points. The
two agree for almost every judgment; these helpers convert when they do not.
"""

from __future__ import annotations

__all__ = ["has_astral", "to_utf16", "from_utf16"]


def has_astral(text: str) -> bool:
    return any(ord(c) > 0xFFFF for c in text)


def to_utf16(text: str, offset: int) -> int:
    return offset + sum(1 for c in text[:offset] if ord(c) > 0xFFFF)


def from_utf16(text: str, offset: int) -> int | None:
    """The code-point offset of a UTF-16 offset, or None when it falls inside a surrogate pair."""
    units = 0
    for i, c in enumerate(text):
        if units == offset:
            return i
        units += 2 if ord(c) > 0xFFFF else 1
        if units > offset:
            return None
    return len(text) if units == offset else None
