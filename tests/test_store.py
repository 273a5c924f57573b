"""store: atlas.db round trips, idempotence, replacement, errors, catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.test_store_factories import CATALOG, DEFENDANT, VERSIONS, ChargeSpec, DefendantSpec, make_case

from atlas_courts.errors import StoreError, UsageError
from atlas_courts.store import (
    is_stored,
    load_catalog,
    load_records,
    open_db,
    record_run,
    run_id,
    store_document,
    store_error,
)
from atlas_courts.store.rows import DOCUMENT_TABLES


def dump(db) -> dict[str, list]:
    """Every row of every table (sorted), plus the SQL dump of the file's data."""
    out = {}
    for table in db.table_names():
        out[table] = sorted(tuple(r) for r in db.execute(f"SELECT * FROM [{table}]").fetchall())
    out["_iterdump"] = list(db.conn.iterdump())
    return out


@pytest.fixture
def db(tmp_path: Path):
    db = open_db(tmp_path / "atlas.db")
    yield db
    db.close()


@pytest.fixture
def run(db) -> str:
    return record_run(db, VERSIONS)


def test_open_db_sets_wal_foreign_keys_and_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "atlas.db"
    db = open_db(path)
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {t for t, _ in DOCUMENT_TABLES} | {"runs", "statutes", "ingest_errors"} <= set(db.table_names())
    before = dump(db)
    db.close()
    db = open_db(path)
    assert dump(db) == before
    # Each migration ran exactly once, in order, and none was recorded twice by the second open.
    names = [r["name"] for r in db["_sqlite_migrations"].rows]
    assert names == ["m001_initial", "m002_gold_annotations"]
    assert len(set(names)) == len(names)
    db.close()


def test_open_db_rejects_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory"):
        open_db(tmp_path)
    with pytest.raises(UsageError, match="does not exist"):
        open_db(tmp_path / "missing" / "atlas.db")


def test_run_id_is_a_content_hash_of_the_versions(db) -> None:
    assert run_id({"a": "1", "b": "2"}) == run_id({"b": "2", "a": "1"})
    assert run_id({"a": "1"}) != run_id({"a": "2"})
    with pytest.raises(UsageError):
        run_id({"a": 1})  # type: ignore[dict-item]
    rid = record_run(db, VERSIONS)
    first = dump(db)
    changes = db.conn.total_changes
    assert record_run(db, dict(reversed(list(VERSIONS.items())))) == rid
    assert dump(db) == first and db.conn.total_changes == changes
    row = db["runs"].get(rid)
    assert json.loads(row["versions"]) == VERSIONS and row["first_seen"]


def test_round_trip_gives_back_the_contract_json(db, run) -> None:
    document, extraction, record = make_case()
    store_document(db, document, extraction, record, run=run)
    assert list(load_records(db)) == [record.to_json()]
    assert is_stored(db, document.sha256, run)
    assert not is_stored(db, document.sha256, "another-run")

    sha = document.sha256
    assert db["documents"].get(sha)["path"] == document.path
    assert [p["number"] for p in db["pages"].rows_where("document = ?", [sha])] == [1, 2]
    assert db["mentions"].count == len(extraction.mentions)
    victim = next(db["mentions"].rows_where("json_extract(attrs, '$.role') = 'victim'"))
    assert victim["label"] == "PERSON" and victim["page"] == 2
    court = next(db["mentions"].rows_where("label = 'COURT'"))
    assert court["page"] == 1 and court["x0"] is not None  # bbox where the page has geometry

    defendants = list(db["defendants"].rows_where("document = ?", [sha], order_by="position"))
    assert [d["name"] for d in defendants] == [DEFENDANT, "Juan Carlos Gomez"]
    assert (defendants[0]["fine_amount"], defendants[0]["fine_currency"]) == (100000, "ARS")
    assert defendants[1]["compensation_amount"] == 25000.5
    assert defendants[0]["prov_page"] == 1 and defendants[0]["prov_method"] == "rule:test.v1"
    charges = list(db["charges"].rows_where("defendant = ?", [defendants[1]["id"]], order_by="position"))
    assert [(c["category"], c["verdict"]) for c in charges] == [("trafficking", "convicted"), ("forced_labour", "acquitted")]
    assert [r["statute_id"] for r in db["charge_statutes"].rows_where("charge = ?", [charges[1]["id"]])] == ["AR:CP:140"]
    cited = list(db["statutes_cited"].rows_where("document = ?", [sha], order_by="position"))
    assert [(c["statute_id"], c["reason"]) for c in cited] == [("AR:CP:145bis", None), (None, "unknown law")]
    assert [e["type"] for e in db["events"].rows_where("document = ?", [sha], order_by="position")] == [
        "offence", "complaint", "arrest", "judgment"
    ]
    assert db["victims"].get(sha) == {"document": sha, "count": 3, "minors": 1}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_storing_twice_changes_nothing(db, run) -> None:
    cases = [make_case(file="b.pdf"), make_case(file="a.pdf", salt="a")]
    for case in cases:
        store_document(db, *case, run=run)
    before = dump(db)
    changes = db.conn.total_changes
    for case in cases:
        store_document(db, *case, run=run)
    assert db.conn.total_changes == changes  # not a single row written
    assert dump(db) == before
    assert [r["document"]["file"] for r in load_records(db)] == ["a.pdf", "b.pdf"]


