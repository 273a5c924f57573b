"""Faults: a build killed at random points, a reader beside a writing build.

- ``kill_runs``: start ``atlas-courts build`` on a fresh database, SIGKILL the
  build process (the parent only, as the OOM killer would) at a random moment,
  then check the file: ``PRAGMA integrity_check`` is ok, every document is
  either absent or has exactly the rows of an uninterrupted run, no worker
  outlives its parent; then build again and compare the whole database with
  the uninterrupted run (every table, every column but ``runs.first_seen``).
- ``reader_checks``: while a build writes, another process reads the private
  database the way Datasette opens a mutable file (``mode=ro``), each check in
  one read transaction, and counts documents seen half-stored and "database is
  locked" errors.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .harness import DOCUMENT_TABLES, session_processes

VOLATILE = {("runs", "first_seen")}


def fault_corpus(out: Path, good: list[Path]) -> Path:
    """Good documents plus a few deterministic failures and one duplicate, in ``out``."""
    from .classes import encrypted, not_a_pdf
    from .pdfwriter import simple_pdf

    out.mkdir(parents=True, exist_ok=True)
    for p in good:
        shutil.copyfile(p, out / p.name)
    (out / "zz-empty.pdf").write_bytes(b"")
    (out / "zz-html.pdf").write_bytes(next(h for h in not_a_pdf(simple_pdf(1)) if h.name == "html-error-page").data)
    (out / "zz-encrypted.pdf").write_bytes(next(encrypted()).data)
    (out / "zz-truncated.pdf").write_bytes(simple_pdf(2)[:300])
    # The same content under two names: which one is stored must not depend on the order.
    shutil.copyfile(good[0], out / f"copy-of-{good[0].name}")
    return out


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows (sorted), without the volatile columns and sqlite-utils' migration log."""
    conn = sqlite3.connect(db)
    out = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        if table.startswith(("sqlite_", "_sqlite")) or "_fts" in table:  # migrations record when they ran
            continue
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])") if (table, r[1]) not in VOLATILE]
        rows = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table}]").fetchall()
        out[table] = sorted(rows, key=repr)
    conn.close()
    return out


def build_cmd(inputs: list[Path] | Path, db: Path, workers: int = 2) -> list[str]:
    paths = [inputs] if isinstance(inputs, Path) else inputs
    return [sys.executable, "-m", "atlas_courts.cli", "build", *map(str, paths), "--db", str(db),
            "--workers", str(workers), "--timeout", "120"]


