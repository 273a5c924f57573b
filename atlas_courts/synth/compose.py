"""Shared machinery for writing a case out as text: template choice, dates,
statute citations, tracked spans and blocks.

Templates live in ``data/templates_<lang>.json``: for each key a list of
variants (strings, or for captions lists of ``[style, text]`` pairs); a
country's own section overrides the ``common`` one.
"""

from __future__ import annotations

import random
import re
import string
from collections import OrderedDict

from . import markup
from .layout import Block
from .scenario import Case, load
from .words import PDate, en_date, es_date, es_date_at

STATUTES = load("statutes.json")
TEMPLATES = {"es": load("templates_es.json"), "en": load("templates_en.json")}

SEXUAL_SCHEMES = {"whiskeria", "bar", "exterior", "local", "karaoke", "mining"}

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


class _StrictFormatter(string.Formatter):
    def get_value(self, key, args, kwargs):
        if key not in kwargs:
            raise KeyError(f"template field {{{key}}} not provided")
        return kwargs[key]


_FORMATTER = _StrictFormatter()
_NUMBER_RE = re.compile(r"\[\[([^|\]]*)\|([^\]]*)\]\]")


def label(statute_id: str) -> str:
    if statute_id in STATUTES["labels"]:
        return STATUTES["labels"][statute_id]
    return statute_id.split(":")[2]


def instrument(statute_id: str) -> str:
    country, inst, _ = statute_id.split(":")
    return f"{country}:{inst}"


def join_words(items: list[str], lang: str, conj: str | None = None) -> str:
    conj = conj or ("y" if lang == "es" else "and")
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if lang == "es" and conj == "y" and items[-1][:1].lower() in ("i",) and not items[-1][:2].lower() in ("hi", "hie"):
        conj = "e"
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


