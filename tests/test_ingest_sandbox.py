"""sandbox.run_isolated / imap_isolated with tiny synthetic functions."""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import time

import pytest

from atlas_courts import errors
from atlas_courts.hostile.harness import live_processes
from atlas_courts.ingest.sandbox import Limits, imap_isolated, run_isolated

FAST = Limits(timeout_s=20, memory_mb=512)


def _no_children_left() -> bool:
    # ps itself is a child while it runs; give reaping a moment.
    for _ in range(20):
        if not _alive_children():
            return True
        time.sleep(0.05)
    return False


def _alive_children() -> list[int]:
    return [pid for pid, ppid, _sid in live_processes()
            if ppid == os.getpid() and not _is_resource_tracker(str(pid))]


def _is_resource_tracker(pid: str) -> bool:
    """multiprocessing's resource tracker, which an earlier test's "spawn" context starts once and
    which lives as long as the test process: not a worker the sandbox left behind."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return b"multiprocessing.resource_tracker" in fh.read()
    except OSError:
        return False


# ----------------------------------------------------------------- functions run in children


def _add(a: int, b: int) -> int:
    return a + b


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke up"


def _sleep_with_grandchild(seconds: float) -> None:
    subprocess.run(["sleep", str(seconds)], check=False)


def _allocate(mb: int) -> int:
    blocks = [bytearray(1024 * 1024) for _ in range(mb)]
    return len(blocks)


def _segfault() -> None:
    faulthandler.disable()  # pytest's handler would print the child's stack: noise here
    os.kill(os.getpid(), signal.SIGSEGV)


def _exit_quietly() -> None:
    os._exit(3)


def _encrypted(name: str) -> None:
    raise errors.EncryptedFile(name, "is encrypted and needs a password")


def _value_error() -> None:
    raise ValueError("bad value")


def _parser_error() -> None:
    from pdfminer.psparser import PSEOF

    raise PSEOF("Unexpected EOF")


def _big_result(n: int) -> list[tuple[float, float, float, float]]:
    return [(float(i), 1.0, 2.0, 3.0) for i in range(n)]


def _by_item(item: str) -> str:
    if item == "sleep":
        time.sleep(30)
    if item == "crash":
        _segfault()
    if item == "encrypted":
        raise errors.EncryptedFile(item, "locked")
    return item.upper()


# ----------------------------------------------------------------- run_isolated


def test_result_comes_back() -> None:
    assert run_isolated(_add, 2, 3, limits=FAST, file="sum") == 5


def test_large_result_does_not_deadlock_the_pipe() -> None:
    # ~10 MB pickled: far more than a pipe buffer holds.
    result = run_isolated(_big_result, 300_000, limits=FAST, file="big")
    assert len(result) == 300_000 and result[-1][0] == 299_999.0


def test_timeout_kills_the_child() -> None:
    started = time.monotonic()
    with pytest.raises(errors.Timeout) as info:
        run_isolated(_sleep, 30, limits=Limits(timeout_s=0.5), file="slow.pdf")
    assert time.monotonic() - started < 5
    assert info.value.file == "slow.pdf"
    assert "0.5 s" in info.value.message
    assert _no_children_left()


def test_timeout_kills_grandchildren_too() -> None:
    with pytest.raises(errors.Timeout):
        run_isolated(_sleep_with_grandchild, 31.25, limits=Limits(timeout_s=0.5), file="ocr.pdf")
    time.sleep(0.2)
    out = subprocess.run(["pgrep", "-f", "^sleep 31.25$"], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == ""


def test_memory_limit() -> None:
    with pytest.raises(errors.MemoryLimit) as info:
        run_isolated(_allocate, 2048, limits=Limits(timeout_s=30, memory_mb=256), file="huge.pdf")
    assert info.value.error_class == "memory_limit"
    assert "256 MB" in info.value.message


def test_memory_within_the_limit_is_fine() -> None:
    assert run_isolated(_allocate, 64, limits=Limits(timeout_s=30, memory_mb=256), file="ok") == 64


def test_segfault_is_a_crash() -> None:
    with pytest.raises(errors.WorkerCrashed) as info:
        run_isolated(_segfault, limits=FAST, file="crash.pdf")
    assert "SIGSEGV" in info.value.message
    assert info.value.status == "crashed"


def test_exit_without_result_is_a_crash() -> None:
    with pytest.raises(errors.WorkerCrashed, match="code 3"):
        run_isolated(_exit_quietly, limits=FAST, file="gone.pdf")


def test_ingest_errors_come_back_as_the_same_class() -> None:
    with pytest.raises(errors.EncryptedFile) as info:
        run_isolated(_encrypted, "secret.pdf", limits=FAST, file="secret.pdf")
    assert info.value.file == "secret.pdf"
    assert info.value.message == "is encrypted and needs a password"
    assert str(info.value) == "secret.pdf: is encrypted and needs a password"


def test_other_exceptions_are_wrapped_with_type_and_message() -> None:
    with pytest.raises(errors.WorkerCrashed) as info:
        run_isolated(_value_error, limits=FAST, file="x.pdf")
    assert info.value.message == "ValueError: bad value"


def test_parser_exceptions_mean_a_corrupt_file() -> None:
    with pytest.raises(errors.CorruptFile) as info:
        run_isolated(_parser_error, limits=FAST, file="x.pdf")
    assert "PSEOF" in info.value.message and "Unexpected EOF" in info.value.message


def test_bad_limits_are_refused() -> None:
    with pytest.raises(errors.UsageError):
        Limits(timeout_s=0)


# ----------------------------------------------------------------- imap_isolated


def test_imap_keeps_going_after_bad_items_and_leaves_no_children() -> None:
    items = ["a", "crash", "b", "encrypted", "sleep", "c"]
    results = dict(imap_isolated(_by_item, items, limits=Limits(timeout_s=2), workers=2))
    assert set(results) == set(items)
    assert results["a"] == "A" and results["b"] == "B" and results["c"] == "C"
    assert isinstance(results["crash"], errors.WorkerCrashed)
    assert isinstance(results["encrypted"], errors.EncryptedFile)
    assert isinstance(results["sleep"], errors.Timeout)
    assert _no_children_left()


def test_imap_runs_in_parallel() -> None:
    started = time.monotonic()
    out = list(imap_isolated(_sleep, [1.0, 1.0, 1.0, 1.0], limits=FAST, workers=2))
    assert [r for _, r in out] == ["woke up"] * 4
    assert time.monotonic() - started < 3.5  # 4 x 1 s on 2 workers, not 4 s


def test_imap_close_kills_running_children() -> None:
    gen = imap_isolated(_by_item, ["a", "sleep", "sleep", "sleep"], limits=FAST, workers=2)
    first = next(gen)
    assert first == ("a", "A")
    gen.close()
    assert _no_children_left()


def test_imap_yields_in_completion_order() -> None:
    out = [item for item, _ in imap_isolated(_sleep, [1.5, 0.1], limits=FAST, workers=2)]
    assert out == [0.1, 1.5]
