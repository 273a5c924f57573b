"""Run one function per file in a forked child with resource limits.

Why a child per file: pdfminer can loop for minutes on a malformed file,
pdfium can crash the interpreter, and a 2,000-page scan can eat gigabytes.
In a child, each costs one document and is reported as a named error
(errors.Timeout, MemoryLimit, WorkerCrashed, ...), never the batch.

Why fork: the parent has spaCy loaded; a forked child shares it copy-on-write
instead of loading it again. The child's result is pickled and sent through
a pipe that the parent reads while the child runs, so a large result (a
Document with a box per character) never blocks on a full pipe.

A child dies with its parent (``PR_SET_PDEATHSIG``): when the build process
is killed (SIGKILL, the OOM killer), nobody is left to enforce the child's
time limit or read its result, so a child stuck on a hostile file would
otherwise run on, orphaned, for as long as the file keeps it busy.

Limits: ``timeout_s`` is wall-clock time; the child runs in its own process
group, so on expiry the child and anything it started (tesseract) are
killed together. ``memory_mb`` is the address space the child may add to
what it inherits from the parent (RLIMIT_AS): the inherited mappings are
shared and cost nothing, and counting them would make the limit depend on
what the parent happened to have loaded.
"""

from __future__ import annotations

import ctypes
import importlib
import logging
import os
import pickle
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from .. import errors
from ..errors import CorruptFile, DocumentError, IngestError, MemoryLimit, Timeout, WorkerCrashed

log = logging.getLogger(__name__)

T = TypeVar("T")

# Exceptions whose innermost frame is in these packages come from a file the
# parser could not read: the file is corrupt, not our code broken.
_PARSER_PACKAGES = frozenset({"pdfminer", "pdfplumber", "pypdfium2", "pypdfium2_raw"})
_READ_SIZE = 1 << 20


@dataclass(frozen=True)
class Limits:
    timeout_s: float = 300.0  # wall clock per file
    memory_mb: int = 3072  # address space the child may add to what it inherits
    max_pages: int = 2000
    max_file_mb: int = 200

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.memory_mb <= 0 or self.max_pages < 1 or self.max_file_mb < 1:
            raise errors.UsageError(f"limits must be positive: {self}")


# --------------------------------------------------------------------------- child side


