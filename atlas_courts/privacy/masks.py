"""Masking page images: black boxes over every span the redactor replaces.

The boxes come from the character -> box map of a fresh ingest of the source
file (atlas.db keeps no geometry per character). ``page_masks`` turns the
redactor's character spans in ``Document.text`` into one box per line run of
each span, page by page, and names the pages it cannot mask: a span with a
visible character that has no box (an OCR page without geometry, text a
cleaning step inserted). Such a page must not be rendered at all.
``mask_image`` draws the boxes, padded, on a rendered page image.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..records import BBox, Document

PAD = 2.0  # points of padding around each masked box


@dataclass
class PageMasks:
    boxes: dict[int, list[BBox]] = field(default_factory=dict)  # page number -> boxes (PDF points, top-left origin)
    unmaskable: set[int] = field(default_factory=set)  # pages with a span that cannot be boxed


def _overlaps_vertically(a: BBox, b: BBox) -> bool:
    return b[1] < a[3] and b[3] > a[1]


def page_masks(document: Document, spans: list[tuple[int, int]]) -> PageMasks:
    """Boxes covering ``spans`` (offsets into ``document.text``), per page."""
    out = PageMasks()
    starts = document.page_starts
    for start, end in spans:
        run: BBox | None = None
        run_page: int | None = None
        for i in range(max(start, 0), min(end, len(document.text))):
            if document.text[i].isspace():
                continue
            index = max(bisect.bisect_right(starts, i) - 1, 0)
            page = document.pages[index]
            local = i - starts[index]
            if local >= len(page.text):
                continue  # the separator between two pages
            box = page.boxes[local] if page.boxes is not None else None
            if box is None:
                out.unmaskable.add(page.number)
                continue
            if run is not None and run_page == page.number and _overlaps_vertically(run, box):
                run = (min(run[0], box[0]), min(run[1], box[1]), max(run[2], box[2]), max(run[3], box[3]))
                continue
            if run is not None and run_page is not None:
                out.boxes.setdefault(run_page, []).append(run)
            run, run_page = box, page.number
        if run is not None and run_page is not None:
            out.boxes.setdefault(run_page, []).append(run)
    return out


def mask_image(image: Any, boxes: list[BBox], *, origin: tuple[float, float], scale: tuple[float, float],
               pad: float = PAD) -> int:
    """Fill ``boxes`` (page points) black on a PIL ``image`` of the page whose
    top-left corner is at ``origin`` (points), ``scale`` pixels per point.
    Returns the number of boxes drawn."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    ox, oy = origin
    sx, sy = scale
    for x0, top, x1, bottom in boxes:
        draw.rectangle(
            [
                max(0, int((x0 - pad - ox) * sx)),
                max(0, int((top - pad - oy) * sy)),
                min(image.width - 1, int((x1 + pad - ox) * sx + 1)),
                min(image.height - 1, int((bottom + pad - oy) * sy + 1)),
            ],
            fill=0 if image.mode in ("L", "1") else (0, 0, 0),
        )
    return len(boxes)
