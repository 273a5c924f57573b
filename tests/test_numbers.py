"""atlas_courts.resolve.numbers: numerals in any grouping and number words (en, es).

Phrasings marked with a file name are copied from the dev corpus
(../shared/corpus/dev); the tests embed them and do not read the corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atlas_courts.errors import UsageError
from atlas_courts.resolve.numbers import ArgumentError, find_numbers, parse_number

# --------------------------------------------------------------------------- numerals

NUMERALS = [
    # (text, lang, value)
    ("10,00,000", None, 1_000_000),  # pk-lhc__2023LHC124: "Rs.10,00,000/-" (lakh grouping)
    ("1,00,000", "en", 100_000),  # pk-lhc__2024LHC5634: "Rs.1,00,000/-"
    ("2,50,000", "en", 250_000),  # pk-lhc__2020LHC4477: "Rs.2,50,000/-"
    ("2,50,00,000", "en", 25_000_000),  # two crore fifty lakh
    ("1,000,000.50", "en", 1_000_000.5),
    ("7,960,438", "en", 7_960_438),  # pk-lhc__2023LHC2862: "Rs.7,960,438/-"
    ("1.000.000", "es", 1_000_000),
    ("1.000.000,50", "es", 1_000_000.5),
    ("50.000", "es", 50_000),
    ("31.200", "es", 31_200),  # ar-caba-aymurai document-05: "$31.200"
    ("58.37", "es", 58.37),  # ar-caba-aymurai document-05: "$58.37"
    ("50.000", "en", 50.0),  # English: a dot is a decimal point
    ("2.5", None, 2.5),
    ("0.5", None, 0.5),
    ("2,5", "es", 2.5),  # Spanish decimal comma
    ("10,000/-", None, 10_000),  # Pakistani closing "/-"
    ("1000/=", None, 1000),  # Sri Lankan closing "/="
    ("50,000.000", "en", 50_000),  # ph 2001 GR-133922: "P50,000.000" (a typo for .00)
    ("450, 000", "en", 450_000),  # lk-sc-ca 2018 SC-APPEAL-201: "Rs.450, 000"
    ("06", None, 6),  # pk-lhc__2023LHC124: "06-months"
    ("2017", None, 2017),
    ("0.500", None, 0.5),  # a leading zero group is never a thousands group
    ("1.500", None, 1500),  # lang unknown: a dot before three digits groups thousands
]


@pytest.mark.parametrize("text,lang,value", NUMERALS)
def test_parse_numerals(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


ORDINALS = [
    ("first", "en", 1),
    ("eleventh", "en", 11),
    ("twenty-first", "en", 21),
    ("thirtieth", "en", 30),
    ("11th", "en", 11),  # ph GR-140067: "the 11th day of June, 1997"
    ("3rd", "en", 3),  # ph GRs-138431: "this 3rd day of August, 1998"
    ("28 th", "en", 28),  # ph GR-133922: "the 28 th day of October, 1995"
    ("primero", "es", 1),  # ph 1947 GR-L-1003: "En primero de noviembre de 1945"
    ("1º", "es", 1),
    ("1°", "es", 1),
    ("1.º", "es", 1),
    ("1ro", "es", 1),
    ("3ra", "es", 3),
]


@pytest.mark.parametrize("text,lang,value", ORDINALS)
def test_parse_ordinals(text, lang, value):
    assert parse_number(text, lang) == value


WORDS_EN = [
    ("one", 1),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("one hundred thousand", 100_000),  # ph GR-128777: "ONE HUNDRED THOUSAND (P100,000.00) PESOS"
    ("ONE HUNDRED THOUSAND", 100_000),
    ("Twenty Seven Thousand", 27_000),  # ph GR-125081: "Twenty Seven Thousand (P27,000.00) Pesos"
    ("Twenty One Thousand Six Hundred", 21_600),  # ph GR-125081
    ("THIRTY SIX THOUSAND FIVE HUNDRED", 36_500),  # ph GR-140067
    ("two thousand and nineteen", 2019),
    ("one hundred and five", 105),
    ("nineteen hundred and ninety-seven", 1997),
    ("one million two hundred thousand", 1_200_000),
    ("two lakhs", 200_000),  # pk-lhc__2023LHC7628: "two lakhs of rupees"
    ("one million", 1_000_000),  # pk-lhc__2024LHC6351: "one million rupees"
    ("[SIXTEEN]", 16),  # ph GR-147913: "[SIXTEEN] (16) YEARS"
    ("six (6)", 6),  # ph GR-140067: "six (6) years"
    ("Eleven (11)", 11),  # ph GRs-138431: "Eleven (11) months"
    ("2 lakh", 200_000),
    ("1.5 million", 1_500_000),
]


@pytest.mark.parametrize("text,value", WORDS_EN)
def test_parse_words_en(text, value):
    assert parse_number(text, "en") == value


WORDS_ES = [
    ("seis", 6),  # ar-caba-aymurai document-01: "seis meses de prisión"
    ("SEIS", 6),  # ar-caba-aymurai document-01: "SEIS MESES de prisión EN SUSPENSO"
    ("veintiún", 21),
    ("veintiun", 21),  # ph 1947 GR-L-287: "veintiun dias" (accents stripped)
    ("veintiuno", 21),
    ("dos mil diecinueve", 2019),
    ("dos mil veintiuno", 2021),
    ("ciento cincuenta mil", 150_000),
    ("un millón", 1_000_000),
    ("cinco millones", 5_000_000),
    ("treinta y nueve", 39),  # ar-caba-aymurai document-05: "$39 (pesos treinta y nueve)"
    ("treinta y un mil doscientos", 31_200),  # ar-caba-aymurai document-05
    ("diez y siete", 17),  # ph 1941 GR-L-47813: "diez y siete años" (old spelling)
    ("mil novecientos cuarenta y siete", 1947),
    ("quinientos", 500),
    ("setecientos cincuenta", 750),  # ar-caba-aymurai document-01: "multa de setecientos cincuenta"
    ("QUINCE (15)", 15),  # ar-caba-aymurai document-04: "QUINCE (15) DÍAS"
    ("7 (siete)", 7),  # ar-caba-aymurai document-05: "7 (siete) días de arresto"
    ("dos mil millones", 2_000_000_000),
    ("catorce", 14),
]


@pytest.mark.parametrize("text,value", WORDS_ES)
def test_parse_words_es(text, value):
    assert parse_number(text, "es") == value


@pytest.mark.parametrize("text,value", [("twenty-one", 21), ("veintiún", 21), ("fifty", 50), ("cincuenta", 50)])
def test_lang_none_tries_both(text, value):
    assert parse_number(text) == value


NOT_NUMBERS = [
    ("", None),
    ("   ", None),
    ("abc", None),
    ("two three", "en"),  # not a well-formed number
    ("twenty thirty", "en"),
    ("and five", "en"),
    ("five and", "en"),
    ("dos y tres", "es"),
    ("mil mil", "es"),
    ("2,5", "en"),  # a list in English, not a decimal
    ("1,2,3", None),  # not a grouping
    ("12.34.5", None),
    ("seis", "en"),  # Spanish word, English asked
    ("six", "es"),
]


@pytest.mark.parametrize("text,lang", NOT_NUMBERS)
def test_not_numbers(text, lang):
    assert parse_number(text, lang) is None


@pytest.mark.parametrize("lang", ["fr", "EN", "", "english"])
def test_bad_lang_raises(lang):
    with pytest.raises(ValueError):
        parse_number("1", lang)
    with pytest.raises(ArgumentError):
        find_numbers("1", lang)


def test_bad_text_raises():
    with pytest.raises(ValueError):
        parse_number(12)  # type: ignore[arg-type]
    with pytest.raises(UsageError):  # the CLI shows UsageError as "Error: ..."
        parse_number(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- finder

FIND = [
    (
        "with the direction to pay compensation of Rs.10,00,000/- to the legal heirs",  # pk-lhc__2023LHC124
        "en",
        [("10,00,000/-", 1_000_000)],
    ),
    (
        "sentenced to suffer twenty-one days and one hundred thousand pesos",
        "en",
        [("twenty-one", 21), ("one hundred thousand", 100_000)],
    ),
    ("on the 11th day of June", "en", [("11th", 11)]),
    ("un año y dos meses; 2 lakh", None, [("dos", 2), ("2 lakh", 200_000)]),  # lone article "un" left out
    ("the second accused", "en", []),  # ordinal words are not counted
    ("no numbers here", "en", []),
]


@pytest.mark.parametrize("text,lang,expected", FIND)
def test_find_numbers(text, lang, expected):
    found = find_numbers(text, lang)
    assert [(m.text, m.value) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


# --------------------------------------------------------------------------- properties

_EN_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _en_words(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        return _EN_TENS[n // 10] + ("-" + _EN_UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _EN_UNITS[n // 100] + " hundred" + (" and " + _en_words(rest) if rest else "")
    if n < 1_000_000:
        rest = n % 1000
        return _en_words(n // 1000) + " thousand" + (" " + _en_words(rest) if rest else "")
    rest = n % 1_000_000
    return _en_words(n // 1_000_000) + " million" + (" " + _en_words(rest) if rest else "")


_ES_UNITS = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
    "diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco "
    "veintiséis veintisiete veintiocho veintinueve"
).split()
_ES_TENS = "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
_ES_HUNDREDS = "_ ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos".split()


def _es_words(n: int) -> str:
    if n < 30:
        return _ES_UNITS[n]
    if n < 100:
        return _ES_TENS[n // 10] + (" y " + _ES_UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        if n == 100:
            return "cien"
        rest = n % 100
        return _ES_HUNDREDS[n // 100] + (" " + _es_words(rest) if rest else "")
    if n < 1_000_000:
        head = n // 1000
        rest = n % 1000
        prefix = "mil" if head == 1 else _es_words(head).replace("uno", "un") + " mil"
        return prefix + (" " + _es_words(rest) if rest else "")
    head = n // 1_000_000
    rest = n % 1_000_000
    prefix = "un millón" if head == 1 else _es_words(head).replace("uno", "un") + " millones"
    return prefix + (" " + _es_words(rest) if rest else "")


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_words_round_trip_en(n):
    assert parse_number(_en_words(n), "en") == n


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_words_round_trip_es(n):
    assert parse_number(_es_words(n), "es") == n


def _group(n: int, sep: str, indian: bool = False) -> str:
    s = str(n)
    if not indian:
        parts = []
        while len(s) > 3:
            parts.insert(0, s[-3:])
            s = s[:-3]
        return sep.join([s] + parts)
    head, tail = s[:-3], s[-3:]
    parts = []
    while len(head) > 2:
        parts.insert(0, head[-2:])
        head = head[:-2]
    return sep.join(([head] if head else []) + parts + [tail])


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_grouping_round_trip(n, cents):
    assert parse_number(_group(n, ","), "en") == n
    assert parse_number(_group(n, ",", indian=True), "en") == n
    assert parse_number(_group(n, ",", indian=True) + "/-", "en") == n
    assert parse_number(_group(n, "."), "es") == n
    assert parse_number(f"{_group(n, ',')}.{cents:02d}", "en") == pytest.approx(n + cents / 100)
    assert parse_number(f"{_group(n, '.')},{cents:02d}", "es") == pytest.approx(n + cents / 100)


_FRAGMENTS = st.sampled_from(
    ["Rs.10,00,000/-", "twenty-one", " ", "and", "y", "dos mil", "11th", "1.000.000,50", "-", ",", ".",
     "un", "año", "P50,000.00", "(", ")", "seis", "\n", "lakh", "2", "á", "thousand"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_FRAGMENTS | st.text(max_size=5), max_size=25).map("".join), st.sampled_from([None, "en", "es"]))
def test_find_numbers_offsets(text, lang):
    prev_end = 0
    for m in find_numbers(text, lang):
        assert text[m.start : m.end] == m.text
        assert m.start >= prev_end
        prev_end = m.end
