"""The statute catalog: instruments, their aliases, article categories and penalties.

The data live in ``data/statutes.json`` (see its ``about`` key); this module
only reads them. An instrument is identified by ``<country>:<code>`` (DESIGN.md);
an article by ``<country>:<code>:<article>``.

Aliases are written as they appear in judgments ("Cr.P.C.", "Código Penal
Revisado", "Qanoon-e-Shahadat Order"). An alias may carry conditions:

- ``jurisdiction``: used only for courts of that jurisdiction ("CPP" in a
  Buenos Aires City court is the CABA procedure code, ``AR-CABA``);
- ``from_year`` / ``until_year``: used only for decisions in those years
  ("Penal Code" in the Philippines is the Spanish Penal Code until 1931 and
  the Revised Penal Code, in force 1 January 1932, afterwards);
- ``foreign``: usable by a court of another country (names that say whose law
  they are: "Indian Penal Code", "Sexual Offences Act 2003"); other aliases
  only resolve for courts of the instrument's own country.

``family`` lists the numbered-law codes that name the instrument ("PD442" is
the Labor Code, "ACT3815" the Revised Penal Code, "L12" in CABA the
contraventional procedure law).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from atlas_courts.records import CATEGORIES

DATA = Path(__file__).resolve().parent / "data" / "statutes.json"

__all__ = ["Alias", "ArticleInfo", "Catalog", "Instrument", "DATA"]


@dataclass(frozen=True)
class Alias:
    text: str
    jurisdiction: str | None = None
    from_year: int | None = None
    until_year: int | None = None
    foreign: bool = False

    @classmethod
    def from_json(cls, raw: str | dict[str, Any]) -> "Alias":
        if isinstance(raw, str):
            return cls(raw)
        return cls(
            text=raw["text"],
            jurisdiction=raw.get("jurisdiction"),
            from_year=raw.get("from_year"),
            until_year=raw.get("until_year"),
            foreign=bool(raw.get("foreign", False)),
        )

    def usable(self, instrument: "Instrument", country: str | None, jurisdiction: str | None, year: int | None) -> bool:
        if country is not None and country != instrument.country and not self.foreign:
            return False
        if self.jurisdiction is not None and self.jurisdiction != jurisdiction:
            return False
        if year is not None:
            if self.from_year is not None and year < self.from_year:
                return False
            if self.until_year is not None and year > self.until_year:
                return False
        elif self.until_year is not None:
            # Without a decision year, the historical meaning is never the default.
            return False
        return True


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    category: str | None
    title: str | None = None
    penalty_min_months: float | None = None
    penalty_max_months: float | None = None
    life: bool = False
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Instrument:
    country: str
    code: str
    titles: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    kind: str = "act"  # act, code, law, ordinance, order, decree, constitution, rules
    unit: str = "section"  # article, section, rule: what its provisions are called
    aliases: tuple[Alias, ...] = ()
    family: tuple[Alias, ...] = ()
    jurisdiction: str | None = None
    rules_restart: bool = False
    section_in_article: bool = False
    decimal_sections: bool = False
    default_category: str | None = None
    redirect: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    in_catalog: bool = True
    country_default: bool = False  # what an article with no instrument nearby means
    note: str | None = None

    @property
    def id(self) -> str:
        return f"{self.country}:{self.code}"

    @property
    def title(self) -> str:
        return self.titles.get("en") or self.titles.get("es") or next(iter(self.titles.values()), self.code)


class Catalog:
    """The statute catalog, loaded once from the data file."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.instruments: dict[str, Instrument] = {}
        self.articles: dict[str, ArticleInfo] = {}
        for raw in data["instruments"]:
            inst = Instrument(
                country=raw["country"],
                code=raw["code"],
                titles=dict(raw.get("titles") or {}),
                kind=raw.get("kind", "act"),
                unit=raw.get("unit", "section"),
                aliases=tuple(Alias.from_json(a) for a in raw.get("aliases", [])),
                family=tuple(Alias.from_json(a) for a in raw.get("family", [])),
                jurisdiction=raw.get("jurisdiction"),
                rules_restart=bool(raw.get("rules_restart", False)),
                section_in_article=bool(raw.get("section_in_article", False)),
                decimal_sections=bool(raw.get("decimal_sections", False)),
                default_category=raw.get("default_category"),
                redirect=dict(raw.get("redirect") or {}),
                country_default=bool(raw.get("country_default", False)),
                note=raw.get("note"),
            )
            if inst.id in self.instruments:
                raise ValueError(f"statute catalog: duplicate instrument {inst.id}")
            self.instruments[inst.id] = inst
            for number, info in (raw.get("articles") or {}).items():
                pen = info.get("penalty_months") or [None, None]
                art_id = f"{inst.id}:{number}"
                self.articles[art_id] = ArticleInfo(
                    id=art_id,
                    category=info.get("category"),
                    title=info.get("title"),
                    penalty_min_months=pen[0],
                    penalty_max_months=pen[1],
                    life=bool(info.get("life", False)),
                    source=info.get("source"),
                    note=info.get("note"),
                )
        self._family: dict[tuple[str, str], list[tuple[Alias, Instrument]]] = {}
        for inst in self.instruments.values():
            self._family.setdefault((inst.country, inst.code.upper()), []).append((Alias(inst.code), inst))
            for fam in inst.family:
                self._family.setdefault((inst.country, fam.text.upper()), []).append((fam, inst))

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Catalog":
        """The catalog from ``path`` (default: the packaged data file); cached."""
        return _load(str(Path(path) if path else DATA))

    # ------------------------------------------------------------------ look-ups

    def __len__(self) -> int:
        return len(self.instruments)

    def rows(self) -> list[dict[str, Any]]:
        """One row per catalogued article, as the ``statutes`` table stores it."""
        out = []
        for art in sorted(self.articles.values(), key=lambda a: a.id):
            country, code, number = art.id.split(":", 2)
            inst = self.instruments[f"{country}:{code}"]
            out.append(
                {
                    "id": art.id,
                    "country": country,
                    "instrument": code,
                    "article": number,
                    "title": art.title or inst.title,
                    "category": self.category(art.id),
                    "penalty_min_months": art.penalty_min_months,
                    "penalty_max_months": art.penalty_max_months,
                }
            )
        return out

    def __iter__(self):
        return iter(self.instruments.values())

    def instrument(
        self,
        code_or_alias: str,
        *,
        country: str | None = None,
        jurisdiction: str | None = None,
        year: int | None = None,
    ) -> Instrument | None:
        """An instrument by id ("AR:CP"), by code with a country ("CP", country="AR"),
        by a numbered-law code ("RA7610", "L26485") or by an alias ("Código Penal")."""
        text = code_or_alias.strip()
        if text in self.instruments:
            return self.instruments[text]
        if ":" in text:
            c, _, code = text.partition(":")
            return self.instruments.get(f"{c}:{code.upper()}")
        if country:
            found = self.family(text, country=country, jurisdiction=jurisdiction)
            if found is not None and found.in_catalog:
                return found
        from atlas_courts.resolve.statutes_text import alias_key  # local: avoid a cycle

        key = alias_key(text)
        best: list[Instrument] = []
        for inst in self.instruments.values():
            for alias in inst.aliases:
                if alias_key(alias.text) == key and alias.usable(inst, country, jurisdiction, year):
                    best.append(inst)
                    break
        if not best:
            return None
        return choose(best, country=country, jurisdiction=jurisdiction)

    def family(self, code: str, *, country: str, jurisdiction: str | None = None) -> Instrument | None:
        """The instrument a numbered-law code names in ``country`` ("PD442" -> PH:LC).

        Codes of the numbered families that are not in the catalog give an
        ``Instrument`` with ``in_catalog=False``: ANNOTATION.md makes their codes
        the same way (RA<n>, ACT<n>, L<n>, <title>USC, ...)."""
        candidates = [
            inst
            for alias, inst in self._family.get((country, code.upper()), [])
            if alias.jurisdiction is None or alias.jurisdiction == jurisdiction
        ]
        if candidates:
            return choose(candidates, country=country, jurisdiction=jurisdiction)
        return None

    def article(self, statute_id: str) -> ArticleInfo | None:
        return self.articles.get(statute_id)

    def category(self, statute_id: str) -> str | None:
        """The offence category of an article: the catalog's, else the
        instrument's default, else ``"other"`` for a known instrument; ``None``
        for an id whose instrument is not in the catalog."""
        info = self.articles.get(statute_id)
        if info is not None and info.category:
            return info.category
        inst_id = statute_id.rsplit(":", 1)[0]
        inst = self.instruments.get(inst_id)
        if inst is None:
            return None
        return inst.default_category or "other"

    def penalty_range(self, statute_id: str) -> tuple[float | None, float | None]:
        """(min, max) months of imprisonment; ``None`` where unknown or life."""
        info = self.articles.get(statute_id)
        if info is None:
            return (None, None)
        return (info.penalty_min_months, info.penalty_max_months)

    def validate(self) -> list[str]:
        """Integrity problems of the data (empty when sound)."""
        problems = []
        for inst in self.instruments.values():
            if not inst.aliases and not inst.family:
                problems.append(f"{inst.id}: no alias and no family code")
            if inst.default_category and inst.default_category not in CATEGORIES:
                problems.append(f"{inst.id}: default category {inst.default_category!r}")
            if inst.unit not in ("article", "section", "rule"):
                problems.append(f"{inst.id}: unit {inst.unit!r}")
        for art_id, info in self.articles.items():
            if info.category not in CATEGORIES:
                problems.append(f"{art_id}: category {info.category!r}")
            lo, hi = info.penalty_min_months, info.penalty_max_months
            if lo is not None and hi is not None and lo > hi:
                problems.append(f"{art_id}: penalty min {lo} > max {hi}")
            if (lo is not None or hi is not None or info.life) and not info.source:
                problems.append(f"{art_id}: penalty without a source")
        return problems


def choose(candidates: list[Instrument], *, country: str | None, jurisdiction: str | None) -> Instrument:
    """The best of several instruments an alias can mean: the court's own
    jurisdiction first, then its country, then catalog order."""

    def rank(inst: Instrument) -> tuple[int, int]:
        return (
            0 if jurisdiction and inst.jurisdiction == jurisdiction else 1,
            0 if inst.country == country else 1,
        )

    return min(candidates, key=rank)


@lru_cache(maxsize=4)
def _load(path: str) -> Catalog:
    with open(path, encoding="utf-8") as fh:
        return Catalog(json.load(fh))
