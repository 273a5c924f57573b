"""PDF -> pages of cleaned text with a character -> box map (pdfplumber, tesseract).

Steps, each cheap next to pdfminer's parsing (~75% of the time):
1. Open with pypdfium2 (encryption, page count: fast) and pdfplumber.
2. Per page, one ``extract_words`` call with its characters, then
   ``page.close()`` (54 MiB instead of 230 MiB on long files).
3. Pages whose text layer is missing or unusable are rendered and OCR'd.
4. Layout (columns, rows, paragraphs), then cleaning across pages (running
   headers/footers, page numbers, margin line numbers), then de-hyphenation.
"""

from __future__ import annotations

import logging
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import LIGATURES

from ..errors import CorruptFile, EncryptedFile, NoText, OCRError, TooManyPages
from ..records import BBox, Page
from . import ocr as ocr_mod
from .clean import find_margin_numbers, join_hyphenated, running_lines
from .language import detect_language
from .layout import Line, Word, lay_out, render
from .quality import HEADER_ONLY, NOISY_LAYER, OPTIONAL, measure, noise, ocr_reason

log = logging.getLogger(__name__)

# Justified text glues words at pdfplumber's default of 3 (PDF-AND-NLP-FACTS).
X_TOLERANCE = 1.5
Y_TOLERANCE = 3.0
_KEEP_FORMAT_CHARS = {"\u00ad"}  # the soft hyphen matters for de-hyphenation


@dataclass
class _PageData:
    number: int
    width: float
    height: float
    origin: tuple[float, float]  # top-left of the visible area, for OCR boxes
    words: list[Word]
    rotated: list[Word] = field(default_factory=list)  # vertical margin stamps
    reason: str | None = None  # why it needs OCR

    @property
    def needs_ocr(self) -> bool:
        """OCR is the only way to get text (not merely a better one)."""
        return self.reason is not None and self.reason not in OPTIONAL
    ocr: bool = False
    quality: dict[str, float] = field(default_factory=dict)


@dataclass
class PdfResult:
    pages: list[Page]
    warnings: list[str]
    metadata: dict[str, Any]
    language: str | None


# --------------------------------------------------------------------------- opening


def _open(path: Path, file: str, max_pages: int) -> tuple[Any, Any]:
    """(pypdfium2 document or None, pdfplumber PDF), or the right IngestError."""
    pdfium_doc = None
    try:
        pdfium_doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedFile(file, "is encrypted and needs a password") from exc
        log.debug("%s: pypdfium2 cannot open it (%s); trying pdfminer", file, exc)
    if pdfium_doc is not None and len(pdfium_doc) > max_pages:
        n = len(pdfium_doc)
        pdfium_doc.close()
        raise TooManyPages(file, f"has {n} pages, more than the limit of {max_pages}")
    try:
        plumber = pdfplumber.open(path)
    except PdfminerException as exc:
        if pdfium_doc is not None:
            pdfium_doc.close()
        cause = exc.args[0] if exc.args else exc
        kind = type(cause).__name__
        if kind in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
            raise EncryptedFile(file, f"is encrypted ({kind}: {cause})") from exc
        raise CorruptFile(file, f"cannot be read as a PDF ({kind}: {cause})") from exc
    except Exception as exc:  # pdfminer raises many types on damaged input
        if pdfium_doc is not None:
            pdfium_doc.close()
        raise CorruptFile(file, f"cannot be read as a PDF ({type(exc).__name__}: {exc})") from exc
    return pdfium_doc, plumber


# --------------------------------------------------------------------------- text layer


def _word_from_chars(chars: list[dict[str, Any]]) -> Word | None:
    parts: list[str] = []
    boxes: list[BBox | None] = []
    prev: dict[str, Any] | None = None
    for c in chars:
        t = c["text"]
        # Fake bold: the same glyph printed twice at (almost) the same place.
        if (
            prev is not None
            and t == prev["text"]
            and abs(c["x0"] - prev["x0"]) < 1.0
            and abs(c["top"] - prev["top"]) < 1.0
        ):
            continue
        prev = c
        t = LIGATURES.get(t, t)
        t = "".join(
            ch for ch in t if ch in _KEEP_FORMAT_CHARS or unicodedata.category(ch) not in ("Cc", "Cf")
        )
        if not t:
            continue
        box = (round(c["x0"], 2), round(c["top"], 2), round(c["x1"], 2), round(c["bottom"], 2))
        parts.append(t)
        boxes.extend([box] * len(t))
    if not parts:
        return None
    real = [b for b in boxes if b]
    return Word(
        "".join(parts),
        min(b[0] for b in real),
        min(b[1] for b in real),
        max(b[2] for b in real),
        max(b[3] for b in real),
        boxes,
    )


