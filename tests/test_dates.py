"""atlas_courts.resolve.dates: dates in English and Spanish judgments, with exact spans.

Phrasings marked with a file name are copied from the dev corpus
(../shared/corpus/dev), most of them the "text" of a gold event; the tests
embed them and do not read the corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atlas_courts.resolve.dates import DateMatch, find_dates, parse_date


def _found(text, lang, **kw):
    found = find_dates(text, lang, **kw)
    for d in found:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.value, d.precision) for d in found]


# --------------------------------------------------------------------------- English

EN = [
    # (text, [(match text, value, precision), ...])
    ("That on June 6, 1997 in the City of Baguio",  # ph GR-140067-71 (gold offence)
     [("June 6, 1997", "1997-06-06", "day")]),
    ("June 6 1997", [("June 6 1997", "1997-06-06", "day")]),
    ("6 June 1997", [("6 June 1997", "1997-06-06", "day")]),
    ("6th June, 1997", [("6th June, 1997", "1997-06-06", "day")]),
    ("That on or about the 11th day of June, 1997 in the City of Baguio",  # ph GR-140067-71
     [("11th day of June, 1997", "1997-06-11", "day")]),
    ("on or about the 11th day of June 1997", [("11th day of June 1997", "1997-06-11", "day")]),
    ("Done in Quezon City, this 3rd day of August, 1998.",  # ph GRs-138431-36 (gold judgment)
     [("3rd day of August, 1998", "1998-08-03", "day")]),
    ("this 3rd day of March, 2019", [("3rd day of March, 2019", "2019-03-03", "day")]),
    ("The said incident was alleged to have been committed on 30.03.2017 in Vanianwala",  # pk-lhc__2023LHC124
     [("30.03.2017", "2017-03-30", "day")]),
    ("formally charged the appellant and his co-accused on 05.11.2018, to which",  # pk-lhc__2023LHC124
     [("05.11.2018", "2018-11-05", "day")]),
    ("Decided on : 30-01-2023", [("30-01-2023", "2023-01-30", "day")]),  # lk-ca 2023 CA-HCC-0404
    ("30/03/2017", [("30/03/2017", "2017-03-30", "day")]),
    ("2017-03-30", [("2017-03-30", "2017-03-30", "day")]),
    ("On 11.6.2004, Akhtar Hussain (PW-12)", [("11.6.2004", "2004-06-11", "day")]),  # pk-lhc__2023LHC4322
    ("January 1997", [("January 1997", "1997-01", "month")]),
    ("June, 1997", [("June, 1997", "1997-06", "month")]),
    ("That during the period from January 1997 to June, 1997, in the City of Baguio",  # ph GR-140067-71
     [("January 1997", "1997-01", "month"), ("June, 1997", "1997-06", "month")]),
    ("That on or about the month of September, 1995 at Sitio Daan Naugsul",  # ph GR-133922
     [("September, 1995", "1995-09", "month")]),
    ("Sept. 3, 2001", [("Sept. 3, 2001", "2001-09-03", "day")]),
    ("Aug 29 2002", [("Aug 29 2002", "2002-08-29", "day")]),
    ("That on or about June 22,2017", [("June 22,2017", "2017-06-22", "day")]),  # lk-sc-ca 2025 CA-HCC-00258
    ("from the date of conviction, i.e., September 06, 2023",  # lk-sc-ca 2025 CA-HCC-00258
     [("September 06, 2023", "2023-09-06", "day")]),
    ("[ G.R. No. 128777, October 07, 1998 ]", [("October 07, 1998", "1998-10-07", "day")]),  # ph GR-128777
    ("That on or about the 28 th day of October, 1995 at Sitio",  # ph GR-133922
     [("28 th day of October, 1995", "1995-10-28", "day")]),
    ("on or about the 16th of February, 1903, the said accused",  # ph 1904 GR-1574
     [("16th of February, 1903", "1903-02-16", "day")]),
    ("ARGUED ON: 14th September, 2016 DECIDED ON: 15th March, 2018",  # lk-sc-ca 2018 SC-APPEAL-201
     [("14th September, 2016", "2016-09-14", "day"), ("15th March, 2018", "2018-03-15", "day")]),
    ("between the periods of 16th February 2010 and 13th February 2011",  # lk-ca 2023 CA-HCC-0404
     [("16th February 2010", "2010-02-16", "day"), ("13th February 2011", "2011-02-13", "day")]),
    ("On 21 July 1997 , petitioner was charged", [("21 July 1997", "1997-07-21", "day")]),  # ph GR-157718
    ("the first day of June, 1997", [("first day of June, 1997", "1997-06-01", "day")]),
    ("the twenty-first day of June, 1997", [("twenty-first day of June, 1997", "1997-06-21", "day")]),
    ("30-Mar-2017", [("30-Mar-2017", "2017-03-30", "day")]),
    ("JUNE 6, 1997", [("JUNE 6, 1997", "1997-06-06", "day")]),
    ("May 2019", [("May 2019", "2019-05", "month")]),
    ("At the time of their arrest in March 11, 1993",  # ph GRs-138431-36
     [("March 11, 1993", "1993-03-11", "day")]),
]


@pytest.mark.parametrize("text,expected", EN)
def test_english(text, expected):
    assert _found(text, "en") == expected


# --------------------------------------------------------------------------- Spanish

ES = [
    ("7 de enero de 2022", [("7 de enero de 2022", "2022-01-07", "day")]),
    ("El día 28 de diciembre de 2021 llevé adelante el debate oral y público",  # ar-caba document-01
     [("28 de diciembre de 2021", "2021-12-28", "day")]),
    ("1 de enero de 1947", [("1 de enero de 1947", "1947-01-01", "day")]),
    ("1.º de marzo de 2019", [("1.º de marzo de 2019", "2019-03-01", "day")]),
    ("el 1° de marzo de 2019", [("1° de marzo de 2019", "2019-03-01", "day")]),
    ("1ro de marzo de 2019", [("1ro de marzo de 2019", "2019-03-01", "day")]),
    ("el 1er. de marzo de 2019", [("1er. de marzo de 2019", "2019-03-01", "day")]),
    ("a los catorce días del mes de marzo de dos mil diecinueve",
     [("catorce días del mes de marzo de dos mil diecinueve", "2019-03-14", "day")]),
    ("a los 14 días del mes de marzo del año 2019",
     [("14 días del mes de marzo del año 2019", "2019-03-14", "day")]),
    ("desde el mes de octubre de 2016 hasta diciembre de 2019",  # ar-caba document-01 (gold offence)
     [("octubre de 2016", "2016-10", "month"), ("diciembre de 2019", "2019-12", "month")]),
    ("marzo del 2021", [("marzo del 2021", "2021-03", "month")]),
    ("marzo de 2021", [("marzo de 2021", "2021-03", "month")]),
    ("14/03/2019", [("14/03/2019", "2019-03-14", "day")]),
    ("14-3-19", [("14-3-19", "2019-03-14", "day")]),
    ("14.03.19", [("14.03.19", "2019-03-14", "day")]),
    ("veintiocho de diciembre de dos mil veintiuno",
     [("veintiocho de diciembre de dos mil veintiuno", "2021-12-28", "day")]),
    ("Buenos Aires,  12 de julio de 2022 ANTECEDENTES",  # ar-caba document-05 (gold judgment)
     [("12 de julio de 2022", "2022-07-12", "day")]),
    ("Buenos Aires, 7 de enero de 2022.", [("7 de enero de 2022", "2022-01-07", "day")]),
    ("Manila, a 29 de agosto de 1947", [("29 de agosto de 1947", "1947-08-29", "day")]),
    ("29 de Agosto de 1947", [("29 de Agosto de 1947", "1947-08-29", "day")]),
    ("Manila, Islas Filipinas, a 3 de marzo de 1948", [("3 de marzo de 1948", "1948-03-03", "day")]),
    ("En primero de noviembre de 1945, dia de Todos los Santos",  # ph 1947 GR-L-1003 (gold offence)
     [("primero de noviembre de 1945", "1945-11-01", "day")]),
    ("secuestrado de su casa a eso de las diez de la noche del 20 de Junio de 1942",  # ph 1947 GR-L-287
     [("20 de Junio de 1942", "1942-06-20", "day")]),
    ("el hecho denunciado por <LA_DENUNCIANTE> con fecha 10 de junio del 2022 ante",  # ar-caba document-02
     [("10 de junio del 2022", "2022-06-10", "day")]),
    ("los hechos que tuvieron lugar el día 17 de junio 2021, en orden al delito",  # ar-caba document-09
     [("17 de junio 2021", "2021-06-17", "day")]),
    ("en Mayo de 1942", [("Mayo de 1942", "1942-05", "month")]),  # ph 1948 GR-L-1248 (gold offence)
    ("la denuncia efectuada en el portal web del Ministerio Público Fiscal de fecha 2/4/2021 por",  # ar document-05
     [("2/4/2021", "2021-04-02", "day")]),
    ("Fecha: 22/12/2018 ... CONDENAR", [("22/12/2018", "2018-12-22", "day")]),  # ar-caba document-07
    ("DICIEMBRE DE 2028", [("DICIEMBRE DE 2028", "2028-12", "month")]),
    ("el día 22 DE DICIEMBRE DE 2028 (art. 51)",  # ar-caba document-04
     [("22 DE DICIEMBRE DE 2028", "2028-12-22", "day")]),
    # an English caption in a Spanish decision: ph 1947 GR-L-1095 (gold appeal_decision)
    ("G.R. No. L-1095             July 31, 1947", [("July 31, 1947", "1947-07-31", "day")]),
]


@pytest.mark.parametrize("text,expected", ES)
def test_spanish(text, expected):
    assert _found(text, "es") == expected


def test_lang_none_reads_both():
    text = "June 6, 1997 y 7 de enero de 2022"
    assert [d.value for d in find_dates(text, None)] == ["1997-06-06", "2022-01-07"]


# --------------------------------------------------------------------------- lists and anaphora


def test_days_in_a_list_take_the_year_of_the_last():
    # ar-caba document-07 (gold offence 2018-09-07)
    text = (
        "los hechos que tuvieron lugar los días 7 de septiembre, 8 de septiembre, 19 de septiembre, "
        "26 de septiembre, 28 de septiembre, entre el 5 y 6 de noviembre, 6 de noviembre, 9 de noviembre, "
        "10 de noviembre, 13 de noviembre, 14 de noviembre, y entre el 15 y 19 de noviembre de 2018, constituyen"
    )
    values = [d.value for d in find_dates(text, "es")]
    assert values[0] == "2018-09-07"
    assert values[-1] == "2018-11-19"
    assert "2018-11-14" in values


def test_day_month_without_year_outside_a_list_is_not_a_date():
    assert find_dates("hasta el 18 de marzo, cuando decidió bloquearlo", "es") == []
    assert find_dates("on July 26 to report the incident", "en") == []


@pytest.mark.parametrize(
    "text,lang,value",
    [
        # ph 1941 GR-L-47959 (gold offence 1939-04-20)
        ("El 18 de abril de 1939 hubo una procesion. El 20 del mismo mes el occiso asistio al baile", "es", "1939-04-20"),
        # ar-caba document-07
        ("desde el día 21 de noviembre de 2018 al 22 de diciembre del mismo año, y", "es", "2018-12-22"),
        # ph 1947 GR-L-287
        ("en el mes de Mayo de 1942. En la madrugada del 21 de Junio de aquel año, a eso de las tres", "es", "1942-06-21"),
        ("On June 5, 1997 he left; on the 9th of the same month he returned", "en", "1997-06-09"),
    ],
)
def test_same_month_or_year(text, lang, value):
    found = find_dates(text, lang)
    assert found[-1].value == value
    assert text[found[-1].start : found[-1].end] == found[-1].text


def test_same_month_without_a_date_before_is_not_a_date():
    assert find_dates("El 20 del mismo mes el occiso", "es") == []


# --------------------------------------------------------------------------- numeric dates


def test_dayfirst_is_the_default():
    assert find_dates("03/05/19", "en")[0].value == "2019-05-03"


def test_dayfirst_false_is_us_order():
    # a US filing stamp found in pk-lhc__2024LHC6189: "Filed 03/05/19 Page 2 of 9"
    assert find_dates("Filed 03/05/19 Page 2 of 9", "en", dayfirst=False)[0].value == "2019-03-05"


def test_the_only_possible_order_is_taken():
    assert find_dates("30/03/2017", "en", dayfirst=False)[0].value == "2017-03-30"
    assert find_dates("03/30/2017", "en", dayfirst=True)[0].value == "2017-03-30"


@pytest.mark.parametrize("text,value", [("5/6/00", "2000-06-05"), ("5/6/30", "2030-06-05"), ("5/6/31", "1931-06-05"), ("5-6-99", "1999-06-05")])
def test_two_digit_years(text, value):
    assert find_dates(text, "en")[0].value == value


NOT_DATES = [
    ("FIR No.241/2017", "en"),  # pk-lhc
    ("Crl. Appeal No. 964/J/2023", "en"),
    ("G.R. No. 140067", "en"),
    ("G.R. Nos. 140067-71", "en"),
    ("Case No. 12.05.2019", "en"),
    ("Causa Nº 31.972/2018", "es"),  # ar-caba document-07
    ("DNI 23.875.846", "es"),  # ar-caba document-07
    ("Section 3.2.10 of the Code", "en"),
    ("s. 12.05.2019", "en"),
    ("art. 12.05.2019", "es"),
    ("Tel. 12-05-2019", "en"),
    ("teléfono 11-05-2019", "es"),
    ("Rs.10.10.2010", "en"),
    ("$ 10.10.2010", "es"),
    ("a sum of 10.10.2010/-", "en"),
    ("0300-1234567", "en"),  # a Pakistani mobile number
    ("at 12.30 a.m", "en"),  # a time
    ("a las 03.22 hs.", "es"),
    ("31.02.2019", "en"),  # impossible day
    ("29.02.2019", "en"),  # not a leap year
    ("13.13.2019", "en"),  # no month 13
    ("12.05.2019.3", "en"),  # part of a longer number
    ("3.2.10", "en"),  # a paragraph number, not 3 February 2010
    ("June 6, 1849", "en"),  # before 1850
    ("6 de enero de 2101", "es"),  # after 2100
    ("de fecha 2 de abril del 20202; 11)", "es"),  # ar-caba document-04: a typo, not 2020
    ("it may 2019 be", "en"),  # the verb, not the month
    ("Rs.2100/-denomination", "en"),
    ("Ley 26.842", "es"),
    ("hace 17 años", "es"),
    ("2 de abril", "es"),  # no year
]


@pytest.mark.parametrize("text,lang", NOT_DATES)
def test_not_dates(text, lang):
    assert find_dates(text, lang) == []


# --------------------------------------------------------------------------- years alone


def test_years_alone():
    text = "in 1997 and en 2016; Crl. Appeal No.1518 of 2014; the year 2001; 2017-18 and in 1812"
    found = find_dates(text, None, years_alone=True)
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("1997", "1997", "year"),
        ("2016", "2016", "year"),
        ("2001", "2001", "year"),
    ]
    assert find_dates(text, None) == []


def test_years_alone_do_not_split_full_dates():
    found = find_dates("in June 1997", "en", years_alone=True)
    assert [(d.value, d.precision) for d in found] == [("1997-06", "month")]


# --------------------------------------------------------------------------- parse_date


@pytest.mark.parametrize(
    "text,lang,value,precision",
    [
        ("June 6, 1997", "en", "1997-06-06", "day"),
        ("  6 de junio de 1997  ", "es", "1997-06-06", "day"),
        ("30.03.2017", None, "2017-03-30", "day"),
        ("January 1997", "en", "1997-01", "month"),
        ("1997", None, "1997", "year"),
        ("1997-06", None, "1997-06", "month"),
        ("2017-03-30", None, "2017-03-30", "day"),
        ("Buenos Aires, 7 de enero de 2022.", "es", "2022-01-07", "day"),
        ("in 1997", "en", "1997", "year"),
    ],
)
def test_parse_date(text, lang, value, precision):
    d = parse_date(text, lang)
    assert d is not None and (d.value, d.precision) == (value, precision)
    assert text[d.start : d.end] == d.text


@pytest.mark.parametrize("text", ["", "no date", "from January 1997 to June, 1997", "1997-13", "1700", "31.02.2019"])
def test_parse_date_none(text):
    assert parse_date(text, "en") is None


@pytest.mark.parametrize("bad", ["fr", "EN", ""])
def test_bad_lang_raises(bad):
    with pytest.raises(ValueError):
        find_dates("June 6, 1997", bad)
    with pytest.raises(ValueError):
        parse_date("June 6, 1997", bad)


def test_bad_arguments_raise():
    with pytest.raises(ValueError):
        find_dates(None, "en")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        find_dates("June 6, 1997", "en", dayfirst="yes")  # type: ignore[arg-type]


def test_datematch_is_frozen():
    d = DateMatch(0, 4, "1997", "1997", "year")
    with pytest.raises(AttributeError):
        d.value = "1998"  # type: ignore[misc]


# --------------------------------------------------------------------------- properties

_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
_MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
              "octubre", "noviembre", "diciembre"]
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _formats(d: dt.date) -> list[tuple[str, str | None, bool]]:
    """(text, lang, dayfirst) renderings of ``d`` that must read back as ``d``."""
    en, es = _MONTHS_EN[d.month - 1], _MONTHS_ES[d.month - 1]
    suffix = _SUFFIX.get(d.day, "th")
    return [
        (f"{en} {d.day}, {d.year}", "en", True),
        (f"{d.day} {en} {d.year}", "en", True),
        (f"the {d.day}{suffix} day of {en}, {d.year}", "en", True),
        (f"{en[:3]} {d.day} {d.year}", "en", True),
        (f"{d.day:02d}.{d.month:02d}.{d.year}", None, True),
        (f"{d.day}/{d.month}/{d.year}", "es", True),
        (f"{d.month:02d}/{d.day:02d}/{d.year}", "en", False),
        (d.isoformat(), None, True),
        (f"{d.day} de {es} de {d.year}", "es", True),
        (f"{d.day} de {es.capitalize()} del {d.year}", "es", True),
        (f"a los {d.day} días del mes de {es} del año {d.year}", "es", True),
    ]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1850, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_round_trip(d):
    for text, lang, dayfirst in _formats(d):
        got = parse_date(text, lang, dayfirst=dayfirst)
        assert got is not None, text
        assert got.value == d.isoformat(), text
        assert got.precision == "day"
        assert parse_date(got.value).value == got.value  # the value reads back as itself


_FRAGMENTS = st.sampled_from(
    ["June 6, 1997", "6 de enero de 2022", "30.03.2017", "No.", "Section", " ", ", ", "de", "del", "mes",
     "the", "11th", "day of", "May", "may", "2019", "19", "/", ".", "-", "1.º", "mismo", "año", "Rs.",
     "y", "and", "\n", "veintiocho", "dos mil", "ñ", "í"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_FRAGMENTS | st.text(max_size=4), max_size=30).map("".join),
       st.sampled_from([None, "en", "es"]), st.booleans(), st.booleans())
def test_offsets_invariant(text, lang, dayfirst, years_alone):
    prev_end = 0
    for d in find_dates(text, lang, dayfirst=dayfirst, years_alone=years_alone):
        assert text[d.start : d.end] == d.text
        assert d.start >= prev_end  # sorted, not overlapping
        prev_end = d.end
        assert d.precision in ("day", "month", "year")
        assert parse_date(d.value) is not None


@pytest.mark.parametrize(
    "text, value",
    [
        # Thai judgments in English translation date by the Buddhist era (B.E. = C.E. + 543)
        ("Delivered on 13 July B.E. 2559 (2016)", "2016-07-13"),
        ("in July B.E. 2559", "2016-07"),
    ],
)
def test_buddhist_era_years(text, value):
    assert [d.value for d in find_dates(text, "en")] == [value]


def test_an_act_s_buddhist_era_year_is_not_a_date():
    assert find_dates("the Anti-Trafficking in Persons Act B.E. 2551 section 6", "en") == []


@pytest.mark.parametrize(
    "text, value",
    [
        # Liberian circuit courts close "this the 9th day of January, A.D. 2015" (generated corpus)
        ("GIVEN UNDER MY HAND AND SEAL OF COURT THIS THE 6TH DAY OF DECEMBER, A.D. 2015.", "2015-12-06"),
        ("this 23rd day of July, A.D. 2018.", "2018-07-23"),
    ],
)
def test_anno_domini_years(text, value):
    assert [d.value for d in find_dates(text, "en")] == [value]
