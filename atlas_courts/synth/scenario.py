"""The facts of one generated case: defendants, charges, outcomes, sentences,
victims and the procedural timeline. Language-free; ``compose_*`` writes them
out and ``gold`` turns them into the case record.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from importlib import resources

from .words import PDate, Term


def load(name: str) -> dict:
    return json.loads(resources.files("atlas_courts.synth").joinpath("data", name).read_text(encoding="utf-8"))


COUNTRIES = load("countries.json")
PEOPLE = load("people.json")


@dataclass
class Charge:
    key: str
    offence: str  # as the document names it
    category: str
    statutes: list[str]
    verdict: str = "unknown"  # as this document leaves it
    trial_verdict: str = "unknown"


@dataclass
class Sentence:
    term: Term | None = None  # the custodial term the text imposes (per count when counts > 1)
    min_term: Term | None = None  # indeterminate sentences
    life: bool = False
    death: bool = False
    suspended: bool = False
    suspension_years: int = 0
    fine: int | None = None
    fine_currency: str | None = None
    fine_before: int | None = None  # before a reduction
    comp: int | None = None  # total ordered to the victims
    comp_currency: str | None = None
    comp_each: int | None = None  # when ordered per victim
    comp_victims: int = 0
    civil_unquantified: bool = False  # "responsabilidad civil ... en ejecución de sentencia"
    counts: int = 1  # term imposed per count
    reduced_from: Term | None = None  # before a reduction (Thai confession, s. 78)
    reduction: str | None = None  # "half", "third"
    death_reduced: bool = False  # death reduced to life imprisonment
    prior_term: Term | None = None  # pena única: the earlier sentence
    unified: Term | None = None  # pena única
    second_term: Term | None = None  # a shorter, separate term for another charge
    second_charge: int | None = None

    def gold(self) -> dict:
        if self.life or self.death:
            months, minimum = None, None
        else:
            final = self.unified or self.term
            months = final.total_months if final else None
            if self.second_term and months is not None:
                months = max(months, self.second_term.total_months)
            minimum = self.min_term.total_months if self.min_term else None
        return {
            "imprisonment_months": months,
            "imprisonment_min_months": minimum,
            "life": self.life,
            "death": self.death,
            "suspended": self.suspended,
            "fine": {"amount": self.fine, "currency": self.fine_currency} if self.fine else None,
            "compensation": {"amount": self.comp, "currency": self.comp_currency} if self.comp else None,
        }


def empty_sentence() -> dict:
    return Sentence().gold()


@dataclass
class Defendant:
    given: str
    surname: str
    sex: str  # "m" / "f"
    age: int
    birth: PDate
    nationality: str
    id_number: str
    occupation: str
    role: str  # "organiser", "recruiter", "manager", "driver", "owner"
    charges: list[Charge] = field(default_factory=list)
    status: str = "tried"  # tried, at_large
    trial_sentence: Sentence | None = None  # first instance (quoted in appeals)
    sentence: Sentence | None = None  # as this document leaves it
    appeal: str | None = None  # affirm, modify, reverse, retrial; None: did not appeal
    arrest: PDate | None = None
    plea: str = "not_guilty"  # not_guilty, guilty (TH/LR)
    title: str = ""  # Mr./Mrs./Miss (TH)

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def verdict(self) -> str:
        verdicts = {c.verdict for c in self.charges}
        if verdicts == {"convicted"}:
            return "convicted"
        if "unknown" in verdicts:
            return "unknown"
        if "convicted" in verdicts:
            return "mixed"
        if verdicts == {"dismissed"}:
            return "dismissed"
        return "acquitted"

    @property
    def trial_verdict(self) -> str:
        verdicts = {c.trial_verdict for c in self.charges}
        if verdicts == {"convicted"}:
            return "convicted"
        if "unknown" in verdicts:
            return "unknown"
        if "convicted" in verdicts:
            return "mixed"
        return "acquitted"


@dataclass
class Victim:
    label: str  # initials or pseudonym as the document writes it
    sex: str
    age: int
    origin: str

    @property
    def minor(self) -> bool:
        return self.age < 18


@dataclass
class Case:
    stem: str
    country: str
    lang: str
    doc_type: str
    layout: str
    scheme: str
    seed: str
    court: str = ""
    court_city: str = ""
    case_number: str = ""  # the gold value
    case_label: str = ""  # how the document introduces it ("Causa N°", "Criminal Case No.")
    decision: PDate = PDate(2019, 1, 1)
    lower_court: str = ""
    lower_case_number: str = ""
    trial_judgment: PDate | None = None
    verdict_date: PDate | None = None  # LR: jury verdict before the final judgment
    appeal_filed: PDate | None = None
    offence_start: PDate = PDate(2015)
    offence_end: PDate | None = None
    complaint: PDate | None = None
    indictment: PDate | None = None
    arraignment: PDate | None = None
    trial_start: PDate | None = None
    defendants: list[Defendant] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)
    victim_died: bool = False
    judges: list[str] = field(default_factory=list)
    prosecutor: str = ""
    defenders: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def tried(self) -> list[Defendant]:
        return [d for d in self.defendants if d.status == "tried"]


# --------------------------------------------------------------------------- building a case


def _initials(rng: random.Random, n: int = 3) -> str:
    letters = "ABCDEFGHIJLMNOPRSTVY"
    return ".".join(rng.choice(letters) for _ in range(n)) + "."


def _victim_label(rng: random.Random, country: str, sex: str, k: int) -> str:
    if country == "TH":
        style = rng.choice(["letter", "pseudo"])
        if style == "letter":
            return ("Miss " if sex == "f" else "Mr. ") + "ABCDEFGHJKLMNP"[k]
        names = ["Aye", "Zaw", "Thida", "Sophea", "Vanna", "Nang", "Min", "Soe", "Dara", "Noy", "Kyaw", "Lwin"]
        return ("Miss " if sex == "f" else "Mr. ") + names[k % len(names)] + " (pseudonym)"
    if country == "LR":
        return _initials(rng, 2)
    return _initials(rng, rng.choice([2, 3]))


def _gendered(word: str, sex: str) -> str:
    """'costurero|costurera' -> the form for the sex."""
    if "|" not in word:
        return word
    male, female = word.split("|")
    return female if sex == "f" else male


def _id_number(rng: random.Random, country: str) -> str:
    if country == "AR":
        return f"{rng.randint(14, 42)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}"
    if country in ("PY", "BO"):
        return f"{rng.randint(1, 9)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}"
    if country == "TH":
        return f"{rng.randint(1, 5)}-{rng.randint(1000, 9999)}-{rng.randint(10000, 99999)}-{rng.randint(10, 99)}-{rng.randint(1, 9)}"
    return f"LR-{rng.randint(100000, 999999)}"


def _term_from_range(rng: random.Random, lo: int, hi: int, allow_months: bool = True) -> Term:
    years = rng.randint(max(1, lo // 12), max(1, hi // 12))
    months = rng.choice([0, 0, 0, 6]) if allow_months else 0
    t = Term(years, months)
    if t.total_months > hi:
        t = Term(years)
    return t


def _money(rng: random.Random, currency: str, kind: str) -> int:
    ranges = {
        ("ARS", "fine"): (20_000, 90_000, 5_000), ("ARS", "comp"): (150_000, 1_500_000, 50_000),
        ("PYG", "fine"): (5_000_000, 40_000_000, 1_000_000), ("PYG", "comp"): (20_000_000, 150_000_000, 5_000_000),
        ("BOB", "fine"): (2_000, 20_000, 500), ("BOB", "comp"): (10_000, 80_000, 1_000),
        ("USD", "fine"): (1_000, 10_000, 500), ("USD", "comp"): (2_000, 15_000, 500),
        ("LRD", "fine"): (50_000, 500_000, 25_000), ("LRD", "comp"): (100_000, 750_000, 25_000),
        ("THB", "fine"): (80_000, 300_000, 10_000), ("THB", "comp"): (50_000, 400_000, 10_000),
    }
    lo, hi, step = ranges[(currency, kind)]
    return rng.randrange(lo, hi + step, step)


def build_case(spec: dict, seed: str, pages_hint: int = 0) -> Case:
    """A case consistent with ``spec`` (country, doc type, layout, scheme and one
    outcome code per defendant), everything else drawn from ``seed``."""
    rng = random.Random(f"case:{seed}")
    country = spec["country"]
    cdata = COUNTRIES[country]
    people = PEOPLE[country]
    scheme_key = spec.get("scheme") or rng.choice(sorted(cdata["schemes"]))
    scheme = cdata["schemes"][scheme_key]
    case = Case(
        stem=spec["stem"], country=country, lang=cdata["lang"], doc_type=spec["doc_type"],
        layout=spec["layout"], scheme=scheme_key, seed=seed,
    )
    appeal = case.doc_type == "appeal_judgment"
    if spec.get("charges"):
        case.extra["forced_charges"] = list(spec["charges"])

    # ---- timeline
    start_year = rng.randint(2012, 2017)
    case.offence_start = PDate(start_year, rng.randint(1, 12), rng.randint(1, 28))
    granularity = rng.choice(["d", "d", "m", "y"])
    if granularity == "m":
        case.offence_start = PDate(case.offence_start.y, case.offence_start.m)
    elif granularity == "y":
        case.offence_start = PDate(case.offence_start.y)
    t = PDate(start_year, case.offence_start.m or 6, case.offence_start.d or 15)
    t = t.plus(rng.randint(60, 500))
    case.offence_end = t
    case.complaint = t.plus(-rng.randint(5, 40))
    arrest = t.plus(rng.randint(0, 3))
    case.indictment = arrest.plus(rng.randint(120, 420))
    case.arraignment = case.indictment.plus(rng.randint(20, 90))
    case.trial_start = case.arraignment.plus(rng.randint(60, 300))
    trial_judgment = case.trial_start.plus(rng.randint(2, 60))
    if case.country == "LR":
        case.verdict_date = case.trial_start.plus(rng.randint(10, 40))
        trial_judgment = case.verdict_date.plus(rng.randint(7, 30))
    case.trial_judgment = trial_judgment
    if appeal:
        case.appeal_filed = trial_judgment.plus(rng.randint(3, 20))
        case.decision = case.appeal_filed.plus(rng.randint(150, 700))
    else:
        case.decision = trial_judgment

    # ---- court
    court = rng.choice(cdata["courts"])
    fields = {k: (rng.choice(v) if isinstance(v, list) else v) for k, v in court.items() if k not in ("name",)}
    trial_court = court["name"].format(**fields)
    case.extra["trial_city"] = court["city"]
    case.extra["court_fields"] = fields
    if appeal:
        options = cdata["appeal_courts"]
        if spec.get("appeal_court"):
            options = [c for c in options if c.get("kind") == spec["appeal_court"]] or options
        else:  # a supreme court only when the plan asks for one
            options = [c for c in options if c.get("kind") not in ("supremo", "supreme")] or options
        acourt = rng.choice(options)
        afields = {k: (rng.choice(v) if isinstance(v, list) else v) for k, v in acourt.items() if k != "name"}
        case.court = acourt["name"].format(**afields)
        case.court_city = acourt["city"]
        case.extra["appeal_kind"] = acourt.get("kind", "appeal")
        case.lower_court = trial_court
    else:
        case.court = trial_court
        case.court_city = court["city"]
    _case_numbers(case, rng, fields)

    # ---- people
    if appeal:
        pool = people.get("cassation_judges") or people.get("justices") or people.get("appeal_judges") or people["judges"]
    else:
        pool = people["judges"]
    case.judges = rng.sample(pool, 3)
    case.prosecutor = rng.choice(people["prosecutors"])
    case.defenders = list(people["defenders"])
    rng.shuffle(case.defenders)

    # ---- victims
    lo, hi = scheme["victims"]
    n_victims = rng.randint(lo, hi)
    mlo, mhi = scheme["minors"]
    n_minors = n_victims if scheme.get("all_minors") else min(n_victims, rng.randint(mlo, mhi))
    female_bias = scheme_key in ("whiskeria", "bar", "exterior", "local", "karaoke", "domestic", "mining", "criadazgo")
    used_labels: set[str] = set()
    for k in range(n_victims):
        sex = "f" if (female_bias and rng.random() < 0.9) or (not female_bias and rng.random() < 0.3) else "m"
        age = rng.randint(12, 17) if k < n_minors else rng.randint(18, 44)
        label = _victim_label(rng, country, sex, k)
        while label in used_labels:
            label = _victim_label(rng, country, sex, k + rng.randint(1, 9))
        used_labels.add(label)
        case.victims.append(Victim(label, sex, age, rng.choice(scheme["victim_origin"])))
    rng.shuffle(case.victims)

    # ---- defendants
    surnames = list(people["surnames"])
    rng.shuffle(surnames)
    roles = ["organiser", "recruiter", "manager", "driver", "owner", "guard"]
    main_key = rng.choice(scheme["main"])
    extra_keys = [k for k in scheme["extra"] if k != main_key]
    codes = spec["defs"]
    used_given: set[str] = set()
    shared_extra = rng.choice(extra_keys) if extra_keys else None
    for i, code in enumerate(codes):
        sex = "f" if rng.random() < 0.35 else "m"
        pool = [g for g in people["female" if sex == "f" else "male"] if g not in used_given]
        given = rng.choice(pool)
        used_given.add(given)
        surname = surnames[i]
        if country == "BO":
            surname = f"{surnames[i]} {surnames[-1 - i]}"
        age = rng.randint(24, 62)
        birth = PDate(case.offence_start.y - age, rng.randint(1, 12), rng.randint(1, 28))
        nat = rng.choice(people["nationalities_f" if sex == "f" else "nationalities_m"])
        d = Defendant(
            given=given, surname=surname, sex=sex, age=age, birth=birth, nationality=nat,
            id_number=_id_number(rng, country), occupation=_gendered(rng.choice(people["occupations"]), sex),
            role=roles[i % len(roles)],
        )
        if country == "TH":
            d.title = "Ms." if sex == "f" and rng.random() < 0.5 else ("Mrs." if sex == "f" else "Mr.")
        d.arrest = arrest.plus(0 if i == 0 or rng.random() < 0.5 else rng.randint(5, 90))
        _outcome(case, d, code, main_key, shared_extra, rng, i)
        case.defendants.append(d)
    if any(d.sentence and d.sentence.life or d.trial_sentence and d.trial_sentence.life for d in case.defendants) or any(
        d.sentence and d.sentence.death for d in case.defendants
    ):
        case.victim_died = True
    case.extra["pages_hint"] = pages_hint
    return case


def _case_numbers(case: Case, rng: random.Random, fields: dict) -> None:
    c = case.country
    year = case.indictment.y if case.indictment else case.offence_start.y
    filed = case.complaint.y if case.complaint else year
    appeal = case.doc_type == "appeal_judgment"
    case.extra["as_number"] = rng.randint(10, 400)
    if c == "AR":
        base = f"{fields['prefix']} {rng.randint(10000, 99999)}/{filed}"
        case.lower_case_number = f"{base}/TO1"
        case.case_number = f"{base}/TO1/CFC1" if appeal else base
        case.case_label = "Causa N°"
    elif c == "PY":
        base = f"{rng.randint(100, 9999)}/{filed}"
        case.lower_case_number = base
        case.case_number = base
        case.case_label = "Causa N°"
        case.extra["sd_number"] = rng.randint(12, 380)
    elif c == "BO":
        nurej = f"{filed}{rng.randint(10000, 99999)}"
        case.lower_case_number = nurej
        case.case_number = nurej
        case.case_label = "NUREJ"
        case.extra["sentencia_no"] = f"{rng.randint(5, 60):02d}/{case.trial_judgment.y if case.trial_judgment else year}"
        case.extra["auto_no"] = f"{rng.randint(10, 250)}/{case.decision.y if appeal else year}"
    elif c == "LR":
        base = f"{rng.randint(10, 99)}/{filed}"
        case.lower_case_number = f"Indictment No. {base}"
        if appeal:
            case.case_number = f"Case No. {rng.randint(10, 99)}-{case.decision.y}"
        else:
            case.case_number = f"Criminal Case No. {base}"
        case.case_label = ""
    elif c == "TH":
        be = (case.indictment.y if case.indictment else year) + 543
        prefix = fields.get("prefix", "Aor.")
        black = f"{prefix} {rng.randint(10, 3999)}/{be}"
        red = f"{prefix} {rng.randint(10, 3999)}/{(case.trial_judgment.y if case.trial_judgment else year) + 543}"
        case.extra["black"] = black
        case.extra["red"] = red
        case.lower_case_number = f"Black Case No. {black}"
        case.case_number = f"Black Case No. {black}"
        case.case_label = "Black Case No."


def _sentence_for(case: Case, charges: list[Charge], flags: set[str], rng: random.Random) -> Sentence:
    cdata = COUNTRIES[case.country]
    cur = cdata["currency"]
    convicted = [c for c in charges if c.verdict == "convicted" or c.trial_verdict == "convicted"]
    lo, hi = 12, 60
    for c in convicted:
        rlo, rhi = cdata["offences"][c.key]["months"]
        lo, hi = max(lo, rlo), max(hi, rhi)
    s = Sentence()
    if "susp" in flags:
        cap = {"AR": 36, "PY": 24, "BO": 36, "LR": 24, "TH": 24}[case.country]
        s.term = rng.choice([Term(y, m) for y in range(0, cap // 12 + 1) for m in (0, 6) if 6 <= y * 12 + m <= cap])
        s.suspended = True
        s.suspension_years = rng.randint(2, 3)
    elif "life" in flags:
        s.life = True
    elif "death" in flags:
        s.death = True
    elif "death_reduced" in flags:
        s.death_reduced = True
        s.life = True
        s.reduction = "third"
    elif "indet" in flags:
        y = rng.randint(5, 8)
        s.min_term = Term(y)
        s.term = Term(y + rng.randint(3, 7))
    elif "modify_days" in flags:
        s.term = Term(rng.randint(2, 4), rng.choice([3, 9]))
    elif "reduce" in flags:
        before = Term(rng.randint(max(2, lo // 12), max(3, hi // 12)), rng.choice([0, 6, 9]))
        s.reduction = rng.choice(["half", "third"])
        s.reduced_from = before
        s.term = before.scaled(0.5 if s.reduction == "half" else 2 / 3)
    elif "unica" in flags:
        s.term = _term_from_range(rng, lo, min(hi, 96), allow_months=False)
        s.prior_term = Term(rng.randint(2, 4))
        s.unified = Term(s.term.years + s.prior_term.years - rng.randint(1, 2), rng.choice([0, 6]))
    else:
        s.term = _term_from_range(rng, lo, hi)
    if "multi" in flags:
        s.counts = max(2, len(case.victims))
        s.term = Term(rng.randint(max(2, lo // 12), max(3, lo // 12 + 3)))
    if "consec" in flags:
        s.second_term = Term(rng.randint(2, 4))
        s.second_charge = 1
    if "fine" in flags or (case.country == "TH" and not s.life and not s.death and "nofine" not in flags and convicted and convicted[0].category in ("trafficking", "child_labour")):
        fine_cur = cur
        s.fine = _money(rng, fine_cur, "fine")
        s.fine_currency = fine_cur
        if s.reduction and s.reduced_from:
            s.fine_before = s.fine * 2 if s.reduction == "half" else s.fine * 3 // 2
    if "comp" in flags or "comp_each" in flags:
        comp_cur = cur
        if case.country == "LR":
            comp_cur = "LRD"  # restitution in Liberian dollars; fines in US dollars
        if "comp_each" in flags:
            s.comp_each = _money(rng, comp_cur, "comp")
            s.comp_victims = len(case.victims)
            s.comp = s.comp_each * s.comp_victims
        else:
            s.comp = _money(rng, comp_cur, "comp")
        s.comp_currency = comp_cur
    if "civil" in flags:
        s.civil_unquantified = True
    return s


def _outcome(case: Case, d: Defendant, code: str, main_key: str, extra_key: str | None, rng: random.Random, index: int) -> None:
    """Charges, verdicts and sentences for one defendant from an outcome code such as
    'conv+fine', 'mixed', 'acq', 'at_large', 'conv>modify', 'conv>none'."""
    cdata = COUNTRIES[case.country]
    trial, _, appeal = code.partition(">")
    base, *flag_list = trial.split("+")
    flags = set(flag_list)
    if appeal == "modify_days":
        flags.add("modify_days")

    def charge(key: str) -> Charge:
        off = cdata["offences"][key]
        statutes = list(off["statutes"])
        if "before_2013" in off and case.offence_start.y < 2013:
            statutes = list(off["before_2013"])
        names = case.extra.setdefault("offence_names", {})
        if key not in names:
            names[key] = rng.choice(off["names"])
        return Charge(key, names[key], off["category"], statutes)

    if case.extra.get("forced_charges"):
        keys = list(case.extra["forced_charges"])
    else:
        keys = [main_key]
        if base == "mixed" or "consec" in flags or (extra_key and rng.random() < 0.45 and base != "at_large"):
            if extra_key:
                keys.append(extra_key)
    if base == "mixed" and len(keys) < 2:
        others = [k for k in cdata["offences"] if k != main_key]
        keys.append(rng.choice(others))
    d.charges = [charge(k) for k in keys]

    if base == "at_large":
        d.status = "at_large"
        for c in d.charges:
            c.verdict = c.trial_verdict = "unknown"
        return
    if base == "conv":
        for c in d.charges:
            c.trial_verdict = "convicted"
    elif base == "acq":
        for c in d.charges:
            c.trial_verdict = "acquitted"
    elif base == "mixed":
        # convicted of the lesser (second) charge, acquitted of the main one, or the reverse
        if rng.random() < 0.5:
            d.charges[0].trial_verdict, d.charges[1].trial_verdict = "convicted", "acquitted"
        else:
            d.charges[0].trial_verdict, d.charges[1].trial_verdict = "acquitted", "convicted"
    for c in d.charges:
        c.verdict = c.trial_verdict
    if "plea" in flags or "reduce" in flags or "death_reduced" in flags:
        d.plea = "guilty"
    if base in ("conv", "mixed"):
        d.trial_sentence = _sentence_for(case, d.charges, flags, rng)
        d.sentence = d.trial_sentence
    else:
        d.trial_sentence = None
        d.sentence = None

    if case.doc_type != "appeal_judgment":
        return
    d.appeal = None if appeal in ("", "none") else appeal
    if appeal == "affirm" or appeal in ("", "none"):
        return
    if appeal in ("modify", "modify_days"):
        old = d.trial_sentence
        new = Sentence(**{k: getattr(old, k) for k in old.__dataclass_fields__})
        if appeal == "modify_days":
            # the appellate court applies the confession reduction the trial court refused
            before = old.term
            new.reduced_from = before
            new.reduction = "half"
            new.term = before.scaled(0.5)
            old.reduced_from = None
            old.reduction = None
            if old.fine:
                new.fine_before = old.fine
                new.fine = old.fine // 2
        else:
            years = old.term.years if old.term else 8
            cut = max(1, years // 4 + rng.randint(0, 2))
            new.term = Term(max(1, years - cut), rng.choice([0, 0, 6]))
            new.reduced_from = None
            new.reduction = None
        d.sentence = new
        return
    if appeal == "reverse":
        for c in d.charges:
            c.verdict = "acquitted"
        d.sentence = None
        return
    if appeal == "retrial":
        for c in d.charges:
            c.verdict = "unknown"
        d.sentence = None
        return
    raise ValueError(code)
