"""Page images are masked: every span the redactor replaces is black on the
rendered PNG, words it does not replace are not, and a page that cannot be
masked (no character boxes, file gone or changed) is not rendered at all."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from PIL import Image

from atlas_courts.ingest import ingest_file
from atlas_courts.publish import provenance, publish
from atlas_courts.publish.provenance import SCALE, pages_dir

VICTIM = "Rosalinda Quispeyupanqui"
DEFENDANT = "Juan Carlos Tamberlino"
ID_NUMBER = "34.567.890"
LINES = [
    "TRIBUNAL ORAL EN LO CRIMINAL FEDERAL N° 2 DE SALTA",
    "Causa N° FSA 4512/2017",
    "Salta, 14 de marzo de 2019.",
    "",
    f"Y VISTOS: Se juzga a {DEFENDANT}, imputado por el delito de trata de",
    "personas con fines de explotación laboral (art. 145 bis del Código Penal).",
    "",
    f"La víctima, {VICTIM} (DNI {ID_NUMBER}), declaró que fue trasladada",
    "desde Orán y que el acusado le retuvo el documento.",
    "",
    f"RESUELVE: CONDENAR a {DEFENDANT} a la pena de ocho años de prisión por",
    "el delito de trata de personas (art. 145 bis del Código Penal).",
]


def _write_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 780
    for line in LINES:
        c.setFont("Helvetica", 11)
        c.drawString(72, y, line)
        y -= 16
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from atlas_courts.build import build

    root = tmp_path_factory.mktemp("masks")
    (root / "docs").mkdir()
    _write_pdf(root / "docs" / "judgment.pdf")
    summary = build([root / "docs"], root / "atlas.db", workers=1, ocr=False)
    assert summary.failed == 0 and summary.ok == 1
    return root


def _box_of(pdf: Path, word: str) -> tuple[float, float, float, float]:
    document = ingest_file(pdf, ocr=False)
    start = document.text.index(word)
    box = document.bbox_of(start, start + len(word))
    assert box is not None
    return box


def _dark_share(image: Image.Image, box: tuple[float, float, float, float]) -> float:
    x0, top, x1, bottom = (int(round(v * SCALE)) for v in box)
    crop = image.convert("L").crop((x0 + 1, top + 1, x1 - 1, bottom - 1))
    pixels = list(crop.tobytes())
    return sum(1 for p in pixels if p < 40) / len(pixels)


def test_names_and_numbers_are_black_on_the_page_image(built) -> None:
    public = built / "public.db"
    summary = publish(built / "atlas.db", public, metrics=True, page_images=True)
    assert summary["page_images_rendered"] == 1
    assert summary["page_images_unmaskable"] == 0 and summary["page_images_documents_unverified"] == 0
    assert summary["page_images_masked_boxes"] >= 3
    [png] = pages_dir(public).glob("*.png")
    image = Image.open(png)
    pdf = built / "docs" / "judgment.pdf"
    for masked in (VICTIM, ID_NUMBER, DEFENDANT):  # the defendant is published as initials
        assert _dark_share(image, _box_of(pdf, masked)) > 0.97, masked
    for kept in ("TRIBUNAL", "trasladada", "Orán", "explotación"):
        assert _dark_share(image, _box_of(pdf, kept)) < 0.5, kept
    viewer = (pages_dir(public) / "view.html").read_text(encoding="utf-8")
    assert "Nothing on this image is masked" not in viewer


def test_a_page_without_character_boxes_is_not_rendered(built, monkeypatch) -> None:
    real = provenance._reingest

    def without_boxes(file, ocr):
        document = real(file, ocr)
        return dataclasses.replace(document, pages=[dataclasses.replace(p, boxes=None) for p in document.pages])

    monkeypatch.setattr(provenance, "_reingest", without_boxes)
    public = built / "noboxes.db"
    summary = publish(built / "atlas.db", public, metrics=True, page_images=True)
    assert summary["page_images_rendered"] == 0
    assert summary["page_images_unmaskable"] == 1
    assert not list(pages_dir(public).glob("*.png"))
    import sqlite3

    with sqlite3.connect(public) as conn:
        links = conn.execute("SELECT page_image, link_url FROM fact_sources").fetchall()
    assert links and all(image is None and "/documents/" in url for image, url in links)


def test_a_changed_or_missing_source_file_gives_no_image(built, tmp_path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(built / "docs", root / "docs")
    shutil.copy(built / "atlas.db", root / "atlas.db")
    import sqlite3

    with sqlite3.connect(root / "atlas.db") as conn:
        conn.execute("UPDATE documents SET path = ?", [str(root / "docs" / "judgment.pdf")])
    pdf = root / "docs" / "judgment.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n%changed\n")  # same pages, another file
    summary = publish(root / "atlas.db", root / "changed.db", metrics=True, page_images=True)
    assert summary["page_images_rendered"] == 0 and summary["page_images_documents_unverified"] == 1
    pdf.unlink()
    summary = publish(root / "atlas.db", root / "gone.db", metrics=True, page_images=True)
    assert summary["page_images_rendered"] == 0 and summary["page_images_documents_unverified"] == 1
