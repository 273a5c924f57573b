"""Victim-name redaction recall on the dev corpus.

For each annotated victim, witness or minor mention: is it inside a span the
publish redactor replaces (``DocumentRedactor.spans``)? Recall = redacted /
annotated, per source, with n (mentions). The redactor of each document is
built as publish builds it: from the document's whole text, with the gold
record's defendants as the known defendants.

Sources:
  labelstudio:denunciante  Label Studio NOMBRE spans whose NOMBRE choice is
                           ``denunciante`` (the complainant: the victim), in
                           the annotated text of the AymurAI rulings.
  labelstudio:persons      every other Label Studio NOMBRE span of a person who
                           is neither the accused (``acusadx``, or a gold
                           defendant's surname) nor a court officer signing or
                           acting in office (``firma``, or the NOMBRE text
                           preceded by an officer's title: Juez, Fiscal,
                           Defensor, Secretari-, abogad-, letrad-, Dr.): the
                           complainants, children, relatives and witnesses of
                           these rulings.
  dev:named-victims        every occurrence, in the ingested dev text, of the
                           victims, witnesses and minors a reader of the dev
                           judgments names in VICTIMS below.

Usage: python scripts/privacy_recall.py [--corpus ../shared/corpus] [--details]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atlas_courts.privacy import detect  # noqa: E402
from atlas_courts.privacy.names import fold  # noqa: E402
from atlas_courts.privacy.redact import DocumentRedactor  # noqa: E402

# Victims, witnesses and minors named in dev judgments (by a reader, from the
# judgments' own words: "the offended party X", "private complainant X",
# "abductee X (PW-8)", "del testigo X, DNI ...").
VICTIMS: dict[str, list[str]] = {
    "ph-sc-lawphil__2001_GR-125081_people-v-pascua-et-al": [],
    "ph-sc-lawphil__2002_GR-141221-36_people-v-hernandez-reichl": ["Narcisa Hernandez", "Melanie Bautista", "Charito Balmes"],
    "ph-sc-lawphil__2001_GRs-138431-36_people-v-arabia-and-tomas": ["Noel de la Cruz"],
    "ph-sc-lawphil__2003_GR-123146_people-v-buli-e-and-alolino": ["Araceli Abenoja"],
    "ph-sc-lawphil__2000_GR-125903_people-v-saulo-et-al": ["Marlon B. Sotero"],
    "pk-lhc__2020LHC4477_crl-appeal-1518-2014": ["Muhammad Hashim"],
    "pk-lhc__2023LHC124_state-v-shazam-ali": ["Malik Muhammad Raza", "Muhammad Imtiaz"],
    "pk-lhc__2024LHC4466_abdul-basit-v-state": ["Nadia Shaheen"],
    "ar-caba-aymurai__document-05": ["CINTIA LOPEZ"],
    "ar-caba-aymurai__document-09": [
        "JUANA LOPEZ", "Laura Peretti", "Julio César MOLINA", "Juan José Sánchez", "Sebastián Eloy Castrellón",
        "Victoria Inés Machicote", "Bernardita Lioy Lupis", "María Martha Scorticati",
    ],
    "ar-caba-aymurai__document-01": ["SUSANA ALVAREZ"],
}
OFFICER = re.compile(
    r"(?:juez[a]?|fiscal(?:[íi]a)?|defensor[a]?(?:\s+oficial)?|secretari[oa]|prosecretari[oa](?:\s+coadyuvante)?|"
    r"abogad[oa]|letrad[oa]|dr[a]?\.|asesor[a]?|titular|lic\.|licenciad[oa]|psic[óo]log[oa]|perito|ministr[oa])"
    r"[\s:,]*(?:[A-Z][\w.]*\s*){0,1}$",
    re.IGNORECASE,
)


def _redactor(text: str, defendants: list[str]) -> tuple[DocumentRedactor, list[tuple[int, int]]]:
    redactor = DocumentRedactor(text, detect(text, [(d, "defendant") for d in defendants]))
    return redactor, redactor.spans(text)


def _protected_spans(redactor: DocumentRedactor, text: str) -> list[tuple[int, int]]:
    """Spans replaced by a placeholder of a protected person or an identifier (not initials)."""
    out = []
    if redactor._pattern is not None:  # noqa: SLF001 - the script inspects the redactor
        for m in redactor._pattern.finditer(text):  # noqa: SLF001
            if redactor._placeholder(m.group(0)).startswith("["):  # noqa: SLF001
                out.append(m.span())
    return out


def _covered(start: int, end: int, spans: list[tuple[int, int]], text: str) -> bool:
    """Every letter of text[start:end] lies inside a redacted span."""
    letters = [i for i in range(start, end) if text[i].isalpha()]
    return bool(letters) and all(any(s <= i < e for s, e in spans) for i in letters)


def _realign(text: str, start: int, end: int, written: str) -> tuple[int, int]:
    """Some exported spans are shifted (document-05): the span's own text, nearest to where it says it is."""
    if not written or text[start:end] == written:
        return start, end
    hits = [m.start() for m in re.finditer(re.escape(written), text)]
    if not hits:
        return start, end
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(written)


