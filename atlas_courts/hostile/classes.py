"""The named classes of hostile files: each function yields ``Hostile`` items.

``expect`` is the set of terminal statuses (errors.py) a correct build may give
the file; an empty set means any terminal status is acceptable (a damaged file
that one parser recovers and another refuses, a page slow enough to time out on
a loaded machine). ``error_classes``, when given, narrows it further.

Decisions recorded here (the harness checks them):
- A PDF encrypted with a user password is ``encrypted`` (error class
  ``encrypted``), whatever the algorithm.
- A PDF encrypted with an owner password only (empty user password) opens in
  every reader without asking for a password: its permission flags are
  advice to the viewer, not protection of the content. We read it like any
  other PDF, so it is ``ok`` (or whatever its content makes it), never
  ``encrypted``.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .pdfwriter import FONT, TEXT, Encryption, PdfBuilder, deflate, deflate_zeros, simple_pdf, text_content

ANY: frozenset[str] = frozenset()
OK = frozenset({"ok"})
REJECTED = frozenset({"rejected"})
FAILED = frozenset({"failed"})
ENCRYPTED = frozenset({"encrypted"})
NOT_OK = frozenset({"failed", "rejected", "timeout", "crashed"})
OK_OR_FAILED = frozenset({"ok", "failed"})


@dataclass
class Hostile:
    cls: str
    name: str  # short description, becomes part of the file name
    data: bytes
    expect: frozenset[str] = ANY
    error_classes: frozenset[str] = frozenset()
    suffix: str = ".pdf"
    note: str = ""
    extra: dict = field(default_factory=dict)


def _page_doc(content: bytes, *, resources: str = "", filters: str = "", mediabox: str = "[0 0 612 792]",
              extra_objects: Callable[[PdfBuilder], str] | None = None, version: str = "1.7") -> bytes:
    """One page with the given content stream (already encoded by ``filters``)."""
    b = PdfBuilder(version)
    catalog, pages = b.reserve(), b.reserve()
    font = b.add(FONT)
    more = extra_objects(b) if extra_objects else ""
    c = b.stream(filters, content)
    page = b.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox {mediabox} "
                 f"/Resources << /Font << /F1 {font} 0 R >> {resources} {more} >> /Contents {c} 0 R >>")
    b.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>", pages)
    b.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", catalog)
    return b.build(catalog)


# --------------------------------------------------------------------------- bombs


def flate_bombs_single() -> Iterator[Hostile]:
    # Content streams that inflate to 256 MB .. 2 GB of zeros or spaces (~1000:1).
    for mb, byte, what in [(256, b" ", "spaces"), (1024, b"\0", "zeros"), (2048, b"\0", "zeros")]:
        bomb = zlib.compressobj(9)
        parts = [bomb.compress(text_content() + b"\n")]
        chunk = byte * (1 << 20)
        for _ in range(mb):
            parts.append(bomb.compress(chunk))
        parts.append(bomb.flush())
        data = b"".join(parts)
        yield Hostile("flate_bomb", f"content-{mb}mb-{what}", _page_doc(data, filters="/Filter /FlateDecode"),
                      NOT_OK | OK, note=f"content stream inflating to {mb} MB")
    # An image XObject of 1 GB of pixels (a 32768 x 32768 grey image).
    pixels = deflate_zeros(1 << 30, b"\x80")

    def image(b: PdfBuilder) -> str:
        im = b.stream("/Type /XObject /Subtype /Image /Width 32768 /Height 32768 /ColorSpace /DeviceGray "
                      "/BitsPerComponent 8 /Filter /FlateDecode", pixels)
        return f"/XObject << /Im1 {im} 0 R >>"
    yield Hostile("flate_bomb", "image-1gb", _page_doc(
        deflate(text_content() + b"\nq 612 0 0 792 0 0 cm /Im1 Do Q"), filters="/Filter /FlateDecode",
        extra_objects=image), NOT_OK | OK, note="1 GB image on a text page")
    yield Hostile("flate_bomb", "image-1gb-only", _page_doc(
        deflate(b"q 612 0 0 792 0 0 cm /Im1 Do Q"), filters="/Filter /FlateDecode", extra_objects=image),
        NOT_OK, note="1 GB image and no text: OCR must render it")


def flate_bombs_nested() -> Iterator[Hostile]:
    for levels, mb in [(2, 1024), (3, 1024), (2, 2048)]:
        data = deflate_zeros(mb << 20, b" ")
        for _ in range(levels - 1):
            data = deflate(data)
        filters = "/Filter [" + " ".join(["/FlateDecode"] * levels) + "]"
        yield Hostile("flate_bomb_nested", f"content-{levels}x-{mb}mb", _page_doc(data, filters=filters),
                      NOT_OK, note=f"{levels} Flate layers, {len(data)} bytes -> {mb} MB")
    # An object stream (PDF 1.5) that is itself a nested bomb: the parser must inflate it to find objects.
    b = PdfBuilder("1.5")
    inner = deflate(deflate_zeros(1 << 30, b" "))
    b.stream("/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]", inner)
    yield Hostile("flate_bomb_nested", "objstm-2x-1gb", _append_object(simple_pdf(1), b), ANY,
                  note="unreferenced nested-bomb object stream")


def _append_object(pdf: bytes, extra: PdfBuilder) -> bytes:
    """An incremental update adding ``extra``'s objects (renumbered from 1000) to ``pdf``."""
    body, offsets = extra.body_bytes()
    # renumber "N 0 obj" -> "(1000+N) 0 obj"
    for num in sorted(offsets, reverse=True):
        body = body.replace(f"{num} 0 obj\n".encode(), f"{1000 + num} 0 obj\n".encode(), 1)
    start = len(pdf)
    new_offsets = {}
    pos = 0
    for num in sorted(offsets):
        marker = f"{1000 + num} 0 obj\n".encode()
        pos = body.index(marker, pos)
        new_offsets[1000 + num] = start + pos
    prev = int(pdf.rsplit(b"startxref", 1)[1].split()[0])
    xref = start + len(body)
    out = bytearray(pdf + body)
    out += b"xref\n"
    for num, off in sorted(new_offsets.items()):
        out += f"{num} 1\n{off:010d} 00000 n \n".encode()
    root = pdf.rsplit(b"/Root ", 1)[1].split(b" ")[0].decode()
    out += f"trailer\n<< /Size {max(new_offsets) + 1} /Root {root} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --------------------------------------------------------------------------- broken files


