"""Spanish-language judgments: Argentina, Paraguay and Bolivia (trial and appeal)."""

from __future__ import annotations

import random

from .compose import ROMAN, Composer, join_words
from .scenario import Case, Defendant, Sentence
from .words import PDate, Term, es_number, es_term, money_text


def compose_es(case: Case, rng: random.Random, extra: int = 0) -> Composer:
    c = Composer(case, rng)
    _context(c)
    if case.doc_type == "appeal_judgment":
        _appeal(c, extra)
    else:
        _trial(c, extra)
    return c


# --------------------------------------------------------------------------- context and helpers


def _vocab(c: Composer, key: str) -> str:
    return c.rng.choice(c.variants("vocab")[0][key])


def _g(d: Defendant) -> dict:
    f = d.sex == "f"
    return {
        "NAME": d.name.upper(), "Name": d.name, "surname": d.surname, "SURNAME": d.surname.upper(),
        "given": d.given, "o": "a" if f else "o", "el": "la" if f else "el", "del_": "de la" if f else "del",
        "al": "a la" if f else "al", "imputado": "la imputada" if f else "el imputado",
        "acusado": "la acusada" if f else "el acusado", "autor": "autora" if f else "autor",
        "AUTOR": "AUTORA" if f else "AUTOR", "O": "A" if f else "O", "a": "a" if f else "",
        "nat": d.nationality, "idno": d.id_number, "occupation": d.occupation, "age": str(d.age),
        "age_words": es_number(d.age, apocope=True),
    }


def _plural(ds: list[Defendant], word: str) -> str:
    """'el imputado' / 'la imputada' / 'los imputados' / 'las imputadas'."""
    fem = all(d.sex == "f" for d in ds)
    if len(ds) == 1:
        return ("la " + word + "a") if fem else ("el " + word + "o")
    return ("las " + word + "as") if fem else ("los " + word + "os")


def _contract(prep: str, phrase: str) -> str:
    """'a' + 'el imputado' -> 'al imputado'; 'de' + 'el Tribunal' -> 'del Tribunal'."""
    if phrase.startswith("el "):
        return ("al " if prep == "a" else "del ") + phrase[3:]
    return f"{prep} {phrase}"


def _article(court: str) -> str:
    """'el Tribunal Oral ...' / 'la Cámara Federal ...' / 'la Sala Penal ...'."""
    feminine = court.split()[0] in ("Cámara", "Sala", "Corte")
    return ("la " if feminine else "el ") + court


def _names(ds: list[Defendant], upper: bool = True) -> str:
    return join_words([d.name.upper() if upper else d.name for d in ds], "es")


def _surnames(ds: list[Defendant]) -> str:
    return join_words([d.surname for d in ds], "es")


def _context(c: Composer) -> None:
    case = c.case
    rng = c.rng
    first = case.defendants[0]
    others = len(case.defendants) - 1
    country = case.country
    main = first.charges[0]
    if country == "AR":
        tail = "" if not others else (" y otro" if others == 1 else " y otros")
        if rng.random() < 0.6:
            subject = "infracción " + c.cite([main.statutes[0]], form=2)
        else:
            subject = main.offence
        caratula = f"{first.surname.upper()}, {first.given}{tail} s/ {subject}"
    elif country == "PY":
        tail = "" if not others else (" Y OTRO" if others == 1 else " Y OTROS")
        caratula = f"MINISTERIO PÚBLICO C/ {first.name.upper()}{tail} S/ {main.offence.upper()}"
    else:
        tail = "" if not others else (" y otro" if others == 1 else " y otros")
        caratula = f"Ministerio Público c/ {first.name}{tail}, por el delito de {main.offence}"
    judges = case.judges
    c.ctx.update(
        court=case.court, COURT=case.court.upper(), city=case.court_city, case_number=case.case_number,
        case_label=case.case_label, caratula=caratula, judges=join_words(judges, "es"),
        judge1=judges[0], judge2=judges[1], judge3=judges[2],
        secretary=_vocab(c, "secretaries"), prosecutor=case.prosecutor,
        defs_names=_names(case.defendants), defs_surnames=_surnames(case.defendants),
        los_imputados=_plural(case.defendants, "imputad"), los_acusados=_plural(case.defendants, "acusad"),
        a_los_imputados=_contract("a", _plural(case.defendants, "imputad")),
        de_los_imputados=_contract("de", _plural(case.defendants, "imputad")),
        el_court=_article(case.court), El_court=_article(case.court)[0].upper() + _article(case.court)[1:],
        del_court=_contract("de", _article(case.court)),
        integrado="integrada" if _article(case.court).startswith("la ") else "integrado",
        lower_court=case.lower_court, lower_case=case.lower_case_number,
        year=str(case.decision.y), sd_number=str(case.extra.get("sd_number", "")),
        as_number=str(case.extra.get("as_number", "")), sentencia_no=case.extra.get("sentencia_no", ""),
        auto_no=case.extra.get("auto_no", ""), trial_city=case.extra.get("trial_city", case.court_city),
        place=_place(c), origin=case.victims[0].origin if case.victims else "",
        hours=str(rng.choice([12, 13, 14, 15, 16])), pay=_pay(c),
        n_victims=str(len(case.victims)), n_victims_words=es_number(len(case.victims), apocope=False),
    )
    c.subs = _subs(c)
    case.extra["gold_names"] = {i: d.name.upper() for i, d in enumerate(case.defendants)}


