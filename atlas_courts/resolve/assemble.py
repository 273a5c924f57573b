"""Mentions -> CaseRecord: defendants with charges, verdicts and sentences; statutes; events; victims."""

from __future__ import annotations

import re

from ..extract.offences import about_a_child, category_from_words, is_sexual_offence, offence_key
from ..extract.text import sentence_at, sentences
from ..records import (
    CaseInfo,
    CaseRecord,
    Charge,
    Defendant,
    DocumentInfo,
    Event,
    Extraction,
    Mention,
    StatuteCitation,
    Victims,
)
from . import outcomes as outcomes_mod
from .numbers import parse_number
from .statutes import Catalog

_CHARGE_CONTEXT = re.compile(
    r"\b(?:charg\w*|accus\w*|information|indict\w*|convict\w*|guilty|crimes?\s+of|offen[cs]es?\s+(?:of|under|punishable)|"
    r"registered\s+under|u/s|under\s+sections?|imputa\w*|delitos?|acusaci[oó]n|condena\w*|absuel\w*|absolv\w*|culpable|"
    r"calificad\w*|encuadrad\w*|tipificad\w*|contravenci[oó]n|(?:co-?)?autor(?:es|as?)?)\b",
    re.I,
)
_SNIPPET = 240


def _first(extraction: Extraction, label: str) -> Mention | None:
    found = extraction.of(label)
    return max(found, key=lambda m: m.confidence) if found else None


def assemble(extraction: Extraction, *, versions: dict[str, str] | None = None) -> CaseRecord:
    doc = extraction.document
    text = doc.text
    catalog = Catalog.load()

    court = _first(extraction, "COURT")
    number = _first(extraction, "CASE_NUMBER")
    decided = _first(extraction, "DECISION_DATE")
    doc_type = _first(extraction, "DOC_TYPE")
    country = _first(extraction, "COUNTRY")
    case = CaseInfo(
        country=country.value if country else None,
        court=court.value if court else None,
        case_number=number.value if number else None,
        decision_date=decided.value if decided else None,
    )
    for name, mention in (("court", court), ("case_number", number), ("decision_date", decided), ("country", country)):
        if mention is not None and mention.end > mention.start:
            case.provenance[name] = mention.provenance(doc)

    record = CaseRecord(
        document=DocumentInfo(
            sha256=doc.sha256, file=doc.file, pages=len(doc.pages), ocr_pages=doc.ocr_pages,
            language=doc.language, doc_type=doc_type.value if doc_type else None,
        ),
        case=case,
        versions=dict(versions or {}),
    )
    record.statutes_cited = _statutes(extraction)
    record.events = _events(extraction)
    record.defendants = _defendants(extraction, catalog, record.document.doc_type)
    record.victims = _victims(text)
    return record


# --------------------------------------------------------------------------- statutes


def _statutes(extraction: Extraction) -> list[StatuteCitation]:
    doc = extraction.document
    out: list[StatuteCitation] = []
    seen: set[str] = set()
    for m in extraction.of("STATUTE"):
        reason = m.attrs.get("reason")
        if m.value is None and reason == "whole_instrument":
            continue  # ANNOTATION.md: whole instruments are not listed
        key = m.value or f"?{m.start}"
        if key in seen:
            continue
        seen.add(key)
        out.append(
            StatuteCitation(
                id=m.value, text=re.sub(r"\s+", " ", m.text), page=doc.page_of(m.start),
                subsection=m.attrs.get("subsection"), reason=None if m.value else (reason or "unresolved"),
                provenance=m.provenance(doc),
            )
        )
    return out


# --------------------------------------------------------------------------- events


