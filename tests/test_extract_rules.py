"""Table-driven tests of the extraction rules on real phrasings (source judgments named)."""

from __future__ import annotations

import pytest

from atlas_courts.extract import caption, parties, sections, verdicts
from atlas_courts.extract.offences import category_from_words, find_offences


def _secs(text):
    return sections.find_sections(text)


def _record(text: str, lang: str = "en"):
    from atlas_courts.extract import extract
    from atlas_courts.records import Document, Page
    from atlas_courts.resolve import resolve

    document = Document(sha256="5" * 64, file="t.txt", path="", media_type="txt",
                        pages=[Page(number=1, text=text, raw_text=text)], language=lang)
    return resolve(extract(document))


# --------------------------------------------------------------------------- sections

QUOTED_TRIAL = """PEOPLE OF THE PHILIPPINES, plaintiff-appellee,
vs.
ROMULO SAULO, accused-appellant.
GONZAGA-REYES, J.:
The trial court ruled:
WHEREFORE, this Court finds the accused Romulo Saulo guilty of illegal recruitment.
SO ORDERED. 9
We agree with the trial court.
WHEREFORE , the March 6, 1996 Decision of the trial court finding accused-appellant guilty
beyond reasonable doubt of the crime of illegal recruitment in large scale is hereby AFFIRMED.
SO ORDERED.
Melo, (Chairman), Vitug, and Panganiban, JJ., concur.
"""


def test_operative_part_is_the_majority_s_not_the_quoted_trial_court_s():
    # ph-sc-lawphil__2000_GR-125903_people-v-saulo-et-al: the RTC's WHEREFORE is quoted first
    secs = _secs(QUOTED_TRIAL)
    op = next(s for s in secs if s.name == "operative")
    assert QUOTED_TRIAL[op.start :].startswith("WHEREFORE , the March 6, 1996 Decision")
    lower = [s for s in secs if s.name == "lower_court"]
    assert lower and QUOTED_TRIAL[lower[0].start :].startswith("WHEREFORE, this Court finds")


@pytest.mark.parametrize(
    "text, starts_with",
    [
        # ph-sc-lawphil__1947_GR-L-1003: no marker, the disposal in Spanish
        ("D. X en representacion del apelante.\nPABLO, J.:\nLos hechos son claros. Por tanto, los acusados han cometido "
         "el delito de asesinato.\nSe confirma la sentencia con las costas.\nMoran, Pres., Paras, MM., estan conformes.\n",
         "Por tanto, los acusados"),
        # pk-lhc__2024LHC6062: "Consequently, Crl. Appeal No. … is allowed"
        ("MUHAMMAD AMJAD RAFIQ, J:- The appeal.\nThe evidence is weak. Thus the prosecution failed. Consequently, Crl. Appeal No. 77969-J "
         "of 2019 is allowed, impugned judgment of conviction is set aside.\n",
         "Consequently, Crl. Appeal"),
        # ar-caba-aymurai__document-07: the verb in capitals mid-line
        ("ACTA DE AUDIENCIA\nAcusado: MARCELO GONZALEZ\nEl imputado aceptó el acuerdo. Escuchadas las partes.\n\n"
         "En consecuencia, RESUELVE:\n\nI. CONDENAR a MARCELO GONZALEZ a la pena de TRES (3) AÑOS DE PRISIÓN EN "
         "SUSPENSO.\n", "RESUELVE:"),
    ],
)
def test_operative_part_without_wherefore(text, starts_with):
    op = next(s for s in _secs(text) if s.name == "operative")
    assert text[op.start :].startswith(starts_with)


# --------------------------------------------------------------------------- caption


@pytest.mark.parametrize(
    "text, court",
    [
        ("Republic of the Philippines\nSUPREME COURT\nManila\nFIRST DIVISION\nG.R. No. 130170 January 29, 2002\n",
         "Supreme Court of the Philippines, First Division"),
        ("Stereo. H C J D A 38.\nJUDGMENT SHEET IN THE LAHORE HIGH COURT, MULTAN BENCH, MULTAN\nJUDICIAL DEPARTMENT\n",
         "Lahore High Court, Multan Bench"),
        ("JUDGMENT SHEET IN THE LAHORE HIGH COURT AT LAHORE JUDICIAL\nDEPARTMENT\nMurder Reference No.82 of 2019\n",
         "Lahore High Court, Lahore"),
        ("IN THE COURT OF APPEAL OF THE DEMOCRATIC SOCIALIST REPUBLIC\nOF SRI LANKA\n",
         "Court of Appeal of the Democratic Socialist Republic of Sri Lanka"),
        ("Juez: Pablo C. Casas, titular del Juzgado Penal, Contravencional y de Faltas Nro. 10.\n",
         "Juzgado Penal, Contravencional y de Faltas Nro. 10"),
    ],
)
def test_court(text, court):
    found = caption.find_court(text, _secs(text), None)
    assert found and found[0].value == court
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize(
    "text, number",
    [
        ("EN BANC\nG.R. No. L-6881 October 12, 1911\n", "G.R. No. L-6881"),
        ("FIRST DIVISION\nG.R. Nos. 140067-71 August 29, 2002\n", "G.R. Nos. 140067-71"),
        ("DEPARTMENT\nMurder Reference No.82 of 2019 (The State versus Shazam Ali)\nCrl. Appeal No.26723-J of 2019\n",
         "Murder Reference No.82 of 2019"),
        ("Court of Appeal No: Democratic Socialist Republic of Sri Lanka\nCA/HCC/0404/18 COMPLAINANT\n", "CA/HCC/0404/18"),
        ("ACTA DE AUDIENCIA\nCausa Nº 31.972/18\nFecha: 22/12/2018\n", "Causa Nº 31.972/18"),
    ],
)
def test_case_number(text, number):
    found = caption.find_case_number(text, _secs(text))
    assert found and found[0].value == number


