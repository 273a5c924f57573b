"""Write one generated judgment (PDF, DOCX or TXT) with its gold case record."""

from __future__ import annotations

import hashlib
import json
import os
import random

from reportlab.lib.pagesizes import A4, LETTER

from .compose import Composer
from .layout import Block, House, paginate, render_docx, render_pdf, render_txt
from .scenario import Case, build_case, empty_sentence, load

SCHEMA = "atlas-courts/case-record/1"
PLAN = load("plan.json")

EXTENSIONS = {"docx": ".docx", "txt": ".txt"}


def compose(case: Case, rng: random.Random, extra: int) -> Composer:
    if case.lang == "es":
        from .compose_es import compose_es

        return compose_es(case, rng, extra)
    from .compose_en import compose_en

    return compose_en(case, rng, extra)


def make_house(case: Case, rng: random.Random) -> House:
    layout = case.layout
    kind = {"two_column": "two_column", "pleading": "pleading"}.get(layout, "single")
    scanned = layout in ("scanned", "scanned_partial")
    family = "vera" if scanned else rng.choice(["times", "times", "helvetica"])
    if kind == "pleading":
        family = "times" if not scanned else "vera"
    house = House(kind=kind, family=family)
    if kind == "two_column":
        house.body_size = rng.choice([9.5, 10.0])
        house.leading = house.body_size + 2.5
        house.margins = (50, 72, 50, 60)
    elif kind == "pleading":
        house.pagesize = LETTER
        house.margins = (108, 72, 72, 72)
        house.body_size = 12.0
        house.pleading_lines = 28
    else:
        house.body_size = rng.choice([11.0, 11.5, 12.0]) if family == "times" else rng.choice([10.0, 10.5])
        house.leading = house.body_size + rng.choice([3.0, 3.5, 4.5])
        house.margins = (rng.choice([68, 72, 85]), 80, rng.choice([60, 72]), 70)
        house.pagesize = A4 if case.country != "LR" or rng.random() < 0.5 else LETTER
    es = case.lang == "es"
    short_court = case.court.split(",")[0]
    if case.country == "AR":
        house.header_left = "Poder Judicial de la Nación"
        house.header_right = f"{case.case_label} {case.case_number}"
    elif case.country == "PY":
        house.header_left = "Poder Judicial – República del Paraguay"
        house.header_right = short_court
    elif case.country == "BO":
        house.header_left = "Órgano Judicial – Estado Plurinacional de Bolivia"
        house.header_right = f"{case.case_label} {case.case_number}"
    elif case.country == "LR":
        first = case.defendants[0]
        house.header_left = f"Republic of Liberia vs. {first.name}" + (" et al." if len(case.defendants) > 1 else "")
        house.header_right = short_court if case.doc_type != "appeal_judgment" else "Supreme Court of Liberia"
    else:
        house.header_left = "(Translation)"
        house.header_right = case.case_number
    if rng.random() < 0.2:
        house.header_right = ""
    house.header_first_page = rng.random() < 0.3
    house.header_rule = rng.random() < 0.7
    if es:
        house.footer = rng.choice(["Página {n} de {N}", "- {n} -", "{n}", "Pág. {n}/{N}"])
    else:
        house.footer = rng.choice(["Page {n} of {N}", "- {n} -", "{n}", "Page {n}"])
    house.footer_align = rng.choice(["center", "center", "right"])
    if kind == "pleading":
        label = {"judgment": "JUDGMENT (TRANSLATION)" if case.country == "TH" else "FINAL JUDGMENT", "sentencing": "RULING ON SENTENCE"}.get(case.doc_type, "OPINION")
        house.pleading_footer = f"{label} – {case.case_number}"
        house.footer = "{n}"
    house.dpi = rng.choice([200, 200, 240, 300])
    house.noise_seed = case.seed
    return house


def _scanned_pages(case: Case, pages: int, rng: random.Random) -> frozenset[int]:
    if case.layout == "scanned":
        return frozenset(range(1, pages + 1))
    if case.layout == "scanned_partial":
        if pages <= 2:
            return frozenset({pages})
        first = rng.randint(2, max(2, pages - 2))
        return frozenset(range(first, min(pages, first + 1) + 1))
    return frozenset()


