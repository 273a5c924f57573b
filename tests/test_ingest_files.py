"""ingest_file on files made here: TXT, DOCX, generated PDFs, and every kind of bad file."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from atlas_courts import errors
from atlas_courts.ingest import SUPPORTED_SUFFIXES, ingest_file, sha256_file
from atlas_courts.records import PAGE_SEPARATOR

BODY = [
    "The accused was charged with trafficking in persons under section",
    "12 of the Act. The prosecution proved its case beyond reasonable",
    "doubt and the court convicts the accused of the offence charged, the",
    "prose-",
    "cution having called the victims, whose testimony was consistent.",
]


OPENINGS = ["We have heard the parties.", "The appeal was filed in time.", "Counsel for the State argued."]


def make_pdf(path: Path, pages: int = 3, encrypt: object = None) -> Path:
    """A small judgment: a running header, body text, a page number at the foot."""
    c = canvas.Canvas(str(path), pagesize=(612, 792), encrypt=encrypt)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 9)
        c.drawString(72, 760, "Supreme Court of Testland")
        c.setFont("Helvetica", 11)
        y = 700
        c.drawString(72, y + 30, f"{n}. {OPENINGS[n % len(OPENINGS)]}")
        for line in BODY:
            c.drawString(72, y, line)
            y -= 14
        c.drawString(300, 40, f"- {n} -")
        c.showPage()
    c.save()
    return path


# ----------------------------------------------------------------- PDF


def test_generated_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "judgment.pdf")
    doc = ingest_file(path)
    assert doc.media_type == "pdf" and doc.file == "judgment.pdf" and doc.path == os.fspath(path)
    assert doc.sha256 == sha256_file(path) and len(doc.sha256) == 64
    assert len(doc.pages) == 3 and doc.ocr_pages == []
    assert doc.language == "en"
    for n, page in enumerate(doc.pages, start=1):
        assert "Supreme Court of Testland" not in page.text
        assert "Supreme Court of Testland" in page.raw_text
        assert f"- {n} -" not in page.text and f"- {n} -" in page.raw_text
        # A numbered paragraph at the top of every page is text, not a header.
        assert page.text.startswith(f"{n}. {OPENINGS[n % len(OPENINGS)]}")
        assert "the prosecution having called" in page.text.replace("\n", " ")
        assert page.width == 612 and page.height == 792
        assert page.boxes is not None and len(page.boxes) == len(page.text)
    assert doc.text == PAGE_SEPARATOR.join(p.text for p in doc.pages)


def test_box_of_a_word_in_a_generated_pdf(tmp_path: Path) -> None:
    doc = ingest_file(make_pdf(tmp_path / "judgment.pdf", pages=1))
    start = doc.text.index("trafficking")
    x0, top, x1, bottom = doc.bbox_of(start, start + len("trafficking"))
    # reportlab drew the line at x=72, baseline y=700 from the bottom (92 from the top).
    assert 72 < x0 < x1 < 400
    assert 80 < top < bottom < 96


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", encrypt="secret")
    with pytest.raises(errors.EncryptedFile) as info:
        ingest_file(path)
    assert info.value.file == os.fspath(path) and "password" in info.value.message
    assert info.value.status == "encrypted"


def test_owner_password_only_pdf_is_readable(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "restricted.pdf", encrypt=StandardEncryption("", ownerPassword="owner"))
    assert "trafficking" in ingest_file(path).text


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_pdf(tmp_path: Path, keep: float) -> None:
    data = make_pdf(tmp_path / "full.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(errors.CorruptFile) as info:
        ingest_file(path)
    assert str(info.value).startswith(f"{path}: cannot be read as a PDF")


def test_text_named_pdf_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "judgment.pdf"
    path.write_text("This is a plain text judgment.\n")
    with pytest.raises(errors.NotAPDF) as info:
        ingest_file(path)
    assert info.value.message == "is named .pdf but is plain text (no %PDF- header)"
    assert info.value.status == "rejected"


def test_html_named_pdf_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "download.pdf"
    path.write_bytes(b"<!DOCTYPE html><html><body>Session expired</body></html>")
    with pytest.raises(errors.NotAPDF):
        ingest_file(path)


def test_too_many_pages(tmp_path: Path) -> None:
    with pytest.raises(errors.TooManyPages) as info:
        ingest_file(make_pdf(tmp_path / "long.pdf", pages=3), max_pages=2)
    assert info.value.message == "has 3 pages, more than the limit of 2"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (1024 * 1024 + 1))
    with pytest.raises(errors.FileTooLarge) as info:
        ingest_file(path, max_file_mb=1)
    assert info.value.message == "is 1.0 MB, over the limit of 1 MB"


@pytest.mark.parametrize("name", ["empty.pdf", "empty.txt", "empty.docx"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(errors.EmptyFile) as info:
        ingest_file(path)
    assert str(info.value) == f"{path}: is empty (0 bytes)"


@pytest.mark.parametrize("name", ["judgment.doc", "judgment.html", "judgment"])
def test_unsupported_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("text")
    with pytest.raises(errors.UnsupportedFormat) as info:
        ingest_file(path)
    assert "supported: .pdf, .docx, .txt" in info.value.message
    assert SUPPORTED_SUFFIXES == (".pdf", ".docx", ".txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(errors.IngestError, match="no such file"):
        ingest_file(tmp_path / "nowhere.pdf")


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(errors.UsageError):
        ingest_file(tmp_path / "x.pdf", ocr_dpi=10)


def test_image_only_pdf_without_ocr_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(errors.NoText, match="OCR is disabled"):
        ingest_file(path, ocr=False)


def test_blank_pdf_with_ocr_is_no_text_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(path))
    c.showPage()
    c.save()
    with pytest.raises(errors.NoText, match="OCR found none either"):
        ingest_file(path)


def test_missing_tesseract_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "drawn.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)  # no text layer, but not blank: needs OCR
    c.showPage()
    c.save()
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    with pytest.raises(errors.OCRError) as info:
        ingest_file(path)
    assert "install tesseract-ocr" in info.value.message


# ----------------------------------------------------------------- TXT


def test_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "sentencia.txt"
    path.write_text("El tribunal condena al acusado.\r\nSegunda línea del fallo de la causa.\f"
                    "Página dos de la sentencia del tribunal.\n", encoding="utf-8")
    doc = ingest_file(path)
    assert doc.media_type == "txt" and doc.warnings == []
    assert [p.text for p in doc.pages] == [
        "El tribunal condena al acusado.\nSegunda línea del fallo de la causa.",
        "Página dos de la sentencia del tribunal.\n",
    ]
    assert all(p.boxes is None for p in doc.pages)
    assert doc.language == "es"
    assert doc.bbox_of(0, 5) is None


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThe court of appeal.".encode("utf-8"))
    assert ingest_file(path).text == "The court of appeal."


def test_latin1_text_warns(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Condénase al acusado a la pena de prisión.".encode("latin-1"))
    doc = ingest_file(path)
    assert doc.text == "Condénase al acusado a la pena de prisión."
    assert len(doc.warnings) == 1 and "read as latin-1" in doc.warnings[0]


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \t\n")
    with pytest.raises(errors.EmptyFile, match="contains no text"):
        ingest_file(path)


def test_binary_named_txt_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(errors.UnsupportedFormat, match="binary data"):
        ingest_file(path)


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "judgment.txt"
    path.write_bytes(make_pdf(tmp_path / "j.pdf", pages=1).read_bytes())
    doc = ingest_file(path)
    assert doc.media_type == "pdf" and "trafficking" in doc.text
    assert any("is a PDF" in w for w in doc.warnings)


# ----------------------------------------------------------------- DOCX


def make_docx(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "PODER JUDICIAL - running header"
    d.add_paragraph("SENTENCIA")
    d.add_paragraph("Buenos Aires, 7 de enero de 2022.")
    d.add_paragraph("")  # empty paragraphs are spacing, not text
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Imputado"
    table.cell(0, 1).text = "J. P. G."
    table.cell(1, 0).text = "Delito"
    table.cell(1, 1).text = "trata de personas"
    p = d.add_paragraph("El tribunal condena al acusado a la pena de prisión.")
    p.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    p.add_run("Segunda página de la sentencia del tribunal.")
    d.add_paragraph("Línea uno\tcon tabulador")
    d.save(str(path))
    return path


def test_docx(tmp_path: Path) -> None:
    doc = ingest_file(make_docx(tmp_path / "sentencia.docx"))
    assert doc.media_type == "docx" and doc.language == "es"
    assert len(doc.pages) == 2
    first, second = doc.pages
    assert first.text == (
        "SENTENCIA\n\nBuenos Aires, 7 de enero de 2022.\n\nImputado\tJ. P. G.\nDelito\ttrata de personas"
        "\n\nEl tribunal condena al acusado a la pena de prisión."
    )
    assert second.text == "Segunda página de la sentencia del tribunal.\n\nLínea uno\tcon tabulador"
    assert "running header" not in doc.text
    assert first.boxes is None and first.raw_text == first.text


def test_docx_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("just text")
    with pytest.raises(errors.UnsupportedFormat, match="is named .docx but is plain text"):
        ingest_file(path)


def test_damaged_docx(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "damaged.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises((errors.CorruptFile, errors.UnsupportedFormat)):
        ingest_file(path)