def _gold_defendants(corpus: Path, stem: str) -> list[str]:
    gold = corpus / "dev" / f"{stem}.gold.json"
    if not gold.is_file():
        return []
    return [d["name"] for d in json.loads(gold.read_text(encoding="utf-8")).get("defendants", []) if d.get("name")]


def label_studio(corpus: Path, details: bool) -> dict[str, list[int]]:
    tasks = json.loads((corpus / "annotations" / "aymurai-labelstudio" / "annotations.json").read_text(encoding="utf-8"))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for task in tasks:
        text = task["data"]["text"]
        stem = "ar-caba-aymurai__" + Path(task["data"].get("meta_info", {}).get("path", "x")).stem
        defendants = _gold_defendants(corpus, stem)
        surnames = {fold(d.replace(",", " ").split()[-1]) for d in defendants} | {
            fold(d.split(",")[0]) for d in defendants if "," in d}
        redactor, _ = _redactor(text, defendants)
        spans = _protected_spans(redactor, text)
        choices, names = {}, []
        for ann in task["annotations"]:
            for r in ann["result"]:
                v = r.get("value", {})
                if r.get("from_name") == "NOMBRE" and "choices" in v:
                    choices[_realign(text, v["start"], v["end"], v.get("text", ""))] = v["choices"][0]
                if v.get("labels") == ["NOMBRE"]:
                    names.append(_realign(text, v["start"], v["end"], v.get("text", "")))
        accused = {fold(text[s:e]).strip(" .,;:") for (s, e), c in choices.items() if c == "acusadx"}
        for s, e in sorted(set(names)):
            mention = fold(text[s:e]).strip(" .,;:")
            choice = choices.get((s, e))
            if choice == "denunciante":
                source = "labelstudio:denunciante"
            elif choice in ("acusadx", "firma") or mention in accused:
                continue
            elif any(w.strip(",") in surnames for w in mention.split()):
                continue  # the accused, by surname
            elif OFFICER.search(text[max(0, s - 40) : s]):
                continue
            else:
                source = "labelstudio:persons"
            ok = _covered(s, e, spans, text)
            counts[source][0] += ok
            counts[source][1] += 1
            if details and not ok:
                print(f"  missed [{source}] {stem}: {text[max(0, s - 60):e + 30]!r}".replace("\n", " "))
    return counts


def dev_named(corpus: Path, details: bool) -> dict[str, list[int]]:
    from atlas_courts.pipeline import _ingest_cached

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for stem, victims in VICTIMS.items():
        files = [p for p in (corpus / "dev").glob(f"{stem}.*") if p.suffix in (".pdf", ".docx")]
        if not files or not victims:
            continue
        doc = _ingest_cached(files[0], max_pages=2000, max_file_mb=200, ocr=True, cache_dir=Path("/tmp/atlas-cache"))
        text = doc.text
        redactor, _ = _redactor(text, _gold_defendants(corpus, stem))
        spans = _protected_spans(redactor, text)
        for name in victims:
            pattern = re.compile(r"\s+".join(re.escape(w) for w in name.split()), re.IGNORECASE)
            for m in pattern.finditer(text):
                ok = _covered(m.start(), m.end(), spans, text)
                counts["dev:named-victims"][0] += ok
                counts["dev:named-victims"][1] += 1
                if details and not ok:
                    print(f"  missed [dev] {stem}: {text[max(0, m.start() - 60):m.end() + 30]!r}".replace("\n", " "))
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--details", action="store_true", help="print each missed mention")
    args = parser.parse_args()
    counts = {**label_studio(args.corpus, args.details), **dev_named(args.corpus, args.details)}
    total = [sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())]
    print(f"{'source':28} {'redacted':>8} {'n':>5} {'recall':>7}")
    for source, (ok, n) in sorted(counts.items()) + [("all", total)]:
        print(f"{source:28} {ok:>8} {n:>5} {ok / n if n else float('nan'):>7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