@pytest.mark.parametrize(
    "text, date",
    [
        ("EN BANC\nG.R. No. L-6881 October 12, 1911\nTHE UNITED STATES, plaintiff-appellee,\n", "1911-10-12"),
        ("JUDGMENT Date of hearing: 09.01.2023. Appellant by: Mrs. X, Advocate.\n", "2023-01-09"),
        ("Argued on : 02-11-2022, 24-11-2022\nDecided on : 30-01-2023\n", "2023-01-30"),
        ("FUNDAMENTOS CONDENA\nBuenos Aires, 7 de enero de 2022.\nANTECEDENTES\n", "2022-01-07"),
        ("ACTA DE AUDIENCIA\nCausa Nº 31.972/18\nFecha: 22/12/2018\nHora de inicio: 9:30\n", "2018-12-22"),
    ],
)
def test_decision_date(text, date):
    found = caption.find_decision_date(text, _secs(text), None)
    assert found and found[0].value == date


# --------------------------------------------------------------------------- defendants


@pytest.mark.parametrize(
    "text, names",
    [
        # ph-sc-lawphil__2000_GR-125903
        ("G.R. No. 125903 November 15, 2000\nPEOPLE OF THE PHILIPPINES,\nplaintiff-appellee,\nvs.\n"
         "ROMULO SAULO, AMELIA DE LA CRUZ, and CLODUALDO DE LA CRUZ,\naccused.\nROMULO SAULO,\naccused-appellant.\n",
         ["ROMULO SAULO", "AMELIA DE LA CRUZ", "CLODUALDO DE LA CRUZ"]),
        # ph-sc-lawphil__1941_GR-L-47813: "y" between two names separates them
        ("G.R. No. L-47813 November 18, 1941\nEL PUEBLO DE FILIPINAS, querellante y apelado,\nvs.\n"
         "SIMEON ANTONIO, ANSELMO DESARGO y FAUSTINO DIVINA, acusados y apelantes.\n",
         ["SIMEON ANTONIO", "ANSELMO DESARGO", "FAUSTINO DIVINA"]),
        # ph-sc-lawphil__1998_GR-128777: "y" before a single maternal surname belongs to the name
        ("PEOPLE OF THE PHILIPPINES, plaintiff-appellee,\nvs.\nERNESTO LARIN y BONDAD, accused-appellant.\n",
         ["ERNESTO LARIN y BONDAD"]),
        # pk-lhc__2020LHC4477
        ("Criminal Appeal No.1518 of 2014 (Mullazim Hussain etc. versus The State etc.)\nJUDGMENT\n",
         ["Mullazim Hussain"]),
        # ar-caba-aymurai__document-09
        ("AUDIENCIA DE JUICIO\nJuez: Pablo Cruz Casas.\nAcusado: JUAN CARLOS PEREZ, DNI 32.858.301\n",
         ["JUAN CARLOS PEREZ"]),
        # lk-sc-ca__2025-07-04: a flowed Sri Lankan caption, the role closing the party's sentence
        ("In the matter of an Appeal in terms of section 331(1) of the Code of Criminal Procedure Act\nNo.15 of 1979. "
         "Democratic Socialist Republic of Sri Lanka.\nComplainant Court of Appeal Case No.:\nCA HCC 0258/23\nVs.\n"
         "High Court of Colombo Case No.: HC 591/19 Kasthuri Arrachchige Tiyulin\nWickremarathna.\nAccused\n"
         "AND NOW BETWEEN Kasthuri Arrachchige Tiyulin Wickremarathna. Accused-Appellant\nVs. The Hon. Attorney "
         "General, Attorney Generals Department, Colombo 12. Respondent\n",
         ["Kasthuri Arrachchige Tiyulin Wickremarathna"]),
        # lk-sc-ca__2018-03-15: the party's occupation and address between the name and the role
        ("In the matter of an appeal in terms of Article 154 (3) (b) of the Constitution read with section 320\n"
         "(1) of the Code of Criminal Procedure Act No.15 of 1979. Mallawarachchige Kanishka\nGunawardhana, Licensee, "
         "Samasa Foreign Employment Agency, 89, 3rd Floor, Super Market,\nBorella, Colombo 08. Accused Appellant -Vs- "
         "1 H.K.Sumanasena, Manager (Acting), Special\nInvestigations Unit. 2. Hon. The Attorney General, Attorney "
         "General's Department\nColombo 12. Respondents\n",
         ["Mallawarachchige Kanishka Gunawardhana"]),
    ],
)
def test_defendants_from_captions(text, names):
    found = parties.find_defendants(text, _secs(text))
    assert [m.value for m in found] == names
    for m in found:
        assert text[m.start : m.end] == m.text