class Composer:
    def __init__(self, case: Case, rng: random.Random):
        self.case = case
        self.rng = rng
        self.lang = case.lang
        self.tpl = TEMPLATES[self.lang]
        self.blocks_marked: list[tuple[str, str]] = []
        self.ctx: dict[str, str] = {}
        if self.lang == "es":
            self.date_primary = rng.choice(["long", "long", "long", "num", "dot"])
        elif case.country == "TH":
            self.date_primary = rng.choice(["be", "dmy_be", "dmy"])
        else:
            self.date_primary = rng.choice(["dmy", "mdy", "ordinal"])
        self.cite_primary = rng.randrange(3)
        self._used: dict[str, set[int]] = {}

    # ------------------------------------------------------------------ templates

    def variants(self, key: str) -> list:
        country = self.tpl.get(self.case.country, {})
        if key in country:
            return country[key]
        if key in self.tpl["common"]:
            return self.tpl["common"][key]
        raise KeyError(f"no template {key!r} for {self.case.country}/{self.lang}")

    def has(self, key: str) -> bool:
        return key in self.tpl.get(self.case.country, {}) or key in self.tpl["common"]

    def pick(self, key: str):
        """A variant of ``key``, not repeating one until all have been used."""
        options = self.variants(key)
        used = self._used.setdefault(key, set())
        if len(used) >= len(options):
            used.clear()
        fresh = [i for i in range(len(options)) if i not in used]
        i = self.rng.choice(fresh)
        used.add(i)
        return options[i]

    def fill(self, template: str, _pl: bool | None = None, **kw) -> str:
        """Fill a template. ``[[singular|plural]]`` picks by ``_pl`` (default:
        more than one defendant in the case)."""
        plural = (len(self.case.defendants) > 1) if _pl is None else _pl
        template = _NUMBER_RE.sub(lambda m: m.group(2) if plural else m.group(1), template)
        values = {**self.ctx, **kw}
        return _FORMATTER.format(template, **values)

    def t(self, key: str, **kw) -> str:  # noqa: D401
        """A sentence: the variant filled in, first letter upper-cased."""
        return cap_first(self.fill(self.pick(key), **kw))

    @property
    def theme(self) -> str:
        """'sexual' or 'labour': which kind of exploitation the case is about."""
        return "sexual" if self.case.scheme in SEXUAL_SCHEMES else "labour"

    def themed(self, key: str) -> str:
        """``key`` or one of its theme-specific variants (``key_sexual``, ``key_<scheme>``)."""
        options = [key] + [k for k in (f"{key}_{self.theme}", f"{key}_{self.case.scheme}") if self.has(k)]
        return self.rng.choice(options)

    def frag(self, key: str, **kw) -> str:
        """A fragment inside a sentence: filled in, case left alone."""
        return self.fill(self.pick(key), **kw)

    # ------------------------------------------------------------------ dates

    def date(self, d: PDate, style: str | None = None) -> str:
        if self.lang == "es":
            if style is None:
                style = self.date_primary if self.rng.random() < 0.75 else self.rng.choice(["long", "num"])
            return es_date(d, style)
        if style is None:
            if self.case.country == "TH":
                style = self.date_primary if self.rng.random() < 0.8 else self.rng.choice(["be", "dmy"])
            else:
                style = self.date_primary if self.rng.random() < 0.75 else self.rng.choice(["dmy", "mdy"])
        be = self.case.country == "TH" and style in ("be", "dmy_be")
        return en_date(d, style, be=be)

    def date_words(self, d: PDate) -> str:
        return es_date_at(d) if self.lang == "es" else en_date(d, "ordinal")

    def other_date(self, d: PDate, style: str | None = None) -> str:
        return markup.other_date(self.date(d, style))

    def granular_key(self, base: str, d: PDate) -> str:
        suffix = "d" if d.d else ("m" if d.m else "y")
        return f"{base}_{suffix}"

    def ev(self, etype: str, d: PDate | None, key: str, fragment: bool = False, **kw) -> str:
        """A sentence (or, with ``fragment``, a clause) stating a dated procedural step, marked as an event."""
        if d is None:
            return self.t(key + "_nodate", **kw) if self.has(key + "_nodate") else ""
        if "date" not in kw:
            kw["date"] = self.date(d)
        text = self.frag(key, **kw) if fragment else self.t(key, **kw)
        return markup.event(etype, d.iso(), text)

    # ------------------------------------------------------------------ statutes

    def cite(self, ids: list[str], subs: dict[str, str] | None = None, form: int | None = None) -> str:
        """Citation text for ``ids`` (grouped by instrument), each group marked."""
        subs = subs or {}
        groups: "OrderedDict[str, list[str]]" = OrderedDict()
        for sid in ids:
            groups.setdefault(instrument(sid), [])
            if sid not in groups[instrument(sid)]:
                groups[instrument(sid)].append(sid)
        parts = []
        for inst, members in groups.items():
            text = self._cite_group(inst, members, subs, form)
            parts.append(markup.statute(members, text))
        if self.lang == "es":
            return join_words(parts, "es")
        return join_words(parts, "en")

    def _cite_group(self, inst: str, members: list[str], subs: dict[str, str], form: int | None) -> str:
        info = STATUTES["instruments"][inst]
        if form is None:
            form = self.cite_primary if self.rng.random() < 0.7 else self.rng.randrange(3)
        after = info["after"][form % len(info["after"])] if self.rng.random() < 0.7 else self.rng.choice(info["after"])
        country = inst.split(":")[0]
        labels = []
        for sid in members:
            lab = label(sid)
            sub = subs.get(sid)
            if sub:
                if self.lang == "es":
                    lab = f"{lab}, {sub}," if form % 3 != 2 else f"{lab} {sub}"
                elif country == "TH":
                    lab = f"{lab} {sub}"
                else:
                    lab = f"{lab}{sub}"
            labels.append(lab)
        if self.lang == "es":
            listed = join_words(labels, "es").replace(",,", ",")
            plural = len(members) > 1
            suffix = info.get("suffix", info["after"])
            if form % 3 == 0:
                text = f"{'arts.' if plural else 'art.'} {listed} {after}"
            elif form % 3 == 1:
                text = f"{'artículos' if plural else 'artículo'} {listed} {after}"
            else:
                text = f"{'arts.' if plural else 'art.'} {listed} {self.rng.choice(suffix)}"
            return text.replace(", del", " del").replace(", de la", " de la").replace(",  ", ", ")
        listed = join_words(labels, "en")
        plural = len(members) > 1
        if country == "TH":
            if form % 3 == 2 and not plural:
                return f"{after}, section {listed}"
            return f"{'sections' if plural else 'section'} {listed} of {after}"
        unit = info.get("unit", "Section")
        if form % 3 == 1 and not plural and unit == "Section":
            return f"Sec. {listed} of {after}"
        return f"{unit + 's' if plural else unit} {listed} of {after}"

    # ------------------------------------------------------------------ blocks

    def add(self, style: str, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self.blocks_marked.append((style, text))

    def para(self, *sentences: str, style: str = "para") -> None:
        self.add(style, " ".join(s for s in sentences if s))

    def caption(self, key: str, **kw) -> None:
        for style, template in self.pick(key):
            self.add(style, self.fill(template, **kw))

    def blocks(self) -> list[Block]:
        out = []
        problems = []
        for style, marked in self.blocks_marked:
            plain, spans = markup.parse(marked)
            problems += markup.unmarked_problems(plain, spans)
            out.append(Block(style, plain, spans))
        if problems:
            raise ValueError(f"{self.case.stem}: " + "\n".join(problems[:10]))
        return out


def cap_first(text: str) -> str:
    """Upper-case the first letter of ``text``, skipping marker headers."""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == markup.OPEN:
            i = text.index(markup.SEP, i) + 1
            continue
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            return text
        i += 1
    return text