def make_document(spec: dict, seed: str, out_dir: str, pages_min: int = 0) -> dict:
    """Generate one document and its gold record in ``out_dir``; return its manifest entry."""
    case = build_case(spec, seed)
    prng = random.Random(f"pages:{seed}")
    natural = spec.get("pages") or prng.choice([2, 3, 3, 4, 4, 5] if case.doc_type != "appeal_judgment" else [2, 2, 3])
    pages_min = max(pages_min, natural)
    ext = EXTENSIONS.get(case.layout, ".pdf")
    file = case.stem + ext
    extra = 0
    while True:
        comp = compose(case, random.Random(f"text:{seed}:{extra}"), extra)
        blocks = comp.blocks()
        house = make_house(case, random.Random(f"house:{seed}"))
        if case.layout == "txt":
            from .layout import txt_pages

            pages_list, where = txt_pages(blocks, house.header_left)
            n_pages = len(pages_list)
            layout = None
        else:
            layout = paginate(blocks, house, split_blocks=case.layout != "docx")
            n_pages = layout.pages
        if n_pages >= pages_min or extra >= 200:
            break
        extra += max(1, 2 * (pages_min - n_pages))
    path = os.path.join(out_dir, file)
    title = _title(case)
    if case.layout == "txt":
        n_pages, where = render_txt(blocks, path, house.header_left, "Pág." if case.lang == "es" else "Page")

        def page_of(bi: int, offset: int) -> int:
            page = where[bi][0][1]
            for start, pg in where[bi]:
                if start <= offset:
                    page = pg
            return page

        ocr_pages: list[int] = []
        frames = None
    else:
        house.scanned_pages = _scanned_pages(case, layout.pages, random.Random(f"scan:{seed}"))
        if case.layout == "docx":
            render_docx(layout, path, title, house.header_left)

            def page_of(bi: int, offset: int) -> int:
                return layout.block_first_page[bi]

        else:
            render_pdf(layout, path, title=title, subject=f"Synthetic {case.doc_type.replace('_', ' ')} ({case.country})",
                       keywords="atlas_courts synthetic corpus")
            page_of = layout.page_of
        ocr_pages = sorted(house.scanned_pages)
        frames = [list(map(float, f)) for f in house.frames()]
        n_pages = layout.pages
    gold = build_gold(case, blocks, page_of, file, n_pages, ocr_pages)
    gold_path = os.path.join(out_dir, case.stem + ".gold.json")
    with open(gold_path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return {
        "file": file,
        "gold": case.stem + ".gold.json",
        "country": case.country,
        "language": case.lang,
        "doc_type": case.doc_type,
        "layout": case.layout,
        "pages": n_pages,
        "ocr_pages": ocr_pages,
        "text_frames": frames,
        "pagesize": list(map(float, house.pagesize)) if case.layout != "txt" else None,
        "scheme": case.scheme,
        "sha256": _sha256(path),
    }


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        h.update(fh.read())
    return h.hexdigest()


def _title(case: Case) -> str:
    first = case.defendants[0].name
    if case.lang == "es":
        return f"{case.court} – {case.case_number} – {first}"
    return f"{case.court} – {case.case_number} – {first}"


def build_gold(case: Case, blocks: list[Block], page_of, file: str, pages: int, ocr_pages: list[int]) -> dict:
    statutes: list[dict] = []
    seen_ids: set[str] = set()
    events: list[dict] = []
    seen_events: set[tuple[str, str]] = set()
    for bi, block in enumerate(blocks):
        for span in block.spans:
            text = block.text[span.start : span.end]
            if span.kind == "S":
                for sid in span.meta.split(","):
                    if sid not in seen_ids:
                        seen_ids.add(sid)
                        statutes.append({"id": sid, "text": text, "page": page_of(bi, span.start)})
            elif span.kind == "E":
                etype, iso = span.meta.split("|")
                if (etype, iso) not in seen_events:
                    seen_events.add((etype, iso))
                    events.append({"type": etype, "date": iso, "page": page_of(bi, span.start), "text": text})
    names = case.extra.get("gold_names", {})
    defendants = []
    for i, d in enumerate(case.defendants):
        defendants.append({
            "name": names.get(i, d.name),
            "verdict": d.verdict,
            "charges": [
                {"offence": ch.offence, "category": ch.category, "statutes": list(ch.statutes), "verdict": ch.verdict}
                for ch in d.charges
            ],
            "sentence": d.sentence.gold() if d.sentence and d.verdict in ("convicted", "mixed") else empty_sentence(),
        })
    return {
        "schema": SCHEMA,
        "document": {"file": file, "language": case.lang, "doc_type": case.doc_type, "pages": pages, "ocr_pages": ocr_pages},
        "case": {"country": case.country, "court": case.court, "case_number": case.case_number, "decision_date": case.decision.iso()},
        "defendants": defendants,
        "statutes_cited": statutes,
        "events": events,
        "victims": {"count": len(case.victims), "minors": sum(v.minor for v in case.victims)},
    }
