"""Role cues, English and Spanish: the words in front of (or right after) a
name that say who the person is in the case.

Each cue is a regular expression (case-insensitive unless it is an
abbreviation written in capitals, such as "PO1" or "Hon."). The detector
binds a cue to the name that follows it within a few words of filler
("the victim, Mrs. Maria X", "la víctima, la Sra. J. P.", "Juez: Pablo C.
Casas"), or to the name it follows ("Malik Raza (PW-2)", "Maria X, the
victim", "CINTIA LOPEZ, denunciante").
"""

from __future__ import annotations

import re

# Cues in front of a name, per role.
BEFORE: dict[str, list[str]] = {
    "victim": [
        r"(?:the\s+)?(?:child\s+|minor\s+|alleged\s+|trafficking\s+|rape\s+|deceased\s+)?victims?",
        r"(?:the\s+)?(?:private\s+)?(?:offended\s+part(?:y|ies)|complainants?|complaining\s+witness)",
        r"(?:the\s+)?(?:abductee|abducted\s+girl|survivor|victim-survivor)",
        r"(?:la|el|las|los|a\s+la|al|de\s+la|del)?\s*v[íi]ctimas?",
        r"(?:la|el|los|las)?\s*(?:denunciantes?|querellantes?|damnificad[oa]s?|agraviad[oa]s?|ofendid[oa]s?)",
        r"en\s+perjuicio\s+de(?:\s+la|\s+el|\s+los|\s+las)?",
        r"in\s+favou?r\s+of\s+the\s+victims?",
        r"(?:the\s+)?minors?|(?:the\s+)?(?:child|girl|boy)",
        r"(?:la|el|las|los)\s+(?:menor(?:es)?|niñ[oa]s?|adolescentes?|joven)",
        r"(?:su|his|her)\s+(?:hij[oa]|daughter|son)",
    ],
    "witness": [
        r"(?:the\s+)?(?:prosecution\s+|defen[cs]e\s+|eye\s*-?\s*|star\s+|material\s+)?witness(?:es)?",
        r"(?:la|el|los|las)?\s*testigos?(?:\s+de\s+cargo|\s+de\s+descargo|\s+presencial)?",
        r"(?:the\s+)?testimony\s+of|(?:la\s+)?declaraci[óo]n\s+(?:testimonial\s+)?de",
    ],
    "defendant": [
        r"(?:the\s+)?(?:co-?)?accused(?:-appellants?|-appellees?)?|(?:the\s+)?appellants?|(?:the\s+)?defendants?",
        r"(?:the\s+)?convicts?|(?:the\s+)?petitioner-accused",
        r"(?:el|la|los|las)?\s*(?:co)?(?:acusad[oa]s?|imputad[oa]s?|procesad[oa]s?|condenad[oa]s?|encartad[oa]s?|enjuiciad[oa]s?)",
        r"(?:juzgu[ée]\s+a|juzga\s+a)",
    ],
    "judge": [
        r"(?:the\s+)?(?:presiding\s+)?(?:judge|magistrate)|(?-i:Justices?|JJ?\.|Hon\.|Honorable|Hon'ble)",
        r"(?:el|la)?\s*(?:juez|jueza|vocal|magistrad[oa]|ministr[oa]|camarista)(?:\s+de\s+c[áa]mara)?",
        r"(?:pro)?secretari[oa](?:\s+coadyuvante|\s+letrad[oa]|\s+judicial)?|clerk\s+of\s+court",
        r"ponente|(?-i:Presidente)",
    ],
    "lawyer": [
        r"Atty\.|Attorneys?|(?:learned\s+)?counsel(?:\s+for\s+the\s+\w+)?|Advocates?|(?:learned\s+)?(?:Additional\s+|Deputy\s+)?(?:Prosecutor|Prosecutor\s+General|Solicitor(?:\s+General)?)",
        r"(?:Assistant\s+)?(?:City\s+|Provincial\s+)?(?:Fiscal|Prosecutor)|Public\s+Prosecutor|(?-i:D\.?P\.?G\.?|A\.?D\.?P\.?P\.?)",
        r"(?:el|la)?\s*(?:defensor[a]?(?:\s+oficial|\s+p[úu]blic[oa]|\s+particular)?|fiscal(?:[íi]a)?|abogad[oa]|letrad[oa]|asesor[a]?\s+tutelar)",
    ],
    # Relatives, partners, friends and neighbours: never officials, and protected by default.
    "other": [
        r"(?:su|sus|la|el|las|los|una?|de\s+su|de\s+la|del|a\s+su)?\s*(?:ex\s*-?\s*)?(?:pareja|concubin[oa]|espos[oa]|novi[oa]|"
        r"herman[oa]s?|madre|padre|mam[áa]|pap[áa]|abuel[oa]|t[íi][oa]|prim[oa]|sobrin[oa]|niet[oa]|cuñad[oa]|suegr[oa]|"
        r"nuera|yerno|amig[oa]s?|vecin[oa]s?|compañer[oa]|conviviente|progenitor[a]?|hijastr[oa]|madrastra|padrastro|"
        r"señoras?|señor(?:es)?|sras?\.|sres?\.|doctor[a]?|antrop[óo]log[oa]|psic[óo]log[oa]|m[ée]dic[oa]|licenciad[oa]|lic\.)"
        r"(?:\s+(?:de(?:l|\s+la|\s+los)?|que\s+era)\s+(?:acusad[oa]|imputad[oa]|v[íi]ctima|denunciante|querellante|menor|niñ[oa]|"
        r"joven|mujer|hombre|señora|señor|imputad[oa]))?(?:\s+(?:llamad[oa]|de\s+nombre))?",
        r"(?:his|her|their|the|a)?\s*(?:ex-?)?(?:wife|husband|partner|girlfriend|boyfriend|mother|father|sister|brother|"
        r"aunt|uncle|cousin|niece|nephew|grandmother|grandfather|friend|neighbou?r|stepfather|stepmother|common-law\s+(?:wife|husband)|"
        r"live-in\s+partner)(?:\s+of\s+the\s+(?:accused|victim|complainant))?(?:\s*,?\s*(?:named|called))?",
    ],
    "police": [
        r"(?-i:PO[1-3]|SPO[1-4]|P/?Insp\.?|P/Supt\.|S\.?I\.?|A\.?S\.?I\.?|H\.?C\.?|I\.?O\.?|SHO|S\.H\.O\.)",
        r"(?:Assistant\s+)?Sub-?Inspector|Inspector|(?:Head\s+)?Constable|Sergeant|Sgt\.|Investigating\s+Officer|Investigation\s+Officer|police\s+officers?",
        r"(?:el|la)?\s*(?:agente|oficial(?:\s+de\s+polic[íi]a)?|sargento|cabo|comisari[oa]|subcomisari[oa]|inspector[a]?|subinspector|principal|polic[íi]a|preventor[a]?|gendarme)",
    ],
}

