"""Persons in a judgment's text, with their roles and whether they are minors.

Rules only (a trained model's PERSON mentions are merged in by
``detect``). A capitalised run of words, a caption name or initials becomes
a person when a role cue is bound to it (see ``cues``), when a courtesy
title stands in front of it ("Mrs.", "la Sra."), or, for runs of two or
more name words, when it stands close to a victim cue (the "unknown person
near a victim" rule, which errs on the side of redaction). Mentions of one
person are grouped by their folded name; a lone surname joins the person
whose surname it is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

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
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Dra|Sr|Sra|Srta|Don|Doña|señora|señor|señorita)\.?\s*)$", re.IGNORECASE
)
# Victim pseudonyms used by Philippine courts (R.A. 7610, A.M. 04-10-11-SC): "AAA", "BBB", "AAA1".
PSEUDONYM_RE = re.compile(r"(?<![\w])(?:([A-Z])\1\1\d{0,3})(?![\w])")


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
        yield m.start(), m.end(), m.group(0), True
    for m in PSEUDONYM_RE.finditer(text):
        yield m.start(), m.end(), m.group(0), True


def _word_starts(run: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", run)]


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
            if cleaned.isupper() and any(w.casefold() in NOT_NAME_WORDS and not re.fullmatch(r"de|del|la|los|las|da|dos|y", w.casefold()) for w in cleaned.split()):
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
        if role is None:
            if short and not pseudonym:
                # Initials are a person only where a cue or a child word says so.
                if not (minor or near):
                    continue
            elif not (titled or (multiword and (near or minor))) or looks_like_common_words(name):
                continue
            role = "other"
        mentions.append((span, role, minor, near))

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
