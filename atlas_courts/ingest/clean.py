"""Cleaning that turns the engine's text into the text extraction reads.

Everything here works on ``Word``/``Line`` objects or on ``(text, boxes)``
pairs, so the character -> box map stays valid through every edit (eyecite's
SpanUpdater idea, done by rebuilding text and boxes together).

- ``find_margin_numbers``: pleading-paper line numbers (1..28 down the left margin).
- ``running_lines``: running headers and footers (repeated at the top or bottom
  of most pages, compared with digits normalised) and page numbers.
- ``join_hyphenated``: "prose-\\ncution" -> "prosecution", "Shafique-ur-\\nRehman"
  -> "Shafique-ur-Rehman".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..records import BBox
from .layout import Line, Word, group_rows

# --------------------------------------------------------------------------- margin numbers

_MAX_LINE_NUMBER = 40  # pleading paper has 26-28 lines; transcripts 25


def find_margin_numbers(words: Sequence[Word], width: float, height: float) -> set[int]:
    """Indices of words that are pleading-paper line numbers.

    A line number is a 1-2 digit word; together they form a vertical column
    (shared right or left edge) that lies left of the text, counts up by one
    at a regular pitch, and runs down most of the page (pleading paper prints
    all 28 numbers, with or without text beside them). A numbered paragraph
    ("2."), a number inside the text column, or a run of footnote numbers
    (consecutive, but at the foot of the page and at an irregular pitch)
    never qualifies.
    """
    cands = [
        i
        for i, w in enumerate(words)
        if w.text.isdigit() and len(w.text) <= 2 and 1 <= int(w.text) <= _MAX_LINE_NUMBER
        and w.x1 < 0.35 * width
    ]
    if len(cands) < 5:
        return set()
    chosen = set(cands)
    best: list[int] = []
    for edge in ("x1", "x0"):
        ordered = sorted(cands, key=lambda i: getattr(words[i], edge))
        start = 0
        for end in range(len(ordered)):
            while getattr(words[ordered[end]], edge) - getattr(words[ordered[start]], edge) > 4.0:
                start += 1
            if end - start + 1 > len(best):
                best = ordered[start : end + 1]
    if len(best) < 5:
        return set()
    # The text column the numbers annotate: rows within their vertical span
    # (not the running header or footer, which may start further left).
    span_top = min(words[i].top for i in best) - 5.0
    span_bottom = max(words[i].bottom for i in best) + 5.0
    others = [w for i, w in enumerate(words) if i not in chosen and span_top <= w.mid_y <= span_bottom]
    if others:
        if max(words[i].x1 for i in best) > _left_margin(others) - 2.0:
            return set()
    elif len(best) < 10:
        return set()  # a short column of numbers alone on a page: not sure enough
    by_top = sorted(best, key=lambda i: words[i].top)
    values = [int(words[i].text) for i in by_top]
    steps = list(zip(values, values[1:], by_top, by_top[1:]))
    if sum(b == a + 1 for a, b, _, _ in steps) < 0.8 * len(steps):
        return set()
    pitches = sorted((words[j].top - words[i].top) / (b - a) for a, b, i, j in steps if b > a)
    if not pitches:
        return set()
    median = pitches[len(pitches) // 2]
    if median <= 0 or sum(abs(p - median) <= 0.15 * median for p in pitches) < 0.8 * len(pitches):
        return set()
    if words[by_top[-1]].bottom - words[by_top[0]].top < 0.4 * height:
        return set()
    return set(best)


def _left_margin(words: Sequence[Word]) -> float:
    """The leftmost x where at least three rows start (all of them if fewer).

    Indented quotations and footnote text start further right; a stray word
    further left does not make a margin on its own.
    """
    starts = sorted(row[0].x0 for row in group_rows(list(words)))
    need = min(3, len(starts))
    for i in range(len(starts) - need + 1):
        if starts[i + need - 1] - starts[i] <= 2.0:
            return starts[i]
    return starts[0]


# --------------------------------------------------------------------------- running lines

_ZONE = 0.2  # share of the page height at the top and bottom where running lines live
_ZONE_LINES = 3  # at most this many lines from each edge are candidates

_PAGE_NUMBER = re.compile(
    r"""^(?:
        [-\u2013\u2014\s\[\(]*\d{1,4}[-\u2013\u2014\s\]\)]*          # 3, - 3 -, [3], (3)
      | [-\u2013\u2014\s]*(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})[-\u2013\u2014\s]*  # ii, - iv -
      | (?:page|p[aá]g(?:ina)?\.?|p\.|hoja|folio|fs?\.|หน้า)\s*\d{1,4}
        (?:\s*(?:of|de|/|จาก)\s*\d{1,4})?                             # Page 3 of 12, Página 3 de 12
      | \d{1,4}\s*(?:of|de|/)\s*\d{1,4}                              # 3 of 12, 3/12
      | \d{1,4}\s*\|\s*(?:page|p[aá]gina)                             # 3 | Page
      | (?:page|p[aá]gina)\s*\|\s*\d{1,4}                             # Page | 3
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_page_number(text: str) -> bool:
    """A line that is only a page number in a common form."""
    return bool(_PAGE_NUMBER.match(text.strip()))