def _place(c: Composer) -> str:
    v = c.variants("vocab")[0]
    street = c.rng.choice(v["streets"])
    number = c.rng.randint(100, 4800)
    barrio = c.rng.choice(v["barrios"])
    return c.rng.choice(v["place_forms"]).format(street=street, number=number, barrio=barrio, city=c.case.extra.get("trial_city", c.case.court_city))


def _pay(c: Composer) -> str:
    country = c.case.country
    if country == "AR":
        return f"$ {c.rng.choice([300, 500, 800, 1000, 1500])} por semana"
    if country == "PY":
        return f"Gs. {c.rng.choice([50, 100, 150, 200])}.000 por mes"
    return f"Bs. {c.rng.choice([300, 400, 500, 600])} mensuales"


def _subs(c: Composer) -> dict[str, str]:
    choices = {
        "AR:CP:145ter": ["inc. 1°", "incs. 1° y 5°", "inc. 4°", "incs. 1°, 4° y 5°"],
        "AR:CP:29": ["inc. 3°"],
        "AR:CP:127": ["inc. 1°"],
        "PY:L4788:7": ["inc. 1°", "incs. 1 y 3"],
        "PY:CP:29": ["inc. 1°"],
        "BO:CP:281bis": ["num. 1", "num. 2"],
        "BO:CONST:15": ["parágrafo V"],
    }
    out = {}
    for sid, options in choices.items():
        if c.rng.random() < 0.6:
            out[sid] = c.rng.choice(options)
    return out


def cite(c: Composer, ids: list[str], form: int | None = None) -> str:
    return c.cite(ids, subs=c.subs, form=form)


def cx(c: Composer, name: str, ids: list[str]) -> dict[str, str]:
    """A citation under ``name`` with its determiner forms: el_<name> ('el art. 3 ...'
    / 'los arts. 40 y 41 ...') and del_<name> ('del art. ...' / 'de los arts. ...')."""
    bare = cite(c, ids)
    first_group = [i for i in ids if i.split(":")[:2] == ids[0].split(":")[:2]]
    plural = len(set(first_group)) > 1
    return {name: bare, "el_" + name: ("los " if plural else "el ") + bare, "del_" + name: ("de los " if plural else "del ") + bare,
            "al_" + name: ("a los " if plural else "al ") + bare}


def _victims_list(c: Composer) -> str:
    items = []
    for v in c.case.victims:
        items.append(c.rng.choice(["{label} ({age} años)", "{label}, de {age} años", "{label} ({age})"]).format(label=v.label, age=v.age))
    return join_words(items, "es")


def _victims_sentence(c: Composer) -> str:
    n = len(c.case.victims)
    minors = sum(v.minor for v in c.case.victims)
    if minors == 0:
        minors_phrase = c.rng.choice(["todas ellas mayores de edad", "todas mayores de edad al momento de los hechos"])
    elif minors == n:
        minors_phrase = c.rng.choice(["todas ellas menores de edad", "todas menores de dieciocho años al momento de los hechos"])
    else:
        minors_phrase = f"{es_number(minors, apocope=False) if minors > 1 else 'una'} de ellas menor{'es' if minors > 1 else ''} de edad"
    return c.t("victims_sentence", victims_list=_victims_list(c), n_words=es_number(n) if n > 1 else "una", n=str(n), minors_phrase=minors_phrase, personas="personas" if n > 1 else "persona")


# --------------------------------------------------------------------------- penalties


