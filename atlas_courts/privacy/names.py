"""What a person's name looks like in a judgment, and how to compare names.

A name is a run of capitalised words ("Maria Elena Quispe", "JUANA LOPEZ",
"Marlon B. Sotero", "María de los Ángeles Paz"), the caption form
"PEREZ, JUAN CARLOS", or initials standing for a name ("M.A.R.", "S.B.A",
"J. P."). Names are compared folded: case, accents and spacing ignored.
"""

from __future__ import annotations

import re
import unicodedata

UPPER = "A-ZÁÉÍÓÚÑÜÀÈÌÒÙÇ"
LOWER = "a-záéíóúñüàèìòùçß"
# A capitalised word (Title or UPPER case) of a name; apostrophes and hyphens inside.
_WORD = rf"[{UPPER}](?:[{LOWER}]+|[{UPPER}]+)(?:['’\-][{UPPER}{LOWER}][{LOWER}{UPPER}]*)?"
_INITIAL = rf"[{UPPER}]\."
# Particles inside names (Spanish, Filipino, Arabic and Dutch surnames).
_PARTICLE = r"(?:de\s+la|de\s+los|de\s+las|del|de|dela|la|y|van|von|bin|binti|bint|ibn|da|dos|das|e)"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_PART = rf"(?:{_WORD}|{_INITIAL})"
# Up to six parts: "Nenita Maria Olivia Gallardo", "Juan Carlos de la Cruz y Santos".
NAME = rf"{_PART}(?:{_GAP}(?:{_PARTICLE}{_GAP})?{_PART}){{0,5}}"
# Caption form: "PEREZ, JUAN CARLOS" / "GOMEZ, Elvis Junior".
CAPTION_NAME = rf"[{UPPER}]{{2,}}(?:[ \t]+[{UPPER}]{{2,}})?,[ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
# Initials: "M.A.R.", "S.B.A", "F. E. A.", "J. P.", "E. L. P. A".
INITIALS = rf"(?<![\w.])(?:[{UPPER}]\.[ \t]?){{1,5}}[{UPPER}](?:\.|(?![\w]))"

NAME_RE = re.compile(rf"(?<![\w.])(?:{CAPTION_NAME}|{NAME})(?![\w])")
INITIALS_RE = re.compile(INITIALS)

# Capitalised words that start no name: institutions, law, places of the
# proceedings, and sentence openers. A candidate made only of such words is
# not a name; one that starts with them loses them.
NOT_NAME_WORDS = frozenset(w.casefold() for w in """
the a an and or of in on at to by for with from as on this that these those he she his her they their it its we our
i if but not no nor so then when where while which who whom whose what all any each every both there here upon after
before during since until because although though however further moreover thus hence also only even yet still
el la los las un una unos unas y o de del en con por para que se su sus al lo le les es fue era como pero sin sobre
entre hasta desde cuando donde quien cual este esta estos estas ese esa esos esas ello ella ellos ellas él usted
court tribunal juzgado juez jueza judge justice justices honorable hon supreme high appeal appeals appellate
republic república people pueblo state estado government gobierno federal national nacional provincial city ciudad
código codigo code act ley law laws ordinance section sección article artículo art arts rule rules chapter capítulo
penal criminal civil procedure procedimiento constitution constitución regional trial municipal district division
bench chamber cámara sala camara office oficina ministry ministerio department departamento police policía policia
prosecution prosecutor fiscal fiscalía fiscalia defensa defensor defensoría defensoria defence defense counsel
attorney atty advocate abogado abogada letrado letrada secretario secretaria prosecretaria secretary clerk
accused acusado acusada imputado imputada appellant appellee respondent petitioner complainant denunciante querellante
victim víctima victima witness testigo minor menor child niño niña girl boy adolescente
mr mrs ms miss dr dra sr sra señor señora don doña sir madam
inspector constable sergeant officer agente oficial sargento cabo comisario spouses spouse esposos cónyuges
monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles jueves viernes sábado domingo
no nro nº number número numero case causa expediente exp expte crl crim cr g.r gr nos
philippines pilipinas manila argentina buenos aires pakistan lahore punjab sri lanka colombo india thailand
liberia paraguay bolivia united states america spain españa
cpp cppn cp ipc ppc rpc ra pd fir pw dni cnic nic cuil cuit cuij ipp lhc sc ca hcc
whereas wherefore considering resolución resuelvo resuelve fallo sentencia judgment decision order orden
so ordered contrary hechos antecedentes fundamentos considerando vistos resultando
informe acta audiencia hearing transcript exhibit ex annex anexo página page pages
""".split())

# Words that make a capitalised run an organisation or place, not a person.
ORG_WORDS = frozenset(w.casefold() for w in """
court tribunal juzgado cámara camara sala bench division court's company corporation inc ltd llc s.a s.a. srl s.r.l
bank banco hospital school escuela colegio university universidad police policía policia station comisaría
ministry ministerio department departamento office oficina agency agencia bureau council consejo municipality
municipalidad province provincia street calle avenue avenida road ruta barangay village district distrito
church iglesia hotel restaurant bar club store tienda market mercado factory fábrica farm finca estancia
act ley code código article artículo section sección law republic república nation nación
""".split())


