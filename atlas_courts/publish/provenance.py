"""Provenance in the interface: from an extracted fact to the page it was read from.

``fact_sources`` holds one row per extracted fact (defendant, charge,
sentence, event, statute citation) with its document, page and bounding box,
and a link. By default the link names the page and opens the document's row:
no image of any page is published. With ``page_images=True`` each page that
a published fact was read from is rendered once (pypdfium2) into a folder
served beside the database, and the link opens a small static viewer that
shows the page with the passage highlighted.

Masking: before a page image is saved, every span the document's redactor
replaces in published text (victims', witnesses', minors' and other
protected persons' names, defendants' names in initials mode, ID numbers,
phones, addresses, dates of birth) is blacked out, from the character boxes
of a fresh ingest of the source file (atlas.db keeps no boxes per character).
The file must still be the one stored (same SHA-256) and each page's text the
stored text; a page with a span that has no character box, an empty or
rotated page, or a document whose file is gone, is not rendered at all and is
counted in the publish summary. What the masks cannot cover: a name the
detector did not find in the text (the same limit as the published text), and
on OCR pages a name the OCR misread. Page images stay off unless asked for.
The viewer shows no text from the document, only the image and the box.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from collections.abc import Callable
from typing import Any

import sqlite_utils

from ..store.schema import content_id
from .tables import Column, Table

STATIC_MOUNT = "pages"  # served at /pages/ (Datasette --static pages:<folder>)
SCALE = 1.5  # 108 dpi: readable, ~150-300 KB a page

FACT_SOURCES = Table(
    "fact_sources",
    "Where each extracted fact was read: one row per defendant, charge, sentence, event and statute citation, "
    "with the page and the passage's bounding box, and a link to check it. The link opens the document's row "
    "(and names the page); where page images were published it opens the page with the passage highlighted.",
    ("id",),
    (
        Column("id", str, "Identifier of the row (a hash of the fact)."),
        Column("fact_type", str, "defendant, charge, sentence, event or statute_citation."),
        Column("fact_id", str, "Id of the fact's row (defendants.id for a defendant or sentence, charges.id, events.id, statutes_cited.id)."),
        Column("defendant", str, "The defendant, for defendant and sentence facts (joins to defendants.id)."),
        Column("charge", str, "The charge, for charge facts (joins to charges.id)."),
        Column("event", str, "The event, for event facts (joins to events.id)."),
        Column("statute_citation", str, "The citation, for statute citation facts (joins to statutes_cited.id)."),
        Column("document", str, "SHA-256 of the source judgment (joins to documents.sha256)."),
        Column("page", int, "Page the passage starts on (1-based)."),
        Column("x0", float, "Left edge of the passage's box on the page."),
        Column("top", float, "Top edge of the passage's box on the page."),
        Column("x1", float, "Right edge of the passage's box on the page."),
        Column("bottom", float, "Bottom edge of the passage's box on the page."),
        Column("page_width", float, "Width of the page."),
        Column("page_height", float, "Height of the page."),
        Column("method", str, "How the fact was extracted (rule:<name>.<version>, model:<name>-<version>, gold:analyst)."),
        Column("confidence", float, "Extractor confidence between 0 and 1."),
        Column("page_image", str, "Path of the rendered page image when page images were published; null otherwise."),
        Column("link_url", str, "Where the source link goes: the page viewer (page images published) or the document's row."),
        Column("source_markdown", str, "The source link, as Markdown (rendered as a link in Datasette)."),
    ),
    facets=("fact_type", "method"),
    indexes=(("document", "page"), ("defendant",), ("charge",), ("event",), ("statute_citation",)),
)

VIEWER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Source page</title>
<style>
body{margin:0;padding:12px;font-family:system-ui,sans-serif;background:#f4f4f4}
#caption{margin:0 0 8px}.page{position:relative;display:inline-block;box-shadow:0 1px 4px #999;background:#fff}
.page img{display:block;max-width:100%;height:auto}
.hl{position:absolute;display:none;border:2px solid #d62d20;background:rgba(255,214,0,.35);margin:-3px;padding:1px}
</style></head><body>
<p id="caption">Source page. Names of protected persons and identifying details are blacked out.</p>
<div class="page"><img id="page" alt="source page"><div id="hl" class="hl"></div></div>
<script>
(function () {
  var q = new URLSearchParams(window.location.search);
  var img = q.get("img") || "";
  if (!/^[0-9a-f]{64}-[0-9]+\\.png$/.test(img)) { document.getElementById("caption").textContent = "No page to show."; return; }
  var page = document.getElementById("page");
  page.src = img;
  var w = Number(q.get("w")), h = Number(q.get("h"));
  var box = (q.get("box") || "").split(",").map(Number);
  var caption = "Page " + img.split("-")[1].split(".")[0] + " of document " + img.slice(0, 12) + "…";
  document.getElementById("caption").textContent = caption + " Names of protected persons and identifying details are blacked out.";
  if (box.length === 4 && box.every(isFinite) && w > 0 && h > 0) {
    var s = document.getElementById("hl").style;
    s.left = (100 * box[0] / w) + "%"; s.top = (100 * box[1] / h) + "%";
    s.width = (100 * (box[2] - box[0]) / w) + "%"; s.height = (100 * (box[3] - box[1]) / h) + "%";
    s.display = "block";
    page.addEventListener("load", function () { document.getElementById("hl").scrollIntoView({block: "center"}); });
  }
})();
</script>
</body></html>
"""