def term_text(c: Composer, t: Term, upper: bool = False) -> str:
    style = c.rng.choice(["both", "both", "words"])
    return es_term(t, style, upper)


def penalty(c: Composer, d: Defendant, s: Sentence, upper: bool = True) -> str:
    """The operative phrase of a sentence: 'OCHO (8) AÑOS DE PRISIÓN, multa de ... '."""
    country = c.case.country
    term = s.term
    parts = []
    if country == "AR":
        if s.suspended:
            parts.append(c.frag("pen_ar_susp", term=term_text(c, term, upper), **cx(c, "cite_susp", ["AR:CP:26"]), years=es_term(Term(s.suspension_years), "both")))
        else:
            parts.append(c.frag("pen_ar", term=term_text(c, term, upper)))
    elif country == "PY":
        if s.suspended:
            parts.append(c.frag("pen_py_susp", term=term_text(c, term, upper), years=es_term(Term(s.suspension_years), "both"), **cx(c, "cite_susp", ["PY:CP:44"])))
        else:
            parts.append(c.frag("pen_py", term=term_text(c, term, upper)))
    else:
        if s.suspended:
            parts.append(c.frag("pen_bo_susp", term=term_text(c, term, upper), **cx(c, "cite_susp", ["BO:CPP:366"])))
        else:
            parts.append(c.frag("pen_bo", term=term_text(c, term, upper)))
    if s.fine:
        parts.append(c.frag("pen_fine", fine=money_text(s.fine, s.fine_currency, "es", c.rng.randrange(3))))
    text = " ".join(parts)
    return text


# --------------------------------------------------------------------------- first instance


def _trial(c: Composer, extra: int) -> None:
    case = c.case
    rng = c.rng
    c.caption("caption")
    opening = c.ev("judgment", case.decision, "opening", date_at=c.date_words(case.decision))
    c.para(opening, style="para_flat")
    # the accused
    c.para(c.t("defs_intro"), style="para_flat")
    for i, d in enumerate(case.defendants):
        birth = c.other_date(d.birth)
        c.add("item", f"{i + 1}) " + c.t("def_identity", birth=birth, address=_place(c), **_g(d)))
    c.para(c.t("parties", defender=case.defenders[0], defender2=case.defenders[1 % len(case.defenders)]))

    c.add("heading", c.t("h_facts"))
    c.para(c.t("accusation_intro"))
    c.para(*[c.t(f"facts_{case.scheme}") for _ in range(1)], c.t(f"facts2_{case.scheme}"))
    offence = c.ev("offence", case.offence_start, c.granular_key("offence", case.offence_start), end=c.other_date(case.offence_end))
    c.para(offence, _victims_sentence(c))
    if case.victim_died:
        c.para(c.t("victim_died"))
    c.para(*_accusation_law(c))

    c.add("heading", c.t("h_procedure"))
    steps = []
    if rng.random() < 0.85:
        steps.append(c.ev("complaint", case.complaint, "complaint"))
    steps += _arrests(c)
    steps.append(c.ev("indictment", case.indictment, "indictment"))
    if case.country == "BO" and rng.random() < 0.7:
        steps.append(c.ev("arraignment", case.arraignment, "arraignment"))
    steps.append(c.ev("trial_start", case.trial_start, "trial_start") if rng.random() < 0.9 else c.t("trial_start_nodate"))
    c.para(*steps)
    at_large = [d for d in case.defendants if d.status == "at_large"]
    for d in at_large:
        c.para(c.t("rebeldia", **_g(d)))

    c.add("heading", c.t("h_trial"))
    _evidence(c, extra)
    _closing_arguments(c)

    c.add("heading", c.t("h_considering"))
    c.para(c.t("materialidad"))
    c.para(c.t("materialidad2"))
    for d in case.tried:
        _analysis(c, d)
    _qualification(c)
    for d in case.tried:
        if d.sentence:
            _sentencing_reasons(c, d)
    if any(d.sentence and d.sentence.comp for d in case.tried):
        c.para(c.t("comp_reason", **cx(c, "cite_comp", _comp_statutes(c))))

    c.add("heading", c.t("op_intro"))
    for k, text in enumerate(_operative_items(c, trial=True)):
        c.add("item", f"{ROMAN[k]}.- {text}")
    _signatures(c)