def _image_cover(page: Any) -> float:
    """Share of the page area covered by images (capped at 1)."""
    area = float(page.width * page.height) or 1.0
    x0, top, x1, bottom = page.bbox
    covered = 0.0
    for im in page.images:
        w = min(im["x1"], x1) - max(im["x0"], x0)
        h = min(im["bottom"], bottom) - max(im["top"], top)
        if w > 0 and h > 0:
            covered += w * h
    return min(covered / area, 1.0)


_UNPARSED = "text layer could not be parsed"


def _read_text_layer(page: Any, number: int, file: str, warnings: list[str]) -> _PageData:
    try:
        x0, top, x1, bottom = (float(v) for v in page.bbox)
    except Exception as exc:  # a /MediaBox of names or strings
        warnings.append(f"page {number}: {_UNPARSED} (bad page box: {type(exc).__name__}: {exc})")
        data = _PageData(number, 0.0, 0.0, (0.0, 0.0), [])
        data.reason = _UNPARSED
        return data
    data = _PageData(number, x1 - x0, bottom - top, (x0, top), [])
    try:
        # The one expensive call: pdfminer parses the page here.
        raw = page.extract_words(
            x_tolerance=X_TOLERANCE,
            y_tolerance=Y_TOLERANCE,
            keep_blank_chars=False,
            use_text_flow=False,
            return_chars=True,
            extra_attrs=["upright"],
        )
        cover = _image_cover(page)
    except Exception as exc:  # pdfminer raises many types on a damaged page; one page must not lose the file
        log.warning("%s: page %d: %s: %s", file, number, type(exc).__name__, exc)
        warnings.append(f"page {number}: {_UNPARSED} ({type(exc).__name__}: {exc})")
        data.reason = _UNPARSED
        return data
    for r in raw:
        word = _word_from_chars(r["chars"])
        if word is not None:
            (data.words if r["upright"] else data.rotated).append(word)
    q = measure(" ".join(w.text for w in data.words))
    data.quality = {**q.as_dict(), "image_cover": round(cover, 3)}
    data.reason = ocr_reason(q, cover)
    return data


# --------------------------------------------------------------------------- OCR