def truncated(base: bytes) -> Iterator[Hostile]:
    n = len(base)
    cuts = {
        "header-only": 9,
        "1pct": n // 100,
        "10pct": n // 10,
        "25pct": n // 4,
        "50pct": n // 2,
        "75pct": 3 * n // 4,
        "90pct": 9 * n // 10,
        "before-xref": base.rindex(b"xref"),
        "before-startxref": base.rindex(b"startxref"),
        "no-eof": base.rindex(b"%%EOF"),
        "minus-1": n - 1,
    }
    for name, cut in cuts.items():
        yield Hostile("truncated", name, base[:cut], ANY, note=f"{cut} of {n} bytes")


def empty() -> Iterator[Hostile]:
    yield Hostile("empty", "zero-bytes", b"", REJECTED, frozenset({"empty_file"}))
    yield Hostile("empty", "header-only", b"%PDF-1.7\n", NOT_OK)
    yield Hostile("empty", "header-and-eof", b"%PDF-1.4\n%%EOF\n", NOT_OK)
    yield Hostile("empty", "whitespace", b" \n\t\r\n" * 100, REJECTED, frozenset({"not_a_pdf"}))
    yield Hostile("empty", "txt-only-form-feeds", b"\f\f\f\n  \f", REJECTED, frozenset({"empty_file"}), suffix=".txt")


