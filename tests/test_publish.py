"""publish: public.db holds only the allow-list, names stay out, Datasette serves it."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from datasette.app import Datasette
from tests.test_store_factories import CATALOG, CO_DEFENDANT, DEFENDANT, VERSIONS, VICTIM, ChargeSpec, DefendantSpec, make_case

from atlas_courts.errors import StoreError, UsageError
from atlas_courts.publish import SETTINGS, metadata, metadata_path, publish, serve_command
from atlas_courts.publish.names import initials
from atlas_courts.store import load_catalog, open_db, record_run, store_document

AR_COURT = "Tribunal Oral en lo Criminal Federal de Salta"
PY_COURT = "Tribunal de Sentencia de Asunción"


def charge(**kw) -> ChargeSpec:
    """A trafficking charge under AR:CP:145bis, convicted unless told otherwise."""
    return ChargeSpec(**kw)


# Each case's events and defendants are chosen so the expected figures below
# can be worked out by hand.
CASES = [
    dict(
        file="a1.pdf",
        court=AR_COURT,
        # complaint->arrest 10, arrest->indictment 90, indictment->trial 206,
        # trial->judgment 60; the offence date is only a month: total skipped.
        events=[("offence", "2014-12"), ("complaint", "2015-03-01"), ("arrest", "2015-03-11"),
                ("indictment", "2015-06-09"), ("trial_start", "2016-01-01"), ("judgment", "2016-03-01")],
        defendants=None,  # the factory's default: DEFENDANT (96 months) and CO_DEFENDANT (48.5 months, 140 acquitted)
    ),
    dict(
        file="a2.pdf",
        court=AR_COURT,
        # complaint->arrest 40; indictment->arraignment 30 (no trial_start).
        events=[("complaint", "2016-01-01"), ("arrest", "2016-02-10"), ("indictment", "2016-03-01"),
                ("arraignment", "2016-03-31")],
        defendants=[DefendantSpec(name="Ana Beatriz Ruiz", verdict="acquitted",
                                  charges=[charge(verdict="acquitted")], months=None)],
    ),
    dict(
        file="a3.pdf",
        court=AR_COURT,
        # complaint->arrest 20 (the earliest arrest counts).
        events=[("complaint", "2017-05-01"), ("arrest", "2017-05-25"), ("arrest", "2017-05-21")],
        defendants=[DefendantSpec(name="Carlos Daniel Vera", verdict="unknown",
                                  charges=[charge(verdict="unknown")], months=None)],
    ),
    dict(
        file="a4.pdf",
        court=AR_COURT,
        case_number="FCB 1/2018 caratulada Frías, Elena s/ trata",
        # complaint->arrest 30.
        events=[("complaint", "2018-01-01"), ("arrest", "2018-01-31")],
        defendants=[DefendantSpec(name="Elena Frías", months=None, life=True)],
    ),
    dict(
        file="p1.pdf",
        country="PY",
        court=PY_COURT,
        # complaint->arrest 7; the indictment is only a month: arrest->indictment skipped.
        events=[("complaint", "2019-01-01"), ("arrest", "2019-01-08"), ("indictment", "2019-03")],
        defendants=[DefendantSpec(name="Fabio Gaona", charges=[charge(statutes=["PY:L4788:5"])], months=120)],
    ),
    dict(
        file="p2.pdf",
        country="PY",
        court=PY_COURT,
        # arrest before the complaint: an impossible duration, excluded and counted.
        events=[("complaint", "2019-05-10"), ("arrest", "2019-05-01")],
        defendants=[DefendantSpec(name="Gustavo Ibarra", charges=[charge(statutes=["PY:L4788:5"])],
                                  months=60, suspended=True)],
    ),
]

DEFENDANT_NAMES = [DEFENDANT, CO_DEFENDANT, "Ana Beatriz Ruiz", "Carlos Daniel Vera", "Elena Frías", "Fabio Gaona", "Gustavo Ibarra"]


def build_atlas(path: Path) -> None:
    db = open_db(path)
    run = record_run(db, VERSIONS)
    load_catalog(db, CATALOG)
    for spec in CASES:
        store_document(db, *make_case(**spec), run=run)
    db.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("publish")
    atlas = root / "atlas.db"
    build_atlas(atlas)
    public = root / "public.db"
    summary = publish(atlas, public)
    return atlas, public, summary


def rows(path: Path, sql: str, params=()) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    out = [dict(r) for r in conn.execute(sql, params)]
    conn.close()
    return out


def datasette_get(public: Path, paths: list[str]) -> dict[str, tuple[int, object]]:
    meta = json.loads(metadata_path(public).read_text())

    async def run():
        ds = Datasette(immutables=[str(public)], metadata=meta, settings=SETTINGS)
        await ds.invoke_startup()
        out = {}
        for p in paths:
            response = await ds.client.get(p)
            body = response.json() if response.headers.get("content-type", "").startswith("application/json") else response.text
            out[p] = (response.status_code, body)
        return out

    return asyncio.run(run())


# --------------------------------------------------------------------------- contents


def test_summary_counts(built) -> None:
    _, public, summary = built
    assert summary["documents"] == summary["cases"] == summary["victims"] == 6
    assert summary["defendants"] == 7
    assert summary["charges"] == 8
    assert summary["statutes"] == 3
    assert summary["excluded_impossible_durations"] == 1
    assert summary["excluded_impossible_by_stage"] == {"complaint_to_arrest": 1}
    assert summary["skipped_imprecise_durations"] == 2  # a1's offence, p1's indictment
    assert summary["stage_durations"] == 10
    assert summary["unresolved_citations"] == 6
    assert summary["redactions"] >= 2  # a victim in a1's offence, a defendant in a4's case number
    assert summary["defendant_names"] == "initials"


def test_only_allow_listed_tables_and_columns(built) -> None:
    _, public, _ = built
    tables = {r["name"] for r in rows(public, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {
        "documents", "cases", "defendants", "charges", "charge_statutes", "statutes_cited",
        "events", "victims", "statutes", "stage_durations", "runs",
    }
    columns = lambda t: {r["name"] for r in rows(public, f"PRAGMA table_info([{t}])")}  # noqa: E731
    assert not {"path", "file", "warnings", "metadata", "status"} & columns("documents")
    assert "text" not in columns("events")
    assert "record" not in columns("cases") and "provenance" not in columns("cases")
    assert columns("victims") == {"document", "count", "minors"}


def test_values(built) -> None:
    _, public, _ = built
    names = [r["name"] for r in rows(public, "SELECT name FROM defendants ORDER BY document, position")]
    assert sorted(names) == sorted(initials(n) for n in DEFENDANT_NAMES)
    assert initials(DEFENDANT) == "Z. Q. F." and initials("Juan Carlos Gomez") == "J. C. G."
    a4 = rows(public, "SELECT case_number, decision_year FROM cases WHERE case_number LIKE 'FCB 1/2018%'")
    assert a4 == [{"case_number": "FCB 1/2018 caratulada E. F. s/ trata", "decision_year": 2019}]
    offences = {r["offence"] for r in rows(public, "SELECT offence FROM charges")}
    assert "reducción a servidumbre de [VICTIM 1]" in offences
    fallback = rows(public, "SELECT to_event, days FROM stage_durations WHERE stage = 'indictment_to_trial' ORDER BY days")
    assert fallback == [{"to_event": "arraignment", "days": 30}, {"to_event": "trial_start", "days": 206}]
    cats = rows(public, "SELECT DISTINCT categories FROM stage_durations WHERE court = ?", [PY_COURT])
    assert cats == [{"categories": '["trafficking"]'}]
    precision = {r["date"]: r["date_precision"] for r in rows(public, "SELECT date, date_precision FROM events")}
    assert precision["2014-12"] == "month" and precision["2015-03-01"] == "day"


def test_no_name_reaches_the_public_file(built) -> None:
    _, public, _ = built
    blob = public.read_bytes() + metadata_path(public).read_bytes()
    for name in DEFENDANT_NAMES + [VICTIM]:
        for token in [name, *[t for t in name.split() if len(t) >= 4]]:
            for form in {token, token.upper(), token.lower()}:
                assert form.encode() not in blob, f"{form!r} is in public.db"


def test_full_names_only_by_explicit_choice(built, tmp_path: Path) -> None:
    atlas, _, _ = built
    public = tmp_path / "full.db"
    summary = publish(atlas, public, defendant_names="full")
    assert summary["defendant_names"] == "full"
    blob = public.read_bytes()
    assert DEFENDANT.encode() in blob  # the scan can see names when they are there
    for token in VICTIM.split():
        assert token.encode() not in blob
    meta = json.loads(metadata_path(public).read_text())
    assert "as written" in meta["databases"]["full"]["tables"]["defendants"]["columns"]["name"]
    with pytest.raises(UsageError, match="'initials' or 'full'"):
        publish(atlas, tmp_path / "x.db", defendant_names="surname")


def test_publish_is_fresh_and_deterministic(built, tmp_path: Path) -> None:
    atlas, public, _ = built
    before = atlas.read_bytes()
    again = tmp_path / "public.db"
    again.write_bytes(b"an old file that is not a database")
    publish(atlas, again)
    assert again.read_bytes() == public.read_bytes()
    assert atlas.read_bytes() == before  # atlas.db is only read
    assert not list(tmp_path.glob(".*tmp*"))


def test_publish_refuses_a_missing_or_unmigrated_source(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        publish(tmp_path / "missing.db", tmp_path / "public.db")
    sqlite3.connect(tmp_path / "empty.db").close()
    with pytest.raises(StoreError, match="needs migrating"):
        publish(tmp_path / "empty.db", tmp_path / "public.db")
    assert not (tmp_path / "public.db").exists()


# --------------------------------------------------------------------------- metadata


def test_every_table_and_column_has_a_description(built) -> None:
    _, public, _ = built
    meta = json.loads(metadata_path(public).read_text())
    assert meta == metadata("public")
    for key in ("title", "description", "license", "license_url", "source", "source_url"):
        assert meta[key], key
    assert meta["title"] == "atlas_courts"
    described = meta["databases"]["public"]["tables"]
    objects = rows(public, "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
    assert {o["type"] for o in objects} == {"table", "view"}
    for obj in objects:
        table = described.get(obj["name"])
        assert table and table["description"].strip(), f"{obj['name']} has no description"
        for column in rows(public, f"PRAGMA table_info([{obj['name']}])"):
            assert table["columns"].get(column["name"], "").strip(), f"{obj['name']}.{column['name']} has no description"
        assert set(table["columns"]) == {c["name"] for c in rows(public, f"PRAGMA table_info([{obj['name']}])")}
    assert described["stage_durations"]["units"] == {"days": "days"}
    assert described["defendants"]["units"]["imprisonment_months"] == "months"
    for name, query in meta["databases"]["public"]["queries"].items():
        assert query["title"] and query["description"] and query["sql"], name


# --------------------------------------------------------------------------- Datasette


def by(items: list[dict], **where) -> dict:
    """The one item whose fields have the given values."""
    found = [i for i in items if all(i[k] == v for k, v in where.items())]
    assert len(found) == 1, (where, items)
    return found[0]


def test_datasette_serves_every_canned_query(built) -> None:
    _, public, _ = built
    queries = metadata("public")["databases"]["public"]["queries"]
    paths = [f"/public/{name}.json?_shape=array" for name in queries]
    got = datasette_get(public, paths + ["/public.db", "/-/settings.json", "/public/events.json?_shape=array"])
    for path in paths:
        status, body = got[path]
        assert status == 200, (path, body)
        assert body, f"{path} returned no rows"

    stages = got["/public/median_days_by_stage.json?_shape=array"][1]
    # AR court, complaint -> arrest: 10, 40, 20, 30 days -> median (20 + 30) / 2.
    ar = by(stages, country="AR", court=AR_COURT, stage="complaint_to_arrest")
    assert (ar["n"], ar["median_days"], ar["min_days"], ar["max_days"]) == (4, 25.0, 10, 40)
    py = by(stages, country="PY", court=PY_COURT, stage="complaint_to_arrest")
    assert (py["n"], py["median_days"]) == (1, 7.0)  # p2's negative duration is excluded
    assert by(stages, country="AR", stage="indictment_to_trial")["median_days"] == 118.0  # (30 + 206) / 2
    assert not [s for s in stages if s["stage"] == "offence_to_judgment"]  # only month precision
    for s in stages:
        assert s["n"] >= 1 and s["min_days"] <= s["median_days"] <= s["max_days"]
    assert [s["stage"] for s in stages if s["court"] == AR_COURT] == [
        "complaint_to_arrest", "arrest_to_indictment", "indictment_to_trial", "trial_to_judgment"
    ]
    by_country = got["/public/median_days_by_stage_and_country.json?_shape=array"][1]
    assert by(by_country, country="AR", stage="complaint_to_arrest")["median_days"] == 25.0

    rates = got["/public/conviction_rate_by_statute.json?_shape=array"][1]
    cp145 = by(rates, statute_id="AR:CP:145bis")
    # a1: 2 convicted; a2 acquitted; a3 unknown; a4 convicted.
    assert {k: cp145[k] for k in ("n_charges", "n_decided", "n_convicted", "n_acquitted", "n_unknown", "conviction_rate")} == {
        "n_charges": 5, "n_decided": 4, "n_convicted": 3, "n_acquitted": 1, "n_unknown": 1, "conviction_rate": 0.75
    }
    assert cp145["title"] == "Trata de personas"
    assert by(rates, statute_id="AR:CP:140")["conviction_rate"] == 0.0
    assert by(rates, statute_id="PY:L4788:5")["conviction_rate"] == 1.0

    prison = got["/public/imprisonment_by_category.json?_shape=array"][1]
    # Convicted of trafficking: 96, 48.5, 120, 60 (suspended) months; one life sentence left out.
    assert prison == [
        {"category": "trafficking", "n": 4, "median_months": 78.0, "min_months": 48.5, "max_months": 120.0,
         "n_suspended": 1, "n_life": 1, "n_death": 0}
    ]

    assert got["/public.db"][0] == 403  # allow_download off
    settings = got["/-/settings.json"][1]
    assert settings["allow_download"] is False and settings["allow_csv_stream"] is False
    assert "text" not in got["/public/events.json?_shape=array"][1][0]


def test_datasette_renders_every_table_and_view(built) -> None:
    """Table pages exercise the facets and units of the metadata."""
    _, public, _ = built
    names = [r["name"] for r in rows(public, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    paths = [f"/public/{n}" for n in names] + [f"/public/{n}.json" for n in names]
    for path, (status, body) in datasette_get(public, paths).items():
        assert status == 200, (path, str(body)[:500])


def test_publish_an_empty_database(tmp_path: Path) -> None:
    open_db(tmp_path / "atlas.db").close()
    summary = publish(tmp_path / "atlas.db", tmp_path / "public.db")
    assert summary["documents"] == summary["stage_durations"] == summary["redactions"] == 0
    got = datasette_get(tmp_path / "public.db", ["/public/median_days_by_stage.json?_shape=array"])
    assert list(got.values()) == [(200, [])]


def test_serve_command(built) -> None:
    _, public, _ = built
    command = serve_command(public)
    assert command[command.index("-i") + 1] == str(public)
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert command[command.index("--metadata") + 1] == str(metadata_path(public))
    settings = dict(zip(command[command.index("--setting") + 1 :: 3], command[command.index("--setting") + 2 :: 3]))
    assert settings == {"sql_time_limit_ms": "3000", "allow_download": "off", "allow_csv_stream": "off",
                        "default_page_size": "50", "max_returned_rows": "1000"}
    assert "--create" not in command and "--root" not in command
    # The real command line, asked for one canned query and exiting.
    result = subprocess.run(
        command + ["--get", "/public/conviction_rate_by_statute.json?_shape=array"],
        capture_output=True, text=True, timeout=120, check=True,
    )
    assert by(json.loads(result.stdout), statute_id="AR:CP:145bis")["conviction_rate"] == 0.75
    with pytest.raises(UsageError, match="run publish first"):
        serve_command(public.with_name("nothing.db"))
    with pytest.raises(UsageError, match="port"):
        serve_command(public, port=70000)


def test_canned_queries_compute_medians_like_python(built) -> None:
    """The window-function median agrees with statistics.median on every partition."""
    import statistics

    _, public, _ = built
    durations = rows(public, "SELECT country, court, stage, days FROM stage_durations")
    groups: dict[tuple, list[int]] = {}
    for d in durations:
        groups.setdefault((d["country"], d["court"], d["stage"]), []).append(d["days"])
    medians = rows(public, "SELECT * FROM stage_duration_medians")
    assert len(medians) == len(groups)
    for m in medians:
        values = groups[(m["country"], m["court"], m["stage"])]
        assert m["n"] == len(values) and m["median_days"] == statistics.median(values)


def test_no_sql_writes_through_datasette(built) -> None:
    _, public, _ = built
    got = datasette_get(public, ["/public.json?sql=" + re.sub(r"\s+", "+", "DELETE FROM cases")])
    status, body = got[next(iter(got))]
    assert status == 400 or (isinstance(body, dict) and body.get("ok") is False)
