"""The evaluation's matching rules, table by table."""

from __future__ import annotations

import pytest

from atlas_courts.evaluate.scoring import (
    Counts,
    case_numbers_match,
    courts_match,
    match_defendants,
    score_record,
)


@pytest.mark.parametrize(
    "pred, gold, same",
    [
        ("G.R. Nos. 140067-71", "G.R. No. 140067", True),  # ANNOTATION.md: joined numbers, the first
        ("G.R. No. 140067-71", "G.R. Nos. 140067-71", True),
        ("Causa Nº 31.972/18", "Causa N° 31.972/18", True),
        ("Criminal Appeal No.1518 of 2014", "Criminal Appeal No. 1518 of 2014", True),
        ("Crl. Appeal No. 243-J of 2023", "Criminal Appeal No. 243-J of 2023", True),
        ("G.R. No. L-1710 and L-1711", "G.R. No. L-1710", True),
        ("G.R. No. L-1710", "G.R. No. L-1711", False),
        ("Criminal Appeal No.1518 of 2014", "Criminal Appeal No.1518 of 2015", False),
        (None, "G.R. No. 1", False),
    ],
)
def test_case_numbers_match(pred, gold, same):
    assert case_numbers_match(pred, gold) is same


@pytest.mark.parametrize(
    "pred, gold, same",
    [
        ("Lahore High Court, Lahore", "Lahore High Court, Lahore", True),
        ("Juzgado Penal Contravencional y de Faltas Nro. 10", "Juzgado Penal, Contravencional y de Faltas N° 10", True),
        ("Supreme Court of the Philippines", "Supreme Court of the Philippines, First Division", False),
        ("Lahore High Court, Multan Bench", "Lahore High Court, Lahore", False),
        (None, "Lahore High Court", False),
    ],
)
def test_courts_match(pred, gold, same):
    assert courts_match(pred, gold) is same


def test_defendants_pair_by_name_tokens_one_to_one():
    pred = [{"name": "ROWENA ESLABON DIONISIO"}, {"name": "Dionisio"}, {"name": "Alvin Amployo"}]
    gold = [{"name": "Rowena Eslabon Dionisio"}, {"name": "ALVIN AMPLOYO y EBALADA"}, {"name": "Someone Else"}]
    assert match_defendants(pred, gold) == {0: 0, 2: 1}


def _record(**kw):
    base = {"case": {}, "document": {}, "defendants": [], "statutes_cited": [], "events": [], "victims": {}}
    base.update(kw)
    return base


def test_score_record_counts_each_field():
    gold = _record(
        case={"court": "Lahore High Court, Lahore", "case_number": "Criminal Appeal No.1 of 2020", "decision_date": "2020-01-02"},
        defendants=[
            {"name": "Abdul Basit", "verdict": "convicted", "sentence": {"life": True}, "charges": [{"category": "other", "statutes": ["PK:PPC:302"]}]},
            {"name": "Haseena Bibi", "verdict": "unknown", "sentence": {}, "charges": []},
        ],
        statutes_cited=[{"id": "PK:PPC:302"}, {"id": "PK:CRPC:382b"}],
        events=[{"type": "judgment", "date": "2019-03-29"}],
    )
    pred = _record(
        case={"court": "Lahore High Court, Multan Bench", "case_number": "Criminal Appeal No. 1 of 2020", "decision_date": "2020-01-03"},
        defendants=[{"name": "ABDUL BASIT", "verdict": "convicted", "sentence": {"imprisonment_months": 300}, "charges": [{"category": "other", "statutes": ["PK:PPC:302"]}]}],
        statutes_cited=[{"id": "PK:PPC:302"}, {"id": "PK:PPC:34"}],
        events=[{"type": "judgment", "date": "2019-03-29"}, {"type": "arrest", "date": "2018-01-01"}],
    )
    s = {k: v[0] for k, v in score_record(pred, gold).items()}
    assert (s["court"].tp, s["court"].fp, s["court"].fn) == (0, 1, 1)
    assert (s["case_number"].tp,) == (1,)
    assert (s["decision_date"].tp, s["decision_date"].fp, s["decision_date"].fn) == (0, 1, 1)
    assert (s["defendants"].tp, s["defendants"].fp, s["defendants"].fn) == (1, 0, 1)
    assert (s["verdict"].tp, s["verdict"].fn) == (1, 1)
    assert (s["imprisonment"].tp, s["imprisonment"].fp, s["imprisonment"].fn) == (0, 1, 1)  # 300 months is not life
    assert (s["statutes"].tp, s["statutes"].fp, s["statutes"].fn) == (1, 1, 1)
    assert (s["events"].tp, s["events"].fp, s["events"].fn) == (1, 1, 0)
    assert (s["charge_category"].tp,) == (1,)


def test_counts_f1():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == 0.75 and c.recall == 0.6
    assert round(c.f1, 4) == round(2 * 0.75 * 0.6 / 1.35, 4)
    assert Counts().f1 is None
