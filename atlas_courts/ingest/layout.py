"""Words with boxes -> lines in reading order -> text with a per-character box map.

Both the PDF text layer and OCR output are turned into ``Word`` objects first,
so that columns, paragraphs and the cleaning in ``clean.py`` work the same way
on born-digital and scanned pages.

Coordinates are PDF points with the origin at the top-left (pdfplumber's
convention, and ``records.BBox``).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from ..records import BBox

# A gap between two words of a row wider than this share of the page is never
# taken for a column gutter unless enough rows agree (see find_gutter).
_GUTTER_BAND = (0.3, 0.7)  # the gutter must lie in the middle of the page
_MIN_GUTTER_PT = 6.0  # narrower "gutters" are just aligned inter-word gaps
_ROW_OVERLAP = 0.3  # vertical overlap (share of the smaller height) to share a row


@dataclass(slots=True)
class Word:
    """A run of glyphs without a space, with one box per character of ``text``."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    boxes: list[BBox | None]

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Line:
    """Words that share a row of one column, left to right."""

    words: list[Word]
    x0: float = field(init=False)
    top: float = field(init=False)
    x1: float = field(init=False)
    bottom: float = field(init=False)
    para_before: bool = False  # a blank line ("\n\n") separates it from the line before

    def __post_init__(self) -> None:
        self.x0 = min(w.x0 for w in self.words)
        self.x1 = max(w.x1 for w in self.words)
        # The median word decides the line's extent, so that a tall initial or a
        # superscript does not make the line look taller than it is.
        tops = sorted(w.top for w in self.words)
        bottoms = sorted(w.bottom for w in self.words)
        self.top = tops[len(tops) // 2]
        self.bottom = bottoms[len(bottoms) // 2]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


# --------------------------------------------------------------------------- rows


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Cluster words into visual rows, each sorted left to right.

    A word joins a recent row when it overlaps the row's tallest word
    vertically by a share of the smaller height; comparing with the tallest
    word (not the growing union) stops neighbouring lines from chaining into
    one row, while superscripts still join their line.
    """
    rows: list[tuple[list[float], list[Word]]] = []  # ([core_top, core_bottom], words)
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        placed = False
        for core, members in reversed(rows[-4:]):
            overlap = min(core[1], w.bottom) - max(core[0], w.top)
            if overlap > 0 and overlap >= _ROW_OVERLAP * min(core[1] - core[0], w.height):
                members.append(w)
                if w.height > core[1] - core[0]:
                    core[0], core[1] = w.top, w.bottom
                placed = True
                break
        if not placed:
            rows.append(([w.top, max(w.bottom, w.top + 1.0)], [w]))
    rows.sort(key=lambda r: r[0][0])
    return [sorted(members, key=lambda w: w.x0) for _, members in rows]


# --------------------------------------------------------------------------- columns


def find_gutter(words: list[Word], width: float) -> tuple[float, float] | None:
    """The x-range of a vertical gutter between two text columns, or None.

    Counts, for every point of the middle of the page, how many rows have a
    word covering it. In single-column text nearly every row covers every
    point; between two columns almost none do. Rows that cross the gutter
    (titles, centred headings, page numbers) are allowed, and are treated as
    full-width lines by ``lay_out``.
    """
    rows = group_rows(words)
    if len(rows) < 8 or width <= 0:
        return None
    lo, hi = int(width * _GUTTER_BAND[0]), int(width * _GUTTER_BAND[1])
    diff = [0] * (hi - lo + 2)
    for row in rows:
        for w in row:
            a, b = max(int(w.x0), lo), min(int(w.x1) + 1, hi)
            if a < b:
                diff[a - lo] += 1
                diff[b - lo] -= 1
    cover, running = [], 0
    for d in diff[: hi - lo]:
        running += d
        cover.append(running)
    floor = min(cover)
    if floor > 0.2 * len(rows):
        return None
    allowed = floor + max(1, int(0.03 * len(rows)))
    best: tuple[int, int] | None = None
    start = None
    for x, c in enumerate(cover + [allowed + 1]):
        if c <= allowed and start is None:
            start = x
        elif c > allowed and start is not None:
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    if best is None or best[1] - best[0] < _MIN_GUTTER_PT:
        return None
    g0, g1 = float(best[0] + lo), float(best[1] + lo)
    # Both sides must hold real columns: many rows with text on each side and
    # nothing across, and each column at least a fifth of the page wide.
    both = 0
    left_x: list[float] = []
    right_x: list[float] = []
    for row in rows:
        left = [w for w in row if w.x1 <= g0 + 1]
        right = [w for w in row if w.x0 >= g1 - 1]
        if left and right and len(left) + len(right) == len(row):
            both += 1
        left_x += [left[0].x0, left[-1].x1] if left else []
        right_x += [right[0].x0, right[-1].x1] if right else []
    if both < max(5, 0.35 * len(rows)) or not left_x or not right_x:
        return None
    if max(left_x) - min(left_x) < 0.2 * width or max(right_x) - min(right_x) < 0.2 * width:
        return None
    return g0, g1


# --------------------------------------------------------------------------- lines


def lay_out(words: list[Word], width: float) -> list[Line]:
    """Lines in reading order: the left column, then the right, band by band.

    Rows crossing the gutter cut the page into horizontal bands; within a band
    the left column is read before the right one.
    """
    if not words:
        return []
    gutter = find_gutter(words, width)
    if gutter is None:
        lines = [Line(row) for row in group_rows(words)]
        mark_paragraphs(lines)
        return lines
    g0, g1 = gutter
    spanning: list[list[Word]] = []
    rest: list[Word] = []
    for row in group_rows(words):
        if any(w.x0 < g1 - 1 and w.x1 > g0 + 1 for w in row):
            spanning.append(row)
        else:
            rest.extend(row)
    # Band i holds the column text above spanning row i (the last band: below all).
    cuts = [min(w.top for w in row) for row in spanning]
    bands: list[list[Word]] = [[] for _ in range(len(spanning) + 1)]
    for w in rest:
        i = 0
        while i < len(cuts) and w.mid_y > cuts[i]:
            i += 1
        bands[i].append(w)
    ordered: list[Line] = []
    for i, band in enumerate(bands):
        left = [w for w in band if w.x1 <= g0 + 1]
        right = [w for w in band if w.x1 > g0 + 1]
        for column in (left, right):
            ordered.extend(Line(row) for row in group_rows(column))
        if i < len(spanning):
            ordered.append(Line(spanning[i]))
    mark_paragraphs(ordered)
    return ordered


_SENTENCE_END = (".", ":", ";", "!", "?")


def mark_paragraphs(lines: list[Line]) -> None:
    """Set ``para_before`` where the gap to the line above is clearly wider than usual.

    The usual gap is the median gap between consecutive lines; a paragraph break
    needs more than 0.6 of a line height on top of it (double-spaced pleadings
    keep their spacing without turning every line into a paragraph). When the
    reading order jumps up (to the top of the next column) there is no gap to
    measure: a break is assumed only after a finished sentence.
    """
    if len(lines) < 2:
        return
    height = statistics.median(line.height for line in lines)
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if b.top > a.top]
    usual = statistics.median(g for g in gaps if g < 3 * height) if any(
        g < 3 * height for g in gaps
    ) else 0.0
    usual = max(usual, 0.0)
    for a, b in zip(lines, lines[1:]):
        if b.top <= a.top:
            b.para_before = a.text.rstrip().endswith(_SENTENCE_END) and b.text[:1].isupper()
        else:
            b.para_before = (b.top - a.bottom) > usual + 0.6 * height


# --------------------------------------------------------------------------- render


def render(lines: list[Line]) -> tuple[str, list[BBox | None]]:
    """Join lines into text: a space between words, "\\n" between lines and
    "\\n\\n" before a paragraph. Inserted characters get no box."""
    parts: list[str] = []
    boxes: list[BBox | None] = []
    for i, line in enumerate(lines):
        if i:
            sep = "\n\n" if line.para_before else "\n"
            parts.append(sep)
            boxes.extend([None] * len(sep))
        for j, w in enumerate(line.words):
            if j:
                parts.append(" ")
                boxes.append(None)
            parts.append(w.text)
            boxes.extend(w.boxes)
    return "".join(parts), boxes
