"""Amounts of money as judgments write them, with exact spans and ISO 4217 currencies.

    find_money("a fine of Rs.1,00,000/- and in default", "en", country="PK")
        -> [MoneyMatch(10, 23, "Rs.1,00,000/-", 100000.0, "PKR")]
    find_money("fifty thousand pesos (P50,000.00) as moral damages", "en", country="PH")
        -> [MoneyMatch(0, 33, "fifty thousand pesos (P50,000.00)", 50000.0, "PHP")]

A symbol shared by several currencies is resolved from ``country``: "Rs." is PKR
in Pakistan, LKR in Sri Lanka, INR in India; "$" is ARS in Argentina and USD in
the United States, Liberia, the Philippines and in English text from an unknown
country; "pesos" is PHP in the Philippines and ARS in Argentina. Without a
country such a symbol gives ``currency=None`` and a ``reason``, never a guess.
The Philippine "P" counts only directly before a figure ("P50,000", "P 50,000"),
in a Philippine document or one whose country is unknown, and not after
"Exhibit".

An amount written in words and in figures ("ONE HUNDRED THOUSAND (P100,000.00)
PESOS", "$20.000 (pesos veinte mil)") is one match; its amount is the figure's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .numbers import (
    ArgumentError,
    accent_insensitive,
    check_lang,
    check_text,
    figure_pattern,
    fold,
    parse_number,
    scale_words,
    words_pattern,
)

__all__ = ["MoneyMatch", "find_money", "parse_money"]

_DATA = Path(__file__).parent / "data" / "money_currencies.json"


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    text: str
    amount: float
    currency: str | None  # ISO 4217; None when the symbol is ambiguous here
    reason: str | None = None  # why currency is None, or why words and figures disagree


# --------------------------------------------------------------------------- vocabulary

_V = json.loads(_DATA.read_text(encoding="utf-8"))
_PREFIX: dict[str, str] = _V["prefix"]
_WORDS: dict[str, str] = {fold(k): v for k, v in _V["words"].items()}
_CODES: list[str] = _V["codes"]
_AMBIGUOUS: dict[str, dict[str, str]] = _V["ambiguous"]


def _word_regex(word: str) -> str:
    # multi-word names allow any spacing; "ñ"-free vocabulary, so accents are the only variation
    return r"\s+".join(accent_insensitive(part) for part in word.split())


_SYM = "|".join(re.escape(t) for t in sorted(_PREFIX, key=lambda t: (-len(t), t)))
_CURW = "(?i:" + "|".join(_word_regex(w) for w in sorted(_WORDS, key=lambda w: (-len(w), w))) + ")"
_CODE = "(?:" + "|".join(_CODES) + ")"
_FIG = figure_pattern()
_PAREN_OPEN = re.compile(r"\s*\(\s*")
_PAREN_CLOSE = re.compile(r"\s*\)")
_EXHIBIT_BEFORE = re.compile(r"(?i:\b(?:exh(?:ibit)?s?|ex|annex(?:ure)?|marked|mark|page|pages|pp?)\s*\.?\s*)$")

_PATTERNS: dict[str | None, dict[str, re.Pattern[str]]] = {}


def _patterns(lang: str | None) -> dict[str, re.Pattern[str]]:
    if lang in _PATTERNS:
        return _PATTERNS[lang]
    scales = sorted(scale_words(lang), key=lambda w: (-len(w), w))
    scale = r"(?:\s*\b(?i:" + "|".join(accent_insensitive(w) for w in scales) + r")\b)"
    words = words_pattern(None)  # number words of both languages (documents quote each other)
    amount_fig = rf"{_FIG}{scale}?"
    end_fig = r"(?!(?<=\d)[A-Za-z0-9])"
    pats = {
        # Rs.10,00,000/-  US$ 5,000  P50,000.00  Gs. 5.000.000  $ 50.000  USD 2 million
        "prefix": re.compile(rf"(?<![A-Za-z0-9$])(?P<sym>{_SYM})\s?(?P<amt>{amount_fig}){end_fig}"),
        # pesos diez mil, Rupees two hundred thousand only, pesos 10.000
        "word_first": re.compile(
            rf"(?<!\w)(?P<cur>{_CURW})\s+(?P<amt>{amount_fig}{end_fig}|{words})(?:\s+(?i:only))?(?!\w)"
        ),
        # 5,000 baht, cincuenta mil pesos, un millón de pesos, two lakhs of rupees, 5,000 USD
        "word_after": re.compile(
            rf"(?<![\w.,])(?P<amt>{amount_fig}|{words})(?P<of>\s+(?i:de|of))?\s*(?P<cur>{_CURW}|{_CODE})(?!\w)"
        ),
        # ten thousand (10,000) pesos; 10,000 (ten thousand) pesos
        "restated": re.compile(
            rf"(?<![\w.,])(?P<a>{amount_fig}|{words})\s*\(\s*(?P<b>{amount_fig}|{words})\s*\)\s*,?\s*"
            rf"(?P<cur>{_CURW}|{_CODE})(?!\w)"
        ),
        "bare_words_before_paren": re.compile(rf"(?P<amt>{words})\s*\(\s*$"),
        "bare_amount": re.compile(rf"(?P<amt>{amount_fig}{end_fig}|{words})"),
        "currency_word": re.compile(rf"\s*,?\s*(?P<cur>{_CURW}|{_CODE})(?!\w)"),
    }
    _PATTERNS[lang] = pats
    return pats


# --------------------------------------------------------------------------- atoms


@dataclass
class _Atom:
    start: int
    end: int
    amount: float
    figure: bool  # the amount was written in figures
    token: str | None  # the currency token as written
    key: str | None  # ISO code or "@ambiguous" key


def _number(text: str, lang: str | None) -> float | None:
    """``parse_number`` in ``lang``, then, for words, in the other language too."""
    value = parse_number(text, lang)
    if value is None and lang is not None and re.search(r"[^\W\d_]", text):
        value = parse_number(text, None)
    return value


def _amount(text: str, lang: str | None, *, shrink: str) -> tuple[float, int, int] | None:
    """(value, start offset, end offset) of the amount in ``text``; a run of words
    that does not read as a number is shortened from the ``shrink`` side."""
    value = _number(text, lang)
    if value is not None:
        return value, 0, len(text)
    tokens = [m.span() for m in re.finditer(r"[^\s\-]+", text)]
    for k in range(1, len(tokens)):
        if shrink == "right":
            a, b = 0, tokens[len(tokens) - k - 1][1]
        else:
            a, b = tokens[k][0], len(text)
        value = _number(text[a:b], lang)
        if value is not None:
            return value, a, b
    return None


def _scaled_words(amt: str) -> bool:
    """True if ``amt`` ends in a scale word: "two lakhs" (of rupees), "un millón" (de pesos)."""
    last = re.findall(r"[^\W\d_]+", amt)
    return bool(last) and fold(last[-1]) in scale_words(None)


def _atoms(text: str, lang: str | None, country: str | None) -> list[_Atom]:
    pats = _patterns(lang)
    out: list[_Atom] = []
    for m in pats["prefix"].finditer(text):
        sym = m.group("sym")
        if sym == "P":
            if country not in (None, "PH"):
                continue
            before = text[max(0, m.start() - 15) : m.start()]
            if before.endswith(".") or _EXHIBIT_BEFORE.search(before):
                continue
        value = parse_number(m.group("amt"), lang)
        if value is None:
            continue
        out.append(_Atom(m.start(), m.end(), value, True, sym, _PREFIX[sym]))
    for m in pats["word_first"].finditer(text):
        got = _amount(m.group("amt"), lang, shrink="right")
        if got is None:
            continue
        value, _, b = got
        end = m.start("amt") + b
        if m.group(0).lower().endswith("only") and b == len(m.group("amt")):
            end = m.end()
        cur = m.group("cur")
        key = _key_of_word(cur)
        if key is None:
            continue
        out.append(_Atom(m.start(), end, value, bool(re.match(r"\d", m.group("amt"))), cur, key))
    for m in pats["word_after"].finditer(text):
        amt = m.group("amt")
        if m.group("of") and not _scaled_words(amt):
            continue
        got = _amount(amt, lang, shrink="left")
        if got is None:
            continue
        value, a, _ = got
        cur = m.group("cur")
        key = _key_of_word(cur)
        if key is None:
            continue
        out.append(_Atom(m.start("amt") + a, m.end(), value, bool(re.match(r"\d", amt)), cur, key))
    for m in pats["restated"].finditer(text):
        got = _amount(m.group("a"), lang, shrink="left")
        b = _number(m.group("b"), lang)
        key = _key_of_word(m.group("cur"))
        if got is None or b is None or key is None:
            continue
        a_value, x, _ = got
        a_fig = bool(re.match(r"\d", m.group("a")))
        value = a_value if a_fig or not re.match(r"\d", m.group("b")) else b
        out.append(_Atom(m.start("a") + x, m.end(), value, True, m.group("cur"), key))
    return out


# --------------------------------------------------------------------------- merging


def _merge(text: str, atoms: list[_Atom], lang: str | None) -> list[tuple[int, int, _Atom, _Atom | None, str | None]]:
    """Join an amount with its restatement in brackets: (start, end, main, other, trailing currency)."""
    pats = _patterns(lang)
    by_start: dict[int, list[_Atom]] = {}
    for a in atoms:
        by_start.setdefault(a.start, []).append(a)
    merged = []
    for a in atoms:
        # A (B): "fifty thousand pesos (P50,000.00)", "$20.000 (pesos veinte mil)", "CN$2,700.00 (Canadian Dollars)"
        o = _PAREN_OPEN.match(text, a.end)
        if o:
            inner_start = o.end()
            inner: list[tuple[int, _Atom | None, str | None]] = []
            for b in by_start.get(inner_start, []):
                inner.append((b.end, b, None))
            cw = pats["currency_word"].match(text, inner_start)
            if cw:
                inner.append((cw.end(), None, cw.group("cur")))
            bare = pats["bare_amount"].match(text, inner_start)
            if bare:
                value = _number(bare.group(0), lang)
                if value is not None:
                    inner.append((bare.end(), _Atom(inner_start, bare.end(), value, bool(re.match(r"\d", bare.group(0))), None, None), None))
            for inner_end, b, cur in sorted(inner, key=lambda x: -x[0]):
                c = _PAREN_CLOSE.match(text, inner_end)
                if c:
                    end = c.end()
                    tail = pats["currency_word"].match(text, end)
                    trailing = cur
                    if tail and a.key is None:
                        trailing, end = tail.group("cur"), tail.end()
                    merged.append((a.start, end, a, b, trailing))
                    break
    # W (A) CUR: "ONE HUNDRED THOUSAND (P100,000.00) PESOS", "Sixteen thousand (P16,000) pesos"
    for a in atoms:
        window_start = max(0, a.start - 200)
        w = pats["bare_words_before_paren"].search(text, window_start, a.start)
        if not w or w.end() != a.start:
            continue
        got = _amount(w.group("amt"), lang, shrink="left")
        if got is None:
            continue
        value, x, _ = got
        c = _PAREN_CLOSE.match(text, a.end)
        if not c:
            continue
        end = c.end()
        tail = pats["currency_word"].match(text, end)
        trailing = None
        if tail:
            trailing, end = tail.group("cur"), tail.end()
        words_atom = _Atom(w.start("amt") + x, w.end("amt"), value, False, None, None)
        merged.append((words_atom.start, end, words_atom, a, trailing))
    return merged


def _resolve(token: str | None, key: str | None, country: str | None, lang: str | None) -> tuple[str | None, str | None]:
    if key is None:
        return None, "no currency written"
    if not key.startswith("@"):
        return key, None
    table = _AMBIGUOUS[key]
    if country is not None:
        if country in table:
            return table[country], None
        if "*" in table:
            return table["*"], None
        return None, f"{token!r} has no known currency in country {country}"
    if "none" in table:
        return table["none"], None
    if lang == "en" and "en" in table:
        return table["en"], None
    return None, f"{token!r} is ambiguous without a country"


def _currency(parts: list[tuple[str | None, str | None]], country: str | None, lang: str | None) -> tuple[str | None, str | None]:
    """The currency of a match from its tokens: an explicit code wins over an ambiguous symbol."""
    reason = "no currency written"
    for token, key in parts:
        if key and not key.startswith("@"):
            return key, None
    for token, key in parts:
        if key:
            code, why = _resolve(token, key, country, lang)
            if code:
                return code, None
            reason = why
    return None, reason


def _key_of_word(cur: str | None) -> str | None:
    if cur is None:
        return None
    if cur in _CODES:
        return cur
    return _WORDS.get(fold(re.sub(r"\s+", " ", cur.strip(", "))))


_COUNTRY = re.compile(r"[A-Z]{2}")


def find_money(text: str, lang: str | None, *, country: str | None = None) -> list[MoneyMatch]:
    """Every amount of money in ``text``: non-overlapping, sorted, the longest match winning."""
    check_text(text)
    check_lang(lang)
    if country is not None and (not isinstance(country, str) or not _COUNTRY.fullmatch(country)):
        raise ArgumentError(f"country must be an ISO 3166-1 alpha-2 code such as 'PH', not {country!r}")
    atoms = _atoms(text, lang, country)
    cands: list[MoneyMatch] = []
    for a in atoms:
        code, reason = _currency([(a.token, a.key)], country, lang)
        cands.append(MoneyMatch(a.start, a.end, text[a.start : a.end], float(a.amount), code, reason))
    for start, end, a, b, trailing in _merge(text, atoms, lang):
        parts = [(a.token, a.key)]
        if b is not None:
            parts.append((b.token, b.key))
        if trailing:
            parts.append((trailing, _key_of_word(trailing)))
        code, reason = _currency(parts, country, lang)
        # the figure is the amount: words are restatements, and the figure is what is paid
        figures = [x for x in (a, b) if x is not None and x.figure]
        amount = figures[0].amount if figures else a.amount
        other = [x.amount for x in (a, b) if x is not None and x.amount != amount]
        if other and reason is None:
            reason = f"words and figures disagree: {other[0]:g} and {amount:g}"
        cands.append(MoneyMatch(start, end, text[start:end], float(amount), code, reason))
    chosen: list[MoneyMatch] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def parse_money(text: str, lang: str | None = None, *, country: str | None = None) -> MoneyMatch | None:
    """The one amount written in ``text``, or None when there is none or more than one."""
    found = find_money(text, lang, country=country)
    return found[0] if len(found) == 1 else None