def _statm_bytes(field: int) -> int:
    """Field ``field`` of /proc/self/statm (0: virtual size, 1: resident set) in bytes, 0 when unknown."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _vm_size() -> int:
    """Current virtual size of this process in bytes (0 when unknown)."""
    return _statm_bytes(0)


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux only).
    Also usable as a ``preexec_fn`` for the programs a worker starts (tesseract)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux: the pipe's EOF ends the child when it next writes
        return False


def _die_with_parent(parent: int) -> None:
    # If the parent is already gone (it died between fork and prctl), exit now.
    if die_with_parent() and os.getppid() != parent:
        os._exit(70)


def _rss_kb() -> int:
    """Resident memory of this process in KiB (0 when unknown)."""
    return _statm_bytes(1) // 1024


# A SIGABRT after the child used this share of its memory limit is the limit.
_ABORT_NEAR_LIMIT = 0.5


def _apply_limits(limits: Limits) -> None:
    wanted = _vm_size() + limits.memory_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _from_parser(exc: BaseException) -> bool:
    if type(exc).__module__.split(".")[0] in _PARSER_PACKAGES:
        return True
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last, tb = tb, tb.tb_next
    if last is None:
        return False
    module = str(last.tb_frame.f_globals.get("__name__", ""))
    return module.split(".")[0] in _PARSER_PACKAGES


def _outcome(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, ...]:
    """What the child reports: ("ok", result) or a description of the failure.

    Exceptions are described, not pickled, so that the parent rebuilds only
    classes it trusts (DocumentError and its subclasses: ingest and extraction
    failures of this one document).
    """
    try:
        return ("ok", fn(*args))
    except DocumentError as exc:
        cls = type(exc)
        return ("ingest", cls.__module__, cls.__qualname__, exc.file, exc.message)
    except MemoryError as exc:
        return ("memory", str(exc) or "MemoryError")
    except BaseException as exc:  # report everything: the parent decides
        tail = traceback.format_exception(exc)[-3:]
        return ("exc", type(exc).__name__, str(exc), _from_parser(exc), "".join(tail))


def _child_main(fn: Callable[..., Any], args: tuple[Any, ...], limits: Limits, wfd: int, parent: int) -> None:
    code = 0
    try:
        _die_with_parent(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _apply_limits(limits)
        outcome = _outcome(fn, args)
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", "MemoryError while sending the result"))
        except Exception as exc:
            data = pickle.dumps(("exc", type(exc).__name__, f"result could not be pickled: {exc}", False, ""))
        view = memoryview(data)
        while view:
            view = view[os.write(wfd, view) :]
    except BaseException:  # nothing to report to: the parent sees no result
        code = 70
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers


# --------------------------------------------------------------------------- parent side


class _Child:
    """One forked child running fn(*args), and what the parent has read from it."""

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], limits: Limits, file: str):
        self.file = file
        self.limits = limits
        rfd, wfd = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(rfd)
            try:
                os.setpgid(0, 0)
            except OSError:
                pass
            _child_main(fn, args, limits, wfd, parent)
        os.close(wfd)
        try:
            os.setpgid(pid, pid)  # both sides set it: whichever runs first wins the race
        except OSError:
            pass
        self.pid = pid
        self.fd = rfd
        self.deadline = time.monotonic() + limits.timeout_s
        self.chunks: list[bytes] = []
        self.eof = False
        self.status: int | None = None
        self.peak_rss_kb = 0  # the child's peak resident memory, once reaped
        self.inherited_kb = _rss_kb()  # what the child starts with (shared with us)
        self.timed_out = False

    # -- reading

    def read(self) -> None:
        """Read what is available; called when select says the pipe is readable."""
        data = os.read(self.fd, _READ_SIZE)
        if data:
            self.chunks.append(data)
        else:
            self.eof = True

    def expired(self, now: float) -> bool:
        return now >= self.deadline

    # -- ending

    def kill(self) -> None:
        """Kill the child and its process group (tesseract too), and reap it."""
        for target in (lambda: os.killpg(self.pid, signal.SIGKILL), lambda: os.kill(self.pid, signal.SIGKILL)):
            try:
                target()
            except (ProcessLookupError, PermissionError):
                pass
        self._reap(block=True)
        self._close()

    def _reap(self, block: bool) -> None:
        if self.status is not None:
            return
        try:
            pid, status, usage = os.wait4(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.status = 0
            return
        if pid:
            self.status = status
            self.peak_rss_kb = usage.ru_maxrss

    def _close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def result(self) -> Any:
        """Once done (EOF or timed out): the result, or raise the IngestError the child's fate calls for."""
        if not self.timed_out:
            self._reap(block=True)
            # Whatever the child started in its group (a stuck tesseract) goes too.
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self._close()
        return self._interpret()

    def _interpret(self) -> Any:
        file, status = self.file, self.status or 0
        if self.timed_out:
            raise Timeout(file, f"did not finish within {self.limits.timeout_s:g} s; killed")
        payload: tuple[Any, ...] | None = None
        if self.chunks:
            try:
                payload = pickle.loads(b"".join(self.chunks))
            except Exception:  # a child killed mid-write leaves a truncated pickle
                payload = None
        self.chunks = []
        if payload is None:
            if os.WIFSIGNALED(status):
                sig = os.WTERMSIG(status)
                if sig == signal.SIGKILL:
                    # Not us (we kill only on timeout): the kernel's OOM killer.
                    raise MemoryLimit(file, "killed by SIGKILL, most likely out of memory")
                used_mb = max(0, self.peak_rss_kb - self.inherited_kb) // 1024
                if sig == signal.SIGABRT and used_mb >= _ABORT_NEAR_LIMIT * self.limits.memory_mb:
                    # pdfium (and other C++ code) abort() when an allocation fails instead of
                    # raising: at the memory limit, that is the limit, not a crash.
                    raise MemoryLimit(file, f"aborted after using {used_mb} MB, near the memory limit of "
                                            f"{self.limits.memory_mb} MB (a library could not allocate)")
                raise WorkerCrashed(file, f"worker died with signal {signal.Signals(sig).name}"
                                          f" (peak memory {used_mb} MB over the parent's)")
            code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else status
            raise WorkerCrashed(file, f"worker exited with code {code} without reporting a result")
        kind = payload[0]
        if kind == "ok":
            return payload[1]
        if kind == "ingest":
            _, module, qualname, efile, message = payload
            raise _rebuild(module, qualname, efile, message)
        if kind == "memory":
            raise MemoryLimit(file, f"ran out of memory (limit {self.limits.memory_mb} MB): {payload[1]}")
        _, name, message, from_parser, tail = payload
        log.debug("%s: worker raised %s: %s\n%s", file, name, message, tail)
        if from_parser:
            raise CorruptFile(file, f"the PDF parser failed: {name}: {message}")
        raise WorkerCrashed(file, f"{name}: {message}")