def test_caption_status_notes():
    # ph-sc-lawphil__2002_GR-130170
    text = ("PEOPLE OF THE PHILIPPINES, plaintiff-appellee,\nvs.\nROWENA ESLABON DIONISIO, JOSEFINA MALLARI y PENAFLOR "
            "(Acquitted) and DIANE\nDOBLE y MACATUMPAG (Acquitted), accused,\nROWENA ESLABON DIONISIO, accused-appellant.\n")
    found = {m.value: m.attrs["status"] for m in parties.find_defendants(text, _secs(text))}
    assert found == {"ROWENA ESLABON DIONISIO": None, "JOSEFINA MALLARI y PENAFLOR": "acquitted",
                     "DIANE\nDOBLE y MACATUMPAG".replace("\n", " "): "acquitted"}


# --------------------------------------------------------------------------- verdict cues and offences


@pytest.mark.parametrize(
    "text, value",
    [
        ("accused-appellants are ACQUITTED of the two (2) counts of estafa", "acquitted"),
        ("the appeal is hereby DENIED and the assailed Decision is AFFIRMED", "appeal_dismissed"),
        ("Crl. Appeal No. 77969-J of 2019 is allowed", "appeal_allowed"),
        ("1. ABSOLVER a JUAN CARLOS PEREZ", "acquitted"),
        ("2. CONDENAR a JUAN CARLOS PEREZ", "convicted"),
        ("Se confirma la sentencia con las costas.", "affirmed"),
        ("disponer su SOBRESEIMEINTO, en orden a los hechos", "dismissed"),
        ("to which they pleaded not guilty and claimed trial", None),
        # ph-sc-lawphil__1904_GR-1574: remand for execution closes the old reports, it is no retrial
        ("The case will be remanded to the trial court with a certified copy of this decision, and of the "
         "judgment to be entered in accordance therewith, for execution thereof.", None),
        ("the case is remanded to the trial court for a new trial", "unknown"),
        # lk-ca__2023-01-30 (Fonseka): "not guilty" acquits, unless it is a plea
        ("found the 2nd accused indicted not\nguilty to the charge", "acquitted"),
        ("the accused pleaded not guilty", None),
        ("In the sentencing order, the learned High Court Judge", None),
        # lk-sc-ca__2018-03-15: the order refusing the appeal is set aside, the conviction is not
        ("Accordingly, I set aside the order made by the learned High Court Judge on 28th\nJuly, 2014 in this "
         "matter and direct the learned High Court Judge to entertain the\nappeal of the Accused -Appellant", "appeal_reinstated"),
        ("I set aside the conviction of the appellant", "reversed"),
        ("The case is remanded to the trial court for further proceedings.", "unknown"),
    ],
)
def test_verdict_cues(text, value):
    found = verdicts.find_verdict_cues(text)
    assert (found[0].value if found else None) == value


@pytest.mark.parametrize(
    "text, offence, category",
    [
        ("of the crime of ILLEGAL RECRUITMENT IN LARGE SCALE (ART. 38(b)", "ILLEGAL RECRUITMENT IN LARGE SCALE", "forced_labour"),
        ("por el delito de incumplimiento de los deberes de asistencia familiar, en un contexto", "incumplimiento de los deberes de asistencia familiar", None),
        ("charged with the crime of white slave trade under Article 341", "white slave trade", "sexual_exploitation"),
        ("por el delito de trata de personas con fines de explotación laboral previsto en", "trata de personas con fines de explotación laboral", "trafficking"),
    ],
)
def test_offences_and_categories(text, offence, category):
    found = find_offences(text)
    assert found and found[0].value == offence
    assert category_from_words(found[0].value) == category


