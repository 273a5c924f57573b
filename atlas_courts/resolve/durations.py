"""Prison terms as judgments write them, in English and Spanish, with exact spans.

    parse_duration("two years, four months and one day", "en") -> Duration(2, 4, 1)
    find_penalties("sentenced to 10 years R.I, ... in case of default thereof, to undergo "
                   "06-months S.I further", "en")
        -> a "term" of 10 years ("rigorous") and a "term" of 6 months ("simple")
           with default_custody=True

A penalty is one of three kinds: ``term`` (a custodial term, possibly an
indeterminate range "from six (6) years and one (1) day of prision mayor, as
minimum, to twelve (12) years and one (1) day of reclusion temporal, as maximum"),
``life`` (life imprisonment, reclusión perpetua, cadena perpetua) or ``death``.

A duration counts as a penalty only in penal context: a penalty word beside it
("R.I.", "rigorous imprisonment", "de prisión", "of prision mayor") or a verb or
noun of sentencing before it ("sentenced to", "a term of", "la pena de"). Ages
("8 years of age") and the operational period of a suspended sentence
("suspended for 5 years", "por el plazo de dos años") are not penalties.

Custody in default of paying a fine or compensation is kept and flagged
``default_custody`` (ANNOTATION.md: it is not a custodial term). A limit stated
by a statute ("up to fourteen years", "no menor de") is kept with ``bound``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from .numbers import ArgumentError, accent_insensitive, check_lang, check_text, fold, parse_number, words_pattern

__all__ = ["Duration", "PenaltyMatch", "find_penalties", "parse_duration", "format_duration"]

_DATA = Path(__file__).parent / "data" / "durations_vocab.json"


@dataclass(frozen=True)
class Duration:
    years: float = 0
    months: float = 0
    days: float = 0

    def __post_init__(self) -> None:
        for name in ("years", "months", "days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ArgumentError(f"Duration.{name} must be a number, not {value!r}")
            if value < 0:
                raise ArgumentError(f"Duration.{name} must not be negative, not {value!r}")

    @property
    def months_total(self) -> float:
        """Years × 12 + months + days / 30, rounded to one decimal (ANNOTATION.md)."""
        return round(self.years * 12 + self.months + self.days / 30, 1)


@dataclass(frozen=True)
class PenaltyMatch:
    start: int
    end: int
    text: str
    kind: str  # "term" | "life" | "death"
    duration: Duration | None  # the term; for an indeterminate range its maximum
    min_duration: Duration | None  # indeterminate range: the minimum
    max_duration: Duration | None  # indeterminate range: the maximum
    qualifier: str | None  # "rigorous", "simple", "prision mayor", "reclusion temporal", "prision", ...
    suspended: bool
    default_custody: bool = False  # custody in default of paying a fine or compensation
    min_qualifier: str | None = None  # indeterminate range: the penalty named for the minimum
    bound: str | None = None  # "upper" / "lower": a statutory limit ("up to", "not less than")
    reason: str | None = None  # why duration is None for a "term"


# --------------------------------------------------------------------------- vocabulary


def _load() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


_VOCAB = _load()
_UNIT_OF = {fold(w): unit for unit, words in _VOCAB["units"].items() for w in words}
_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}
_PENALTIES: dict[str, str] = _VOCAB["penalties"]
_LIFE_NAMES: dict[str, str] = _VOCAB["life"]

_UNIT_WRITTEN = {w for words in _VOCAB["units"].values() for w in words} | set(_UNIT_OF)
_UNIT = (
    "(?:"
    + "|".join(accent_insensitive(w) for w in sorted(_UNIT_WRITTEN, key=lambda w: (-len(w), w)))
    + r")(?:\b|(?<=[aA])(?=de\b))"  # OCR "un diade prision mayor"
)
_POSSESSIVE = r"(?:['’]s\b|s?['’](?!\w))?"
_NAMED = "|".join(f"(?P<n{i}>{rx})" for i, rx in enumerate(_PENALTIES.values()))
_NAMED_KEYS = list(_PENALTIES)


def _named_of(m: re.Match[str]) -> str | None:
    for i, key in enumerate(_NAMED_KEYS):
        if m.groupdict().get(f"n{i}"):
            return key
    return None


# --------------------------------------------------------------------------- patterns

_PATTERNS: dict[str | None, dict[str, re.Pattern[str]]] = {}


def _number(lang: str | None) -> str:
    # Number words of both languages: the Spanish decisions of the Philippine Supreme
    # Court quote English sentences ("ten (10) years and one (1) day of reclusion mayor").
    words = words_pattern(None)
    alts = [rf"\[\s*{words}\s*\]", words, r"\d+(?:[.,]\d+)?"]
    if lang in (None, "en"):
        alts.append(r"\b(?i:an?)(?=\s+(?i:year|month|week|day)s?\b)")  # "a year and a day"
    return "(?:" + "|".join(alts) + ")"


def _patterns(lang: str | None) -> dict[str, re.Pattern[str]]:
    if lang in _PATTERNS:
        return _PATTERNS[lang]
    num = _number(lang)
    qty = rf"{num}(?:\s*[(\[]\s*{num}\s*[)\]])?"
    part = rf"(?P<qty>{qty})\s*-?\s*(?P<unit>{_UNIT}){_POSSESSIVE}"
    part_plain = rf"(?:{qty})\s*-?\s*(?:{_UNIT}){_POSSESSIVE}"
    sep = r"(?:\s*,\s*(?:(?:and|y)\s+)?|\s+(?:and|y|e)\s+|\s*&\s*)"
    out = {
        "part": re.compile(part, re.I),
        "duration": re.compile(rf"(?<![\w.])(?:{part_plain})(?:{sep}(?:{part_plain}))*", re.I),
    }
    _PATTERNS[lang] = out
    return out


_RI = r"(?-i:R\s?\.?\s?I)\b\.?"
_SI = r"(?-i:S\s?\.?\s?I)\b\.?"
_ES_KIND = r"(?P<es_kind>prisi[oó]n|reclusi[oó]n|presidio|arresto)"

_QUAL_AFTER = re.compile(
    rf"""\s*,?\s*(?:
        (?P<rig>(?:of\s+)?rigorous\s+imprisonment|{_RI})
      | (?P<simple>(?:of\s+)?simple\s+imprisonment|{_SI})
      | (?:(?:of|de)\s+)?(?P<named>{_NAMED})
      | (?P<plain_es>de\s+{_ES_KIND})(?!\s+(?:preventiva|domiciliaria))\b
      | (?P<plain_en>(?:of\s+)?(?:imprisonment|incarceration|custody|detention)(?:\s+at\s+hard\s+labou?r)?
                    |in\s+(?:prison|jail)|jail(?:\s+term)?)\b
    )""",
    re.I | re.X,
)
_DEGREE = re.compile(
    r"\s*,?\s*(?:(?:in\s+its\s+)?(?:minimum|medium|maximum)(?:\s+(?:period|degree))?"
    r"|en\s+su\s+grado\s+(?:m[ií]nimo|medio|m[aá]ximo))\b",
    re.I,
)
_MARK_AFTER = re.compile(
    r"\s*,?\s*(?:as|como)\s+(?:(?:la\s+)?pena\s+)?(?P<mark>m[ií]nim[oa]|m[aá]xim[oa]|minimum|maximum)\b",
    re.I,
)
_SUSP_AFTER = re.compile(
    r"""\s*,?\s*(?:
        \(?\s*(?:(?:which|that)\s+(?:is|was|shall\s+be|are|were)\s+)?suspended\b(?:\s*\))?
      | (?:de\s+)?(?:ejecuci[oó]n|cumplimiento)\s+(?:en\s+suspenso|condicional|dejad[oa]\s+en\s+suspenso)
      | (?:en\s+)?(?:condena|pena)\s+de\s+ejecuci[oó]n\s+condicional
      | (?:de\s+)?condena\s+condicional
      | en\s+suspenso
      | (?:cuyo\s+cumplimiento\s+se\s+deja(?:r[aá])?|que\s+se\s+deja(?:r[aá])?)\s+en\s+suspenso
    )""",
    re.I | re.X,
)
_EFFECTIVE_AFTER = re.compile(
    r"\s*,?\s*(?:de\s+)?(?:cumplimiento\s+efectivo|efectivo\s+cumplimiento)\b", re.I
)

_QUAL_BEFORE = re.compile(
    rf"""(?:
        (?P<rig>rigorous\s+imprisonment|{_RI})(?:\s+\(sic\))?\s+(?:for|of)\s+
      | (?P<simple>simple\s+imprisonment|{_SI})\s+(?:for|of)\s+
      | (?P<plain_en>(?:imprisonment|incarceration|custody|detention)(?:\s+of\s+either\s+description)?\s+(?:for|of)\s+
                    |(?:prison|jail)\s+(?:term|sentence)\s+of\s+|term\s+of\s+imprisonment\s+of\s+)
      | (?P<named>{_NAMED})\s+(?:de|of)\s+
      | (?P<plain_es>{_ES_KIND})\s+(?:de|por)\s+
    )(?:(?:a|an|the|un|el)\s+)?(?:(?:term|period|plazo|t[eé]rmino|lapso)\s+(?:(?:of|de)\s+)?)?$""",
    re.I | re.X,
)
_TRIGGER_BEFORE = re.compile(
    r"""(?:
        \b(?:sentenced|sentencing|sentence|condemned|committed)
          (?:\s+(?:him|her|them|accused|the\s+accused|appellants?|each(?:\s+of\s+them)?))?
          \s+(?:to|for)\s+(?:(?:suffer|undergo|serve)\s+)?(?:(?:a|an|the)\s+)?
          (?:(?:total|further|additional|aggregate|combined|term|period)\s+(?:of\s+)?)*
      | \b(?:a|an|the)\s+(?:(?:total|further|additional|aggregate|combined)\s+)?(?:term|sentence)\s+of\s+
      | \b(?:to\s+)?(?:suffer|undergo|serve)\s+(?:(?:a|the)\s+)?(?:(?:further|additional|total)\s+)?
          (?:(?:term|period)\s+of\s+)?
      | \b(?:pena|condena|sanci[oó]n)(?:\s+(?:[uú]nica|principal|total|y\s+total|de\s+prisi[oó]n))*\s+(?:de\s+)?
      | \bcondenad[oa]s?\s+a\s+(?:(?:la|una)\s+pena\s+(?:de\s+)?)?
      | \ba\s+sufrir\s+(?:(?:la|una)\s+pena\s+(?:\w+\s+)?(?:de\s+)?)?
      | \b(?:imponer|impongo|impuso|impone|imp[oó]ngase)(?:le)?\s+(?:(?:la|una)\s+pena\s+(?:de\s+)?)?
    )$""",
    re.I | re.X,
)
_SUSP_BEFORE = re.compile(
    r"(?:suspended\s+(?:sentence|term)(?:\s+of\s+imprisonment)?\s+of\s+"
    r"|(?:pena|condena)\s+(?:de\s+ejecuci[oó]n\s+)?condicional\s+de\s+)$",
    re.I,
)
_OPERATIONAL_BEFORE = re.compile(
    r"""(?:
        \bsuspend\w*(?:\s+\w+){0,6}?\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?
      | \boperational\s+period\s+of\s+
      | \bprobation(?:ary)?\s+(?:period\s+)?(?:of|for)\s+
      | \b(?:por|durante)\s+(?:el|un)\s+plazo\s+de\s+
      | \bplazo\s+de\s+
      | \bper[ií]odo\s+de\s+prueba\s+de\s+
      | \bpor\s+el\s+mismo\s+(?:tiempo|plazo)\s+
    )$""",
    re.I | re.X,
)
_BOUND_BEFORE = re.compile(
    r"""(?P<bound>
        (?P<upper>up\s+to|not\s+exceeding|not\s+more\s+than|(?:which\s+)?(?:may|shall)\s+extend\s+to
                 |extending\s+to|exceeding|a\s+maximum\s+of|at\s+most|hasta|(?:un\s+)?m[aá]ximo\s+de
                 |no\s+(?:mayor|superior)\s+(?:de|a))
      | (?P<lower>not\s+less\s+than|a\s+minimum\s+of|at\s+least|(?:un\s+)?m[ií]nimo\s+de
                 |no\s+(?:menor|inferior)\s+(?:de|a))
    )\s*$""",
    re.I | re.X,
)
_AGE_AFTER = re.compile(r"\s*(?:of\s+age|old|de\s+edad|aged|of\s+pregnancy|de\s+embarazo)\b", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|de|desde|entre|ranging\s+from)\s*$", re.I)
_INDETERMINATE = re.compile(r"indetermina|pena\s+m[ií]nima|straight\s+penalty", re.I)
_RANGE_GAP = re.compile(
    r"\s*,?\s*(?P<conn>to|a|al|hasta|and|y)(?:\s+(?:la\s+de|(?:la\s+)?m[aá]xim[oa]\s+de|a\s+maximum\s+of))?\s*",
    re.I,
)

_LIFE = re.compile(
    r"""(?:
        (?P<q>rigorous|simple)?(?(q)\s+(?:\(sic\)\s+)?)imprisonment\s+(?:\d{1,2}\s+)?for\s+
          (?:the\s+(?:rest|remainder)\s+of\s+(?:his|her|their)\s+(?:natural\s+)?)?life\b
      | \blife\s+(?:imprisonment|sentence|term)\b
      | \bsentenced\s+(?:(?:him|her|them)\s+)?to\s+life\b
      | \bimprisonment\s+of\s+life\b
      | """
    + "|".join(f"(?P<l{i}>{rx})" for i, rx in enumerate(_LIFE_NAMES.values()))
    + r"""
    )""",
    re.I | re.X,
)
_LIFE_KEYS = list(_LIFE_NAMES)
_DEATH = re.compile(
    r"""(?:
        \bsentenced\s+(?:(?:him|her|them)\s+)?to\s+death\b
      | \bsentences?\s+of\s+death\b
      | \bdeath\s+(?:sentences?|penalty)\b
      | \bpenalty\s+of\s+death\b
      | \bcapital\s+punishment\b
      | \bpena\s+(?:de\s+muerte|capital)\b
      | \bcondenad[oa]s?\s+a\s+(?:la\s+pena\s+de\s+)?muerte\b
    )""",
    re.I | re.X,
)
_BARE_NAMED = re.compile(rf"\b(?:{_NAMED})\b", re.I)

_DEFAULT = re.compile(
    r"""(?:
        \bin\s+default\b|\bdefault\s+(?:thereof|sentence|of\s+payment)\b|\bin\s+case\s+of\s+(?:default|non-?payment|insolvency)\b
      | \bfailing\s+(?:which|payment)\b|\bsubsidiary\s+imprisonment\b|\bin\s+lieu\s+of\s+(?:the\s+)?fine\b
      | \ben\s+caso\s+de\s+(?:no\s+pag|impago|falta\s+de\s+pago|insolvencia|incumplimiento\s+(?:del?\s+)?pago)
      | \ben\s+defecto\s+de\s+pago\b|\bprisi[oó]n\s+subsidiaria\b|\bsubsidiariamente\b
      | \bresponsabilidad\s+(?:personal\s+)?subsidiaria\b
    )""",
    re.I | re.X,
)
_DEFAULT_AFTER = re.compile(r"\s*(?:each\s*)?,?\s*(?:in\s+default\b|en\s+defecto\b|en\s+caso\s+de\s+(?:no\s+pag|impago))", re.I)
_BOUNDARY = re.compile(r"[.;:]\s+(?=[A-Z¿¡(\"“])|\n\s*\n")


# --------------------------------------------------------------------------- reading terms


@dataclass
class _Term:
    start: int
    end: int
    dur_start: int
    dur_end: int
    duration: Duration
    qualifier: str | None = None
    strong: bool = False  # a penalty word or a sentencing verb beside it
    mark: str | None = None  # "min" / "max"
    suspended: bool = False
    bound: str | None = None


def _duration_of(parts: list[tuple[str, float]]) -> Duration:
    years = months = days = 0.0
    for unit, value in parts:
        if unit == "year":
            years += value
        elif unit == "month":
            months += value
        elif unit == "week":
            days += 7 * value
        else:
            days += value
    return Duration(_clean(years), _clean(months), _clean(days))


def _clean(x: float) -> float:
    return int(x) if float(x).is_integer() else x


def _qty_value(qty: str, lang: str | None) -> float | None:
    q = qty.replace("[", " ").replace("]", " ").strip()
    if re.fullmatch(r"(?i:an?)", q):
        return 1.0
    value = parse_number(q, lang)
    if value is None and lang is not None and re.search(r"[^\W\d_]", q):
        value = parse_number(q, None)  # a number word of the other language
    return value


def _groups(text: str, lang: str | None) -> list[tuple[int, int, Duration]]:
    """Every duration in ``text``: (start, end, Duration), units in falling order."""
    pats = _patterns(lang)
    out = []
    for dm in pats["duration"].finditer(text):
        current: list[tuple[str, float]] = []
        g_start = g_end = None
        last_rank = -1
        for pm in pats["part"].finditer(text, dm.start(), dm.end()):
            unit = _UNIT_OF.get(fold(pm.group("unit")))
            value = _qty_value(pm.group("qty"), lang)
            if unit is None or value is None:
                if current:
                    out.append((g_start, g_end, _duration_of(current)))
                current, last_rank = [], -1
                continue
            rank = _RANK[unit]
            if current and rank <= last_rank:
                out.append((g_start, g_end, _duration_of(current)))
                current = []
            if not current:
                g_start = pm.start()
            current.append((unit, value))
            g_end = pm.end()
            last_rank = rank
        if current:
            out.append((g_start, g_end, _duration_of(current)))
    return out


def _qualifier(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g.get("rig"):
        return "rigorous"
    if g.get("simple"):
        return "simple"
    if g.get("named"):
        return _named_of(m)
    if g.get("plain_es"):
        return fold(g["es_kind"])
    return None


def _read_term(text: str, start: int, end: int, duration: Duration) -> _Term | None:
    if _AGE_AFTER.match(text, end):
        return None
    left_start = max(0, start - 160)
    left = text[left_start:start]
    t = _Term(start, end, start, end, duration)
    b = _BOUND_BEFORE.search(left)
    if b:
        t.bound = "upper" if b.group("upper") else "lower"
        left = left[: b.start()]
    q = _QUAL_BEFORE.search(left)
    if q:
        t.qualifier = _qualifier(q)
        t.strong = True
        t.start = left_start + q.start()
    elif _OPERATIONAL_BEFORE.search(left):
        return None
    if _TRIGGER_BEFORE.search(left):
        t.strong = True
    if _SUSP_BEFORE.search(left):
        t.suspended = True
        t.strong = True
    pos = end
    m = _QUAL_AFTER.match(text, pos)
    if m:
        if t.qualifier is None or _qualifier(m) is not None:
            t.qualifier = _qualifier(m)
        t.strong = True
        pos = m.end()
        d = _DEGREE.match(text, pos)
        if d and m.group("named"):
            pos = d.end()
    mk = _MARK_AFTER.match(text, pos)
    if mk:
        t.mark = "min" if fold(mk.group("mark")).startswith("min") else "max"
        pos = mk.end()
    s = _SUSP_AFTER.match(text, pos)
    if s:
        t.suspended = True
        t.strong = True
        pos = s.end()
    else:
        e = _EFFECTIVE_AFTER.match(text, pos)
        if e:
            t.strong = True
            pos = e.end()
    t.end = pos
    return t


def _is_range(text: str, a: _Term, b: _Term) -> bool:
    gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if not gap:
        return False
    if a.mark == "min" or b.mark == "max":
        return True
    conn = gap.group("conn").lower()
    before = text[max(0, a.dur_start - 120) : a.dur_start]
    indeterminate = bool(_INDETERMINATE.search(before))
    if conn in ("to", "a", "al", "hasta"):
        # "eight (8) years and one (1) day of prision mayor, to twelve (12) years ... of reclusion
        # temporal": two named penalties joined by "to" are the two ends of one range
        named = a.qualifier in _PENALTIES and b.qualifier in _PENALTIES
        return indeterminate or named or bool(_FROM_BEFORE.search(before))
    return indeterminate


def _term_match(text: str, t: _Term) -> PenaltyMatch:
    return PenaltyMatch(
        t.start, t.end, text[t.start : t.end], "term", t.duration, None, None,
        t.qualifier, t.suspended, bound=t.bound,
    )


def _range_match(text: str, a: _Term, b: _Term) -> PenaltyMatch:
    return PenaltyMatch(
        a.start, b.end, text[a.start : b.end], "term", b.duration, a.duration, b.duration,
        b.qualifier or a.qualifier, a.suspended or b.suspended,
        min_qualifier=a.qualifier or b.qualifier,
        bound=b.bound if a.bound == b.bound else None,
    )


def _overlaps(start: int, end: int, taken: list[PenaltyMatch]) -> bool:
    return any(start < o.end and o.start < end for o in taken)


def find_penalties(text: str, lang: str | None) -> list[PenaltyMatch]:
    """Every prison term, life and death penalty in ``text``, sorted, not overlapping."""
    check_text(text)
    check_lang(lang)
    terms = [t for s, e, d in _groups(text, lang) if (t := _read_term(text, s, e, d))]
    terms.sort(key=lambda t: t.start)
    out: list[PenaltyMatch] = []
    i = 0
    while i < len(terms):
        a = terms[i]
        if i + 1 < len(terms) and _is_range(text, a, terms[i + 1]) and (a.strong or terms[i + 1].strong):
            out.append(_range_match(text, a, terms[i + 1]))
            i += 2
            continue
        if a.strong:
            out.append(_term_match(text, a))
        i += 1
    for m in _LIFE.finditer(text):
        if _overlaps(m.start(), m.end(), out):
            continue
        qualifier = None
        if m.group("q"):
            qualifier = m.group("q").lower()
        for j, key in enumerate(_LIFE_KEYS):
            if m.group(f"l{j}"):
                qualifier = key
        out.append(PenaltyMatch(m.start(), m.end(), m.group(0), "life", None, None, None, qualifier, False))
    for m in _DEATH.finditer(text):
        if not _overlaps(m.start(), m.end(), out):
            out.append(PenaltyMatch(m.start(), m.end(), m.group(0), "death", None, None, None, None, False))
    for m in _BARE_NAMED.finditer(text):
        if not _overlaps(m.start(), m.end(), out):
            out.append(
                PenaltyMatch(
                    m.start(), m.end(), m.group(0), "term", None, None, None, _named_of(m), False,
                    reason="penalty named without a term",
                )
            )
    out.sort(key=lambda p: p.start)
    return _flag_default(text, out)


def _flag_default(text: str, matches: list[PenaltyMatch]) -> list[PenaltyMatch]:
    """Mark custody ordered in default of paying a fine or compensation."""
    flagged = []
    prev_end = 0
    for p in matches:
        window_start = max(prev_end, p.start - 250)
        window = text[window_start : p.start]
        cut = None
        for cut in _BOUNDARY.finditer(window):
            pass
        if cut:
            window = window[cut.end() :]
        default = bool(_DEFAULT.search(window)) or bool(_DEFAULT_AFTER.match(text, p.end))
        if default and p.kind == "term":
            p = PenaltyMatch(**{**p.__dict__, "default_custody": True})
        flagged.append(p)
        prev_end = p.end
    return flagged


def parse_duration(text: str, lang: str | None) -> Duration | None:
    """The one duration written in ``text`` ("two years, four months and one day",
    "ocho (8) años y seis meses", "06-months"), or None when there is none or several."""
    check_text(text)
    check_lang(lang)
    found = _groups(text, lang)
    if len(found) != 1:
        return None
    return found[0][2]


_UNIT_WORDS = {
    "en": {"year": ("year", "years"), "month": ("month", "months"), "day": ("day", "days")},
    "es": {"year": ("año", "años"), "month": ("mes", "meses"), "day": ("día", "días")},
}


def format_duration(duration: Duration, lang: str = "en") -> str:
    """``duration`` written out with numerals: "2 years, 4 months and 1 day", "2 años y 1 día"."""
    if not isinstance(duration, Duration):
        raise ArgumentError(f"duration must be a Duration, not {type(duration).__name__}")
    if lang not in ("en", "es"):
        raise ArgumentError(f"lang must be 'en' or 'es', not {lang!r}")
    words = _UNIT_WORDS[lang]
    parts = []
    for unit, value in (("year", duration.years), ("month", duration.months), ("day", duration.days)):
        if value:
            n = f"{value:g}" if lang == "en" else f"{value:g}".replace(".", ",")
            parts.append(f"{n} {words[unit][0] if value == 1 else words[unit][1]}")
    if not parts:
        return "0 " + words["day"][1]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + (" and " if lang == "en" else " y ") + parts[-1]
