"""DOCX -> pages of text through python-docx's XML (paragraphs and tables in order).

One page for the whole document, split where the author put an explicit page
break (``<w:br w:type="page"/>`` or "page break before" on a paragraph);
Word's own pagination is not stored in the file. Running headers and footers
live in separate parts of the package and are left out, as they are for PDFs.
DOCX has no geometry, so pages carry no boxes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from ..errors import CorruptFile
from ..records import Page

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TR, _TC = qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR, _NBH = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
_TYPE = qn("w:type")
_SKIP = {qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:instrText"), qn("w:delText")}
_PAGE_BREAK = "\f"  # marks an explicit page break while collecting text


def _paragraph_text(p: Any) -> str:
    out: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _T:
                out.append(child.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag == _BR:
                out.append(_PAGE_BREAK if child.get(_TYPE) == "page" else "\n")
            elif tag == _CR:
                out.append("\n")
            elif tag == _NBH:
                out.append("-")
            else:
                walk(child)

    walk(p)
    text = "".join(out)
    ppr = p.find(qn("w:pPr"))
    if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
        text = _PAGE_BREAK + text
    return text


def _cell_text(tc: Any) -> str:
    return " ".join(t for t in (_block_text(child) for child in tc) if t.strip()).replace("\n", " ")


def _table_text(tbl: Any) -> str:
    rows = []
    for tr in tbl.iter(_TR):
        if tr.getparent() is not tbl:
            continue  # a nested table is read inside its cell
        cells = [_cell_text(tc) for tc in tr if tc.tag == _TC]
        if any(c.strip() for c in cells):
            rows.append("\t".join(c.strip() for c in cells))
    return "\n".join(rows)


def _block_text(el: Any) -> str:
    if el.tag == _P:
        return _paragraph_text(el)
    if el.tag == _TBL:
        return _table_text(el)
    if el.tag == _SDT:
        content = el.find(_SDT_CONTENT)
        return "\n\n".join(_block_text(c) for c in content) if content is not None else ""
    return ""


def read_docx(path: Path, file: str) -> list[Page]:
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptFile(file, f"cannot be read as a .docx ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # lxml and python-docx raise many types on damaged parts
        raise CorruptFile(file, f"cannot be read as a .docx ({type(exc).__name__}: {exc})") from exc
    blocks = [_block_text(el) for el in document.element.body.iterchildren()]
    pages: list[list[str]] = [[]]
    for block in blocks:
        pieces = block.split(_PAGE_BREAK)
        for k, piece in enumerate(pieces):
            if k:
                pages.append([])
            piece = piece.strip(" \t\u00a0").rstrip()
            if piece.strip():
                pages[-1].append(piece)
    texts = ["\n\n".join(parts) for parts in pages]
    # A break at the very end (or two in a row) makes no page of its own.
    texts = [t for t in texts if t.strip()] or [""]
    return [Page(number=i + 1, text=t, raw_text=t) for i, t in enumerate(texts)]
