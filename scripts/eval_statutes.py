"""Measure the statute citation finder against the gold records of the dev corpus.

    .venv/bin/python scripts/eval_statutes.py [--corpus ../shared/corpus/dev] [--quiet] [--json]

For each ``<stem>.gold.json`` beside a document, reads the document's text (PDF
through pdfplumber, DOCX through python-docx), runs ``find_citations`` with the
gold's country, language and decision year as hints, and compares the set of
resolved ids with the set of gold ``statutes_cited`` ids (null ids are left
out on both sides). Prints micro-averaged precision, recall and F1 overall, per
language and per country, and the false positives / negatives per document.

Extracted texts are cached under /tmp/atlas_texts/ (keyed by file name, size
and mtime) so reruns are fast.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from atlas_courts.resolve.statutes import Catalog, find_citations  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
CACHE = Path("/tmp/atlas_texts")
# Image-only PDFs: no text layer, reported apart (OCR is ingest's business).
IMAGE_ONLY = (
    "ph-sc-lawphil__1948_GR-L-1710-and-L-1711",
    "ph-sc-lawphil__1949_GR-L-1978",
)


def _cache_path(path: Path) -> Path:
    st = path.stat()
    key = hashlib.sha1(f"{path.name}:{st.st_size}:{int(st.st_mtime)}".encode()).hexdigest()[:12]
    return CACHE / f"{path.stem}.{key}.txt"


def read_text(path: Path) -> str:
    cached = _cache_path(path)
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    if path.suffix.lower() == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            text = "\n".join(page.extract_text(x_tolerance=1.5) or "" for page in pdf.pages)
    elif path.suffix.lower() == ".docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(text, encoding="utf-8")
    return text


def find_document(gold_path: Path) -> Path | None:
    stem = gold_path.name[: -len(".gold.json")]
    for ext in (".pdf", ".docx", ".txt"):
        candidate = gold_path.with_name(stem + ext)
        if candidate.exists():
            return candidate
    return None


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(corpus: Path, *, include_image_only: bool = False) -> dict:
    """Run the finder over every gold document; return counts and per-document errors."""
    catalog = Catalog.load()
    docs = []
    skipped = []
    for gold_path in sorted(corpus.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        doc_path = find_document(gold_path)
        if doc_path is None:
            skipped.append((stem, "no document"))
            continue
        if not include_image_only and stem.startswith(IMAGE_ONLY):
            skipped.append((stem, "image-only PDF"))
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        country = (gold.get("case") or {}).get("country")
        lang = (gold.get("document") or {}).get("language")
        date = (gold.get("case") or {}).get("decision_date") or ""
        year = int(date[:4]) if date[:4].isdigit() else None
        text = read_text(doc_path)
        cites = find_citations(text, lang=lang, country=country, decision_year=year, catalog=catalog)
        predicted = {c.id for c in cites if c.id}
        expected = {s["id"] for s in gold.get("statutes_cited", []) if s.get("id")}
        first_text = {}
        for c in cites:
            if c.id and c.id not in first_text:
                first_text[c.id] = c.text
        docs.append(
            {
                "stem": stem,
                "country": country,
                "lang": lang,
                "tp": len(predicted & expected),
                "fp": sorted(predicted - expected),
                "fn": sorted(expected - predicted),
                "fp_text": {i: first_text[i] for i in predicted - expected},
                "fn_text": {
                    s["id"]: s["text"] for s in gold.get("statutes_cited", []) if s.get("id") in expected - predicted
                },
            }
        )
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for d in docs:
        for key in ("all", f"lang={d['lang']}", f"country={d['country']}"):
            g = groups[key]
            g[0] += d["tp"]
            g[1] += len(d["fp"])
            g[2] += len(d["fn"])
    scores = {k: dict(zip(("tp", "fp", "fn"), v)) | dict(zip(("p", "r", "f1"), _prf(*v))) for k, v in groups.items()}
    return {"scores": scores, "documents": docs, "skipped": skipped}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--quiet", action="store_true", help="scores only, no per-document errors")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--include-image-only", action="store_true")
    args = ap.parse_args(argv)
    result = evaluate(args.corpus, include_image_only=args.include_image_only)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    print(f"{'group':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    order = sorted(result["scores"], key=lambda k: (k != "all", k.split("=")[0] != "lang", k))
    for key in order:
        s = result["scores"][key]
        print(f"{key:<16}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}")
    for stem, why in result["skipped"]:
        print(f"skipped {stem}: {why}")
    if not args.quiet:
        for d in result["documents"]:
            if not d["fp"] and not d["fn"]:
                continue
            print(f"\n## {d['stem']} ({d['country']}, {d['lang']}) tp={d['tp']}")
            for i in d["fp"]:
                print(f"  FP {i:<22} {d['fp_text'][i][:90]!r}")
            for i in d["fn"]:
                print(f"  FN {i:<22} {d['fn_text'][i][:90]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
