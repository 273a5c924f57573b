"""Plain text -> pages (split on form feeds, as pdftotext and many exports do)."""

from __future__ import annotations

from pathlib import Path

from ..records import Page


def decode(data: bytes) -> tuple[str, str | None]:
    """(text, warning). UTF-8 (with or without BOM), UTF-16 with BOM, else latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            # An odd byte count or an unpaired surrogate: keep what decodes, and say so.
            return data.decode("utf-16", errors="replace"), (
                f"not valid UTF-16 (bytes {exc.start}-{exc.end - 1}: {exc.reason}); undecodable bytes replaced"
            )
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        # latin-1 never fails, so this is a guess, and we say so.
        return data.decode("latin-1"), (
            f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); read as latin-1"
        )


def read_text(path: Path) -> tuple[list[Page], list[str]]:
    text, warning = decode(path.read_bytes())
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\f")
    if len(parts) > 1 and not parts[-1].strip():
        parts = parts[:-1]  # a trailing form feed ends the last page
    pages = [Page(number=i + 1, text=p, raw_text=p) for i, p in enumerate(parts)]
    return pages, [warning] if warning else []
