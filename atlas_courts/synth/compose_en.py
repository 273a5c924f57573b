"""English-language judgments: Liberia (circuit courts, Criminal Court “E”, Supreme
Court) and Thailand (English translations of Thai judgments)."""

from __future__ import annotations

import random

from .compose import Composer, join_words
from .scenario import Case, Defendant, Sentence
from .words import Term, en_date, en_number, en_term, money_text

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]
TERMS = ["February", "May", "August", "November"]  # Liberian court terms
SC_TERMS = ["March", "October"]


def compose_en(case: Case, rng: random.Random, extra: int = 0) -> Composer:
    c = Composer(case, rng)
    _context(c)
    if case.country == "LR":
        if case.doc_type == "appeal_judgment":
            _lr_appeal(c, extra)
        elif case.doc_type == "sentencing":
            _lr_sentencing(c, extra)
        else:
            _lr_trial(c, extra)
    else:
        if case.doc_type == "appeal_judgment":
            _th_appeal(c, extra)
        else:
            _th_trial(c, extra)
    return c


# --------------------------------------------------------------------------- context


def _g(c: Composer, d: Defendant) -> dict:
    f = d.sex == "f"
    i = c.case.defendants.index(d)
    return {
        "NAME": d.name.upper(), "Name": d.name, "surname": d.surname, "title": d.title,
        "Titled": f"{d.title} {d.name}".strip(), "he": "she" if f else "he", "He": "She" if f else "He",
        "his": "her" if f else "his", "His": "Her" if f else "His", "him": "her" if f else "him",
        "nth": ORDINALS[i], "Nth": ORDINALS[i].capitalize(), "nat": d.nationality, "occupation": d.occupation,
        "age": str(d.age), "idno": d.id_number,
    }


def _who(c: Composer, d: Defendant) -> str:
    """How the body refers to a defendant: 'the first defendant' (TH) or 'co-defendant Kollie' (LR)."""
    if c.case.country == "TH":
        return f"the {ORDINALS[c.case.defendants.index(d)]} defendant" if len(c.case.defendants) > 1 else "the defendant"
    return c.rng.choice([f"defendant {d.name}", f"co-defendant {d.surname}", d.name]) if len(c.case.defendants) > 1 else f"defendant {d.name}"


def _context(c: Composer) -> None:
    case = c.case
    rng = c.rng
    ds = case.defendants
    plural = len(ds) > 1
    fields = case.extra.get("court_fields", {})
    county = fields.get("county", "Montserrado")
    year = case.indictment.y if case.indictment else case.decision.y
    c.ctx.update(
        court=case.court, COURT=case.court.upper(), city=case.court_city, county=county,
        case_number=case.case_number, lower_court=case.lower_court, lower_case=case.lower_case_number,
        judge1=case.judges[0], judge2=case.judges[1], judge3=case.judges[2], judges=join_words(case.judges, "en"),
        prosecutor=case.prosecutor, defender=(case.defenders or ["Atty. Public Defender"])[0],
        DEFS=join_words([d.name.upper() for d in ds], "en"), defs=join_words([d.name for d in ds], "en"),
        defs_surnames=join_words([d.surname for d in ds], "en"),
        the_defendants="the defendants" if plural else "the defendant",
        The_defendants="The defendants" if plural else "The defendant",
        term=(term := rng.choice(TERMS)), TERM=term.upper(), term_year=str(year),
        JUDGE1=case.judges[0].upper(), JUDGE3=case.judges[2].upper(), sc_term=(sc := rng.choice(SC_TERMS)), SC_TERM=sc.upper(), year=str(case.decision.y),
        black=case.extra.get("black", ""), red=case.extra.get("red", ""),
        origin=case.victims[0].origin if case.victims else "", place=_place(c),
        n_victims=str(len(case.victims)), n_victims_words=en_number(len(case.victims)),
        hours=str(rng.choice([14, 16, 18, 20])), pay=_pay(c), trial_city=case.extra.get("trial_city", case.court_city),
    )
    if case.country == "TH":
        case.extra["gold_names"] = {i: d.name for i, d in enumerate(ds)}
    else:
        case.extra["gold_names"] = {i: d.name.upper() for i, d in enumerate(ds)}
    c.subs = {}
    if case.country == "TH":
        youngest = min(v.age for v in case.victims)
        paragraph = "paragraph three" if youngest < 15 else ("paragraph two" if youngest < 18 else "paragraph one")
        c.subs = {"TH:ATIPA2551:52": paragraph} if rng.random() < 0.7 else {}
    elif rng.random() < 0.6:
        c.subs = {"LR:ATIP2005:3": rng.choice(["(a)", "(b)", "(1)(a)"])}