# Cues right after a name (", the victim", "(PW-2)", ", testigo").
AFTER: dict[str, list[str]] = {
    "victim": [
        r"\s*[,(]\s*(?:the\s+)?(?:private\s+)?(?:victim|complainant|offended\s+party|abductee)\b(?!['’]s)",
        r"\s*[,(]\s*(?:la\s+|el\s+)?(?:v[íi]ctima|denunciante|querellante|damnificad[oa])\b",
    ],
    "witness": [
        r"\s*\(\s*(?:P\.?\s?W\.?|C\.?\s?W\.?|D\.?\s?W\.?)\s*-?\s*\d+\s*\)",
        r"\s*[,(]\s*(?:a\s+|the\s+)?(?:prosecution\s+|defen[cs]e\s+)?witness\b",
        r"\s*[,(]\s*(?:la\s+|el\s+)?testigo\b",
    ],
    "defendant": [r"\s*[,(]\s*(?:the\s+)?(?:accused|appellant|defendant)\b", r"\s*[,(]\s*(?:el\s+|la\s+)?(?:acusad[oa]|imputad[oa])\b"],
    "judge": [r",?\s*(?-i:J\.|JJ\.|C\.J\.)(?!\w)", r",?\s*Presiding\s+Judge\b"],
    "lawyer": [r",?\s*(?:Advocate|counsel\s+for)\b"],
    "police": [r",?\s*(?:Inspector|(?-i:S\.?I\.?|A\.?S\.?I\.?|H\.?C\.?)|Constable)\s*\(", r",?\s*(?:agente|oficial)\s+de\s+polic[íi]a\b"],
}

# Which role wins when a person's mentions carry several: the most protective first
# ("other" last: a relative who also testifies is a witness).
PRIORITY = ("victim", "witness", "defendant", "police", "lawyer", "judge", "other")

# Filler allowed between a cue and the name it introduces.
FILLER = re.compile(
    r"[\s,:;]*(?:(?:named|called|identified\s+as|de\s+nombre|llamad[oa]|(?:la|el)\s+(?:señora|señor|sra\.|sr\.|joven)|"
    r"señora|señor|sra\.|sr\.|doña|don|mrs\.|mr\.|ms\.|miss|dr\.|dra\.|one|a|an|the|la|el|su\s+hij[oa]|"
    r"n[°º]\s*\d+|no\.\s*\d+|\d+|minor|menor|de\s+iniciales|with\s+initials|alias|a/k/a|"
    r"(?:hereinafter|en\s+adelante)\s+\S+)\b[\s,:;]*)*",
    re.IGNORECASE,
)
# Victim words for the "unknown person near a victim" rule.
VICTIM_WORDS = re.compile(
    r"\b(?:victims?|v[íi]ctimas?|complainants?|offended\s+part(?:y|ies)|denunciantes?|querellantes?|damnificad[oa]s?|"
    r"en\s+perjuicio|abductee|minor|menor(?:es)?|niñ[oa]s?|adolescentes?|child(?:ren)?|girl|boy)\b",
    re.IGNORECASE,
)



def _compile(patterns: list[str], before: bool) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in patterns)
    if before:
        return re.compile(rf"(?<![\w])(?:{joined})(?![\w])", re.IGNORECASE)
    return re.compile(rf"^(?:{joined})", re.IGNORECASE)


BEFORE_RE = {role: _compile(patterns, True) for role, patterns in BEFORE.items()}
AFTER_RE = {role: _compile(patterns, False) for role, patterns in AFTER.items()}
