"""Numbers, dates, terms of imprisonment and money written the way courts write them.

Spanish and English only (the Thai judgments of the corpus are English
translations). Everything here is pure and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------------------- numbers: Spanish

_ES_UNITS = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro "
    "veinticinco veintiséis veintisiete veintiocho veintinueve"
).split()
_ES_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
_ES_HUNDREDS = {
    1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos",
    6: "seiscientos", 7: "setecientos", 8: "ochocientos", 9: "novecientos",
}


def _es_below_1000(n: int, apocope: bool) -> str:
    if n == 100:
        return "cien"
    parts = []
    if n >= 100:
        parts.append(_ES_HUNDREDS[n // 100])
        n %= 100
    if n:
        if n < 30:
            word = _ES_UNITS[n]
        else:
            word = _ES_TENS[n // 10]
            if n % 10:
                word += " y " + _ES_UNITS[n % 10]
        parts.append(word)
    text = " ".join(parts)
    if apocope:
        if text.endswith("veintiuno"):
            text = text[: -len("veintiuno")] + "veintiún"
        elif text.endswith("uno"):
            text = text[:-3] + "un"
    return text


def es_number(n: int, apocope: bool = False) -> str:
    """Spanish cardinal. ``apocope`` gives the form before a masculine noun ("un año")."""
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return "cero"
    if n >= 1_000_000_000:
        raise ValueError(n)
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("un millón" if millions == 1 else _es_below_1000(millions, True) + " millones")
    if thousands:
        parts.append("mil" if thousands == 1 else _es_below_1000(thousands, True) + " mil")
    if units:
        parts.append(_es_below_1000(units, apocope))
    return " ".join(parts)


# --------------------------------------------------------------------------- numbers: English

_EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def _en_below_1000(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(_EN_UNITS[n // 100] + " hundred")
        n %= 100
    if n:
        if n < 20:
            parts.append(_EN_UNITS[n])
        else:
            parts.append(_EN_TENS[n // 10] + ("-" + _EN_UNITS[n % 10] if n % 10 else ""))
    return " ".join(parts)


def en_number(n: int) -> str:
    if n == 0:
        return "zero"
    if not 0 < n < 1_000_000_000:
        raise ValueError(n)
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append(_en_below_1000(millions) + " million")
    if thousands:
        parts.append(_en_below_1000(thousands) + " thousand")
    if units:
        parts.append(_en_below_1000(units))
    return " ".join(parts)


def en_ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def group(n: int, sep: str) -> str:
    """1234567 -> '1.234.567' (sep='.') or '1,234,567'."""
    return f"{n:,}".replace(",", sep)


# --------------------------------------------------------------------------- dates

ES_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()
EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True, order=True)
class PDate:
    """A date known to the day, the month or only the year."""

    y: int
    m: int | None = None
    d: int | None = None

    def iso(self) -> str:
        if self.m is None:
            return f"{self.y:04d}"
        if self.d is None:
            return f"{self.y:04d}-{self.m:02d}"
        return f"{self.y:04d}-{self.m:02d}-{self.d:02d}"

    def ordinal(self) -> int:
        import datetime

        return datetime.date(self.y, self.m or 1, self.d or 1).toordinal()

    @staticmethod
    def from_ordinal(n: int) -> "PDate":
        import datetime

        d = datetime.date.fromordinal(n)
        return PDate(d.year, d.month, d.day)

    def plus(self, days: int) -> "PDate":
        return PDate.from_ordinal(self.ordinal() + days)


def es_date(d: PDate, style: str) -> str:
    """Spanish date. Styles: long ("14 de marzo de 2019"), num ("14/03/2019"),
    dot ("14.03.2019"), words ("catorce días del mes de marzo de dos mil diecinueve"),
    month ("marzo de 2014"), year ("2015")."""
    if d.m is None:
        return f"{d.y}"
    month = ES_MONTHS[d.m - 1]
    if d.d is None:
        return f"{month} de {d.y}"
    if style == "long":
        return f"{d.d} de {month} de {d.y}"
    if style == "num":
        return f"{d.d:02d}/{d.m:02d}/{d.y}"
    if style == "dot":
        return f"{d.d:02d}.{d.m:02d}.{d.y}"
    if style == "words":
        day = "primer día" if d.d == 1 else es_number(d.d, apocope=True) + " días"
        return f"{day} del mes de {month} de {es_number(d.y)}"
    raise ValueError(style)


def es_date_at(d: PDate) -> str:
    """'a los catorce días del mes de marzo de dos mil diecinueve' (or 'al primer día ...')."""
    words = es_date(d, "words")
    return ("al " if d.d == 1 else "a los ") + words


def en_date(d: PDate, style: str, be: bool = False) -> str:
    """English date. Styles: dmy ("14 March 2019"), mdy ("March 14, 2019"),
    ordinal ("the 14th day of March, 2019"), ad ("14th day of March, A.D. 2019"),
    be ("14 March B.E. 2562 (2019)"), dmy_be ("14 March 2019 (B.E. 2562)")."""
    if d.m is None:
        return f"{d.y}" + (f" (B.E. {d.y + 543})" if be else "")
    month = EN_MONTHS[d.m - 1]
    if d.d is None:
        return f"{month} {d.y}" + (f" (B.E. {d.y + 543})" if be else "")
    if style == "dmy":
        return f"{d.d} {month} {d.y}"
    if style == "mdy":
        return f"{month} {d.d}, {d.y}"
    if style == "ordinal":
        return f"the {en_ordinal_suffix(d.d)} day of {month}, {d.y}"
    if style == "ad":
        return f"{en_ordinal_suffix(d.d)} day of {month}, A.D. {d.y}"
    if style == "be":
        return f"{d.d} {month} B.E. {d.y + 543} ({d.y})"
    if style == "dmy_be":
        return f"{d.d} {month} {d.y} (B.E. {d.y + 543})"
    raise ValueError(style)


# --------------------------------------------------------------------------- terms of imprisonment


@dataclass(frozen=True)
class Term:
    years: int = 0
    months: int = 0
    days: int = 0

    @property
    def total_months(self) -> float:
        """Years x 12 + months + days / 30, one decimal (ANNOTATION.md)."""
        value = round(self.years * 12 + self.months + self.days / 30, 1)
        return float(value)

    @staticmethod
    def of_months(months: float) -> "Term":
        whole = int(months)
        days = round((months - whole) * 30)
        return Term(whole // 12, whole % 12, days)

    def scaled(self, factor: float) -> "Term":
        """The term multiplied by ``factor`` (a reduction), days rounded down."""
        total_days = (self.years * 12 + self.months) * 30 + self.days
        new_days = int(total_days * factor)
        months, days = divmod(new_days, 30)
        return Term(months // 12, months % 12, days)


def es_term(t: Term, style: str = "both", upper: bool = False) -> str:
    """'ocho (8) años', 'cinco (5) años y seis (6) meses', 'seis meses'."""
    parts = []
    for value, sing, plur in ((t.years, "año", "años"), (t.months, "mes", "meses"), (t.days, "día", "días")):
        if not value:
            continue
        word = es_number(value, apocope=True)
        noun = sing if value == 1 else plur
        if style == "both":
            parts.append(f"{word} ({value}) {noun}")
        elif style == "words":
            parts.append(f"{word} {noun}")
        else:
            parts.append(f"{value} {noun}")
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " y " + parts[-1]
    return text.upper() if upper else text


def en_term(t: Term, style: str = "both", upper: bool = False) -> str:
    """'eight (8) years', '5 years 6 months and 15 days', 'a term of 97 months'."""
    if style == "months":
        months = t.years * 12 + t.months
        text = f"{months} months" + (f" and {t.days} days" if t.days else "")
        return text.upper() if upper else text
    parts = []
    for value, sing, plur in ((t.years, "year", "years"), (t.months, "month", "months"), (t.days, "day", "days")):
        if not value:
            continue
        noun = sing if value == 1 else plur
        if style == "both":
            parts.append(f"{en_number(value)} ({value}) {noun}")
        elif style == "words":
            parts.append(f"{en_number(value)} {noun}")
        else:
            parts.append(f"{value} {noun}")
    if style == "num" and len(parts) > 1:
        text = " ".join(parts[:-1]) + " and " + parts[-1]
    else:
        text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return text.upper() if upper else text


# --------------------------------------------------------------------------- money

CURRENCY_ES_WORDS = {"ARS": "pesos", "PYG": "guaraníes", "BOB": "bolivianos"}


def money_text(amount: int, currency: str, lang: str, style: int = 0) -> str:
    """Money as courts write it, e.g. '$ 500.000', 'Gs. 15.000.000 (guaraníes quince millones)',
    'Bs. 20.000 (veinte mil 00/100 bolivianos)', 'US$5,000.00', 'L$250,000', '200,000 baht'."""
    if currency == "ARS":
        forms = [
            f"$ {group(amount, '.')}",
            f"pesos {es_number(amount)} ($ {group(amount, '.')})",
            f"${group(amount, '.')},00",
        ]
    elif currency == "PYG":
        forms = [
            f"Gs. {group(amount, '.')} (guaraníes {es_number(amount)})",
            f"guaraníes {es_number(amount)} (Gs. {group(amount, '.')})",
            f"Gs. {group(amount, '.')}",
        ]
    elif currency == "BOB":
        forms = [
            f"Bs. {group(amount, '.')} ({es_number(amount)} 00/100 bolivianos)",
            f"Bs. {group(amount, '.')}.-",
            f"{group(amount, '.')} bolivianos (Bs. {group(amount, '.')})",
        ]
    elif currency == "USD":
        forms = [
            f"US${group(amount, ',')}.00 ({en_number(amount).title()} United States Dollars)",
            f"US${group(amount, ',')}.00",
            f"US${group(amount, ',')}",
        ]
    elif currency == "LRD":
        forms = [
            f"L${group(amount, ',')}.00 ({en_number(amount).title()} Liberian Dollars)",
            f"L${group(amount, ',')}",
            f"L${group(amount, ',')}.00",
        ]
    elif currency == "THB":
        forms = [
            f"{group(amount, ',')} baht",
            f"THB {group(amount, ',')}",
            f"{group(amount, ',')} baht ({en_number(amount)} baht)",
        ]
    else:
        raise ValueError(currency)
    return forms[style % len(forms)]