def _accusation_law(c: Composer) -> list[str]:
    """One sentence per charged offence: how the accusation qualified it (cites every charge's statutes)."""
    by_key: dict[str, list[Defendant]] = {}
    charge_of = {}
    for d in c.case.defendants:
        for ch in d.charges:
            by_key.setdefault(ch.key, []).append(d)
            charge_of[ch.key] = ch
    out = []
    for key, ds in by_key.items():
        ch = charge_of[key]
        out.append(c.t("accusation_law", names=_names(ds, upper=False), offence=ch.offence, **cx(c, "cite_offence", ch.statutes)))
    return out


def _arrests(c: Composer) -> list[str]:
    case = c.case
    tried = [d for d in case.defendants if d.status == "tried"]
    by_date: dict[PDate, list[Defendant]] = {}
    for d in tried:
        by_date.setdefault(d.arrest, []).append(d)
    out = []
    for k, (day, ds) in enumerate(sorted(by_date.items())):
        if k == 0:
            out.append(c.ev("arrest", day, "arrest_raid", names=_names(ds, upper=False), detenidos=_plural(ds, "detenid").split(" ", 1)[1], _pl=len(ds) > 1))
        elif c.rng.random() < 0.8:
            out.append(c.ev("arrest", day, "arrest_later", names=_names(ds, upper=False), o="a" if all(x.sex == "f" for x in ds) else "o", n="n" if len(ds) > 1 else "", s="s" if len(ds) > 1 else ""))
    return out


def _evidence(c: Composer, extra: int) -> None:
    case = c.case
    rng = c.rng
    shown = case.victims[: rng.randint(2, 3)] + case.victims[3 : 3 + extra]
    for v in shown:
        c.para(c.t(f"testimony_victim_{case.scheme}" if c.has(f"testimony_victim_{case.scheme}") else "testimony_victim",
                   victim=v.label, age=str(v.age), vorigin=v.origin, a="a" if v.sex == "f" else "o"),
               c.t("testimony_victim_tail"))
    c.para(c.t("testimony_police", officer=_vocab(c, "officers")))
    if rng.random() < 0.8:
        c.para(c.t("testimony_inspector", inspector=_vocab(c, "inspectors")))
    c.para(c.t("testimony_psych", psych=_vocab(c, "psychologists")))
    for _ in range(extra):
        c.para(_neighbour(c))
        c.para(c.t("documentary_extra"))
    c.para(c.t("documentary"))
    for d in case.tried:
        key = "def_statement_silent" if rng.random() < 0.4 else "def_statement_denial"
        c.para(c.t(key, **_g(d)))


def _evidence_summary(c: Composer, extra: int) -> None:
    """The trial evidence as an appellate court recounts it."""
    case = c.case
    shown = case.victims[: 1 + min(extra, 2)] + case.victims[3 : 3 + max(0, extra - 2)]
    for v in shown:
        c.para(c.t(f"testimony_victim_{case.scheme}" if c.has(f"testimony_victim_{case.scheme}") else "testimony_victim",
                   victim=v.label, age=str(v.age), vorigin=v.origin, a="a" if v.sex == "f" else "o"))
    c.para(c.t("testimony_police", officer=_vocab(c, "officers")))
    for _ in range(max(0, extra - 1)):
        c.para(_neighbour(c))
        c.para(c.t("documentary_extra"))
    c.para(c.t("documentary"))


def _neighbour(c: Composer) -> str:
    sex = c.rng.choice(["f", "m"])
    return c.t(c.themed(f"testimony_neighbour_{sex}"), witness=_vocab(c, f"witnesses_{sex}"))


