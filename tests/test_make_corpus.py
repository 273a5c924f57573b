"""The generated corpus (corpus/): reproducible, valid gold records, and gold
texts that really are in the documents."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from atlas_courts.records import CATEGORIES, CHARGE_VERDICTS, DOC_TYPES, EVENT_TYPES, SCHEMA, VERDICTS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SCRIPT = ROOT / "scripts" / "make_corpus.py"

STATUTE_ID = re.compile(r"^[A-Z]{2}:[A-Z0-9]+:[a-z0-9.]+$")
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
COUNTRIES = {"AR", "BO", "PY", "LR", "TH"}


def _script():
    spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def golds(manifest) -> list[tuple[dict, dict]]:
    return [(entry, json.loads((CORPUS / entry["gold"]).read_text(encoding="utf-8"))) for entry in manifest["documents"]]


def _norm(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- words


def test_numbers_dates_and_terms_in_words():
    from atlas_courts.synth.words import PDate, Term, en_date, es_date, es_date_at, es_number, es_term

    assert es_number(21, apocope=True) == "veintiún"
    assert es_number(2019) == "dos mil diecinueve"
    assert es_number(1_500_000) == "un millón quinientos mil"
    assert es_date_at(PDate(2019, 3, 14)) == "a los catorce días del mes de marzo de dos mil diecinueve"
    assert es_date(PDate(2019, 3, 14), "num") == "14/03/2019"
    assert en_date(PDate(2019, 3, 14), "ordinal") == "the 14th day of March, 2019"
    assert en_date(PDate(2019, 3, 14), "be", be=True) == "14 March B.E. 2562 (2019)"
    assert es_term(Term(8), "both") == "ocho (8) años"
    assert Term(1, 4, 15).total_months == 16.5
    assert Term(2, 9).scaled(0.5) == Term(1, 4, 15)


# --------------------------------------------------------------------------- reproducibility


def test_generator_reproduces_the_committed_corpus(tmp_path):
    out = tmp_path / "corpus"
    _script().write_corpus(str(out), None, _script().DEFAULT_SEED, 0, quiet=True)
    committed = {p.name: _sha(p) for p in CORPUS.iterdir() if p.is_file()}
    fresh = {p.name: _sha(p) for p in out.iterdir() if p.is_file()}
    assert sorted(fresh) == sorted(committed), "file sets differ: run python scripts/make_corpus.py --out corpus/"
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert not changed, f"regenerated files differ from corpus/: {changed[:10]}"


def test_count_and_pages_min_options(tmp_path):
    module = _script()
    entries = module.write_corpus(str(tmp_path), 2, "other-seed", 5, quiet=True)
    assert len(entries) == 2
    assert all(e["pages"] >= 5 for e in entries)
    assert len(list(tmp_path.glob("*.gold.json"))) == 2


# --------------------------------------------------------------------------- the contract


def test_corpus_composition(manifest, golds):
    docs = manifest["documents"]
    assert len(docs) >= 30
    assert {d["language"] for d in docs} == {"en", "es"}
    assert COUNTRIES <= {d["country"] for d in docs}
    layouts = [d["layout"] for d in docs]
    assert layouts.count("two_column") >= 5
    assert sum(1 for d in docs if d["ocr_pages"]) >= 4
    assert layouts.count("pleading") >= 3
    assert {"docx", "txt"} & set(layouts)
    doc_types = {g["document"]["doc_type"] for _, g in golds}
    assert {"judgment", "appeal_judgment", "sentencing"} <= doc_types
    verdicts = {d["verdict"] for _, g in golds for d in g["defendants"]}
    assert {"convicted", "acquitted", "mixed", "unknown"} <= verdicts
    sentences = [d["sentence"] for _, g in golds for d in g["defendants"]]
    assert any(s["life"] for s in sentences)
    assert any(s["death"] for s in sentences)
    assert any(s["suspended"] for s in sentences)
    assert any(s["imprisonment_min_months"] for s in sentences)
    assert any(s["fine"] for s in sentences) and any(s["compensation"] for s in sentences)
    assert {s["fine"]["currency"] for s in sentences if s["fine"]} | {s["compensation"]["currency"] for s in sentences if s["compensation"]} >= {"ARS", "PYG", "BOB", "THB", "USD"}
    total = sum(p.stat().st_size for p in CORPUS.iterdir() if p.is_file())
    assert total < 8 * 1024 * 1024, f"corpus is {total} bytes"


def test_gold_records_follow_the_contract(golds):
    for entry, gold in golds:
        name = entry["gold"]
        assert gold["schema"] == SCHEMA, name
        assert list(gold) == ["schema", "document", "case", "defendants", "statutes_cited", "events", "victims"], name
        doc = gold["document"]
        assert doc["file"] == entry["file"] and (CORPUS / doc["file"]).exists(), name
        assert doc["language"] in ("en", "es") and doc["doc_type"] in DOC_TYPES, name
        assert doc["pages"] == entry["pages"] and doc["ocr_pages"] == entry["ocr_pages"], name
        case = gold["case"]
        assert set(case) == {"country", "court", "case_number", "decision_date"}, name
        assert case["country"] in COUNTRIES and case["court"] and case["case_number"], name
        assert ISO_DATE.match(case["decision_date"]) and len(case["decision_date"]) == 10, name
        assert gold["defendants"], name
        for d in gold["defendants"]:
            assert set(d) == {"name", "verdict", "charges", "sentence"}, name
            assert d["name"] and d["verdict"] in VERDICTS, name
            charge_verdicts = {c["verdict"] for c in d["charges"]}
            for c in d["charges"]:
                assert set(c) == {"offence", "category", "statutes", "verdict"}, name
                assert c["offence"] and c["category"] in CATEGORIES and c["verdict"] in CHARGE_VERDICTS, name
                assert c["statutes"] and all(STATUTE_ID.match(s) for s in c["statutes"]), name
            if d["verdict"] == "mixed":
                assert "convicted" in charge_verdicts and charge_verdicts & {"acquitted", "dismissed"}, name
            elif d["verdict"] != "unknown":
                assert charge_verdicts == {d["verdict"]}, name
            s = d["sentence"]
            assert list(s) == ["imprisonment_months", "imprisonment_min_months", "life", "death", "suspended", "fine", "compensation"], name
            if s["life"] or s["death"]:
                assert s["imprisonment_months"] is None and s["imprisonment_min_months"] is None, name
            if s["imprisonment_min_months"] is not None:
                assert s["imprisonment_months"] > s["imprisonment_min_months"], name
            for money in (s["fine"], s["compensation"]):
                if money is not None:
                    assert money["amount"] > 0 and CURRENCY.match(money["currency"]), name
            if d["verdict"] in ("acquitted", "unknown", "dismissed"):
                assert s["imprisonment_months"] is None and not s["life"] and not s["death"] and s["fine"] is None, name
            else:
                assert s["imprisonment_months"] or s["life"] or s["death"], name
        ids = [st["id"] for st in gold["statutes_cited"]]
        assert len(ids) == len(set(ids)), name
        cited = set(ids)
        for st in gold["statutes_cited"]:
            assert STATUTE_ID.match(st["id"]) and st["text"], name
            assert 1 <= st["page"] <= doc["pages"], name
        for d in gold["defendants"]:
            for c in d["charges"]:
                assert set(c["statutes"]) <= cited, (name, c["statutes"])
        assert gold["events"], name
        for ev in gold["events"]:
            assert ev["type"] in EVENT_TYPES and ISO_DATE.match(ev["date"]) and ev["text"], name
            assert 1 <= ev["page"] <= doc["pages"], name
        decision_type = "appeal_decision" if doc["doc_type"] == "appeal_judgment" else ("sentencing" if doc["doc_type"] == "sentencing" or case["country"] == "LR" else "judgment")
        assert {"type": decision_type, "date": case["decision_date"]} in [{"type": e["type"], "date": e["date"]} for e in gold["events"]], name
        v = gold["victims"]
        assert v["count"] >= 1 and 0 <= v["minors"] <= v["count"], name


# --------------------------------------------------------------------------- the gold is in the documents


def _document_pages(entry: dict) -> dict[int, str | None]:
    """Text per page (None for image-only pages), running headers, footers and
    line numbers left out."""
    path = CORPUS / entry["file"]
    layout = entry["layout"]
    if layout == "txt":
        pages = path.read_text(encoding="utf-8").split("\f")
        return {n: "\n".join(p.split("\n")[2:]) for n, p in enumerate(pages, 1)}
    if layout == "docx":
        import docx

        pages: dict[int, str] = {1: ""}
        n = 1
        for para in docx.Document(str(path)).paragraphs:
            if 'w:br w:type="page"' in para._p.xml or "w:type=\"page\"" in para._p.xml:
                n += 1
                pages[n] = ""
            pages[n] += para.text + "\n"
        return pages
    import pdfplumber

    out: dict[int, str | None] = {}
    with pdfplumber.open(str(path)) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            if n in entry["ocr_pages"]:
                assert not page.chars, f"{entry['file']} page {n}: image-only page has a text layer"
                assert page.images, f"{entry['file']} page {n}: image-only page has no image"
                out[n] = None
                continue
            parts = []
            for x0, top, x1, bottom in entry["text_frames"]:
                crop = page.crop((max(0, x0 - 2), top - 1, min(page.width, x1 + 2), min(page.height, bottom + 1)))
                parts.append(crop.extract_text() or "")
            out[n] = "\n".join(parts)
    return out


def test_gold_texts_appear_in_their_documents(golds):
    for entry, gold in golds:
        pages = _document_pages(entry)
        assert len(pages) == gold["document"]["pages"], entry["file"]
        if entry["layout"] not in ("docx", "txt"):
            assert sorted(n for n, t in pages.items() if t is None) == entry["ocr_pages"], entry["file"]
        full = _norm(" ".join(t for t in pages.values() if t))
        for item in gold["statutes_cited"] + gold["events"]:
            page = item["page"]
            if pages.get(page) is None or pages.get(page + 1, "") is None:
                assert page in entry["ocr_pages"] or page + 1 in entry["ocr_pages"], (entry["file"], item)
                continue  # on (or running onto) a scanned page: checked by OCR below
            text = _norm(item["text"])
            assert text in full, (entry["file"], item)
            here = _norm(pages[page])
            both = _norm(pages[page] + " " + (pages.get(page + 1) or ""))
            assert 0 <= both.find(text) < len(here), ("text does not start on its page", entry["file"], item)
        if not entry["ocr_pages"]:
            lower = full.lower()
            wanted = [gold["case"]["court"], gold["case"]["case_number"]]
            wanted += [d["name"] for d in gold["defendants"]]
            wanted += [c["offence"] for d in gold["defendants"] for c in d["charges"]]
            for text in wanted:
                assert _norm(text).lower() in lower, (entry["file"], text)
        if entry["layout"] not in ("docx", "txt"):
            # first occurrence: no earlier text page carries a statute text before the page given
            for st in gold["statutes_cited"]:
                for n in range(1, st["page"]):
                    if pages.get(n):
                        assert _norm(st["text"]) not in _norm(pages[n]), (entry["file"], st)


def test_statute_pages_are_first_occurrences_of_the_id(golds):
    """The first-occurrence page of each id is the page of its earliest citation text."""
    for entry, gold in golds:
        pages = {st["id"]: st["page"] for st in gold["statutes_cited"]}
        for d in gold["defendants"]:
            for c in d["charges"]:
                for sid in c["statutes"]:
                    assert pages[sid] <= gold["document"]["pages"], (entry["file"], sid)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_scanned_page_is_readable_by_ocr(golds, tmp_path):
    import pypdfium2 as pdfium

    entry, gold, page_no, snippets = next(
        (e, g, n, [i["text"] for i in g["statutes_cited"] + g["events"] if i["page"] == n])
        for e, g in golds
        if e["language"] == "es"
        for n in e["ocr_pages"]
        if any(i["page"] == n for i in g["statutes_cited"] + g["events"])
    )
    pdf = pdfium.PdfDocument(str(CORPUS / entry["file"]))
    image = pdf[page_no - 1].render(scale=200 / 72).to_pil()
    png = tmp_path / "page.png"
    image.save(png)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # tesseract is much slower with competing threads
    result = subprocess.run(["tesseract", str(png), "-", "-l", "spa"], capture_output=True, text=True, timeout=60, env=env)
    ocr = _norm(result.stdout).lower()
    words = [w.lower().strip(".,;:()“”") for s in snippets for w in s.split() if len(w) >= 5]
    found = sum(1 for w in words if w in ocr)
    assert words and found / len(words) >= 0.7, (found, len(words))
