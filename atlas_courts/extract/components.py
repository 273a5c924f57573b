"""spaCy components of the extraction pipeline, registered by versioned name.

Every component reads the document text and appends ``Mention`` records (exact
character spans) to ``doc._.mentions``; the same spans are mirrored into
``doc.spans[label]`` (token-aligned, for display and training). Context that
is not in the text (language, country hint) travels in ``doc._.atlas``.

The pipelines are ``spacy.blank(lang)`` plus these components; nothing is
downloaded (DESIGN.md: no stage touches the network).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Mention
from ..resolve.dates import find_dates
from ..resolve.durations import find_penalties
from ..resolve.money import find_money
from ..resolve.statutes import Catalog, find_citations
from . import caption, events, offences, parties, sections, verdicts
from .text import sentences as split_sentences

for _name, _default in (("mentions", None), ("sections", None), ("sentences", None), ("atlas", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

# Countries whose courts write numeric dates month first.
_MONTH_FIRST = {"US"}


def _add(doc: Doc, mentions: list[Mention]) -> None:
    if doc._.mentions is None:
        doc._.mentions = []
    doc._.mentions.extend(mentions)
    for m in mentions:
        if m.end <= m.start:
            continue
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is not None:
            doc.spans.setdefault(m.label, []).append(span)


def _ctx(doc: Doc) -> dict:
    if doc._.atlas is None:
        doc._.atlas = {}
    return doc._.atlas


def _text(doc: Doc) -> str:
    """The document text. ``doc.text`` rebuilds the string from every token on each access
    (a third of the pipeline's time on long judgments), so it is kept once in the context."""
    ctx = _ctx(doc)
    if "text" not in ctx:
        ctx["text"] = doc.text
    return ctx["text"]


def _of(doc: Doc, label: str) -> list[Mention]:
    return [m for m in doc._.mentions or [] if m.label == label]


@Language.factory("atlas_structure", default_config={})
def make_structure(nlp: Language, name: str):
    def structure(doc: Doc) -> Doc:
        doc._.sections = sections.find_sections(_text(doc))
        doc._.sentences = split_sentences(_text(doc))
        if doc._.mentions is None:
            doc._.mentions = []
        return doc

    return structure


@Language.factory("atlas_caption", default_config={})
def make_caption(nlp: Language, name: str):
    """Court, country, case number, document type (the date comes after dates are known)."""

    def caption_component(doc: Doc) -> Doc:
        ctx = _ctx(doc)
        secs = doc._.sections or []
        court = caption.find_court(_text(doc), secs, ctx.get("lang"), running_header=ctx.get("running_header", ""))
        _add(doc, court)
        _add(doc, caption.find_case_number(_text(doc), secs))
        country = caption.find_country(_text(doc), court[0] if court else None, [])
        if country and not ctx.get("country"):
            ctx["country"] = country[0].value
            _add(doc, country)
        court_name = court[0].value if court else None
        _add(doc, caption.find_doc_type(_text(doc), secs, court_name))
        return doc

    return caption_component


@Language.factory("atlas_statutes", default_config={})
def make_statutes(nlp: Language, name: str):
    catalog = Catalog.load()

    def statutes(doc: Doc) -> Doc:
        ctx = _ctx(doc)
        found = []
        decided = _of(doc, "DECISION_DATE")
        year = int(decided[0].value[:4]) if decided and decided[0].value else None
        for c in find_citations(_text(doc), lang=ctx.get("lang"), country=ctx.get("country"), catalog=catalog,
                                decision_year=year):
            found.append(
                Mention(
                    "STATUTE", c.start, c.end, c.text, value=c.id, method="rule:statute.v1",
                    confidence=0.9 if c.id else 0.3,
                    attrs={"article": c.article, "subsection": c.subsection, "instrument": c.instrument, "reason": c.reason},
                )
            )
        _add(doc, found)
        if not ctx.get("country"):
            countries = [m.value.split(":")[0] for m in found if m.value]
            if countries:
                ctx["country"] = max(set(countries), key=countries.count)
                _add(doc, [Mention("COUNTRY", 0, 0, "", value=ctx["country"], method="rule:country.statutes.v1", confidence=0.5)])
        return doc

    return statutes


@Language.factory("atlas_dates", default_config={})
def make_dates(nlp: Language, name: str):
    def dates(doc: Doc) -> Doc:
        ctx = _ctx(doc)
        dayfirst = ctx.get("country") not in _MONTH_FIRST
        found = [
            Mention("DATE", d.start, d.end, d.text, value=d.value, method="rule:dates.v1", confidence=0.95,
                    attrs={"precision": d.precision})
            for d in find_dates(_text(doc), ctx.get("lang"), dayfirst=dayfirst)
        ]
        _add(doc, found)
        decision = caption.find_decision_date(_text(doc), doc._.sections or [], ctx.get("lang"), dayfirst=dayfirst)
        _add(doc, decision)
        return doc

    return dates


@Language.factory("atlas_amounts", default_config={})
def make_amounts(nlp: Language, name: str):
    """Money amounts and penalty terms."""

    def amounts(doc: Doc) -> Doc:
        ctx = _ctx(doc)
        lang = ctx.get("lang")
        _add(
            doc,
            [
                Mention("MONEY", m.start, m.end, m.text, value={"amount": m.amount, "currency": m.currency},
                        method="rule:money.v1", confidence=0.9 if m.currency else 0.6)
                for m in find_money(_text(doc), lang, country=ctx.get("country"))
            ],
        )
        found = []
        for p in find_penalties(_text(doc), lang):
            found.append(
                Mention(
                    "PENALTY", p.start, p.end, p.text,
                    value={
                        "kind": p.kind,
                        "months": p.duration.months_total if p.duration else None,
                        "min_months": p.min_duration.months_total if p.min_duration else None,
                        "max_months": p.max_duration.months_total if p.max_duration else None,
                        "suspended": p.suspended,
                        "default_custody": p.default_custody,
                        "bound": p.bound,  # a statutory limit ("up to fourteen years"), not a sentence
                        "qualifier": p.qualifier,
                    },
                    method="rule:penalty.v1", confidence=0.85,
                )
            )
        _add(doc, found)
        return doc

    return amounts


@Language.factory("atlas_parties", default_config={})
def make_parties(nlp: Language, name: str):
    def parties_component(doc: Doc) -> Doc:
        _add(doc, parties.find_defendants(_text(doc), doc._.sections or []))
        return doc

    return parties_component


@Language.factory("atlas_offences", default_config={})
def make_offences(nlp: Language, name: str):
    def offences_component(doc: Doc) -> Doc:
        footnotes = next((s.start for s in doc._.sections or [] if s.name == "footnotes"), len(_text(doc)))
        _add(doc, offences.find_offences(_text(doc), 0, footnotes))
        return doc

    return offences_component


@Language.factory("atlas_verdicts", default_config={})
def make_verdicts(nlp: Language, name: str):
    def verdicts_component(doc: Doc) -> Doc:
        _add(doc, verdicts.find_verdict_cues(_text(doc)))
        return doc

    return verdicts_component


@Language.factory("atlas_events", default_config={})
def make_events(nlp: Language, name: str):
    def events_component(doc: Doc) -> Doc:
        decision = _of(doc, "DECISION_DATE")
        doc_type = next((m.value for m in _of(doc, "DOC_TYPE")), None)
        dates = events.first_dates_only(_text(doc), sorted(_of(doc, "DATE"), key=lambda m: m.start))
        decision_mention = None
        if decision:
            decision_mention = next((d for d in dates if d.start == decision[0].start), None)
            if decision_mention is None:
                decision_mention = Mention("DATE", decision[0].start, decision[0].end, decision[0].text,
                                           value=decision[0].value, attrs={"precision": "day"})
                dates.append(decision_mention)
        typed = events.type_dates(
            _text(doc), dates, doc._.sentences or [], doc._.sections or [],
            decision_date=decision_mention, doc_type=doc_type,
        )
        _add(doc, events.dedupe_events(typed))
        return doc

    return events_component


PIPELINE = (
    "atlas_structure",
    "atlas_caption",
    "atlas_dates",
    "atlas_statutes",
    "atlas_amounts",
    "atlas_parties",
    "atlas_offences",
    "atlas_verdicts",
    "atlas_events",
)
