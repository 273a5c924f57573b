"""The hostile-file generator: deterministic, the classes it promises, encryption that real readers accept."""

from __future__ import annotations

import io

import pytest

from atlas_courts.hostile import REDUCED_CLASSES, generate, load_manifest
from atlas_courts.hostile import classes as hc
from atlas_courts.hostile.mutants import OPS, mutate
from atlas_courts.hostile.pdfwriter import Encryption, simple_pdf

QUICK = ["truncated", "empty", "not_a_pdf", "bit_flipped", "recursive_page_tree", "two_startxref", "encrypted_user"]


def test_the_same_options_give_the_same_bytes(tmp_path):
    sources = sorted((tmp_path.parent / "none").glob("*.pdf"))  # no external sources: generated ones only
    a = generate(tmp_path / "a", mutants=30, good=2, classes=QUICK, sources=sources)
    b = generate(tmp_path / "b", mutants=30, good=2, classes=QUICK, sources=sources)
    assert [(e.file, e.sha256) for e in a] == [(e.file, e.sha256) for e in b]
    for e in a:
        assert (tmp_path / "a" / e.file).read_bytes() == (tmp_path / "b" / e.file).read_bytes()
    assert load_manifest(tmp_path / "a") == a


def test_mutants_are_distinct_and_goods_interleaved(tmp_path):
    manifest = generate(tmp_path / "m", mutants=40, good=3, classes=["empty"], sources=[])
    shas = [e.sha256 for e in manifest]
    assert len(shas) == len(set(shas))
    kinds = [e.kind for e in manifest]
    assert kinds.count("mutant") == 40 and kinds.count("good") == 3
    positions = [i for i, k in enumerate(kinds) if k == "good"]
    assert positions[0] > 0 and positions[-1] < len(kinds) - 1  # not all at one end
    assert [e.file for e in manifest] == sorted(e.file for e in manifest)  # the build's order is the manifest's


def test_every_mutation_operator_is_used():
    pool = [("a.pdf", simple_pdf(2)), ("b.pdf", simple_pdf(1, seed=3))]
    assert {mutate(seed, pool).op for seed in range(20)} == set(OPS)


def test_reduced_classes_cover_at_least_14():
    assert len(REDUCED_CLASSES) >= 14
    assert set(REDUCED_CLASSES) <= set(hc.CLASSES)
    assert len(hc.CLASSES) >= 18


@pytest.mark.parametrize("revision", [2, 3, 4, 6])
def test_encryption_is_real(revision):
    """Files encrypted by our writer open with their password in pdfium (and qpdf when installed)."""
    import pypdfium2 as pdfium

    data = simple_pdf(1, encryption=Encryption(revision, user="secret", owner="owner", seed=revision), seed=revision)
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(data)
    doc = pdfium.PdfDocument(data, password="secret")
    assert "CRIMINAL COURT" in doc[0].get_textpage().get_text_range()
    owner_only = simple_pdf(1, encryption=Encryption(revision, user="", seed=revision), seed=revision)
    assert "CRIMINAL COURT" in pdfium.PdfDocument(owner_only)[0].get_textpage().get_text_range()
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(io.BytesIO(data), password="owner") as pdf:
        assert pdf.is_encrypted and len(pdf.pages) == 1
