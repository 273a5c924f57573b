"""A build killed with SIGKILL leaves a consistent atlas.db, and the next run completes it.

A child process stores documents in a loop (the build's writer); the parent
kills it, either at a known point inside a document's transaction or at a
random moment, then checks the file.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

from tests.test_store_factories import VERSIONS, ChargeSpec, DefendantSpec, make_case

from atlas_courts.store import is_stored, open_db, record_run, store_document
from atlas_courts.store.rows import DOCUMENT_TABLES, document_rows

N_DOCUMENTS = 12
# spawn, not fork: the parent may have threads (an in-process Datasette) by now.
CTX = multiprocessing.get_context("spawn")


def corpus(n: int = N_DOCUMENTS):
    """n documents; big enough (many mentions) that a store takes a while."""
    for i in range(n):
        defendants = [
            DefendantSpec(name=f"Defendant Number{i} Person{j}", charges=[ChargeSpec(), ChargeSpec(category="forced_labour")])
            for j in range(8)
        ]
        yield make_case(file=f"doc-{i:03d}.pdf", defendants=defendants, salt=str(i))


def build(path: Path, *, pause_at: int | None = None, paused=None, progress=None) -> None:
    """The build's writer loop: skip what this run stored, store the rest."""
    db = open_db(path)
    run = record_run(db, VERSIONS)
    for i, (document, extraction, record) in enumerate(corpus()):
        if is_stored(db, document.sha256, run):
            continue
        if i == pause_at:
            def tracer(sql, params):
                # Inside the transaction, after documents, pages, mentions,
                # cases and defendants were written: stop here and wait.
                if sql.startswith("INSERT") and "charges" in sql:
                    assert db.conn.in_transaction
                    paused.set()
                    time.sleep(600)

            with db.tracer(tracer):
                store_document(db, document, extraction, record, run=run)
        else:
            store_document(db, document, extraction, record, run=run)
        if progress is not None:
            with progress.get_lock():
                progress.value += 1
    db.close()


def table_rows(db, table: str, sha: str) -> list[tuple]:
    column = "sha256" if table == "documents" else "document"
    return sorted(tuple(r) for r in db.execute(f"SELECT * FROM [{table}] WHERE [{column}] = ?", [sha]))


def check_consistent(path: Path) -> set[str]:
    """integrity_check ok, foreign keys hold, and every document is either
    complete (all its rows, exactly) or absent. Returns the stored shas."""
    db = open_db(path)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    run = record_run(db, VERSIONS)
    stored = set()
    for document, extraction, record in corpus():
        sha = document.sha256
        expected = document_rows(document, extraction, record, run=run)
        present = {table: table_rows(db, table, sha) for table, _ in DOCUMENT_TABLES}
        if not present["documents"]:
            assert all(not rows for rows in present.values()), f"{document.file} is half-stored"
            continue
        stored.add(sha)
        for table, _ in DOCUMENT_TABLES:
            want = sorted(tuple(row.values()) for row in expected[table])
            assert present[table] == want, f"{document.file}: {table} incomplete"
    db.close()
    return stored


def data(path: Path) -> dict[str, list]:
    db = open_db(path)
    out = {t: sorted(tuple(r) for r in db.execute(f"SELECT * FROM [{t}]")) for t, _ in DOCUMENT_TABLES}
    db.close()
    return out


def test_kill_inside_a_transaction_leaves_no_trace_of_that_document(tmp_path: Path) -> None:
    path = tmp_path / "atlas.db"
    pause_at = 5
    paused = CTX.Event()
    child = CTX.Process(target=build, args=(path,), kwargs={"pause_at": pause_at, "paused": paused})
    child.start()
    try:
        assert paused.wait(60), "the child never reached the pause point"
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
    finally:
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
    assert child.exitcode == -signal.SIGKILL

    stored = check_consistent(path)
    shas = [d.sha256 for d, _, _ in corpus()]
    assert stored == set(shas[:pause_at])  # documents 0..4 complete, 5 (mid-transaction) absent

    build(path)  # the next run completes the build
    assert check_consistent(path) == set(shas)
    clean = tmp_path / "clean.db"
    build(clean)
    assert data(path) == data(clean)


def test_kill_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(1234)
    shas = {d.sha256 for d, _, _ in corpus()}
    clean = tmp_path / "clean.db"
    build(clean)
    for attempt in range(3):
        path = tmp_path / f"atlas-{attempt}.db"
        progress = CTX.Value("i", 0)
        child = CTX.Process(target=build, args=(path,), kwargs={"progress": progress})
        child.start()
        deadline = time.monotonic() + 60
        while progress.value < 2 and time.monotonic() < deadline and child.is_alive():
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        stored = check_consistent(path)
        assert len(stored) >= 2
        build(path)
        assert check_consistent(path) == shas
        assert data(path) == data(clean)
