"""One redaction function for every published text value.

``DocumentRedactor`` is built once per document from what ``detect`` found
in its whole text. Calling it on a value (a court name, an offence, a
citation, a label) replaces, case- and accent-insensitively and whole-word:

* the names of victims, witnesses and minors by numbered placeholders,
  stable within the document: every form of one person's name gives the
  same "[VICTIM 1]", "[WITNESS 2]", "[MINOR 1]"; unknown persons named next
  to a victim give "[PERSON n]";
* defendants' names by their initials (unless ``defendant_names="full"``);
* identifying details ("[ID]", "[PHONE]", "[ADDRESS]", "[DATE OF BIRTH]"):
  those found in the document, and any the patterns find in the value itself;
* protected persons the rules find in the value itself.

Officials (judges, lawyers, police officers) acting in office keep their names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .detect import detect
from .identifiers import find_identifiers
from .names import fold, initials, is_initials, letters, variants
from .records import PROTECTED_ROLES, Detection, Person

_ACCENTS = {
    "a": "aáàâäã", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõ", "u": "uúùûü", "n": "nñ", "c": "cç",
}
PLACEHOLDER_ROLES = {"victim": "VICTIM", "witness": "WITNESS", "other": "PERSON"}
# Single-word forms shorter than this are not replaced (they would hit ordinary words).
MIN_SINGLE_WORD = 4


def _char_pattern(ch: str) -> str:
    base = fold(ch) if ch.isalpha() else ch
    if base in _ACCENTS:
        return f"[{_ACCENTS[base]}]"
    return re.escape(ch)


SINGLE_INITIAL = re.compile(r"[^\W\d_]\.?")  # also the folded form ("e.")


def is_single_initial(form: str) -> bool:
    return SINGLE_INITIAL.fullmatch(form.strip()) is not None


def form_pattern(form: str) -> str:
    """A regex matching ``form`` with any case, accents, spacing, and dots of initials."""
    if is_single_initial(form):
        # One capital letter: only as written, with its dot or before a comma ("E.", "E,"), never the word "e".
        return rf"(?<![\w.])(?-i:{re.escape(form.strip()[0].upper())})(?:\.|(?=\s*[,;)]))"
    if is_initials(form):
        letters_ = [ch for ch in form if ch.isalpha()]
        return r"\.?\s*".join(_char_pattern(ch) for ch in letters_) + r"\.?"
    words = form.split()
    return r"\s+".join("".join(_char_pattern(ch) for ch in w) for w in words)


class Redactor:
    """Replaces given forms (folded form -> placeholder) and identifying details."""

    def __init__(self, forms: dict[str, str], identifiers: Iterable[tuple[str, str]] = ()):
        self.forms = {k: v for k, v in forms.items() if k}
        self.identifiers = {" ".join(v.split()): p for v, p in identifiers if v and v.strip()}
        self.count = 0
        self._pattern = _alternation(self.forms)
        ids = sorted(self.identifiers, key=len, reverse=True)
        self._ids = (
            re.compile("|".join(r"\s*".join(re.escape(part) for part in i.split()) for i in ids)) if ids else None
        )

    def _placeholder(self, matched: str) -> str:
        key = fold(matched)
        if key in self.forms:
            return self.forms[key]
        key = fold(re.sub(r"[.\s]+", " ", matched)).replace(" ", "")
        for form, placeholder in self.forms.items():
            if form.replace(".", "").replace(" ", "") == key:
                return placeholder
        return "[PERSON]"

    def __call__(self, value: str | None) -> str | None:
        if value is None or not isinstance(value, str) or not value:
            return value
        out = value
        # Identifying details: the document's, then any pattern in the value.
        if self._ids is not None:
            out, n = self._ids.subn(lambda m: self.identifiers.get(" ".join(m.group(0).split()), "[ID]"), out)
            self.count += n
        for ident in sorted(find_identifiers(out), key=lambda i: -i.span.start):
            out = out[: ident.span.start] + ident.placeholder + out[ident.span.end :]
            self.count += 1
        if self._pattern is not None:
            out, n = self._pattern.subn(lambda m: self._placeholder(m.group(0)), out)
            self.count += n
        return out

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` this redactor replaces (for masking page images)."""
        out = []
        if self._ids is not None:
            out += [m.span() for m in self._ids.finditer(text)]
        out += [(i.span.start, i.span.end) for i in find_identifiers(text)]
        if self._pattern is not None:
            out += [m.span() for m in self._pattern.finditer(text)]
        return sorted(set(out))