def _ocr_pages(
    pages: list[_PageData], pdfium_doc: Any, *, file: str, dpi: int, language: str | None,
    warnings: list[str], metadata: dict[str, Any],
) -> str | None:
    """OCR the pages that need it, in place. Returns the language it settled on."""
    todo = [p for p in pages if p.reason]
    if not todo:
        return language
    needed = [p for p in todo if p.needs_ocr]
    if pdfium_doc is None:
        if needed:
            raise OCRError(file, f"page {needed[0].number} needs OCR ({needed[0].reason}) but pypdfium2 cannot open this file")
        return language
    try:
        tesseract = ocr_mod.find_tesseract(file)
    except OCRError:
        if needed:
            raise
        warnings.append(f"{len(todo)} pages kept their text layer unchecked: tesseract is not installed")
        return language
    reader = _PageReader(pdfium_doc, tesseract, file=file, dpi=dpi, language=language)
    started, done, failed, blank = time.perf_counter(), 0, 0, []
    for p in todo:
        try:
            words = reader.read(p.number)
        except OCRError as exc:
            failed += 1
            kept = "with its text layer" if p.words and not p.needs_ocr else "empty"
            warnings.append(f"page {p.number}: OCR failed ({exc.message}); page left {kept}")
            if p.needs_ocr:
                p.words = []
            continue
        if words is None:
            # A blank page is fine: empty text, not an error, and nothing to OCR.
            blank.append(p.number)
            if p.needs_ocr:
                p.words, p.rotated = [], []
            continue
        if p.reason == NOISY_LAYER and p.words:
            # The page had an OCR layer of its own: keep whichever reads better.
            old_q, new_q = measure(" ".join(w.text for w in p.words)), measure(" ".join(w.text for w in words))
            if noise(new_q) >= noise(old_q):
                warnings.append(f"page {p.number}: kept its own OCR layer, which reads better than tesseract's")
                continue
        ox, oy = p.origin
        if ox or oy:  # the visible area does not start at the page origin
            for w in words:
                w.x0, w.x1, w.top, w.bottom = w.x0 + ox, w.x1 + ox, w.top + oy, w.bottom + oy
                w.boxes = [(b[0] + ox, b[1] + oy, b[2] + ox, b[3] + oy) if b else None for b in w.boxes]
        p.words, p.rotated, p.ocr = words, [], True
        done += 1
    metadata["ocr"] = {
        "engine": "tesseract",
        "languages": "+".join(reader.lang_codes) or None,
        "dpi": dpi,
        "pages": done,
        "blank_pages": blank,
        "failed_pages": failed,
    }
    # Timings go to the log, not the metadata: stored content must not change between runs.
    log.debug("%s: OCR of %d pages took %.2f s", file, done, time.perf_counter() - started)
    if failed and not done and needed:
        raise OCRError(file, f"OCR failed on all {failed} pages that needed it")
    return reader.language


class _PageReader:
    """Renders and OCRs pages, settling the OCR language on the way."""

    def __init__(self, pdfium_doc: Any, tesseract: ocr_mod.Tesseract, *, file: str, dpi: int, language: str | None):
        self.doc, self.tesseract, self.file, self.dpi = pdfium_doc, tesseract, file, dpi
        self.language = language
        self.lang_codes = [ocr_mod.TESSERACT_LANGS[language]] if language in ocr_mod.TESSERACT_LANGS else []

    def read(self, number: int) -> list[Word] | None:
        """The page's words, or None when the page is blank."""
        try:
            page = self.doc[number - 1]
            try:
                image = ocr_mod.render(page, self.dpi)
            finally:
                page.close()
        except pdfium.PdfiumError as exc:
            raise OCRError(self.file, f"page {number} cannot be rendered: {exc}") from exc
        try:
            if ocr_mod.is_blank(image):
                return None
            lang = self.tesseract.pick(self.lang_codes or list(ocr_mod.FALLBACK_LANGS))
            words = self._ocr(image, lang, number)
            if not self.lang_codes:
                # No text layer told us the language: read it from the first
                # OCR'd page, and redo that page if eng+spa was the wrong guess (Thai).
                guess = detect_language(" ".join(w.text for w in words))
                if guess in ocr_mod.TESSERACT_LANGS:
                    self.language, self.lang_codes = guess, [ocr_mod.TESSERACT_LANGS[guess]]
                    if self.lang_codes[0] not in lang.split("+"):
                        words = self._ocr(image, self.tesseract.pick(self.lang_codes), number)
            return words
        finally:
            image.close()

    def _ocr(self, image: Any, lang: str, number: int) -> list[Word]:
        return ocr_mod.ocr_image(image, tesseract=self.tesseract, lang=lang, dpi=self.dpi, file=self.file, page=number)


# --------------------------------------------------------------------------- assembling


def _assemble(pages: list[_PageData]) -> list[Page]:
    raw_texts: list[str] = []
    clean_lines: list[list[Line]] = []
    for p in pages:
        raw = lay_out(p.words, p.width)
        raw_texts.append(render(raw + ([Line(p.rotated)] if p.rotated else []))[0])
        margin = find_margin_numbers(p.words, p.width, p.height)
        if margin:
            clean_lines.append(lay_out([w for i, w in enumerate(p.words) if i not in margin], p.width))
        else:
            clean_lines.append(raw)  # same layout: no need to compute it twice
    drops = running_lines([(lines, p.height) for lines, p in zip(clean_lines, pages)])
    out: list[Page] = []
    for p, raw_text, lines, drop in zip(pages, raw_texts, clean_lines, drops):
        kept: list[Line] = []
        pending_break = False
        for i, line in enumerate(lines):
            if i in drop:
                pending_break = pending_break or line.para_before
                continue
            line.para_before = bool(kept) and (line.para_before or pending_break)
            pending_break = False
            kept.append(line)
        text, boxes = render(kept)
        text, boxes = join_hyphenated(text, boxes)
        out.append(
            Page(
                number=p.number,
                text=text,
                raw_text=raw_text,
                ocr=p.ocr,
                width=round(p.width, 2),
                height=round(p.height, 2),
                boxes=boxes,
            )
        )
    return out