@pytest.mark.parametrize(
    "text, offences",
    [
        # Two known offences joined by "and" are two charges (Philippine appeals, dev corpus).
        ("guilty of the crimes of estafa and illegal recruitment committed by syndicate", ["estafa", "illegal recruitment"]),
        ("por el delito de trata de personas y estafa, previsto en", ["trata de personas", "estafa"]),
        # One offence whose name holds "and" stays one.
        ("charged with the crime of trafficking and exploitation of children under", ["trafficking and exploitation of children"]),
        ("of the crime of syndicated and large-scale illegal recruitment as charged", ["syndicated and large-scale illegal recruitment"]),
        # A modal verb ends the offence's name.
        ("A person who is convicted of illegal recruitment may, in addition", ["illegal recruitment"]),
        # "(co)autor(es) del X" names the offence (ph-sc-lawphil__1949_GR-L-1627 ramirez-tabbilos-vergara) …
        ("Los tres son coautores del asesinato.", ["asesinato"]),
        ("es autor penalmente responsable del delito de reducción a servidumbre, previsto", ["reducción a servidumbre"]),
        # … but "the facts" are no offence (ar-caba-aymurai__document-09: "autor penalmente responsable de los hechos")
        ("por considerarlo autor penalmente responsable de los hechos que tuvieron lugar", []),
        ("por ser autor del hecho que se calificó como amenazas coactivas", []),
        # corpus/bo-tsp__trata-explotacion-sexual: the offence, not "la comisión del delito de …"
        ("como autora de la comisión del delito de Trata de Personas, previsto", ["Trata de Personas"]),
    ],
)
def test_offence_phrases_split_only_into_known_offences(text, offences):
    assert [m.value for m in find_offences(text)] == offences
    assert all(text[m.start : m.end] == m.text for m in find_offences(text))


def test_co_authors_of_an_offence_are_charged_with_it():
    # ph-sc-lawphil__1949_GR-L-1627_pueblo-v-ramirez-tabbilos-vergara: the only naming of the offence
    text = ("G.R. No. L-1627 April 20, 1949\nEL PUEBLO DE FILIPINAS, querellante-apelado,\nvs.\nMAMERTO RAMIREZ, "
            "FELIPE TABBILOS y ELISEO VERGARA, acusados-apelantes.\nMORAN, J.:\nPor eso, ellos son tan culpables como "
            "Eliseo de la muerte de Rodolfo. Los tres son coautores del asesinato.\nSe confirma la sentencia apelada, "
            "con costas.\n")
    charges = {d.name.title(): [c.offence for c in d.charges] for d in _record(text, "es").defendants}
    assert charges == {n: ["asesinato"] for n in ("Mamerto Ramirez", "Felipe Tabbilos", "Eliseo Vergara")}, charges


def test_a_provision_goes_to_the_offence_named_before_it_in_its_sentence():
    text = ("G.R. No. 1 January 2, 2001. PEOPLE OF THE PHILIPPINES, plaintiff-appellee, vs. JUAN CRUZ, accused-appellant.\n\n"
            "A person who is convicted of illegal recruitment may, in addition, be convicted of estafa under "
            "Art. 315 (2) of the Revised Penal Code.\n\nWHEREFORE, accused-appellant JUAN CRUZ is found GUILTY of "
            "illegal recruitment in large scale and of estafa.")
    record = _record(text)
    charges = {c.offence: c for d in record.defendants for c in d.charges}
    estafa = next(c for o, c in charges.items() if o.lower().startswith("estafa"))
    assert estafa.statutes == ["PH:RPC:315"] and estafa.category == "other"
    recruitment = [c for o, c in charges.items() if "recruitment" in o.lower()]
    assert recruitment and all("PH:RPC:315" not in c.statutes and c.category == "forced_labour" for c in recruitment)


@pytest.mark.parametrize(
    "text, names",
    [
        # Liberia: party lines closed by dots and the role
        ("REPUBLIC OF LIBERIA, by and thru the County Attorney .......... PLAINTIFF\nVERSUS\n"
         "ALFRED KPADEH of Nimba County .......... DEFENDANT\nMARY JOHNSON of Nimba County .......... DEFENDANT\n",
         ["ALFRED KPADEH", "MARY JOHNSON"]),
        # Thailand (English translation): ordinal defendants
        ("Between the Public Prosecutor, Plaintiff\nMrs. Duangjai Chaiyaporn, First Defendant, Appellant\n"
         "Mr. Sombat Phanthong, Second Defendant, Appellant\nCharge: Trafficking in persons\n",
         ["Duangjai Chaiyaporn", "Sombat Phanthong"]),
        # Bolivia / Paraguay: "Ministerio Público c/ NAME", numbered list after "Son juzgados"
        ("SENTENCIA N° 10/2019\nMinisterio Público c/ Efraín Aruquipa Colque, por el delito de Trata\n"
         "Son juzgados en el presente proceso:\n\n1) EFRAÍN ARUQUIPA COLQUE, mayor de edad\n",
         ["Efraín Aruquipa Colque"]),
    ],
)
def test_defendants_in_atlas_country_captions(text, names):
    found = parties.find_defendants(text, _secs(text))
    assert [m.value for m in found] == names
    assert all(m.attrs["role"] == "defendant" for m in found)


