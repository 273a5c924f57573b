"""Table-driven tests of the small pieces of ingest: cleaning, layout, language, quality."""

from __future__ import annotations

import pytest

from atlas_courts.ingest import detect_language
from atlas_courts.ingest.clean import find_margin_numbers, is_page_number, join_hyphenated, running_lines
from atlas_courts.ingest.layout import Line, Word, find_gutter, lay_out, render
from atlas_courts.ingest.ocr import parse_tsv
from atlas_courts.ingest.quality import measure, ocr_reason

# ----------------------------------------------------------------- helpers


def word(text: str, x0: float, top: float, size: float = 10.0) -> Word:
    step = size * 0.5
    boxes = [(x0 + i * step, top, x0 + (i + 1) * step, top + size) for i in range(len(text))]
    return Word(text, x0, top, x0 + len(text) * step, top + size, boxes)


def line_of(text: str, x0: float, top: float, size: float = 10.0) -> list[Word]:
    """Words of a line set at x0, one space (a char width) between words."""
    out, x = [], x0
    for t in text.split():
        w = word(t, x, top, size)
        out.append(w)
        x = w.x1 + size * 0.5
    return out


def page_lines(texts: list[tuple[str, float]], x0: float = 72.0) -> list[Line]:
    return [Line(line_of(t, x0, top)) for t, top in texts]


# ----------------------------------------------------------------- de-hyphenation

HYPHENATION = [
    ("the prose-\ncution proved", "the prosecution proved"),
    ("Shafique-ur-\nRehman", "Shafique-ur-Rehman"),
    ("well-\nKnown", "well-Known"),
    ("Case 2:14-\ncr-00648", "Case 2:14-cr-00648"),
    ("el acusa-\ndo fue", "el acusado fue"),
    ("É-\ntat", "É-tat"),
    ("soft\u00ad\nhyphen", "softhyphen"),
    ("end of para-\n\nNext one", "end of para-\n\nNext one"),  # a paragraph break is never joined
    ("a dash -\nnext", "a dash -\nnext"),  # not a word break
    ("No.-\n12", "No.-\n12"),
    ("two-\nthree-\nfour", "twothreefour"),
    ("no hyphen\nhere", "no hyphen\nhere"),
]


@pytest.mark.parametrize(("text", "expected"), HYPHENATION)
def test_join_hyphenated(text: str, expected: str) -> None:
    assert join_hyphenated(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), HYPHENATION)
def test_join_hyphenated_keeps_boxes_aligned(text: str, expected: str) -> None:
    # Each box remembers the index of its character: after the edit every
    # remaining character must still carry its own box.
    boxes = [(float(i), 0.0, float(i) + 1, 1.0) for i in range(len(text))]
    out, out_boxes = join_hyphenated(text, boxes)
    assert out == expected
    assert out_boxes is not None and len(out_boxes) == len(out)
    for ch, box in zip(out, out_boxes):
        assert box is not None and text[int(box[0])] == ch


# ----------------------------------------------------------------- page numbers and running lines

PAGE_NUMBERS = [
    ("- 1 -", True),
    ("3", True),
    ("[12]", True),
    ("Page 3 of 12", True),
    ("page 7", True),
    ("Página 2 de 10", True),
    ("3 of 12", True),
    ("2 | Page", True),
    ("iv", True),
    ("- ii -", True),
    ("2.", False),
    ("Section 3", False),
    ("ORDER", False),
    ("12 Id. at 5.", False),
    ("ill", False),
    ("G.R. No. 12345", False),
]


