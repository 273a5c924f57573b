"""Map offsets in a tool's rendering of a document onto the stored text.

Tasks exported by ``annotate export`` carry the stored text itself, and their
spans are checked character for character. Annotations made elsewhere carry
the tool's own rendering of the file: AymurAI's Label Studio export of the
Buenos Aires rulings, for instance, holds the DOCX text with the running
header part (which ``ingest`` leaves out, as it does for PDFs), one line break
between paragraphs where ``ingest`` puts a blank line, typographic quotes
straightened (“ ” -> ") and ordinals folded (º -> o).

``TextAlignment`` aligns the two texts once, as wholes: characters are folded
one to one (so offsets survive), whitespace is set aside, and the remaining
sequences are matched with difflib. A span maps only when every one of its
non-space characters falls in a matched block and the stored characters it
lands on fold to the same string: a span whose text the stored version does
not have is reported, never moved to a look-alike elsewhere.
"""

from __future__ import annotations

import difflib

__all__ = ["TextAlignment", "fold_char"]

_FOLD = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u00b4": "'", "`": "'",
    "\u00ba": "o", "\u00b0": "o", "\u00aa": "a",
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\ufeff": " ",
}


def fold_char(ch: str) -> str:
    """One character in, one character out: case and the typographic variants above folded."""
    ch = _FOLD.get(ch, ch)
    low = ch.lower()
    return low if len(low) == 1 else ch


def _folded(text: str) -> tuple[str, list[int], list[tuple[int, int]]]:
    """Folded non-space characters, their offsets in ``text``, and the words they form
    (start, end) in the folded sequence."""
    chars: list[str] = []
    index: list[int] = []
    words: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text):
        f = fold_char(ch)
        if f.isspace():
            if start is not None:
                words.append((start, len(chars)))
                start = None
            continue
        if start is None:
            start = len(chars)
        chars.append(f)
        index.append(i)
    if start is not None:
        words.append((start, len(chars)))
    return "".join(chars), index, words


# Stretches that differ are aligned character by character only up to this size; larger
# ones (a running header the stored text does not have) stay unmatched.
_MAX_CHUNK = 4000


class TextAlignment:
    """Alignment of a tool's text (``source``) to the stored text (``target``).

    Words are matched first (fast on long judgments), then the characters of each
    stretch of words that differs (a quote glued to a word, a space more or less).
    """

    def __init__(self, source: str, target: str):
        self.source, self.target = source, target
        self._a, self._a_index, a_words = _folded(source)
        self._b, self._b_index, b_words = _folded(target)
        a_tok = [self._a[s:e] for s, e in a_words]
        b_tok = [self._b[s:e] for s, e in b_words]
        self._map: dict[int, int] = {}
        matcher = difflib.SequenceMatcher(None, a_tok, b_tok, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                a0, b0 = a_words[i1][0], b_words[j1][0]
                for k in range(a_words[i2 - 1][1] - a0):
                    self._map[a0 + k] = b0 + k
            elif op == "replace":
                a0, a1 = a_words[i1][0], a_words[i2 - 1][1]
                b0, b1 = b_words[j1][0], b_words[j2 - 1][1]
                if a1 - a0 > _MAX_CHUNK or b1 - b0 > _MAX_CHUNK:
                    continue
                chars = difflib.SequenceMatcher(None, self._a[a0:a1], self._b[b0:b1], autojunk=False)
                for m in chars.get_matching_blocks():
                    for k in range(m.size):
                        self._map[a0 + m.a + k] = b0 + m.b + k
        self._pos_a = {pos: k for k, pos in enumerate(self._a_index)}

    @property
    def matched(self) -> float:
        """Share of the tool's non-space characters that found their place in the stored text."""
        return len(self._map) / len(self._a) if self._a else 1.0

    def extent(self) -> tuple[int, int]:
        """The stretch of the stored text the tool's text covers (first to last matched character)."""
        if not self._map:
            return 0, 0
        return self._b_index[min(self._map.values())], self._b_index[max(self._map.values())] + 1

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The stored-text span of ``source[start:end]``, or ``None`` when it does not map whole."""
        keys = [self._pos_a[i] for i in range(start, end) if i in self._pos_a]
        if not keys:
            return None
        mapped = [self._map.get(k) for k in keys]
        if any(m is None for m in mapped):
            return None
        if any(b - a != 1 for a, b in zip(mapped, mapped[1:])):
            return None  # the characters are not contiguous in the stored text
        lo = self._b_index[mapped[0]]
        hi = self._b_index[mapped[-1]] + 1
        if _squash(self.source[start:end]) != _squash(self.target[lo:hi]):
            return None
        return lo, hi


def _squash(text: str) -> str:
    return "".join(f for f in (fold_char(c) for c in text) if not f.isspace())
