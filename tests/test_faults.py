"""Faults (issue 6): SIGKILL of the build, a reader beside a writing build, order and repetition.

REDUCED for the suite's time budget: 2 kills instead of 20, one round of concurrent
reading (a few hundred checks) instead of 5,000 checks, a corpus of 6 good documents
plus 4 failing files and a duplicate. The full numbers run with
``python scripts/hostile_harness.py WORK --faults`` (20 kills, 5,000 checks).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

import pytest

from atlas_courts.build import build
from atlas_courts.hostile import good_documents
from atlas_courts.hostile.faults import dump, fault_corpus, kill_once, reader_checks, run_build

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return fault_corpus(tmp_path_factory.mktemp("faults") / "inputs", good_documents(6))


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "atlas.db"
    seconds = run_build(corpus, db)
    return db, seconds


def test_the_corpus_has_failures_and_a_duplicate(clean):
    db, _ = clean
    d = dump(db)
    assert len(d["documents"]) == 6
    assert {row[4] for row in d["ingest_errors"]} == {"empty_file", "not_a_pdf", "encrypted", "corrupt"}


def test_building_twice_or_in_another_order_gives_identical_content(corpus, clean, tmp_path):
    db, _ = clean
    before = dump(db)
    summary = build([corpus], db, workers=2)
    assert summary.ok == 0 and summary.skipped == 7  # 6 stored, 1 duplicate
    assert dump(db) == before
    other = tmp_path / "reversed.db"
    build(sorted(corpus.iterdir(), reverse=True), other, workers=1)
    assert dump(other) == before
    shuffled = tmp_path / "shuffled.db"
    files = sorted(corpus.iterdir())
    random.Random(3).shuffle(files)
    build(files, shuffled, workers=2)
    assert dump(shuffled) == before


@pytest.mark.parametrize("seed", [11, 12])
def test_a_killed_build_is_consistent_and_the_next_completes_it(corpus, clean, tmp_path, seed):
    db, seconds = clean
    r = kill_once(corpus, tmp_path / "killed.db", db, seconds, random.Random(seed))
    assert r.integrity in ("ok", "no database yet")
    assert r.half_stored == []
    assert r.left_behind == 0
    assert r.resumed_identical


def test_a_reader_never_sees_a_partial_document(corpus, tmp_path):
    result = reader_checks(corpus, tmp_path, target=200, max_rounds=2, log=lambda _m: None)
    assert result.checks >= 200
    assert result.max_documents_seen >= 1
    assert (result.partial, result.locked, result.other_errors) == (0, 0, 0), result.errors


# --------------------------------------------------------------------------- workers die with the build


def _parent_with_a_stuck_worker(ready) -> None:
    from atlas_courts.ingest.sandbox import Limits, run_isolated

    ready.set()
    run_isolated(time.sleep, 600, limits=Limits(timeout_s=600), file="stuck.pdf")


def test_workers_die_with_the_build_process():
    """SIGKILL of the build (the OOM killer's way) must not leave its workers running orphaned."""
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    parent = ctx.Process(target=_parent_with_a_stuck_worker, args=(ready,))
    parent.start()
    assert ready.wait(60)
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while time.monotonic() < deadline and not workers:
        workers = _children(parent.pid)
        time.sleep(0.05)
    assert workers, "the worker never started"
    os.kill(parent.pid, signal.SIGKILL)
    parent.join(10)
    for _ in range(100):
        if not any(_alive(p) for p in workers):
            break
        time.sleep(0.05)
    alive = [p for p in workers if _alive(p)]
    for p in alive:
        os.kill(p, signal.SIGKILL)
    assert not alive, "workers outlived the build process"


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False