def _alternation(forms: dict[str, str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    patterns = sorted({form_pattern(f) for f in forms}, key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?:{'|'.join(patterns)})(?![\w])", re.IGNORECASE)


class DocumentRedactor(Redactor):
    """The redactor of one document (see the module docstring)."""

    def __init__(self, text: str, detection: Detection, *, defendant_names: str = "initials"):
        self.detection = detection
        self.defendant_names = defendant_names
        self._numbers: dict[str, int] = {}
        self._persons: list[tuple[Person, str]] = []
        forms: dict[str, str] = {}
        protected_forms: set[str] = set()
        # The forms of people a cue makes a victim, a witness or a minor: what names of places
        # and courts are redacted by (see ``cued``), and what the byte scan looks for.
        self.cued_forms: dict[str, str] = {}
        order = sorted(detection.persons, key=lambda p: (_first_in(text, p), p.key))
        for person in order:
            placeholder = self._placeholder_of(person)
            if placeholder is None:
                continue
            self._persons.append((person, placeholder))
            for name in person.names:
                for form in (variants(name) if not is_initials(name) and not is_single_initial(name) else [name]) + (
                        _given_name(name, detection.common_words) if person.protected else []):
                    key = fold(form)
                    if len(key.split()) == 1 and not is_initials(form) and not is_single_initial(form) and (
                        letters(key) < MIN_SINGLE_WORD or (form != name and key in detection.common_words)
                    ):
                        continue  # "Paz" alone is also the word "paz"
                    if key in protected_forms:
                        continue  # a victim's form is never overwritten by anyone else's
                    forms[key] = placeholder
                    if person.protected:
                        protected_forms.add(key)
                    if _strong(person):
                        self.cued_forms[key] = placeholder
        ids = [(i.span.text, i.placeholder) for i in detection.identifiers]
        super().__init__(forms, ids)

    def _placeholder_of(self, person: Person) -> str | None:
        if person.minor:
            label = "MINOR"
        elif person.protected:
            label = PLACEHOLDER_ROLES.get(person.role, "PERSON")
        elif person.role == "defendant":
            if self.defendant_names == "full":
                return None
            full = max(person.names, key=lambda n: len(n.split()))
            return initials(full) or "[PERSON]"
        else:
            return None
        self._numbers[label] = self._numbers.get(label, 0) + 1
        return f"[{label} {self._numbers[label]}]"

    def __call__(self, value: str | None) -> str | None:
        out = super().__call__(value)
        if not out or not isinstance(out, str):
            return out
        # People the rules find in the value itself ("lesiones en perjuicio de Ana Paz").
        # Only what a cue protects: in a short value (a court, an offence) the
        # unknown-person default would take institutions and places for names.
        # A name read from a short value alone must look like one: two words or more, or initials
        # ("Child Labour" is an offence, not a child called Labour).
        extra = [p for p in detect(out, common=self.detection.common_words).persons
                 if p.cued_protected and not p.key.startswith("[")
                 and (len(p.names[0].split()) >= 2 or is_initials(p.names[0]))]
        for person in extra:
            if fold(person.names[0]) in self.forms or "[" in person.names[0]:
                continue
            placeholder = self._placeholder_of(person)
            if placeholder is None:
                continue
            for form in person.names:
                self.forms[fold(form)] = placeholder
            self._persons.append((person, placeholder))
            self._pattern = _alternation(self.forms)
        if extra:
            out = super().__call__(out)
        return out

    def cued(self) -> Redactor:
        """A redactor of the cue-protected names and the identifying details only: for
        names of courts and places ("Tribunal Oral en lo Criminal Federal de Santa Cruz"),
        where the unknown-person default would take a town for a person."""
        if getattr(self, "_cued", None) is None:
            self._cued = Redactor(self.cued_forms, list(self.identifiers.items()))
        return self._cued

    def scan_terms(self) -> list[str]:
        """What must not be anywhere in the public file: every form of a
        cue-protected person's name (two words or more, or a single word of at
        least four letters) and every identifying number (as written, and
        its digits alone when they are nine or more)."""
        terms: set[str] = set()
        for person, _ in self._persons:
            # The gate is for the people a cue protects; a name that only the unknown-person
            # default redacts may also be a town's ("Santa Cruz") and stay in a court's name.
            if not _strong(person):
                continue
            for name in person.names:
                if is_initials(name) or "[" in name:
                    continue
                for form in variants(name):
                    if len(form.split()) >= 2 or (form == name and letters(form) >= MIN_SINGLE_WORD):
                        terms.add(" ".join(form.split()))
        for ident in self.detection.identifiers:
            if ident.kind in ("id_number", "phone"):
                terms.add(ident.span.text)
                digits = re.sub(r"\D", "", ident.span.text)
                if len(digits) >= 9:
                    terms.add(digits)
        return sorted(terms)


def _strong(person: Person) -> bool:
    """A victim, a witness or a minor by a cue of their own: never published, anywhere (a name
    that is only near a victim's, or of unknown role, is redacted in free text but may be a
    town's: "San Martín", "Santa Cruz")."""
    return person.minor or person.role in PROTECTED_ROLES


def _given_name(name: str, common: frozenset[str]) -> list[str]:
    """A protected person's first given name alone ("Nadia" of "NADIA QUIROGA"),
    when it is no ordinary word of the text: judgments call victims by it."""
    from .names import NOT_NAME_WORDS, canonical

    parts = canonical(name).split()
    if len(parts) < 2 or is_initials(name):
        return []
    given = parts[0].strip(".,")
    key = fold(given)
    if letters(given) < MIN_SINGLE_WORD or key in common or key in NOT_NAME_WORDS or given.endswith("."):
        return []
    return [given]


def _first_in(text: str, person: Person) -> int:
    if person.spans:
        return person.first
    pattern = _alternation({fold(n): "" for n in person.names})
    m = pattern.search(text) if pattern else None
    return m.start() if m else len(text)