def not_a_pdf(base: bytes) -> Iterator[Hostile]:
    rng = random.Random(7)
    png = bytes.fromhex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489") + rng.randbytes(200)
    html = b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Document not found</body></html>"
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as zf:
        zf.writestr("judgment.pdf", base)
    not_pdf = NOT_OK & frozenset({"rejected"})
    cls = frozenset({"not_a_pdf"})
    yield Hostile("not_a_pdf", "png", png, not_pdf, cls)
    yield Hostile("not_a_pdf", "html-error-page", html, not_pdf, cls)
    # Stored (not deflated), the PDF starts ~50 bytes in: within the 1024 bytes readers search
    # for the header, so it is read as the PDF it holds.
    yield Hostile("not_a_pdf", "zip-of-a-pdf", zbuf.getvalue(), ANY)
    yield Hostile("not_a_pdf", "random-bytes", rng.randbytes(4096), not_pdf, cls)
    yield Hostile("not_a_pdf", "utf16-text", "Sentencia del tribunal".encode("utf-16"), not_pdf, cls)
    yield Hostile("not_a_pdf", "header-after-1024", b" " * 1100 + base, not_pdf, cls,
                  note="%PDF- beyond the 1024-byte window readers accept")
    yield Hostile("not_a_pdf", "pdf-named-docx", base, REJECTED, frozenset({"unsupported_format"}), suffix=".docx")
    yield Hostile("not_a_pdf", "elf-named-txt", b"\x7fELF\x02\x01\x01\0" + rng.randbytes(500), REJECTED,
                  frozenset({"unsupported_format"}), suffix=".txt")
    yield Hostile("not_a_pdf", "txt-odd-utf16", b"\xff\xfe" + "Sentencia".encode("utf-16-le") + b"\x00", ANY,
                  suffix=".txt", note="UTF-16 byte-order mark and an odd number of bytes")
    yield Hostile("not_a_pdf", "txt-bad-utf16-surrogate", b"\xff\xfe" + b"\x00\xd8\x41\x00" * 20, ANY,
                  suffix=".txt", note="UTF-16 with unpaired surrogates")


def bit_flipped(base: bytes) -> Iterator[Hostile]:
    for flips in (1, 4, 16, 64, 256, 1024):
        rng = random.Random(1000 + flips)
        data = bytearray(base)
        for _ in range(flips):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        yield Hostile("bit_flipped", f"{flips}-bits", bytes(data), ANY)


# --------------------------------------------------------------------------- structure