CHOA_CHI_CO = """G.R. No. 1574 April 13, 1904
THE UNITED STATES, complainant-appelle,
vs.
CHOA CHI CO, defendant-appellant.
TORRES, J.:
February 16, 1903, one of the deputy prosecuting attorneys of the city of Manila filed an
information in the Court of First Instance charging Espiridion Yandon, Tan Chan Chang, Choa
Chi Co, Chong Quah Co, Lim Tan Co, Uy Bunta, Ny Chin, Lucia Alcantara, Placida Flores,
Juana Villara, and Patricia Yanda with the crime of vagrancy.

The accused pleaded not guilty. Upon the evidence introduced at the trial the court below on
February 20, 1903, condemned Lucia Alcantara to one year's imprisonment at hard labor in
Bilibid Prison; Espiridion Yandon to ten months' imprisonment; the Chinamen, Tan Chan
Chang, Choa Chi Co, Chong Quah Co, Lim Tan Co, Uy Bunta, Ny Chin, and the women,
Patricia Yandan and Placida Flores, to six months' imprisonment, and Juana Villara to one
month's imprisonment in the same prison. The Chinaman Choa Chi Co appealed, but
the judgment of the Court of First Instance became final as to the other accused.

For the reason stated, it is our opinion that the judgment of the court below must be reversed
with respect to the appellant, Choa Chi Co, and that he be acquitted with one-tenth of the
costs of both instance de oficio . The case will be remanded to the trial court with a certified
copy of this decision, and of the judgment to be entered in accordance therewith, for
execution thereof. So ordered.

Arellano, C. J., Cooper, Mapa and McDonough, JJ., concur.
"""


def test_distributive_sentence_gives_each_accused_their_own_term_and_verdict():
    # ph-sc-lawphil__1904_GR-1574_us-v-choa-chi-co: a serial-comma list of eleven accused, names of
    # three short words ("Lim Tan Co"), terms handed out in one sentence, one appellant acquitted
    text = CHOA_CHI_CO
    record = _record(text)
    got = {d.name.title(): (d.verdict, d.sentence.imprisonment_months) for d in record.defendants}
    assert got == {
        "Choa Chi Co": ("acquitted", None),
        "Espiridion Yandon": ("convicted", 10.0),
        "Tan Chan Chang": ("convicted", 6.0),
        "Chong Quah Co": ("convicted", 6.0),
        "Lim Tan Co": ("convicted", 6.0),
        "Uy Bunta": ("convicted", 6.0),
        "Ny Chin": ("convicted", 6.0),
        "Lucia Alcantara": ("convicted", 12.0),
        "Placida Flores": ("convicted", 6.0),
        "Juana Villara": ("convicted", 1.0),
        "Patricia Yanda": ("convicted", 6.0),
    }


def test_a_verdict_whose_subject_is_another_accused_is_not_this_one_s():
    # lk-ca__2023-01-30 (Fonseka): the wife was acquitted at trial; a later sentence says the
    # appellant "was found guilty" before naming her
    text = ("Court of Appeal No: CA/HCC/0404/18 COMPLAINANT\nVs.\n1.Wanniarachchige Sunil Fonseka alias Ajith\n"
            "2.Korale Hewage Dayawathi\nACCUSED\nAND NOW BETWEEN\n1.Wanniarachchige Sunil Fonseka alias Ajith\n"
            "1st ACCUSED-APPELLANT\nVs.\nThe Attorney General,\nRESPONDENT\n\nSampath B Abayakoon, J.\n"
            "After trial, the learned High Court Judge found the 2nd accused indicted not\nguilty to the charge and "
            "she was acquitted accordingly.\n"
            "In the sentencing order, the learned High Court Judge has considered that although the appellant was\n"
            "found guilty, the way the appellant and his wife, the 2nd accused indicted, has\ntreated the minor "
            "on other occasions as relevant.\n"
            "For the reasons as stated above, I set aside the conviction of the appellant on the charge of cruelty "
            "in terms of section 308A (1) of the Penal Code. Accordingly, I convict the appellant for the offence "
            "of voluntarily causing hurt in terms of section 314 of the Penal Code. I sentence him for a term of "
            "three months rigorous imprisonment.\nThe appeal is partly allowed to the above extent.\n")
    record = _record(text)
    got = {d.name: (d.verdict, d.sentence.imprisonment_months) for d in record.defendants}
    assert got == {"Wanniarachchige Sunil Fonseka": ("convicted", 3.0), "Korale Hewage Dayawathi": ("acquitted", None)}


def test_a_proclaimed_offender_noted_after_a_later_mention_is_undecided():
    # pk-lhc__2024LHC4466_abdul-basit-v-state: "Mst. Haseena Bibi (since PO)" in the facts, not the caption
    text = ("Criminal Appeal No.1 of 2020 (Abdul Basit versus The State)\nJUDGMENT\n"
            "The prosecution case is that the accused/appellant along with Mst. Haseena Bibi, co-accused, took the "
            "victim away. The accused/appellant and Mst. Haseena Bibi (since PO) used to visit her parents.\n"
            "For the above reasons, the appeal is dismissed and the conviction and sentence of the accused are "
            "maintained.\n")
    got = {d.name.replace("Mst. ", ""): d.verdict for d in _record(text).defendants}
    assert got == {"Abdul Basit": "convicted", "Haseena Bibi": "unknown"}, got