def run_build(inputs, db: Path, workers: int = 2) -> float:
    started = time.monotonic()
    subprocess.run(build_cmd(inputs, db, workers), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.monotonic() - started


# --------------------------------------------------------------------------- kills


@dataclass
class KillResult:
    at_s: float
    stored_at_kill: int
    errors_at_kill: int
    integrity: str
    half_stored: list[str]
    left_behind: int
    resumed_identical: bool


def _per_document(db: Path) -> dict[str, dict[str, list[tuple]]]:
    conn = sqlite3.connect(db)
    shas = [r[0] for r in conn.execute("SELECT sha256 FROM documents")]
    out = {}
    for sha in shas:
        out[sha] = {t: sorted(conn.execute(f"SELECT * FROM [{t}] WHERE [{c}] = ?", [sha]).fetchall(), key=repr)
                    for t, c in DOCUMENT_TABLES.items()}
    conn.close()
    return out


def _orphans(db: Path) -> int:
    """Rows of document tables whose document is not in ``documents``."""
    conn = sqlite3.connect(db)
    n = 0
    for t, c in DOCUMENT_TABLES.items():
        if t != "documents":
            n += conn.execute(f"SELECT count(*) FROM [{t}] WHERE [{c}] NOT IN (SELECT sha256 FROM documents)").fetchone()[0]
    conn.close()
    return n


def kill_once(inputs: Path, db: Path, clean: Path, clean_seconds: float, rng: random.Random) -> KillResult:
    proc = subprocess.Popen(build_cmd(inputs, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    at = rng.uniform(0.3, max(0.5, clean_seconds))
    deadline = time.monotonic() + at
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)  # the build process only: its workers must not outlive it
    proc.wait()
    left = []
    for _ in range(100):  # a worker notices its parent's death at once (PR_SET_PDEATHSIG)
        left = session_processes(proc.pid)
        if not left:
            break
        time.sleep(0.05)
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    stored = errors = 0
    integrity = "no database yet"
    half: list[str] = []
    if db.exists():
        conn = sqlite3.connect(db)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        try:
            stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            errors = conn.execute("SELECT count(*) FROM ingest_errors").fetchone()[0]
        except sqlite3.OperationalError:
            pass  # killed before the schema was committed
        conn.close()
        if stored:
            reference = _per_document(clean)
            for sha, rows in _per_document(db).items():
                if rows != reference.get(sha):
                    half.append(sha)
            if _orphans(db):
                half.append("orphan rows")
    run_build(inputs, db)
    return KillResult(round(at, 2), stored, errors, integrity, half, len(left), dump(db) == dump(clean))


def kill_runs(inputs: Path, work: Path, kills: int, seed: int = 6, log=print) -> tuple[list[KillResult], float]:
    work.mkdir(parents=True, exist_ok=True)
    clean = work / "clean.db"
    clean_seconds = run_build(inputs, clean)
    log(f"uninterrupted build: {clean_seconds:.1f} s")
    rng = random.Random(seed)
    results = []
    for k in range(kills):
        r = kill_once(inputs, work / f"killed-{k:02d}.db", clean, clean_seconds, rng)
        log(f"kill {k + 1}/{kills} at {r.at_s:5.2f} s: {r.stored_at_kill} stored, {r.errors_at_kill} errors, "
            f"integrity {r.integrity}, half-stored {len(r.half_stored)}, left behind {r.left_behind}, "
            f"resumed identical {r.resumed_identical}")
        results.append(r)
    return results, clean_seconds


# --------------------------------------------------------------------------- a reader beside the writer


_CHECK = """
SELECT d.sha256, d.pages,
       (SELECT count(*) FROM pages p WHERE p.document = d.sha256),
       (SELECT record FROM cases c WHERE c.document = d.sha256),
       (SELECT count(*) FROM defendants x WHERE x.document = d.sha256),
       (SELECT count(*) FROM events x WHERE x.document = d.sha256),
       (SELECT count(*) FROM statutes_cited x WHERE x.document = d.sha256),
       (SELECT count(*) FROM charges x WHERE x.document = d.sha256)
FROM documents d
"""


def partial_documents(conn: sqlite3.Connection) -> tuple[int, int]:
    """(documents seen, documents incomplete) in one read transaction."""
    conn.execute("BEGIN")
    try:
        rows = conn.execute(_CHECK).fetchall()
    finally:
        conn.execute("COMMIT")
    bad = 0
    for _sha, pages, n_pages, record, n_def, n_events, n_statutes, n_charges in rows:
        if record is None or n_pages != pages:
            bad += 1
            continue
        rec = json.loads(record)
        if (n_def != len(rec["defendants"]) or n_events != len(rec["events"])
                or n_statutes != len(rec["statutes_cited"])
                or n_charges != sum(len(d["charges"]) for d in rec["defendants"])):
            bad += 1
    return len(rows), bad


def _reader(db: str, stop, queue) -> None:
    # As Datasette opens a mutable database file.
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    checks = partial = locked = other = 0
    max_docs = 0
    first_error = ""
    while not stop.is_set():
        try:
            seen, bad = partial_documents(conn)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                locked += 1
            else:
                other += 1
            first_error = first_error or str(exc)
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            continue
        checks += 1
        partial += bad
        max_docs = max(max_docs, seen)
    conn.close()
    queue.put({"checks": checks, "partial": partial, "locked": locked, "other_errors": other,
               "max_documents_seen": max_docs, "first_error": first_error})


@dataclass
class ReaderResult:
    rounds: int = 0
    checks: int = 0
    partial: int = 0
    locked: int = 0
    other_errors: int = 0
    max_documents_seen: int = 0
    errors: list[str] = field(default_factory=list)


def reader_checks(inputs: Path, work: Path, target: int, max_rounds: int = 20, log=print) -> ReaderResult:
    """Build ``inputs`` into fresh databases, a reader process checking each while it is written,
    until ``target`` checks were made during writes (or ``max_rounds`` builds)."""
    ctx = multiprocessing.get_context("spawn")
    total = ReaderResult()
    work.mkdir(parents=True, exist_ok=True)
    while total.checks < target and total.rounds < max_rounds:
        total.rounds += 1
        db = work / f"read-{total.rounds:02d}.db"
        # The database exists (schema, no documents) before the reader opens it, as a served file would.
        subprocess.run([sys.executable, "-c", f"from atlas_courts.store import open_db; open_db({str(db)!r}).close()"],
                       check=True)
        stop, queue = ctx.Event(), ctx.Queue()
        reader = ctx.Process(target=_reader, args=(str(db), stop, queue))
        reader.start()
        proc = subprocess.Popen(build_cmd(inputs, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proc.wait()
        stop.set()
        got = queue.get(timeout=120)
        reader.join(30)
        total.checks += got["checks"]
        total.partial += got["partial"]
        total.locked += got["locked"]
        total.other_errors += got["other_errors"]
        total.max_documents_seen = max(total.max_documents_seen, got["max_documents_seen"])
        if got["first_error"]:
            total.errors.append(got["first_error"])
        log(f"round {total.rounds}: {got['checks']} checks while the build wrote, {got['partial']} partial, "
            f"{got['locked']} locked, up to {got['max_documents_seen']} documents seen")
    return total
