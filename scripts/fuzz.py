#!/usr/bin/env python
"""Coverage-guided fuzzing of our own entry point with atheris (issue 6).

The target is ``ingest.ingest_file`` (no OCR), the entry point of every file, run
in-process on each input (``--target process`` fuzzes ``pipeline.process_file``, ingest ->
extract -> resolve, ~20x slower): the first byte picks the suffix (.pdf, .docx, .txt), the
rest is the file. The only exceptions it may raise are ours (``errors.AtlasError``):
anything else (a ValueError from deep inside pdfminer, a RecursionError, a bug of
ours) is a crash. A MemoryError is not: the worker sandbox turns it into
``memory_limit``; such inputs are kept under WORK/ooms/ for review.

    python scripts/fuzz.py WORK --minutes 30     # supervise: restart after each crash until time is up
    python scripts/fuzz.py --replay FILE...      # run inputs once, print the outcome of each

The supervisor keeps the corpus in WORK/corpus (seeded from small PDFs of corpus/,
../shared/corpus/pdf/ and tests/fixtures/hostile/), crashes in WORK/artifacts, a log
per worker, and writes WORK/summary.json: duration, executions, unique crashes
(by exception type and innermost frame), timeouts and out-of-memory inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUFFIXES = (".pdf", ".docx", ".txt")
MEMORY_LIMIT_MB = 3072  # address space of a worker; the sandbox's default
_TMP = None


def _input_file(data: bytes) -> Path:
    global _TMP
    if _TMP is None:
        _TMP = Path(tempfile.mkdtemp(prefix="atlas-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    suffix = SUFFIXES[data[0] % 3] if data else ".pdf"
    path = _TMP / f"input{suffix}"
    for old in _TMP.iterdir():
        old.unlink()
    path.write_bytes(data[1:])
    return path


def one_input(data: bytes, entry, AtlasError, oom_dir: Path | None = None) -> str:
    """Run one input through ``entry`` (ingest_file or process_file); return a short
    outcome. Raises whatever is not ours."""
    path = _input_file(data)
    try:
        processed = entry(path, ocr=False, max_pages=200, max_file_mb=50)
    except AtlasError as exc:
        return f"{type(exc).__name__}: {getattr(exc, 'error_class', '')}"
    except MemoryError:
        if oom_dir is not None:
            oom_dir.mkdir(parents=True, exist_ok=True)
            (oom_dir / hashlib.sha1(data).hexdigest()).write_bytes(data)
        return "MemoryError (the sandbox reports memory_limit)"
    document = getattr(processed, "document", processed)
    return f"ok: {len(document.pages)} pages"


# --------------------------------------------------------------------------- worker (runs atheris)


def _entry(target: str):
    if target == "process":
        from atlas_courts.pipeline import process_file, warm_up

        warm_up()
        return process_file
    from atlas_courts.ingest import ingest_file

    return ingest_file


def worker(argv: list[str], oom_dir: Path, target: str) -> None:
    import atheris

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_MB << 20, hard))
    # Coverage of the parsers and of our ingest code guides the search; extraction is not instrumented.
    with atheris.instrument_imports(include=["atlas_courts.ingest", "pdfminer", "pdfplumber", "docx"]):
        import pdfminer.pdfparser  # noqa: F401
        import pdfplumber  # noqa: F401

        from atlas_courts import ingest  # noqa: F401
    from atlas_courts.errors import AtlasError

    entry = _entry(target)

    def fuzz_one(data: bytes) -> None:
        one_input(data, entry, AtlasError, oom_dir)

    atheris.Setup(argv, fuzz_one)
    atheris.Fuzz()


# --------------------------------------------------------------------------- supervisor


def seeds(corpus: Path, max_kb: int = 8) -> int:
    """Small files to start from: generated one-page PDFs, the smallest corpus PDFs, the regression fixtures."""
    from atlas_courts.hostile.pdfwriter import Encryption, simple_pdf

    corpus.mkdir(parents=True, exist_ok=True)
    made = {
        "simple-1.pdf": simple_pdf(1), "simple-2-raw.pdf": simple_pdf(2, compress=False),
        "rc4.pdf": simple_pdf(1, encryption=Encryption(3, user="", seed=1)),
        "aes.pdf": simple_pdf(1, encryption=Encryption(4, user="", seed=2)),
    }
    for name, data in made.items():
        (corpus / f"seed-{name}").write_bytes(b"\0" + data)
    n = len(made)
    candidates = sorted((ROOT / "corpus").glob("*.pdf")) + sorted((ROOT.parent / "shared" / "corpus" / "pdf").glob("*.pdf"))
    candidates += sorted((ROOT / "tests" / "fixtures" / "hostile").glob("*"))
    for p in candidates:
        if not p.is_file() or p.stat().st_size > max_kb * 1024:
            continue
        data = p.read_bytes()
        prefix = bytes([SUFFIXES.index(p.suffix) if p.suffix in SUFFIXES else 0])
        (corpus / f"seed-{p.name}").write_bytes(prefix + data)
        n += 1
    for p in sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus").glob("*.docx")):
        (corpus / f"seed-{p.name}").write_bytes(bytes([SUFFIXES.index(p.suffix)]) + p.read_bytes())
        n += 1
    return n


_CRASH_RE = re.compile(r"Test unit written to (\S+)")
_EXECS_RE = re.compile(r"^#(\d+)\s", re.M)


def _signature(log: str) -> str:
    """Exception type and innermost frame of an uncaught Python exception in a worker log."""
    m = re.search(r"=== Uncaught Python exception: ===\n(.*?)\n(?:Traceback.*?\n)((?:  File.*\n.*\n)+)", log, re.S)
    if not m:
        if "timeout" in log.lower() and "ALARM" in log:
            return "timeout"
        if "out-of-memory" in log or "rss limit" in log.lower():
            return "oom"
        return "other: " + (log.strip().splitlines() or ["?"])[-1][:200]
    frames = re.findall(r'  File "([^"]+)", line (\d+), in (\S+)', m.group(2))
    last = frames[-1] if frames else ("?", "?", "?")
    return f"{m.group(1).strip()[:160]} @ {Path(last[0]).name}:{last[1]} {last[2]}"


def supervise(work: Path, minutes: float, timeout_s: int, max_len: int, target: str = "ingest") -> dict:
    work.mkdir(parents=True, exist_ok=True)
    corpus, artifacts, logs = work / "corpus", work / "artifacts", work / "logs"
    for d in (artifacts, logs):
        d.mkdir(exist_ok=True)
    n_seeds = seeds(corpus)
    started = time.monotonic()
    deadline = started + minutes * 60
    execs = 0
    runs = 0
    crashes: dict[str, list[str]] = {}
    while time.monotonic() < deadline - 5:
        runs += 1
        left = int(deadline - time.monotonic())
        log_path = logs / f"worker-{runs:03d}.log"
        cmd = [sys.executable, __file__, "--worker", str(work), target, "--", str(corpus),
               f"-max_total_time={left}", f"-timeout={timeout_s}", f"-max_len={max_len}", "-rss_limit_mb=4096",
               f"-artifact_prefix={artifacts}/", "-print_final_stats=1"]
        with log_path.open("w") as fh:
            subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, check=False)
        log = log_path.read_text(errors="replace")
        counts = [int(x) for x in _EXECS_RE.findall(log)]
        stats = re.search(r"stat::number_of_executed_units:\s*(\d+)", log)
        execs += int(stats.group(1)) if stats else (max(counts) if counts else 0)
        for path in _CRASH_RE.findall(log):
            crashes.setdefault(_signature(log), []).append(path)
    summary = {
        "target": target,
        "minutes": round((time.monotonic() - started) / 60, 1),
        "executions": execs,
        "worker_runs": runs,
        "seeds": n_seeds,
        "corpus_files": len(list(corpus.iterdir())),
        "unique_crashes": len(crashes),
        "crashes": crashes,
        "ooms_kept": len(list((work / "ooms").glob("*"))) if (work / "ooms").exists() else 0,
    }
    (work / "summary.json").write_text(json.dumps(summary, indent=1))
    return summary


def replay(files: list[str], target: str) -> int:
    from atlas_courts.errors import AtlasError

    entry = _entry(target)
    bad = 0
    for f in files:
        data = Path(f).read_bytes()
        try:
            outcome = one_input(data, entry, AtlasError)
        except Exception as exc:  # noqa: BLE001 - reporting what escaped is the point
            bad += 1
            outcome = f"CRASH {type(exc).__name__}: {exc}"
        print(f"{f}: {outcome}")
    return 1 if bad else 0


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        work, target = Path(sys.argv[2]), sys.argv[3]
        rest = sys.argv[sys.argv.index("--") + 1:]
        worker([sys.argv[0], *rest], work / "ooms", target)
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work", nargs="?", type=Path, help="working directory")
    ap.add_argument("--minutes", type=float, default=30.0)
    ap.add_argument("--timeout", type=int, default=60, help="seconds per input before libFuzzer calls it a hang")
    ap.add_argument("--max-len", type=int, default=16384)
    ap.add_argument("--target", choices=("ingest", "process"), default="ingest")
    ap.add_argument("--replay", nargs="+", help="run these inputs (first byte picks the suffix) and exit")
    args = ap.parse_args()
    if args.replay:
        return replay(args.replay, args.target)
    if args.work is None:
        ap.error("give a working directory")
    summary = supervise(args.work, args.minutes, args.timeout, args.max_len, args.target)
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