# Endings of common nouns, never of names ("Dirección", "Garantías", "Violencia", "Statement").
NOUN_ENDING = re.compile(
    r"(?:ci[óo]n|si[óo]n|dades|ncias|miento|mientos|tion|tions|ment|ments|ness|ity|ismo|ivos|ivas|ados|idas)$",
    re.IGNORECASE,
)
# Words that begin no person's name even though capitalised in rulings.
COMMON_CAPITALISED = frozenset(w.casefold() for w in """
derechos garantías garantias control oficio librar informe organización estados americanos género genero violencia
violencias dirección direccion ejecución sanciones secretaría participación ciudadana conclusiones recomendaciones
protección proteccion acceso justicia asistencia programa plan servicio servicios unidad cuerpo centro equipo
registro sistema consejo comité comite comisión comision convención convencion pacto declaración tratado
whereas court decision evidence statement testimony record records exhibit information complaint petition
considering resolves resolvió dispositivo fundamentos resultando considerando antecedentes hechos prueba pruebas
""".split())


def fold(text: str) -> str:
    """Case, accents and spacing folded: "  JUANA  López" -> "juana lopez"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def tokens(name: str) -> list[str]:
    return re.findall(rf"[{UPPER}{LOWER}'’\-]+\.?", name)


def clean_candidate(text: str) -> str | None:
    """Trim words that start no name from both ends of a capitalised run;
    None when nothing name-like is left (a run of legal or place words,
    or an organisation)."""
    parts = text.split()
    while parts and parts[0].strip(".,").casefold() in NOT_NAME_WORDS:
        parts.pop(0)
    while parts and (parts[-1].strip(".,").casefold() in NOT_NAME_WORDS or _is_particle(parts[-1])):
        parts.pop()
    if not parts:
        return None
    if any(p.strip(".,").casefold() in ORG_WORDS for p in parts):
        return None
    name = " ".join(parts)
    if letters(name) < 3 or not any(len(p.rstrip(".")) >= 2 for p in parts):
        return None
    return name


def looks_like_common_words(name: str) -> bool:
    """Whether a capitalised run reads as a heading or an institution rather than
    a person ("Derechos y Garantías", "Dirección de Control"); used only for
    runs no role cue names, since a cue outweighs the shape of the words."""
    parts = [p.strip(".,") for p in name.split()]
    if any(p.casefold() in COMMON_CAPITALISED for p in parts):
        return True
    return any(NOUN_ENDING.search(p) and len(p) > 5 for p in parts)


def _is_particle(word: str) -> bool:
    return re.fullmatch(_PARTICLE, word.casefold()) is not None


def canonical(name: str) -> str:
    """The caption form "PEREZ, JUAN CARLOS" read as "JUAN CARLOS PEREZ"."""
    name = " ".join(name.split())
    if "," in name:
        surname, _, given = name.partition(",")
        return f"{given.strip()} {surname.strip()}".strip()
    return name


def variants(name: str) -> list[str]:
    """Forms the same person is referred to by: the full name, the caption
    form, the surname alone and the first given name with the surname
    ("Maria Elena Quispe" -> "Quispe, Maria Elena", "Quispe", "Maria Quispe").
    Single words shorter than four letters are left out (they would match
    ordinary words)."""
    name = canonical(name)
    out = [name]
    parts = [p for p in name.split() if not _is_particle(p)]
    full_words = [p for p in parts if len(p.rstrip(".")) >= 2]
    if len(parts) >= 2:
        out.append(f"{parts[-1]}, {' '.join(name.split()[:-1])}")
        if full_words:
            surname = full_words[-1]
            if letters(surname) >= 4 and surname.casefold() not in NOT_NAME_WORDS:
                out.append(surname)
            if len(full_words) >= 3:
                out.append(f"{full_words[0]} {surname}")
    seen: set[str] = set()
    unique = []
    for v in out:
        if fold(v) not in seen:
            seen.add(fold(v))
            unique.append(v)
    return unique


def is_initials(name: str) -> bool:
    return INITIALS_RE.fullmatch(name.strip()) is not None


def initials(name: str | None) -> str | None:
    """``"Juan Carlos Gomez"`` -> ``"J. C. G."`` (as ``publish.names.initials``,
    which the public defendants table uses; lower-case particles skipped)."""
    if name is None:
        return None
    firsts = [next((ch for ch in w if ch.isalpha()), None) for w in name.split()]
    firsts = [f for f in firsts if f is not None]
    if not firsts:
        return None
    if any(f.isupper() for f in firsts):
        firsts = [f for f in firsts if not f.islower()]
    return " ".join(f"{f.upper()}." for f in firsts)