def recursive_page_trees() -> Iterator[Hostile]:
    def doc(kids_of: Callable[[int, int, int], tuple[str, str]]) -> bytes:
        b = PdfBuilder()
        catalog, pages, inner = b.reserve(), b.reserve(), b.reserve()
        font = b.add(FONT)
        c = b.stream("", text_content())
        page = b.add(f"<< /Type /Page /Parent {inner} 0 R /MediaBox [0 0 612 792] "
                     f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R >>")
        root_body, inner_body = kids_of(pages, inner, page)
        b.add(root_body, pages)
        b.add(inner_body, inner)
        b.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", catalog)
        return b.build(catalog)

    yield Hostile("recursive_page_tree", "kids-self", doc(lambda r, i, p: (
        f"<< /Type /Pages /Kids [{r} 0 R {i} 0 R] /Count 2 >>", f"<< /Type /Pages /Kids [{p} 0 R] /Count 1 /Parent {r} 0 R >>")))
    yield Hostile("recursive_page_tree", "kids-parent", doc(lambda r, i, p: (
        f"<< /Type /Pages /Kids [{i} 0 R] /Count 1 >>", f"<< /Type /Pages /Kids [{p} 0 R {r} 0 R] /Count 2 /Parent {r} 0 R >>")))
    # The tree reaches no page; pdfminer then looks for /Type /Page objects and finds the orphan.
    yield Hostile("recursive_page_tree", "two-node-cycle-orphan-page", doc(lambda r, i, p: (
        f"<< /Type /Pages /Kids [{i} 0 R] /Count 1 >>", f"<< /Type /Pages /Kids [{r} 0 R] /Count 1 /Parent {r} 0 R >>")))
    yield Hostile("recursive_page_tree", "page-listed-1000-times", doc(lambda r, i, p: (
        f"<< /Type /Pages /Kids [{i} 0 R] /Count 1000 >>",
        f"<< /Type /Pages /Kids [{' '.join([f'{p} 0 R'] * 1000)}] /Count 1000 /Parent {r} 0 R >>")))
    yield Hostile("recursive_page_tree", "catalog-as-kid", doc(lambda r, i, p: (
        f"<< /Type /Pages /Kids [{i} 0 R 1 0 R] /Count 2 >>", f"<< /Type /Pages /Kids [{p} 0 R] /Count 1 /Parent {r} 0 R >>")))


def circular_forms() -> Iterator[Hostile]:
    def doc(cycle: int, *, text: bool = True) -> bytes:
        def forms(b: PdfBuilder) -> str:
            nums = [b.reserve() for _ in range(cycle)]
            for k, num in enumerate(nums):
                nxt = nums[(k + 1) % cycle]
                b.stream(f"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                         f"/Resources << /XObject << /X{nxt} {nxt} 0 R >> >>",
                         f"BT /F1 9 Tf 10 10 Td (form {k}) Tj ET /X{nxt} Do".encode(), num)
            return "/XObject << " + " ".join(f"/X{n} {n} 0 R" for n in nums) + " >>"
        # Objects 1-3 are the catalog, the page tree and the font: the forms start at 4.
        content = (text_content() if text else b"") + b"\nq /X4 Do Q"
        return _page_doc(content, extra_objects=forms)
    # Object numbers: catalog 1, pages 2, font 3, forms from 4: the page calls /X5 (the second form) -
    # set up so that the first call lands inside the cycle.
    yield Hostile("circular_form_xobject", "self", doc(1))
    yield Hostile("circular_form_xobject", "pair", doc(2))
    yield Hostile("circular_form_xobject", "triple", doc(3))
    yield Hostile("circular_form_xobject", "pair-no-text", doc(2, text=False))

    # A form that draws itself through a pattern: pattern -> form -> pattern.
    def pattern(b: PdfBuilder) -> str:
        pat, form = b.reserve(), b.reserve()
        b.stream(f"/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 "
                 f"/Resources << /XObject << /Fm {form} 0 R >> >>", b"/Fm Do", pat)
        b.stream(f"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Pattern << /P0 {pat} 0 R >> >>",
                 b"/Pattern cs /P0 scn 0 0 10 10 re f", form)
        return f"/Pattern << /P0 {pat} 0 R >> /XObject << /Fm {form} 0 R >>"
    yield Hostile("circular_form_xobject", "pattern-form-cycle",
                  _page_doc(text_content() + b"\n/Pattern cs /P0 scn 0 0 612 792 re f /Fm Do", extra_objects=pattern))


def page_trees_200k() -> Iterator[Hostile]:
    n = 200_000
    # 200k real (tiny) pages under one node: over any sane page cap.
    # Pages are blank (no /Contents) and inherit /MediaBox: ~75 bytes each with the xref.
    b = PdfBuilder()
    catalog, pages = b.reserve(), b.reserve()
    kids = [b.add(f"<</Type/Page/Parent {pages} 0 R>>") for _ in range(n)]
    b.add(f"<< /Type /Pages /MediaBox [0 0 612 792] /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {n} >>", pages)
    b.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", catalog)
    yield Hostile("page_tree_200k", "flat-200k-pages", b.build(catalog), REJECTED | NOT_OK,
                  note="200,000 page objects under one /Pages node")
    # A chain of 200k intermediate nodes, one page at the bottom: a tree 200k deep.
    b = PdfBuilder()
    catalog = b.reserve()
    nodes = [b.reserve() for _ in range(n)]
    font = b.add(FONT)
    c = b.stream("", text_content())
    page = b.add(f"<< /Type /Page /Parent {nodes[-1]} 0 R /MediaBox [0 0 612 792] "
                 f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R >>")
    for k, num in enumerate(nodes):
        kid = nodes[k + 1] if k + 1 < n else page
        parent = f"/Parent {nodes[k - 1]} 0 R" if k else ""
        b.add(f"<</Type/Pages/Kids[{kid} 0 R]/Count 1{parent}>>", num)
    b.add(f"<< /Type /Catalog /Pages {nodes[0]} 0 R >>", catalog)
    yield Hostile("page_tree_200k", "chain-200k-deep", b.build(catalog), ANY, note="200,000 nested /Pages nodes")
    # A balanced tree (fan-out 64) of 200k pages sharing one content stream.
    b = PdfBuilder()
    catalog = b.reserve()
    level = [b.reserve() for _ in range(n)]
    parents: dict[int, int] = {}
    counts = {num: 1 for num in level}
    bodies: dict[int, list[int]] = {}
    while len(level) > 1:
        nxt = []
        for k in range(0, len(level), 64):
            node = b.reserve()
            bodies[node] = level[k:k + 64]
            counts[node] = sum(counts[x] for x in level[k:k + 64])
            for x in level[k:k + 64]:
                parents[x] = node
            nxt.append(node)
        level = nxt
    root = level[0]
    for num, kids in bodies.items():
        parent = f"/Parent {parents[num]} 0 R" if num in parents else "/MediaBox [0 0 612 792]"
        b.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {counts[num]} {parent} >>", num)
    for num in counts:
        if num not in bodies:
            b.add(f"<</Type/Page/Parent {parents[num]} 0 R>>", num)
    b.add(f"<< /Type /Catalog /Pages {root} 0 R >>", catalog)
    yield Hostile("page_tree_200k", "balanced-200k", b.build(catalog), REJECTED | NOT_OK,
                  note="200,000 pages in a tree of fan-out 64")


def text_operators_200k() -> Iterator[Hostile]:
    n = 200_000
    ops = [b"BT /F1 1 Tf"] + [f"{(k % 600) + 5} {(k // 600) % 780 + 5} Td (w{k % 10}) Tj".encode() for k in range(n)] + [b"ET"]
    yield Hostile("text_ops_200k", "td-tj", _page_doc(deflate(b"\n".join(ops)), filters="/Filter /FlateDecode"),
                  NOT_OK | OK, note="200,000 Td/Tj pairs on one page")
    ops = [b"BT /F1 1 Tf 5 5 Td"] + [b"[(a) -5 (b) 10 (c)] TJ" for _ in range(n)] + [b"ET"]
    yield Hostile("text_ops_200k", "tj-arrays", _page_doc(deflate(b"\n".join(ops)), filters="/Filter /FlateDecode"),
                  NOT_OK | OK, note="200,000 TJ arrays on one page")
    ops = [b"BT /F1 10 Tf 72 720 Td"] + [b"0 0 Td" for _ in range(n)] + [b"(end) Tj ET"]
    yield Hostile("text_ops_200k", "moves-only", _page_doc(deflate(b"\n".join(ops)), filters="/Filter /FlateDecode"),
                  NOT_OK | OK, note="200,000 text moves and one word")


def deep_nesting() -> Iterator[Hostile]:
    d = 100_000
    yield Hostile("deep_nesting", "array-100k", _page_doc(text_content(), resources="/Deep " + "[" * d + "]" * d))
    yield Hostile("deep_nesting", "dict-100k", _page_doc(text_content(), resources="/Deep " + "<< /A " * d + "1" + " >>" * d))
    yield Hostile("deep_nesting", "q-100k", _page_doc(deflate(b"q " * d + text_content() + b" Q" * d),
                                                     filters="/Filter /FlateDecode"))
    yield Hostile("deep_nesting", "content-array-100k",
                  _page_doc(deflate(text_content() + b"\n" + b"[" * d + b"]" * d + b" pop"), filters="/Filter /FlateDecode"))

    # A chain of 20k indirect references: /Length 5 0 R -> 6 0 R -> ... -> the number.
    def chain(b: PdfBuilder) -> str:
        first = b._next
        for k in range(20_000):
            b.add(f"{first + k + 1} 0 R")
        b.add("5")
        return f"/Chain {first} 0 R"
    yield Hostile("deep_nesting", "reference-chain-20k", _page_doc(text_content(), extra_objects=chain))
    # Inline image with a dictionary nested 50k deep.
    yield Hostile("deep_nesting", "inline-image-dict", _page_doc(
        text_content() + b"\nBI /W 1 /H 1 /BPC 8 /CS /G /D " + b"<< /A " * 50_000 + b"1" + b" >>" * 50_000 + b" ID \x80 EI"))


def huge_page_counts() -> Iterator[Hostile]:
    for name, count in [("count-2e9", "2147483647"), ("count-negative", "-1"), ("count-1e12", "1000000000000"),
                        ("count-float", "3.5e10"), ("count-not-number", "(many)")]:
        b = PdfBuilder()
        catalog, pages = b.reserve(), b.reserve()
        font = b.add(FONT)
        c = b.stream("", text_content())
        page = b.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] "
                     f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R >>")
        b.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count {count} >>", pages)
        b.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", catalog)
        yield Hostile("huge_page_count", name, b.build(catalog), ANY, note=f"/Count {count} over one real page")
    yield Hostile("huge_page_count", "5000-real-pages", simple_pdf(5000, lines=TEXT[:1]), REJECTED,
                  frozenset({"too_many_pages"}), note="over the page cap")


def encrypted(seed_base: int = 0) -> Iterator[Hostile]:
    for revision, what in [(2, "rc4-40"), (3, "rc4-128"), (4, "aes-128"), (6, "aes-256")]:
        for k, user in enumerate(("secret", "a much longer user password 1234")):
            yield Hostile("encrypted_user", f"{what}-user-{k}", simple_pdf(
                2, encryption=Encryption(revision, user=user, owner="owner", seed=seed_base + revision * 10 + k),
                seed=revision * 10 + k), ENCRYPTED, frozenset({"encrypted"}), note=f"{what}, user password")
        yield Hostile("encrypted_owner", f"{what}-owner-only", simple_pdf(
            2, encryption=Encryption(revision, user="", owner="owner", seed=seed_base + revision * 10 + 5),
            seed=revision * 10 + 5), OK, note=f"{what}, owner password only: readable without a password")
    # Encrypted but the /Encrypt dictionary is damaged.
    pdf = simple_pdf(1, encryption=Encryption(4, user="secret", seed=99), seed=99)
    yield Hostile("encrypted_user", "aes-128-bad-filter", pdf.replace(b"/Filter /Standard", b"/Filter /Nonsense"),
                  NOT_OK | ENCRYPTED, note="unknown security handler")
    yield Hostile("encrypted_user", "aes-128-truncated-u", pdf.replace(b"/U <", b"/U <00", 1),
                  ENCRYPTED | NOT_OK, note="a /U entry of the wrong length")


def bad_mediaboxes() -> Iterator[Hostile]:
    for name, box in [
        ("zero", "[0 0 0 0]"),
        ("negative", "[0 0 -612 -792]"),
        ("inverted", "[612 792 0 0]"),
        ("huge", "[0 0 14400000 14400000]"),
        ("max-spec", "[0 0 14400 14400]"),
        ("not-numbers", "[/a (b) null true]"),
        ("three-numbers", "[0 0 612]"),
        ("empty", "[]"),
        ("not-array", "(A4)"),
        ("1e308", "[0 0 1e308 1e308]"),
        ("nan-like", "[0 0 --612 ++792]"),
    ]:
        yield Hostile("bad_mediabox", name, simple_pdf(1, mediabox=box), ANY, note=f"/MediaBox {box}")
    # No text on a huge page: OCR has to render it (pixels = area at 300 dpi).
    b = PdfBuilder()
    catalog, pages = b.reserve(), b.reserve()
    c = b.stream("", b"0 0 0 rg 10 10 100 100 re f")
    page = b.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 14400 14400] /Contents {c} 0 R >>")
    b.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>", pages)
    b.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", catalog)
    yield Hostile("bad_mediabox", "max-spec-image-only", b.build(catalog), NOT_OK,
                  note="200 x 200 inch page with no text: OCR renders 60,000 x 60,000 pixels")