def _place(c: Composer) -> str:
    return c.rng.choice(c.variants("vocab")[0]["places_" + c.case.scheme])


def _pay(c: Composer) -> str:
    if c.case.country == "LR":
        return c.rng.choice(["L$2,500 a month", "US$30 a month", "nothing at all"])
    return c.rng.choice(["3,000 baht a month", "100 baht a day", "nothing for several months"])


def cx(c: Composer, name: str, ids: list[str]) -> dict[str, str]:
    return {name: c.cite(ids, subs=c.subs)}


def _victims_list(c: Composer) -> str:
    items = []
    for v in c.case.victims:
        items.append(c.rng.choice(["{label} (aged {age})", "{label}, {age} years old", "{label} ({age})"]).format(label=v.label, age=v.age))
    return join_words(items, "en")


def _victims_sentence(c: Composer) -> str:
    n = len(c.case.victims)
    minors = sum(v.minor for v in c.case.victims)
    if minors == 0:
        mp = c.rng.choice(["all of them adults", "all of whom were over eighteen years of age"])
    elif minors == n:
        mp = c.rng.choice(["all of them children under eighteen years of age", "all minors at the time"])
    else:
        mp = f"{en_number(minors)} of whom {'were' if minors > 1 else 'was'} under eighteen years of age"
    return c.t("victims_sentence", victims_list=_victims_list(c), n=str(n), n_words=en_number(n), minors_phrase=mp,
               persons="persons" if n > 1 else "person", _pl=n > 1)


# --------------------------------------------------------------------------- sentences


def term_en(c: Composer, t: Term, upper: bool = False) -> str:
    if c.case.country == "TH":
        return en_term(t, c.rng.choice(["num", "num", "words"]))
    style = c.rng.choice(["both", "both", "num"] + (["months"] if t.days == 0 and t.months else []))
    text = en_term(t, style, upper)
    if style == "months":
        return ("a term of " if not upper else "A TERM OF ") + text
    return text


def lr_penalty(c: Composer, d: Defendant, s: Sentence, offences: list) -> str:
    """Liberian operative sentence phrase."""
    parts = []
    if s.life:
        parts.append(c.frag("lr_pen_life"))
    elif s.min_term:
        parts.append(c.frag("lr_pen_indet", min=en_term(s.min_term, "both"), max=en_term(s.term, "both")))
    elif s.second_term:
        parts.append(c.frag("lr_pen_consec", term=term_en(c, s.term), offence1=offences[0].offence,
                            term2=en_term(s.second_term, "both"), offence2=offences[min(1, len(offences) - 1)].offence))
    elif s.suspended:
        parts.append(c.frag("lr_pen_susp", term=term_en(c, s.term), years=en_term(Term(s.suspension_years), "both")))
    else:
        parts.append(c.frag("lr_pen", term=term_en(c, s.term)))
    if s.fine:
        parts.append(c.frag("lr_pen_fine", fine=money_text(s.fine, s.fine_currency, "en", c.rng.randrange(3))))
    if s.comp:
        parts.append(c.frag("lr_pen_comp", comp=money_text(s.comp, s.comp_currency, "en", c.rng.randrange(3)), **cx(c, "cite_restitution", ["LR:ATIP2005:6"])))
    return " ".join(parts)


