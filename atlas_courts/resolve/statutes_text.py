"""Text helpers for statute citations: accent folding that keeps offsets, alias
keys and patterns, and the normalisation of article numbers."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "alias_key", "alias_pattern", "is_abbreviation", "normalise_article", "split_article"]

_FOLD_EXTRA = {"’": "'", "‘": "'", "–": "-", "—": "-", "‑": "-", "\u00a0": " "}


def fold(text: str) -> str:
    """``text`` with accents removed and dashes/quotes simplified, character
    for character, so that offsets into the result are offsets into ``text``."""
    out = []
    for ch in text:
        if ch in _FOLD_EXTRA:
            out.append(_FOLD_EXTRA[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out.append(base if len(base) == 1 and base.isascii() and base.isalpha() else ch)
    return "".join(out)


def alias_key(text: str) -> str:
    """A comparison key: folded, lower case, without spaces, dots and hyphens."""
    return re.sub(r"[\s.\-'’]+", "", fold(text)).lower()


def is_abbreviation(alias: str) -> bool:
    """Abbreviations ("CP", "Cr.P.C.", "CCyC") match case-sensitively; names do not."""
    return not re.search(r"[a-z]{3}", fold(alias)) and not re.search(r"[^\x00-\x7f]", alias)


def alias_pattern(alias: str) -> str:
    """A regular expression matching ``alias`` as written in judgments: dots
    optional, spaces and line breaks flexible, "Qanun-e- Shahadat" for
    "Qanun-e-Shahadat"."""
    text = fold(alias).strip()
    parts = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == ".":
            parts.append(r"\.?\s*" if i < len(text) - 1 else r"\.?")
        elif ch == " ":
            parts.append(r"\s+")
        elif ch == "-":
            parts.append(r"\s*-\s*")
        elif ch == "'":
            parts.append(r"['’]?")
        elif ch == "(":
            parts.append(r"\(\s*")
        elif ch == ")":
            parts.append(r"\s*\)")
        else:
            parts.append(re.escape(ch))
        i += 1
    pattern = "".join(parts)
    thai = re.search(r"[\u0e00-\u0e7f]", alias)
    if thai:
        return pattern
    start = r"(?<![\w])" if text[0].isalnum() else ""
    end = r"(?![\w])" if text[-1].isalnum() or text[-1] == "." else ""
    return start + pattern + end


_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "decies")
_ARTICLE_RE = re.compile(
    r"""^\s*(?P<num>\d+)
    (?:\.(?P<thousands>\d{3})(?!\d))?
    (?:\.(?P<dec>\d{1,2})(?!\d))?
    \s*(?:[º°]|\.?\s?o(?![a-z]))?
    (?:\s?-?\s?(?P<latin>bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)(?![a-z])
      |\s?[-]?\s?(?P<letter>[a-z])(?![a-z])
      |\s?\((?P<pletter>[a-z])\)(?=\s?\(|\s*$)
    )?
    (?P<rest>.*)$""",
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)


def split_article(raw: str, *, decimal: bool = False) -> tuple[str | None, str | None]:
    """(article, subsection) of a raw article reference; see ``normalise_article``."""
    text = fold(raw).strip()
    text = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)
    m = _ARTICLE_RE.match(text)
    if not m:
        return None, None
    num = str(int(m.group("num")))
    if m.group("thousands"):
        num += m.group("thousands")
    sub_parts = []
    if m.group("dec"):
        if decimal:
            num += "." + m.group("dec")
        else:
            sub_parts.append(m.group("dec"))
    suffix = m.group("latin") or m.group("letter") or ""
    pletter = m.group("pletter")
    if pletter and pletter.isupper():
        suffix = pletter
    elif pletter:
        sub_parts.append(f"({pletter})")
    rest = (m.group("rest") or "").strip(" ,-")
    if rest:
        sub_parts.append(rest)
    subsection = " ".join(sub_parts) or None
    return num + suffix.lower(), subsection


def normalise_article(raw: str, *, decimal: bool = False) -> str | None:
    """The article id of DESIGN.md: lower case, no spaces or hyphens, no prefix,
    no sub-divisions.

    >>> normalise_article("145 ter"), normalise_article("266-A"), normalise_article("1591(a)(1)")
    ('145ter', '266a', '1591')

    ``decimal=True`` keeps decimal section numbers of codes numbered that way
    (Liberian Penal Law "14.70", Canadian Criminal Code "279.01"); otherwise
    "13.3" is article 13, sub-division 3 (the Argentine way of writing it).
    Returns ``None`` when ``raw`` holds no article number.
    """
    if not raw or not raw.strip():
        return None
    text = raw.strip()
    text = re.sub(r"^(?:art[íi]?culos?|arts?\.?|articles?|sections?|secs?\.?|ss?\.|§+|u/s|มาตรา)\s*", "", text, flags=re.I)
    return split_article(text, decimal=decimal)[0]