def _rebuild(module: str, qualname: str, file: str, message: str) -> DocumentError:
    try:
        cls: Any = importlib.import_module(module)
        for part in qualname.split("."):
            cls = getattr(cls, part)
        if isinstance(cls, type) and issubclass(cls, DocumentError):
            return cls(file, message)
    except (ImportError, AttributeError):
        pass
    return IngestError(file, message)


def _wait(children: list[_Child]) -> list[_Child]:
    """Block until some children have finished (EOF) or timed out; return those."""
    by_fd = {c.fd: c for c in children}
    poller = select.poll()  # not select(): it fails on descriptors above 1024
    for fd in by_fd:
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while True:
        now = time.monotonic()
        done: list[_Child] = []
        for child in children:
            if child.expired(now) and not child.eof:
                child.timed_out = True
                child.kill()
                done.append(child)
        if done:
            return done
        timeout_ms = max(0, int((min(c.deadline for c in children) - now) * 1000) + 1)
        for fd, _ in poller.poll(timeout_ms):
            child = by_fd[fd]
            child.read()
            if child.eof:
                poller.unregister(fd)
                done.append(child)
        if done:
            return done


def run_isolated(fn: Callable[..., T], *args: Any, limits: Limits, file: str) -> T:
    """Run ``fn(*args)`` in a forked child under ``limits`` and return its result.

    IngestErrors raised in the child come back as the same class. Otherwise:
    wall-clock expiry -> errors.Timeout (the child and its own children are
    killed); MemoryError or a kill by the OOM killer -> errors.MemoryLimit; a
    signal (segfault) or an exit without a result -> errors.WorkerCrashed; any
    other exception -> errors.CorruptFile when raised inside the PDF parser
    (pdfminer, pdfplumber, pypdfium2), else errors.WorkerCrashed, with the
    exception's type and message in ``.message``.
    """
    child = _Child(fn, args, limits, file)
    try:
        _wait([child])
        return child.result()
    finally:
        if child.fd >= 0 or child.status is None:  # interrupted: leave nothing behind
            child.kill()


def imap_isolated(
    fn: Callable[[T], Any],
    items: Iterable[T],
    *,
    limits: Limits,
    workers: int = 2,
    file_of: Callable[[T], str] = lambda item: str(item),
) -> Iterator[tuple[T, Any]]:
    """Run ``fn(item)`` for each item, ``workers`` children at a time.

    Yields ``(item, result)`` or ``(item, DocumentError)`` in completion order.
    One bad item never stops the batch. Running children are killed when the
    generator is closed or the parent is interrupted, so none is left behind.
    Children keep running (and their clocks ticking) while the caller handles
    a yielded result; keep that handling short or move it to another thread.
    """
    if workers < 1:
        raise errors.UsageError(f"workers must be at least 1, not {workers}")
    pending = iter(items)
    running: dict[_Child, T] = {}
    exhausted = False
    try:
        while True:
            while not exhausted and len(running) < workers:
                try:
                    item = next(pending)
                except StopIteration:
                    exhausted = True
                    break
                running[_Child(fn, (item,), limits, file_of(item))] = item
            if not running:
                return
            for child in _wait(list(running)):
                item = running.pop(child)
                try:
                    result = child.result()
                except DocumentError as exc:
                    result = exc
                yield item, result
    finally:
        for child in running:
            child.kill()
