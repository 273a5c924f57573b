"""Run ``atlas-courts build`` over a hostile set and check what became of every file.

Checks (each a line of the report; any failure makes ``Report.passed`` false):
- no batch abort: the build exits 0 or 1 (1: some files failed), prints its
  summary line, and no traceback;
- every input has exactly one terminal status (errors.py), from
  ``documents.status`` when stored, else from ``ingest_errors``, with a known
  error class and a readable message that names the file;
- the status is one the manifest allows for that file (encrypted files:
  ``encrypted``; owner-password-only files: ``ok``; see classes.py);
- encrypted files are ``encrypted`` again in repeated builds of them alone;
- the good documents' rows are identical to those of a clean build of them alone;
- every worker process seen ran under an address-space limit and stayed under
  it; no process of the build's session is left once it exits; the build
  process's resident memory stays under ``parent_limit_mb``.
"""

from __future__ import annotations

import collections
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import errors
from . import Entry, load_manifest

STATUSES = ("ok", "failed", "encrypted", "rejected", "timeout", "crashed")
# Tables holding one document's rows, keyed by the column naming the document.
DOCUMENT_TABLES = {
    "documents": "sha256", "pages": "document", "mentions": "document", "cases": "document",
    "defendants": "document", "charges": "document", "charge_statutes": "document",
    "statutes_cited": "document", "events": "document", "victims": "document",
}


def known_error_classes() -> set[str]:
    """Every error class a build may store: the DocumentError subclasses, and unreadable files."""
    out = {"unreadable"}
    stack = [errors.DocumentError]
    while stack:
        cls = stack.pop()
        out.add(cls.error_class)
        stack.extend(cls.__subclasses__())
    return out


# --------------------------------------------------------------------------- process monitoring


