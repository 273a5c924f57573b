"""Field-by-field comparison of a predicted case record with a gold one.

Every field is scored as sets of items per document, then micro-averaged:
an item in both is a true positive, only predicted a false positive, only
gold a false negative. Single-valued fields (court, decision date) are a set
of at most one item, so a wrong value counts once as FP and once as FN.

Defendants are paired by name (the gold is written by a reader, the
prediction by rules: spelling, case, "y" surnames and aliases differ), then
per-defendant fields are items keyed by the gold defendant they matched.

The fields are those listed under Evaluation in DESIGN.md; ``doc_type``,
``defendants`` and ``victims`` are reported as well because analysts asked
for them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

FIELDS = (
    "court",
    "case_number",
    "decision_date",
    "doc_type",
    "defendants",
    "verdict",
    "imprisonment",
    "charge_category",
    "charge_statutes",
    "statutes",
    "events",
    "victims",
)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        d = self.tp + self.fp
        return self.tp / d if d else None

    @property
    def recall(self) -> float | None:
        d = self.tp + self.fn
        return self.tp / d if d else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        def rnd(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": rnd(self.precision),
            "recall": rnd(self.recall),
            "f1": rnd(self.f1),
        }


def compare_sets(pred: Iterable[Any], gold: Iterable[Any]) -> tuple[Counts, set, set]:
    """Counts for two collections compared as sets; also the FP and FN items."""
    p, g = set(pred), set(gold)
    return Counts(len(p & g), len(p - g), len(g - p)), p - g, g - p


# --------------------------------------------------------------------------- normalising


def fold(text: str) -> str:
    """Lower case, accents removed, runs of non-alphanumerics to one space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


_COURT_STOP = {"the", "of", "de", "del", "la", "el", "en", "lo", "y", "and", "at", "in"}


def court_key(court: str | None) -> frozenset[str] | None:
    if not court:
        return None
    words = fold(court).replace("nro", "no").replace("numero", "no").split()
    return frozenset(w for w in words if w not in _COURT_STOP and w not in {"no", "n"})


def courts_match(pred: str | None, gold: str | None) -> bool:
    """Same court: the content words agree (order, case and punctuation do not matter)."""
    a, b = court_key(pred), court_key(gold)
    return a is not None and a == b


def case_number_key(number: str | None) -> str | None:
    """Normalised case number: "G.R. Nos. 140067-71" and "G.R. No.140067" give the same key.

    ANNOTATION.md: several joined numbers give the first, written as in the
    document; the full form matches too. So trailing ranges ("-71", "-80")
    and lists ("& L-1711", "and 138432") are dropped after the first number.
    """
    if not number:
        return None
    text = re.sub(r"\b(N)os\b", r"\1o", number, flags=re.I)
    # a list after the first number: "L-1710 and L-1711", "138431 & 138432", "Q-1, Q-2"
    text = re.split(r"(?<=\d)\s*(?:,|&|\band\b|\by\b)\s*", text, maxsplit=1)[0]
    # a range tail shorter than the number it abbreviates: "140067-71", "129577-80"
    text = re.sub(r"(\d{4,})\s*[-–]\s*\d{1,3}$", r"\1", text.strip())
    text = re.sub(r"\b(?:n|nro|num|numero)\b", "no", fold(text))
    text = re.sub(r"\bcrl\b", "criminal", text)
    # Generic labels are not part of the number: "Causa N° 2795/2016" is "2795/2016";
    # labels that say what kind of case it is ("Criminal Appeal", "Black Case") stay.
    text = re.sub(r"^(?:causa|expte|expediente|legajo|caso|nurej|case|docket)(?:\s+no)?\s+", "", text)
    return text.replace(" ", "")


def case_numbers_match(pred: str | None, gold: str | None) -> bool:
    a, b = case_number_key(pred), case_number_key(gold)
    return a is not None and a == b


_NAME_NOISE = {
    "mst", "mr", "mrs", "ms", "alias", "y", "and", "et", "al", "otros", "others", "the", "de", "la",
    "del", "dela", "don", "dona", "sr", "jr", "accused", "appellant", "appellants",
}


def name_tokens(name: str) -> set[str]:
    return {t for t in fold(name).split() if t not in _NAME_NOISE and len(t) > 1}