# A footnote ("12 Id. at 23-25.", "3 See People v. Cruz"): the same words can
# end many pages, but it is text, not a running footer.
_FOOTNOTE = re.compile(r"^\s*(?:\d{1,3}\s+|\*+\s*)?(?:id\.|ibid|see\b|supra\b|cf\.)|^\s*\d{1,3}\s+\S", re.IGNORECASE)


# The CM/ECF stamp on US federal filings, also on a one-page filing:
# "Case 2:14-cr-00648-CAS Document 1107 Filed 03/05/19 Page 3 of 130 Page ID #:7058",
# "Appellate Case: 22-1801 Page: 1 Date Filed: 01/19/2023 Entry ID: 5237514".
_COURT_STAMP = re.compile(r"^(?:appellate\s+)?case:?\s+\S+\s.*\b(?:document|page)\b.*\bfiled\b", re.IGNORECASE)


def _key(text: str) -> str:
    # Digits vary from page to page ("Page 3 of 130", dates of filing); case
    # and spacing vary with the engine; a page number may share the header's
    # row on some pages and not on others ("… Page 2 of 45 2").
    key = re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()
    return re.sub(r"^(?:# )+|(?: #)+$", "", key)


def _bands(lines: Sequence[Line]) -> list[tuple[float, float, list[int]]]:
    """Lines merged into horizontal bands (overlapping vertical ranges), top down.

    Two columns put two lines side by side: they form one band.
    """
    bands: list[tuple[float, float, list[int]]] = []
    for i in sorted(range(len(lines)), key=lambda i: lines[i].top):
        line = lines[i]
        if bands and line.top < bands[-1][1] - 0.3 * line.height:
            top, bottom, members = bands[-1]
            bands[-1] = (top, max(bottom, line.bottom), members + [i])
        else:
            bands.append((line.top, line.bottom, [i]))
    return bands


