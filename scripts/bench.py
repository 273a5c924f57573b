#!/usr/bin/env python
"""Pages per second and peak memory for each stage and end to end, with 1 and 2 workers.

    python scripts/bench.py                       # bundled corpus/ and a generated one of >= 2,000 pages
    python scripts/bench.py --large-pages 0       # bundled corpus only
    python scripts/bench.py --json out.json

Each stage runs in a child process of its own, so that its peak resident memory
(ru_maxrss) is its own: ingest (text layer only, OCR off), OCR (the extra time of
ingest with OCR on the documents that need it), extract + resolve, store, publish.
End to end is ``atlas-courts build`` then ``publish`` as subprocesses, from scratch,
with --workers 1 and 2. Figures are measured, never asserted: there is no speed
target yet (issue 2); they are the baseline later issues improve on.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _in_child(fn, *args):
    """Run fn(*args) in a forked child; return (result, seconds, peak RSS MiB)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        started = time.perf_counter()
        result = fn(*args)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        data = pickle.dumps((result, seconds, peak))
        with os.fdopen(write, "wb") as fh:
            fh.write(data)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    return pickle.loads(data)


def _sources(folder: Path) -> list[Path]:
    from atlas_courts.build import collect_files

    return collect_files([folder])


def stage_ingest(sources, out: Path, ocr: bool):
    from atlas_courts.ingest import ingest_file

    pages = ocr_pages = 0
    for i, src in enumerate(sources):
        try:
            doc = ingest_file(src, ocr=ocr)
        except Exception:  # a file that fails is counted, not timed
            continue
        pages += len(doc.pages)
        ocr_pages += len(doc.ocr_pages)
        if out:
            with open(out / f"{i:05d}.pickle", "wb") as fh:
                pickle.dump(doc, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return {"pages": pages, "ocr_pages": ocr_pages}


def stage_extract(folder: Path, out: Path):
    from atlas_courts.pipeline import process_document, warm_up

    warm_up()
    pages = 0
    for path in sorted(folder.glob("*.pickle")):
        with open(path, "rb") as fh:
            doc = pickle.load(fh)
        processed = process_document(doc)
        pages += len(doc.pages)
        with open(out / path.name, "wb") as fh:
            pickle.dump(processed, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return {"pages": pages}


def stage_store(folder: Path, db_path: Path):
    from atlas_courts import store
    from atlas_courts.pipeline import versions

    db = store.open_db(db_path)
    run = store.record_run(db, versions())
    pages = 0
    for path in sorted(folder.glob("*.pickle")):
        with open(path, "rb") as fh:
            p = pickle.load(fh)
        store.store_document(db, p.document, p.extraction, p.record, run=run)
        pages += len(p.document.pages)
    db.close()
    return {"pages": pages}


def stage_publish(db_path: Path, out: Path):
    from atlas_courts.publish import publish

    return publish(db_path, out)


def measure_stages(name: str, folder: Path, work: Path) -> list[dict]:
    sources = _sources(folder)
    docs = work / "docs"
    processed = work / "processed"
    for d in (docs, processed):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    rows = []
    text, t_text, m_text = _in_child(stage_ingest, sources, docs, False)
    rows.append({"corpus": name, "stage": "ingest (text layer)", "pages": text["pages"], "seconds": t_text, "peak_mib": m_text})
    # OCR: ingest again with OCR on the documents that have image-only pages.
    with_ocr, t_all, m_all = _in_child(stage_ingest, sources, docs, True)
    ocr_pages = with_ocr["ocr_pages"]
    rows.append({"corpus": name, "stage": "OCR", "pages": ocr_pages, "seconds": max(t_all - t_text, 0.0), "peak_mib": m_all})
    ext, t_ext, m_ext = _in_child(stage_extract, docs, processed)
    rows.append({"corpus": name, "stage": "extract + resolve", "pages": ext["pages"], "seconds": t_ext, "peak_mib": m_ext})
    db = work / "stage.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    st, t_st, m_st = _in_child(stage_store, processed, db)
    rows.append({"corpus": name, "stage": "store", "pages": st["pages"], "seconds": t_st, "peak_mib": m_st})
    _pub, t_pub, m_pub = _in_child(stage_publish, db, work / "stage-public.db")
    rows.append({"corpus": name, "stage": "publish", "pages": st["pages"], "seconds": t_pub, "peak_mib": m_pub})
    return rows


def end_to_end(name: str, folder: Path, work: Path, workers: int) -> dict:
    db = work / f"e2e-{workers}.db"
    public = work / f"e2e-{workers}-public.db"
    for p in (db, public):
        for suffix in ("", "-wal", "-shm"):
            Path(str(p) + suffix).unlink(missing_ok=True)
    exe = [sys.executable, "-m", "atlas_courts.cli"]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    build = subprocess.run(exe + ["build", str(folder), "--db", str(db), "--workers", str(workers)],
                           capture_output=True, text=True)
    subprocess.run(exe + ["publish", "--db", str(db), "--out", str(public)], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    summary = build.stdout.strip().splitlines()[0] if build.stdout.strip() else build.stderr[-300:]
    pages = int(summary.split("pages: ")[1].split()[0]) if "pages: " in summary else 0
    return {"corpus": name, "stage": f"end to end, {workers} worker{'s' if workers > 1 else ''}", "pages": pages,
            "seconds": seconds, "peak_mib": peak, "summary": summary}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large-pages", type=int, default=2000, help="pages of the generated large corpus (0: skip it)")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    ap.add_argument("--json", type=Path, default=None, help="also write the rows as JSON")
    args = ap.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpora = [("bundled", ROOT / "corpus")]
    if args.large_pages:
        large = work / "large-corpus"
        if not any(large.glob("*.pdf")):
            subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "--large", str(large),
                            "--pages", str(args.large_pages)], check=True, capture_output=True)
        corpora.append((f"generated {args.large_pages}+ pages", large))

    rows = []
    for name, folder in corpora:
        rows += measure_stages(name, folder, work / name.split()[0])
        for workers in (1, 2):
            rows.append(end_to_end(name, folder, work / name.split()[0], workers))

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"{'corpus':<28}{'stage':<26}{'pages':>7}{'seconds':>10}{'pages/s':>10}{'peak MiB':>10}")
    for r in rows:
        rate = r["pages"] / r["seconds"] if r["seconds"] and r["pages"] else 0.0
        r["pages_per_second"] = round(rate, 2)
        print(f"{r['corpus']:<28}{r['stage']:<26}{r['pages']:>7}{r['seconds']:>10.1f}{rate:>10.2f}{r['peak_mib']:>10.0f}")
    for r in rows:
        if "summary" in r:
            print(f"  {r['corpus']}, {r['stage']}: {r['summary']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