def test_setting_aside_an_order_acquits_only_the_convicted():
    # ph-sc-lawphil__2000_GR-129670_lavides-v-ca: a bail case; the Court of Appeals' decision on the
    # bail conditions is set aside, nobody has been convicted
    bail = ("G.R. No. 129670 February 1, 2000\nMANOLET O. LAVIDES, petitioner,\nvs.\nCOURT OF APPEALS and PEOPLE "
            "OF THE PHILIPPINES, respondents.\nMENDOZA, J.:\nThe trial court granted petitioner bail on conditions "
            "imposed in its order. When arraigned he pleaded not guilty to each offense.\n"
            "WHEREFORE, the decision of the Court of Appeals is SET ASIDE and another one is RENDERED declaring the "
            "orders of the Regional Trial Court to be valid.\nSO ORDERED.\n")
    assert [d.verdict for d in _record(bail).defendants] == ["unknown"]
    convicted = bail.replace("When arraigned he pleaded not guilty to each offense.",
                             "The trial court found him guilty and sentenced him to reclusion perpetua.")
    assert [d.verdict for d in _record(convicted).defendants] == ["acquitted"]


@pytest.mark.parametrize(
    "text, name, verdict",
    [
        # pk-lhc__2023LHC124_state-v-shazam-ali: named once, vouched for by the status note
        ("Criminal Appeal No.1 of 2018 (The State versus Shazam Ali)\nJUDGMENT\nThe appellant Shazam Ali, "
         "his co-accused Ghulam Murtaza (since acquitted), and an unknown accused, in furtherance of their common "
         "intention, committed the murder. The appellant Shazam Ali was convicted.\nFor the above reasons, the "
         "appeal of Shazam Ali is dismissed.\n", "Ghulam Murtaza", "acquitted"),
        # ph-sc-lawphil__2003_GR-123146: "the following information was filed against X and appellants"
        ("G.R. No. 1 June 17, 2003\nPEOPLE OF THE PHILIPPINES, Appellee,\nvs.\nALONA BULI-E, Appellant.\n"
         "YNARES-SANTIAGO, J.:\nOn March 16, 1993, the following information was filed against Pedro Santos and "
         "appellant Alona Buli-e for illegal recruitment. Pedro Santos remains at large.\nWHEREFORE, the decision "
         "finding appellant guilty is AFFIRMED.\nSO ORDERED.\n", "Pedro Santos", "unknown"),
    ],
)
def test_co_accused_named_in_the_body(text, name, verdict):
    got = {d.name: d.verdict for d in _record(text).defendants}
    assert got.get(name) == verdict, got


def test_names_listed_apart_are_two_people_however_alike():
    # ph-sc-lawphil__2003_GR-123146_people-v-buli-e-and-alolino
    text = ("G.R. No. 123146 June 17, 2003\nPEOPLE OF THE PHILIPPINES, Appellee,\nvs.\nALONA BULI-E and JOSEFINA "
            "(JOSIE) ALOLINO, Appellants.\nYNARES-SANTIAGO, J.:\nOn March 16, 1993, the following information was "
            "filed against Jose Alolino and appellants,\nAlona Buli-e and Josefina Alolino: That the accused "
            "recruited workers. Josefina Alolino received the money.\n")
    found = parties.find_defendants(text, _secs(text))
    names = sorted(m.value.title() for m in found)
    assert names == ["Alona Buli-E", "Jose Alolino", "Josefina (Josie) Alolino"], names
    josefina = next(m for m in found if m.value.upper().startswith("JOSEFINA"))
    assert len(josefina.attrs["mentions"]) >= 2  # the later "Josefina Alolino" mentions are hers


