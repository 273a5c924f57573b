"""Each defendant's verdict and sentence as this document leaves them (ANNOTATION.md).

The operative part decides. Its sentences are read in order; each sentence
addresses the defendants it names (any word of their name) or, when it names
none, the appellants ("accused-appellant", "apelantes", "the petitioner") or
all defendants ("the accused", "los acusados"). The cue words of the sentence
give the outcome: an appeal dismissed or a judgment affirmed or modified
leaves the appellant convicted; reversed, set aside or acquitted gives
``acquitted``; a dismissal of the case ``dismissed``; remand for retrial
``unknown``.

A defendant the operative part does not address keeps the outcome the
document reports elsewhere: a status note in the caption ("(Acquitted)",
"(at large)"), or a sentence of the body naming them with a verdict word.

Sentences follow the verdict: penalty terms, fines and compensation are
read from the operative sentences addressed to the defendant; an affirmance
that does not restate the penalty takes it from the quoted or narrated trial
judgment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..extract.parties import name_key
from ..extract.text import Span, sentences
from ..records import Document, Extraction, Mention, Money, Provenance, Section, Sentence

VERSION = "v1"

_GENERIC_APPELLANT = re.compile(
    r"\b(?:accused[-\s/]*appellants?|appellants?|petitioners?|apelantes?|recurrentes?|acusados?[-\s]+apelantes?|"
    r"defendants?-appellants?|convicts?)\b",
    re.I,
)
_GENERIC_ALL = re.compile(
    r"\b(?:the\s+accused|los\s+acusados|las\s+acusadas|el\s+acusado|la\s+acusada|the\s+defendants?|"
    r"procesados?|imputad[oa]s?|acusad[oa]s?|encausad[oa]s?)\b",
    re.I,
)
# A sentence that imposes (or narrates the imposing of) a penalty.
_SENTENCING = re.compile(r"sentenc|\bconden\w*|\bcondemn\w*|\bpena\b|to\s+suffer|sufrir|impos(?:ed|ing)|impuso|awarded", re.I)
# The law's penalty, not the court's sentence: "punishable by reclusion temporal to reclusion perpetua".
_STATUTORY = re.compile(
    # "described and penalized under Sec. 13 (b)" names the offence's provision, not the law's range
    r"punish(?:ed|able|es|ing|ment)?\b(?!\s+under\b)|imposable|prescrib|shall\s+be\s+imposed|penali[sz]ed(?!\s+under\b)|provides?\s+(?:for\s+)?(?:the\s+)?penalt|"
    r"se\s+castiga|ser[aá]\s+(?:castigad|penad|sancionad)|reprimid|penad[oa]\s+(?:con|por)|sancionad[oa]\s+con",
    re.I,
)
# The words that say someone was convicted ("conditions imposed" or "maintained" do not).
_CONVICTION_WORD = re.compile(r"guilty|convict|conden|condemn|sentenc|culpable", re.I)
_PARTLY_AFFIRMED = re.compile(
    r"\bexcept\s+(?:as\s+to|for)\s+the\s+(?:penalt|sentence)|\bin\s+all\s+other\s+respects\b|"
    r"\ben\s+todo\s+lo\s+dem[aá]s\b|\ben\s+todos\s+los\s+dem[aá]s\s+extremos\b",
    re.I,
)
_FINE = re.compile(r"\b(?:fines?|multas?)\b", re.I)
_COMPENSATION = re.compile(
    r"\b(?:compensation|indemni\w*|damages|reimburse\w*|restitution|reparaci[oó]n|resarcimiento|"
    r"civil\s+liability|heirs|herederos|legal\s+heirs|to\s+pay\s+the\s+(?:victim|complainant|offended))\b",
    re.I,
)
_DEFAULT = re.compile(r"\bin\s+default|\bin\s+case\s+of\s+default|\ben\s+caso\s+de\s+(?:no\s+pago|incumplimiento)|subsidiary\s+imprisonment|subsidiaria|in\s+case\s+of\s+insolvency|insolvencia", re.I)
_SUSPENDED = re.compile(r"\ben\s+suspenso\b|\bsuspend(?:ed|ida|ido)\b|\bejecuci[oó]n\s+condicional\b|\bcondicional\b|\bprobation\b", re.I)


@dataclass
class Outcome:
    verdict: str = "unknown"
    decided_by: str | None = None  # "operative", "status", "body"
    sentence: Sentence = field(default_factory=Sentence)


def _sentence_verdict(cues: list[Mention]) -> str | None:
    values = {c.value for c in cues}
    if "unknown" in values:
        return "unknown"
    if "acquitted" in values:
        return "acquitted"
    if "dismissed" in values and "convicted" not in values:
        return "dismissed"
    if values & {"reversed", "appeal_allowed"} and not values & {"affirmed", "appeal_dismissed", "modified"}:
        # "The conviction and sentence … are set aside": the noun is not a conviction
        return "acquitted"
    if values & {"convicted", "modified", "affirmed", "appeal_dismissed", "appeal_reinstated"}:
        # an appeal sent back to be heard leaves the conviction standing
        return "convicted"
    return None


def _mentions_in(mentions: list[Mention], span: Span) -> list[Mention]:
    return [m for m in mentions if span.start <= m.start < span.end]


def _addresses(span: Span, text: str, keys: list[set[str]], appellants: list[int],
               names: list[str] | None = None) -> list[int]:
    """Indexes of the defendants a sentence speaks about."""
    folded = _fold(text[span.start : span.end])
    words = set(re.split(r"[^a-z0-9]+", folded))
    named = [
        i for i, key in enumerate(keys)
        if key and (_named(key, words) or (names and _short_only(key) and _phrase(names[i]).search(folded)))
    ]
    if named:
        return named
    chunk = text[span.start : span.end]
    if _GENERIC_APPELLANT.search(chunk):
        return appellants or list(range(len(keys)))
    if _GENERIC_ALL.search(chunk):
        return list(range(len(keys)))
    return []


_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|they|them|their|él|ella|ellos|ellas)\b", re.I)


def _short_only(key: set[str]) -> bool:
    return all(len(t) < 4 for t in key)


def _named(key: set[str], words: set[str]) -> bool:
    # Surname-bearing words: a two-word name needs its last-name-ish tokens; one shared token of
    # four or more letters is enough when it is not a common first name of the document.
    return any(len(t) >= 4 and t in words for t in key)


def _fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def decide(extraction: Extraction, defendants: list[Mention]) -> list[Outcome]:
    """The outcome of each defendant mention, in the same order."""
    doc = extraction.document
    text = doc.text
    outcomes = [Outcome() for _ in defendants]
    if not defendants:
        return outcomes
    keys = [_distinct_keys(defendants, i) for i in range(len(defendants))]
    names = [d.value or "" for d in defendants]
    appellants = [i for i, d in enumerate(defendants) if d.attrs.get("appellant")]
    cues = [m for m in extraction.mentions if m.label == "VERDICT"]
    penalties = [m for m in extraction.mentions if m.label == "PENALTY"]
    money = [m for m in extraction.mentions if m.label == "MONEY"]
    operative = [s for s in extraction.sections if s.name == "operative"]
    lower = [s for s in extraction.sections if s.name == "lower_court"]

    # 1. Status notes in the caption.
    for i, d in enumerate(defendants):
        status = d.attrs.get("status")
        if status == "acquitted":
            outcomes[i] = Outcome("acquitted", "status")
        elif status in ("at_large", "dead"):
            outcomes[i] = Outcome("unknown", "status")

    # 2. The operative part. A disposal that names nobody ("Se confirma la sentencia con las
    #    costas", "The judgment appealed from is affirmed") decides the appeal of the appellants,
    #    or, when the caption marks none, of every accused whose fate is not known otherwise.
    operative_sentences = [s for sec in operative for s in sentences(text, sec.start, sec.end)]
    op_start = operative[0].start if operative else len(text)
    convicted_before = any(
        c.value == "convicted" and _CONVICTION_WORD.search(c.text) for c in cues if c.start < op_start
    )
    undecided = [i for i in range(len(defendants)) if outcomes[i].decided_by is None]
    decided_here: dict[int, list[str]] = {}
    last: list[int] = []
    for span in operative_sentences:
        addressed = _addresses(span, text, keys, appellants, names)
        if not addressed and last and _PRONOUN.search(text[span.start : span.end]):
            addressed = last  # "I sentence him …": whoever the previous sentence was about
        if addressed:
            last = addressed
        verdict = _sentence_verdict(_mentions_in(cues, span))
        if verdict == "acquitted" and not convicted_before and not any(
            c.value == "acquitted" for c in _mentions_in(cues, span)
        ):
            # "the decision of the Court of Appeals is SET ASIDE" in a bail case: setting aside
            # acquits only someone the document says was convicted
            verdict = None
        if verdict is None:
            continue
        addressed = addressed or appellants or undecided
        for i in addressed:
            if outcomes[i].decided_by == "status" and verdict == "convicted" and not _names(span, text, keys[i]):
                continue
            decided_here.setdefault(i, []).append(verdict)
    for i, verdicts in decided_here.items():
        outcomes[i] = Outcome(_combine(verdicts), "operative")

    # 3. The body, for defendants the operative part left alone: the verdict word nearest to
    #    the defendant's name in each clause that names them ("Benito Guevara fallecio …;
    #    Martin Montoya fue absuelto, por duda racional; Santos Toledo fue condenado …").
    body_sentences = sentences(text, 0, operative[0].start if operative else len(text))
    clauses = [(span, c) for span in body_sentences for c in _clauses(text, span)]
    outcome_cues = [c for c in cues if c.value in ("acquitted", "convicted", "dismissed", "unknown")]
    for i, d in enumerate(defendants):
        if outcomes[i].decided_by:
            continue
        found: list[str] = []
        for sentence_span, clause in clauses:
            positions = _name_positions(text, clause, keys[i], i, names[i])
            if not positions:
                continue
            near = _mentions_in(outcome_cues, clause)
            if not near:
                # "condemned A to one year; B to ten months; …": the verb earlier in the sentence
                near = [c for c in _mentions_in(outcome_cues, sentence_span) if c.end <= clause.start][-1:]
            # "although the appellant was found guilty, … his wife, the 2nd accused, …": a cue whose
            # subject is another accused, named just before it, is theirs.
            near = [c for c in near if not _subject_is_other(text, clause, c, keys, names, i, appellants)]
            if near:
                # A verb governs the list after it ("absolvio a A, B y C, y condeno a D"): the
                # nearest cue before the name first; after it ("A fue absuelto") otherwise.
                before = [c for c in near if c.end <= positions[0]]
                best = before[-1] if before else min(near, key=lambda c: abs(c.start - positions[0]))
                # "Fermin Aguilar fue hallado culpable pero … se suspendio el proceso en cuanto a el":
                # a state the clause reaches after the finding (proceedings suspended, died, at large)
                # is where the document leaves the accused (ANNOTATION.md: unknown)
                later = [c for c in near if c.value == "unknown" and c.start > max(positions[0], best.start)]
                if later:
                    best = later[-1]
                found.append(best.value)
        if found:
            outcomes[i] = Outcome(found[-1], "body")

    # 4. Sentences for the convicted.
    for i, outcome in enumerate(outcomes):
        if outcome.verdict not in ("convicted", "mixed", "convicted_and_acquitted"):
            continue
        spans = []
        last = []
        for s_ in operative_sentences:
            addressed = _addresses(s_, text, keys, appellants, names)
            if not addressed and last and _PRONOUN.search(text[s_.start : s_.end]):
                addressed = last
            if addressed:
                last = addressed
            if i in addressed or (not addressed and i in (appellants or undecided)):
                spans.append(s_)
        sentence = _sentence_from(spans, text, penalties, money, doc)
        restated = sentence.imprisonment_months is not None or sentence.life or sentence.death
        # "AFFIRMED, except as to the penalties imposed in the three cases which are reduced",
        # "se confirma la sentencia en todo lo demás": the counts the operative part leaves alone keep
        # the trial court's penalty, and a life or death sentence among them outweighs the terms restated.
        partly = any(_PARTLY_AFFIRMED.search(text[s_.start : s_.end]) for s_ in spans) and not any(
            (p.value or {}).get("kind") in ("life", "death") for s_ in spans for p in _mentions_in(penalties, s_)
        )
        if not restated or partly:
            # Affirmed without restating the penalty: the trial judgment's, quoted or narrated.
            # The trial judgment's penalties: its quoted dispositive and the body's account of it
            # ("the trial court sentenced him to …"); the law's own ranges are left out.
            earlier = [s for sec in lower for s in sentences(text, sec.start, sec.end)]
            earlier += [
                s for s in body_sentences
                if _SENTENCING.search(text[s.start : s.end]) and not _STATUTORY.search(text[s.start : s.end])
                and (i in (addressed := _addresses(s, text, keys, appellants, names)) or not addressed)
            ]
            trial = _sentence_from(_own_clauses(earlier, text, keys, i, names, penalties), text, penalties, [], doc)
            if not restated:
                for attr in ("imprisonment_months", "imprisonment_min_months", "life", "death", "suspended"):
                    if getattr(sentence, attr) in (None, False):
                        setattr(sentence, attr, getattr(trial, attr))
                sentence.provenance.extend(trial.provenance)
            elif trial.life or trial.death:
                sentence.life, sentence.death = trial.life, trial.death
                sentence.imprisonment_months = sentence.imprisonment_min_months = None
                sentence.provenance.extend(trial.provenance)
        outcome.sentence = sentence
    return outcomes


def _subject_is_other(text: str, clause: Span, cue: Mention, keys: list[set[str]], names: list[str], i: int,
                      appellants: list[int]) -> bool:
    lo = max(clause.start, cue.start - 40)
    window = Span(lo, cue.start, text[lo : cue.start])
    if _name_positions(text, window, keys[i], i, names[i]):
        return False
    if any(_name_positions(text, window, keys[j], j, names[j]) for j in range(len(keys)) if j != i):
        return True
    return bool(appellants) and i not in appellants and _GENERIC_APPELLANT.search(window.text) is not None


def _own_clauses(spans: list[Span], text: str, keys: list[set[str]], i: int, names: list[str],
                 penalties: list[Mention]) -> list[Span]:
    """Distributive sentences give each accused their own term ("condemned A to one year's
    imprisonment; B to ten months' …; and C to one month's"): when the clauses of a sentence
    name different accused, only the clauses naming this one count, and within a clause that
    lists several accused with several terms, the stretch from this one's name to the first
    term after it ("…, Placida Flores, to six months' imprisonment, and Juana Villara to one
    month's")."""
    out: list[Span] = []
    for span in spans:
        parts = _clauses(text, span)
        naming = [c for c in parts if any(_name_positions(text, c, k, name=n) for k, n in zip(keys, names))]
        mine = [c for c in parts if _name_positions(text, c, keys[i], i, names[i])]
        if len(naming) > 1:
            out.extend(_own_stretch(c, text, keys, i, names, penalties) for c in mine)
        elif mine:
            out.append(_own_stretch(span, text, keys, i, names, penalties))
        else:
            out.append(span)
    return out


def _own_stretch(clause: Span, text: str, keys: list[set[str]], i: int, names: list[str],
                 penalties: list[Mention]) -> Span:
    terms = _mentions_in(penalties, clause)
    others = [j for j in range(len(keys)) if j != i and _name_positions(text, clause, keys[j], name=names[j])]
    if len(terms) < 2 or not others:
        return clause
    first = _name_positions(text, clause, keys[i], i, names[i])[0]
    cuts = [clause.start] + [p.end for p in terms] + [clause.end]
    for lo, hi in zip(cuts, cuts[1:]):
        if lo <= first < hi:
            if not _mentions_in(terms, Span(lo, hi, "")):
                return clause  # the term comes before the names ("to six months: A, B and C")
            return Span(lo, hi, text[lo:hi])
    return clause


def _clauses(text: str, span: Span) -> list[Span]:
    """A sentence cut at semicolons: narrative sentences list several accused's fates that way."""
    out = []
    start = span.start
    for m in re.finditer(r";", text[span.start : span.end]):
        end = span.start + m.start()
        out.append(Span(start, end, text[start:end]))
        start = span.start + m.end()
    out.append(Span(start, span.end, text[start : span.end]))
    return out


_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_ORDINAL_REF = re.compile(
    r"\b(?:(?P<num>\d{1,2})(?:st|nd|rd|th)|(?P<word>" + "|".join(_ORDINALS) + r"))\s+(?:accused|defendant)\b", re.I
)


def _ordinal_positions(text: str, span: Span, index: int) -> list[int]:
    """ "the 2nd accused", "the second defendant": the accused by their place in the caption."""
    out = []
    for m in _ORDINAL_REF.finditer(text, span.start, span.end):
        n = int(m.group("num")) if m.group("num") else _ORDINALS.index(m.group("word").lower()) + 1
        if n == index + 1:
            out.append(m.start())
    return out


def _name_positions(text: str, span: Span, key: set[str], index: int | None = None,
                    name: str | None = None) -> list[int]:
    chunk = _fold(text[span.start : span.end])
    found = [
        span.start + m.start()
        for t in key if len(t) >= 4
        for m in re.finditer(r"(?<![a-z0-9])" + re.escape(t) + r"(?![a-z0-9])", chunk)
    ]
    if name and not found:
        # A name of short words only ("Lim Tan Co", "Uy Bun"): the whole name, written out.
        found = [span.start + m.start() for m in _phrase(name).finditer(chunk)]
    if index is not None:
        found += _ordinal_positions(text, span, index)
    return sorted(found)


@lru_cache(maxsize=512)
def _phrase(name: str) -> re.Pattern[str]:
    """A whole name as a pattern over folded text (built once per name: it is asked for each clause)."""
    words = [w for w in re.split(r"[^a-z0-9]+", _fold(name)) if w]
    return re.compile(r"(?<![a-z0-9])" + r"[\s,.]+".join(map(re.escape, words)) + r"(?![a-z0-9])")


def _names(span: Span, text: str, key: set[str]) -> bool:
    words = set(re.split(r"[^a-z0-9]+", _fold(text[span.start : span.end])))
    return bool(key) and _named(key, words)


def _distinct_keys(defendants: list[Mention], i: int) -> set[str]:
    """Name tokens that tell this defendant apart (shared surnames of relatives do not)."""
    mine = name_key(defendants[i].value or "")
    others: set[str] = set()
    for j, d in enumerate(defendants):
        if j != i:
            others |= name_key(d.value or "")
    distinct = mine - others
    return distinct or mine


def _combine(verdicts: list[str]) -> str:
    kinds = set(verdicts)
    if "unknown" in kinds:
        return "unknown"  # remanded for retrial, abated: whatever else the part says, not decided
    if "convicted" in kinds and ("acquitted" in kinds or "dismissed" in kinds):
        # Conviction on some counts and acquittal on others of one offence is still a conviction
        # (ANNOTATION.md); the charge-level check that makes it "mixed" is done by the caller.
        return "convicted_and_acquitted"
    return verdicts[-1]


def _sentence_from(spans: list[Span], text: str, penalties: list[Mention], money: list[Mention], doc: Document) -> Sentence:
    sentence = Sentence()
    terms: list[tuple[float, float | None, Mention]] = []
    fine_total = 0.0
    comp_total = 0.0
    fine_currency = comp_currency = None
    seen_amounts: set[tuple[int, int]] = set()
    for span in spans:
        chunk = text[span.start : span.end]
        sentence_penalties = _mentions_in(penalties, span)
        altered = re.search(r"\b(?:altered|converted|reduced|commuted|modified|modificad[oa]|reducid[oa])\b[^.]{0,40}?\b(?:to|into|a)\b", chunk, re.I)
        # "death sentence … is NOT CONFIRMED", "Murder Reference is answered in the negative"
        refused = re.search(r"not\s+confirmed|answered\s+in\s+(?:the\s+)?negative|no\s+se\s+confirma", chunk, re.I)
        for p in sentence_penalties:
            value = p.value or {}
            if value.get("default_custody") or value.get("bound") or _DEFAULT.search(text[max(span.start, p.start - 80) : p.start]):
                continue
            if altered and p.start < span.start + altered.start():
                continue  # the penalty that was replaced
            if refused and value.get("kind") == "death":
                continue
            if value.get("kind") == "life":
                sentence.life = True
            elif value.get("kind") == "death":
                sentence.death = True
            else:
                months = value.get("max_months") or value.get("months")
                if months:
                    terms.append((months, value.get("min_months"), p))
            if value.get("suspended") or _SUSPENDED.search(text[p.start : min(span.end, p.end + 60)]):
                sentence.suspended = True
            sentence.provenance.append(p.provenance(doc))
        for m in _mentions_in(money, span):
            if (m.start, m.end) in seen_amounts:
                continue
            before = text[max(span.start, m.start - 120) : m.start]
            kind = _money_kind(before)
            amount = (m.value or {}).get("amount")
            if kind is None or amount is None:
                continue
            seen_amounts.add((m.start, m.end))
            if kind == "fine":
                fine_total += amount
                fine_currency = fine_currency or (m.value or {}).get("currency")
            else:
                comp_total += amount
                comp_currency = comp_currency or (m.value or {}).get("currency")
            sentence.provenance.append(m.provenance(doc))
    if sentence.life or sentence.death:
        terms = []
    if terms:
        months, min_months, _p = max(terms, key=lambda t: t[0])
        sentence.imprisonment_months = round(months, 1)
        sentence.imprisonment_min_months = round(min_months, 1) if min_months else None
    if fine_total:
        sentence.fine = Money(fine_total, fine_currency)
    if comp_total:
        sentence.compensation = Money(comp_total, comp_currency)
    return sentence


def _money_kind(before: str) -> str | None:
    """"fine" or "compensation" from the nearest cue word before the amount."""
    fine = [m.end() for m in _FINE.finditer(before)]
    comp = [m.end() for m in _COMPENSATION.finditer(before)]
    if _DEFAULT.search(before[-40:]):
        return None
    if not fine and not comp:
        return None
    if fine and (not comp or fine[-1] > comp[-1]):
        return "fine"
    return "compensation"


def provenance_of(mention: Mention, doc: Document) -> Provenance:
    return mention.provenance(doc)


def operative_sections(sections: list[Section]) -> list[Section]:
    return [s for s in sections if s.name == "operative"]
