"""Defendants: who was accused in the criminal case this document decides.

Read from, in order of trust:
1. the caption's party lists with their role labels ("ROMULO SAULO, AMELIA DE LA
   CRUZ, and CLODUALDO DE LA CRUZ, accused."; "SIMEON ANTONIO, ANSELMO DESARGO y
   FAUSTINO DIVINA, acusados y apelantes."; "Mullazim Hussain etc. versus The State"),
   with their status notes ("(Acquitted)", "(at large)");
2. labelled fields ("Acusado: JUAN CARLOS PEREZ, DNI …", "Imputado: …");
3. role cues in the body ("accused-appellant Rowena Eslabon Dionisio",
   "the appellant-Shazam Ali", "charging A, B and C with the crime of …",
   "juzgué a JUAN CARLOS GOMEZ", "(co-accused since acquitted)").

Names are kept as written at their first mention; later mentions of the same
person (surname only, other case, hyphenation) are merged into the first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..records import Mention, Section

VERSION = "v1"

_UPPER = "A-ZÁÉÍÓÚÑÜ"
_LOWER = "a-záéíóúñü"
# One name word: "Rowena", "ROWENA", "Buli-e", "Shafique-ur-Rehman", "O'Neil", an initial "M."
# after a hyphen: a capitalised part or a short particle ("Buli-e", "Shafique-ur-Rehman"), not "Ali-injured"
_HYPHEN = rf"(?:-(?:[{_UPPER}][{_UPPER}{_LOWER}]+|[{_LOWER}]{{1,3}}(?![{_LOWER}])))"
_WORD = rf"(?:[{_UPPER}][{_LOWER}'’]+{_HYPHEN}*|[{_UPPER}]{{2,}}{_HYPHEN}*|[{_UPPER}]\.)(?![{_UPPER}{_LOWER}])"
# Particles inside names; "y" only before a single final surname ("Larin y Bondad").
_PARTICLE = r"(?:de\s+la|de\s+los|de\s+las|del|de|dela|da|das|dos|di|van|von|bin|binti|ul|ur|al|el|DE\s+LA|DE|DEL)"
# A nickname in parentheses stays inside the name: "JOSEFINA (JOSIE) ALOLINO".
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?(?:\(\s*{_WORD}\s*\)\s+)?{_WORD}){{0,6}}(?:\s+[yY]\s+{_WORD}(?![\s]+{_WORD}))?"
NAME_RE = re.compile(_NAME)

# Words that start or make up things that are not people.
_NOT_NAMES = {
    "people", "state", "philippines", "republic", "pueblo", "filipinas", "united", "states", "court",
    "supreme", "high", "judge", "justice", "hon", "honorable", "government", "federation", "pakistan",
    "attorney", "general", "prosecutor", "procurador", "fiscal", "ministerio", "publico", "público",
    "police", "station", "sho", "fia", "director", "deputy", "secretary", "inspector", "officer",
    "the", "el", "la", "los", "las", "and", "y", "vs", "versus", "accused", "appellant", "appellants",
    "acusado", "acusados", "apelante", "apelantes", "petitioner", "respondent", "respondents", "plaintiff",
    "complainant", "querellante", "defendant", "defendants", "crim", "criminal", "case", "no", "gr",
    "regional", "trial", "city", "province", "municipality", "department", "office", "solicitor",
    "dni", "causa", "juez", "secretaria", "fiscalía", "fiscalia", "defensoría", "defensoria", "tribunal",
    "juzgado", "código", "codigo", "penal", "ley", "article", "section", "art", "sec", "rpc", "ppc",
    "mst", "mr", "mrs", "ms", "dr", "sr", "sra", "señor", "señora", "don", "doña", "hereinafter",
    "imputado", "imputada", "procesado", "procesados", "información", "information", "decision",
    "judgment", "sentence", "sentencia", "rollo", "tsn", "ex", "exh", "exhibit", "pw", "cw", "dw",
    "code", "act", "law", "laws", "ordinance", "rules", "rule", "constitution", "labor", "labour", "cr", "crl",
    "thus", "however", "this", "that", "these", "those", "to", "on", "in", "at", "by", "for", "from", "with",
    "through", "feeling", "after", "before", "when", "where", "while", "since", "as", "if", "but", "or", "it",
    "he", "she", "they", "we", "i", "his", "her", "their", "our", "there", "here", "then", "also", "further",
    "furthermore", "moreover", "accordingly", "wherefore", "consequently", "therefore", "hence", "so", "not",
    "specifically", "appeals", "instance", "first", "second", "third", "district", "fir", "dated", "ps",
    "acquitted", "convicted", "guilty", "contrary", "por", "con", "en", "del", "al", "que", "se", "su", "sus",
    "tras", "luego", "asimismo", "además", "ademas", "sin", "embargo", "según", "segun", "para", "este", "esta",
    "dicho", "dicha", "mismo", "misma", "estos", "estas", "ello", "así", "asi", "sobre", "entre", "durante",
    "transnational", "organized", "violence", "protection", "punjab", "national", "commission", "bench",
    "additional", "sessions", "session", "magistrate", "region", "branch", "rtc", "ca", "sc", "hc", "murder",
    "reference", "appeal", "petition", "writ", "rev", "revision", "misc", "jail", "narcotic", "substances",
    "control", "prevention", "trafficking", "persons", "children", "child", "women", "ministry", "board",
    "otros", "others", "etc", "otro", "another",
    # offences and the groups protected: "Ley contra la Trata de Personas, Explotación Sexual de Niños, Niñas y Adolescentes"
    "trata", "personas", "explotación", "explotacion", "sexual", "niños", "ninos", "niñas", "ninas", "adolescentes",
}
_PROSECUTION = re.compile(
    r"\b(?:PEOPLE\s+OF\s+THE\s+PHILIPPINES|People\s+of\s+the\s+Philippines|THE\s+UNITED\s+STATES|United\s+States|"
    r"(?:EL\s+)?PUEBLO\s+DE\s+(?:FILIPINAS|LAS\s+ISLAS\s+FILIPINAS)|El\s+Pueblo|(?:The\s+)?State|THE\s+STATE|"
    r"Republic|REPUBLIC|Attorney\s+General|Ministerio\s+P[uú]blico|Fiscal[ií]a|Federation\s+of\s+Pakistan|"
    r"Government\s+of|Deputy\s+Director|Federal\s+Investigation\s+Agency|Estado)\b"
)
_DEFENCE_ROLE = re.compile(
    r"(?:(?:accused|defendants?|acusados?|procesados?|encausados?|imputados?)"
    r"(?:[\s-]*(?:and|y|/)?[\s-]*(?:appellants?|apelantes?|appellees?|petitioners?|recurrentes?))*|"
    r"(?:appellants?|apelantes?|petitioners?)(?![\s-]*(?:appellee|apelado))|convicts?)\b",
    re.I,
)
_OTHER_ROLE = re.compile(
    r"\b(?:plaintiffs?|complainants?|querellantes?|appellees?|apelados?|respondents?|recurridos?|"
    r"for\s+(?:the\s+)?(?:appellants?|appellee|petitioners?|respondents?|the\s+State)|en\s+representaci[oó]n)\b",
    re.I,
)
_STATUS = [
    ("acquitted", re.compile(r"\(\s*(?:since\s+)?(?:acquitted|absuelto|absuelta|absueltos)\s*\)|co-accused\s+since\s+acquitted", re.I)),
    # "Mst. Haseena Bibi (since PO)": a proclaimed offender
    ("at_large", re.compile(r"\(\s*(?:since\s+)?(?:at\s+large|pr[oó]fugo|r[eé]beld[ea]|proclaimed\s+offender|absconder|absconding|"
                            r"(?-i:P\.?\s?O)\.?)\s*\)", re.I)),
    ("dead", re.compile(r"\(\s*(?:since\s+)?(?:dead|deceased|died|fallecido)\s*\)", re.I)),
]


@dataclass
class Party:
    name: str
    start: int
    end: int
    method: str
    confidence: float
    appellant: bool = False
    status: str | None = None
    aliases: list[tuple[int, int]] = field(default_factory=list)  # spans of later mentions


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_key(name: str) -> set[str]:
    """Content tokens of a name, folded: for matching mentions of one person."""
    return {t for t in re.split(r"[^a-z0-9]+", _fold(name)) if len(t) > 1 and t not in {"de", "la", "del", "y", "mst", "alias"}}


def _clean_name(raw: str) -> str | None:
    name = re.sub(r"\s+", " ", raw).strip(" ,.;:-")
    name = re.sub(r"^(?:Mst\.|Mr\.|Mrs\.|Ms\.|Dr\.|Sr\.|Sra\.|D\.|Don|Doña|señor|señora)\s+", "", name)
    name = re.sub(r"\s+(?:etc|alias.*|y\s+otros|et\s+al|and\s+others?|and\s+another)\.?$", "", name, flags=re.I)
    words = name.split()
    while words and _fold(words[-1]).strip(".") in _NOT_NAMES and len(words) > 1:
        words.pop()  # "Alvin Amployo GUILTY", "Juan Cruz Accused"
    while len(words) > 2 and _fold(words[0]).strip(".") in {"versus", "vs", "between", "and", "y", "contra"}:
        words.pop(0)  # "VERSUS\nALFRED KPADEH": the line before the name
    name = " ".join(words)
    if not words or len(words) > 7:
        return None
    content = [w for w in words if _fold(w).strip(".") not in _NOT_NAMES]
    if not content or len(content) < len(words) - 1 or _fold(words[0]).strip(".") in _NOT_NAMES:
        return None
    if all(len(w.strip(".")) <= 1 for w in words):
        return None
    if any(_fold(w).strip(".") in _NOT_NAMES and w[:1].isupper() and w not in ("de", "la", "del") for w in words[1:2]):
        return None
    return name


def _trailing_list(block: str, base: int, *, single_ok: bool = False) -> list[tuple[int, int, str]]:
    """The names that end ``block`` as one list ("A, B (Acquitted) and C"), nearest last."""
    names = split_name_list(block, base, single_ok=single_ok)
    kept: list[tuple[int, int, str]] = []
    end = base + len(block.rstrip(" ,\n"))
    for s, e, name in reversed(names):
        gap = re.sub(r"\([^)]{0,40}\)", "", block[e - base : end - base])
        # quotes around a name ("one Jane Doe alias \"Cora Molar\"") are part of its list item
        if re.fullmatch(r"[\s,;&\"“”]*(?:(?:and|y|Y|AND)\s*)?[\s,]*(?:etc\.?)?[\s,\"“”]*", gap) is None:
            break
        kept.append((s, e, name))
        end = s
    return list(reversed(kept))


def split_name_list(text: str, base: int, *, single_ok: bool = False) -> list[tuple[int, int, str]]:
    """Names in a list such as "A, B, and C" or "A, B y C", with offsets (base-relative)."""
    out: list[tuple[int, int, str]] = []
    for m in NAME_RE.finditer(text):
        raw = m.group(0)
        # "ANSELMO DESARGO y FAUSTINO DIVINA": a "y" between two multi-word names separates them
        parts = re.split(r"\s+[yY]\s+(?=\S+\s+\S)", raw)
        offset = m.start()
        for part in parts:
            local = raw.find(part, offset - m.start()) + m.start()
            name = _clean_name(part)
            if name and (single_ok or len(name.split()) >= 2):
                out.append((base + local, base + local + len(part.rstrip(" ,.;:")), name))
            offset = local + len(part)
    return out


# --------------------------------------------------------------------------- finders


def _caption_parties(text: str, start: int, end: int) -> list[Party]:
    """Party lists closed by a defence role label, and "X versus The State" lines."""
    parties: list[Party] = []
    zone = text[start:end]
    boundaries = [0]
    for m in re.finditer(r"\b(?:vs?\.|versus|VERSUS|Versus|VS\.?|contra|-Vs-)\s", zone):
        boundaries.append(m.end())
    for m in re.finditer(r"\n\s*\n|[.;]\s*\n", zone):
        boundaries.append(m.end())
    for m in re.finditer(r"[,(]\s*(" + _DEFENCE_ROLE.pattern + r")", zone, re.I):
        label_start = m.start()
        lo = max([b for b in boundaries if b <= label_start] + [0])
        lo = max(lo, label_start - 400)
        block = zone[lo:label_start]
        # the prosecution's block ("PEOPLE OF THE PHILIPPINES, plaintiff-appellee,\nvs.\n") ends earlier
        if _PROSECUTION.search(block) and not re.search(r"\bvs?\.|versus", block, re.I):
            continue
        role = m.group(1).lower()
        appellant = bool(re.search(r"appellant|apelante|petitioner|recurrente", role))
        for s, e, name in _trailing_list(block, start + lo, single_ok=True):
            status = None
            tail = text[e : e + 40]
            for status_name, pattern in _STATUS:
                if pattern.match(tail.lstrip(" ,")) or pattern.match(tail):
                    status = status_name
            parties.append(Party(name, s, e, f"rule:parties.caption.{VERSION}", 0.9, appellant, status))
        boundaries.append(m.end())
    parties.extend(_line_role_parties(text, start, end))
    parties.extend(_flowed_role_parties(text, start, end))
    parties.extend(_listed_parties(text, start, end))
    if parties:
        return parties  # role-labelled lists are the better reading of a caption
    # "Mullazim Hussain etc. versus The State", "The State Versus 1.Umer Draz 2.Abdul Ghafar"
    for m in re.finditer(r"(?P<left>[^\n()]{2,200}?)\s+(?:vs?\.|versus|Versus|VERSUS|Vs)\s+(?P<right>[^\n()]{2,200})", zone):
        left, right = m.group("left"), m.group("right")
        if _PROSECUTION.search(right) and not _PROSECUTION.search(left):
            side, base = left, start + m.start("left")
        elif _PROSECUTION.search(left) and not _PROSECUTION.search(right):
            side, base = right, start + m.start("right")
        else:
            continue
        side_clean = re.sub(r"^.*?\bNo\.?\s*[\w/-]+(?:\s+of\s+\d{4})?\.?\s*", "", side)
        base += len(side) - len(side_clean)
        for s, e, name in split_name_list(side_clean, base):
            parties.append(Party(name, s, e, f"rule:parties.versus.{VERSION}", 0.85, True))
    return parties


_LINE_ROLE = re.compile(
    r"(?m)^[ \t]*(?:\d+(?:st|nd|rd|th)[ \t]+)?(?P<role>ACCUSED|Accused|ACCUSED-APPELLANTS?|Accused-Appellants?|"
    r"(?:ACCUSED|Accused)[- ](?:APPELLANT|Appellant)(?:[- ](?:APPELLANT|Appellant|PETITIONER|Petitioner))*)[ \t]*\.?[ \t]*$"
)
_NUMBERED = re.compile(rf"(?:^|\s)\d{{1,2}}\s*\.\s*(?P<name>{_NAME})")


def _line_role_parties(text: str, start: int, end: int) -> list[Party]:
    """Sri Lankan captions: the accused named on the lines above a role line of its own
    ("Rosemary Judy Perera\nAccused"; "1.Wanniarachchige Sunil Fonseka alias Ajith\n2.Korale
    Hewage Dayawathi\nACCUSED")."""
    parties: list[Party] = []
    for m in _LINE_ROLE.finditer(text, start, end):
        appellant = "ppellant" in m.group("role") or "PPELLANT" in m.group("role")
        line_end = m.start()
        for _ in range(3):
            line_start = text.rfind("\n", start, max(start, line_end - 1)) + 1
            line = text[line_start:line_end]
            if not line.strip() or re.search(r"\b(?:vs?\.?|versus|between)\b", line, re.I):
                break
            numbered = list(_NUMBERED.finditer(line))
            found = []
            if numbered:
                for n in numbered:
                    name = _clean_name(n.group("name"))
                    if name and len(name.split()) >= 2:
                        found.append((line_start + n.start("name"), line_start + n.end("name"), name))
            else:
                whole = NAME_RE.fullmatch(line.strip())
                name = _clean_name(line.strip()) if whole else None
                if name and len(name.split()) >= 2:
                    s0 = line_start + line.index(line.strip())
                    found.append((s0, s0 + len(line.strip()), name))
            for s0, e0, name in found:
                parties.append(Party(name, s0, e0, f"rule:parties.role_line.{VERSION}", 0.85, appellant))
            if not found:
                break
            line_end = line_start - 1
            if line_end <= start:
                break
    return parties


# A party block closed by a sentence-final role in flowed text (Sri Lankan captions whose lines
# were joined): "Act No.19 of 1990. Mallawarachchige Kanishka Gunawardhana, Licensee, Samasa …,
# Colombo 08. Accused Appellant Petitioner -Vs-"; "AND NOW BETWEEN Kasthuri Arrachchige Tiyulin
# Wickremarathna. Accused-Appellant".
_FLOWED_ROLE = re.compile(
    r"\.\s*(?P<role>Accused(?:[- ](?:Appellant|Petitioner|Respondent))*|ACCUSED(?:[- ](?:APPELLANT|PETITIONER|RESPONDENT))*)"
    r"(?=[\s.,;]|-Vs-|$)"
)
_BLOCK_START = re.compile(
    r"(?:\b(?:[A-Za-z]{3,}|\d{4}|\d{2})\.\s+|\bvs?\.\s*|-Vs-\s*|\bversus\s+|\bBETWEEN\s+|\bAND\s+NOW\s+|:\s*[A-Z]{2,}\s+[\d/]+\s+)",
    re.I,
)


# An occupation written after the name before its comma ("Gunawardhana Licensee, Samasa …").
_OCCUPATION_AFTER = re.compile(
    r"\s+(?:Licensee|Manager|Director|Proprietor|Owner|Agent|Chairman|Secretary|Employer|Trader|Businessman|"
    r"Recruiter|Broker|Contractor)\s*$"
)


def _flowed_role_parties(text: str, start: int, end: int) -> list[Party]:
    parties: list[Party] = []
    for m in _FLOWED_ROLE.finditer(text, start, end):
        lo = max(start, m.start() - 300)
        starts = [b.end() for b in _BLOCK_START.finditer(text, lo, m.start())]
        block_start = starts[-1] if starts else lo
        block = text[block_start : m.start()]
        if not block.strip() or len(block) > 300:
            continue
        comma = block.find(",")
        head = block[:comma] if comma != -1 else block
        runs = list(NAME_RE.finditer(head))
        if not runs:
            continue
        run = runs[0] if comma != -1 else runs[-1]
        raw = _OCCUPATION_AFTER.sub("", run.group(0))
        name = _clean_name(raw)
        if not name or not 2 <= len(name.split()) <= 6:
            continue
        appellant = re.search(r"appellant|petitioner", m.group("role"), re.I) is not None
        s0 = block_start + run.start()
        parties.append(Party(name, s0, s0 + len(raw.rstrip()), f"rule:parties.flowed_role.{VERSION}", 0.85, appellant))
    return parties


# "ALFRED KPADEH of Nimba County .......... DEFENDANT" (Liberia), "Mrs. Duangjai Chaiyaporn, First
# Defendant, Appellant" (Thailand), "2) CARLOS ALBERTO AYALA, de 54 años …" after "Son juzgados …:"
_DOTTED_ROLE = re.compile(
    rf"(?m)^[ \t]*(?:\d+[.)]\s*)?(?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?(?P<name>{_NAME})[^\n]{{0,80}}?\.{{3,}}\s*"
    r"(?P<role>DEFENDANTS?|ACCUSED|Defendants?|Accused)(?:[-\s]+(?P<app>APPELLANTS?|Appellants?))?"
)
_ORDINAL_ROLE = re.compile(
    rf"(?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?(?P<name>{_NAME}),\s*(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
    r"\d+(?:st|nd|rd|th))\s+)?(?P<role>Defendant|Accused|DEFENDANT|ACCUSED)\b(?P<app>,?\s*Appellant)?"
)
_TRIED_LIST_CUE = re.compile(
    r"(?:Son|son|Es|es|Fueron|fueron)\s+juzgad[oa]s?[^:\n]{0,60}:|(?m:^\s*(?:IMPUTADOS?|ACUSADOS?|Imputad[oa]s?|Acusad[oa]s?)\s*:\s*$)"
)
_LIST_ITEM = re.compile(rf"(?m)^[ \t]*\d+\s*[.)-]\s*(?P<name>{_NAME})\s*,")
_AGAINST = re.compile(
    rf"(?:\bcontra|\b[cC]/)\s+(?:el\s+|la\s+|los\s+|las\s+)?(?:imputad[oa]s?\s+|acusad[oa]s?\s+|procesad[oa]s?\s+)?(?=[A-ZÁÉÍÓÚÑ])"
)


def _listed_parties(text: str, start: int, end: int) -> list[Party]:
    """Party lines with their role, and numbered lists of the persons tried."""
    parties: list[Party] = []
    for m in _DOTTED_ROLE.finditer(text, start, end):
        name = _clean_name(m.group("name"))
        if name and len(name.split()) >= 2:
            parties.append(Party(name, m.start("name"), m.start("name") + len(m.group("name")),
                                 f"rule:parties.role_line.{VERSION}", 0.9, bool(m.group("app"))))
    for m in _ORDINAL_ROLE.finditer(text, start, end):
        name = _clean_name(m.group("name"))
        if name and len(name.split()) >= 2:
            parties.append(Party(name, m.start("name"), m.start("name") + len(m.group("name")),
                                 f"rule:parties.role_line.{VERSION}", 0.9, bool(m.group("app"))))
    for cue in _TRIED_LIST_CUE.finditer(text, start, min(len(text), end + 3000)):
        zone_end = min(len(text), cue.end() + 4000)
        last = cue.end()
        for item in _LIST_ITEM.finditer(text, cue.end(), zone_end):
            if text[last : item.start()].count("\n\n") > 1 and item.start() - last > 1500:
                break
            name = _clean_name(item.group("name"))
            if name and len(name.split()) >= 2:
                parties.append(Party(name, item.start("name"), item.start("name") + len(item.group("name")),
                                     f"rule:parties.labelled.{VERSION}", 0.9))
            last = item.end()
    for m in _AGAINST.finditer(text, start, end):
        for s0, e0, name in _list_after(text, m.end(), 160)[:3]:
            parties.append(Party(name, s0, e0, f"rule:parties.caption.{VERSION}", 0.85))
    return parties


_LABELLED = re.compile(
    r"(?m)^\s*(?:Acusad[oa]|Imputad[oa]|Procesad[oa]|Encausad[oa]|Condenad[oa]|Accused|Defendant)s?\s*:\s*"
)
_BODY_CUES = [
    # "accused-appellant Rowena Eslabon Dionisio", "the appellant-Shazam Ali", "co-accused Ghulam Murtaza"
    re.compile(
        r"\b(?:accused[-/\s]*appellants?|appellants?[-/\s]*accused|co-accused|accused|appellants?|convicts?|"
        r"defendants?-appellants?|defendants?)\b[-–\s,]*(?:namely\s+|Mst\.\s*)?(?=[A-ZÁÉÍÓÚÑ])"
    ),
    # "los acusados Salvador Galleto y Rolly Magbanua", "juzgué a JUAN CARLOS GOMEZ", "CONDENAR a X", "respecto de X"
    re.compile(
        r"\b(?:(?:los\s+|el\s+|la\s+|las\s+)?(?:acusad[oa]s?|procesad[oa]s?|imputad[oa]s?|apelantes?|encausad[oa]s?|coacusad[oa]s?)|"
        r"juzgu[eé]\s+a|absolvi[oó]\s+a|conden[oó]\s+a|CONDENAR\s+a|ABSOLVER\s+a|SOBRESEER\s+a|condenar\s+a|absolver\s+a|sobreseer\s+a|"
        r"seguido\s+respecto\s+de|respecto\s+del?\s+(?:acusad[oa]|imputad[oa])|en\s+contra\s+de)\s+(?:a\s+)?(?=[A-ZÁÉÍÓÚÑ])"
    ),
    # "Los acusados en la denuncia … son A, B y C", "Fueron acusados A, B y C", "juntamente con Pedro Fernandez"
    re.compile(
        r"\b(?:(?:acusados|procesados|imputados)\b[^.;]{0,80}?\b(?:son|fueron|eran)|(?:Fueron|fueron)\s+(?:acusados|procesados)|"
        r"(?:lo\s+fueron\s+)?juntamente\s+con|together\s+with\s+(?:co-?accused\s+)?|along\s+with\s+(?:co-?accused\s+)?)\s+(?=[A-ZÁÉÍÓÚÑ])"
    ),
    # "charging Espiridion Yandon, Tan Chan Chang, … with the crime of"
    re.compile(
        r"\b(?:charging|charged|accusing|(?:case|proceedings|charges?|informations?|indictment)\s+against|"
        r"(?:informations?|indictments?|complaints?|charge\s+sheets?|challans?)\s+(?:was|were|had\s+been|has\s+been)\s+"
        r"(?:filed|lodged|instituted|submitted)\s+against)\s+"
        r"(?=[A-ZÁÉÍÓÚÑ][\w-]+\s+[A-ZÁÉÍÓÚÑ])"
    ),
]
_STRONG_CUE = re.compile(
    r"charging|juzgu|absolvi[oó]|conden[oó]|CONDENAR|ABSOLVER|SOBRESEER|condenar|absolver|sobreseer|respecto|\b(?:son|fueron|eran)\s*$|acusados\s*$|procesados\s*$",
    re.I,
)
# "Shazam Ali (appellant)", "Mullazim Hussain, appellant, …": the role closes the phrase.
_ROLE_AFTER = re.compile(
    r"^\s*(?:\(\s*(?:the\s+)?(?:appellants?|accused[-/\s]*appellants?|co-accused|accused|convicts?)\s*\)|"
    r",\s*(?:the\s+)?(?:appellants?|accused[-/\s]*appellants?|co-accused|convicts?)\s*(?=[,.;)]))",
    re.I,
)
# Names that belong to someone else: "son of Ejaz Khan", "complainant Shirley Velasco", "PW-1 Aslam".
_NOT_ACCUSED_BEFORE = re.compile(
    r"(?:\b(?:son|daughter|wife|widow|father|mother|brother|sister|husband)\s+of|\b[sdw]/o|\bhij[oa]\s+de|"
    r"\b(?:private\s+)?complainants?|\bvictims?|\bwitness(?:es)?|\bdeceased|\bPW[-\s]?\d*|\bquerellante|"
    r"\bdenunciante|\bv[ií]ctimas?|\btestigos?)\s*[-,:]?\s*(?:namely\s+|Mst\.\s*|Mr\.\s*)?$",
    re.I,
)
# A name list that a charge verb follows: "A, B y C fueron querellados por el Fiscal", "A and B were charged with".
# A short relative clause may stand between ("… and one Jane Doe alias "Cora Molar", whose real identity
# was not established, were charged").
_LIST_BEFORE_CUE = re.compile(
    r"(?<=[\w.\"”’)])[ \t\n]*(?:,\s*(?:whose|who|quien(?:es)?|cuy[oa]s?)\b[^,.;]{0,80},)?,?[ \t\n]+"
    r"(?:fueron|han\s+sido|were|have\s+been)\s+(?:querellad|acusad|procesad|denunciad|imputad|charged|indicted|accused\b)"
)
# "The petitioner is wife of Shahid Mahmood against whom a case FIR No.347 … was registered": the person the
# case is against, whoever else the sentence says they are.
_AGAINST_WHOM = re.compile(
    r"^\s*,?\s*(?:against\s+whom|contra\s+quien)\s+(?:a|an|the|un|una|el|la)?\s*(?:criminal\s+|penal\s+)?"
    r"(?:case|FIR|information|complaint|charge\s+sheet|challan|causa|denuncia|querella)\b",
    re.I,
)
# Said not to be accused: "Potenciano Magbanua no esta acusado porque se habia suicidado", "Julio Galleto
# tampoco fue acusado porque fue utilizado como testigo", "X was not charged / not included in the information".
_NOT_ACCUSED_AFTER = re.compile(
    r"^[\s,]*(?:(?:no|tampoco)\s+(?:est[aá]|fue|ha\s+sido|han\s+sido|fueron)\s+(?:tampoco\s+)?(?:acusad|procesad|imputad|querellad|incluid)|"
    r"(?:was|were|has|have|had)\s+not\s+(?:been\s+)?(?:charged|accused|indicted|impleaded|included|arraigned)|"
    r"(?:was|were)\s+never\s+(?:charged|accused|indicted))",
    re.I,
)
# The party of a "X versus The State" title whom the judgment calls the complainant ("his father Muhammad
# Aslam, complainant PW-1"): a complainant's revision, not an accused's appeal.
_COMPLAINANT_AFTER = re.compile(r"^[\s,]*(?:\(?\s*the\s+)?complainant\b", re.I)
# A judge's line: "SADAQAT ALI KHAN, J.", "GONZAGA-REYES, J.:", "Moran, C.J."
_JUDGE_AFTER = re.compile(r"^\s*,?\s*(?:C\.\s*)?J\.?(?:\s*[:;.-]|\s|$)")


def _list_after(text: str, pos: int, limit: int = 300) -> list[tuple[int, int, str]]:
    """The name list that starts at ``pos`` and runs until the first non-list word."""
    zone = text[pos : pos + limit]
    # "A, B, and C": the serial comma before the last name joins it like a bare "and"
    m = re.match(rf"(?:{_NAME})(?:\s*(?:,\s*(?:and\b|y\b|&)?|\band\b|\by\b|&)\s*(?:{_NAME}))*", zone)
    if not m:
        return []
    return split_name_list(m.group(0), pos)


_PAREN_ROLE = re.compile(
    r"\(\s*(?:the\s+)?(?P<role>appellants?|accused[-/\s]*appellants?|co-?accused|accused|acusad[oa]s?|apelantes?|coacusad[oa]s?)"
    r"(?P<rest>[^)]{0,40})\)",
    re.I,
)


def _parenthesised_lists(text: str, end: int) -> list[Party]:
    """ "Umer Draz, Abdul Ghafar and Muhammad Shoukat (appellants) along with Muhammad Khan,
    … and Abdul Rasheed (co-accused since acquitted)" """
    parties: list[Party] = []
    for m in _PAREN_ROLE.finditer(text, 0, end):
        lo = max(0, m.start() - 400)
        role = m.group("role").lower()
        rest = m.group("rest").lower()
        status = "acquitted" if "acquit" in rest or "absuel" in rest else None
        if re.search(r"at\s+large|absconder|pr[oó]fug", rest):
            status = "at_large"
        if re.search(r"dead|deceased|died|falleci", rest):
            status = "dead"
        appellant = "appellant" in role or "apelante" in role
        for s, e, name in _trailing_list(text[lo : m.start()], lo):
            parties.append(Party(name, s, e, f"rule:parties.paren_role.{VERSION}", 0.85, appellant, status))
    return parties


def _occurrences(text: str, name: str) -> int:
    """How often the name's last word occurs in the text (whole word, any case)."""
    words = [w for w in re.split(r"\s+", name) if len(w.strip(".")) > 1]
    if not words:
        return 0
    return len(re.findall(r"(?<!\w)" + re.escape(words[-1]) + r"(?!\w)", text, re.I))


def find_defendants(text: str, sections: list[Section]) -> list[Mention]:
    """PERSON mentions with ``attrs['role'] == 'defendant'``, one per person, in order of first mention."""
    caption = next((s for s in sections if s.name == "caption"), Section("caption", 0, min(2500, len(text))))
    cap_end = max(caption.end, min(len(text), 1500))
    parties = _caption_parties(text, caption.start, cap_end)
    footnotes = next((s.start for s in sections if s.name == "footnotes"), len(text))
    parties += _parenthesised_lists(text, footnotes)

    for m in _LABELLED.finditer(text, 0, min(len(text), 4000)):
        for s, e, name in _list_after(text, m.end(), 120)[:1]:
            parties.append(Party(name, s, e, f"rule:parties.labelled.{VERSION}", 0.9))

    for cue in _BODY_CUES:
        for m in cue.finditer(text, 0, footnotes):
            strong = _STRONG_CUE.search(m.group(0)) is not None
            for s, e, name in _list_after(text, m.end()):
                parties.append(Party(name, s, e, f"rule:parties.body.{VERSION}", 0.8 if strong else 0.6))
    # "Shazam Ali (appellant)", "Mullazim Hussain and Muhammad Tariq, appellants"
    for m in NAME_RE.finditer(text, 0, footnotes):
        if _ROLE_AFTER.match(text[m.end() : m.end() + 40]):
            name = _clean_name(m.group(0))
            if name and len(name.split()) >= 2:
                parties.append(Party(name, m.start(), m.end(), f"rule:parties.role_after.{VERSION}", 0.6, True))
        elif _AGAINST_WHOM.match(text[m.end() : m.end() + 80]):
            name = _clean_name(m.group(0))
            if name and len(name.split()) >= 2:
                parties.append(Party(name, m.start(), m.end(), f"rule:parties.against_whom.{VERSION}", 0.8))

    # "Fermin Aguilar, Federico Basco, Francisco Buhay Alejandro Arsenias fueron querellados por el Fiscal"
    for m in _LIST_BEFORE_CUE.finditer(text, 0, footnotes):
        lo = max(0, m.start() - 300)
        for s, e, name in _trailing_list(text[lo : m.start()], lo):
            parties.append(Party(name, s, e, f"rule:parties.body.{VERSION}", 0.8))

    parties = [p for p in parties if _plausible(text, p)]
    mentions = []
    for p in _merge(parties, text):
        ends = _mention_ends(text, p)
        if _said_not_accused(text, p, ends):
            continue
        note = _status_note(text, ends)
        # "his co-accused Ghulam Murtaza (since acquitted)": a status note vouches for a name met once
        if not (p.confidence >= 0.8 or _occurrences(text, p.name) >= 2 or note):
            continue
        status = p.status or note
        mentions.append(
            Mention(
                "PERSON", p.start, p.end, text[p.start : p.end], value=p.name, method=p.method,
                confidence=p.confidence,
                attrs={"role": "defendant", "appellant": p.appellant, "status": status,
                       "mentions": [list(a) for a in p.aliases]},
            )
        )
    return mentions


def _mention_ends(text: str, p: Party) -> list[int]:
    """Where each mention of the party ends: the one it was read from, then every occurrence of its name."""
    return [p.end] + [m.end() for m in re.finditer(re.escape(p.name), text)]


def _said_not_accused(text: str, p: Party, ends: list[int]) -> bool:
    """The document says the person was not accused (right after any mention of the name, or of a
    later spelling merged into it), or the party of a "versus" title is called the complainant."""
    ends = ends + [e for _s, e in p.aliases]
    if any(_NOT_ACCUSED_AFTER.match(text[e : e + 60]) for e in ends):
        return True
    return ".versus." in p.method and any(_COMPLAINANT_AFTER.match(text[e : e + 30]) for e in ends)


def _status_note(text: str, ends: list[int]) -> str | None:
    """The status noted right after a mention of the party ("(since acquitted)", "(since PO)"): after
    any mention of the name, not only the one the party was read from (the first such note)."""
    for end in ends:
        window = text[end : end + 60].lstrip(" ,\n")
        for status_name, pattern in _STATUS:
            if pattern.match(window):
                return status_name
    return None


def _plausible(text: str, p: Party) -> bool:
    """Not a judge, not a relative, complainant or witness named beside the accused."""
    if _JUDGE_AFTER.match(text[p.end : p.end + 8]):
        return False
    if re.match(r"[A-Z]\.\s", p.name) and text[max(0, p.start - 2) : p.start].strip() == ",":
        return False  # "KHAN, J. Umer Draz": the "J." is the judge's, not an initial
    if _NOT_ACCUSED_BEFORE.search(text[max(0, p.start - 40) : p.start]) and ".against_whom." not in p.method:
        return False
    return True


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()


def same_person(a: str, b: str) -> bool:
    """Two spellings of one name: "Umar Daraz" / "Umer Draz", "Faustimo Divina" / "FAUSTINO DIVINA",
    "Ferdinand Navarette" / "CLEMENT JOHN FERDINAND M. NAVARRETE" (judgments misspell names)."""
    ka, kb = sorted(name_key(a)), sorted(name_key(b))
    if not ka or not kb:
        return False
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    scores = [max(_similar(t, u) for u in long_) for t in short]
    exact = sum(1 for sc in scores if sc == 1.0)
    if len(short) == 1:
        return exact == 1 and len(short[0]) >= 4
    return all(sc >= 0.75 for sc in scores) and (exact >= 1 or sum(scores) / len(scores) >= 0.8)


def _listed_apart(p: Party, q: Party, parties: list[Party]) -> bool:
    """ "filed against Jose Alolino and appellants, Alona Buli-e and Josefina Alolino": a name that
    only resembles q is someone else when the same passage also names q more closely."""
    kq = name_key(q.name)
    if name_key(p.name) <= kq or kq <= name_key(p.name):
        return False
    return any(r is not p and abs(r.start - p.start) <= 150 and (name_key(r.name) <= kq or kq <= name_key(r.name))
               for r in parties)


def _from_caption(p: Party) -> bool:
    return any(f".{kind}." in p.method for kind in ("caption", "role_line", "versus", "labelled"))


def _merge(parties: list[Party], text: str) -> list[Party]:
    """One Party per person; caption parties are trusted, body-only ones need two mentions."""
    parties = sorted(parties, key=lambda p: (p.start, -p.confidence))
    people: list[Party] = []
    for p in parties:
        key = name_key(p.name)
        if not key:
            continue
        same = None
        # Two accused named apart in the caption are two people, however alike ("Jose Alolino" and
        # "Josefina (Josie) Alolino"); a misspelled later mention is the same person.
        matches = [
            q for q in people
            if same_person(p.name, q.name)
            and not (_from_caption(p) and _from_caption(q) and not (key <= name_key(q.name) or name_key(q.name) <= key))
            and not _listed_apart(p, q, parties)
        ]
        if len(matches) > 1:
            # "Josefina Alolino" resembles "Jose Alolino" but is "JOSEFINA (JOSIE) ALOLINO"
            closest = [q for q in matches if key <= name_key(q.name) or name_key(q.name) <= key]
            if len(closest) == 1:
                matches = closest
        if len(matches) > 1 and p.confidence < 0.85:
            continue  # "Laporbeda y Lasaga": two accused named together, not a third one
        if not matches and p.confidence < 0.85 and re.search(r"\s(?:y|and|e)\s", p.name, re.I):
            owners = [q for q in people if key & name_key(q.name)]
            if len(owners) >= 2 and key <= set().union(*(name_key(q.name) for q in owners)):
                continue  # every word is a different accused's surname
        if matches:
            same = matches[0]
        if same is None:
            people.append(Party(p.name, p.start, p.end, p.method, p.confidence, p.appellant, p.status))
            continue
        same.aliases.append((p.start, p.end))
        same.appellant = same.appellant or p.appellant
        same.status = same.status or p.status
        same.confidence = max(same.confidence, p.confidence)
        # Prefer the fuller spelling ("Rowena Eslabon Dionisio" over "Dionisio").
        if len(name_key(p.name)) > len(name_key(same.name)) and p.confidence >= 0.85:
            same.name = p.name
    return people