def two_startxrefs(base: bytes) -> Iterator[Hostile]:
    xref = int(base.rsplit(b"startxref", 1)[1].split()[0])
    yield Hostile("two_startxref", "second-points-to-garbage",
                  base + b"\nstartxref\n7\n%%EOF\n", ANY)
    yield Hostile("two_startxref", "second-beyond-eof", base + f"startxref\n{len(base) * 10}\n%%EOF\n".encode(), ANY)
    yield Hostile("two_startxref", "second-negative", base + b"startxref\n-1\n%%EOF\n", ANY)
    # An incremental update whose /Prev points at itself (an xref loop).
    loop_at = len(base)
    update = (f"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev {loop_at} >>\n"
              f"startxref\n{loop_at}\n%%EOF\n").encode()
    yield Hostile("two_startxref", "prev-loop", base + update, ANY)
    # Two updates pointing at each other.
    first = len(base)
    upd1 = f"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev {{second}} >>\nstartxref\n{xref}\n%%EOF\n"
    second = first + len(upd1.format(second="0" * 10))
    upd1 = upd1.format(second=f"{second:010d}")
    upd2 = f"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev {first} >>\nstartxref\n{first}\n%%EOF\n"
    yield Hostile("two_startxref", "prev-ping-pong", base + upd1.encode() + upd2.encode(), ANY)
    # An update replacing the page tree with one that has no pages.
    yield Hostile("two_startxref", "update-empties-tree", _update_pages(base), ANY)