@pytest.mark.parametrize(
    "text, names",
    [
        pytest.param(
            "G.R. No. L-1095 July 31, 1947\nEL PUEBLO DE FILIPINAS, querellante-apelado,\nvs.\nSALVADOR GALLETO, ROLLY "
            "MAGBANUA y\nERNESTO MAGBANUA, acusados-apelantes.\nPABLO, J. :\nEs una apelacion interpuesta por los "
            "acusados contra una sentencia que condeno a Salvador Galleto y Rolly Magbanua.\nLos hechos: Potenciano "
            "Magbanua, acusado por Isaac Galido del robo de un carabao, invito a sus sobrinos. Potenciano ordeno a Julio "
            "y Rolly que amarrasen a Isaac; los acusados Salvador y Julio Galleto le siguieron.\nPotenciano Magbanua no "
            "esta acusado porque se\nhabia suicidado. Julio Galleto\ntampoco fue acusado porque fue utilizado como\n"
            "testigo de la acusacion.\n",
            ["Ernesto Magbanua", "Rolly Magbanua", "Salvador Galleto"],
            id="said-not-accused (ph 1947 L-1095 galleto-magbanua)",
        ),
        pytest.param(
            "JUDGMENT SHEET IN THE LAHORE HIGH COURT, LAHORE\n\nCriminal Appeal No. 77969-J of 2019. (Usama Ali. Versus "
            "The State)\n\nCriminal Revision No. 62123 of 2019. (Muhammad Aslam\n\nVersus The State & another)\n\n"
            "J U D G M E N T\nUsama Ali accused/ appellant was tried and convicted. Rabbi Umais sought permission from "
            "his father Muhammad Aslam, complainant PW-1, to go out.\n",
            ["Usama Ali"],
            id="revision-title-party-is-the-complainant (pk 2024LHC6062 muhammad-aslam)",
        ),
        pytest.param(
            "G.R. No. L-1003 October 27, 1947\nEL PUEBLO DE FILIPINAS, querellante-apelado,\nvs.\nFRANCISCO BUHAY Y "
            "OTROS, acusados. FEDERICO BASCO, apelante.\nPABLO, J.:\nPor este infausto acontecimiento Fermin Aguilar, "
            "Federico Basco, Francisco Buhay Alejandro Arsenias\nfueron querellados por el Fiscal Provincial de "
            "Pangasinan por el delito de asesinato. Despues de la vista correspondiente, el Juez de Primera Instancia "
            "del Distrito absolvio a Alejandro Arsenias y\ncondeno a Federico Basco a la pena de reclusion perpetua.\n",
            ["Alejandro Arsenias", "Federico Basco", "Fermin Aguilar", "Francisco Buhay"],
            id="list-before-charge-verb-and-absolvio-a (ph 1947 L-1003 buhay-basco)",
        ),
        pytest.param(
            "SENTENCIA DEFINITIVA N° 333\nCausa: MINISTERIO PUBLICO C/ OSCAR DANIEL AYALA S/ TRATA DE PERSONAS\nSon "
            "juzgados en el presente proceso:\n1) OSCAR DANIEL AYALA, paraguayo.\nLa Ley N° 4788/12 Integral contra la "
            "Trata de Personas, Explotación Sexual de Niños, Niñas y Adolescentes.\n",
            ["Oscar Daniel Ayala"],
            id="a-trafficking-law-is-no-person (corpus py-ts trata-exterior-escaneada)",
        ),
    ],
)
def test_who_the_judgment_says_was_accused(text, names):
    found = sorted(m.value.title() for m in parties.find_defendants(text, _secs(text)))
    assert found == names


@pytest.mark.parametrize("after", [" was not charged with the offence", " were never indicted", " has not been charged",
                                   ", who has not been included in the information,"])
def test_not_accused_in_english(after):
    text = ("PEOPLE OF THE PHILIPPINES, plaintiff-appellee,\nvs.\nJUAN DELA CRUZ, accused-appellant.\n"
            "The accused Juan Dela Cruz and Pedro Santos recruited the workers. The accused Pedro Santos"
            f"{after}.\n")
    names = [m.value.title() for m in parties.find_defendants(text, _secs(text))]
    if "included" in after:
        assert "Pedro Santos" in names  # a relative clause about the information is not read as a denial
    else:
        assert names == ["Juan Dela Cruz"], names


def test_a_minor_found_guilty_whose_proceedings_are_suspended_is_unknown():
    # ph-sc-lawphil__1947_GR-L-1003_pueblo-v-buhay-basco; ANNOTATION.md: suspended proceedings give unknown
    text = ("G.R. No. L-1003 October 27, 1947\nEL PUEBLO DE FILIPINAS, querellante-apelado,\nvs.\nFRANCISCO BUHAY "
            "Y OTROS, acusados. FEDERICO BASCO, apelante.\nPABLO, J.:\nFermin Aguilar, Federico Basco y Francisco "
            "Buhay fueron querellados por el delito de asesinato. El Juez absolvio a Francisco Buhay y condeno a "
            "Federico Basco a la pena de reclusion perpetua. Fermin Aguilar fue hallado culpable pero como en la "
            "fecha de la comision del delito solo tenia 17 años se suspendio el proceso en cuanto a el y el Juzgado "
            "ordeno su remision al Reformatorio de Niños.\nSe confirma la sentencia apelada, con costas.\n")
    got = {d.name.title(): d.verdict for d in _record(text, "es").defendants}
    assert got == {"Francisco Buhay": "acquitted", "Federico Basco": "convicted", "Fermin Aguilar": "unknown"}, got


def test_a_quoted_alias_and_a_relative_clause_before_the_charge_verb():
    # ph-sc-lawphil__2002_GR-130170_people-v-dionisio-mallari
    text = ("G.R. No. 130170 March 1, 2002\nPEOPLE OF THE PHILIPPINES, plaintiff-appellee,\nvs.\nROWENA ESLABON "
            "DIONISIO, accused-appellant.\nQUISUMBING, J.:\nThus, on November 11, 1991, Dionisio, Mallari, Doble and "
            "one Jane Doe alias \"Cora Molar\",\nwhose real identity was not established, were charged before Branch 94 "
            "of the Regional Trial\nCourt of Quezon City for large scale illegal recruitment. \"Cora Molar\" had "
            "absconded and remained at large.\n")
    got = {d.name: d.verdict for d in _record(text).defendants}
    assert got.get("Cora Molar") == "unknown", got