@pytest.mark.parametrize(("text", "expected"), PAGE_NUMBERS)
def test_is_page_number(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


def _judgment_page(n: int, body: list[str], footnote: str | None = None) -> tuple[list[Line], float]:
    lines = [("Lahore High Court", 22.0)]
    top = 72.0
    for text in body:
        lines.append((text, top))
        top += 12.0
    if footnote:
        lines.append((footnote, 700.0))
        lines.append(("continued footnote text", 712.0))
    lines.append((f"- {n} -", 760.0))
    return page_lines(lines), 792.0


def test_running_lines_drop_headers_and_page_numbers_only() -> None:
    pages = [
        _judgment_page(1, ["JUDGMENT", "Criminal Appeal No. 12 of 2023", "1. The appellant was convicted."]),
        _judgment_page(2, ["2. The learned counsel argued that", "the evidence was weak."], "12 Id. at 5."),
        _judgment_page(3, ["3. We have heard the parties and", "perused the record."], "12 Id. at 5."),
        _judgment_page(4, ["4. For the reasons above, the", "appeal is dismissed."], "12 Id. at 5."),
    ]
    drops = running_lines(pages)
    for (lines, _), drop in zip(pages, drops):
        kept = [line.text for i, line in enumerate(lines) if i not in drop]
        gone = [line.text for i, line in enumerate(lines) if i in drop]
        assert "Lahore High Court" in gone
        assert any(t.startswith("- ") for t in gone)
        assert "Lahore High Court" not in kept
        # Numbered paragraphs, a case number, a heading that appears once and
        # a footnote repeated at the bottom of most pages all stay.
        assert any(t[:2] in ("1.", "2.", "3.", "4.") for t in kept)
    assert "Criminal Appeal No. 12 of 2023" not in {pages[0][0][i].text for i in drops[0]}
    assert "JUDGMENT" not in {pages[0][0][i].text for i in drops[0]}
    for (lines, _), drop in zip(pages[1:], drops[1:]):
        assert "12 Id. at 5." not in {lines[i].text for i in drop}


def test_running_lines_need_half_of_the_pages() -> None:
    pages = [_judgment_page(n, [f"Body line {n}", "more body text here"]) for n in range(1, 7)]
    # Replace the header on four of six pages: only two pages keep it.
    for lines, _ in pages[2:]:
        lines[0] = Line(line_of(f"Different header {lines[1].text}", 72, 22))
    drops = running_lines(pages)
    assert 0 not in drops[0] and 0 not in drops[1]


# ----------------------------------------------------------------- margin line numbers


def _pleading_page() -> list[Word]:
    words: list[Word] = []
    for n in range(1, 29):
        top = 72.0 + (n - 1) * 24.0
        num = word(str(n), 40.0 if n >= 10 else 45.0, top)
        num.x1 = 50.0  # right-aligned numbers share their right edge
        words.append(num)
        if n == 5:
            words += line_of("2. The defendant was indicted on count 12.", 90.0, top)
        elif n % 3:
            words += line_of(f"text of line {n} with 3 words", 90.0, top)
    return words


def test_margin_numbers_are_found() -> None:
    words = _pleading_page()
    found = find_margin_numbers(words, 612.0, 792.0)
    assert {words[i].text for i in found} == {str(n) for n in range(1, 29)}
    assert all(words[i].x1 <= 50.0 for i in found)


def test_numbers_in_the_text_column_are_not_margin_numbers() -> None:
    words = [w for w in _pleading_page() if w.x0 >= 90.0]  # no margin column
    assert find_margin_numbers(words, 612.0, 792.0) == set()


def test_footnote_numbers_are_not_margin_numbers() -> None:
    words = line_of("The body text starts at the margin like the footnotes do.", 72.0, 100.0)
    top = 560.0
    for n in range(5, 13):
        words.append(word(str(n), 60.0, top))
        words += line_of("Id. at 12-13.", 72.0, top)
        top += 12.0 if n % 2 else 24.0  # some footnotes take two lines
    assert find_margin_numbers(words, 612.0, 792.0) == set()


def test_a_list_of_numbers_that_does_not_count_up_is_kept() -> None:
    words = []
    for k, n in enumerate([5, 3, 9, 1, 7, 2, 8]):
        words.append(word(str(n), 40.0, 72.0 + 24 * k))
        words += line_of("some text in the body", 90.0, 72.0 + 24 * k)
    assert find_margin_numbers(words, 612.0, 792.0) == set()


# ----------------------------------------------------------------- layout


def _two_column_words() -> list[Word]:
    words = line_of("A TITLE THAT SPANS BOTH COLUMNS OF THE PAGE ACROSS THE GUTTER", 60.0, 40.0)
    for k in range(20):
        words += line_of(f"left {k} aaaa bbbb cccc dddd eeee", 50.0, 80.0 + 12 * k)
        words += line_of(f"right {k} aaaa bbbb cccc dddd eeee", 320.0, 80.0 + 12 * k)
    return words


def test_two_columns_are_read_left_then_right() -> None:
    words = _two_column_words()
    assert find_gutter(words, 612.0) is not None
    text, boxes = render(lay_out(words, 612.0))
    assert text.startswith("A TITLE THAT SPANS")
    assert text.index("left 19") < text.index("right 0")
    assert "left 19 aaaa bbbb cccc dddd eeee\nright 0" in text
    assert len(boxes) == len(text)


def test_single_column_has_no_gutter() -> None:
    words = []
    for k in range(30):
        words += line_of("the quick brown fox jumps over the lazy dog and then some more words", 72.0, 72 + 12 * k)
    assert find_gutter(words, 612.0) is None


def test_paragraph_gap_gives_a_blank_line() -> None:
    lines = page_lines([("first line", 72), ("second line", 84), ("new paragraph", 110), ("goes on", 122)])
    from atlas_courts.ingest.layout import mark_paragraphs

    mark_paragraphs(lines)
    text, _ = render(lines)
    assert text == "first line\nsecond line\n\nnew paragraph\ngoes on"


def test_superscript_stays_on_its_line() -> None:
    words = line_of("the motion", 72, 100) + [word("6", 125, 97, size=6)] + line_of("to direct", 130, 100)
    words += line_of("next line", 72, 112)
    text, _ = render(lay_out(words, 612.0))
    assert text.splitlines()[0] == "the motion 6 to direct"


def test_render_boxes_none_for_inserted_characters() -> None:
    lines = page_lines([("ab cd", 72), ("ef", 84)])
    text, boxes = render(lines)
    assert text == "ab cd\nef"
    assert [b is None for b in boxes] == [False, False, True, False, False, True, False, False]


# ----------------------------------------------------------------- OCR TSV


def test_parse_tsv_converts_pixels_to_points_and_splits_boxes() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t300\t600\t400\t50\t96.5\tTribunal\n"
        "5\t1\t1\t1\t1\t2\t750\t600\t10\t50\t12.0\t|\n"
    )
    words = parse_tsv(tsv, scale=72 / 300)
    assert [w.text for w in words] == ["Tribunal"]  # the low-confidence speck is dropped
    w = words[0]
    assert (w.x0, w.top, w.x1, w.bottom) == (72.0, 144.0, 168.0, 156.0)
    assert len(w.boxes) == 8 and w.boxes[0][0] == 72.0 and w.boxes[-1][2] == 168.0


