"""atlas_courts.resolve.money: amounts with exact spans and ISO 4217 currencies.

Phrasings marked with a file name are copied from the dev corpus
(../shared/corpus/dev); the tests embed them and do not read the corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atlas_courts.resolve.money import MoneyMatch, find_money, parse_money


def _found(text, lang, country):
    found = find_money(text, lang, country=country)
    prev_end = 0
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start >= prev_end
        prev_end = m.end
    return [(m.text, m.amount, m.currency) for m in found]


# --------------------------------------------------------------------------- English

EN = [
    # (text, country, [(match text, amount, currency), ...])
    ("with the direction to pay compensation of Rs.10,00,000/- to the legal heirs", "PK",  # pk-lhc__2023LHC124
     [("Rs.10,00,000/-", 1_000_000, "PKR")]),
    ("Rs. 100,000/-", "PK", [("Rs. 100,000/-", 100_000, "PKR")]),
    ("with fine of Rs.1,00,000/- and in default thereof", "PK",  # pk-lhc__2024LHC5634
     [("Rs.1,00,000/-", 100_000, "PKR")]),
    ("impose a fine of Rs. 1000/-. In default", "LK", [("Rs. 1000/-", 1000, "LKR")]),  # lk-ca 2023 CA-HCC-0404
    ("a fine of Rs. 25,000/- carrying a default sentence", "LK",  # lk-sc-ca 2020 SC-APPEAL-154
     [("Rs. 25,000/-", 25_000, "LKR")]),
    ("Rs. 25,000", "IN", [("Rs. 25,000", 25_000, "INR")]),
    ("a sum of Rs.450, 000 from one", "LK", [("Rs.450, 000", 450_000, "LKR")]),  # lk-sc-ca 2018 SC-APPEAL-201
    ("amount 7 Rs.2100/-denomination currency notes", "PK", [("Rs.2100/-", 2100, "PKR")]),  # pk-lhc__2024LHC6189
    ("pay Rs.200,000/- (Rupees two hundred thousand only) each", "PK",  # pk-lhc__2024LHC6062
     [("Rs.200,000/- (Rupees two hundred thousand only)", 200_000, "PKR")]),
    ("liable for a duty exceeding two lakhs of rupees", "PK", [("two lakhs of rupees", 200_000, "PKR")]),  # pk 2023LHC7628
    ("which may extend to one million rupees or with both", "PK",  # pk-lhc__2024LHC6351
     [("one million rupees", 1_000_000, "PKR")]),
    ("LKR 25,000", None, [("LKR 25,000", 25_000, "LKR")]),
    ("P50,000.00", "PH", [("P50,000.00", 50_000, "PHP")]),
    ("P 50,000", "PH", [("P 50,000", 50_000, "PHP")]),
    ("the amount of P 20,000.00 as moral damages and the amount of P 10,000.00", "PH",  # ph GR-147913
     [("P 20,000.00", 20_000, "PHP"), ("P 10,000.00", 10_000, "PHP")]),
    ("₱50,000", None, [("₱50,000", 50_000, "PHP")]),
    ("completed the ₱15,000 downpayment", "PH", [("₱15,000", 15_000, "PHP")]),  # ph GR-123146
    ("PHP 50,000", None, [("PHP 50,000", 50_000, "PHP")]),
    ("Php50,000.00", None, [("Php50,000.00", 50_000, "PHP")]),
    ("P50,000.00", None, [("P50,000.00", 50_000, "PHP")]),
    ("to pay the sum of fifty thousand pesos (P50,000.00) as civil indemnity", "PH",
     [("fifty thousand pesos (P50,000.00)", 50_000, "PHP")]),
    ("the sum of ONE HUNDRED THOUSAND (P100,000.00) PESOS as moral damages", "PH",  # ph GR-128777
     [("ONE HUNDRED THOUSAND (P100,000.00) PESOS", 100_000, "PHP")]),
    ("in the amount of Twenty Seven Thousand (P27,000.00) Pesos; 2. In Criminal", "PH",  # ph GR-125081
     [("Twenty Seven Thousand (P27,000.00) Pesos", 27_000, "PHP")]),
    ("the sum of Sixteen thousand (P16,000) pesos. SO ORDERED.", "PH",  # ph GRs-138431-36
     [("Sixteen thousand (P16,000) pesos", 16_000, "PHP")]),
    ("the amount of FIFTY THOUSAND PESOS (P50,000.000) as civil indemnify", "PH",  # ph GR-133922 (typo .000)
     [("FIFTY THOUSAND PESOS (P50,000.000)", 50_000, "PHP")]),
    ("a fine of One Hundred Thousand Pesos (P100,000.00). Costs", "PH",  # ph GR-125903
     [("One Hundred Thousand Pesos (P100,000.00)", 100_000, "PHP")]),
    ("the mentioned amount of THIRTY SIX THOUSAND FIVE HUNDRED PESOS (P36,500.00), Philippine Currency.", "PH",
     [("THIRTY SIX THOUSAND FIVE HUNDRED PESOS (P36,500.00)", 36_500, "PHP")]),  # ph GR-140067-71
    ("ten thousand (10,000) pesos", "PH", [("ten thousand (10,000) pesos", 10_000, "PHP")]),
    ("if the amount of the fraud is over 12,000 pesos but does not exceed 22,000 pesos", "PH",  # ph GR-125903
     [("12,000 pesos", 12_000, "PHP"), ("22,000 pesos", 22_000, "PHP")]),
    ("a salary of CN$2,700.00 (Canadian Dollars) and", "PH",  # ph GR-141221-36
     [("CN$2,700.00 (Canadian Dollars)", 2700, "CAD")]),
    ("a monthly salary of $1,000.00.", "PH", [("$1,000.00", 1000, "USD")]),  # ph GR-141221-36
    ("$100", None, [("$100", 100, "USD")]),
    ("a fine not exceeding $100, or", "US", [("$100", 100, "USD")]),
    ("US$ 5,000", None, [("US$ 5,000", 5000, "USD")]),
    ("USD 5,000", None, [("USD 5,000", 5000, "USD")]),
    ("5,000 USD", None, [("5,000 USD", 5000, "USD")]),
    ("L$ 5,000", "LR", [("L$ 5,000", 5000, "LRD")]),
    ("5,000 Liberian dollars", "LR", [("5,000 Liberian dollars", 5000, "LRD")]),
    ("$5,000", "LR", [("$5,000", 5000, "USD")]),
    ("5,000 baht", "TH", [("5,000 baht", 5000, "THB")]),
    ("THB 5,000", None, [("THB 5,000", 5000, "THB")]),
    ("Rs. 2 lakh", "PK", [("Rs. 2 lakh", 200_000, "PKR")]),
]


@pytest.mark.parametrize("text,country,expected", EN)
def test_english(text, country, expected):
    assert _found(text, "en", country) == expected


# --------------------------------------------------------------------------- Spanish

ES = [
    ("$ 50.000", "AR", [("$ 50.000", 50_000, "ARS")]),
    ("la suma de siete mil pesos ($7.000) en concepto de pensión", "AR",  # ar-caba document-01
     [("siete mil pesos ($7.000)", 7000, "ARS")]),
    ("la suma de pesos diez mil ($10.000). Luego", "AR",  # ar-caba document-01
     [("pesos diez mil ($10.000)", 10_000, "ARS")]),
    ("por la suma de $20.000 (pesos veinte mil) en favor de la víctima", "AR",  # ar-caba document-05
     [("$20.000 (pesos veinte mil)", 20_000, "ARS")]),
    ("una suma de $20.000 (veinte mil pesos) en favor", "AR",  # ar-caba document-05
     [("$20.000 (veinte mil pesos)", 20_000, "ARS")]),
    ("era de $39 (pesos treinta y nueve), según la Res.", "AR",  # ar-caba document-05
     [("$39 (pesos treinta y nueve)", 39, "ARS")]),
    ("sería el de $31.200 (pesos treinta y un mil doscientos).", "AR",  # ar-caba document-05
     [("$31.200 (pesos treinta y un mil doscientos)", 31_200, "ARS")]),
    ("actualmente asciende a $58.37 (cfr. Decreto", "AR", [("$58.37", 58.37, "ARS")]),  # ar-caba document-05
    ("que es de cincuenta pesos, ya que", "AR", [("cincuenta pesos", 50, "ARS")]),  # ar-caba document-01
    ("gana aproximadamente tres mil quinientos pesos por día", "AR",  # ar-caba document-09
     [("tres mil quinientos pesos", 3500, "ARS")]),
    ("cincuenta mil pesos", "AR", [("cincuenta mil pesos", 50_000, "ARS")]),
    ("un millón de pesos", "AR", [("un millón de pesos", 1_000_000, "ARS")]),
    ("la cantidad de P2,000 y las costas", "PH", [("P2,000", 2000, "PHP")]),  # ph 1948 GR-L-683
    ("porque no tenia cinco pesos con que pagar", "PH", [("cinco pesos", 5, "PHP")]),  # ph 1949 GR-L-1686
    ("Gs. 5.000.000", "PY", [("Gs. 5.000.000", 5_000_000, "PYG")]),
    ("cinco millones de guaraníes", "PY", [("cinco millones de guaraníes", 5_000_000, "PYG")]),
    ("50.000 guaranies", "PY", [("50.000 guaranies", 50_000, "PYG")]),
    ("Bs. 10.000", "BO", [("Bs. 10.000", 10_000, "BOB")]),
    ("10.000 bolivianos", "BO", [("10.000 bolivianos", 10_000, "BOB")]),
    ("U$S 5.000", "AR", [("U$S 5.000", 5000, "USD")]),
    # English words in a Spanish decision of the Philippine Supreme Court
    ("una multa de Two Thousand Pesos (P2,000)", "PH", [("Two Thousand Pesos (P2,000)", 2000, "PHP")]),
]


@pytest.mark.parametrize("text,country,expected", ES)
def test_spanish(text, country, expected):
    assert _found(text, "es", country) == expected


# --------------------------------------------------------------------------- ambiguity


@pytest.mark.parametrize(
    "text,lang,country,currency",
    [
        ("Rs.1,00,000/-", "en", "PK", "PKR"),
        ("Rs.1,00,000/-", "en", "LK", "LKR"),
        ("Rs.1,00,000/-", "en", "IN", "INR"),
        ("Rs.1,00,000/-", "en", None, None),  # never PKR by default
        ("Rs.1,00,000/-", "en", "PH", None),
        ("$ 50.000", "es", "AR", "ARS"),
        ("$ 50.000", "es", None, None),
        ("$ 50,000", "en", None, "USD"),
        ("$ 50,000", None, None, None),
        ("$ 50,000", "en", "US", "USD"),
        ("$ 50,000", "en", "PH", "USD"),
        ("20,000 pesos", "en", "PH", "PHP"),
        ("20.000 pesos", "es", "AR", "ARS"),
        ("20,000 pesos", "en", None, None),
        ("25,000 rupees", "en", "LK", "LKR"),
        ("25,000 rupees", "en", None, None),
    ],
)
def test_currency_from_country(text, lang, country, currency):
    m = parse_money(text, lang, country=country)
    assert m is not None and m.currency == currency
    if currency is None:
        assert m.reason  # kept with a reason, never guessed


def test_explicit_code_wins_over_symbol():
    m = parse_money("US$ 5,000 (five thousand dollars)", "en", country="LR")
    assert (m.amount, m.currency) == (5000, "USD")


def test_words_and_figures_disagree():
    m = parse_money("fifty thousand pesos (P5,000.00)", "en", country="PH")
    assert m.amount == 5000  # the figure
    assert "disagree" in m.reason


@pytest.mark.parametrize("sep_lang,text,amount", [("en", "$7.500", 7.5), ("es", "$7.500", 7500)])
def test_separators_follow_the_language(sep_lang, text, amount):
    assert parse_money(text, sep_lang, country="AR").amount == amount


NOT_MONEY = [
    ("FIR No.241/2017 dated 12.05.2017 under section 302", "en", "PK"),
    ("G.R. No. 140067", "en", "PH"),
    ("Tel. 0300-1234567", "en", "PK"),
    ("Section 360A (1) of the Penal Code", "en", "LK"),
    ("Exhibit P 1 and Exh. P2", "en", "PH"),
    ("recovery memo Ex.P-6/1-250", "en", "PK"),  # pk-lhc__2024LHC6189
    ("Exh.P-A", "en", "PK"),
    ("P50,000", "en", "PK"),  # the Philippine "P" outside the Philippines
    ("pesos", "en", "PH"),
    ("Plaza 2", "es", "AR"),
    ("Causa N° 8125/20", "es", "AR"),
    ("DNI 23.875.846", "es", "AR"),
    ("the P.W. 12 said", "en", "PK"),
]


@pytest.mark.parametrize("text,lang,country", NOT_MONEY)
def test_not_money(text, lang, country):
    assert find_money(text, lang, country=country) == []


@pytest.mark.parametrize("country", ["ph", "PHL", "P", 12, ""])
def test_bad_country_raises(country):
    with pytest.raises(ValueError):
        find_money("P50", "en", country=country)


@pytest.mark.parametrize("bad", ["fr", "EN", ""])
def test_bad_lang_raises(bad):
    with pytest.raises(ValueError):
        find_money("$5", bad)
    with pytest.raises(ValueError):
        parse_money("$5", bad)


def test_parse_money_needs_exactly_one():
    assert parse_money("no money", "en") is None
    assert parse_money("P5 and P6", "en", country="PH") is None
    assert parse_money("P5", "en", country="PH") == MoneyMatch(0, 2, "P5", 5.0, "PHP")


# --------------------------------------------------------------------------- properties


def _group(n: int, sep: str, indian: bool = False) -> str:
    s = str(n)
    parts = []
    size = 3
    while len(s) > size:
        parts.insert(0, s[-size:])
        s = s[:-size]
        if indian:
            size = 2
    return sep.join([s] + parts)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=10**10), st.integers(min_value=0, max_value=99))
def test_amount_round_trip(n, cents):
    cases = [
        (f"Rs.{_group(n, ',', indian=True)}/-", "en", "PK", n, "PKR"),
        (f"Rs. {_group(n, ',')}/-", "en", "LK", n, "LKR"),
        (f"P{_group(n, ',')}.{cents:02d}", "en", "PH", n + cents / 100, "PHP"),
        (f"$ {_group(n, '.')},{cents:02d}", "es", "AR", n + cents / 100, "ARS"),
        (f"Gs. {_group(n, '.')}", "es", "PY", n, "PYG"),
        (f"{_group(n, ',')} baht", "en", "TH", n, "THB"),
        (f"USD {_group(n, ',')}", "en", None, n, "USD"),
    ]
    for text, lang, country, amount, currency in cases:
        m = parse_money(text, lang, country=country)
        assert m is not None, text
        assert m.amount == pytest.approx(amount), text
        assert m.currency == currency
        assert (m.start, m.end) == (0, len(text))


_FRAGMENTS = st.sampled_from(
    ["Rs.", "P", "$", "US$", " ", "50,000", "10,00,000/-", "(", ")", "pesos", "PESOS", "fifty thousand",
     "veinte mil", "Exhibit", "No.", ".", ",", "-", "baht", "Gs.", "1.000.000", "lakhs of rupees", "\n",
     "only", "₱", "L$", "de"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_FRAGMENTS | st.text(max_size=4), max_size=25).map("".join),
       st.sampled_from([None, "en", "es"]), st.sampled_from([None, "PH", "AR", "PK", "LK", "US"]))
def test_offsets_invariant(text, lang, country):
    prev_end = 0
    for m in find_money(text, lang, country=country):
        assert text[m.start : m.end] == m.text
        assert m.start >= prev_end
        prev_end = m.end
        assert m.amount >= 0
        assert m.currency is None or (len(m.currency) == 3 and m.currency.isupper())