def match_defendants(pred: list[dict], gold: list[dict]) -> dict[int, int]:
    """Greedy one-to-one pairing predicted index -> gold index by name overlap.

    Two names pair when they share at least half of the shorter name's
    content tokens (so "Alvin Amployo" pairs with "ALVIN AMPLOYO y EBALADA",
    "Rowena Eslabon-Dionisio" with "Rowena Eslabon Dionisio").
    """
    scored: list[tuple[float, int, int]] = []
    for i, p in enumerate(pred):
        pt = name_tokens(p.get("name") or "")
        for j, g in enumerate(gold):
            gt = name_tokens(g.get("name") or "")
            if not pt or not gt:
                continue
            shared = len(pt & gt)
            if shared and shared >= min(len(pt), len(gt)) / 2:
                scored.append((shared / max(len(pt), len(gt)), i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _term(sentence: dict | None) -> str | None:
    """A defendant's custodial outcome as one comparable value."""
    if not sentence:
        return None
    if sentence.get("death"):
        return "death"
    if sentence.get("life"):
        return "life"
    months = sentence.get("imprisonment_months")
    if months is None:
        return None
    return f"{round(float(months), 1):g}"


# --------------------------------------------------------------------------- per document


def score_record(pred: dict, gold: dict) -> dict[str, tuple[Counts, set, set]]:
    """Per-field counts (and FP / FN items, for the error listing) for one document."""
    out: dict[str, tuple[Counts, set, set]] = {}
    pc, gc = pred.get("case") or {}, gold.get("case") or {}

    def single(name: str, pv: Any, gv: Any, same) -> None:
        if pv is not None and gv is not None and same(pv, gv):
            out[name] = (Counts(1, 0, 0), set(), set())
        else:
            out[name] = (
                Counts(0, int(pv is not None), int(gv is not None)),
                {pv} if pv is not None else set(),
                {gv} if gv is not None else set(),
            )

    single("court", pc.get("court"), gc.get("court"), courts_match)
    single("case_number", pc.get("case_number"), gc.get("case_number"), case_numbers_match)
    single("decision_date", pc.get("decision_date"), gc.get("decision_date"), lambda a, b: a == b)
    single(
        "doc_type",
        (pred.get("document") or {}).get("doc_type"),
        (gold.get("document") or {}).get("doc_type"),
        lambda a, b: a == b,
    )

    pdefs, gdefs = pred.get("defendants") or [], gold.get("defendants") or []
    pairs = match_defendants(pdefs, gdefs)

    def key(i: int) -> str:
        """The gold name a predicted defendant matched, or its own (unmatched) name."""
        return gdefs[pairs[i]]["name"] if i in pairs else "?" + (pdefs[i].get("name") or "")

    out["defendants"] = compare_sets((key(i) for i in range(len(pdefs))), (g["name"] for g in gdefs))
    out["verdict"] = compare_sets(
        ((key(i), d.get("verdict")) for i, d in enumerate(pdefs)),
        ((g["name"], g.get("verdict")) for g in gdefs),
    )
    out["imprisonment"] = compare_sets(
        ((key(i), t) for i, d in enumerate(pdefs) if (t := _term(d.get("sentence"))) is not None),
        ((g["name"], t) for g in gdefs if (t := _term(g.get("sentence"))) is not None),
    )
    out["charge_category"] = compare_sets(
        ((key(i), c.get("category")) for i, d in enumerate(pdefs) for c in d.get("charges") or []),
        ((g["name"], c.get("category")) for g in gdefs for c in g.get("charges") or []),
    )
    out["charge_statutes"] = compare_sets(
        ((key(i), s) for i, d in enumerate(pdefs) for c in d.get("charges") or [] for s in c.get("statutes") or []),
        ((g["name"], s) for g in gdefs for c in g.get("charges") or [] for s in c.get("statutes") or []),
    )
    out["statutes"] = compare_sets(
        (s["id"] for s in pred.get("statutes_cited") or [] if s.get("id")),
        (s["id"] for s in gold.get("statutes_cited") or [] if s.get("id")),
    )
    out["events"] = compare_sets(
        ((e.get("type"), e.get("date")) for e in pred.get("events") or []),
        ((e.get("type"), e.get("date")) for e in gold.get("events") or []),
    )
    pv, gv = pred.get("victims") or {}, gold.get("victims") or {}
    out["victims"] = compare_sets(
        ((k, pv.get(k)) for k in ("count", "minors") if pv.get(k) is not None),
        ((k, gv.get(k)) for k in ("count", "minors") if gv.get(k) is not None),
    )
    return out
