"""Stage durations and name handling: table-driven cases."""

from __future__ import annotations

import pytest

from atlas_courts.publish.durations import DurationCounts, precision, stage_durations
from atlas_courts.publish.names import PERSON, VICTIM, Redactor, initials


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2019-03-14", "day"),
        ("2019-03", "month"),
        ("2019", "year"),
        ("2019-02-30", None),  # no such day
        ("2019-13", None),
        ("14/03/2019", None),
        ("", None),
        (None, None),
    ],
)
def test_precision(date, expected) -> None:
    assert precision(date) == expected


def durations(events):
    counts = DurationCounts()
    out = {d.stage: (d.to_event, d.days) for d in stage_durations(events, counts)}
    return out, (counts.measured, counts.impossible, counts.imprecise)


@pytest.mark.parametrize(
    "events, expected, counts",
    [
        # The earliest day-precision date of a type is used.
        ([("complaint", "2020-01-01"), ("arrest", "2020-01-20"), ("arrest", "2020-01-05")],
         {"complaint_to_arrest": ("arrest", 4)}, (1, 0, 0)),
        # Same day: zero days is a duration.
        ([("complaint", "2020-01-01"), ("arrest", "2020-01-01")], {"complaint_to_arrest": ("arrest", 0)}, (1, 0, 0)),
        # Negative: excluded and counted.
        ([("complaint", "2020-01-10"), ("arrest", "2020-01-01")], {}, (0, 1, 0)),
        # A month-precision end: skipped and counted.
        ([("complaint", "2020-01-10"), ("arrest", "2020-02")], {}, (0, 0, 1)),
        # A day date beside a month date of the same type: the day date is used.
        ([("complaint", "2020-01-10"), ("arrest", "2020-02"), ("arrest", "2020-03-01")],
         {"complaint_to_arrest": ("arrest", 51)}, (1, 0, 0)),
        # No trial_start: indictment -> arraignment.
        ([("indictment", "2020-01-01"), ("arraignment", "2020-01-31")],
         {"indictment_to_trial": ("arraignment", 30)}, (1, 0, 0)),
        # trial_start known only to the month: skipped, not replaced by the arraignment.
        ([("indictment", "2020-01-01"), ("arraignment", "2020-01-31"), ("trial_start", "2020-03")], {}, (0, 0, 1)),
        # A stage the case never reached is not counted anywhere.
        ([("judgment", "2020-01-01")], {}, (0, 0, 0)),
        # Impossible dates count as imprecise.
        ([("offence", "2019-02-30"), ("judgment", "2020-01-01")], {}, (0, 0, 1)),
        ([("offence", "2018-06-01"), ("judgment", "2020-01-01"), ("appeal_decision", "2021-01-01")],
         {"offence_to_judgment": ("judgment", 579), "judgment_to_appeal_decision": ("appeal_decision", 366)}, (2, 0, 0)),
    ],
)
def test_stage_durations(events, expected, counts) -> None:
    assert durations(events) == (expected, counts)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Juan Carlos Gomez", "J. C. G."),
        ("JUAN CARLOS GÓMEZ", "J. C. G."),
        ("J. P. G.", "J. P. G."),
        ("Juan de la Cruz", "J. C."),
        ("juan gomez", "J. G."),
        ("Patrick O'Brien", "P. O."),
        ("สมชาย ใจดี", "ส. ใ."),
        ("  ", None),
        (None, None),
    ],
)
def test_initials(name, expected) -> None:
    assert initials(name) == expected


def test_redactor() -> None:
    r = Redactor([("Maria Lopez", VICTIM), ("Juan Carlos Gomez", "J. C. G."), ("Gomez, Juan Carlos", "J. C. G."),
                  ("Ana", PERSON), ("Li", PERSON)])
    text = "trata de MARIA\nLOPEZ por GOMEZ, Juan Carlos y Juan Carlos Gomez; Mariana Lopezz; Anabel; Li"
    assert r(text) == "trata de [victim] por J. C. G. y J. C. G.; Mariana Lopezz; Anabel; Li"
    assert r.count == 3
    assert r(None) is None
    # A name that is both a victim's and another person's is treated as a victim's.
    assert Redactor([("Rosa Diaz", PERSON), ("rosa diaz", VICTIM)])("Rosa Diaz") == VICTIM
