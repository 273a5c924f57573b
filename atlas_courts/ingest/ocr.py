"""OCR of one PDF page: render with pypdfium2 in memory, read with tesseract.

The page image goes to tesseract's stdin as an uncompressed PGM: no PNG on
disk (PDF-AND-NLP-FACTS: pdftoppm -> PNG cost ~15 s on noisy pages) and no
encoding cost. ``OMP_THREAD_LIMIT=1`` because tesseract's own threads cost 3x
the CPU for little gain, and we run one process per core anyway. TSV output
gives every word a pixel box, converted here to PDF points; characters get
equal slices of their word's box (an approximation: tesseract does not report
glyph boxes in TSV).
"""

from __future__ import annotations

import functools
import io
import logging
import os
import shutil
import subprocess
from dataclasses import dataclass

from ..errors import OCRError
from .layout import Word
from .sandbox import die_with_parent

log = logging.getLogger(__name__)

# ISO 639-1 -> tesseract traineddata.
TESSERACT_LANGS = {"en": "eng", "es": "spa", "th": "tha", "pt": "por", "fr": "fra"}
FALLBACK_LANGS = ("eng", "spa")  # the corpus languages when nothing else is known
OCR_TIMEOUT_S = 180.0  # one page; a normal page takes ~3 s at 300 dpi
_BLANK_DARK_SHARE = 0.0002  # below this share of dark pixels a page is blank
_MIN_CONF_NO_ALNUM = 40.0  # speckles read as "'" or "|" come with low confidence

INSTALL_HINT = "install tesseract-ocr with its eng, spa and tha data (scripts/install_system_deps.sh)"


@dataclass(frozen=True)
class Tesseract:
    path: str
    languages: frozenset[str]

    def pick(self, wanted: list[str]) -> str:
        """A "-l" argument from the wanted traineddata that are installed."""
        have = [lang for lang in wanted if lang in self.languages]
        if not have:
            have = [lang for lang in FALLBACK_LANGS if lang in self.languages]
        if not have:
            raise OCRError("tesseract", f"none of {'+'.join(wanted)} is installed: {INSTALL_HINT}")
        return "+".join(have)


@functools.lru_cache(maxsize=1)
def _probe(path: str) -> frozenset[str]:
    out = subprocess.run(
        [path, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
    )
    # The first line is 'List of available languages in "...":'.
    langs = [line.strip() for line in (out.stdout + out.stderr).splitlines()[1:]]
    return frozenset(lang for lang in langs if lang and " " not in lang)


def find_tesseract(file: str) -> Tesseract:
    """The installed tesseract, or OCRError naming the file that needed it."""
    path = shutil.which("tesseract")
    if path is None:
        raise OCRError(file, f"needs OCR but tesseract is not installed: {INSTALL_HINT}")
    try:
        return Tesseract(path, _probe(path))
    except (OSError, subprocess.SubprocessError) as exc:
        raise OCRError(file, f"tesseract does not run ({exc}): {INSTALL_HINT}") from exc


def render(pdfium_page, dpi: int):  # -> PIL.Image.Image (grayscale)
    """The page as a grayscale image at ``dpi``, in memory."""
    bitmap = pdfium_page.render(scale=dpi / 72.0, grayscale=True)
    try:
        return bitmap.to_pil().convert("L")
    finally:
        bitmap.close()


def is_blank(image) -> bool:
    """True when (almost) no pixel is dark: nothing for tesseract to read."""
    histogram = image.histogram()
    dark = sum(histogram[:128])
    return dark < _BLANK_DARK_SHARE * image.width * image.height


def ocr_image(image, *, tesseract: Tesseract, lang: str, dpi: int, file: str, page: int) -> list[Word]:
    """Words read by tesseract, with boxes in PDF points."""
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # mode "L" is written as binary PGM
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [tesseract.path, "stdin", "stdout", "-l", lang, "--dpi", str(dpi), "--psm", "3", "tsv"]
    try:
        # die_with_parent: if the worker is killed, tesseract goes with it instead of running on orphaned.
        proc = subprocess.run(
            cmd, input=buf.getvalue(), capture_output=True, timeout=OCR_TIMEOUT_S, env=env, check=False,
            preexec_fn=die_with_parent,
        )
    except subprocess.TimeoutExpired as exc:
        raise OCRError(file, f"tesseract took over {OCR_TIMEOUT_S:.0f} s on page {page}") from exc
    except OSError as exc:
        raise OCRError(file, f"tesseract could not start on page {page}: {exc}") from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OCRError(file, f"tesseract failed on page {page}: {err[-1] if err else proc.returncode}")
    return parse_tsv(proc.stdout.decode("utf-8", "replace"), scale=72.0 / dpi)


def parse_tsv(tsv: str, *, scale: float) -> list[Word]:
    """Word rows (level 5) of tesseract's TSV as Words; ``scale`` converts pixels to points."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            left, top, width, height = (float(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        if conf < _MIN_CONF_NO_ALNUM and not any(ch.isalnum() for ch in text):
            continue
        x0, y0 = left * scale, top * scale
        x1, y1 = (left + width) * scale, (top + height) * scale
        step = (x1 - x0) / len(text)
        boxes = [
            (round(x0 + k * step, 2), round(y0, 2), round(x0 + (k + 1) * step, 2), round(y1, 2))
            for k in range(len(text))
        ]
        words.append(Word(text, round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2), boxes))
    return words