def _status_kb(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _as_limit(pid: int) -> int | None:
    """The soft RLIMIT_AS of ``pid`` in bytes (None: unlimited or unknown)."""
    try:
        with open(f"/proc/{pid}/limits") as fh:
            for line in fh:
                if line.startswith("Max address space"):
                    soft = line.split()[3]
                    return None if soft == "unlimited" else int(soft)
    except (OSError, ValueError, IndexError):
        pass
    return None


def live_processes() -> list[tuple[int, int, int]]:
    """(pid, parent pid, session id) of every live (non-zombie) process, from /proc/*/stat."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            out.append((int(entry), int(fields[1]), int(fields[3])))
    return out


def session_processes(sid: int) -> list[int]:
    """Live (non-zombie) processes whose session id is ``sid``."""
    return [pid for pid, _ppid, session in live_processes() if session == sid]


def descendants(pid: int) -> list[int]:
    """Children, grandchildren, ... of ``pid`` (from /proc/PID/task/*/children: cheap,
    unlike a scan of all of /proc at every sample)."""
    out: list[int] = []
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{current}/task/{tid}/children") as fh:
                    kids = [int(x) for x in fh.read().split()]
            except (OSError, ValueError):
                continue
            out.extend(kids)
            stack.extend(kids)
    return out


@dataclass
class Monitor:
    """Samples the build process and its children every ``interval`` seconds."""

    pid: int
    interval: float = 0.1
    parent_peak_kb: int = 0
    parent_series: list[tuple[float, int]] = field(default_factory=list)
    children_seen: set[int] = field(default_factory=set)
    children_unlimited: set[int] = field(default_factory=set)
    children_over: list[tuple[int, int, int]] = field(default_factory=list)  # pid, VmPeak, limit
    child_peak_rss_kb: int = 0
    child_peak_ratio: float = 0.0  # VmPeak / RLIMIT_AS, highest seen

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> "Monitor":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        started = time.monotonic()
        while not self._stop.is_set():
            rss = _status_kb(self.pid, "VmRSS")
            if rss:
                self.parent_peak_kb = max(self.parent_peak_kb, rss)
                self.parent_series.append((round(time.monotonic() - started, 1), rss))
            for pid in descendants(self.pid):
                self.children_seen.add(pid)
                limit = _as_limit(pid)
                peak_kb = _status_kb(pid, "VmPeak")
                self.child_peak_rss_kb = max(self.child_peak_rss_kb, _status_kb(pid, "VmRSS"))
                if limit is None:
                    # A process sampled between fork and setrlimit has no limit yet: only
                    # count it if it is still unlimited on a later sample.
                    if pid in self._pending:
                        self.children_unlimited.add(pid)
                    self._pending.add(pid)
                    continue
                self._pending.discard(pid)
                self.children_unlimited.discard(pid)
                if peak_kb:
                    self.child_peak_ratio = max(self.child_peak_ratio, peak_kb * 1024 / limit)
                    if peak_kb * 1024 > limit:
                        self.children_over.append((pid, peak_kb * 1024, limit))
            self._stop.wait(self.interval)

    _pending: set[int] = field(default_factory=set)


# --------------------------------------------------------------------------- running builds


@dataclass
class BuildRun:
    returncode: int
    seconds: float
    stdout: str
    stderr: str
    monitor: Monitor
    left_behind: list[int]


def run_build(paths: list[str | os.PathLike], db: Path, *, timeout_s: float, memory_mb: int, max_file_mb: int,
              workers: int = 2, ocr: bool = True, hard_timeout_s: float = 7200) -> BuildRun:
    cmd = [sys.executable, "-m", "atlas_courts.cli", "build", *map(str, paths), "--db", str(db),
           "--timeout", str(timeout_s), "--memory-mb", str(memory_mb), "--max-file-mb", str(max_file_mb),
           "--workers", str(workers)]
    if not ocr:
        cmd.append("--no-ocr")
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    monitor = Monitor(proc.pid).start()
    try:
        out, err = proc.communicate(timeout=hard_timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        err += f"\nharness: build killed after {hard_timeout_s} s"
    finally:
        monitor.stop()
    seconds = time.monotonic() - started
    left = []
    for _ in range(20):  # reaping by init can take a moment
        left = session_processes(proc.pid)
        if not left:
            break
        time.sleep(0.1)
    for pid in left:  # report them, then do not leave them behind ourselves
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return BuildRun(proc.returncode, seconds, out, err, monitor, left)


def aborted(run: BuildRun) -> str | None:
    """Why the build counts as aborted, or None."""
    if run.returncode not in (0, 1):
        return f"exit status {run.returncode}"
    if "Traceback" in run.stderr:
        return "traceback on stderr"
    if "documents:" not in run.stdout:
        return "no summary line"
    return None


# --------------------------------------------------------------------------- reading the outcome


@dataclass
class Outcome:
    entry: Entry
    status: str | None
    error_class: str | None
    message: str | None
    problems: list[str] = field(default_factory=list)
    # The subset of ``problems`` about the error class or message, and about the manifest's expectation.
    unreadable: bool = False
    unexpected: bool = False


def _connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def outcomes(db: Path, manifest: list[Entry]) -> list[Outcome]:
    conn = _connect(db)
    stored = {sha: status for sha, status in conn.execute("SELECT sha256, status FROM documents")}
    failed: dict[str, list[tuple[str, str, str]]] = collections.defaultdict(list)
    for sha, cls, status, message in conn.execute("SELECT sha256, error_class, status, message FROM ingest_errors"):
        failed[sha].append((cls, status, message))
    conn.close()
    known = known_error_classes()
    out = []
    for e in manifest:
        if e.sha256 in stored:
            o = Outcome(e, stored[e.sha256], None, None)
            if e.sha256 in failed:
                o.problems.append("both stored and in ingest_errors")
        elif len(failed.get(e.sha256, [])) == 1:
            cls, status, message = failed[e.sha256][0]
            o = Outcome(e, status, cls, message)
            if cls not in known:
                o.problems.append(f"unknown error class {cls!r}")
            o.problems += _message_problems(message, e.file)
            o.unreadable = bool(o.problems)
        elif e.sha256 in failed:
            o = Outcome(e, None, None, None, [f"{len(failed[e.sha256])} ingest_errors rows"])
        else:
            o = Outcome(e, None, None, None, ["no terminal status: neither stored nor in ingest_errors"])
        if o.status is not None and o.status not in STATUSES:
            o.problems.append(f"status {o.status!r} is not terminal")
        if o.status is not None and e.expect and o.status not in e.expect:
            o.problems.append(f"status {o.status} not in expected {e.expect}")
            o.unexpected = True
        if o.error_class and e.error_classes and o.error_class not in e.error_classes:
            o.problems.append(f"error class {o.error_class} not in expected {e.error_classes}")
            o.unexpected = True
        out.append(o)
    return out


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _message_problems(message: str, file: str) -> list[str]:
    problems = []
    if not message or not message.strip():
        problems.append("empty message")
        return problems
    if file not in message:
        problems.append("message does not name the file")
    if "Traceback" in message:
        problems.append("message holds a traceback")
    if len(message) > 2000:
        problems.append(f"message of {len(message)} characters")
    if _CONTROL.search(message):
        problems.append("control characters in the message")
    return problems


def document_rows(db: Path, shas: list[str]) -> dict[str, dict[str, list[tuple]]]:
    """{sha: {table: sorted rows}} for the given documents."""
    conn = _connect(db)
    out: dict[str, dict[str, list[tuple]]] = {}
    for sha in shas:
        out[sha] = {
            t: sorted(conn.execute(f"SELECT * FROM [{t}] WHERE [{col}] = ?", [sha]).fetchall(), key=repr)
            for t, col in DOCUMENT_TABLES.items()
        }
    conn.close()
    return out


# --------------------------------------------------------------------------- the whole check


@dataclass
class Report:
    checks: list[tuple[str, bool, str]] = field(default_factory=list)
    table: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    figures: dict = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return all(ok for _, ok, _ in self.checks)

    def check(self, name: str, ok: bool, detail: str) -> None:
        self.checks.append((name, ok, detail))

    def render(self) -> str:
        lines = []
        cols = ["class", "files", *STATUSES, "unexpected"]
        widths = [max(len(c), 24 if i == 0 else 5) for i, c in enumerate(cols)]
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cols, widths))))
        for row in self.table:
            lines.append("  ".join(
                str(row[c]).ljust(w) if i == 0 else str(row[c]).rjust(w) for i, (c, w) in enumerate(zip(cols, widths))))
        lines.append("")
        classes = self.figures.get("error_classes", {})
        if classes:
            lines.append("error classes: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items(), key=lambda kv: -kv[1])))
        for name, ok, detail in self.checks:
            lines.append(f"[{'PASS' if ok else 'FAIL'}] {name}: {detail}")
        for p in self.problems[:50]:
            lines.append(f"  problem: {p}")
        if len(self.problems) > 50:
            lines.append(f"  ... and {len(self.problems) - 50} more problems")
        return "\n".join(lines)


def run_harness(inputs: Path, work: Path, *, timeout_s: float = 60, memory_mb: int = 1024, max_file_mb: int = 24,
                workers: int = 2, ocr: bool = True, parent_limit_mb: int = 1536, encrypted_repeats: int = 3,
                log=print) -> Report:
    manifest = load_manifest(inputs)
    work.mkdir(parents=True, exist_ok=True)
    report = Report()
    report.figures["files"] = len(manifest)
    report.figures["kinds"] = dict(collections.Counter(e.kind for e in manifest))
    limits = dict(timeout_s=timeout_s, memory_mb=memory_mb, max_file_mb=max_file_mb, workers=workers, ocr=ocr)

    goods = [inputs / e.file for e in manifest if e.kind == "good"]
    clean_db = work / "clean.db"
    if goods:
        log(f"clean build of the {len(goods)} good documents alone")
        clean = run_build(goods, clean_db, **limits)
        report.check("clean build of the good documents", clean.returncode == 0,
                     f"exit {clean.returncode} in {clean.seconds:.0f} s")

    log(f"build over {len(manifest)} files (timeout {timeout_s:g} s, memory {memory_mb} MB, {workers} workers)")
    db = work / "hostile.db"
    run = run_build([inputs], db, **limits)
    report.figures["build_seconds"] = round(run.seconds, 1)
    why = aborted(run)
    report.check("no batch abort", why is None, why or f"exit {run.returncode}, summary: {run.stdout.strip()[:200]}")
    if why:
        report.problems.append(run.stderr[-3000:])
        return report

    conn = _connect(db)
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    report.check("integrity_check", integrity == "ok", integrity)

    results = outcomes(db, manifest)
    bad = [o for o in results if o.problems]
    for o in bad:
        report.problems.append(f"{o.entry.file} [{o.entry.cls}] {o.status}/{o.error_class}: {'; '.join(o.problems)}"
                               + (f" - {o.message[:160]}" if o.message else ""))
    missing = [o for o in results if o.status is None]
    report.check("every input has a terminal status", not missing, f"{len(results) - len(missing)}/{len(results)}")
    unreadable = [o for o in results if o.unreadable]
    report.check("stable error class and readable message", not unreadable,
                 f"{sum(1 for o in results if o.error_class)} failures, {len(unreadable)} with a bad class or message")
    unexpected = [o for o in results if o.unexpected]
    report.check("statuses as the manifest allows", not unexpected, f"{len(unexpected)} unexpected")

    # Encrypted (user password) files, again and again.
    enc = [o for o in results if o.entry.cls == "encrypted_user" and "encrypted" in o.entry.expect and len(o.entry.expect) == 1]
    enc_ok = all(o.status == "encrypted" for o in enc)
    repeats = []
    for k in range(encrypted_repeats if enc else 0):
        rdb = work / f"encrypted-{k}.db"
        rrun = run_build([inputs / o.entry.file for o in enc], rdb, **limits)
        again = outcomes(rdb, [o.entry for o in enc])
        repeats.append(sum(1 for o in again if o.status == "encrypted"))
        enc_ok = enc_ok and aborted(rrun) is None and repeats[-1] == len(enc)
    owner = [o for o in results if o.entry.cls == "encrypted_owner"]
    report.check("encrypted files are encrypted every time", enc_ok,
                 f"{sum(1 for o in enc if o.status == 'encrypted')}/{len(enc)} in the big build, "
                 f"then {repeats} of {len(enc)} in {len(repeats)} builds of them alone; "
                 f"owner-password-only: {dict(collections.Counter(o.status for o in owner))}")

    if goods:
        shas = [e.sha256 for e in manifest if e.kind == "good"]
        mine, theirs = document_rows(db, shas), document_rows(clean_db, shas)
        same = [s for s in shas if mine[s] == theirs[s] and mine[s]["documents"]]
        rows = sum(len(r) for s in same for r in mine[s].values())
        report.check("good documents stored exactly as in a clean run", len(same) == len(shas),
                     f"{len(same)}/{len(shas)} identical ({rows} rows)")

    m = run.monitor
    report.figures.update(
        parent_peak_rss_mb=round(m.parent_peak_kb / 1024),
        children_seen=len(m.children_seen),
        child_peak_rss_mb=round(m.child_peak_rss_kb / 1024),
        child_peak_share_of_limit=round(m.child_peak_ratio, 3),
    )
    report.check("no child over its memory limit", not m.children_over and not m.children_unlimited,
                 f"{len(m.children_seen)} workers sampled, {len(m.children_unlimited)} without a limit, "
                 f"{len(m.children_over)} over it; highest VmPeak {m.child_peak_ratio:.0%} of its limit, "
                 f"highest RSS {m.child_peak_rss_kb / 1024:.0f} MB")
    report.check("no process left behind", not run.left_behind, f"{len(run.left_behind)} left")
    report.check("parent memory bounded", m.parent_peak_kb <= parent_limit_mb * 1024,
                 f"peak RSS {m.parent_peak_kb / 1024:.0f} MB (limit {parent_limit_mb} MB)")

    # The summary table: one row per class.
    by_class: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for o in results:
        c = by_class[o.entry.cls]
        c["files"] += 1
        c[o.status or "missing"] += 1
        c["unexpected"] += bool(o.problems)
    order = sorted(by_class, key=lambda k: (k == "good", k.startswith("mutant"), k))
    for cls in order:
        c = by_class[cls]
        report.table.append({"class": cls, "files": c["files"], **{s: c[s] for s in STATUSES}, "unexpected": c["unexpected"]})
    total = collections.Counter()
    for c in by_class.values():
        total.update(c)
    report.table.append({"class": "TOTAL", "files": total["files"], **{s: total[s] for s in STATUSES},
                         "unexpected": total["unexpected"]})
    report.figures["error_classes"] = dict(collections.Counter(o.error_class for o in results if o.error_class))
    report.figures["crashed"] = [f"{o.entry.file}: {o.message}" for o in results if o.status == "crashed"][:100]
    report.figures["timeouts"] = [o.entry.file for o in results if o.status == "timeout"]
    (work / "report.json").write_text(json.dumps({
        "passed": report.passed, "checks": report.checks, "table": report.table, "figures": report.figures,
        "problems": report.problems, "parent_rss_series": m.parent_series[:: max(1, len(m.parent_series) // 500)],
    }, indent=1))
    return report
