"""Find statute citations in a judgment and resolve them to catalog ids.

    find_citations(text, lang="es", country="AR") -> [Citation, ...]

One ``Citation`` per article referenced: "arts. 40 y 41, 26 CP" gives three.
**Span convention**: every Citation of one citation phrase carries the span of
the whole phrase, from its first keyword or number to the end of the
instrument's name when the name follows ("arts. 40 y 41, 26 CP"), or to the end
of the list when it does not; so several Citations may share one span, and
``text[c.start:c.end] == c.text`` always holds.

How a list of articles gets its instrument, in order:

1. the instrument named right after it ("of the Penal Code", "del CPP",
   "PPC", "de la Ley 26.485"), skipping "as amended by <law>";
2. an oblique reference right after it ("of the said Act", "del mismo
   Código", "de la misma ley", "thereof", "ibid") -> the last instrument named;
3. an instrument named right before it ("the Revised Penal Code, Article 315",
   "18 U.S.C. § 1591");
4. otherwise the last instrument named before it in the text whose
   provisions are called the same way (an "Article" does not go to an Act of
   "sections"); with none, ``id=None`` and reason ``no_instrument``.

A list followed by "of <something that is not an instrument>" ("Section 1 of
the Judgment", "Article 3 of the TIP Protocol", "art. 2 de la Convención") is
not resolved: reason ``unknown_instrument`` (or ``treaty``). Lists joined by
"read with", "in relation to", "en función del", ... are one chain: each part
takes the instrument named after it, else the one after the chain.

Structure rules (ANNOTATION.md): "Section 7, Rule 114" -> the rule number
(``PH:ROC:114``); "Section 13, Article VIII of the Constitution" and
"Sec. 5(b), Art. III of R.A. No. 7610" -> the section number; "Sec. 2 of Art.
315" -> article 315; "Fourth Amendment" -> ``US:CONST:amend4``.

Whole instruments named without an article come back with ``id=None``,
``instrument`` set and reason ``whole_instrument``: the caller decides whether
they count (ANNOTATION.md: only when they are the only law behind a charge).

Hints: ``country`` picks what generic names mean ("Penal Code" is LK:PC in Sri
Lanka); ``jurisdiction`` ("AR-CABA") picks local codes ("CPP" in a Buenos
Aires City court is ``AR:CPPCABA``; inferred from the text when not given);
``decision_year`` picks historical meanings ("Penal Code" in a Philippine
decision before 1932 is the Spanish Penal Code, ``PH:OPC``; without a year the
Revised Penal Code).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from atlas_courts.resolve.statutes_catalog import Alias, ArticleInfo, Catalog, Instrument, choose
from atlas_courts.resolve.statutes_text import alias_pattern, fold, is_abbreviation, normalise_article, split_article

__all__ = [
    "ArticleInfo",
    "Catalog",
    "Citation",
    "Instrument",
    "find_citations",
    "infer_jurisdiction",
    "normalise_article",
]

METHOD = "rule:statute.v1"
# How far back (characters) a bare "art. 5" / "Section 5" looks for the
# instrument last named. Civil-law judgments (Spanish) name the code in every
# citation, so an unnamed article list far from any name is the penal code
# (``country_default``); common-law judgments discuss one Act for pages and
# refer to its sections bare, so they look much further back and have no default.
CONTEXT_REACH = {"civil": 800, "common": 6000}
CIVIL_LAW_LANGS = ("es", "th")


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    text: str  # text[start:end] == self.text
    id: str | None  # "AR:CP:145bis", or None when unresolved
    article: str | None  # "145bis"
    subsection: str | None  # "(a)(1)", "inc. 2", "párr. 1"
    instrument: str | None  # "AR:CP"
    reason: str | None  # why unresolved: unknown_instrument, no_instrument, whole_instrument, treaty, ...
    resolved_by: str | None = None  # explicit, preceding, oblique, chain, context, default, structure
    confidence: float = 1.0


# --------------------------------------------------------------------------- patterns
# All patterns run over the accent-folded text (same offsets as the original).

_NUM = r"\d{1,5}(?:\.\d{3}(?!\d))?(?:\.\d{1,2}(?!\d))?"
_ORD = r"(?:\s?[º°]|\.\s?[º°o](?![a-z])|o(?![a-z]))?"
_SUF = (
    r"(?:\s?-?\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)(?![a-z])"
    r"|-?[A-Za-z](?![A-Za-z])"
    r"|\s(?-i:[A-Z])(?![A-Za-z])(?=\s*\(|\s+of\b)"  # "section 360 A (1) of the Penal Code"
    r"|\s?(?-i:\([A-Z]\))(?=\s?\())?"  # "154P", "Article154 (P) (3) (a)"
)
ITEM = re.compile(rf"(?P<art>\d{{1,5}}(?:\.\d{{3}}(?!\d))?(?:\.\d{{1,2}}(?!\d))?{_ORD}{_SUF})", re.IGNORECASE)
# "bis"/"ter" are case-insensitive, but a lone suffix letter must not swallow the
# Spanish conjunction: "5 y 6" has a space, "5y" never occurs.

_INC_ITEM = r"(?:[a-z](?:\s?\.\s?\d{1,2})?\)?|\d{1,2}(?:\s?[º°])?\)?)"
SUBSECTION = re.compile(
    r"""(?:
        \s*\((?:\d{1,3}|[a-z]{1,4}|[ivxlc]{1,6})\)                               # (a) (1) (iii), also across a page break
      | (?<=[0-9A-Z])\d{1,2}(?=\()                                              # 154P3(b)
      | \s?[a-z]\)(?!\w)                                                       # 6 a)
      | ,?\s*(?:parrafos?|parr?s?\.|par\.|paragraphs?|paras?\.|apartados?|ap\.)\s*(?:\d{1,2}|[a-z](?![a-z]))(?:\.\s?[º°o](?![a-z])|\s?[º°])?(?:\s?\([a-z0-9]{1,3}\))*
      | ,?\s*(?:y\s+)?(?:primer|primero|segundo|tercer|tercero|cuarto|quinto|ultimo|ultima|anteultimo|penultimo)\s+(?:parrafo|parte|apartado|inciso|supuesto)
      | ,?\s*(?:and\s+)?(?:first|second|third|fourth|fifth|last)\s+(?:paragraph|proviso|clause|part)
      | ,?\s*(?:sub-?(?:section|clause|paragraph|rule)s?|clauses?|cl\.)\s*\(?[0-9a-z]{1,4}\)?
      | \s*y\s+(?:ss|sgtes|sigs|siguientes)\.?
      | \s*et\s+seq\.?
      | \s?[º°]
      | ,?\s*(?:subpar\.?|sub-par\.?)\s*\(?[0-9a-z]{1,3}\)?
    )""",
    re.VERBOSE | re.IGNORECASE,
)
INCISO_KW = re.compile(r",?\s*-?\s*(?P<kw>incisos?|incs?\.|inc\b)\s*", re.IGNORECASE)
INC_ITEM = re.compile(_INC_ITEM, re.IGNORECASE)
INC_SEP = re.compile(r"\s*(?:(?P<comma>,)\s*(?!y\b|e\b)|\s+(?P<conj>y|e|and|o)\s+)", re.IGNORECASE)

_KW_ARTICLE = r"(?:art(?:iculo|icle)s?(?:\b(?!\.)|(?=\d))|arts?\.|art(?=\s+\d)|มาตรา)"  # "Article154" too
_KW_SECTION = r"(?:sections?\b|secs?\.|sec(?=\s+\d)|(?<![\w.])ss?\.(?=\s*\d)|§§?|u/s\b|under\s+section\b)"
KEYWORD = re.compile(rf"(?<![\w])(?:(?P<article>{_KW_ARTICLE})|(?P<section>{_KW_SECTION}))\s*", re.IGNORECASE)
KEYWORD_AT = re.compile(rf"(?:(?P<article>{_KW_ARTICLE})|(?P<section>{_KW_SECTION}))\s*", re.IGNORECASE)
RULE_KW = re.compile(r"(?<![\w])(?:rules?|reglas?)\s+(?=\d)", re.IGNORECASE)
ROMAN = re.compile(r"(?P<roman>[IVXLC]{1,6})(?![\w])")

SEP = re.compile(
    r"(?:\s*[,&]\s*(?:(?:and|y|e|or|o|as\s+well\s+as)\s+)?|\s*/\s*|\s+(?:and|y|e|or|o|as\s+well\s+as)\s+)",
    re.IGNORECASE,
)
# "(d) and (f)": a further subsection joined to the one just read (never the first one).
SUBSECTION_MORE = re.compile(r",?\s*(?:and|or|y|o|e|&)\s+\((?:\d{1,3}|[a-z]{1,4}|[ivxlc]{1,6})\)", re.IGNORECASE)
# A plural keyword just before a list ("Articles 40, 41", "arts.", "Secs.", "§§").
PLURAL_KEYWORD_BEFORE = re.compile(
    r"(?:articles|articulos|artículos|arts?s\.?|arts\.|sections|secs\.|secciones|§§)\s*$", re.IGNORECASE)
RANGE = re.compile(r"\s*(?:\bto\b|\ba\b|\bal\b|\bhasta\b|\bthrough\b|-|–)\s*", re.IGNORECASE)
CHAIN = re.compile(
    r"""\s*,?\s*(?:agravad[oa]s?\s+|calificad[oa]s?\s+)?
    (?:read\s+with|r/w|in\s+relation\s+to|in\s+conjunction\s+with|in\s+connection\s+with|together\s+with
      |en\s+funcion\s+de(?:l|\s+los|\s+las|\s+la)?
      |en\s+relacion\s+(?:con|a)(?:\s+(?:el|los|la|las))?|en\s+relacion\s+al
      |en\s+concordancia\s+con(?:\s+(?:el|los|la|las))?|en\s+consonancia\s+con(?:\s+(?:el|los|la|las))?
      |relacionad[oa]s?\s+con(?:\s+(?:el|los|la|las))?|con\s+relacion\s+al?)\s*,?\s*""",
    re.VERBOSE | re.IGNORECASE,
)
LINK_GAP = re.compile(
    r"""[\s,:;(\[]*
    (?:(?:(?:of|under|in|del|de|la|las|los|el|en|the)\b
        |(?:chapter|capitulo|title|titulo|part|book|libro)\s+[ivxlc\d]+\b)[\s,(\[]*)*""",
    re.VERBOSE | re.IGNORECASE,
)
AMEND_GAP = re.compile(
    r"[\s,]*(?:as\s+)?(?:further\s+)?(?:amended|modified|modificad[oa]s?|sustituid[oa]s?)\s+(?:by|por)(?:\s+(?:the|la|el))?\s*",
    re.IGNORECASE,
)
AMEND_GAP_BEFORE = re.compile(
    r"(?:amended|modified|modificad[oa]s?|sustituid[oa]s?)\s+(?:by|por)(?:\s+(?:the|la|el))?\s*$|\bto\s*$", re.IGNORECASE
)
AFTER_BEFORE_GAP = re.compile(r"[\s,:]*")
NON_INSTRUMENT = re.compile(
    r"\s*,?\s*(?:of|del|de\s+la|de\s+los|de\s+las|de|in)\s+(?:the\s+|this\s+|that\s+|la\s+|el\s+|los\s+|las\s+)?(?P<what>[\w'’-]+)",
    re.IGNORECASE,
)
TREATY = re.compile(
    r"convenci[oó]n|convention|covenant|protocol|protocolo|pacto|declaration|declaraci[oó]n|treaty|tratado"
    r"|untoc|cedaw|iccpr(?!\s+act)|\bcbp\b|reglas\s+de\s+brasilia|charter",
    re.IGNORECASE,
)
NUMBER_GUARD = re.compile(r"(?:n[º°o]\.?|nos?\.|nro\.?|num\.?|\$|fs\.|fojas|p\.|pp\.|pag\.|paginas?|expte\.?)\s*$", re.IGNORECASE)
BARE_LEAD = re.compile(
    r"(?:\(|\bdel|\bde\s+los|\bfuncion\s+del?|\by|\be|\band|\bsobre|/|,)\s*$", re.IGNORECASE
)

# Oblique references: the instrument last named.
OBLIQUE = re.compile(
    r"""(?<![\w])(?:
        (?:the\s+)?(?:said|same|above|above-mentioned|abovementioned|aforesaid|aforementioned|present|this|that|such)\s+(?P<en_kind>Act|Code|Law|Ordinance|Order|Decree|Statute|Constitution)\b
      | the\s+(?P<the_kind>Act|Code|Ordinance|Order|Decree)(?![\w-])(?!\s+(?:of|No\.?)\s+\d)
      | \[(?P<br_kind>Act|Code|Ordinance|Order)\]
      | (?:dich[oa]|la\s+misma|el\s+mismo|mism[oa]|la\s+presente|el\s+presente|esta|este|la\s+citada|el\s+citado|citad[oa]|la\s+mencionada|el\s+mencionado|mencionad[oa]|ese|esa|aludid[oa]|referid[oa])\s+(?P<es_kind>ley|norma|codigo|cuerpo\s+(?:legal|normativo)|texto\s+legal|ordenamiento|decreto|reglamento)\b
      | (?P<ibid>ibid\.?|ibidem|id\s?\.(?=\s|[,;)]|$)|thereof|hereof|thereto)
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_OBLIQUE_KINDS = {
    "act": {"act", "law"},
    "code": {"code"},
    "law": {"act", "law", "code", "ordinance", "decree", "order"},
    "statute": {"act", "law", "code", "ordinance", "decree", "order"},
    "ordinance": {"ordinance"},
    "order": {"order"},
    "decree": {"decree"},
    "constitution": {"constitution"},
    "ley": {"act", "law", "decree"},
    "norma": {"act", "law", "code", "decree", "ordinance", "order"},
    "codigo": {"code"},
    "cuerpo legal": {"code", "law", "act"},
    "cuerpo normativo": {"code", "law", "act"},
    "texto legal": {"code", "law", "act"},
    "ordenamiento": {"code", "law", "act"},
    "decreto": {"decree"},
    "reglamento": {"rules"},
}

# Numbered laws: (regex, code template, countries or None for any).
FAMILIES: list[tuple[re.Pattern[str], str, frozenset[str] | None]] = [
    (re.compile(r"(?<![\w])(?P<n>\d{1,2})\s*U\.\s?S\.\s?C\.(?:\s?A\.)?|(?<![\w])(?P<n2>\d{1,2})\s*U\.?S\.?C\.?A?(?![\w])"), "{n}USC", None),
    (re.compile(r"(?<![\w])[Tt]itle\s+(?P<n>\d{1,2}),?\s+(?:of\s+the\s+)?United\s+States\s+Code"), "{n}USC", None),
    (re.compile(r"(?<![\w])(?:Commonwealth\s+Act|C\.\s?A\.)\s*(?:[Nn][Oo]s?\.?\s*)?(?P<n>\d{1,4})(?![\d])"), "CA{n}", frozenset({"PH"})),
    (re.compile(r"(?<![\w])(?:Republic\s+Act|Rep\.\s*Act|R\.\s?A\.?|RA)\s*(?:[Nn][Oo][Ss]?\.?|Number|Blg\.)?\s*(?P<n>\d{2,5})(?![\d])"), "RA{n}", frozenset({"PH"})),
    (re.compile(r"(?<![\w])(?:Presidential\s+Decree|P\.\s?D\.?|PD)\s*(?:[Nn][Oo][Ss]?\.?)?\s*(?P<n>\d{1,4})(?![\d])"), "PD{n}", frozenset({"PH"})),
    (re.compile(r"(?<![\w])(?:Batas\s+Pambansa|B\.\s?P\.?)\s*(?:Blg\.?|Bilang|[Nn][Oo]\.?)?\s*(?P<n>\d{1,4})(?![\d])"), "BP{n}", frozenset({"PH"})),
    (re.compile(r"(?<![\w])(?:Act|ACT|Ley|LEY|ley)\s+(?:[Nn][Oo][Ss]?\.?|N[Uu][Mm]\.?|Number)\s*(?P<n>\d{1,4})(?![\d])"), "ACT{n}", frozenset({"PH"})),
    (re.compile(r"(?<![\w])(?:Ley|LEY)\s+(?P<n>\d{3,4})(?![\d.])"), "ACT{n}", frozenset({"PH"})),
    (
        re.compile(
            r"(?<![\w])(?:[Ll]ey(?:\s+[Nn]acional)?|LEY(?:\s+NACIONAL)?|L\.?N\.?)\s*(?:[Nn](?:[°º]|ro\.?|o\.?|um\.?)\s*)?"
            r"(?P<n>\d{1,3}(?:\.\d{3})+|\d{1,5})(?:\s*/\s*\d{2,4})?(?![\d])"
        ),
        "L{n}",
        frozenset({"AR", "PY", "BO", "ES"}),
    ),
]
FAMILY_KINDS = {"USC": "code", "CA": "act", "RA": "act", "PD": "decree", "BP": "act", "ACT": "act", "L": "law"}

AMENDMENT = re.compile(
    r"(?<![\w])(?P<ord>First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth"
    r"|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth|Twenty-first|Twenty-second|Twenty-third"
    r"|Twenty-fourth|Twenty-fifth|Twenty-sixth|Twenty-seventh|1st|2nd|3rd|4th|5th|6th|8th|13th|14th)\s+Amendment(?![\w])"
)
_ORDINALS = {
    w.lower(): i
    for i, w in enumerate(
        "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth Thirteenth Fourteenth Fifteenth"
        " Sixteenth Seventeenth Eighteenth Nineteenth Twentieth Twenty-first Twenty-second Twenty-third Twenty-fourth"
        " Twenty-fifth Twenty-sixth Twenty-seventh".split(),
        start=1,
    )
} | {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "8th": 8, "13th": 13, "14th": 14}
US_CONTEXT = re.compile(r"United\s+States|U\.\s?S\.|American|\bUS\b")
FOREIGN_AFTER = re.compile(r"\s+(?:of|in)\s+(?:that|the\s+same|another|this)\s+country|\s+of\s+(?:the\s+)?(?:United\s+Kingdom|UK|England|India|Canada)|\s+in\s+the\s+(?:UK|United\s+Kingdom)", re.IGNORECASE)


def infer_jurisdiction(text: str, country: str | None) -> str | None:
    """A sub-national jurisdiction the text shows, for local codes: "AR-CABA"
    for Buenos Aires City courts. The caller should pass the court's own
    jurisdiction when it knows it."""
    if country == "AR" and re.search(
        r"\bCABA\b|Ciudad\s+Aut[oó]noma\s+de\s+Buenos\s+Aires|Ciudad\s+de\s+Buenos\s+Aires|CPPCABA|Contravencional", text
    ):
        return "AR-CABA"
    return None


# --------------------------------------------------------------------------- alias matching


class _AliasIndex:
    """All aliases of a catalog compiled into two alternations (names and abbreviations)."""

    def __init__(self, catalog: Catalog):
        self.by_key: dict[str, list[tuple[Alias, Instrument]]] = {}
        names: set[str] = set()
        abbrevs: set[str] = set()
        from atlas_courts.resolve.statutes_text import alias_key

        for inst in catalog:
            for alias in inst.aliases:
                self.by_key.setdefault(alias_key(alias.text), []).append((alias, inst))
                if is_abbreviation(alias.text):
                    abbrevs.add(alias.text)
                    abbrevs.add(alias.text.upper())
                else:
                    names.add(alias.text)
        self.key = alias_key

        def alternation(items: set[str]) -> str:
            """Aliases grouped by their first character behind one word-boundary check: Python's
            regex engine tries alternatives one by one at every position, so a flat list of
            several hundred aliases, each with its own look-behind, cost ~10 ms per page."""
            lead = r"(?<![\w])"
            grouped: dict[str, list[str]] = {}
            other: list[str] = []
            for a in sorted(items, key=lambda a: (-len(a), a)):
                pattern = alias_pattern(a)
                if pattern.startswith(lead) and pattern[len(lead)].isalnum():
                    body = pattern[len(lead):]
                    grouped.setdefault(body[0].lower(), []).append(body)
                else:
                    other.append(pattern)
            branches = [
                f"[{first}{first.upper()}](?:{'|'.join(b[1:] for b in bodies)})" for first, bodies in sorted(grouped.items())
            ]
            parts = [lead + "(?:" + "|".join(branches) + ")"] if branches else []
            return "|".join(parts + other)

        self.names = re.compile(alternation(names), re.IGNORECASE)
        self.abbrevs = re.compile(alternation(abbrevs))

    def candidates(self, matched: str) -> list[tuple[Alias, Instrument]]:
        return self.by_key.get(self.key(matched), [])


_INDEX_CACHE: dict[int, _AliasIndex] = {}


def _index(catalog: Catalog) -> _AliasIndex:
    idx = _INDEX_CACHE.get(id(catalog))
    if idx is None:
        idx = _INDEX_CACHE[id(catalog)] = _AliasIndex(catalog)
    return idx


# --------------------------------------------------------------------------- internal records


@dataclass
class _Mention:
    start: int
    end: int
    instrument: Instrument | None  # None: oblique (resolved in context) or unresolvable
    oblique_kinds: set[str] | None = None  # for oblique mentions: allowed instrument kinds (None = any)
    named: bool = True
    reason: str | None = None  # for an unusable named mention (foreign_instrument, ambiguous_instrument)
    linked: bool = False
    amending: bool = False  # named after "as amended by": not the instrument cited


@dataclass
class _Item:
    raw: str
    start: int
    end: int
    subsection: str | None = None
    expanded: tuple[str, ...] = ()  # articles of a range, besides raw


@dataclass
class _Group:
    start: int
    end: int
    kind: str  # article, section, rule, bare
    items: list[_Item]
    roman: bool = False  # "Article III": a division, not an article
    in_division: bool = False  # "Article III, Section 14": a section of a numbered division
    link_from: int | None = None  # where to look for the instrument named after it
    absorbed: bool = False
    rule_subs: list[str] | None = None
    chain_next: "_Group | None" = None
    continues: "_Group | None" = None  # chain continuation of an earlier group
    resolved: Instrument | None = None


class _Finder:
    def __init__(self, text, lang, country, jurisdiction, year, catalog):
        self.text = text
        self.ft = fold(text)
        self.lang = lang
        self.country = country
        self.jurisdiction = jurisdiction
        self.year = year
        self.catalog = catalog
        self.index = _index(catalog)
        self.mention_starts: set[int] = set()
        self.civil = lang in CIVIL_LAW_LANGS
        self.reach = CONTEXT_REACH["civil" if self.civil else "common"]

    # ------------------------------------------------------------------ mentions

    def resolve_alias(self, cands: list[tuple[Alias, Instrument]]) -> Instrument | None:
        usable = [inst for alias, inst in cands if alias.usable(inst, self.country, self.jurisdiction, self.year)]
        if not usable:
            return None
        # De-duplicate while keeping order.
        seen: dict[str, Instrument] = {}
        for inst in usable:
            seen.setdefault(inst.id, inst)
        return choose(list(seen.values()), country=self.country, jurisdiction=self.jurisdiction)

    def family_instrument(self, code: str) -> Instrument | None:
        if code.endswith("USC"):
            country = "US"
        else:
            country = self.country
        if country is None:
            return None
        found = self.catalog.family(code, country=country, jurisdiction=self.jurisdiction)
        if found is not None:
            return found
        prefix = re.match(r"[A-Z]+", code.lstrip("0123456789"))
        fam = "USC" if code.endswith("USC") else (prefix.group(0) if prefix else "")
        return Instrument(
            country=country,
            code=code,
            titles={},
            kind=FAMILY_KINDS.get(fam, "act"),
            unit="article" if fam == "L" else "section",
            in_catalog=False,
        )

    def find_mentions(self) -> list[_Mention]:
        ft = self.ft
        found: list[_Mention] = []
        for pattern in (self.index.names, self.index.abbrevs):
            for m in pattern.finditer(ft):
                cands = self.index.candidates(m.group(0))
                if not cands:
                    continue
                inst = self.resolve_alias(cands)
                mention = _Mention(m.start(), m.end(), inst)
                if inst is None:
                    mention.reason = "foreign_instrument"
                else:
                    after = FOREIGN_AFTER.match(ft, m.end())
                    if after and inst.country == self.country:
                        mention.instrument = None
                        mention.reason = "foreign_instrument"
                        mention.end = after.end()
                found.append(mention)
        for pattern, template, countries in FAMILIES:
            if countries is not None and self.country not in countries:
                continue
            for m in pattern.finditer(ft):
                n = m.group("n") if m.group("n") is not None else m.groupdict().get("n2")
                if n is None:
                    continue
                code = template.format(n=n.replace(".", "").lstrip("0") or "0")
                inst = self.family_instrument(code)
                if inst is not None:
                    found.append(_Mention(m.start(), m.end(), inst))
        for m in OBLIQUE.finditer(ft):
            kind = (m.group("en_kind") or m.group("the_kind") or m.group("br_kind") or m.group("es_kind") or "").lower()
            kind = re.sub(r"\s+", " ", kind)
            kinds = _OBLIQUE_KINDS.get(kind) if kind else None
            found.append(_Mention(m.start(), m.end(), None, oblique_kinds=kinds or None, named=False))
        # Longest first at each start; drop mentions overlapping an earlier kept one.
        found.sort(key=lambda x: (x.start, -(x.end - x.start), not x.named))
        kept: list[_Mention] = []
        last_end = -1
        for mention in found:
            if mention.start >= last_end:
                kept.append(mention)
                last_end = mention.end
            elif mention.end > last_end and mention.named and kept and not kept[-1].named:
                # A name that starts inside an oblique phrase wins ("the Code of Criminal Procedure").
                kept[-1] = mention
                last_end = mention.end
        return kept

    # ------------------------------------------------------------------ article lists

    def parse_item(self, pos: int) -> _Item | None:
        if pos in self.mention_starts:  # "and 8 U.S.C. § 1324": a title, not an article
            return None
        m = ITEM.match(self.ft, pos)
        if not m:
            return None
        raw = m.group("art")
        # A lone suffix letter must be upper case or attached by a hyphen
        # ("360A", "365-A", "27bis"); "5 a)" is article 5, inciso a.
        letter = re.search(r"(?<=\d)([a-z])$", raw)
        end = m.end()
        if letter and raw[-1].islower() and not raw.endswith(("bis", "ter")):
            following = self.ft[end : end + 1]
            if following == ")" or (not re.search(r"-[a-z]$", raw)):
                raw = raw[:-1]
                end -= 1
        return _Item(raw=raw, start=pos, end=end)

    def parse_subsections(self, pos: int) -> tuple[int, str | None]:
        ft = self.ft
        parts = []
        begin = pos
        while True:
            m = SUBSECTION.match(ft, pos)
            if m and m.end() > pos:
                parts.append(self.text[m.start() : m.end()].strip(" ,"))
                pos = m.end()
                continue
            m = SUBSECTION_MORE.match(ft, pos) if parts else None
            if m:
                parts.append(self.text[m.start() : m.end()].strip(" ,"))
                pos = m.end()
                continue
            m = INCISO_KW.match(ft, pos)
            if m:
                end = self.parse_incisos(m.end())
                if end is not None:
                    parts.append(self.text[m.start() : end].strip(" ,-"))
                    pos = end
                    if ft[pos : pos + 1] == "-":
                        pos += 1
                    continue
            break
        if not parts:
            return pos, None
        return pos, re.sub(r"\s+", " ", self.text[begin:pos]).strip(" ,-") or None

    def parse_incisos(self, pos: int) -> int | None:
        """The end of an inciso list ("1, 2, 4 y 5", "c) y d)", "a.1, a.2").

        Items go on while they are of the same type (numbers or letters), small
        and increasing; a list closes after an item joined by "y"/"and", so
        "inc. 2, 4 y 5, y 6 inc. a)" leaves "6" to the article list."""
        ft = self.ft
        m = INC_ITEM.match(ft, pos)
        if not m:
            return None
        first = m.group(0)
        is_digit = first[0].isdigit()
        prev = _inc_value(first)
        end = m.end()
        while True:
            s = INC_SEP.match(ft, end)
            if not s:
                break
            n = INC_ITEM.match(ft, s.end())
            if not n:
                break
            item = n.group(0)
            if item[0].isdigit() != is_digit:
                break
            value = _inc_value(item)
            if is_digit and (value > 20 or value <= prev):
                break
            if not is_digit and value <= prev:
                break
            # A letter item must look like an inciso ("d)", "a.2"), not a word.
            if not is_digit and not re.search(r"[).\d]", item):
                break
            after = ft[n.end() : n.end() + 1]
            if after.isalnum() and not item.endswith(")"):
                break
            end = n.end()
            prev = value
            if s.group("conj"):
                break
        return end

    def parse_list(self, pos: int, kind: str) -> _Group | None:
        """An article list starting at ``pos`` (just after the keyword, or at a bare number)."""
        ft = self.ft
        first = self.parse_item(pos)
        if first is None:
            return None
        items = [first]
        end, first.subsection = self.parse_subsections(first.end)
        first.end = end if first.subsection else first.end
        group = _Group(start=pos, end=end, kind=kind, items=items)
        while True:
            # range: "55 a 57", "Sections 3 to 5"
            r = RANGE.match(ft, end)
            if r and r.end() > end:
                kw = KEYWORD_AT.match(ft, r.end())
                nxt = self.parse_item(kw.end() if kw else r.end())
                if nxt is not None and not _looks_like_year_or_amount(ft, nxt):
                    expanded = _expand_range(items[-1].raw, nxt.raw)
                    if expanded is not None:
                        items[-1].expanded = expanded
                        e, nxt.subsection = self.parse_subsections(nxt.end)
                        items.append(nxt)
                        end = e
                        continue
            s = SEP.match(ft, end)
            if s and s.end() > end:
                p = s.end()
                kw = KEYWORD_AT.match(ft, p)
                if kw:
                    kw_kind = "article" if kw.group("article") else "section"
                    if kind not in (kw_kind, "bare"):
                        break
                    p = kw.end()
                nxt = self.parse_item(p)
                if nxt is not None and not _looks_like_year_or_amount(ft, nxt):
                    e, nxt.subsection = self.parse_subsections(nxt.end)
                    if (len(items) == 1 and not kw and s.group(0).strip() == "," and nxt.subsection
                            and ft[nxt.end : nxt.end + 1] == "(" and nxt.raw.isdigit() and items[0].raw.isdigit()
                            and int(nxt.raw) < int(items[0].raw)
                            and not PLURAL_KEYWORD_BEFORE.search(ft[max(0, pos - 16) : pos])):
                        # "Article 315, 2(a)": after a singular keyword, a smaller number with its
                        # own subsection is a paragraph of that article, not another article.
                        items[0].subsection = " ".join(filter(None, [items[0].subsection, nxt.raw + nxt.subsection]))
                        end = e
                        break
                    items.append(nxt)
                    end = e
                    continue
            c = CHAIN.match(ft, end)
            if c and c.end() > end:
                p = c.end()
                kw = KEYWORD_AT.match(ft, p)
                if kw:
                    p = kw.end()
                nxt = self.parse_item(p)
                if nxt is not None:
                    e, nxt.subsection = self.parse_subsections(nxt.end)
                    items.append(nxt)
                    end = e
                    continue
            break
        group.end = end
        return group

    def find_groups(self, mentions: list[_Mention]) -> list[_Group]:
        ft = self.ft
        groups: list[_Group] = []
        covered_until = -1
        starts = []
        for m in KEYWORD.finditer(ft):
            starts.append((m.start(), m.end(), "article" if m.group("article") else "section"))
        for m in RULE_KW.finditer(ft):
            starts.append((m.start(), m.end(), "rule"))
        starts.sort()
        mention_spans = [(mm.start, mm.end) for mm in mentions if mm.named]
        for kw_start, kw_end, kind in starts:
            if kw_start < covered_until:
                continue
            if _inside(mention_spans, kw_start):
                continue
            # "art. art. 89": a repeated keyword.
            again = KEYWORD_AT.match(ft, kw_end)
            p = again.end() if again and kind != "rule" else kw_end
            group = self.parse_list(p, kind)
            if group is None:
                rm = ROMAN.match(self.text, p)
                if rm and kind != "rule":
                    group = _Group(start=kw_start, end=rm.end(), kind=kind, items=[], roman=True)
                    groups.append(group)
                    covered_until = group.end
                continue
            group.start = kw_start
            groups.append(group)
            covered_until = group.end
        return groups

    def find_bare_groups(self, mentions: list[_Mention], groups: list[_Group]) -> list[_Group]:
        """Number lists written straight before an instrument: "(310 y 328 CPPCABA)",
        "256 y 260 del CPP", "SOBRE 89 EN FUNCIÓN DEL 92, 149 BIS ... DEL CÓDIGO PENAL"."""
        ft = self.ft
        spans = [(g.start, g.end) for g in groups]
        ends = {g.end for g in groups}
        out = []
        for mention in mentions:
            if not mention.named or mention.instrument is None:
                continue
            window_start = max(0, mention.start - 200)
            # Skip if a keyword list already ends right before it.
            if any(LINK_GAP.fullmatch(ft[e : mention.start]) for e in ends if window_start <= e <= mention.start):
                continue
            for p in range(window_start, mention.start):
                if not ft[p].isdigit() or (p > 0 and (ft[p - 1].isalnum() or ft[p - 1] in ".-/°º$")):
                    continue
                if _inside(spans, p):
                    continue
                group = self.parse_list(p, "bare")
                if group is None or not LINK_GAP.fullmatch(ft[group.end : mention.start]):
                    continue
                lead = ft[max(0, p - 25) : p]
                if NUMBER_GUARD.search(lead):
                    break
                if len(group.items) < 2 and not BARE_LEAD.search(lead):
                    break
                if any(len(re.sub(r"\D", "", it.raw)) > 4 for it in group.items):
                    break
                if len(group.items) == 1 and re.fullmatch(r"(?:1[89]|20)\d\d", group.items[0].raw):
                    break  # a year: "Act, 2018 (PTPA)"
                out.append(group)
                break
        return out

    # ------------------------------------------------------------------ resolution

    def run(self) -> list["Citation"]:
        ft = self.ft
        mentions = self.find_mentions()
        self.mention_starts = {m.start for m in mentions if m.named}
        groups = self.find_groups(mentions)
        groups += self.find_bare_groups(mentions, groups)
        groups.sort(key=lambda g: g.start)
        self.apply_structure(groups)
        m_starts = [m.start for m in mentions]

        def mention_at_or_after(pos: int) -> _Mention | None:
            i = bisect.bisect_left(m_starts, pos)
            return mentions[i] if i < len(mentions) else None

        def mention_before(pos: int) -> _Mention | None:
            i = bisect.bisect_left(m_starts, pos) - 1
            while i >= 0 and mentions[i].end > pos:
                i -= 1
            return mentions[i] if i >= 0 else None

        def instrument_after(pos: int) -> tuple[_Mention | None, str | None, int]:
            """(mention, reason, end) for what is named right after ``pos``."""
            for _ in range(4):
                m = mention_at_or_after(pos)
                gap = ft[pos : m.start] if m is not None else ft[pos : pos + 60]
                if m is not None and len(gap) <= 80 and AMEND_GAP.fullmatch(gap):
                    m.amending = True
                    pos = m.end
                    continue
                if m is not None and len(gap) <= 60 and LINK_GAP.fullmatch(gap):
                    return m, None, m.end
                break
            g = LINK_GAP.match(ft, pos)
            if g and TREATY.match(ft, g.end()):
                return None, "treaty", g.end() + TREATY.match(ft, g.end()).end() - g.end()
            n = NON_INSTRUMENT.match(ft, pos)
            if n:
                what = ft[n.start("what") : n.start("what") + 40]
                if TREATY.match(what):
                    return None, "treaty", n.end()
                if not re.match(r"\d", n.group("what")):
                    return None, "unknown_instrument", n.end()
            return None, None, pos

        # Walk the text in order, keeping the last instrument named.
        events: list[tuple[int, int, object]] = [(m.start, 1, m) for m in mentions] + [(g.start, 0, g) for g in groups]
        events.sort(key=lambda e: (e[0], e[1]))
        history: list[Instrument] = []
        treaties: list[int] = []  # where a treaty was named as a citation's instrument
        citations: list[Citation] = []

        def remember(inst: Instrument | None, pos: int) -> None:
            if inst is not None:
                history.append((pos, inst))

        def from_context(kind: str, kinds: set[str] | None = None, pos: int | None = None) -> Instrument | None:
            for seen_at, inst in reversed(history[-50:]):
                if pos is not None and pos - seen_at > self.reach:
                    break
                if kinds is not None and inst.kind not in kinds:
                    continue
                if kind in ("article", "section") and inst.rules_restart:
                    continue
                if kind == "article" and self.lang not in ("es", "th") and inst.unit == "section":
                    continue
                if kind == "section" and inst.unit == "article":
                    continue
                return inst
            return None

        def resolve_mention(m: _Mention) -> Instrument | None:
            if m.named:
                return m.instrument
            return from_context("any", m.oblique_kinds)

        for _, _, ev in events:
            if isinstance(ev, _Mention):
                if ev.linked:
                    continue
                inst = resolve_mention(ev)
                if ev.named and not ev.amending and not AMEND_GAP_BEFORE.search(ft[max(0, ev.start - 40) : ev.start]):
                    remember(inst, ev.end)
                continue
            group: _Group = ev
            if group.absorbed or group.roman:
                continue
            link_pos = group.link_from if group.link_from is not None else group.end
            mention, reason, phrase_end = instrument_after(link_pos)
            if reason == "treaty":
                treaties.append(phrase_end)
            inst: Instrument | None = None
            how = None
            start = group.start
            if mention is not None:
                inst = resolve_mention(mention)
                mention.linked = True
                how = "explicit" if mention.named else "oblique"
                if inst is None:
                    reason = mention.reason or ("no_instrument" if not mention.named else "unknown_instrument")
            elif reason is None:
                before = mention_before(group.start)
                if before is not None and before.named:
                    gap = ft[before.end : group.start]
                    if AFTER_BEFORE_GAP.fullmatch(gap) and before.instrument is not None and len(gap) <= 3:
                        inst = before.instrument
                        before.linked = True
                        how = "preceding"
                        start = before.start
                if inst is None and group.continues is not None and group.continues.resolved is not None:
                    inst = group.continues.resolved
                    how = "chain"
                if inst is None and group.in_division:
                    # "Article III, Section 14 (2)" with no instrument named: sections inside
                    # Roman-numbered articles are how constitutions are cited (ANNOTATION.md),
                    # unless the act being discussed is itself divided so (R.A. 7610).
                    near = from_context(group.kind, pos=group.start)
                    if near is not None and near.section_in_article:
                        inst, how = near, "context"
                    else:
                        inst = self.constitution()
                        how = "structure" if inst is not None else None
                if inst is None:
                    if group.kind == "rule":
                        inst = self.default_rules()
                        how = "default"
                    elif (treaties and treaties[-1] > (history[-1][0] if history else -1)
                          and group.start - treaties[-1] <= self.reach):
                        # The instrument named last is a treaty ("Paragraph 5 of Article 14 of the
                        # Covenant … Article 14, paragraph 5"): the bare article is the treaty's.
                        reason = "treaty"
                    else:
                        inst = from_context(group.kind if group.kind != "bare" else "any", pos=group.start)
                        how = "context"
                        if inst is None:
                            inst = self.country_default(group.kind)
                            how = "default"
                if inst is None and reason is None:
                    reason = "no_instrument"
                phrase_end = group.end
            else:
                phrase_end = max(phrase_end, group.end)
            phrase_end = max(phrase_end, link_pos)
            if group.kind == "rule" and inst is not None and inst.kind != "rules" and how != "explicit":
                inst, reason = None, "no_instrument"
            if inst is not None and inst.rules_restart and group.kind != "rule" and how != "explicit":
                # "Section 8, id.": sections restart in every rule, and the rule is the id (ANNOTATION.md);
                # without the rule's number the section names nothing.
                inst, reason = None, "no_rule_number"
            group.resolved = inst
            # A chain continuation after the instrument ("376 PPC read with 377-B").
            c = CHAIN.match(ft, phrase_end) if mention is not None else None
            if c:
                kw = KEYWORD_AT.match(ft, c.end())
                nxt = self.parse_list(kw.end() if kw else c.end(), "bare" if not kw else ("article" if kw.group("article") else "section"))
                if nxt is not None and not any(g.start <= nxt.start < g.end for g in groups if g is not group):
                    nxt.start = c.end()
                    nxt.continues = group
                    _insert_event(events, nxt)
            remember(inst, phrase_end)
            citations.extend(self.emit(group, inst, reason, how, start, phrase_end))
        for m in mentions:
            if m.named and not m.linked and m.instrument is not None:
                citations.append(self.whole(m, m.instrument))
        citations.extend(self.amendments())
        citations.sort(key=lambda c: (c.start, c.end))
        return citations

    def country_default(self, kind: str) -> Instrument | None:
        """The country's penal code, for an article cited with no instrument nearby
        (civil-law style judgments only)."""
        if not self.civil:
            return None
        for inst in self.catalog:
            if inst.country == self.country and inst.country_default:
                if kind == "section" and inst.unit == "article" and self.lang not in ("es", "th"):
                    return None
                if kind == "article" and inst.unit == "section" and self.lang not in ("es", "th"):
                    return None
                return inst
        return None

    def constitution(self) -> Instrument | None:
        for inst in self.catalog:
            if inst.country == self.country and inst.kind == "constitution":
                return inst
        return None

    def default_rules(self) -> Instrument | None:
        for inst in self.catalog:
            if inst.country == self.country and inst.kind == "rules":
                return inst
        return None

    def apply_structure(self, groups: list[_Group]) -> None:
        """Rules, divisions ("Article III") and "Sec. 2 of Art. 315"."""
        ft = self.ft
        for i, g in enumerate(groups):
            nxt = groups[i + 1] if i + 1 < len(groups) else None
            if g.kind == "rule":
                # "Section 7, Rule 114" / "articulo 2 de la Regla 119": the section is a sub-division.
                if i > 0:
                    prev = groups[i - 1]
                    if prev.kind in ("section", "article") and not prev.roman and re.fullmatch(
                        r"\s*,?\s*(?:of\s+(?:the\s+)?|de\s+la\s+|del\s+)?", ft[prev.end : g.start], re.I
                    ):
                        prev.absorbed = True
                        g.start = prev.start
                # "Rule 114, §2(b)" / "Rule 131, Sec. 5 (d)"
                if nxt is not None and nxt.kind == "section" and re.fullmatch(r"\s*,\s*", ft[g.end : nxt.start]):
                    nxt.absorbed = True
                    g.link_from = nxt.end
                continue
            if g.roman:
                # "Art. III, §5(b) of R.A. No. 7610", "Article VIII, Section 13 of the Constitution"
                if nxt is not None and nxt.kind == "section" and re.fullmatch(r"\s*,\s*", ft[g.end : nxt.start]):
                    nxt.in_division = True
                    continue
                # "Section 5(b), Article III of Republic Act No. 7610"
                if i > 0:
                    prev = groups[i - 1]
                    if prev.kind == "section" and re.fullmatch(r"\s*,?\s*(?:of\s+)?", ft[prev.end : g.start], re.I):
                        prev.link_from = g.end
                continue
            # "Sec. 2 of Art. 315 of the Revised Penal Code": a paragraph of article 315.
            if g.kind == "section" and nxt is not None and nxt.kind == "article" and not nxt.roman:
                if re.fullmatch(r"\s+of\s+", ft[g.end : nxt.start], re.I):
                    g.absorbed = True

    def article_id(self, inst: Instrument, raw: str) -> tuple[str | None, str | None]:
        article, sub = split_article(raw, decimal=inst.decimal_sections)
        if article is None:
            return None, None
        target = inst.redirect.get(article)
        if target:
            return target, article
        return f"{inst.id}:{article}", article

    def emit(self, group, inst, reason, how, start, end) -> list[Citation]:
        text = self.text[start:end]
        out = []
        for item in group.items:
            raws = [item.raw] + [r for r in item.expanded]
            for raw in raws:
                if inst is None:
                    art = normalise_article(raw)
                    out.append(Citation(start, end, text, None, art, item.subsection, None, reason or "no_instrument", how, 0.0))
                    continue
                statute_id, art = self.article_id(inst, raw)
                if statute_id is None:
                    continue
                if group.kind == "rule" and inst.kind != "rules":
                    continue
                conf = {"explicit": 0.95, "preceding": 0.9, "chain": 0.85, "oblique": 0.8, "default": 0.7, "context": 0.6}.get(how or "", 0.5)
                out.append(Citation(start, end, text, statute_id, art, item.subsection, inst.id, None, how, conf))
        return out

    def whole(self, mention: _Mention, inst: Instrument) -> Citation:
        text = self.text[mention.start : mention.end]
        return Citation(mention.start, mention.end, text, None, None, None, inst.id, "whole_instrument", "explicit", 0.9)

    def amendments(self) -> list[Citation]:
        out = []
        for m in AMENDMENT.finditer(self.text):
            window = self.text[max(0, m.start() - 300) : m.end() + 300]
            if self.country != "US" and not US_CONTEXT.search(window):
                continue
            n = _ORDINALS[m.group("ord").lower()]
            out.append(
                Citation(m.start(), m.end(), m.group(0), f"US:CONST:amend{n}", f"amend{n}", None, "US:CONST", None, "structure", 0.9)
            )
        return out


def _insert_event(events: list, group: _Group) -> None:
    key = (group.start, 0)
    i = bisect.bisect_right([(e[0], e[1]) for e in events], key)
    events.insert(i, (group.start, 0, group))


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _inc_value(item: str) -> int:
    digits = re.match(r"\d+", item)
    if digits:
        return int(digits.group(0))
    sub = re.search(r"\d+", item)
    return (ord(item[0].lower()) - ord("a") + 1) * 100 + (int(sub.group(0)) if sub else 0)


def _looks_like_year_or_amount(ft: str, item: _Item) -> bool:
    digits = re.sub(r"\D", "", item.raw)
    return len(digits) > 5


def _expand_range(a: str, b: str) -> tuple[str, ...] | None:
    """The articles strictly between ``a`` and ``b`` of a range ("3 to 5" -> 4);
    only plain numbers, and at most 50 of them. ``None`` when it is no range."""
    if not (a.isdigit() and b.isdigit()):
        return None
    x, y = int(a), int(b)
    if not x < y <= x + 50:
        return None
    return tuple(str(n) for n in range(x + 1, y))


def find_citations(
    text: str,
    *,
    lang: str | None,
    country: str | None = None,
    catalog: Catalog | None = None,
    jurisdiction: str | None = None,
    decision_year: int | None = None,
) -> list[Citation]:
    """Every statute citation in ``text``, resolved where possible.

    ``country`` is the court's country (ISO alpha-2); ``jurisdiction`` a
    sub-national court system ("AR-CABA"; inferred from the text when None);
    ``decision_year`` the year of the decision (historical aliases)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, not {country!r}")
    catalog = catalog or Catalog.load()
    if jurisdiction is None:
        jurisdiction = infer_jurisdiction(text, country)
    return _Finder(text, lang, country, jurisdiction, decision_year, catalog).run()