# ----------------------------------------------------------------- language

LANGUAGE = [
    ("The accused was convicted of trafficking in persons and the appeal is dismissed by this court.", "en"),
    ("El tribunal condena al acusado a la pena de seis años de prisión por el delito de trata de personas.", "es"),
    ("ศาลฎีกาพิพากษายืนตามศาลอุทธรณ์ จำเลยมีความผิดฐานค้ามนุษย์ ลงโทษจำคุกสิบปี", "th"),
    ("O tribunal condenou o réu pela prática do crime de tráfico de pessoas e não há recurso.", "pt"),
    ("12345 67890", None),
    ("", None),
    ("Lorem ipsum dolor sit amet consectetur adipiscing elit sed eiusmod tempor", None),
]


@pytest.mark.parametrize(("text", "expected"), LANGUAGE)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


# ----------------------------------------------------------------- text-layer quality

PROSE = " ".join(["The court held that the accused is guilty of the offence charged and"] * 10)


def test_good_text_needs_no_ocr() -> None:
    assert ocr_reason(measure(PROSE), image_cover=0.0) is None
    assert ocr_reason(measure(PROSE), image_cover=1.0) is None


@pytest.mark.parametrize(
    ("text", "cover", "reason"),
    [
        ("", 0.0, "no text layer"),
        ("(cid:12)(cid:15)(cid:3)(cid:44) " * 30, 0.0, "unmapped glyphs"),
        ("•••• ■■■ ◆◆◆◆ ▲▲▲ " * 30, 0.0, "mostly symbols"),
        ("Wkh frxuw khog wkdw wkh dffxvhg lv jxlowb ri wkh riihqfh " * 5, 0.0, "almost no real words"),
        ("Case 2:14-cr-00648 Document 91 Filed 03/05/19 Page 3 of 9", 1.0, "almost no text layer"),
        (" ".join(["the m ans to d termine the ro er allocation of owers u on"] * 10), 1.0, "noisy OCR layer"),
    ],
)
def test_bad_text_layers_need_ocr(text: str, cover: float, reason: str) -> None:
    got = ocr_reason(measure(text), image_cover=cover)
    assert got is not None and reason in got


def test_footnote_pages_are_not_garbage() -> None:
    footnotes = " ".join(f"{n} TSN, June {n}, 1997, p. {n * 3}. Records, pp. {n}-{n + 2}." for n in range(1, 30))
    assert ocr_reason(measure(footnotes), image_cover=0.0) is None
