"""Regressions for what the fuzzer (scripts/fuzz.py) and the hostile harness found (issue 6).

Every file under tests/fixtures/hostile/ goes through our entry point in-process:
only our own error classes may come out. A Hypothesis test flips, cuts and splices
bytes of small generated PDFs the same way, for a short run in the suite (the long
run is ``python scripts/fuzz.py WORK --minutes 30``).
"""

from __future__ import annotations

import faulthandler
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas_courts import errors
from atlas_courts.hostile.pdfwriter import Encryption, deflate_zeros, simple_pdf
from atlas_courts.hostile.classes import _page_doc
from atlas_courts.ingest import Limits, ingest_file, ingest_isolated
from atlas_courts.ingest.text import decode

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"

# file -> what ingest_file must do with it: an error class, or "ok".
EXPECTED = {
    # fuzz: pdfminer raised while pdfplumber listed the pages (outside any handler), and again in close()
    "fuzz-page-tree-invalid-font-dict.pdf": "corrupt",
    "fuzz-page-tree-invalid-resource-dict.pdf": "corrupt",
    # harness: a UTF-16 text with an odd number of bytes raised UnicodeDecodeError (status "crashed")
    "odd-length-utf16.txt": "ok",
}


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name):
    path = FIXTURES / name
    want = EXPECTED[name]
    if want == "ok":
        document = ingest_file(path, ocr=False)
        assert document.text.strip()
        return
    with pytest.raises(errors.DocumentError) as info:
        ingest_file(path, ocr=False)
    assert info.value.error_class == want
    assert name in str(info.value)


def test_odd_utf16_is_read_with_a_warning():
    text, warning = decode(b"\xff\xfe" + "Sentencia".encode("utf-16-le") + b"\x00")
    assert text.startswith("Sentencia") and "not valid UTF-16" in warning


def test_messages_are_one_readable_line():
    exc = errors.CorruptFile("x.pdf", "bad \x00\x1b[31m dict " + "y" * 2000)
    assert "\x00" not in exc.message and "\x1b" not in exc.message and "\\x00" in exc.message
    assert len(exc.message) == errors.MAX_MESSAGE and exc.message.endswith("…")
    assert errors.readable(exc.message) == exc.message  # idempotent: safe to apply twice (pickling)


def test_a_flate_bomb_is_the_memory_limit_not_a_crash(tmp_path):
    """pdfium abort()s when an allocation fails: at the limit, that is memory_limit, not "crashed"."""
    path = tmp_path / "bomb.pdf"
    content = deflate_zeros(512 << 20, level=1)  # 512 MB of zeros in ~2 MB: no text for pdfminer, so pdfium renders it
    path.write_bytes(_page_doc(content, filters="/Filter /FlateDecode"))
    was_enabled = faulthandler.is_enabled()
    faulthandler.disable()  # the forked child would print pytest's "Fatal Python error: Aborted" stack
    try:
        with pytest.raises(errors.DocumentError) as info:
            ingest_isolated(path, limits=Limits(timeout_s=120, memory_mb=256))
    finally:
        if was_enabled:
            faulthandler.enable()
    assert info.value.error_class == "memory_limit", info.value.message


# --------------------------------------------------------------------------- Hypothesis, byte level

BASES = [simple_pdf(1), simple_pdf(2, compress=False, seed=2),
         simple_pdf(1, encryption=Encryption(4, user="", seed=3), seed=3)]


@st.composite
def mutated_pdf(draw):
    data = bytearray(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "overwrite"]))
        i = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            data = data[:i] + data[i + draw(st.integers(1, 64)):]
        elif kind == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=32))
        else:
            chunk = draw(st.binary(min_size=1, max_size=16))
            data[i:i + len(chunk)] = chunk
        if not data:
            data = bytearray(b"%")
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(data=mutated_pdf())
def test_only_our_errors_come_out(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "input.pdf"
    path.write_bytes(data)
    try:
        ingest_file(path, ocr=False)
    except errors.DocumentError:
        pass
