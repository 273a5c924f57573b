"""What a file really is, from its first bytes (not from its name)."""

from __future__ import annotations

import zipfile
from pathlib import Path

_HEAD = 8192
# Acrobat accepts the %PDF- header anywhere in the first 1024 bytes, and real
# files use that (doctor__missouri.pdf starts with a stray "%%EOF").
_PDF_WINDOW = 1024


def sniff(path: Path) -> str:
    """One of "pdf", "docx", "zip", "ole" (legacy .doc/.xls), "text", "binary"."""
    with path.open("rb") as fh:
        head = fh.read(_HEAD)
    if b"%PDF-" in head[:_PDF_WINDOW]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else "zip"
        except zipfile.BadZipFile:
            return "zip"  # a damaged zip: the docx reader reports it as corrupt
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with a byte-order mark
    if b"\x00" in head:
        return "binary"
    return "text"


DESCRIPTIONS = {
    "pdf": "a PDF",
    "docx": "a Word .docx document",
    "zip": "a zip archive",
    "ole": "a legacy Office file (.doc/.xls)",
    "text": "plain text",
    "binary": "binary data",
}