def _update_pages(base: bytes) -> bytes:
    b = PdfBuilder()
    b.add("<< /Type /Catalog /Pages 1002 0 R >>")  # numbered 1001 and 1002 once appended
    b.add("<< /Type /Pages /Kids [] /Count 0 >>")
    return _append_object(base, b).replace(b"/Root 1 0 R /Prev", b"/Root 1001 0 R /Prev")


def active_content(base_text: tuple[str, ...] = TEXT) -> Iterator[Hostile]:
    yield Hostile("javascript", "open-action", simple_pdf(1, extra_catalog=f"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"), OK)
    yield Hostile("javascript", "names-tree", simple_pdf(1, extra_catalog=(
        "/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (this.exportDataObject\\({cName: 'x'}\\)) >>] >> >>")), OK)
    yield Hostile("javascript", "page-aa", simple_pdf(1, page_extra="/AA << /O << /S /JavaScript /JS (while\\(1\\){}) >> >>"), OK)
    yield Hostile("javascript", "launch-action", simple_pdf(1, extra_catalog=(
        "/OpenAction << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>")), OK)
    inner = simple_pdf(1)
    ef = deflate(inner)
    yield Hostile("embedded_file", "embedded-pdf", _with_embedded(ef, "judgment.pdf", "application/pdf"), OK)
    yield Hostile("embedded_file", "embedded-exe", _with_embedded(deflate(b"MZ\x90\0" + b"\0" * 4000), "setup.exe",
                                                                 "application/octet-stream"), OK)
    yield Hostile("embedded_file", "embedded-bomb", _with_embedded(deflate(deflate_zeros(1 << 30)), "zeros.bin",
                                                                  "application/octet-stream", filters="[/FlateDecode /FlateDecode]"),
                  OK | NOT_OK, note="an attachment that inflates to 1 GB (nobody needs to open it)")
    yield Hostile("embedded_file", "file-attachment-annot", simple_pdf(1, page_extra=(
        "/Annots [<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS << /Type /Filespec /F (x.js) "
        "/EF << /F << /Length 4 >> >> >> >>]")), OK)


