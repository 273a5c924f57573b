"""Dates as judgments write them, in English and Spanish, with exact spans.

    find_dates("That on or about the 11th day of June, 1997 in the City of Baguio", "en")
        -> [DateMatch(start=21, end=43, text="11th day of June, 1997", value="1997-06-11", precision="day")]
    find_dates("desde el mes de octubre de 2016 hasta diciembre de 2019", "es")
        -> two matches, "2016-10" and "2019-12", precision "month"

Forms read: month-day-year ("June 6, 1997", "Sept. 3, 2001", "Aug 29 2002"),
day-month-year ("6th June, 1997", "the 11th day of June, 1997", "16th of December,
1966", "7 de enero de 2022", "1.º de marzo de 2019", "a los catorce días del mes
de marzo de dos mil diecinueve"), month-year ("June, 1997", "marzo del 2021"),
numeric ("30.03.2017", "2/4/2021", "14-3-19", "2017-03-30"), a day-month in a list
that ends in a full date ("los días 7 de septiembre, 8 de septiembre, ... y 19 de
noviembre de 2018"), a day "of the same month" / "del mismo mes" (read from the
date before it) and, with ``years_alone``, a bare year after "in", "en", ...

Numeric dates are day first unless ``dayfirst=False`` (US); when the preferred
order is impossible and the other possible ("30/03/2017" with dayfirst=False),
the possible one is taken. Impossible dates (31.02.2019, month 13), years outside
1850..2100, and numbers that follow "No.", "Section", "Art.", a currency or a
phone label are not dates.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .numbers import LANGS, accent_insensitive, check_lang, check_text, fold, parse_number, words_pattern

__all__ = ["DateMatch", "find_dates", "parse_date", "MIN_YEAR", "MAX_YEAR"]

MIN_YEAR = 1850
MAX_YEAR = 2100
_DATA = Path(__file__).parent / "data" / "dates_months.json"


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: str  # "day" | "month" | "year"


# --------------------------------------------------------------------------- vocabulary


def _load() -> dict:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return {lang: raw[lang] for lang in ("en", "es")}


_MONTHS = _load()


def _month_value(token: str, langs: tuple[str, ...]) -> int | None:
    """The month number of a month-name token as written, or None.

    Abbreviations count only when capitalised ("Sept.", "Aug"), and the English
    "may" only when not all lower case (the modal verb).
    """
    word = token.rstrip(".").strip()
    key = fold(word)
    for lang in langs:
        data = _MONTHS[lang]
        if key in data["full"]:
            if lang == "en" and key == "may" and word.islower():
                continue
            return data["full"][key]
        if key in data["abbreviations"] and word[:1].isupper():
            return data["abbreviations"][key]
    return None


def _alt(words) -> str:
    return "|".join(accent_insensitive(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _months_re(langs: tuple[str, ...], *, abbreviations: bool = True) -> str:
    words: set[str] = set()
    for lang in langs:
        words |= set(_MONTHS[lang]["full"])
        if abbreviations:
            words |= set(_MONTHS[lang]["abbreviations"])
    return rf"(?i:\b(?:{_alt(words)})\b\.?)"


# --------------------------------------------------------------------------- patterns

_ORD_SUFFIX_EN = r"(?:\s?(?i:st|nd|rd|th)\b)"
_ORD_SUFFIX_ES = r"(?:\s?(?:\.\s?[º°ªo]|[º°ª]\.?|(?i:ro|er|o)\b\.?))"
# A four-digit year, or a Thai Buddhist-era one ("B.E. 2559" is 2016: B.E. = C.E. + 543).
# "A.D. 2015" (Liberian courts) is the plain year.
_Y4 = r"(?:(?:B\.\s?E\.|A\.\s?D\.)\s?)?\d{4}(?!\d)"
_NOT_IN_NUMBER = r"(?<![\w.,/-])"
# A numeric date must not continue as a longer number: "12.05.2019.3", "1.2.2019/3".
_NUM_END = r"(?![\w]|[./-]\d)"

# Text just before a numeric date that makes it something else.
_GUARD_BEFORE = re.compile(
    r"(?i:(?:\bNos?|\bN[º°o]|\bnro|\bn[uú]m|\bcase|\bcausa|\bexpte?|\bexpediente|\bsections?|\bsecs?"
    r"|\bss?|\barts?|\barticles?|\bart[ií]culos?|\brules?|\bparas?|\bparagraphs?|\bclauses?|§+"
    r"|\btel(?:[eé]fono|ephone)?|\bphone|\bcel(?:ular)?|\bfax|\bmobile|\bm[oó]vil|\bwhatsapp"
    r"|\bRs|\bUSD?|\bPHP|\bPKR|\bLKR|\bGs|\bBs|\bP|\$|#|₱)\s*\.?\s*:?\s*)$"
)
_GUARD_AFTER = re.compile(r"\s*(?:/-|/=|%)")  # used with .match(text, pos)
# "Crl. Appeal No.1518 of 2014", "Act No.21 of 1985": a number's year, not a date.
_NUMBER_OF = re.compile(r"(?i:\bNos?\s*\.?\s*[\w./-]+\s+of\s+)$")


@dataclass
class _Spec:
    name: str
    regex: re.Pattern[str]
    langs: tuple[str, ...]


def _compile(langs: tuple[str, ...]) -> list[_Spec]:
    """The patterns for ``langs``.

    Month names of both languages are always read, because documents mix them
    (the Spanish decisions of the Philippine Supreme Court carry English
    captions: "G.R. No. L-1095 July 31, 1947"); ``langs`` decides which number
    words may write a day or a year.
    """
    specs: list[_Spec] = []
    en_words = "en" in langs
    es_words = "es" in langs
    mon = _months_re(("en",))
    day = rf"\d{{1,2}}|{words_pattern('en', ordinals=True)}" if en_words else r"\d{1,2}"
    year = rf"{_Y4}|{words_pattern('en')}" if en_words else _Y4
    specs += [
        _Spec(
            "mdy",
            re.compile(
                rf"(?P<mon>{mon})\s*(?P<day>\d{{1,2}})(?!\d){_ORD_SUFFIX_EN}?(?:\s*,\s*|\s+)"
                rf"(?i:of\s+)?(?P<year>{_Y4})"
            ),
            ("en",),
        ),
        _Spec(
            "dmy",
            re.compile(
                rf"{_NOT_IN_NUMBER}(?P<day>{day})(?!\d){_ORD_SUFFIX_EN}?"
                rf"(?i:\s+day)?(?i:\s+of)?(?i:\s+the\s+month\s+of)?\s+(?P<mon>{mon})"
                rf"(?:\s*,\s*|\s+)(?i:of\s+|in\s+the\s+year\s+(?:of\s+)?)?"
                rf"(?P<year>{year})"
            ),
            ("en",),
        ),
        _Spec("my", re.compile(rf"(?P<mon>{mon})\s*,?\s+(?i:of\s+)?(?P<year>{_Y4})"), ("en",)),
        _Spec(
            "dmy_dash",
            re.compile(
                rf"{_NOT_IN_NUMBER}(?P<day>\d{{1,2}})(?P<sep>[-\s/])(?P<mon>{mon})(?P=sep)"
                rf"(?P<year>\d{{4}}|\d{{2}}){_NUM_END}"
            ),
            ("en",),
        ),
    ]
    mon = _months_re(("es",))
    mon_full = _months_re(("es",), abbreviations=False)
    day = rf"\d{{1,2}}|{words_pattern('es', ordinals=True)}" if es_words else r"\d{1,2}|(?i:primero)"
    year = rf"{_Y4}|{words_pattern('es')}" if es_words else _Y4
    de_year = rf"\s*,?\s*(?i:(?:de|del)\s+)?(?i:a[ñn]o\s+(?:de\s+)?)?(?P<year>{year})"
    specs += [
        _Spec(
            "es_dmy",
            re.compile(
                rf"{_NOT_IN_NUMBER}(?P<day>{day})(?!\d){_ORD_SUFFIX_ES}?\s+"
                rf"(?i:(?:d[ií]as?\s+)?del\s+mes\s+)?(?i:de)\s+(?P<mon>{mon}){de_year}"
            ),
            ("es",),
        ),
        _Spec("es_my", re.compile(rf"(?P<mon>{mon_full}){de_year}"), ("es",)),
    ]
    specs += [
        _Spec(
            "numeric",
            re.compile(
                rf"{_NOT_IN_NUMBER}(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)"
                rf"(?P<year>\d{{4}}|\d{{2}}){_NUM_END}"
            ),
            langs,
        ),
        _Spec(
            "iso",
            re.compile(
                rf"{_NOT_IN_NUMBER}(?P<year>\d{{4}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<a>\d{{1,2}}){_NUM_END}"
            ),
            langs,
        ),
    ]
    return specs


def _year_alone_re(langs: tuple[str, ...]) -> re.Pattern[str]:
    words: set[str] = set()
    for lang in langs:
        words |= set(_MONTHS[lang]["year_context"])
    return re.compile(rf"(?i:\b(?:{_alt(words)})\s+(?:the\s+year\s+)?)(?P<year>\d{{4}})(?![\d]|[./-]\d)")


def _day_month_res() -> list[re.Pattern[str]]:
    """A day and month without a year (read only inside a list that ends in a full date)."""
    es_mon = _months_re(("es",), abbreviations=False)
    en_mon = _months_re(("en",), abbreviations=False)
    return [
        re.compile(
            rf"{_NOT_IN_NUMBER}(?P<day>\d{{1,2}}|(?i:primero))(?!\d){_ORD_SUFFIX_ES}?\s+(?i:de)\s+(?P<mon>{es_mon})"
        ),
        re.compile(rf"(?P<mon>{en_mon})\s+(?P<day>\d{{1,2}})(?!\d){_ORD_SUFFIX_EN}?"),
        re.compile(
            rf"{_NOT_IN_NUMBER}(?P<day>\d{{1,2}})(?!\d){_ORD_SUFFIX_EN}?(?i:\s+day)?(?i:\s+of)?\s+(?P<mon>{en_mon})"
        ),
    ]


_DAY_MONTH = _day_month_res()


def _same_re(langs: tuple[str, ...]) -> list[tuple[re.Pattern[str], str]]:
    """A day (or month) dated by the date before it: "el 20 del mismo mes", "of the same year"."""
    out = []
    if "es" in langs:
        mon = _months_re(("es",), abbreviations=False)
        day = rf"(?P<day>\d{{1,2}}|{words_pattern('es', ordinals=True)})(?!\d){_ORD_SUFFIX_ES}?"
        same = r"(?i:(?:mismo|propio|referido|citado|dicho))"
        out.append((re.compile(rf"{_NOT_IN_NUMBER}{day}\s+(?i:del?)\s+{same}\s+(?i:mes)\b"), "month"))
        out.append(
            (
                re.compile(
                    rf"{_NOT_IN_NUMBER}{day}\s+(?i:de)\s+(?P<mon>{mon})\s+(?i:del?)\s+"
                    rf"(?i:(?:mismo|propio|referido|citado|dicho|aquel|ese)\s+a[ñn]o)\b"
                ),
                "year",
            )
        )
        # "23 de mayo del corriente año": the year of writing, which no narrated date passes
        out.append(
            (
                re.compile(
                    rf"{_NOT_IN_NUMBER}{day}\s+(?i:de)\s+(?P<mon>{mon})\s+(?i:del?)\s+"
                    rf"(?i:(?:corriente|presente|actual)\s+a[ñn]o|a[ñn]o\s+(?:en\s+curso|corriente))\b"
                ),
                "current",
            )
        )
    if "en" in langs:
        mon = _months_re(("en",), abbreviations=False)
        day = rf"(?P<day>\d{{1,2}}|{words_pattern('en', ordinals=True)})(?!\d){_ORD_SUFFIX_EN}?"
        out.append((re.compile(rf"{_NOT_IN_NUMBER}{day}(?i:\s+day)?\s+(?i:of\s+the\s+same\s+month)\b"), "month"))
        out.append(
            (
                re.compile(
                    rf"{_NOT_IN_NUMBER}{day}(?i:\s+day)?(?i:\s+of)?\s+(?P<mon>{mon})\s*,?\s+(?i:of\s+)?"
                    rf"(?i:the\s+same\s+year)\b"
                ),
                "year",
            )
        )
        out.append(
            (
                re.compile(
                    rf"(?P<mon>{mon})\s+(?P<day>\d{{1,2}})(?!\d){_ORD_SUFFIX_EN}?\s*,?\s+(?i:of\s+)?"
                    rf"(?i:the\s+same\s+year)\b"
                ),
                "year",
            )
        )
        out.append(
            (
                re.compile(
                    rf"{_NOT_IN_NUMBER}{day}(?i:\s+day)?(?i:\s+of)?\s+(?P<mon>{mon})\s*,?\s+(?i:of\s+)?"
                    rf"(?i:(?:this|the\s+current|the\s+present)\s+year)\b"
                ),
                "current",
            )
        )
    return out


_LIST_GAP_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _list_gap_re(langs: tuple[str, ...]) -> re.Pattern[str]:
    """What may stand between the days of a list: separators, days, months, "y", "and"."""
    if langs not in _LIST_GAP_CACHE:
        mon = _months_re(langs, abbreviations=False)
        token = (
            r"[\s,;]|\.\.\.|…|\d{1,2}(?:st|nd|rd|th)?\b"
            r"|\b(?:y|e|and|or|o|al|a|to|hasta|entre|el|los|las|d[ií]as?|days?|the|of|de|del)\b"
            rf"|{mon}"
        )
        _LIST_GAP_CACHE[langs] = re.compile(rf"(?i:(?:{token})*)")
    return _LIST_GAP_CACHE[langs]


_SPECS: dict[tuple[str, ...], list[_Spec]] = {}


def _specs(langs: tuple[str, ...]) -> list[_Spec]:
    if langs not in _SPECS:
        _SPECS[langs] = _compile(langs)
    return _SPECS[langs]


# --------------------------------------------------------------------------- values


def _year(s: str, lang_langs: tuple[str, ...]) -> int | None:
    s = s.strip()
    buddhist = re.fullmatch(r"B\.\s?E\.\s?(\d{4})", s)
    if buddhist:
        y = int(buddhist.group(1)) - 543
        return y if MIN_YEAR <= y <= MAX_YEAR else None
    anno = re.fullmatch(r"A\.\s?D\.\s?(\d{4})", s)
    if anno:
        s = anno.group(1)
    if s.isdigit():
        y = int(s)
        if len(s) == 2:
            # two-digit years only come with explicit separators: 00-30 -> 20xx, else 19xx
            y += 2000 if y <= 30 else 1900
        elif len(s) != 4:
            return None
    else:
        value = None
        for lang in lang_langs:
            value = parse_number(s, lang)
            if value is not None:
                break
        if value is None or not float(value).is_integer():
            return None
        y = int(value)
    return y if MIN_YEAR <= y <= MAX_YEAR else None


def _day(s: str, langs: tuple[str, ...]) -> int | None:
    s = s.strip()
    if s.isdigit():
        d = int(s)
    else:
        value = None
        for lang in langs:
            value = parse_number(s, lang)
            if value is not None:
                break
        if value is None or not float(value).is_integer():
            return None
        d = int(value)
    return d if 1 <= d <= 31 else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _word_year(text: str, start: int, end: int, langs: tuple[str, ...]) -> tuple[int, int] | None:
    """(year, end) for the longest prefix of the word run text[start:end] that is a year."""
    ends = [m.end() + start for m in re.finditer(r"[^\s\-]+", text[start:end])]
    for e in reversed(ends):
        y = _year(text[start:e], langs)
        if y is not None:
            return y, e
    return None


def _read(spec: _Spec, m: re.Match[str], text: str, dayfirst: bool) -> tuple[str, str, int] | None:
    """(value, precision, end) of a pattern match, or None when it is not a possible date.

    ``end`` is the end of the match, shortened when a year in words runs on
    into other number words ("de dos mil diecinueve y cinco testigos").
    """
    name = spec.name
    g = m.groupdict()
    end = m.end()
    if g["year"].isdigit():
        year = _year(g["year"], spec.langs)
    else:
        got = _word_year(text, m.start("year"), m.end("year"), spec.langs)
        year, end = got if got else (None, end)
    if year is None:
        return None
    if name in ("numeric", "iso"):
        before = text[max(0, m.start() - 30) : m.start()]
        if _GUARD_BEFORE.search(before) or _GUARD_AFTER.match(text, m.end()):
            return None
        a, b = int(g["a"]), int(g["b"])
        if name == "iso":
            order = [(b, a)]  # year-month-day only
        elif len(g["year"]) == 2 and g["sep"] == "." and (len(g["a"]) < 2 or len(g["b"]) < 2):
            # "3.2.10" is far more often a paragraph number than a date; "14.03.19" is a date
            return None
        else:
            order = [(b, a), (a, b)] if dayfirst else [(a, b), (b, a)]
        for month, day in order:
            if _valid(year, month, day):
                return _iso(year, month, day), "day", end
        return None
    month = _month_value(g["mon"], spec.langs)
    if month is None:
        return None
    if name in ("my", "es_my"):
        return _iso(year, month), "month", end
    if name == "dmy_dash" and len(g["year"]) == 2 and g["sep"] == " ":
        return None
    day = _day(g["day"], spec.langs)
    if day is None or not _valid(year, month, day):
        return None
    return _iso(year, month, day), "day", end


# --------------------------------------------------------------------------- finder


def _select(cands: list[DateMatch]) -> list[DateMatch]:
    """Non-overlapping matches, the longest first, then the earliest."""
    chosen: list[DateMatch] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _free(start: int, end: int, taken: list[DateMatch]) -> bool:
    return all(end <= o.start or start >= o.end for o in taken)


def find_dates(
    text: str, lang: str | None, *, dayfirst: bool = True, years_alone: bool = False
) -> list[DateMatch]:
    """Every date in ``text``: non-overlapping, sorted, the longest match winning."""
    check_text(text)
    langs = check_lang(lang)
    if not isinstance(dayfirst, bool) or not isinstance(years_alone, bool):
        from .numbers import ArgumentError

        raise ArgumentError("dayfirst and years_alone must be True or False")
    cands: list[DateMatch] = []
    for spec in _specs(langs):
        for m in spec.regex.finditer(text):
            got = _read(spec, m, text, dayfirst)
            if got:
                value, precision, end = got
                cands.append(DateMatch(m.start(), end, text[m.start() : end], value, precision))
    chosen = _select(cands)

    # A day-month without a year in a list that ends in a full date takes its year:
    # "los días 7 de septiembre, 8 de septiembre, ... y 19 de noviembre de 2018".
    full = [c for c in chosen if c.precision == "day"]
    gap_re = _list_gap_re(LANGS)
    extra: list[DateMatch] = []
    for rx in _DAY_MONTH:
        for m in rx.finditer(text):
            if not _free(m.start(), m.end(), chosen + extra):
                continue
            nxt = next((c for c in full if c.start >= m.end()), None)
            if nxt is None or nxt.start - m.end() > 400:
                continue
            if not gap_re.fullmatch(text, m.end(), nxt.start):
                continue
            month = _month_value(m.group("mon"), LANGS)
            day = _day(m.group("day"), LANGS)
            year = int(nxt.value[:4])
            if month and day and _valid(year, month, day):
                extra.append(DateMatch(m.start(), m.end(), m.group(0), _iso(year, month, day), "day"))
    chosen = sorted(chosen + extra, key=lambda c: c.start)

    # "El 20 del mismo mes", "on the 21st of the same month": dated by the date before;
    # "del corriente año", "of this year": the latest year the document names.
    same: list[DateMatch] = []
    for rx, borrowed in _same_re(langs):
        for m in rx.finditer(text):
            if not _free(m.start(), m.end(), chosen + same):
                continue
            prev = [c for c in chosen if c.end <= m.start() and m.start() - c.end <= 2000]
            prev = [c for c in prev if (c.precision != "year" if borrowed == "month" else True)]
            if borrowed == "current":
                if not chosen:
                    continue
                year = max(int(c.value[:4]) for c in chosen)
            elif not prev:
                continue
            else:
                year = int(prev[-1].value[:4])
            month = int(prev[-1].value[5:7]) if borrowed == "month" else _month_value(m.group("mon"), LANGS)
            day = _day(m.group("day"), langs)
            if month and day and _valid(year, month, day):
                same.append(DateMatch(m.start(), m.end(), m.group(0), _iso(year, month, day), "day"))
    chosen = sorted(chosen + same, key=lambda c: c.start)

    if years_alone:
        extra = []
        for m in _year_alone_re(langs).finditer(text):
            start, end = m.span("year")
            if not _free(start, end, chosen):
                continue
            if _NUMBER_OF.search(text[max(0, m.start() - 40) : m.start("year")]):
                continue
            y = int(m.group("year"))
            if MIN_YEAR <= y <= MAX_YEAR:
                extra.append(DateMatch(start, end, m.group("year"), _iso(y), "year"))
        chosen = sorted(chosen + extra, key=lambda c: c.start)
    return chosen


_ISO_PARTIAL = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2}))?")


def parse_date(text: str, lang: str | None = None, *, dayfirst: bool = True) -> DateMatch | None:
    """The one date written in ``text``, or None when there is none or more than one.

    A bare year ("1997") and the partial ISO forms "YYYY" and "YYYY-MM" are read
    too, so that every ``DateMatch.value`` parses back to itself.
    """
    check_text(text)
    check_lang(lang)
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    m = _ISO_PARTIAL.fullmatch(stripped)
    if m:
        y = int(m.group("y"))
        if not MIN_YEAR <= y <= MAX_YEAR:
            return None
        if m.group("m"):
            month = int(m.group("m"))
            if not 1 <= month <= 12:
                return None
            return DateMatch(lead, lead + len(stripped), stripped, _iso(y, month), "month")
        return DateMatch(lead, lead + len(stripped), stripped, _iso(y), "year")
    found = find_dates(text, lang, dayfirst=dayfirst, years_alone=True)
    dated = [d for d in found if d.precision != "year" or len(found) == 1]
    if len(dated) == 1:
        return dated[0]
    return None