def test_a_new_run_replaces_the_documents_rows(db, run, tmp_path: Path) -> None:
    document, extraction, record = make_case()
    store_document(db, document, extraction, record, run=run)
    other = record_run(db, {**VERSIONS, "rules": "statute.v2"})

    # The same file read and extracted by newer code: one defendant, fewer
    # events and mentions, and a different page text.
    document2, extraction2, record2 = make_case(
        defendants=[DefendantSpec(charges=[ChargeSpec(statutes=["AR:CP:145bis", "AR:CP:140"])], months=120)],
        events=[("complaint", "2015-03-01"), ("arrest", "2015-03-12")],
        sha256=document.sha256,
    )
    extraction2.mentions[5:] = []
    store_document(db, document2, extraction2, record2, run=other)

    assert not is_stored(db, document.sha256, run) and is_stored(db, document.sha256, other)
    assert list(load_records(db)) == [record2.to_json()]
    assert [d["imprisonment_months"] for d in db["defendants"].rows] == [120]
    assert db["charges"].count == 1 and db["charge_statutes"].count == 2
    assert [e["date"] for e in db["events"].rows] == ["2015-03-01", "2015-03-12"]
    assert db["mentions"].count == 5
    assert [p["text"] for p in db["pages"].rows] == [p.text for p in document2.pages]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []

    # And back: the first extraction under the first run gives the first rows again.
    fresh = open_db(tmp_path / "fresh.db")
    record_run(fresh, VERSIONS)
    store_document(fresh, document, extraction, record, run=run)
    store_document(db, document, extraction, record, run=run)
    for table, _ in DOCUMENT_TABLES:
        assert dump(db)[table] == dump(fresh)[table], table
    fresh.close()


def test_same_content_under_a_new_run_only_moves_the_run(db, run) -> None:
    case = make_case()
    store_document(db, *case, run=run)
    before = dump(db)
    other = record_run(db, {**VERSIONS, "code": "0.1.1"})
    changes = db.conn.total_changes
    store_document(db, *case, run=other)
    assert db.conn.total_changes == changes + 1  # the documents row's run
    after = dump(db)
    for table, _ in DOCUMENT_TABLES:
        if table != "documents":
            assert after[table] == before[table], table
    assert db["documents"].get(case[0].sha256)["run"] == other


def test_store_document_refuses_mismatches(db, run) -> None:
    document, extraction, record = make_case()
    other_doc, other_ex, other_rec = make_case(salt="x")
    with pytest.raises(StoreError, match="case record is of document"):
        store_document(db, document, extraction, other_rec, run=run)
    with pytest.raises(StoreError, match="not recorded"):
        store_document(db, document, extraction, record, run="nope")
    extraction.mentions[0].text = "something else"
    with pytest.raises(StoreError, match="is not text"):
        store_document(db, document, extraction, record, run=run)
    assert db["documents"].count == 0 and db["mentions"].count == 0


