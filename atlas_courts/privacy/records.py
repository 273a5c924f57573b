"""Typed records of the privacy stage: the people, minors and identifying
details found in a document's text, each with its character spans."""

from __future__ import annotations

from dataclasses import dataclass, field

# Roles a person can have in a judgment. "other": a person whose role no cue gives.
ROLES = ("defendant", "victim", "witness", "judge", "lawyer", "police", "other")
# Kinds of identifying detail, and the placeholder each is replaced by.
IDENTIFIER_PLACEHOLDERS = {
    "id_number": "[ID]",
    "phone": "[PHONE]",
    "address": "[ADDRESS]",
    "date_of_birth": "[DATE OF BIRTH]",
}
# Roles whose names are always replaced by a numbered placeholder.
PROTECTED_ROLES = frozenset({"victim", "witness"})
# Roles whose names stay as written (public officials acting in office).
OFFICIAL_ROLES = frozenset({"judge", "lawyer", "police"})


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` of the document (or value) the detector read."""

    start: int
    end: int
    text: str


@dataclass
class Person:
    """One person: every form of the name found, the role, whether a minor.

    ``names`` are the distinct forms as written ("JUANA LOPEZ", "Lopez");
    ``role`` the most protective role any mention's cue gave (victim before
    witness before defendant before officials); ``near_victim`` is set for a
    person of unknown role named close to a victim cue.
    """

    key: str  # the folded full name that identifies the person in the document
    names: list[str] = field(default_factory=list)
    role: str = "other"
    minor: bool = False
    near_victim: bool = False
    spans: list[Span] = field(default_factory=list)
    method: str = "rule:privacy.v1"

    @property
    def protected(self) -> bool:
        """Whether the name must never be published: victims, witnesses, minors,
        and (the safe default) every person whose role no cue gives. Only
        defendants (as initials) and officials acting in office keep a name."""
        return self.minor or self.role in PROTECTED_ROLES or self.role == "other"

    @property
    def cued_protected(self) -> bool:
        """Protected by a cue (victim, witness, minor, or named next to a victim),
        not only by the default: what the detector trusts in a short value."""
        return self.minor or self.role in PROTECTED_ROLES or (self.role == "other" and self.near_victim)

    @property
    def first(self) -> int:
        return min((s.start for s in self.spans), default=0)


@dataclass(frozen=True)
class Identifier:
    """An identifying detail: ``kind`` is a key of IDENTIFIER_PLACEHOLDERS."""

    kind: str
    span: Span

    @property
    def placeholder(self) -> str:
        return IDENTIFIER_PLACEHOLDERS[self.kind]


@dataclass
class Detection:
    """Everything the detector found in one text."""

    persons: list[Person] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    # Words the text also uses in lower case ("abuse", "control"): ordinary
    # words, never a name on their own.
    common_words: frozenset[str] = frozenset()

    def of_role(self, role: str) -> list[Person]:
        return [p for p in self.persons if p.role == role]

    @property
    def protected(self) -> list[Person]:
        return [p for p in self.persons if p.protected]