def pages_dir(public_db: str | os.PathLike) -> Path:
    """public.db -> public.pages/, in the same folder."""
    path = Path(public_db)
    return path.with_name(f"{path.stem}.pages")


def _facts(src: sqlite_utils.Database) -> list[dict[str, Any]]:
    facts = []
    cols = "document, prov_page, prov_x0, prov_top, prov_x1, prov_bottom, prov_method, prov_confidence"
    for fact_type, table, fk in (("defendant", "defendants", "defendant"), ("charge", "charges", "charge"),
                                 ("event", "events", "event"), ("statute_citation", "statutes_cited", "statute_citation")):
        for r in src.query(f"SELECT id, {cols} FROM {table} WHERE prov_page IS NOT NULL ORDER BY id"):
            facts.append({"fact_type": fact_type, "fact_id": r["id"], fk: r["id"], "document": r["document"],
                          "page": r["prov_page"], "x0": r["prov_x0"], "top": r["prov_top"], "x1": r["prov_x1"],
                          "bottom": r["prov_bottom"], "method": r["prov_method"], "confidence": r["prov_confidence"]})
    for r in src.query("SELECT id, document, sentence_provenance FROM defendants ORDER BY id"):
        for p in json.loads(r["sentence_provenance"] or "[]")[:1]:  # the first passage stating the sentence
            if p.get("page") is None:
                continue
            x0, top, x1, bottom = p.get("bbox") or (None, None, None, None)
            facts.append({"fact_type": "sentence", "fact_id": r["id"], "defendant": r["id"], "document": r["document"],
                          "page": p["page"], "x0": x0, "top": top, "x1": x1, "bottom": bottom,
                          "method": p.get("method"), "confidence": p.get("confidence")})
    return facts


def _source_file(path: str, roots: list[Path]) -> Path | None:
    """The document's file: its stored path, or a relative one under the given roots
    (a build run from another folder stores paths relative to that folder)."""
    p = Path(path)
    if p.is_absolute():
        return p if p.is_file() else None
    for root in [Path.cwd(), *roots]:
        if (root / p).is_file():
            return root / p
    return None


def _stored_pages(src: sqlite_utils.Database, sha: str) -> dict[int, str]:
    return {r["number"]: r["text"] for r in src.query("SELECT number, text FROM pages WHERE document = ?", [sha])}


def _reingest(file: Path, ocr: bool) -> Any:
    """The document read afresh (in a sandboxed child, as the build reads it), or None."""
    from ..errors import AtlasError
    from ..ingest import ingest_isolated

    try:
        return ingest_isolated(file, ocr=ocr)
    except AtlasError:
        return None


