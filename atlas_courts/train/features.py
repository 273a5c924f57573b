"""Features of the trained classifiers, computed the same way at training and at run time.

Event type of a date: the rules' own evidence (``extract.events.event_features``:
cue distances before and after the date, section, precision, blocked
contexts), what the rules decided for it (type, strong cue, decision date),
where the date stands (relative to the decision date and in the document),
and the words right before and after it.

Verdict of a defendant: what the rules decided (verdict, caption status,
appellant), the verdict cue words in the operative sentences and body clauses
that name the defendant or nobody, and the words around the defendant's name
in the operative part.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..extract.events import event_features, first_dates_only, period_role
from ..extract.parties import name_key
from ..extract.sections import section_of
from ..extract.text import Span, sentence_at, sentences
from ..records import Extraction, Mention

__all__ = ["DateCandidate", "date_candidates", "event_feature_dicts", "DefendantContext", "verdict_feature_dicts"]

_WORD = re.compile(r"[a-z]+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


# --------------------------------------------------------------------------- event type of a date


@dataclass
class DateCandidate:
    mention: Mention  # the DATE (or decision date) mention
    decision: bool  # it is the document's own decision date
    rule_type: str | None  # the rules' event type for it, if any
    rule_method: str | None


def date_candidates(extraction: Extraction) -> list[DateCandidate]:
    """Every date the event rules consider (first dates of ranges, and the decision date)."""
    text = extraction.document.text
    dates = first_dates_only(text, sorted(extraction.of("DATE"), key=lambda m: m.start))
    decision = next(iter(extraction.of("DECISION_DATE")), None)
    events = {(m.start, m.end): m for m in extraction.of("EVENT") if isinstance(m.value, dict)}
    out = []
    seen = set()
    for d in dates:
        if d.value is None:
            continue
        e = events.get((d.start, d.end))
        is_decision = decision is not None and d.start == decision.start
        out.append(DateCandidate(d, is_decision, e.value["type"] if e else None, e.method if e else None))
        seen.add(d.start)
    if decision is not None and decision.value and decision.start not in seen:
        e = events.get((decision.start, decision.end))
        mention = Mention("DATE", decision.start, decision.end, decision.text, value=decision.value,
                          attrs={"precision": "day"})
        out.append(DateCandidate(mention, True, e.value["type"] if e else None, e.method if e else None))
    out.sort(key=lambda c: c.mention.start)
    return out


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge:g}"
    return f">{edges[-1]:g}"


def _top_cue(feats: dict[str, float]) -> str | None:
    scores: dict[str, float] = {}
    for k, v in feats.items():
        if k.startswith("before:"):
            scores[k[7:]] = scores.get(k[7:], 0.0) + v
        elif k.startswith("after:"):
            scores[k[6:]] = scores.get(k[6:], 0.0) + 0.6 * v
    return max(scores, key=lambda t: (scores[t], t)) if scores else None


def event_feature_dicts(extraction: Extraction, candidates: list[DateCandidate], *, before: int = 80,
                        after: int = 40) -> list[dict[str, float]]:
    text = extraction.document.text
    spans = sentences(text)
    secs = extraction.sections
    doc_type = next((m.value for m in extraction.of("DOC_TYPE")), None)
    decision = next(iter(extraction.of("DECISION_DATE")), None)
    decided = decision.value if decision is not None else None
    lang = extraction.document.language or "unknown"
    counts: dict[str, int] = {}
    for c in candidates:
        counts[c.mention.value] = counts.get(c.mention.value, 0) + 1
    seen: set[str] = set()
    out = []
    n = max(1, len(text))
    typed = {c.rule_type for c in candidates if c.rule_type}
    plausible = sorted({c.mention.value for c in candidates if not decided or c.mention.value[:10] <= decided[:10]})
    rank = {v: i for i, v in enumerate(plausible)}
    for c in candidates:
        d = c.mention
        section = section_of(secs, d.start)
        feats = dict(event_features(text, d, sentence_at(spans, d.start), section))
        role = period_role(text, d)
        if role:
            feats[f"period={role}"] = 1.0
        feats[f"rule={c.rule_type or 'none'}"] = 1.0
        if c.rule_method:
            kind = "strong" if ".strong." in c.rule_method else "decision" if ".decision." in c.rule_method else "cue"
            feats[f"rule_how={kind}"] = 1.0
            feats[f"rule={c.rule_type}&how={kind}"] = 1.0
        if c.decision:
            feats["decision_date"] = 1.0
            feats[f"decision_date&doc_type={doc_type}"] = 1.0
        feats[f"doc_type={doc_type}"] = 1.0
        feats[f"lang={lang}"] = 1.0
        feats[f"section={section}&lang={lang}"] = 1.0
        if decided and len(decided) >= 4:
            value = d.value
            if value[:10] > decided[:10]:
                feats["after_decision"] = 1.0
            elif value[:10] == decided[:10]:
                feats["same_as_decision"] = 1.0
            else:
                years = int(decided[:4]) - int(value[:4])
                feats[f"years_before={_bucket(years, (0, 1, 3, 10, 40))}"] = 1.0
        feats[f"position={_bucket(d.start / n, (0.05, 0.2, 0.5, 0.8, 0.95))}"] = 1.0
        if d.value in rank:
            feats[f"value_rank={min(rank[d.value], 3)}"] = 1.0
            if rank[d.value] == len(rank) - 1:
                feats["latest_plausible"] = 1.0
        cue = _top_cue(feats)
        if cue:
            feats[f"top_cue={cue}"] = 1.0
            feats[f"top_cue={cue}&section={section}"] = 1.0
            if cue not in typed:
                feats[f"top_cue={cue}&untyped_in_doc"] = 1.0
        feats[f"occurrences={min(counts[d.value], 3)}"] = 1.0
        if d.value in seen:
            feats["repeated"] = 1.0
        seen.add(d.value)
        for w in _words(text[max(0, d.start - before) : d.start])[-8:]:
            feats[f"w<{w}"] = 1.0
        for w in _words(text[d.end : d.end + after])[:5]:
            feats[f"w>{w}"] = 1.0
        out.append(feats)
    return out


# --------------------------------------------------------------------------- verdict of a defendant


@dataclass
class DefendantContext:
    mention: Mention  # the PERSON mention (role defendant)
    rule_verdict: str


def _keys(people: list[Mention], i: int) -> set[str]:
    mine = name_key(people[i].value or people[i].text)
    others: set[str] = set()
    for j, p in enumerate(people):
        if j != i:
            others |= name_key(p.value or p.text)
    keep = {t for t in (mine - others or mine) if len(t) >= 4}
    return keep


def _named(chunk: str, key: set[str]) -> list[int]:
    folded = _fold(chunk)
    return sorted(m.start() for t in key for m in re.finditer(r"(?<![a-z0-9])" + re.escape(t) + r"(?![a-z0-9])", folded))


def verdict_feature_dicts(extraction: Extraction, defendants: list[DefendantContext], *,
                          context: int = 60) -> list[dict[str, float]]:
    text = extraction.document.text
    people = [d.mention for d in defendants]
    cues = sorted(extraction.of("VERDICT"), key=lambda m: m.start)
    penalties = extraction.of("PENALTY")
    operative = [s for s in extraction.sections if s.name == "operative"]
    op_sents = [s for sec in operative for s in sentences(text, sec.start, sec.end)]
    body_end = operative[0].start if operative else len(text)
    starts = [c.start for c in cues]

    def cues_in(span: Span) -> list[Mention]:
        return cues[bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)]

    body_sents = [s for s in sentences(text, 0, body_end) if cues_in(s)] if cues else []
    doc_type = next((m.value for m in extraction.of("DOC_TYPE")), None)
    lang = extraction.document.language or "unknown"
    keys = [_keys(people, i) for i in range(len(people))]
    out = []
    for i, d in enumerate(defendants):
        attrs = d.mention.attrs or {}
        feats: dict[str, float] = {
            f"rule={d.rule_verdict}": 1.0,
            f"rule={d.rule_verdict}&doc_type={doc_type}": 1.0,
            f"doc_type={doc_type}": 1.0,
            f"lang={lang}": 1.0,
            f"status={attrs.get('status')}": 1.0,
            f"appellant={bool(attrs.get('appellant'))}": 1.0,
            f"defendants={min(len(defendants), 4)}": 1.0,
            f"operative={'yes' if operative else 'no'}": 1.0,
        }
        named_op = 0
        for s in op_sents:
            in_s = cues_in(s)
            names = _named(text[s.start : s.end], keys[i])
            others = any(_named(text[s.start : s.end], keys[j]) for j in range(len(people)) if j != i)
            where = "op_named" if names else "op_other" if others else "op_nobody"
            for c in in_s:
                feats[f"{where}:{c.value}"] = feats.get(f"{where}:{c.value}", 0.0) + 1.0
            if names:
                named_op += 1
                if any(s.start <= p.start < s.end for p in penalties):
                    feats["op_named_penalty"] = 1.0
                for pos in names:
                    at = s.start + pos
                    for w in _words(text[max(s.start, at - context) : at])[-6:]:
                        feats[f"opw<{w}"] = 1.0
                    for w in _words(text[at : min(s.end, at + context)])[1:7]:
                        feats[f"opw>{w}"] = 1.0
                    if in_s:
                        best = min(in_s, key=lambda c: abs(c.start - at))
                        feats[f"op_nearest:{best.value}"] = 1.0
        feats[f"named_in_operative={min(named_op, 3)}"] = 1.0
        for s in body_sents:
            names = _named(text[s.start : s.end], keys[i])
            if not names:
                continue
            at = s.start + names[0]
            in_s = [c for c in cues_in(s) if c.value in ("convicted", "acquitted", "dismissed", "unknown")]
            if in_s:
                best = min(in_s, key=lambda c: abs(c.start - at))
                feats[f"body_nearest:{best.value}"] = feats.get(f"body_nearest:{best.value}", 0.0) + 1.0
        for k, v in list(feats.items()):
            if v > 1.0:
                feats[k] = 1.0 + (v - 1.0) ** 0.5 / 2  # counts grow slowly
        out.append(feats)
    return out


def record_defendants(extraction: Extraction, record: dict[str, Any]) -> list[DefendantContext]:
    """The record's defendants with their PERSON mentions (resolve keeps their order)."""
    people = sorted((m for m in extraction.of("PERSON") if (m.attrs or {}).get("role") == "defendant"), key=lambda m: m.start)
    out = []
    for mention, d in zip(people, record.get("defendants") or []):
        out.append(DefendantContext(mention, d.get("verdict") or "unknown"))
    return out
