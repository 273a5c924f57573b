"""Numbers as judgments write them: numerals with any grouping, and number words.

    parse_number("10,00,000")            -> 1000000.0   (South Asian lakh grouping)
    parse_number("1.000.000,50", "es")   -> 1000000.5
    parse_number("10,000/-")             -> 10000.0     (Pakistani "/-" after an amount)
    parse_number("dos mil diecinueve")   -> 2019.0
    parse_number("eleventh") / ("11th") / ("1.º") -> 11.0 / 11.0 / 1.0

Pure functions: the vocabularies are read once from ``data/numbers_words.json``
at import. Data that cannot be read gives ``None``; a bad argument raises
``ArgumentError`` (a ``ValueError`` and a ``UsageError``).

The other normalisers (dates, durations, money) build their patterns from
``words_pattern`` and read what those patterns match with ``parse_number``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

__all__ = [
    "ArgumentError",
    "NumberMatch",
    "find_numbers",
    "parse_number",
    "words_pattern",
    "figure_pattern",
    "scale_words",
]

LANGS = ("en", "es")
_DATA = Path(__file__).parent / "data" / "numbers_words.json"


class ArgumentError(UsageError, ValueError):
    """A bad argument to a normaliser: unknown language or country, text not a string."""


def check_lang(lang: str | None) -> tuple[str, ...]:
    """The languages to try for ``lang``; ``None`` means both. Raises on anything else."""
    if lang is None:
        return LANGS
    if lang not in LANGS:
        raise ArgumentError(f"lang must be 'en', 'es' or None, not {lang!r}")
    return (lang,)


def check_text(text: object) -> None:
    if not isinstance(text, str):
        raise ArgumentError(f"text must be a str, not {type(text).__name__}")


def fold(s: str) -> str:
    """Lower case without accents: 'Veintiún' -> 'veintiun'."""
    decomposed = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ACCENTED = {"a": "aáàä", "e": "eéèë", "i": "iíìï", "o": "oóòö", "u": "uúùü"}


def accent_insensitive(word: str) -> str:
    """A regex matching ``word`` with or without accents on its vowels."""
    out = []
    for c in word:
        if c in _ACCENTED:
            out.append(f"[{_ACCENTED[c]}]")
        else:
            out.append(re.escape(c))
    return "".join(out)


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocab:
    units: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    hundred: frozenset[str]
    scales: dict[str, int]
    ordinals: dict[str, int]
    connectors: frozenset[str]

    def cardinal_words(self) -> set[str]:
        return set(self.units) | set(self.tens) | set(self.hundreds) | set(self.hundred) | set(self.scales)


def _load() -> dict[str, _Vocab]:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    vocabs = {}
    for lang in LANGS:
        d = raw[lang]
        vocabs[lang] = _Vocab(
            units=dict(d["units"]),
            tens=dict(d["tens"]),
            hundreds=dict(d["hundreds"]),
            hundred=frozenset(d["hundred"]),
            scales=dict(d["scales"]),
            ordinals=dict(d["ordinals"]),
            connectors=frozenset(d["connectors"]),
        )
    return vocabs


_VOCAB = _load()


# --------------------------------------------------------------------------- numerals

# Ordinal suffixes after a numeral: 11th, 1st, 1º, 1.º, 1°, 1ro, 1er, 2do, 3ra, 7mo ...
_ORDINAL_NUMERAL = re.compile(
    r"(?P<n>\d{1,4})\s?(?:st|nd|rd|th|\.?\s?[º°ª]|ro|ra|er|do|da|to|ta|vo|va|mo|ma|no|na|o|a)\.?",
    re.I,
)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# "/-" (Pakistan, India), "/=" (Sri Lanka) close an amount written in figures.
_CLOSE = re.compile(r"\s*(?:/-|/=|-/|=/)\s*$")


def _grouped(int_part: str, sep: str) -> bool:
    """True if ``int_part`` is digits grouped by ``sep`` in threes, or South Asian style."""
    parts = int_part.split(sep)
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return False
    if 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]):
        return True
    # lakh grouping: 10,00,000 / 1,00,000 / 2,50,00,000
    return (
        len(parts) >= 3
        and 1 <= len(parts[0]) <= 2
        and len(parts[-1]) == 3
        and all(len(p) == 2 for p in parts[1:-1])
    )


def parse_figure(s: str, lang: str | None = None) -> float | None:
    """A numeral with optional grouping and decimals; ``None`` if the grouping is impossible.

    Both separators present: the last one is the decimal mark. One separator
    used several times: grouping. One separator once, followed by exactly three
    digits: grouping, except a dot in English ("2.500" is 2.5 in English, 2500 in
    Spanish). A comma followed by other than three digits is a decimal comma,
    except in English, where it is refused (a list such as "2,5" is not a number).
    """
    s = _CLOSE.sub("", s.strip())
    s = re.sub(r",\s(?=\d{3}\b)", ",", s)  # "Rs.450, 000" (Sri Lanka)
    if not _FIGURE.fullmatch(s):
        return None
    seps = [c for c in s if c in ".,"]
    if not seps:
        return float(s)
    kinds = set(seps)
    if len(kinds) == 2:
        dec = seps[-1]
        grp = "," if dec == "." else "."
        int_part, frac = s.rsplit(dec, 1)
        if dec in int_part or not _grouped(int_part, grp):
            return None
        return float(int_part.replace(grp, "") + "." + frac)
    sep = seps[0]
    if len(seps) >= 2:
        return float(s.replace(sep, "")) if _grouped(s, sep) else None
    head, tail = s.split(sep)
    if len(tail) == 3 and 1 <= len(head) <= 3 and head[0] != "0":
        if sep == "," or lang != "en":
            return float(head + tail)
        return float(head + "." + tail)
    if sep == ".":
        return float(s)
    if lang == "en":
        return None
    return float(head + "." + tail)


def _numeral(s: str, lang: str | None) -> float | None:
    m = _ORDINAL_NUMERAL.fullmatch(s)
    if m:
        return float(m.group("n"))
    return parse_figure(s, lang)


# --------------------------------------------------------------------------- words

_TOKEN = re.compile(r"[^\s\-]+")


def _words_value(tokens: list[str], v: _Vocab) -> int | None:
    """The value of a run of number words, or None if the run is not well formed."""
    total = 0
    current = 0
    last_scale: int | None = None
    prev: str | None = None  # kind of the previous token
    conn_ok_next: tuple[str, ...] = ()
    n_tokens = len(tokens)
    seen_number = False
    for i, tok in enumerate(tokens):
        if tok in v.connectors:
            if prev is None or prev == "conn":
                return None
            # "one hundred and five", "two thousand and nineteen"; "treinta y uno", "diez y siete"
            if prev in ("hundred", "scale", "hundreds"):
                conn_ok_next = ("unit", "tens")
            elif prev == "tens" or (prev == "unit" and current % 100 in (10, 20)):
                conn_ok_next = ("unit",)
            else:
                return None
            prev = "conn"
            continue
        after_conn = prev == "conn"
        if tok in v.units or (tok in v.ordinals and i == n_tokens - 1):
            kind = "unit"
            n = v.units[tok] if tok in v.units else v.ordinals[tok]
            if tok in v.ordinals and n % 10 == 0 and n >= 20:
                kind = "tens"  # twentieth, thirtieth
                if current % 100:
                    return None
            else:
                last_two = current % 100
                if last_two == 0:
                    pass
                elif n < 10 and (prev == "tens" or (after_conn and last_two % 10 == 0)):
                    pass
                else:
                    return None
        elif tok in v.tens:
            kind = "tens"
            n = v.tens[tok]
            if current % 100:
                return None
        elif tok in v.hundreds:
            kind = "hundreds"
            n = v.hundreds[tok]
            if current:
                return None
            current = n
            prev = kind
            seen_number = True
            continue
        elif tok in v.hundred:
            kind = "hundred"
            if current == 0:
                current = 100
            elif current < 100:
                current *= 100
            else:
                return None
            prev = kind
            seen_number = True
            continue
        elif tok in v.scales:
            scale = v.scales[tok]
            if current == 0:
                if last_scale is None or scale < last_scale:
                    current = 1  # "mil", "thousand", "dos millones mil"
                elif scale > last_scale:
                    total *= scale  # "dos mil millones"
                    last_scale = scale
                    prev = "scale"
                    continue
                else:
                    return None
            if last_scale is None or scale < last_scale:
                total += current * scale
            else:
                total = (total + current) * scale
            last_scale = scale
            current = 0
            prev = "scale"
            seen_number = True
            continue
        else:
            return None
        if after_conn and kind not in conn_ok_next:
            return None
        current += n
        prev = kind
        seen_number = True
    if not seen_number or prev == "conn":
        return None
    return total + current


def _parse_words(s: str, langs: tuple[str, ...]) -> float | None:
    tokens = _TOKEN.findall(fold(s))
    if not tokens:
        return None
    for lang in langs:
        value = _words_value(tokens, _VOCAB[lang])
        if value is not None:
            return float(value)
    return None


_SCALED = re.compile(r"(?P<fig>\d[\d.,]*)\s*(?P<word>[^\W\d_]+)")
_PAREN = re.compile(r"(?P<a>[^()\[\]]+?)\s*[(\[]\s*(?P<b>[^()\[\]]+?)\s*[)\]]")


def _scale_of(word: str, langs: tuple[str, ...]) -> int | None:
    w = fold(word)
    for lang in langs:
        if w in _VOCAB[lang].scales:
            return _VOCAB[lang].scales[w]
    return None


def _parse(s: str, lang: str | None, langs: tuple[str, ...]) -> float | None:
    s = s.strip()
    if not s:
        return None
    if s[0] == "[" and s[-1] == "]":  # "[SIXTEEN]": an editor's correction
        s = s[1:-1].strip()
    value = _numeral(s, lang)
    if value is not None:
        return value
    m = _SCALED.fullmatch(s)
    if m:
        scale = _scale_of(m.group("word"), langs)
        fig = parse_figure(m.group("fig"), lang)
        if scale is not None and fig is not None:
            return fig * scale
    m = _PAREN.fullmatch(s)
    if m:
        a = _parse(m.group("a"), lang, langs)
        b = _parse(m.group("b"), lang, langs)
        if a is not None and b is not None:
            # "six (6)", "7 (siete)": the numeral is taken when the two disagree
            return b if _FIGURE.search(m.group("b")) else a
        return None
    value = _parse_words(s, langs)
    if value is None and s[-1] in ".,;:":
        value = _parse_words(s[:-1], langs)
    return value


def parse_number(text: str, lang: str | None = None) -> float | None:
    """The number written in ``text`` (the whole string), or None.

    Numerals in any grouping ("10,00,000", "1,000,000.50", "1.000.000,50"),
    closed amounts ("10,000/-"), ordinals ("11th", "first", "1º", "primero"),
    number words in English and Spanish, case-insensitive, with or without
    accents ("twenty-one", "two thousand and nineteen", "veintiún", "SEIS"),
    numerals with a scale word ("2 lakh", "1.5 million") and a word form with
    its figure in brackets ("six (6)").
    """
    check_text(text)
    langs = check_lang(lang)
    return _parse(text, lang, langs)


# --------------------------------------------------------------------------- patterns


def _alternation(words: set[str]) -> str:
    return "|".join(accent_insensitive(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def words_pattern(lang: str | None, *, ordinals: bool = False) -> str:
    """A regex (without groups, case-insensitive inside) for a run of number words.

    With ``ordinals`` the run may end in an ordinal word ("twenty-first",
    "primero"). The match still has to be read with ``parse_number``: the
    pattern accepts ill-formed runs such as "two three".
    """
    langs = check_lang(lang)
    cardinals: set[str] = set()
    ords: set[str] = set()
    connectors: set[str] = set()
    for lg in langs:
        v = _VOCAB[lg]
        cardinals |= v.cardinal_words()
        ords |= set(v.ordinals)
        connectors |= set(v.connectors)
    word = rf"\b(?:{_alternation(cardinals)})\b"
    sep = rf"(?:\s*-\s*|\s+(?:{'|'.join(sorted(connectors))})\s+|\s+)"
    run = rf"{word}(?:{sep}{word})*"
    if ordinals:
        ordinal = rf"\b(?:{_alternation(ords)})\b"
        run = rf"(?:(?:{run}){sep})?{ordinal}|{run}"
    return rf"(?i:{run})"


def scale_words(lang: str | None) -> set[str]:
    """The multiplier words of ``lang``: "thousand", "lakh", "crore", "mil", "millones", ..."""
    return {w for lg in check_lang(lang) for w in _VOCAB[lg].scales}


def figure_pattern() -> str:
    """A regex (no groups) for a numeral with optional grouping, decimals and a closing '/-'."""
    return r"\d+(?:(?:[.,]|,\s(?=\d{3}\b))\d+)*(?:\s?/[-=])?"


# --------------------------------------------------------------------------- finder


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    value: float


_FIND_CACHE: dict[str | None, re.Pattern[str]] = {}


def _find_re(lang: str | None) -> re.Pattern[str]:
    if lang not in _FIND_CACHE:
        langs = check_lang(lang)
        scales = set()
        for lg in langs:
            scales |= set(_VOCAB[lg].scales)
        scale = rf"(?i:\s*\b(?:{_alternation(scales)})\b)"
        fig = r"(?<!\d)(?<!\d[.,])\d+(?:[.,]\d+)*(?![\w]|[.,]\d)"
        ordinal = r"(?<!\d)(?<!\d[.,])\d{1,4}(?i:st|nd|rd|th)\b"
        _FIND_CACHE[lang] = re.compile(
            rf"(?P<ord>{ordinal})|(?P<fig>{fig}(?:{scale})?)(?:\s?/[-=])?|(?P<words>{words_pattern(lang)})"
        )
    return _FIND_CACHE[lang]


_ARTICLES = {"un", "una", "uno"}


def _longest_words(text: str, start: int, end: int, lang: str | None, langs) -> tuple[int, float] | None:
    """The longest prefix of the word run text[start:end] that reads as a number."""
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    for k in range(len(tokens), 0, -1):
        last_end = tokens[k - 1][1]
        value = _parse(text[start:last_end], lang, langs)
        if value is not None:
            return last_end, value
    return None


def find_numbers(text: str, lang: str | None) -> list[NumberMatch]:
    """Every number in ``text``: numerals, numerals with a scale word, number words.

    Ordinal words ("second accused") and a lone Spanish article ("un", "una")
    are left out; numeral ordinals ("11th") are kept.
    """
    check_text(text)
    langs = check_lang(lang)
    out: list[NumberMatch] = []
    pos = 0
    rx = _find_re(lang)
    while True:
        m = rx.search(text, pos)
        if not m:
            break
        if m.group("words"):
            got = _longest_words(text, m.start(), m.end(), lang, langs)
            if got is None:
                pos = m.end()
                continue
            end, value = got
            if fold(text[m.start() : end]) in _ARTICLES:
                pos = end
                continue
        else:
            end = m.end()
            value = _parse(m.group(0), lang, langs)
            if value is None:
                pos = m.end()
                continue
        out.append(NumberMatch(m.start(), end, text[m.start() : end], value))
        pos = end
    return out
