"""Persons in a judgment's text, with their roles and whether they are minors.

Rules only (a trained model's PERSON mentions are merged in by
``detect``). A capitalised run of words, a caption name or initials becomes
a person when a role cue is bound to it (see ``cues``), when a courtesy
title stands in front of it ("Mrs.", "la Sra.", "el doctor"), or, for runs
of two or more name words without institution or offence words, always (the
safe default: a person of unknown role, redacted as "[PERSON n]").
Relationship cues ("su pareja", "la madre del acusado", "his wife") give
role "other". Single initials ("su hijo E.") near a child word are minors. Mentions of one
person are grouped by their folded name; a lone surname joins the person
whose surname it is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from .cues import AFTER_RE, BEFORE_RE, FILLER, PRIORITY, VICTIM_WORDS
from .minors import is_minor_context
from .names import (
    INITIALS_RE, NAME_RE, NOT_NAME_WORDS, canonical, clean_candidate, fold, is_initials, letters,
    looks_like_common_words,
)
from .records import Person, Span

# How far (characters) a cue may stand from the name it introduces, filler included.
CUE_REACH = 70
# How far a victim word may stand from an unknown person for the near-victim rule.
NEAR_VICTIM = 120
TITLE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Dra|Sr|Sra|Srta|Sres|Sras|Don|Doña|señoras?|señor(?:es)?|señorita|doctor|doctora)\.?\s*)$",
    re.IGNORECASE,
)
# A single initial standing for a child's or relative's name: "su hijo E.", "de L. (marzo", "M. S. y E,".
SINGLE_INITIAL_RE = re.compile(r"(?<![\w.])(?-i:[A-ZÁÉÍÓÚÑ])(?:\.|(?=\s*[,;)]))(?!\s?[A-ZÁÉÍÓÚÑ][\w]*\.?\s?[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
# Words saying a child or relative is meant, for single initials.
_KIN_RE = re.compile(
    r"\b(?:hij[oa]s?|niñ[oa]s?|menor(?:es)?|adolescentes?|beb[ée]|sobrin[oa]|niet[oa]|herman[oa]s?|"
    r"child(?:ren)?|son|daughter|minor|girl|boy|baby|infant)\b",
    re.IGNORECASE,
)
# Victim pseudonyms used by Philippine courts (R.A. 7610, A.M. 04-10-11-SC): "AAA", "BBB", "AAA1".
PSEUDONYM_RE = re.compile(r"(?<![\w])(?!III)(?:([A-Z])\1\1\d{0,3})(?![\w])")  # "III" is a numeral


class _Cues:
    """Every cue match of the text, searchable by where it ends."""

    def __init__(self, text: str):
        found = []
        for role, pattern in BEFORE_RE.items():
            for m in pattern.finditer(text):
                found.append((m.end(), m.start(), role))
        found.sort()
        self.ends = [f[0] for f in found]
        self.found = found
        self.text = text

    def before(self, position: int) -> tuple[str, int] | None:
        """The role of the cue bound to a name starting at ``position`` (the
        nearest cue whose gap to the name is filler only) and where it starts."""
        lo = bisect.bisect_left(self.ends, position - CUE_REACH)
        hi = bisect.bisect_right(self.ends, position)
        best = None
        for end, start, role in self.found[lo:hi]:
            gap = self.text[end:position]
            if FILLER.fullmatch(gap) is None:
                continue
            if best is None or end > best[0] or (end == best[0] and start < best[1]):
                best = (end, start, role)
        return (best[2], best[1]) if best else None


def _after_role(text: str, end: int) -> str | None:
    tail = text[end : end + 40]
    for role in PRIORITY:
        pattern = AFTER_RE.get(role)
        if pattern is not None and pattern.match(tail):
            return role
    return None


def _candidates(text: str) -> Iterable[tuple[int, int, str, bool]]:
    """(start, end, name, is_caption_or_caps_run) for each name-shaped run."""
    for m in NAME_RE.finditer(text):
        yield m.start(), m.end(), m.group(0), False
    for m in INITIALS_RE.finditer(text):
        if _legal_abbreviation(m.group(0)):
            continue  # "C.P.", "R.A.", "P.D.": an instrument, not a person's initials
        yield m.start(), m.end(), m.group(0), True
    for m in PSEUDONYM_RE.finditer(text):
        yield m.start(), m.end(), m.group(0), True


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """The letters of every short alias of an instrument in the statute catalog
    ("C.P." -> "cp", "R.A." -> "ra"), and of courts and offices written so."""
    from ..resolve.statutes_catalog import Catalog

    out = {"sc", "ca", "cj", "rtc", "mtc", "hcc", "lhc", "fir", "pw", "ra", "pd", "bp", "jj", "dr", "dra", "ud",
           "dni", "cuil", "cuit", "cnic", "nic", "ipp", "ppc", "crpc", "cpp", "cppn", "cpn", "cp", "rpc", "usc", "us",
           "un", "oit", "ilo", "ong", "ngo"}
    for inst in Catalog.load():
        for alias in inst.aliases:
            letters_only = re.sub(r"[^a-z]", "", fold(alias.text))
            if 1 < len(letters_only) <= 6 and " " not in alias.text.strip():
                out.add(letters_only)
    return frozenset(out)


def _legal_abbreviation(text: str) -> bool:
    return re.sub(r"[^a-z]", "", fold(text)) in _abbreviations()


def _single_initials(text: str) -> Iterable[tuple[int, int, str]]:
    """Single initials ("E.") within a sentence of a word for a child or relative,
    or repeating an initial already found so; a title or a following surname
    ("Dr. A. Pérez", "Marlon B. Sotero") rules one out."""
    found: list[tuple[int, int, str]] = []
    letters_seen: set[str] = set()
    later: list[tuple[int, int, str]] = []
    for m in SINGLE_INITIAL_RE.finditer(text):
        start, end = m.start(), m.end()
        before = re.split(r"[.;:]\s|\n", text[max(0, start - 70) : start])[-1]
        if TITLE.search(text[max(0, start - 12) : start]) or re.search(r"\b(?:art|inc|arts|n[°º]|no|nro|ley|anexo|annex|exhibit|punto|apartado|p|pp|fs|ap)\.?\s*$", before, re.IGNORECASE):
            continue
        if re.match(r"\s*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}", text[end : end + 20]) and not re.match(r"\s*(?:y|e|and)\b", text[end : end + 5]):
            continue  # a first-name initial: "J. Pérez", handled as a name
        after = re.split(r"[.;]\s|\n", text[end : end + 50])[0]
        if _KIN_RE.search(before[-45:]) or _KIN_RE.search(after[:30]):
            found.append((start, end, m.group(0)))
            letters_seen.add(m.group(0)[0])
        else:
            later.append((start, end, m.group(0)))
    # "respecto de L." after "la hija L.": the same letter, in a list of persons or after "de", "a", "y".
    for start, end, initial in later:
        before = text[max(0, start - 12) : start]
        if initial[0] in letters_seen and re.search(r"(?:\b(?:de|a|y|e|and|of|to)|,)\s*$", before):
            found.append((start, end, initial))
    return found


def _word_starts(run: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", run)]


# Words of institutions, laws and places: a capitalised run holding one is no
# person unless a cue or a title says so ("Democratic Socialist Republic").
_INSTITUTION_WORDS = frozenset(w.casefold() for w in """
court courts tribunal tribunales juzgado juzgados corte suprema supremo superior superiores supreme high appeal appeals
apelaciones apelación instancia cámara camara sala bench division división republic república democratic socialist
federal national nacional provincial regional municipal district distrito state estado states estados united unidos
code código codigo act ley law laws ordinance ordenanza decreto decree rules reglamento convention convención
penal criminal civil contravencional faltas procedure procedimiento constitution constitución
ministry ministerio department departamento secretaría subsecretaría secretariat office oficina agency dirección
police policía policia prosecution fiscalía defensoría procuración procuraduría council consejo commission comisión
university universidad hospital school escuela church iglesia bank banco company compañía corporation
city ciudad province provincia villa barrio street calle avenue avenida road ruta barangay village town
slavery slave trade trafficking traffic abuse exploitation recruitment prostitution murder homicide rape robbery
kidnapping abduction estafa fraud terrorism narcotic narcotics trata explotación esclavitud homicidio asesinato
violación robo secuestro lesiones amenazas hostigamiento abuso delito delitos offence offense crime crimes
labour labor work trabajo forced forzoso forzado child infantil servitude servidumbre bondage
judicial judiciary circuit county magisterial juridical jurisdicción jurisdiccion
first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
primer primero primera segundo segunda tercer tercero tercera cuarto cuarta quinto quinta sexto sexta
séptimo séptima octavo octava noveno novena décimo décima
""".split())


_CRIME_WORDS = frozenset(fold(w) for w in """
slavery trafficking abuse exploitation recruitment prostitution murder homicide rape robbery kidnapping abduction
estafa fraud terrorism narcotics trata explotación esclavitud homicidio asesinato violación secuestro lesiones amenazas
hostigamiento abuso delito delitos offence offense crime crimes
""".split())


def _institutional(run: str) -> bool:
    return any(fold(w.strip(".,;:()")) in _INSTITUTION_WORDS or w.strip(".,;:()").casefold() in _INSTITUTION_WORDS
               for w in run.split())


def common_words(text: str) -> frozenset[str]:
    """Folded words of three letters or more that ``text`` writes in lower case."""
    return frozenset(fold(w) for w in re.findall(r"(?<![\w.])[a-záéíóúñüç]{3,}(?![\w])", text))


def _strip_common(name: str, common: frozenset[str]) -> str | None:
    """Drop ordinary words ("Incidentally AAA", "Other Sexual Abuse") from both
    ends of a name; None when only ordinary words are left."""
    parts = name.split()
    while parts and fold(parts[0]).strip(".,") in common and not parts[0].isupper():
        parts.pop(0)
    while parts and fold(parts[-1]).strip(".,") in common and not parts[-1].isupper():
        parts.pop()
    if not parts:
        return None
    if all(fold(p).strip(".,") in common for p in parts if letters(p) >= 3):
        return None
    return " ".join(parts)


def find_persons(text: str, known: Iterable[tuple[str, str]] = (), common: frozenset[str] | None = None) -> list[Person]:
    """Persons named in ``text``. ``known``: (name, role) pairs already known
    for the document (defendants from the case record, a model's PERSON
    mentions), which join the persons found by the rules."""
    common = common_words(text) if common is None else common
    cues = _Cues(text)
    victim_words = [m.start() for m in VICTIM_WORDS.finditer(text)]
    victim_words += [m.start() for m in PSEUDONYM_RE.finditer(text)]
    victim_words.sort()
    mentions: list[tuple[Span, str, bool, bool]] = []  # span, role, minor, near_victim

    for start, end, run, short in _candidates(text):
        if short:
            name_start, bound = start, cues.before(start)
            name = run.strip()
        else:
            # The run may begin with cue words ("Defensor Oficial Juan Cafiero"): the
            # name starts after the last word a cue can end at.
            name_start, bound, name = start, None, None
            for offset in _word_starts(run):
                found = cues.before(start + offset)
                if found is not None:
                    name_start, bound = start + offset, found
            cleaned = clean_candidate(text[name_start:end])
            cleaned = _strip_common(cleaned, common) if cleaned else None
            if cleaned is None:
                continue
            name_start = text.index(cleaned.split()[0], name_start)
            if "," not in cleaned and cleaned.isupper() and any(w.casefold() in NOT_NAME_WORDS and not re.fullmatch(r"de|del|la|los|las|da|dos|y", w.casefold()) for w in cleaned.split()):
                continue  # a heading in capitals ("WHETHER MALE OR FEMALE")
            name = cleaned
            bound = bound or cues.before(name_start)
        name_end = name_start + len(name)
        if text[name_start:name_end] != name:
            # Cleaning joined a line break: find the name's real extent.
            name_end = end
            while name_end > name_start and not text[name_end - 1].isalnum() and text[name_end - 1] != ".":
                name_end -= 1
        span = Span(name_start, name_end, text[name_start:name_end])
        role = bound[0] if bound else None
        after = _after_role(text, name_end)
        if after is not None and (role is None or PRIORITY.index(after) < PRIORITY.index(role)):
            role = after
        pseudonym = PSEUDONYM_RE.fullmatch(name) is not None
        if pseudonym:
            role = "victim" if role in (None, "other", "witness") else role
        minor = is_minor_context(text[max(0, name_start - 60) : name_start], text[name_end : name_end + 60])
        i = bisect.bisect_left(victim_words, name_start - NEAR_VICTIM)
        near = i < len(victim_words) and victim_words[i] <= name_end + NEAR_VICTIM // 2
        titled = TITLE.search(text[max(0, name_start - 12) : name_start]) is not None
        words = name.split()
        multiword = len([w for w in words if letters(w) >= 3]) >= 2 and not any(
            w.casefold() in ("y", "and", "e", "of") for w in words)
        if not short and any(fold(w.strip(".,;:()")) in _CRIME_WORDS for w in name.split()):
            continue  # an offence named after a cue word ("Child Abuse", "White Slavery Trade")
        if role is None:
            if short and not pseudonym:
                # Initials are a person only where a cue or a child word says so.
                if not (minor or near):
                    continue
            elif not (titled or multiword) or looks_like_common_words(name) or (not titled and _institutional(run)):
                # The safe default: any name of two words or more (or after a
                # title) is a person of unknown role, redacted unless a cue
                # makes them a defendant or an official.
                continue
            role = "other"
        mentions.append((span, role, minor, near))

    for start, end, initial in _single_initials(text):
        span = Span(start, end, initial)
        bound = cues.before(start)
        role = bound[0] if bound and bound[0] in ("victim", "witness", "other") else "victim"
        mentions.append((span, role, True, True))

    for name, role in known:
        if not name or letters(name) < 3:
            continue
        for m in re.finditer(r"(?<!\w)" + r"\s+".join(map(re.escape, canonical(name).split())) + r"(?!\w)", text, re.IGNORECASE):
            mentions.append((Span(m.start(), m.end(), m.group(0)), role, False, False))
        mentions.append((Span(-1, -1, canonical(name)), role, False, False))
    return _group(mentions)


def _group(mentions: list[tuple[Span, str, bool, bool]]) -> list[Person]:
    """One Person per folded full name; lone surnames and given-name-less
    forms join the person they belong to."""
    persons: dict[str, Person] = {}
    for span, role, minor, near in sorted(mentions, key=lambda m: -len(m[0].text.split())):
        key = fold(canonical(span.text))
        if not key:
            continue
        person = persons.get(key) or _owner(persons, key)
        if person is None:
            person = persons[key] = Person(key=key)
        if canonical(span.text) not in person.names:
            person.names.append(" ".join(canonical(span.text).split()))
        if span.start >= 0:
            person.spans.append(span)
        if PRIORITY.index(role) < PRIORITY.index(person.role):
            person.role = role
        person.minor = person.minor or minor
        person.near_victim = person.near_victim or near
    out = sorted(persons.values(), key=lambda p: p.first)
    for p in out:
        p.spans.sort(key=lambda s: s.start)
    return out


def _owner(persons: dict[str, Person], key: str) -> Person | None:
    """The person a short form belongs to: "lopez" -> "juana lopez" (the
    surname), "juan perez" -> "juan carlos perez" (given name and surname)."""
    words = key.split()
    if is_initials(key) or not words:
        return None
    for person_key, person in persons.items():
        pwords = person_key.split()
        if len(words) >= len(pwords):
            continue
        if len(words) == 1 and words[0] == pwords[-1] and words[0] not in NOT_NAME_WORDS:
            return person
        if len(words) >= 2 and words[-1] == pwords[-1] and words[0] == pwords[0]:
            return person
    return None
