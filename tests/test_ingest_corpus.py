"""Ingest on the real documents of ../shared/corpus (skipped when it is absent).

Every PDF of corpus/pdf/ and the dev files the assertions need are ingested
once, through ``ingest_many`` (forked children, two at a time), and shared by
the tests of this module.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas_courts import errors
from atlas_courts.ingest import Limits, detect_language, ingest_file, ingest_many
from atlas_courts.records import Document

pytestmark = [pytest.mark.shared, pytest.mark.slow]

DEV = [
    "pk-lhc__2024LHC6351_sadiq-hussain-v-fia.pdf",  # two columns
    "pk-lhc__2023LHC124_state-v-shazam-ali.pdf",  # running header "Lahore High Court"
    "ph-sc-lawphil__1911_GR-L-6881_us-v-javier-and-de-la-cruz.pdf",  # pleading paper
    "ph-sc-lawphil__1948_GR-L-1710-and-L-1711_pueblo-v-manabat-matunan.pdf",  # scanned, Spanish
    "ph-sc-lawphil__1949_GR-L-1978_pueblo-v-orcullo-cortez.pdf",  # scanned, Spanish
]
SCANNED_DEV = DEV[3:]
PACER = ["gov.uscourts.cacd.604416.1107.0.pdf", "gov.uscourts.cacd.604416.1113.0.pdf", "gov.uscourts.cand.346583.102.0.pdf"]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def docs(shared_corpus: Path) -> dict[str, Document | errors.IngestError]:
    paths = sorted((shared_corpus / "pdf").glob("*.pdf")) + [shared_corpus / "dev" / name for name in DEV]
    # The slowest first (OCR, long transcripts), so that two workers finish together.
    heavy = ["ph-sc-scan__opinion.pdf", *SCANNED_DEV, "gov.uscourts.cacd.604416.1107.0.pdf"]
    paths.sort(key=lambda p: (p.name not in heavy, heavy.index(p.name) if p.name in heavy else 0, -p.stat().st_size))
    limits = Limits(timeout_s=300, memory_mb=2048)
    # 200 dpi reads these scans as well as 300 and keeps the suite within its time budget.
    results = ingest_many(paths, limits=limits, workers=2, ocr_dpi=200)
    return {Path(path).name: result for path, result in results}


def _doc(docs: dict[str, Document | errors.IngestError], name: str) -> Document:
    result = docs[name]
    assert isinstance(result, Document), f"{name}: {result}"
    return result


# ----------------------------------------------------------------- every file


def test_every_pdf_gives_text_or_a_classified_error(docs, shared_corpus: Path) -> None:
    names = {p.name for p in (shared_corpus / "pdf").glob("*.pdf")}
    assert names <= set(docs)
    for name in sorted(names):
        result = docs[name]
        if isinstance(result, errors.IngestError):
            # A file the parser rejects is fine; our code dying on it is not.
            assert not isinstance(result, (errors.WorkerCrashed, errors.Timeout, errors.MemoryLimit)), result
            assert type(result) is not errors.IngestError, result
        else:
            assert result.text.strip(), name
            assert all(p.boxes is not None and len(p.boxes) == len(p.text) for p in result.pages)


def test_missouri_is_not_a_readable_pdf(docs) -> None:
    result = docs["doctor__missouri.pdf"]
    assert isinstance(result, (errors.NotAPDF, errors.CorruptFile))
    assert "No /Root object" in result.message
    assert str(result).endswith("doctor__missouri.pdf: " + result.message)


def test_languages(docs) -> None:
    assert _doc(docs, "gov.uscourts.cacd.604416.1107.0.pdf").language == "en"
    assert _doc(docs, DEV[0]).language == "en"
    for name in SCANNED_DEV:
        assert _doc(docs, name).language == "es"


# ----------------------------------------------------------------- OCR


@pytest.mark.parametrize("name", SCANNED_DEV)
def test_scanned_spanish_judgments_are_ocrd(docs, name: str) -> None:
    doc = _doc(docs, name)
    assert doc.ocr_pages == [p.number for p in doc.pages]
    words = set(re.findall(r"\w+", doc.text.lower()))
    assert {"acusado", "apelante", "tribunal", "pueblo"} & words
    assert len(words) > 300
    assert doc.metadata["ocr"]["languages"] == "spa"
    for page in doc.pages:
        assert page.boxes is not None and len(page.boxes) == len(page.text)


def test_image_only_pdf_is_ocrd(docs) -> None:
    doc = _doc(docs, "doctor__image-pdf.pdf")
    assert doc.ocr_pages == [1, 2]
    assert len(re.findall(r"[A-Za-z]{3,}", doc.text)) > 100


def test_blank_pages_are_empty_not_errors(docs) -> None:
    doc = _doc(docs, "ph-sc-scan__blanks.pdf")
    blank = doc.metadata["ocr"]["blank_pages"]
    assert len(blank) >= 10
    for number in blank:
        assert doc.pages[number - 1].text == ""
    assert "Geroche" in doc.text


def test_noisy_ocr_layer_is_replaced(docs) -> None:
    doc = _doc(docs, "ph-sc-scan__opinion.pdf")
    assert 3 in doc.ocr_pages
    # The scan's own layer reads "the on! constitutional or an which can be called u on".
    assert "the only constitutional organ which can be called upon" in _norm(doc.pages[2].text)


def test_good_ocr_layer_is_kept(docs) -> None:
    doc = _doc(docs, "ph-sc-scan__notice.pdf")
    assert 2 not in doc.ocr_pages and "handwriting experts" in doc.pages[1].text


# ----------------------------------------------------------------- headers, page numbers, line numbers


@pytest.mark.parametrize("name", PACER)
def test_pacer_headers_and_line_numbers_are_gone(docs, name: str) -> None:
    doc = _doc(docs, name)
    for page in doc.pages:
        assert "Page ID #" not in page.text
        assert not re.search(r"Document \d+ Filed", page.text)
        assert not re.search(r"(?m)^\d{1,2}$", page.text), (page.number, page.text[:200])
    assert all("Filed" in p.raw_text for p in doc.pages)
    assert any(re.search(r"(?m)^\d{1,2} \S", p.raw_text) for p in doc.pages)


def test_lahore_high_court_header_is_gone(docs) -> None:
    doc = _doc(docs, "pk-lhc__2023LHC124_state-v-shazam-ali.pdf")
    for page in doc.pages:
        assert page.raw_text.startswith("Lahore High Court")
        assert "Lahore High Court" not in page.text.splitlines()
        assert not re.search(r"(?m)^- \d+ -$", page.text)


def test_pleading_paper(docs) -> None:
    doc = _doc(docs, "ph-sc-lawphil__1911_GR-L-6881_us-v-javier-and-de-la-cruz.pdf")
    for page in doc.pages:
        assert not re.search(r"(?m)^\s*\d{1,2}\s*$", page.text), page.text
        assert "ORDER" not in page.text.splitlines()
        assert "Page ID #" not in page.text
        assert re.search(r"(?m)^\d{1,2}$", page.raw_text)
    assert "Article 444 of the Penal Code prescribes:" in doc.pages[1].text
    assert "Whosoever shall habitually, or, taking advantage of his authority" in _norm(doc.pages[1].text)


# ----------------------------------------------------------------- two columns


def test_two_column_sentence_continues_across_the_gutter(docs) -> None:
    doc = _doc(docs, "pk-lhc__2024LHC6351_sadiq-hussain-v-fia.pdf")
    text = _norm(doc.pages[1].text)
    # Starts at the foot of the left column, ends at the top of the right one.
    assert "also known as the Palermo Convention, adopted by General Assembly resolution 55/25" in text
    # Within the left column, lines follow each other (no interleaving).
    assert "a “vagrant” is defined as any person who solicits or receives alms in a public place" in text


# ----------------------------------------------------------------- box map


@pytest.fixture(scope="module")
def two_column(docs) -> Document:
    return _doc(docs, "pk-lhc__2024LHC6351_sadiq-hussain-v-fia.pdf")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_spans_lie_within_their_page(two_column: Document, data: st.DataObject) -> None:
    doc = two_column
    start = data.draw(st.integers(0, len(doc.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(doc.text), start + 300)))
    box = doc.bbox_of(start, end)
    if box is None:
        assert not doc.text[start:end].strip()
        return
    page = doc.pages[doc.page_of(start) - 1]
    x0, top, x1, bottom = box
    assert 0 <= x0 <= x1 <= page.width and 0 <= top <= bottom <= page.height


def test_ocr_boxes_lie_within_their_page(docs) -> None:
    doc = _doc(docs, SCANNED_DEV[0])
    for page in doc.pages:
        for box in page.boxes or []:
            if box:
                assert -1 <= box[0] <= box[2] <= page.width + 1 and -1 <= box[1] <= box[3] <= page.height + 1


@pytest.mark.parametrize("word", ["Palermo", "Vagrancy", "beggary"])
def test_word_box_matches_pdfplumber_search(two_column: Document, shared_corpus: Path, word: str) -> None:
    path = shared_corpus / "dev" / "pk-lhc__2024LHC6351_sadiq-hussain-v-fia.pdf"
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[1]
        expected = [(m["x0"], m["top"], m["x1"], m["bottom"]) for m in page.search(word, regex=False)]
    assert expected
    ours = doc_boxes(two_column, 2, word)
    assert len(ours) == len(expected)
    for box in ours:
        assert any(all(abs(a - b) < 1.0 for a, b in zip(box, e)) for e in expected), (box, expected)


def doc_boxes(doc: Document, page_number: int, word: str) -> list[tuple[float, float, float, float]]:
    base = doc.page_starts[page_number - 1]
    page = doc.pages[page_number - 1]
    out = []
    for m in re.finditer(re.escape(word), page.text):
        box = doc.bbox_of(base + m.start(), base + m.end())
        assert box is not None
        out.append(box)
    return out


# ----------------------------------------------------------------- DOCX and language on real text


def test_argentine_docx(shared_corpus: Path) -> None:
    for path in sorted((shared_corpus / "dev").glob("*.docx")):
        doc = ingest_file(path)
        assert doc.media_type == "docx" and doc.language == "es", path.name
        assert len(doc.text) > 2000 and doc.pages[0].boxes is None
        assert "\n\n" in doc.text


def test_thai_language(shared_corpus: Path) -> None:
    with open(shared_corpus / "thai-tscc" / "tscc_v0.1-judgement.csv", encoding="utf-8") as fh:
        rows = [row for _, row in zip(range(30), csv.DictReader(fh))]
    assert rows
    for row in rows:
        assert detect_language(row["fact"]) == "th"


def test_english_and_spanish_on_real_text(docs) -> None:
    english = _doc(docs, "pk-lhc__2023LHC124_state-v-shazam-ali.pdf").pages[1].text
    spanish = _doc(docs, SCANNED_DEV[1]).pages[0].text
    assert detect_language(english) == "en"
    assert detect_language(spanish) == "es"
    assert detect_language(english[:400]) == "en"
    assert detect_language(spanish[:400]) == "es"