def _with_embedded(data: bytes, filename: str, mime: str, filters: str = "/FlateDecode") -> bytes:
    pdf_catalog = ""
    b = PdfBuilder()
    catalog, pages = b.reserve(), b.reserve()
    font = b.add(FONT)
    c = b.stream("/Filter /FlateDecode", deflate(text_content()))
    page = b.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] "
                 f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {c} 0 R >>")
    b.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>", pages)
    ef = b.stream(f"/Type /EmbeddedFile /Subtype /{mime.replace('/', '#2F')} /Filter {filters}", data)
    spec = b.add(f"<< /Type /Filespec /F ({filename}) /UF ({filename}) /EF << /F {ef} 0 R >> >>")
    pdf_catalog = f"/Names << /EmbeddedFiles << /Names [({filename}) {spec} 0 R] >> >>"
    b.add(f"<< /Type /Catalog /Pages {pages} 0 R {pdf_catalog} >>", catalog)
    return b.build(catalog)


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>')


def other_formats() -> Iterator[Hostile]:
    """DOCX and TXT files are hostile too: zip bombs, deep XML, huge lines."""
    def docx(document_xml: bytes, *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compress) as zf:
            zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
            zf.writestr("_rels/.rels", _RELS)
            zf.writestr("word/document.xml", document_xml)
        return buf.getvalue()

    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    para = b"<w:p><w:r><w:t>The accused was convicted of trafficking in persons.</w:t></w:r></w:p>"
    yield Hostile("docx_txt", "docx-ok", docx(b"<w:document " + ns + b"><w:body>" + para + b"</w:body></w:document>"), OK,
                  suffix=".docx")
    # A zip bomb: 1 GB of whitespace inside document.xml.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b"<w:document " + ns + b"><w:body>" + para)
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    yield Hostile("docx_txt", "docx-zip-bomb-1gb", buf.getvalue(), NOT_OK, suffix=".docx")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10))
              + b"]><w:document " + ns + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    yield Hostile("docx_txt", "docx-billion-laughs", docx(laughs), ANY, suffix=".docx")
    d = 50_000
    yield Hostile("docx_txt", "docx-nested-tables", docx(
        b"<w:document " + ns + b"><w:body>" + b"<w:tbl><w:tr><w:tc>" * d + para + b"</w:tc></w:tr></w:tbl>" * d
        + b"</w:body></w:document>"), ANY, suffix=".docx", note=f"tables nested {d} deep")
    yield Hostile("docx_txt", "docx-nested-runs", docx(
        b"<w:document " + ns + b"><w:body><w:p>" + b"<w:hyperlink>" * d + b"<w:r><w:t>x</w:t></w:r>"
        + b"</w:hyperlink>" * d + b"</w:p></w:body></w:document>"), ANY, suffix=".docx", note=f"hyperlinks nested {d} deep")
    yield Hostile("docx_txt", "docx-missing-document", _zip({"[Content_Types].xml": b"<Types/>"}),
                  NOT_OK, suffix=".docx")
    yield Hostile("docx_txt", "txt-one-line-20mb", (b"convicted " * 2_000_000), ANY, suffix=".txt",
                  note="a 20 MB line")
    yield Hostile("docx_txt", "txt-100k-form-feeds", b"page\f" * 100_000, REJECTED, frozenset({"too_many_pages"}),
                  suffix=".txt")
    yield Hostile("docx_txt", "txt-invalid-utf8", b"Sentencia \xff\xfe\xc3 del tribunal " * 100, OK, suffix=".txt")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def oversized() -> Iterator[Hostile]:
    """A valid PDF made large by a comment: rejected by --max-file-mb (the harness sets 24)."""
    pdf = simple_pdf(1)
    head, rest = pdf.split(b"\n", 1)
    padded = head + b"\n%" + b"x" * (25 << 20) + b"\n" + rest
    # Offsets moved: the xref is wrong now; readers rebuild it (and we reject before reading anyway).
    yield Hostile("oversized", "25mb-comment", padded, REJECTED, frozenset({"file_too_large"}))


