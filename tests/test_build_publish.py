"""The whole flow on the generated corpus: build, rebuild, kill and resume, publish, serve."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
import sqlite_utils

from atlas_courts import publish as publish_mod
from atlas_courts.build import build

from tests.conftest import BUNDLED

# Documents with a text layer (no OCR), so the kill test is quick and deterministic.
TEXT_DOCS = sorted(
    p for p in BUNDLED.iterdir() if p.suffix in (".pdf", ".docx", ".txt") and "escaneada" not in p.name and "scanned" not in p.name
)[:12]
# Columns that record when a row was first written: everything else must be identical.
_VOLATILE = {("runs", "first_seen")}


def dump(path) -> dict[str, list[tuple]]:
    db = sqlite_utils.Database(path)
    out = {}
    for table in sorted(db.table_names()):
        if table.startswith("_sqlite") or table.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")):
            continue
        cols = [c.name for c in db[table].columns if (table, c.name) not in _VOLATILE]
        rows = db.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{table}] order by 1, 2").fetchall()
        out[table] = rows
    db.close()
    return out


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for p in TEXT_DOCS:
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture(scope="module")
def clean_build(corpus_copy, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "atlas.db"
    summary = build([corpus_copy], db, workers=2)
    assert summary.failed == 0 and summary.ok == len(TEXT_DOCS)
    return db


def test_building_twice_changes_nothing(clean_build, corpus_copy):
    before = dump(clean_build)
    mtime = os.stat(clean_build).st_mtime_ns
    summary = build([corpus_copy], clean_build, workers=2)
    assert (summary.ok, summary.skipped) == (0, len(TEXT_DOCS))
    assert dump(clean_build) == before
    assert os.stat(clean_build).st_mtime_ns == mtime


def test_another_file_order_gives_the_same_content(clean_build, corpus_copy, tmp_path):
    db = tmp_path / "reversed.db"
    build(sorted(corpus_copy.iterdir(), reverse=True), db, workers=1)
    assert dump(db) == dump(clean_build)


def test_a_killed_build_is_consistent_and_the_next_one_completes_it(clean_build, corpus_copy, tmp_path):
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "atlas_courts.cli", "build", str(corpus_copy), "--db", str(db), "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite_utils.Database(db).execute("select count(*) from cases").fetchone()[0]
            except Exception:  # the schema may not be there yet
                stored = 0
            if stored >= 3:
                break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 3 <= stored < len(TEXT_DOCS), "the build was not interrupted mid-way"

    conn = sqlite_utils.Database(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    # no document half-stored: every stored document has its case and pages, and the case's
    # defendants are exactly those of its record
    for sha, record in conn.execute("select document, record from cases"):
        import json

        n = conn.execute("select count(*) from defendants where document = ?", [sha]).fetchone()[0]
        assert n == len(json.loads(record)["defendants"])
        assert conn.execute("select count(*) from pages where document = ?", [sha]).fetchone()[0] > 0
    docs = conn.execute("select count(*) from documents").fetchone()[0]
    assert docs == conn.execute("select count(*) from cases").fetchone()[0]
    conn.close()

    summary = build([corpus_copy], db, workers=2)
    assert summary.failed == 0 and summary.ok + summary.skipped == len(TEXT_DOCS)
    assert dump(db) == dump(clean_build)


def test_publish_and_serve_every_canned_query(clean_build, tmp_path):
    from datasette.app import Datasette

    out = tmp_path / "public.db"
    summary = publish_mod.publish(clean_build, out)
    assert summary["cases"] == len(TEXT_DOCS)
    meta = publish_mod.metadata()
    ds = Datasette([str(out)], immutables=[], metadata=meta, settings=publish_mod.SETTINGS)

    async def fetch(path):
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()

    queries = meta["databases"]["public"]["queries"]
    assert {"median_days_by_stage", "conviction_rate_by_statute", "imprisonment_by_category"} <= set(queries)
    for name in queries:
        rows = asyncio.run(fetch(f"/public/{name}.json?_shape=array"))
        assert rows, f"canned query {name} returned no rows"

    medians = asyncio.run(fetch("/public/median_days_by_stage.json?_shape=array"))
    assert all(r["n"] >= 1 and r["median_days"] >= 0 for r in medians)
    rates = asyncio.run(fetch("/public/conviction_rate_by_statute.json?_shape=array"))
    assert all(0 <= (r["conviction_rate"] or 0) <= 1 for r in rates)


def test_every_published_table_and_column_is_described(clean_build, tmp_path):
    out = tmp_path / "public.db"
    publish_mod.publish(clean_build, out)
    tables = publish_mod.metadata()["databases"]["public"]["tables"]
    db = sqlite_utils.Database(out)
    for name in db.table_names() + db.view_names():
        assert tables.get(name, {}).get("description"), f"{name} has no description"
        columns = tables[name].get("columns", {})
        for column in db[name].columns:
            assert columns.get(column.name), f"{name}.{column.name} has no description"


def test_publish_as_make_run_does_keeps_court_names_and_passes_the_privacy_scan(clean_build, tmp_path):
    """The CLI's defaults (metrics, search): the byte scan accepts the file, and names of courts
    (which hold towns such as "San Martín" or "Grand Cape Mount") are published as written."""
    out = tmp_path / "public.db"
    summary = publish_mod.publish(clean_build, out, metrics=True, search=True)
    assert summary["privacy"]["terms_scanned"] > 0
    private = {r["document"]: r["court"] for r in sqlite_utils.Database(clean_build).query("SELECT document, court FROM cases")}
    public = {r["document"]: r["court"] for r in sqlite_utils.Database(out).query("SELECT document, court FROM cases")}
    assert public == private
    offences = [r["offence"] for r in sqlite_utils.Database(out).query("SELECT offence FROM charges")]
    assert not any("[MINOR" in o or "[VICTIM" in o for o in offences if o and "labour" in o.lower())