def test_store_error_is_idempotent_and_cleared_by_a_stored_document(db, run) -> None:
    document, extraction, record = make_case()
    kwargs = dict(
        file=document.file,
        path=document.path,
        sha256=document.sha256,
        error_class="timeout",
        status="timeout",
        message="took longer than 120 s",
        run=run,
    )
    store_error(db, **kwargs)
    before = dump(db)
    changes = db.conn.total_changes
    store_error(db, **kwargs)
    assert dump(db) == before and db.conn.total_changes == changes
    store_error(db, **{**kwargs, "message": "took longer than 240 s"})
    assert [r["message"] for r in db["ingest_errors"].rows] == ["took longer than 240 s"]
    store_error(db, **{**kwargs, "error_class": "crashed", "status": "crashed"})
    # An error without a content hash (unreadable file) is keyed by its path.
    store_error(db, **{**kwargs, "sha256": None, "error_class": "unsupported_format", "status": "rejected"})
    store_error(db, **{**kwargs, "sha256": None, "error_class": "unsupported_format", "status": "rejected"})
    assert db["ingest_errors"].count == 3
    unrelated = dict(kwargs, path="/other.pdf", file="other.pdf", sha256="f" * 64)
    store_error(db, **unrelated)

    store_document(db, document, extraction, record, run=run)
    assert [r["path"] for r in db["ingest_errors"].rows] == ["/other.pdf"]
    with pytest.raises(UsageError, match="status must be one of"):
        store_error(db, **{**kwargs, "status": "broken"})


def test_load_catalog_is_a_snapshot_and_idempotent(db) -> None:
    load_catalog(db, CATALOG)
    row = db["statutes"].get("AR:CP:145bis")
    assert (row["country"], row["instrument"], row["article"], row["penalty_max_months"]) == ("AR", "CP", "145bis", 96)
    before = dump(db)
    changes = db.conn.total_changes
    load_catalog(db, CATALOG)
    assert dump(db) == before and db.conn.total_changes == changes
    load_catalog(db, CATALOG[:2])
    assert {r["id"] for r in db["statutes"].rows} == {"AR:CP:145bis", "AR:CP:140"}
    with pytest.raises(UsageError, match="unknown keys aliases"):
        load_catalog(db, [{"id": "AR:CP:1", "aliases": ["x"]}])
    with pytest.raises(UsageError, match="does not match the id"):
        load_catalog(db, [{"id": "AR:CP:1", "country": "PY"}])
    with pytest.raises(UsageError, match="<country>:<instrument>:<article>"):
        load_catalog(db, [{"id": "AR-CP-1"}])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40),
    offence=st.one_of(st.none(), st.text(max_size=60)),
    months=st.one_of(st.none(), st.floats(0, 1200, allow_nan=False).map(lambda m: round(m, 1))),
    fine=st.one_of(st.none(), st.tuples(st.floats(0, 1e12, allow_nan=False), st.sampled_from(["ARS", "USD", None]))),
    date=st.sampled_from(["2019-03-14", "2019-03", "2019", None]),
)
def test_round_trip_property(tmp_path: Path, name, offence, months, fine, date) -> None:
    path = tmp_path / f"rt-{abs(hash((name, offence, months, fine, date)))}.db"
    db = open_db(path)
    try:
        run = record_run(db, VERSIONS)
        spec = DefendantSpec(name=name.strip() or "x", charges=[ChargeSpec(offence=offence or "trata")], months=months, fine=fine)
        document, extraction, record = make_case(defendants=[spec], decision_date=date)
        record.defendants[0].charges[0].offence = offence
        store_document(db, document, extraction, record, run=run)
        assert list(load_records(db)) == [record.to_json()]
        changes = db.conn.total_changes
        store_document(db, document, extraction, record, run=run)
        assert db.conn.total_changes == changes
    finally:
        db.close()
        path.unlink()