def th_penalty(c: Composer, d: Defendant, s: Sentence, who: str, past: bool = False) -> list[str]:
    """Thai operative sentences for one defendant (a list of sentences); ``past`` when
    an appeal reports the first-instance sentence."""
    out = []
    k = "_past" if past else ""
    fine = money_text(s.fine, "THB", "en", c.rng.randrange(3)) if s.fine else None
    if s.death and not s.death_reduced:
        out.append(c.t("th_pen_death" + k, who=who))
        return out
    if s.death_reduced:
        out.append(c.t("th_pen_death" + k, who=who))
        out.append(c.t("th_pen_death_reduced" + k, **cx(c, "cite_reduce", ["TH:CC:52", "TH:CC:78"])))
        return out
    if s.counts > 1:
        total = Term(s.term.years * s.counts, s.term.months * s.counts)
        out.append(c.t("th_pen_multi" + k, who=who, term=term_en(c, s.term), counts=str(s.counts), counts_words=en_number(s.counts),
                       total=en_term(Term(total.years + total.months // 12, total.months % 12), "num"), **cx(c, "cite_multi", ["TH:CC:91"])))
        if fine:
            out.append(c.t("th_pen_fine_also" + k, fine=fine))
    elif s.reduced_from:
        before_fine = money_text(s.fine_before, "THB", "en", 0) if s.fine_before else None
        out.append(c.t("th_pen_before" + k, who=who, term=en_term(s.reduced_from, "num"),
                       fine_part=(" and a fine of " + before_fine) if before_fine else ""))
        frac = "one-half" if s.reduction == "half" else "one-third"
        out.append(c.t("th_pen_reduce" + k, frac=frac, term=en_term(s.term, "num"), fine_part=(" and a fine of " + fine) if fine else "",
                       **cx(c, "cite_reduce", ["TH:CC:78"])))
    else:
        out.append(c.t("th_pen" + k, who=who, term=term_en(c, s.term), fine_part=(" and a fine of " + fine) if fine else ""))
    if s.suspended:
        out.append(c.t("th_pen_susp" + k, years=str(s.suspension_years), **cx(c, "cite_susp", ["TH:CC:56"])))
    if fine:
        out.append(c.t("th_fine_default" + k, **cx(c, "cite_default", ["TH:CC:29", "TH:CC:30"])))
    if s.comp:
        if s.comp_each:
            out.append(c.t("th_comp_each" + k, each=money_text(s.comp_each, "THB", "en", 0), n=en_number(s.comp_victims), who=who))
        else:
            out.append(c.t("th_comp" + k, comp=money_text(s.comp, "THB", "en", c.rng.randrange(3)), who=who))
    return out


# --------------------------------------------------------------------------- Liberia


def _lr_caption(c: Composer, title: str) -> None:
    case = c.case
    c.add("center_bold", f"IN THE {case.court.upper()}, REPUBLIC OF LIBERIA" if "County" in case.court else f"IN THE {case.court.upper()}")
    c.add("center", c.t("lr_sitting"))
    c.add("center", c.t("lr_before"))
    c.add("para_flat", c.t("lr_plaintiff"))
    c.add("center", "VERSUS")
    line = c.pick("lr_defendant_line")
    for d in case.defendants:
        c.add("para_flat", c.fill(line, **_g(c, d)))
    crimes = join_words(sorted({ch.offence.upper() for d in case.defendants for ch in d.charges}), "en", "AND")
    c.add("center", f"CRIME{'S' if ',' in crimes or ' AND ' in crimes else ''}: {crimes}")
    c.add("center", case.case_number)
    c.add("title", title)


def _lr_story(c: Composer, extra: int, include_trial: bool = True) -> None:
    case = c.case
    rng = c.rng
    crimes = join_words(sorted({ch.offence for d in case.defendants for ch in d.charges}), "en")
    ids = []
    for d in case.defendants:
        for ch in d.charges:
            ids += [s for s in ch.statutes if s not in ids]
    c.para(c.ev("indictment", case.indictment, "lr_indictment", crimes=crimes, **cx(c, "cite_all", ids)))
    c.para(c.t(f"lr_facts_{case.scheme}"), c.t(f"lr_facts2_{case.scheme}"))
    c.para(c.ev("offence", case.offence_start, c.granular_key("lr_offence", case.offence_start), end=c.other_date(case.offence_end)), _victims_sentence(c))
    if case.victim_died:
        c.para(c.t("lr_victim_died"))
    steps = []
    if rng.random() < 0.85:
        steps.append(c.ev("complaint", case.complaint, "lr_complaint"))
    first = min(d.arrest for d in case.tried)
    steps.append(c.ev("arrest", first, "lr_arrest", names=join_words([d.name for d in case.tried if d.arrest == first], "en"),
                      _pl=sum(d.arrest == first for d in case.tried) > 1))
    for d in case.tried:
        if d.arrest != first and rng.random() < 0.7:
            steps.append(c.ev("arrest", d.arrest, "lr_arrest_later", **_g(c, d)))
    c.para(*steps)
    if include_trial:
        c.para(c.ev("arraignment", case.arraignment, "lr_arraignment"), c.ev("trial_start", case.trial_start, "lr_trial_start") if rng.random() < 0.85 else "")
        c.add("heading", c.t("lr_h_evidence"))
        for v in case.victims[: rng.randint(2, 3)] + case.victims[3 : 3 + extra]:
            c.para(c.t("lr_testimony_victim", victim=v.label, age=str(v.age), vorigin=v.origin, she="she" if v.sex == "f" else "he", her="her" if v.sex == "f" else "his"))
        c.para(c.t("lr_testimony_police"))
        c.para(c.t("lr_testimony_social"))
        for _ in range(extra):
            c.para(c.t(c.themed("lr_testimony_extra")))
        for d in case.tried:
            c.para(c.t("lr_defence_testimony", **_g(c, d)))
        c.para(c.t("lr_rested"))


def _lr_law(c: Composer) -> None:
    c.add("heading", c.t("lr_h_law"))
    c.para(c.t("lr_issue"))
    c.para(c.t("lr_burden", **cx(c, "cite_burden", ["LR:CPL:2.1"]), **cx(c, "cite_const", ["LR:CONST:21"])))
    c.para(c.t("lr_definition", **cx(c, "cite_def", ["LR:ATIP2005:2"])))
    for d in c.case.tried:
        for ch in d.charges:
            if ch.verdict == "convicted":
                c.para(c.t("lr_finding_conv", offence=ch.offence, **_g(c, d)))
            elif ch.verdict == "acquitted":
                c.para(c.t("lr_finding_acq", offence=ch.offence, **_g(c, d)))


def _lr_operative(c: Composer, ds: list[Defendant]) -> list[str]:
    items = []
    for d in ds:
        g = _g(c, d)
        conv = [ch for ch in d.charges if ch.verdict == "convicted"]
        acq = [ch for ch in d.charges if ch.verdict == "acquitted"]
        if conv:
            items.append(c.t("lr_op_convict", offences=join_words([ch.offence for ch in conv], "en"),
                             penalty=lr_penalty(c, d, d.sentence, conv), **g))
        for ch in acq:
            items.append(c.t("lr_op_acquit", offence=ch.offence, **g))
    return items


def _lr_trial(c: Composer, extra: int) -> None:
    case = c.case
    _lr_caption(c, c.rng.choice(["FINAL JUDGMENT", "JUDGMENT", "FINAL JUDGMENT AND SENTENCE"]))
    c.para(c.t("lr_opening"))
    _lr_story(c, extra)
    c.para(c.ev("judgment", case.verdict_date, "lr_verdict", verdicts=_lr_verdicts(c)))
    _lr_law(c)
    c.para(c.t("lr_mitigation"))
    c.add("heading", c.t("lr_h_wherefore"))
    for text in _lr_operative(c, case.tried):
        c.add("item", text)
    c.para(c.t("lr_so_ordered"))
    c.para(c.ev("sentencing", case.decision, "lr_given", date=en_date(case.decision, c.rng.choice(["ad", "ad", "ordinal"])).upper() if c.rng.random() < 0.5 else en_date(case.decision, "ad")))
    c.add("sig", f"{case.judges[0]}")
    c.add("sig", c.t("lr_judge_title"))


def _lr_verdicts(c: Composer) -> str:
    parts = []
    for d in c.case.tried:
        conv = [ch.offence for ch in d.charges if ch.verdict == "convicted"]
        acq = [ch.offence for ch in d.charges if ch.verdict == "acquitted"]
        if conv and acq:
            parts.append(f"GUILTY as to {d.name} on the charge of {join_words(conv, 'en')} and NOT GUILTY on the charge of {join_words(acq, 'en')}")
        elif conv:
            parts.append(f"GUILTY as to {d.name}")
        else:
            parts.append(f"NOT GUILTY as to {d.name}")
    return "; ".join(parts)


def _lr_sentencing(c: Composer, extra: int) -> None:
    case = c.case
    _lr_caption(c, c.rng.choice(["RULING ON SENTENCE", "SENTENCING RULING"]))
    crimes = join_words(sorted({ch.offence for d in case.defendants for ch in d.charges}), "en")
    c.para(c.ev("judgment", case.verdict_date, "lr_sent_opening", crimes=crimes))
    c.para(c.ev("indictment", case.indictment, "lr_sent_indictment", crimes=crimes))
    c.para(c.t(f"lr_facts_{case.scheme}"), _victims_sentence(c))
    c.para(c.t("lr_presentence"))
    for _ in range(1 + extra):
        c.para(c.t("lr_victim_impact"))
    c.para(c.t("lr_mitigation"))
    ids = [s for d in case.defendants for ch in d.charges for s in ch.statutes]
    c.para(c.t("lr_sent_law", **cx(c, "cite_all", list(dict.fromkeys(ids))), **cx(c, "cite_pl_sent", ["LR:PL:50.5"])))
    c.add("heading", c.t("lr_h_wherefore"))
    for text in _lr_operative(c, case.tried):
        c.add("item", text)
    c.para(c.t("lr_so_ordered"))
    c.para(c.ev("sentencing", case.decision, "lr_given", date=en_date(case.decision, "ad")))
    c.add("sig", case.judges[0])
    c.add("sig", c.t("lr_judge_title"))


def _lr_appeal(c: Composer, extra: int) -> None:
    case = c.case
    rng = c.rng
    d = [x for x in case.defendants if x.appeal][0]
    g = _g(c, d)
    c.add("center_bold", f"IN THE HONOURABLE {case.court.upper()}")
    c.add("center", c.t("lr_sc_sitting"))
    for k, j in enumerate(case.judges):
        c.add("para_flat", f"BEFORE {'HIS' if k != 1 else 'HER'} HONOR: {j.upper()} .......... {'CHIEF JUSTICE' if k == 0 else 'ASSOCIATE JUSTICE'}")
    c.add("para_flat", f"{d.name.upper()} of the City of {case.extra.get('trial_city', 'Monrovia')} .......... APPELLANT")
    c.add("center", "VERSUS")
    c.add("para_flat", "REPUBLIC OF LIBERIA, by and thru the Ministry of Justice .......... APPELLEE")
    c.add("center", f"APPEAL – {case.case_number}")
    heard = case.decision.plus(-rng.randint(20, 90))
    c.add("para_flat", "HEARD: " + c.other_date(heard) + "    " + c.ev("appeal_decision", case.decision, "lr_decided", fragment=True))
    c.add("para_flat", c.t("lr_sc_opinion_by"))
    c.para(c.t("lr_sc_intro", **g))
    c.para(c.ev("indictment", case.indictment, "lr_sc_indicted", crimes=join_words([ch.offence for ch in d.charges], "en"),
                **cx(c, "cite_all", list(dict.fromkeys(s for ch in d.charges for s in ch.statutes))), **g))
    c.para(c.t(f"lr_facts_{case.scheme}"), c.ev("offence", case.offence_start, c.granular_key("lr_offence", case.offence_start), end=c.other_date(case.offence_end)), _victims_sentence(c))
    c.para(c.ev("judgment", case.verdict_date, "lr_sc_verdict", **g),
           c.ev("sentencing", case.trial_judgment, "lr_sc_final_judgment", penalty=lr_penalty(c, d, d.trial_sentence, d.charges), **g))
    c.para(c.ev("appeal_filed", case.appeal_filed, "lr_sc_appeal_filed", **g))
    c.add("heading", c.t("lr_sc_h_issues"))
    c.para(c.t("lr_sc_issues"))
    c.para(c.t("lr_burden", **cx(c, "cite_burden", ["LR:CPL:2.1"]), **cx(c, "cite_const", ["LR:CONST:21"])))
    for _ in range(extra + 1):
        c.para(c.t("lr_sc_doctrine"))
    if d.appeal == "affirm":
        c.para(c.t("lr_sc_reason_affirm", **g))
        final = c.t("lr_sc_affirm", **g)
    elif d.appeal == "modify":
        c.para(c.t("lr_sc_reason_modify", old=en_term(d.trial_sentence.term, "both"), new=en_term(d.sentence.term, "both"), **g))
        final = c.t("lr_sc_modify", penalty=lr_penalty(c, d, d.sentence, d.charges), **g)
    elif d.appeal == "reverse":
        c.para(c.t("lr_sc_reason_reverse", **g))
        final = c.t("lr_sc_reverse", **g)
    else:
        c.para(c.t("lr_sc_reason_retrial", **g))
        final = c.t("lr_sc_retrial", **g)
    c.add("heading", "WHEREFORE AND IN VIEW OF THE FOREGOING")
    c.para(final, c.t("lr_sc_mandate"))
    c.add("para_flat", {"affirm": "JUDGMENT AFFIRMED.", "modify": "JUDGMENT AFFIRMED WITH MODIFICATION.",
                        "reverse": "JUDGMENT REVERSED.", "retrial": "JUDGMENT REVERSED AND CASE REMANDED."}[d.appeal])


# --------------------------------------------------------------------------- Thailand


def _th_parties(c: Composer, appeal: bool) -> None:
    case = c.case
    c.add("para_flat", c.t("th_between"))
    if case.victims and c.rng.random() < 0.7 and not appeal:
        c.add("para_flat", f"{case.victims[0].label} and others, {'Joint Plaintiffs' if len(case.victims) > 1 else 'Joint Plaintiff'}")
    for i, d in enumerate(case.defendants):
        role = f"{ORDINALS[i].capitalize()} Defendant" if len(case.defendants) > 1 else "Defendant"
        if appeal and d.appeal:
            role += ", Appellant"
        c.add("para_flat", f"{d.title} {d.name}, {role}")


def _th_trial(c: Composer, extra: int) -> None:
    case = c.case
    rng = c.rng
    date_line = c.ev("judgment", case.decision, "th_date_line", fragment=True)
    c.caption("th_caption", date_line=date_line)
    _th_parties(c, appeal=False)
    offences = join_words(sorted({ch.offence for d in case.defendants for ch in d.charges}), "en")
    c.add("para_flat", f"Charge: {offences[0].upper() + offences[1:]}")
    ids = list(dict.fromkeys(s for d in case.defendants for ch in d.charges for s in ch.statutes))
    c.para(c.ev("indictment", case.indictment, "th_indictment", **cx(c, "cite_all", ids + ["TH:CC:83"])),
           c.t(f"th_facts_{case.scheme}"), c.t(f"th_facts2_{case.scheme}"))
    c.para(c.ev("offence", case.offence_start, c.granular_key("th_offence", case.offence_start), end=c.other_date(case.offence_end)), _victims_sentence(c))
    if case.victim_died:
        c.para(c.t("th_victim_died"))
    steps = []
    if rng.random() < 0.8:
        steps.append(c.ev("complaint", case.complaint, "th_complaint"))
    first = min(d.arrest for d in case.tried)
    steps.append(c.ev("arrest", first, "th_arrest", _pl=sum(d.arrest == first for d in case.tried) > 1,
                      who=join_words([_who(c, d) for d in case.tried if d.arrest == first], "en")))
    for d in case.tried:
        if d.arrest != first and rng.random() < 0.6:
            steps.append(c.ev("arrest", d.arrest, "th_arrest_later", who=_who(c, d)))
    c.para(*steps)
    pleas = []
    for d in case.tried:
        pleas.append(f"{_who(c, d)} pleaded {'guilty' if d.plea == 'guilty' else 'not guilty'}")
    c.para(c.ev("arraignment", case.arraignment, "th_arraignment", pleas="; ".join(pleas)))
    for d in case.defendants:
        if d.status == "at_large":
            c.para(c.t("th_absconded", who=_who(c, d)))
    if any(d.sentence and d.sentence.comp for d in case.tried):
        c.para(c.t("th_comp_motion"))
    c.para(c.ev("trial_start", case.trial_start, "th_trial_start") if rng.random() < 0.8 else "")
    c.add("heading", c.t("th_h_evidence"))
    c.para(c.t("th_evidence_intro"))
    for v in case.victims[: rng.randint(2, 3)] + case.victims[3 : 3 + extra]:
        c.para(c.t("th_testimony_victim", victim=v.label, age=str(v.age), vorigin=v.origin, she="she" if v.sex == "f" else "he", her="her" if v.sex == "f" else "his"))
    c.para(c.t("th_testimony_official"))
    for _ in range(extra):
        c.para(c.t(c.themed("th_testimony_extra")))
    for d in case.tried:
        if d.plea != "guilty":
            c.para(c.t("th_defence", who=_who(c, d), **_g(c, d)))
    c.add("heading", c.t("th_h_considered"))
    c.para(c.t("th_considered"))
    for d in case.tried:
        for ch in d.charges:
            if ch.verdict == "convicted":
                c.para(c.t("th_finding_conv", who=_who(c, d), offence=ch.offence, **cx(c, "cite_off", ch.statutes)))
            elif ch.verdict == "acquitted":
                c.para(c.t("th_finding_acq", who=_who(c, d), offence=ch.offence, **cx(c, "cite_doubt", ["TH:CPC:227"])))
    c.add("heading", c.t("th_h_judgment"))
    for d in case.tried:
        conv = [ch for ch in d.charges if ch.verdict == "convicted"]
        if conv:
            ids = list(dict.fromkeys(s for ch in conv for s in ch.statutes))
            c.para(c.t("th_guilty", who=_who(c, d), **cx(c, "cite_guilty", ids)), *th_penalty(c, d, d.sentence, _who(c, d)))
        if not conv:
            c.para(c.t("th_acquit", who=_who(c, d)))
        elif any(ch.verdict == "acquitted" for ch in d.charges):
            c.para(c.t("th_acquit_partial", who=_who(c, d), offence=join_words([ch.offence for ch in d.charges if ch.verdict == "acquitted"], "en")))
    c.para(c.t("th_forfeit"))
    for j in case.judges:
        c.add("sig", j)


def _th_appeal(c: Composer, extra: int) -> None:
    case = c.case
    rng = c.rng
    supreme = case.extra.get("appeal_kind") == "supreme"
    date_line = c.ev("appeal_decision", case.decision, "th_date_line", fragment=True)
    c.caption("th_caption", date_line=date_line)
    _th_parties(c, appeal=True)
    offences = join_words(sorted({ch.offence for d in case.defendants for ch in d.charges}), "en")
    c.add("para_flat", f"Charge: {offences[0].upper() + offences[1:]}")
    appellants = [d for d in case.defendants if d.appeal]
    ids = list(dict.fromkeys(s for d in case.defendants for ch in d.charges for s in ch.statutes))
    c.para(c.ev("indictment", case.indictment, "th_indictment", **cx(c, "cite_all", ids)), c.t(f"th_facts_{case.scheme}"))
    c.para(c.ev("offence", case.offence_start, c.granular_key("th_offence", case.offence_start), end=c.other_date(case.offence_end)), _victims_sentence(c))
    trial = c.ev("judgment", case.trial_judgment, "th_first_instance", lower_court=case.lower_court)
    parts = [trial]
    for d in case.defendants:
        who = _who(c, d)
        if d.trial_verdict in ("convicted", "mixed"):
            parts += th_penalty(c, d, d.trial_sentence, who, past=True)
        elif d.status == "tried":
            parts.append(c.t("th_acquit_past", who=who))
    c.para(*parts)
    filed = c.ev("appeal_filed", case.appeal_filed, "th_appeal_filed", who=join_words([_who(c, d) for d in appellants], "en"), _pl=len(appellants) > 1)
    if supreme:
        mid = case.appeal_filed.plus((case.decision.ordinal() - case.appeal_filed.ordinal()) // 2)
        c.para(filed, c.ev("appeal_decision", mid, "th_appeal_court_affirmed"), c.t("th_dika_appeal"))
    else:
        c.para(filed)
    for d in case.defendants:
        if not d.appeal and d.status == "tried" and d.trial_verdict in ("convicted", "mixed"):
            c.para(c.t("th_no_appeal", who=_who(c, d)))
    c.add("heading", c.t("th_h_appeal_considered"))
    c.para(c.t("th_appeal_considered"))
    for _ in range(extra):
        c.para(c.t(c.themed("th_testimony_extra")))
        c.para(c.t("th_appeal_doctrine"))
    decision = []
    for d in appellants:
        who = _who(c, d)
        if d.appeal == "affirm":
            c.para(c.t("th_reason_affirm", who=who))
            decision.append(c.t("th_affirm_one", who=who))
        elif d.appeal in ("modify", "modify_days"):
            if d.appeal == "modify_days":
                c.para(c.t("th_reason_reduce", who=who, **cx(c, "cite_reduce", ["TH:CC:78"])))
            else:
                c.para(c.t("th_reason_modify", who=who))
            decision.append(c.t("th_modify", who=who))
            decision += th_penalty(c, d, d.sentence, who)
        elif d.appeal == "reverse":
            c.para(c.t("th_reason_reverse", who=who, **cx(c, "cite_doubt", ["TH:CPC:227"])))
            decision.append(c.t("th_reverse", who=who))
        else:
            c.para(c.t("th_reason_retrial", who=who))
            decision.append(c.t("th_retrial", who=who))
    c.add("heading", c.t("th_h_judgment"))
    c.para(*decision, c.t("th_affirm_rest") if any(d.appeal in ("modify", "modify_days") for d in appellants) else "")
    for j in case.judges:
        c.add("sig", j)