def render_pages(src: sqlite_utils.Database, wanted: set[tuple[str, int]], out_dir: Path,
                 roots: list[Path] | None = None, redactor_of: Callable[[str], Any] | None = None,
                 stats: dict[str, int] | None = None) -> dict[tuple[str, int], str]:
    """Render each (document, page) once into ``out_dir`` as PNG, masked.

    Every span the document's redactor replaces (``redactor_of(sha).spans``)
    is blacked out, using the character boxes of a fresh ingest of the
    source file. A document whose file is gone, fails to read, or whose
    SHA-256 is not the stored one gets no image (``stats["documents_unverified"]``);
    a page whose text is not the stored text, that is empty, rotated, or has a
    span without character boxes is not rendered (``stats["pages_unmaskable"]``).
    Facts on pages without image keep the page-number link. Returns
    (document, page) -> file name."""
    import pypdfium2 as pdfium

    from ..privacy.masks import mask_image, page_masks

    if redactor_of is None:
        raise ValueError("render_pages: page images are only rendered masked (give redactor_of)")
    stats = stats if stats is not None else {}
    stats.setdefault("documents_unverified", 0)
    stats.setdefault("pages_unmaskable", 0)
    stats.setdefault("masked_boxes", 0)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "view.html").write_text(VIEWER, encoding="utf-8")
    by_doc: dict[str, list[int]] = {}
    for sha, page in sorted(wanted):
        by_doc.setdefault(sha, []).append(page)
    done: dict[tuple[str, int], str] = {}
    for sha, pages in by_doc.items():
        row = src.execute("SELECT path, media_type, ocr_pages FROM documents WHERE sha256 = ?", [sha]).fetchone()
        if row is None or row[1] != "pdf":
            continue  # only PDFs have pages to show
        file = _source_file(row[0], roots or [])
        document = _reingest(file, ocr=bool(json.loads(row[2] or "[]"))) if file is not None else None
        if document is None or document.sha256 != sha:
            stats["documents_unverified"] += 1
            continue
        stored = _stored_pages(src, sha)
        redactor = redactor_of(sha)
        masks = page_masks(document, redactor.spans(document.text))
        by_number = {p.number: p for p in document.pages}
        try:
            pdf = pdfium.PdfDocument(str(file))
        except Exception:  # noqa: BLE001 - a file that changed since ingest: no image, the link stays
            stats["documents_unverified"] += 1
            continue
        try:
            for number in pages:
                if not 1 <= number <= len(pdf):
                    continue
                read = by_number.get(number)
                if (read is None or read.text != stored.get(number) or not read.text.strip()
                        or number in masks.unmaskable):
                    stats["pages_unmaskable"] += 1
                    continue
                page = pdf[number - 1]
                try:
                    if page.get_rotation() % 360:
                        stats["pages_unmaskable"] += 1  # the boxes are not in the rotated frame
                        continue
                    # Render the whole MediaBox: the character boxes are measured from its top-left corner.
                    left, bottom, right, top = page.get_mediabox()
                    page.set_cropbox(left, bottom, right, top)
                    # Grey levels: a third of the size of colour, and the highlight is drawn by the viewer.
                    image = page.render(scale=SCALE, grayscale=True).to_pil()
                finally:
                    page.close()
                width, height = right - left, top - bottom
                if width <= 0 or height <= 0 or abs(image.width - width * SCALE) > 2 or abs(image.height - height * SCALE) > 2:
                    stats["pages_unmaskable"] += 1
                    continue
                stats["masked_boxes"] += mask_image(
                    image, masks.boxes.get(number, []), origin=(left, -bottom),
                    scale=(image.width / width, image.height / height),
                )
                name = f"{sha}-{number}.png"
                image.save(out_dir / name, format="PNG", compress_level=6)
                done[(sha, number)] = name
        finally:
            pdf.close()
    return done


def fact_source_rows(src: sqlite_utils.Database, database: str, images_dir: Path | None,
                     roots: list[Path] | None = None, redactor_of: Callable[[str], Any] | None = None,
                     stats: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """Rows of ``fact_sources``; with ``images_dir`` the pages are rendered there
    (relative document paths are looked for under the working folder, then ``roots``)."""
    facts = _facts(src)
    sizes = {(r["document"], r["number"]): (r["width"], r["height"])
             for r in src.query("SELECT document, number, width, height FROM pages")}
    wanted = {(f["document"], f["page"]) for f in facts}
    images = render_pages(src, wanted, images_dir, roots, redactor_of, stats) if images_dir else {}
    rows = []
    for f in facts:
        width, height = sizes.get((f["document"], f["page"]), (None, None))
        image = images.get((f["document"], f["page"]))
        if image:
            query = f"img={image}"
            if width and height:
                query += f"&w={width:g}&h={height:g}"
            if None not in (f["x0"], f["top"], f["x1"], f["bottom"]):
                query += f"&box={f['x0']:.1f},{f['top']:.1f},{f['x1']:.1f},{f['bottom']:.1f}"
            url = f"/{STATIC_MOUNT}/view.html?{query}"
            label = f"p. {f['page']}, highlighted"
        else:
            url = f"/{database}/documents/{f['document']}"
            label = f"p. {f['page']}"
        rows.append({
            "id": content_id("fact_source", f["fact_type"], f["fact_id"]),
            "fact_type": f["fact_type"],
            "fact_id": f["fact_id"],
            "defendant": f.get("defendant"),
            "charge": f.get("charge"),
            "event": f.get("event"),
            "statute_citation": f.get("statute_citation"),
            "document": f["document"],
            "page": f["page"],
            "x0": f["x0"], "top": f["top"], "x1": f["x1"], "bottom": f["bottom"],
            "page_width": width, "page_height": height,
            "method": f["method"], "confidence": f["confidence"],
            "page_image": f"/{STATIC_MOUNT}/{image}" if image else None,
            "link_url": url,
            "source_markdown": f"[{label}]({url})",
        })
    return rows