# --------------------------------------------------------------------------- entry point


def _page_list(plumber: Any, file: str) -> list[Any]:
    """pdfplumber's pages; pdfminer walks the page tree here, and a damaged or hostile
    tree (a cycle, a non-dictionary kid, a /MediaBox of names) raises any type."""
    try:
        return plumber.pages
    except RecursionError as exc:
        raise CorruptFile(file, "its page tree is nested too deeply to read") from exc
    except MemoryError:
        raise
    except Exception as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        raise CorruptFile(file, f"its page tree cannot be read ({type(cause).__name__}: {cause})") from exc


def _close(plumber: Any) -> None:
    """Close pdfplumber's PDF. Its close() walks the page tree again, which raises
    on the files _page_list refused: close the file itself then."""
    try:
        plumber.close()
    except Exception:
        if not plumber.stream_is_external:
            plumber.stream.close()


def read_pdf(path: Path, file: str, *, max_pages: int, ocr: bool, ocr_dpi: int) -> PdfResult:
    pdfium_doc, plumber = _open(path, file, max_pages)
    warnings: list[str] = []
    metadata: dict[str, Any] = {"engine": f"pdfplumber {pdfplumber.__version__}"}
    started = time.perf_counter()
    try:
        try:
            plumber_pages = _page_list(plumber, file)
            n = len(plumber_pages)
            if n == 0:
                raise CorruptFile(file, "has no pages")
            if n > max_pages:
                raise TooManyPages(file, f"has {n} pages, more than the limit of {max_pages}")
            metadata["pdf"] = {str(k): str(v)[:200] for k, v in (plumber.metadata or {}).items()}
            pages: list[_PageData] = []
            for i, page in enumerate(plumber_pages):
                try:
                    pages.append(_read_text_layer(page, i + 1, file, warnings))
                finally:
                    page.close()  # frees the page's parsed objects: 54 MiB instead of 230 MiB
        finally:
            _close(plumber)
        log.debug("%s: text layer of %d pages in %.3f s", file, n, time.perf_counter() - started)
        if all(p.reason == _UNPARSED for p in pages) and not ocr:
            raise CorruptFile(file, f"no page could be parsed ({warnings[0]})")
        layer_text = " ".join(w.text for p in pages if not p.reason for w in p.words[:2000])
        language = detect_language(layer_text)
        if ocr:
            # A page whose layer is only a filing stamp or a running header may
            # carry its text as an image or as drawn outlines: look at it.
            for p, page in zip(pages, _assemble(pages)):
                if not p.reason and p.words and not page.text.strip():
                    p.reason = HEADER_ONLY
        needing = [p.number for p in pages if p.reason]
        if needing:
            metadata["ocr_reasons"] = {p.number: p.reason for p in pages if p.reason}
            if ocr:
                language = _ocr_pages(
                    pages, pdfium_doc, file=file, dpi=ocr_dpi, language=language,
                    warnings=warnings, metadata=metadata,
                )
            else:
                warnings.append(f"OCR disabled: pages {_ranges(needing)} kept their (missing or poor) text layer")
    finally:
        if pdfium_doc is not None:
            pdfium_doc.close()
    metadata["page_quality"] = {p.number: p.quality for p in pages if p.quality}
    out = _assemble(pages)
    if not any(page.text.strip() for page in out):
        why = "and OCR is disabled" if not ocr else "and OCR found none either"
        raise NoText(file, f"has no text on any of its {len(out)} pages {why}")
    return PdfResult(out, warnings, metadata, language)


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(f"{start}-{prev}" if prev != start else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(parts)
