"""Named exceptions. Each ingest failure has a stable ``error_class`` (stored in
``ingest_errors``) and a terminal ``status`` for the document.

Statuses: ``ok``, ``failed``, ``encrypted``, ``rejected``, ``timeout``, ``crashed``.
"""

from __future__ import annotations


class AtlasError(Exception):
    """Base class of every error atlas_courts raises on purpose."""


class UsageError(AtlasError):
    """A bad argument: raised at once, shown by the CLI as ``Error: …``."""


MAX_MESSAGE = 500  # characters of a stored error message


def readable(message: object) -> str:
    """One printable line of at most MAX_MESSAGE characters.

    Messages often quote what a parser choked on (a dictionary of a hostile PDF,
    raw bytes): control characters are escaped and the tail is cut, so that
    ``ingest_errors`` and the CLI stay readable.
    """
    text = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(message))
    if len(text) > MAX_MESSAGE:
        text = text[: MAX_MESSAGE - 1] + "…"
    return text


class DocumentError(AtlasError):
    """One document could not be processed: recorded with its error class, the batch goes on."""

    error_class = "document_error"
    status = "failed"

    def __init__(self, file: str, message: str):
        self.file = file
        self.message = readable(message)
        super().__init__(f"{file}: {message}")

    def __reduce__(self):
        # Default exception pickling would call __init__ with the formatted message only.
        return (type(self), (self.file, self.message))


class IngestError(DocumentError):
    """A file that could not be read into a Document."""

    error_class = "ingest_error"


class UnsupportedFormat(IngestError):
    """Neither PDF, DOCX nor TXT."""

    error_class = "unsupported_format"
    status = "rejected"


class NotAPDF(IngestError):
    """Has a .pdf name or was routed as PDF, but is not a PDF."""

    error_class = "not_a_pdf"
    status = "rejected"


class EmptyFile(IngestError):
    error_class = "empty_file"
    status = "rejected"


class CorruptFile(IngestError):
    """Truncated or damaged beyond what the parser can read."""

    error_class = "corrupt"
    status = "failed"


class EncryptedFile(IngestError):
    """Needs a password to open (a user password), whatever the algorithm (RC4, AES-128, AES-256).

    A PDF with an owner password only opens without one in every reader: its
    permission flags are advice to viewers, not protection of the content, so it is
    read like any other PDF and is not ``encrypted`` (decided in issue 6).
    """

    error_class = "encrypted"
    status = "encrypted"


class TooManyPages(IngestError):
    error_class = "too_many_pages"
    status = "rejected"


class FileTooLarge(IngestError):
    error_class = "file_too_large"
    status = "rejected"


class NoText(IngestError):
    """No text layer and OCR found nothing (or OCR is not available)."""

    error_class = "no_text"
    status = "failed"


class OCRError(IngestError):
    error_class = "ocr_failed"
    status = "failed"


class Timeout(IngestError):
    error_class = "timeout"
    status = "timeout"


class MemoryLimit(IngestError):
    error_class = "memory_limit"
    status = "failed"


class WorkerCrashed(IngestError):
    """The child process died (signal, segfault) without reporting."""

    error_class = "crashed"
    status = "crashed"


class ExtractError(DocumentError):
    """A bug or unexpected input in extraction; the document is recorded as failed."""

    error_class = "extract_error"


class StoreError(AtlasError):
    pass


class GoldError(AtlasError):
    """A gold record that does not follow the contract."""