# Generators by the classes they yield (a generator may yield two related classes).
GENERATORS: list[tuple[tuple[str, ...], Callable[[bytes], Iterator[Hostile]]]] = [
    (("flate_bomb",), lambda base: flate_bombs_single()),
    (("flate_bomb_nested",), lambda base: flate_bombs_nested()),
    (("truncated",), truncated),
    (("empty",), lambda base: empty()),
    (("not_a_pdf",), not_a_pdf),
    (("bit_flipped",), bit_flipped),
    (("recursive_page_tree",), lambda base: recursive_page_trees()),
    (("circular_form_xobject",), lambda base: circular_forms()),
    (("page_tree_200k",), lambda base: page_trees_200k()),
    (("text_ops_200k",), lambda base: text_operators_200k()),
    (("deep_nesting",), lambda base: deep_nesting()),
    (("huge_page_count",), lambda base: huge_page_counts()),
    (("encrypted_user", "encrypted_owner"), lambda base: encrypted()),
    (("bad_mediabox",), lambda base: bad_mediaboxes()),
    (("two_startxref",), two_startxrefs),
    (("javascript", "embedded_file"), lambda base: active_content()),
    (("docx_txt",), lambda base: other_formats()),
    (("oversized",), lambda base: oversized()),
]
CLASSES = tuple(c for names, _ in GENERATORS for c in names)


def all_classes(base: bytes, only: set[str] | None = None) -> Iterator[Hostile]:
    """Every named class (or those in ``only``). ``base`` is a small valid PDF to truncate, flip and update."""
    for names, gen in GENERATORS:
        if only is not None and not set(names) & only:
            continue
        for h in gen(base):
            if only is None or h.cls in only:
                yield h