def _edge_blocks(lines: Sequence[Line], height: float) -> tuple[list[int], list[int]]:
    """Indices of the lines in the header block and in the footer block of a page.

    A block is up to three bands at the top (bottom) edge of the page, set off
    from the body by a gap clearly wider than the page's usual line gap, and
    lying within the top (bottom) fifth of the page. Requiring the gap keeps
    the last line of a full page or a footnote ("12 Id. at 5.") in the text:
    they sit at the same place on many pages, but not apart from the body.
    """
    bands = _bands(lines)
    if len(bands) < 2:
        return [], []
    gaps = [b[0] - a[1] for a, b in zip(bands, bands[1:])]
    line_height = sorted(line.height for line in lines)[len(lines) // 2]
    # The usual gap between lines of text; the few big gaps (around headers,
    # before footnotes) must not count, or a short page has no "wide" gap.
    small = sorted(g for g in gaps if g < 2 * line_height)
    usual = max(small[len(small) // 2], 0.0) if small else 0.0
    wide = usual + 0.5 * line_height

    def block(order: list[int]) -> list[int]:
        # order: band indices from the edge inwards. The block ends at the
        # innermost wide gap among the first bands ("Case: 21-50498 …" and
        # "No. 21-50498" are two header lines, each set apart).
        size = 0
        for n in range(1, min(_ZONE_LINES, len(order) - 1) + 1):
            if gaps[min(order[n], order[n - 1])] > wide:
                size = n
        return [i for b in order[:size] for i in bands[b][2]]

    top = [i for i in block(list(range(len(bands)))) if lines[i].bottom <= height * _ZONE]
    bottom = [i for i in block(list(range(len(bands) - 1, -1, -1))) if lines[i].top >= height * (1 - _ZONE)]
    return top, bottom


def _edge_lines(lines: Sequence[Line], height: float) -> tuple[list[int], list[int]]:
    """The first and the last line of the page, where a lone page number sits."""
    if not lines:
        return [], []
    by_top = sorted(range(len(lines)), key=lambda i: lines[i].top)
    top = [i for i in by_top[:2] if lines[i].bottom <= height * _ZONE]
    bottom = [i for i in by_top[-2:] if lines[i].top >= height * (1 - _ZONE)]
    return top, bottom


def running_lines(pages: Sequence[tuple[Sequence[Line], float]]) -> list[set[int]]:
    """For each page (its lines and its height), the indices of lines to drop.

    Drops page numbers at the top or bottom edge of any page, and lines of the
    header or footer block (see ``_edge_blocks``) found there on at least half
    of the pages, and on two at least, once digits are normalised ("Page 3 of
    130" = "Page 12 of 130"). A heading that appears once, a numbered paragraph
    or a case number in the body is never in such a block on most pages.
    """
    blocks = [_edge_blocks(lines, height) for lines, height in pages]
    counts: dict[str, Counter[str]] = {"top": Counter(), "bottom": Counter()}
    for (lines, _), (top, bottom) in zip(pages, blocks):
        for where, idx in (("top", top), ("bottom", bottom)):
            # A key counts once per page, however many times it appears on it.
            counts[where].update({_key(lines[i].text) for i in idx})
    need = max(2, math.ceil(0.5 * len(pages)))
    drop: list[set[int]] = []
    for (lines, height), (top, bottom) in zip(pages, blocks):
        gone: set[int] = set()
        for where, idx in (("top", top), ("bottom", bottom)):
            gone.update(
                i
                for i in idx
                if _key(lines[i].text)  # "3 4" has nothing left to compare
                and counts[where][_key(lines[i].text)] >= need
                and not (where == "bottom" and _FOOTNOTE.match(lines[i].text))
            )
        edge_top, edge_bottom = _edge_lines(lines, height)
        gone.update(
            i
            for i in set(top + bottom + edge_top + edge_bottom)
            if is_page_number(lines[i].text) or _COURT_STAMP.match(lines[i].text)
        )
        drop.append(gone)
    return drop


# --------------------------------------------------------------------------- hyphenation

_HYPHEN_BREAK = re.compile(r"(?<=\w)([-\u00ad\u2010])\n(?=\w)")


def join_hyphenated(
    text: str, boxes: list[BBox | None] | None = None
) -> tuple[str, list[BBox | None] | None]:
    """Join words broken over a line end, keeping ``boxes`` aligned with ``text``.

    The rule is deliberately simple: drop the hyphen when the letters on both
    sides are lower case ("prose-\\ncution" -> "prosecution"), otherwise keep it
    and only drop the line break ("Shafique-ur-\\nRehman", "2:14-\\ncr"). A soft
    hyphen (U+00AD) is always dropped. Paragraph breaks ("\\n\\n") are never joined.
    """
    out: list[str] = []
    out_boxes: list[BBox | None] | None = [] if boxes is not None else None
    last = 0
    for m in _HYPHEN_BREAK.finditer(text):
        hyphen_at = m.start(1)
        left, right = text[hyphen_at - 1], text[m.end()]
        drop_hyphen = m.group(1) == "\u00ad" or (
            left.isalpha() and left.islower() and right.isalpha() and right.islower()
        )
        keep_until = hyphen_at if drop_hyphen else hyphen_at + 1
        out.append(text[last:keep_until])
        if out_boxes is not None and boxes is not None:
            out_boxes.extend(boxes[last:keep_until])
        last = m.end()  # skip the hyphen (if dropped) and the line break
    out.append(text[last:])
    if out_boxes is not None and boxes is not None:
        out_boxes.extend(boxes[last:])
    return "".join(out), out_boxes
