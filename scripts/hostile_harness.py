#!/usr/bin/env python
"""Run ``atlas-courts build`` over the hostile set and check every file's fate (issue 6).

    python scripts/hostile_harness.py /tmp/hostile-run                 # generate the full set, then build and check
    python scripts/hostile_harness.py /tmp/run --inputs /tmp/hostile   # use a set made by scripts/make_hostile.py
    python scripts/hostile_harness.py /tmp/run --reduced --mutants 60  # the test suite's reduced set
    python scripts/hostile_harness.py /tmp/faults --faults             # 20 kills, 5,000 concurrent reads

The full run: every class of atlas_courts/hostile/classes.py, 2,000 mutants, 12 good documents
interleaved; per file a 60 s wall-clock limit and a 1,024 MB memory limit (lower than the
defaults so that bombs meet the limit quickly), files over 24 MB rejected. What is checked is
listed in atlas_courts/hostile/harness.py. Prints a summary table per class and writes
WORK/report.json; exits 1 if any check fails.

--faults runs the fault checks instead (atlas_courts/hostile/faults.py) on 12 good documents,
4 failing files and a duplicate: SIGKILL of the build process at --kills random moments (each
followed by integrity_check, a half-stored check against an uninterrupted run, and a resumed
build compared with it), then builds with a reader process checking the database while it is
written, until --checks checks.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

from atlas_courts.hostile import DEFAULT_SEED, generate  # noqa: E402
from atlas_courts.hostile.harness import run_harness  # noqa: E402
from atlas_courts.hostile import good_documents  # noqa: E402
from atlas_courts.hostile import faults  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work", type=Path, help="working directory (databases, report.json; inputs/ unless --inputs)")
    ap.add_argument("--inputs", type=Path, help="an existing set (with manifest.json) instead of generating one")
    ap.add_argument("--mutants", type=int, default=2000)
    ap.add_argument("--good", type=int, default=12)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--reduced", action="store_true", help="quick classes only (as in the test suite)")
    ap.add_argument("--timeout", type=float, default=60.0, help="wall-clock seconds per file")
    ap.add_argument("--memory-mb", type=int, default=1024, help="memory limit of each worker")
    ap.add_argument("--max-file-mb", type=int, default=24)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--parent-limit-mb", type=int, default=1536, help="the build process's resident memory may not exceed this")
    ap.add_argument("--faults", action="store_true", help="run the fault checks (kills, concurrent reader) instead")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--checks", type=int, default=5000)
    args = ap.parse_args(argv)
    if args.faults:
        return run_faults(args)

    started = time.monotonic()
    inputs = args.inputs
    if inputs is None:
        inputs = args.work / "inputs"
        manifest = generate(inputs, mutants=args.mutants, good=args.good, seed=args.seed, reduced=args.reduced)
        print(f"generated {len(manifest)} files in {inputs} ({time.monotonic() - started:.0f} s)", flush=True)
    report = run_harness(inputs, args.work, timeout_s=args.timeout, memory_mb=args.memory_mb,
                         max_file_mb=args.max_file_mb, workers=args.workers, ocr=not args.no_ocr,
                         parent_limit_mb=args.parent_limit_mb, log=lambda m: print(m, flush=True))
    print(report.render())
    f = report.figures
    print(f"files: {f['files']} ({', '.join(f'{k} {v}' for k, v in sorted(f['kinds'].items()))}); "
          f"build {f.get('build_seconds')} s; total {time.monotonic() - started:.0f} s; report: {args.work / 'report.json'}")
    print("RESULT:", "PASS" if report.passed else "FAIL")
    return 0 if report.passed else 1


def run_faults(args) -> int:
    started = time.monotonic()
    inputs = faults.fault_corpus(args.work / "inputs", good_documents(args.good))
    say = lambda m: print(m, flush=True)  # noqa: E731
    kills, clean_seconds = faults.kill_runs(inputs, args.work / "kills", args.kills, log=say)
    reads = faults.reader_checks(inputs, args.work / "reads", args.checks, max_rounds=60, log=say)
    checks = [
        ("integrity_check ok after every kill", all(k.integrity in ("ok", "no database yet") for k in kills)),
        ("no document half-stored", all(not k.half_stored for k in kills)),
        ("no worker outlived the killed build", all(k.left_behind == 0 for k in kills)),
        ("the next build completes it: same database as uninterrupted", all(k.resumed_identical for k in kills)),
        (f"at least {args.checks} checks by a concurrent reader", reads.checks >= args.checks),
        ("no partial document seen", reads.partial == 0),
        ("no 'database is locked' (nor other) errors", reads.locked == 0 and reads.other_errors == 0),
    ]
    stored = sorted(k.stored_at_kill for k in kills)
    print(f"\nkills: {len(kills)} (uninterrupted build {clean_seconds:.1f} s; killed at "
          f"{', '.join(f'{k.at_s:.1f}' for k in kills)} s; documents stored at the kill: {stored})")
    print(f"reader: {reads.checks} checks in {reads.rounds} builds, {reads.partial} partial documents, "
          f"{reads.locked} locked, {reads.other_errors} other errors, up to {reads.max_documents_seen} documents seen"
          + (f"; errors: {reads.errors[:3]}" if reads.errors else ""))
    for name, ok in checks:
        print(f"[{'PASS' if ok else 'FAIL'}] {name}")
    passed = all(ok for _, ok in checks)
    print(f"total {time.monotonic() - started:.0f} s")
    print("RESULT:", "PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
