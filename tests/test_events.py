"""Typed procedural events: table tests on real phrasings (source judgments named)."""

from __future__ import annotations

import pytest

from atlas_courts.extract import extract
from atlas_courts.records import Document, Page
from atlas_courts.resolve import dates, resolve


def _events(text: str, lang: str) -> set[tuple[str, str]]:
    document = Document(sha256="4" * 64, file="t.txt", path="", media_type="txt",
                        pages=[Page(number=1, text=text, raw_text=text)], language=lang)
    return {(e.type, e.date) for e in resolve(extract(document)).events}


SENTENCIA = "Buenos Aires, 7 de enero de 2022.\n\nSENTENCIA\n\n"
SUPREME = "IN THE SUPREME COURT\n\nDecided on: 14.12.2020\n\nJUDGMENT\n\n"


@pytest.mark.parametrize(
    "text, lang, present, absent",
    [
        # ar-caba-aymurai__document-04: the hour of the day marks the narrative of the crime
        (SENTENCIA + "El 15 de marzo de 2020, alrededor de las 23:00 horas, mientras se encontraba en una reunión "
         "se puso agresivo con su pareja.\n", "es", {("offence", "2020-03-15")}, set()),
        # ar-caba-aymurai__document-01: the private prosecutor ("querellante", "querella") files no complaint
        # on the dates of the period she accuses; a period's last date is no step at all
        (SENTENCIA + "Al inicio del debate la letrada de la querellante adelantó que había decidido ampliar el "
         "período respecto de la adolescente hasta el mes de marzo del 2021, fecha en la que cumplió la mayoría "
         "de edad. GOMEZ debe responder por el plazo acusado por la querella, esto es desde octubre de 2016 "
         "hasta el 28 de diciembre de 2021.\n", "es", set(),
         {("complaint", "2021-03"), ("complaint", "2016-10"), ("trial_start", "2021-03")}),
        # ar-caba-aymurai__document-02: "del corriente año" is the year of writing
        ("Buenos Aires, 12 de julio de 2022.\n\nSENTENCIA\n\nCon fecha 23 de mayo del corriente año, alrededor "
         "de las 14:00 horas, el imputado la amenazó.\n", "es", {("offence", "2022-05-23")}, set()),
        # ar-caba-aymurai__document-09: a trial hearing's record is dated by its heading
        ("AUDIENCIA DE JUICIO\n\n(Art. 225 CPP)\n\nFecha: 18 de octubre de 2022\n\nHorario de inicio: 10:00 horas\n\n"
         "Juez: dicta sentencia.\n", "es", {("trial_start", "2022-10-18")}, set()),
        # ar-caba-aymurai__document-04: a Supreme Court ruling cited by its Fallos volume is no offence
        (SENTENCIA + "Los hechos ocurridos el día 15 de marzo de 2020. Criterio de la CSJN \"Incidente de "
         "prescripción Cerámica San Lorenzo\" resuelta 4/07/1985 (307:1094).\n", "es",
         {("offence", "2020-03-15")}, {("offence", "1985-07-04")}),
        # ph-sc-lawphil__2002_GR-141221-36: several counts, the offence's first date is the one listed
        ("G.R. No. 1 June 3, 2002\n\nThe informations against the accused read as follows.\n\nThat on or about the 26th day of June, 1992, the accused raped AAA. "
         "That on or about the 12th day of July, 1992, the accused raped AAA.\n", "en",
         {("offence", "1992-06-26")}, {("offence", "1992-07-12")}),
        # lk-sc-ca__2020-12-14-SC-APPEAL-154-2014: the Court of Appeal named as the subject of the disposal,
        # and as the author of "its judgment dated" the date, decided the appeal
        (SUPREME + "By judgement dated 9th November 2012, the Appellant had been convicted by the High Court. The "
         "Accused-Appellant appealed to the Court of Appeal. By judgment dated 17th January 2014, the\nCourt of "
         "Appeal dismissed the appeal and affirmed the conviction.\n", "en",
         {("appeal_decision", "2014-01-17"), ("judgment", "2012-11-09")}, {("judgment", "2014-01-17")}),
        (SUPREME + "The trial court convicted the accused. The Court\n18\nof Appeal by its judgment dated 17-01-2014, "
         "dismissed the appeal.\n", "en", {("appeal_decision", "2014-01-17")}, {("judgment", "2014-01-17")}),
        # ph-sc-lawphil__2007_GR-147913_navarrete-v-people: "… resolution of the Court of Appeals"
        (SUPREME + "This petition for review on certiorari 1 assails the September 29, 2000 decision 2 and May 4,\n2001 "
         "resolution 3 of the Court of Appeals (CA) in CA-G.R. CR No. 20531 which affirmed the\nJanuary 16, 1997 "
         "decision of the Regional Trial Court (RTC).\n", "en",
         {("appeal_decision", "2001-05-04"), ("judgment", "1997-01-16")}, {("appeal_decision", "1997-01-16")}),
        # … but a trial judgment appealed to that court stays the trial court's
        (SUPREME + "The judgment dated March 3, 2010 of the Regional Trial Court was appealed to the Court of Appeals.\n",
         "en", {("judgment", "2010-03-03")}, {("appeal_decision", "2010-03-03")}),
    ],
)
def test_event_types(text, lang, present, absent):
    found = _events(text, lang)
    assert present <= found, found
    assert not (absent & found), found


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("nacido el 4 de julio de 1985. Con fecha 23 de mayo del corriente año. Buenos Aires, 10 de junio del 2022",
         "es", "2022-05-23"),
        ("On 3 May 2019 he came back. On the 4th of June of this year he left.", "en", "2019-06-04"),
    ],
)
def test_a_date_of_the_current_year_takes_the_latest_year_named(text, lang, value):
    found = [d for d in dates.find_dates(text, lang) if "corriente" in d.text or "this year" in d.text]
    assert [d.value for d in found] == [value]


def test_whatever_typed_them_a_document_keeps_one_offence_date_and_no_period_end():
    # the hybrid's classifier events go through the same document-level rules as the rules' own
    from atlas_courts.extract.events import consolidate
    from atlas_courts.records import Mention

    text = "desde octubre de 2016 hasta el 28 de diciembre de 2021. El 3 de mayo de 2017 la golpeó. Denuncia del 4 de mayo de 2017."

    def event(phrase: str, etype: str, date: str) -> Mention:
        start = text.index(phrase)
        return Mention("EVENT", start, start + len(phrase), phrase, value={"type": etype, "date": date},
                       method="model:events.test")

    events = [event("octubre de 2016", "offence", "2016-10"), event("28 de diciembre de 2021", "trial_start", "2021-12-28"),
              event("3 de mayo de 2017", "offence", "2017-05-03"), event("4 de mayo de 2017", "complaint", "2017-05-04")]
    kept = {(e.value["type"], e.value["date"]) for e in consolidate(text, events)}
    assert kept == {("offence", "2016-10"), ("complaint", "2017-05-04")}
    # a period's first date is only ever the offence
    assert consolidate(text, [event("octubre de 2016", "complaint", "2016-10")]) == []