def _closing_arguments(c: Composer) -> None:
    case = c.case
    rng = c.rng
    asks = []
    for d in case.tried:
        months = rng.choice([96, 108, 120, 144, 180])
        if d.sentence and d.sentence.term:
            months = max(int(d.sentence.term.total_months) + rng.choice([12, 24, 36]), 24)
        asks.append(c.fill(c.pick("ask_item"), NAME=d.name.upper(), term=es_term(Term(months // 12, months % 12), "both")))
    c.para(c.t("closing_prosecutor", asks=join_words(asks, "es")))
    c.para(c.t("closing_defence"))


def _analysis(c: Composer, d: Defendant) -> None:
    g = _g(d)
    conv = [ch for ch in d.charges if ch.verdict == "convicted"]
    acq = [ch for ch in d.charges if ch.verdict == "acquitted"]
    for ch in conv:
        role = _vocab(c, "roles_" + d.role)
        if "|" in role:
            role = role.split("|")[1 if d.sex == "f" else 0]
        c.para(c.t("autoria", offence=ch.offence, role=role, **g))
    for ch in acq:
        c.para(c.t("duda", offence=ch.offence, **cx(c, "cite_doubt", _doubt_statutes(c)), **g))


def _doubt_statutes(c: Composer) -> list[str]:
    return {"AR": ["AR:CPPN:3"], "PY": ["PY:CPP:5"], "BO": ["BO:CPP:363"]}[c.case.country]


def _comp_statutes(c: Composer) -> list[str]:
    return {"AR": ["AR:CP:29"], "PY": ["PY:CPP:439"], "BO": ["BO:CP:87"]}[c.case.country]


def _qualification(c: Composer) -> None:
    case = c.case
    seen = set()
    for d in case.tried:
        for ch in d.charges:
            if ch.verdict != "convicted" or ch.key in seen:
                continue
            seen.add(ch.key)
            c.para(c.t("calificacion", offence=ch.offence, **cx(c, "cite_offence", ch.statutes), **cx(c, "cite_part", _participation(c))))
    c.para(c.t("special_law", **cx(c, "cite_special", _special(c))))


def _participation(c: Composer) -> list[str]:
    return {"AR": ["AR:CP:45"], "PY": ["PY:CP:29"], "BO": ["BO:CP:20"]}[c.case.country]


def _special(c: Composer) -> list[str]:
    if c.case.country == "AR":
        return c.rng.choice([["AR:L26364:2"], ["AR:L26364:6"], ["AR:L26842:1"]])
    if c.case.country == "PY":
        return c.rng.choice([["PY:L4788:4"], ["PY:L4788:41"]])
    return c.rng.choice([["BO:L263:34"], ["BO:CONST:15"]])


def _pena_statutes(c: Composer) -> list[str]:
    return {"AR": ["AR:CP:40", "AR:CP:41"], "PY": ["PY:CP:65"], "BO": ["BO:CP:37", "BO:CP:38"]}[c.case.country]


def _sentencing_reasons(c: Composer, d: Defendant) -> None:
    s = d.sentence
    g = _g(d)
    c.para(c.t("pena_reason", **cx(c, "cite_pena", _pena_statutes(c)), term=es_term(s.term, "words") if s.term else "", **g))
    if s.suspended:
        c.para(c.t("susp_reason", **g))
    if s.unified:
        c.para(c.t("unica_reason", prior=es_term(s.prior_term, "both"), other_court=_vocab(c, "other_courts"),
                   other_case=f"{c.rng.randint(1000, 9999)}/{c.case.offence_start.y - 2}", **g))


def _operative_items(c: Composer, trial: bool) -> list[str]:
    """The numbered operative items of the first-instance judgment (also quoted by appeals)."""
    case = c.case
    items = []
    for d in case.defendants:
        g = _g(d)
        if d.status == "at_large":
            if trial:
                items.append(c.t("op_at_large", **g))
            continue
        conv = [ch for ch in d.charges if ch.trial_verdict == "convicted"]
        acq = [ch for ch in d.charges if ch.trial_verdict == "acquitted"]
        s = d.trial_sentence
        if conv:
            offences = join_words([ch.offence for ch in conv], "es")
            ids = [sid for ch in conv for sid in ch.statutes]
            if s.unified:
                items.append(c.t("op_convict_unica", penalty=penalty(c, d, s), offences=offences, **cx(c, "cite_offence", ids),
                                 prior=es_term(s.prior_term, "both").upper(), unified=es_term(s.unified, "both").upper(),
                                 **cx(c, "cite_unica", ["AR:CP:58"]), other_court=_vocab(c, "other_courts"), **g))
            else:
                items.append(c.t("op_convict", penalty=penalty(c, d, s), offences=offences, **cx(c, "cite_offence", ids), **cx(c, "cite_part", _participation(c)), **g))
        for ch in acq:
            items.append(c.t("op_acquit", offence=ch.offence, **cx(c, "cite_doubt", _doubt_statutes(c)), **g))
        if conv and s.comp:
            items.append(c.t("op_comp", comp=money_text(s.comp, s.comp_currency, "es", c.rng.randrange(3)), **g))
        if conv and s.civil_unquantified:
            items.append(c.t("op_civil", **g))
    if trial:
        items.append(c.t("op_victims"))
        items.append(c.t("op_final"))
    return items


def _signatures(c: Composer) -> None:
    for j in c.case.judges:
        c.add("sig", j)
    c.add("sig", c.t("sig_secretary"))


# --------------------------------------------------------------------------- appeal


def _appeal(c: Composer, extra: int) -> None:
    case = c.case
    rng = c.rng
    appellants = [d for d in case.defendants if d.appeal]
    c.ctx.update(appellants=_names(appellants), appellants_plain=_names(appellants, upper=False),
                 los_recurrentes=_plural(appellants, "condenad"))
    c.caption("caption_appeal")
    trial_ref = c.ev("judgment", case.trial_judgment, "trial_ref", fragment=True)
    opening = c.ev("appeal_decision", case.decision, "opening_appeal", date_at=c.date_words(case.decision), trial_ref=trial_ref)
    c.para(opening, style="para_flat")
    c.add("heading", c.t("h_appeal_background"))
    c.para(c.t("trial_summary"))
    for k, text in enumerate(_operative_items(c, trial=False)):
        c.add("quote", f"“{ROMAN[k]}.- {text}”")
    offence = c.ev("offence", case.offence_start, c.granular_key("offence", case.offence_start), end=c.other_date(case.offence_end))
    c.para(c.t("appeal_facts_intro"), c.t(f"facts_{case.scheme}"), offence, _victims_sentence(c))
    c.para(*_accusation_law(c))
    filed = []
    groups: dict[str, list[Defendant]] = {}
    for d in appellants:
        groups.setdefault("x", []).append(d)
    for ds in groups.values():
        filed.append(c.ev("appeal_filed", case.appeal_filed, "appeal_filed", names=_names(ds, upper=False), _pl=len(ds) > 1))
    c.para(*filed, c.t("appeal_admitted"))
    for d in case.defendants:
        if not d.appeal and d.status == "tried":
            c.para(c.t("not_appealed_conv" if d.trial_verdict in ("convicted", "mixed") else "not_appealed_acq", **_g(d)))
    c.para(c.t("trial_evidence_intro"))
    _evidence_summary(c, extra)
    for d in appellants:
        c.para(c.t("grievance", **_g(d)), c.t("grievance2"))
    c.para(c.t("prosecutor_reply"))

    c.add("heading", c.t("h_appeal_considering"))
    c.para(c.t("first_vote"))
    c.para(c.t("appeal_doctrine"))
    if extra:
        c.para(c.t("appeal_doctrine"))
    for d in appellants:
        g = _g(d)
        if d.appeal == "affirm":
            c.para(c.t("reason_affirm", **g), c.t("reason_affirm2", **g))
        elif d.appeal in ("modify", "modify_days"):
            c.para(c.t("reason_modify", old=es_term(d.trial_sentence.term, "words"), new=es_term(d.sentence.term, "words"), **cx(c, "cite_pena", _pena_statutes(c)), **g))
        elif d.appeal == "reverse":
            c.para(c.t("reason_reverse", **cx(c, "cite_doubt", _doubt_statutes(c)), **g))
        elif d.appeal == "retrial":
            c.para(c.t("reason_retrial", **cx(c, "cite_retrial", _retrial_statutes(c)), **g))
    c.para(c.t("other_votes"))

    c.add("heading", c.t("op_intro_appeal"))
    items = []
    for d in appellants:
        g = _g(d)
        if d.appeal == "affirm":
            items.append(c.t("op_affirm", **cx(c, "cite_costs", _costs_statutes(c)), **g))
        elif d.appeal in ("modify", "modify_days"):
            items.append(c.t("op_modify", penalty=penalty(c, d, d.sentence), **g))
        elif d.appeal == "reverse":
            items.append(c.t("op_reverse", **cx(c, "cite_doubt", _doubt_statutes(c)), **g))
        elif d.appeal == "retrial":
            items.append(c.t("op_retrial", **cx(c, "cite_retrial", _retrial_statutes(c)), **g))
    items.append(c.t("op_final_appeal"))
    for k, text in enumerate(items):
        c.add("item", f"{ROMAN[k]}.- {text}")
    _signatures(c)


def _retrial_statutes(c: Composer) -> list[str]:
    return {"AR": ["AR:CPPN:471"], "PY": ["PY:CPP:473"], "BO": ["BO:CPP:413"]}[c.case.country]


def _costs_statutes(c: Composer) -> list[str]:
    return {"AR": ["AR:CPPN:530", "AR:CPPN:531"], "PY": ["PY:CPP:261"], "BO": ["BO:CPP:266"]}[c.case.country]