def test_the_person_a_case_is_against_is_accused_whoever_else_they_are():
    # pk-lhc__2023LHC2862_rukhsana-bibi-v-federation: the wife's writ petition for the accused abroad
    text = ("LAHORE HIGH COURT LAHORE JUDICIAL DEPARTMENT\nCase No. W. P. No.33181 of 2023\nRukhsana Bibi\nVs. "
            "Federation of Pakistan, etc.\n2. The petitioner is wife of Shahid Mahmood against whom a case FIR No.347 "
            "dated\n11.06.2018 under section 22 of Emigration Ordinance, 1979 at Police Station FIA, Faisalabad\nwas "
            "registered. The complainant is the son of Ahmad Ali.\n")
    names = [m.value for m in parties.find_defendants(text, _secs(text))]
    assert "Shahid Mahmood" in names and "Ahmad Ali" not in names, names


def test_a_hearing_called_for_release_that_convicts_is_a_judgment():
    # ar-caba-aymurai__document-07: "Tipo de audiencia: audiencia de excarcelacion" ending in "CONDENAR a …"
    head = ("ACTA DE AUDIENCIA\n\nCausa Nº 31.972/18\n\nFecha: 22/12/2018\n\nTipo de audiencia: audiencia de "
            "excarcelacion (art. 186 del Código Procesal Penal)\n\nAcusado: MARCELO GONZALEZ\n\nEscuchadas las partes.\n\n")
    judgment = head + ("En consecuencia, RESUELVE:\n\nI. CONDENAR a MARCELO GONZALEZ a la pena de TRES (3) AÑOS DE "
                       "PRISIÓN EN SUSPENSO.\n")
    release = head + "En consecuencia, RESUELVE:\n\nI. CONCEDER la excarcelación de MARCELO GONZALEZ bajo caución juratoria.\n"
    record = _record(judgment, "es")
    assert record.document.doc_type == "judgment"
    assert [(d.verdict, d.sentence.imprisonment_months) for d in record.defendants] == [("convicted", 36.0)]
    assert _record(release, "es").document.doc_type == "order"


def test_a_trial_life_sentence_the_appeal_leaves_alone_outweighs_the_terms_it_reduces():
    # ph-sc-lawphil__2001_GR-125081_people-v-pascua-et-al: life for large-scale illegal recruitment
    # (quoted, "described and penalized under Sec. 13 (b)"), the estafa terms reduced on appeal
    text = ("G.R. No. 125081 May 7, 2001\nPEOPLE OF THE PHILIPPINES, plaintiff-appellee,\nvs.\nAURORA SOLIVEN, "
            "accused-appellant.\nMELO, J.:\nThis is an appeal by accused-appellant Aurora Soliven from the Decision of "
            "the Regional Trial Court. The dispositive portion of the decision reads, as follows:\n"
            "\"WHEREFORE, finding the accused Aurora Soliven guilty beyond reasonable doubt of the crime of illegal "
            "recruitment on large scale described and penalized under Sec. 13 (b) in relation to Sec. 39 of the "
            "Labor Code, she is hereby sentenced to suffer life imprisonment and to pay a fine of P100,000.00.\n"
            "\"Likewise, the court also finds the accused Aurora Soliven guilty of estafa and sentences her to "
            "suffer imprisonment of 8 years and 1 day of prision mayor, to 12 years and 1 day of reclusion temporal "
            "each.\nSO ORDERED.\"\nWe agree with the trial court.\n"
            "WHEREFORE, the Decision is AFFIRMED, except as to the penalties imposed in the three cases which are "
            "reduced, as stated below. As modified, accused-appellant AURORA SOLIVEN is thus sentenced to suffer an "
            "indeterminate penalty ranging from four (4) years and two (2) months of prision correccional, as "
            "minimum, to seven (7) years and four (4) months of prision mayor, as maximum.\nSO ORDERED.\n")
    [soliven] = _record(text).defendants
    assert soliven.verdict == "convicted" and soliven.sentence.life and soliven.sentence.imprisonment_months is None


def test_a_restated_term_stands_when_the_trial_court_gave_no_life_sentence():
    text = ("G.R. No. 1 May 7, 2001\nPEOPLE OF THE PHILIPPINES, plaintiff-appellee,\nvs.\nJUAN CRUZ, "
            "accused-appellant.\nMELO, J.:\nThe trial court sentenced the accused Juan Cruz to suffer imprisonment of "
            "8 years and 1 day of prision mayor for estafa.\n"
            "WHEREFORE, the Decision is AFFIRMED, except as to the penalty, which is reduced: accused-appellant "
            "JUAN CRUZ is sentenced to suffer four (4) years of prision correccional.\nSO ORDERED.\n")
    [cruz] = _record(text).defendants
    assert not cruz.sentence.life and cruz.sentence.imprisonment_months == 48.0