def _events(extraction: Extraction) -> list[Event]:
    doc = extraction.document
    spans = sentences(doc.text)
    out = []
    for m in extraction.of("EVENT"):
        sent = sentence_at(spans, m.start)
        lo, hi = (sent.start, sent.end) if sent else (max(0, m.start - 120), min(len(doc.text), m.end + 120))
        if hi - lo > _SNIPPET:
            lo = max(lo, m.start - _SNIPPET // 2)
            hi = min(hi, lo + _SNIPPET)
        out.append(
            Event(
                type=m.value["type"], date=m.value["date"], page=doc.page_of(m.start),
                text=re.sub(r"\s+", " ", doc.text[lo:hi]).strip(), provenance=m.provenance(doc),
            )
        )
    out.sort(key=lambda e: (e.provenance.start if e.provenance else 0))
    return out


# --------------------------------------------------------------------------- defendants and charges


def _charges(extraction: Extraction, catalog: Catalog) -> list[tuple[Charge, tuple[int, int]]]:
    """The case's charges: offence phrases in charging or deciding sentences, with the statutes
    cited in the same sentence; statutes charged without an offence name become charges too."""
    doc = extraction.document
    text = doc.text
    spans = sentences(text)
    statutes = [m for m in extraction.of("STATUTE") if m.value]
    footnotes = next((s.start for s in extraction.sections if s.name == "footnotes"), len(text))
    charges: dict[str, tuple[Charge, tuple[int, int]]] = {}
    used_statutes: set[str] = set()

    offences = extraction.of("OFFENCE")
    for i, m in enumerate(offences):
        if m.start >= footnotes:
            continue
        sent = sentence_at(spans, m.start)
        if sent is None or not _CHARGE_CONTEXT.search(text[sent.start : sent.end]):
            continue
        # Several offences in one sentence: each provision goes to the offence named last before
        # it ("convicted of illegal recruitment may also be convicted of estafa under Art. 315");
        # provisions before the first offence go to the first.
        before = [o for o in offences[:i] if o.start >= sent.start]
        after = next((o for o in offences[i + 1 :] if o.start < sent.end), None)
        lo = m.start if before else sent.start
        hi = after.start if after is not None else sent.end
        ids = [s.value for s in statutes if sent.start <= s.start < sent.end and lo <= s.start < hi]
        key = offence_key(m.value)
        if not key:
            continue
        if key in charges:
            charge = charges[key][0]
            for i in ids:
                if i not in charge.statutes:
                    charge.statutes.append(i)
        else:
            charges[key] = (
                Charge(offence=m.value, category=None, statutes=list(dict.fromkeys(ids)), provenance=m.provenance(doc)),
                (sent.start, sent.end),
            )
        used_statutes.update(ids)

    for s in statutes:
        if s.start >= footnotes or s.value in used_statutes:
            continue
        sent = sentence_at(spans, s.start)
        if sent is None:
            continue
        chunk = text[sent.start : sent.end]
        if not re.search(r"\b(?:convicted|charged|offen[cs]e|registered|u/s|guilty|accused|acusad\w*|imputad\w*|delito)\b[^.]{0,80}$",
                         text[sent.start : s.start], re.I):
            continue
        info = catalog.article(s.value)
        if info is None or catalog.category(s.value) in (None, "other") and not re.search(r"convicted|guilty|charged", chunk, re.I):
            # Only substantive penal provisions become charges without an offence name.
            if not _is_penal(s.value):
                continue
        title = getattr(info, "title", None) if info else None
        charges[f"statute:{s.value}"] = (
            Charge(offence=title or re.sub(r"\s+", " ", s.text), category=None, statutes=[s.value], provenance=s.provenance(doc)),
            (sent.start, sent.end),
        )
        used_statutes.add(s.value)

    out: list[tuple[Charge, tuple[int, int]]] = []
    for charge, span in charges.values():
        charge.category = _category(charge, catalog)
        # One offence named several ways ("violating Section 5", "violation of Section 5 of R.A.
        # 7610") is one charge: charges that share a provision are merged, the fuller name kept.
        same = next((c for c, _s in out if set(c.statutes) & set(charge.statutes)), None)
        if same is not None:
            for sid in charge.statutes:
                if sid not in same.statutes:
                    same.statutes.append(sid)
            if len(charge.offence or "") > len(same.offence or "") and charge.category == same.category:
                same.offence = charge.offence
            if same.category == "other" and charge.category != "other":
                same.category = charge.category
            continue
        out.append((charge, span))
    # An offence phrase with neither a provision nor a recognisable category, beside charges
    # that have them, is narration ("the offense for which he was convicted"), not a charge.
    def anchored(c: Charge) -> bool:
        return bool(c.statutes) or category_from_words(c.offence, with_other=True) is not None

    if any(anchored(c) for c, _s in out):
        out = [(c, sp) for c, sp in out if anchored(c)]
    # A sexual offence against a child is sexual exploitation (ANNOTATION.md: adult rape is other).
    text = extraction.document.text
    for c, (a, b) in out:
        if c.category in (None, "other") and is_sexual_offence(c.offence) and about_a_child(text[a:b]):
            c.category = "sexual_exploitation"
        # A charge named only generically ("the offense punished by section 733") takes the
        # category its sentence names ("is 'a pimp or procurer,' guilty of the offense …").
        generic = re.fullmatch(
            r"(?:an?\s+|the\s+)?(?:offen[cs]e|violation|crime|sections?|secs?\.|art(?:icle|[ií]culo)?s?\.?|§)(?:\s+.*)?", c.offence or "", re.I
        )
        if c.category in (None, "other") and generic:
            from_sentence = category_from_words(text[a:b])
            if from_sentence:
                c.category = from_sentence
    # A charge with no provision of its own, of the same category as one that has provisions, is
    # that charge named again ("statutory rape", then "violation of Section 5 of R.A. 7610").
    # ("other" gathers distinct offences — murder and robbery — so it is left alone.)
    with_statutes = {c.category for c, _s in out if c.statutes} - {"other"}
    out = [(c, sp) for c, sp in out if c.statutes or c.category not in with_statutes]
    return out


_PENAL_INSTRUMENTS = re.compile(r":(?:CP|PC|PPC|RPC|OPC|IPC|CC|PL|18USC|8USC|RA\d+|PD\d+|ACT\d+|L\d+|LC|PTPA2018|PSMA2018|EO1979|ATIP2005|ATIPA2551|LPA2541|MSA2015|ITPA1956|CNSA1997|OZEHO1979|PVO1958|PDNCA2004):", re.I)


def _is_penal(statute_id: str) -> bool:
    return bool(_PENAL_INSTRUMENTS.search(statute_id))


def _category(charge: Charge, catalog: Catalog) -> str:
    """The catalog's category of the provisions charged first; the wording otherwise (issue 3)."""
    from_catalog = [catalog.category(s) for s in charge.statutes]
    specific = [c for c in from_catalog if c and c != "other"]
    if specific:
        return specific[0]
    from_words = category_from_words(charge.offence)
    if from_words:
        return from_words
    return "other"


def _defendants(extraction: Extraction, catalog: Catalog, record_type: str | None) -> list[Defendant]:
    doc = extraction.document
    people = [m for m in extraction.of("PERSON") if m.attrs.get("role") == "defendant"]
    people.sort(key=lambda m: m.start)
    decided = outcomes_mod.decide(extraction, people)
    charges = _charges(extraction, catalog)
    out = []
    for person, outcome in zip(people, decided):
        verdict = outcome.verdict
        defendant_charges = []
        acquitted_spans: list[tuple[int, int]] = []
        if verdict == "convicted_and_acquitted":
            acquitted_spans = _acquittal_spans(extraction, person)
        any_acquitted = any_convicted = False
        for charge, span in charges:
            c = Charge(charge.offence, charge.category, list(charge.statutes), charge.verdict, charge.provenance)
            if verdict == "convicted_and_acquitted":
                c.verdict = "acquitted" if _named_in(extraction.document.text, charge, acquitted_spans) else "convicted"
            elif verdict in ("convicted", "acquitted", "dismissed"):
                c.verdict = verdict
            else:
                c.verdict = "unknown"
            any_acquitted |= c.verdict == "acquitted"
            any_convicted |= c.verdict == "convicted"
            defendant_charges.append(c)
        if verdict == "convicted_and_acquitted":
            # ANNOTATION.md: "mixed" needs distinct charges each way; counts of one offence are a conviction.
            verdict = "mixed" if any_acquitted and any_convicted else "convicted"
        if record_type == "order" and verdict in ("convicted", "mixed"):
            # Bail, writ and other orders decide no guilt: the conviction words they contain
            # are about the charges or the law, so the accused's outcome stays unknown.
            verdict = "unknown"
            for c in defendant_charges:
                c.verdict = "unknown"
        sentence = outcome.sentence if verdict in ("convicted", "mixed") else outcomes_mod.Sentence()
        out.append(
            Defendant(
                name=person.value, verdict=verdict, charges=defendant_charges, sentence=sentence,
                provenance=person.provenance(doc),
            )
        )
    return out


def _named_in(text: str, charge: Charge, spans: list[tuple[int, int]]) -> bool:
    """Whether an acquittal sentence names this charge: its offence's words or one of its
    provisions ("1. ABSOLVER a J. C. P. … por el delito de privación ilegítima de la libertad (art. 141 del CP)")."""
    for a, b in spans:
        chunk = text[a:b].lower()
        if re.search(r"\bcounts?\s+of\b", chunk):
            continue  # acquitted on some counts of an offence still convicted on others (ANNOTATION.md)
        if charge.provenance and a <= (charge.provenance.start or 0) < b:
            return True
        key = offence_key(charge.offence or "")
        if key and all(w in chunk for w in key.split()):
            return True
        for sid in charge.statutes:
            article = sid.rsplit(":", 1)[-1]
            if re.search(r"\b(?:art(?:[ií]culo)?s?\.?|sec(?:tion)?s?\.?|§)\s*" + re.escape(article) + r"\b", chunk):
                return True
    return False


def _acquittal_spans(extraction: Extraction, person: Mention) -> list[tuple[int, int]]:
    text = extraction.document.text
    spans = []
    for sec in extraction.sections:
        if sec.name != "operative":
            continue
        for s in sentences(text, sec.start, sec.end):
            if re.search(r"acquit|absuel|absolv|ABSOLVER", text[s.start : s.end], re.I):
                spans.append((s.start, s.end))
    return spans


# --------------------------------------------------------------------------- victims

_VICTIM_COUNT = re.compile(
    r"\b(?P<n>\w+)\s*(?:\(\s*\d+\s*\)\s*)?(?P<what>(?:minor\s+)?(?:victims|private\s+complainants|complainants|persons|workers|girls|boys|children|women|minors|"
    r"v[ií]ctimas|menores(?:\s+de\s+edad)?|personas|trabajador[ae]s|niñ[oa]s|mujeres|hij[oa]s))\b",
    re.I,
)


def _victims(text: str) -> Victims:
    head = text[: max(4000, len(text) // 2)]
    for m in _VICTIM_COUNT.finditer(head):
        n = parse_number(m.group("n"))
        if n is None or not 1 <= n <= 500 or n != int(n):
            continue
        context = text[max(0, m.start() - 80) : m.end() + 40].lower()
        if not re.search(r"victim|v[ií]ctima|complainant|recruit|traffick|trata|explot|abus|hij|offended|agraviad", context):
            continue
        minors = int(n) if re.search(r"minor|girls|boys|children|menores|niñ|hij", m.group("what"), re.I) else None
        return Victims(count=int(n), minors=minors)
    return Victims()
