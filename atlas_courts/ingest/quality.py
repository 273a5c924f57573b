"""Is a page's text layer good enough, or should the page be OCR'd?

Measured on the page's words before any cleaning. Born-digital pages are only
re-read when their text is garbage (no text, "(cid:12)" runs, symbols);
image-backed pages (scans with an OCR layer of their own) are also re-read
when that layer is noisy, because tesseract usually does better on the image
than the old OCR that made the layer (ph-sc-scan__opinion.pdf page 3:
"departm nts", "u on to d termine the ro er allocation" against tesseract's
clean text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .language import STOP_WORDS, words

_ALL_STOPS = frozenset().union(*STOP_WORDS.values())
_CID = re.compile(r"\(cid:\d+\)")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Letters no typeset judgment mixes into a word: signs of OCR noise.
_JUNK = re.compile(r"[~|\\^`{}<>@#$%&*_=+·•¦§¤¬¡¿]")

IMAGE_PAGE = 0.5  # share of the page covered by images that makes it a scan

# Reasons to OCR a page whose text layer is still usable: when OCR is off or
# fails, the page keeps its layer. Every other reason means "no usable text".
NOISY_LAYER = "scanned page with a noisy OCR layer"
HEADER_ONLY = "text layer holds only a running header or filing stamp"
OPTIONAL = frozenset({NOISY_LAYER, HEADER_ONLY})


@dataclass(frozen=True)
class Quality:
    chars: int  # non-space characters
    tokens: int  # whitespace-separated tokens
    alnum_share: float  # letters and digits among the characters
    cid_share: float  # characters inside "(cid:N)" runs
    stop_share: float  # tokens that are function words of a known language
    word_share: float  # tokens that are letters only (once punctuation is stripped)
    fragment_share: float  # 1-2 letter tokens that are not function words ("u", "ro")
    junk_share: float  # tokens with characters typical of OCR noise
    thai_share: float

    def as_dict(self) -> dict[str, float]:
        return {k: round(float(v), 3) for k, v in self.__dict__.items()}


def measure(text: str) -> Quality:
    chars = sum(not c.isspace() for c in text)
    tokens = text.split()
    n = max(len(tokens), 1)
    alnum = sum(c.isalnum() for c in text)
    cid = sum(len(m) for m in _CID.findall(text))
    thai = len(_THAI.findall(text))
    lowered = words(text)
    stop = sum(t in _ALL_STOPS for t in lowered)
    fragments = alpha = 0
    for tok in tokens:
        bare = tok.strip(".,;:()[]\"'\u201c\u201d\u2019")
        alpha += bare.isalpha()
        # "J." and "v." are initials and abbreviations, not fragments.
        if bare.isalpha() and len(bare) <= 2 and not tok.endswith(".") and bare.lower() not in _ALL_STOPS:
            fragments += 1
    junk = sum(bool(_JUNK.search(tok)) for tok in tokens)
    return Quality(
        chars=chars,
        tokens=len(tokens),
        alnum_share=alnum / max(chars, 1),
        cid_share=cid / max(chars, 1),
        stop_share=stop / max(len(lowered), 1),
        word_share=alpha / n,
        fragment_share=fragments / n,
        junk_share=junk / n,
        thai_share=thai / max(chars, 1),
    )


def ocr_reason(q: Quality, image_cover: float) -> str | None:
    """Why the page should be OCR'd, or None to keep its text layer."""
    if q.chars == 0:
        return "no text layer"
    if q.cid_share > 0.2:
        return "text layer is unmapped glyphs ((cid:N))"
    if q.chars >= 20 and q.alnum_share < 0.5:
        return "text layer is mostly symbols"
    scanned = image_cover >= IMAGE_PAGE
    if scanned and q.chars < 200:
        # A scan whose only text is a filing stamp ("Case 2:14-cr-… Page 3 of 9").
        return "scanned page with almost no text layer"
    if q.thai_share > 0.3:
        return None  # Thai has no spaces: the word measures below do not apply
    if q.tokens >= 30 and q.word_share >= 0.6 and q.stop_share < 0.03:
        # Prose-like tokens without a single function word: a font whose
        # glyphs map to the wrong letters. (Footnote and citation pages are
        # low on function words too, but they are full of numbers.)
        return "text layer has almost no real words"
    # Measured on the corpus: born-digital pages have 0.2-1.5% fragments; the
    # old OCR layers of ph-sc-scan__opinion.pdf have 3-4% ("fi al", "m ans",
    # "ro er") where tesseract reads the same image cleanly.
    if scanned and q.tokens >= 30 and (
        q.fragment_share > 0.025 or q.junk_share > 0.04 or q.stop_share < 0.15
    ):
        return NOISY_LAYER
    return None


def noise(q: Quality) -> float:
    """A single badness score to choose between a page's old OCR layer and ours."""
    return q.fragment_share + q.junk_share + max(0.0, 0.3 - q.stop_share) + (1.0 - q.alnum_share) * 0.2
