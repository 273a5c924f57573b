"""Pagination and rendering of generated judgments: PDF (single column, two
columns, pleading paper with line numbers, scanned image-only pages), DOCX, TXT.

The layout is computed here (own line breaking with reportlab font metrics), so
the generator knows on which page every character lands; the gold record's
pages come from the same layout that is drawn.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from dataclasses import dataclass, field

import reportlab
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .markup import Span

FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")

FAMILIES = {
    "times": {"regular": "Times-Roman", "bold": "Times-Bold", "italic": "Times-Italic", "bolditalic": "Times-BoldItalic"},
    "helvetica": {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique", "bolditalic": "Helvetica-BoldOblique"},
    "courier": {"regular": "Courier", "bold": "Courier-Bold", "italic": "Courier-Oblique", "bolditalic": "Courier-BoldOblique"},
    # Bitstream Vera, shipped with reportlab: used for scanned pages so that the
    # image (drawn with PIL) and the layout share the same metrics.
    "vera": {"regular": "Vera", "bold": "VeraBd", "italic": "VeraIt", "bolditalic": "VeraBI"},
}
VERA_FILES = {"Vera": "Vera.ttf", "VeraBd": "VeraBd.ttf", "VeraIt": "VeraIt.ttf", "VeraBI": "VeraBI.ttf"}

_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    for name, file in VERA_FILES.items():
        pdfmetrics.registerFont(TTFont(name, os.path.join(FONT_DIR, file)))
    _registered = True


def text_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


# --------------------------------------------------------------------------- model


@dataclass
class Block:
    style: str
    text: str  # plain text, no markers, single spaces
    spans: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class Style:
    face: str = "regular"  # regular, bold, italic, bolditalic
    size: float = 11.5
    leading: float = 15.0
    align: str = "justify"  # left, center, right, justify
    first_indent: float = 0.0
    left: float = 0.0
    right: float = 0.0
    space_before: float = 0.0
    space_after: float = 6.0
    keep_with_next: bool = False


@dataclass
class House:
    """The look of one document."""

    kind: str = "single"  # single, two_column, pleading
    pagesize: tuple[float, float] = A4
    family: str = "times"
    margins: tuple[float, float, float, float] = (72, 80, 72, 72)  # left, top, right, bottom
    body_size: float = 11.5
    leading: float = 15.0
    gutter: float = 22.0
    header_left: str = ""
    header_right: str = ""
    header_first_page: bool = False
    header_rule: bool = True
    footer: str = "Page {n} of {N}"  # or "" for none
    footer_align: str = "center"
    scanned_pages: frozenset[int] = frozenset()
    dpi: int = 200
    noise_seed: str = "0"
    pleading_lines: int = 28
    pleading_footer: str = ""
    styles: dict[str, Style] = field(default_factory=dict)

    def font(self, face: str) -> str:
        return FAMILIES[self.family][face]

    def frames(self) -> list[tuple[float, float, float, float]]:
        """Body frames (x0, top, x1, bottom) in points from the top-left corner."""
        w, h = self.pagesize
        left, top, right, bottom = self.margins
        if self.kind == "two_column":
            mid = (left + w - right) / 2
            return [(left, top, mid - self.gutter / 2, h - bottom), (mid + self.gutter / 2, top, w - right, h - bottom)]
        return [(left, top, w - right, h - bottom)]


def default_styles(house: House) -> dict[str, Style]:
    b, lead = house.body_size, house.leading
    narrow = house.kind == "two_column"
    indent = 0 if narrow else 28
    return {
        "title": Style("bold", b + 2.5, lead + 3, "center", space_before=4, space_after=8, keep_with_next=True),
        "center_bold": Style("bold", b, lead, "center", space_after=3, keep_with_next=True),
        "center": Style("regular", b, lead, "center", space_after=3),
        "center_italic": Style("italic", b, lead, "center", space_after=3),
        "right": Style("regular", b, lead, "right", space_after=6),
        "heading": Style("bold", b, lead, "left", space_before=8, space_after=4, keep_with_next=True),
        "para": Style("regular", b, lead, "justify", first_indent=indent, space_after=6),
        "para_flat": Style("regular", b, lead, "justify", space_after=6),
        "item": Style("regular", b, lead, "justify", left=0 if narrow else 18, space_after=5),
        "quote": Style("italic", b - 1, lead - 1.5, "justify", left=14 if narrow else 36, right=0 if narrow else 24, space_after=6),
        "sig": Style("regular", b, lead, "center", space_before=18, space_after=0),
        "small": Style("regular", b - 2, lead - 3, "left", space_after=2),
    }


@dataclass
class Line:
    block: int
    start: int
    end: int
    page: int  # 1-based
    x: float
    y: float  # top of the line box, from the top of the page
    width: float
    avail: float
    font: str
    size: float
    leading: float
    align: str
    last: bool


@dataclass
class Layout:
    house: House
    blocks: list[Block]
    lines: list[Line]
    pages: int
    block_first_page: list[int]

    def page_of(self, block: int, offset: int) -> int:
        """Page of character ``offset`` of block ``block``."""
        candidates = [ln for ln in self.lines if ln.block == block]
        page = candidates[0].page
        for ln in candidates:
            if ln.start <= offset:
                page = ln.page
            else:
                break
        return page

    def page_lines(self, page: int) -> list[Line]:
        return [ln for ln in self.lines if ln.page == page]


def wrap(text: str, first_width: float, width: float, font: str, size: float) -> list[tuple[int, int, float]]:
    """Greedy line breaking at spaces: (start, end, width) per line."""
    if not text:
        return [(0, 0, 0.0)]
    space = text_width(" ", font, size)
    lines: list[tuple[int, int, float]] = []
    pos = 0
    words: list[tuple[int, int, float]] = []
    for part in text.split(" "):
        words.append((pos, pos + len(part), text_width(part, font, size)))
        pos += len(part) + 1
    cur_start, cur_end, cur_w = words[0]
    limit = first_width
    for start, end, w in words[1:]:
        if cur_w + space + w <= limit:
            cur_end, cur_w = end, cur_w + space + w
        else:
            lines.append((cur_start, cur_end, cur_w))
            cur_start, cur_end, cur_w = start, end, w
            limit = width
    lines.append((cur_start, cur_end, cur_w))
    return lines


def paginate(blocks: list[Block], house: House, split_blocks: bool = True) -> Layout:
    register_fonts()
    styles = house.styles or default_styles(house)
    frames = house.frames()
    pleading = house.kind == "pleading"
    pitch = (frames[0][3] - frames[0][1]) / house.pleading_lines if pleading else 0.0
    lines: list[Line] = []
    page, fi = 1, 0
    y = frames[0][1]
    first_pages: list[int] = []

    def advance() -> None:
        nonlocal page, fi, y
        fi += 1
        if fi >= len(frames):
            fi = 0
            page += 1
        y = frames[fi][1]

    for bi, block in enumerate(blocks):
        st = styles[block.style]
        font = house.font(st.face)
        lead = pitch if pleading else st.leading
        x0, top, x1, bottom = frames[fi]
        width = x1 - x0 - st.left - st.right
        wrapped = wrap(block.text, width - st.first_indent, width, font, st.size)
        space_before = 0.0 if pleading else st.space_before
        space_after = 0.0 if pleading else st.space_after
        if y > frames[fi][1]:
            y += space_before
        need = len(wrapped) * lead if not split_blocks else lead
        if st.keep_with_next and bi + 1 < len(blocks):
            need = len(wrapped) * lead + 2 * lead
        if y + need > frames[fi][3] and y > frames[fi][1]:
            if not split_blocks and need > frames[fi][3] - frames[fi][1]:
                pass  # a block taller than a page: split anyway
            else:
                advance()
        first_pages.append(page)
        for li, (s, e, w) in enumerate(wrapped):
            if y + lead > frames[fi][3] + 0.01:
                advance()
            x0, top, x1, bottom = frames[fi]
            indent = st.first_indent if li == 0 else 0.0
            avail = x1 - x0 - st.left - st.right - indent
            lines.append(
                Line(bi, s, e, page, x0 + st.left + indent, y, w, avail, font, st.size, lead, st.align, li == len(wrapped) - 1)
            )
            y += lead
        y += space_after
    return Layout(house, blocks, lines, page, first_pages)


# --------------------------------------------------------------------------- display lists

# ops: ("text", x, baseline_from_top, font, size, string, word_space) and ("rule", x0, y0, x1, y1, width)


def page_ops(layout: Layout, page: int) -> list[tuple]:
    house = layout.house
    w, h = house.pagesize
    left, top, right, bottom = house.margins
    ops: list[tuple] = []
    regular = house.font("regular")
    hsize = house.body_size - 2.5
    if house.header_left or house.header_right:
        if page > 1 or house.header_first_page:
            hy = top - 22
            if house.header_left:
                ops.append(("text", left, hy, regular, hsize, house.header_left, 0.0))
            if house.header_right:
                tw = text_width(house.header_right, regular, hsize)
                ops.append(("text", w - right - tw, hy, regular, hsize, house.header_right, 0.0))
            if house.header_rule:
                ops.append(("rule", left, hy + 5, w - right, hy + 5, 0.5))
    if house.footer:
        label = house.footer.format(n=page, N=layout.pages)
        tw = text_width(label, regular, hsize)
        fy = h - bottom + 30
        fx = {"center": (w - tw) / 2, "right": w - right - tw, "left": left}[house.footer_align]
        ops.append(("text", fx, fy, regular, hsize, label, 0.0))
    if house.kind == "pleading":
        x0, ftop, x1, fbottom = house.frames()[0]
        pitch = (fbottom - ftop) / house.pleading_lines
        ops.append(("rule", x0 - 8, 0, x0 - 8, h, 0.6))
        ops.append(("rule", x0 - 11, 0, x0 - 11, h, 0.6))
        ops.append(("rule", x1 + 6, 0, x1 + 6, h, 0.4))
        for k in range(1, house.pleading_lines + 1):
            label = str(k)
            tw = text_width(label, regular, house.body_size)
            ops.append(("text", x0 - 20 - tw, ftop + k * pitch - pitch * 0.3, regular, house.body_size, label, 0.0))
        if house.pleading_footer:
            fy = h - bottom + 18
            ops.append(("rule", x0, fy - 11, x1, fy - 11, 0.5))
            tw = text_width(house.pleading_footer, regular, hsize)
            ops.append(("text", (x0 + x1 - tw) / 2, fy, regular, hsize, house.pleading_footer, 0.0))
    if house.kind == "two_column":
        frames = house.frames()
        gx = (frames[0][2] + frames[1][0]) / 2
        ops.append(("rule", gx, frames[0][1], gx, frames[0][3], 0.3))
    for ln in layout.page_lines(page):
        text = layout.blocks[ln.block].text[ln.start : ln.end]
        if not text:
            continue
        x = ln.x
        ws = 0.0
        if ln.align == "center":
            x = ln.x + (ln.avail - ln.width) / 2
        elif ln.align == "right":
            x = ln.x + ln.avail - ln.width
        elif ln.align == "justify" and not ln.last:
            gaps = text.count(" ")
            if gaps:
                ws = min((ln.avail - ln.width) / gaps, ln.size * 0.6)
        baseline = ln.y + ln.size + (ln.leading - ln.size) * 0.35
        ops.append(("text", x, baseline, ln.font, ln.size, text, ws))
    return ops


def draw_ops_pdf(canvas, ops: list[tuple], page_height: float) -> None:
    for op in ops:
        if op[0] == "text":
            _, x, y, font, size, text, ws = op
            t = canvas.beginText(x, page_height - y)
            t.setFont(font, size)
            # Tw is part of the PDF text state and outlives BT/ET: always set it
            t.setWordSpace(ws)
            t.textOut(text)
            canvas.drawText(t)
        else:
            _, xa, ya, xb, yb, lw = op
            canvas.setLineWidth(lw)
            canvas.line(xa, page_height - ya, xb, page_height - yb)


def draw_ops_image(ops: list[tuple], pagesize: tuple[float, float], dpi: int, seed: str):
    """The page as a scanned image: grey text, slight blur, rotation, speckles, 1-bit."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    scale = dpi / 72.0
    width, height = int(round(pagesize[0] * scale)), int(round(pagesize[1] * scale))
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    fonts: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}
    ink = rng.randint(10, 45)
    for op in ops:
        if op[0] == "text":
            _, x, y, font, size, text, ws = op
            key = (font, size)
            if key not in fonts:
                fonts[key] = ImageFont.truetype(os.path.join(FONT_DIR, VERA_FILES[font]), size * scale)
            pil_font = fonts[key]
            space = text_width(" ", font, size) + ws
            cx = x
            for word in text.split(" "):
                if word:
                    draw.text((cx * scale, y * scale), word, font=pil_font, fill=ink, anchor="ls")
                cx += text_width(word, font, size) + space
        else:
            _, xa, ya, xb, yb, lw = op
            draw.line([(xa * scale, ya * scale), (xb * scale, yb * scale)], fill=ink, width=max(1, int(lw * scale)))
    # scanner artefacts: a grey edge, dust, slight blur and skew
    edge = rng.choice(["left", "right", "top", "none"])
    band = int(width * rng.uniform(0.006, 0.015))
    if edge == "left":
        draw.rectangle([0, 0, band, height], fill=rng.randint(60, 120))
    elif edge == "right":
        draw.rectangle([width - band, 0, width, height], fill=rng.randint(60, 120))
    elif edge == "top":
        draw.rectangle([0, 0, width, band], fill=rng.randint(60, 120))
    for _ in range(rng.randint(150, 400)):
        cx, cy = rng.randrange(width), rng.randrange(height)
        r = rng.choice([0, 0, 0, 1, 1, 2])
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=rng.randint(0, 110))
    img = img.filter(ImageFilter.GaussianBlur(radius=scale * 0.18))
    angle = rng.uniform(-0.8, 0.8)
    img = img.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    threshold = rng.randint(150, 175)
    return img.point(lambda v: 255 if v > threshold else 0).convert("1")


def _draw_bilevel(canvas, img, width: float, height: float, name: str) -> None:
    """Place a 1-bit PIL image as a full-page image XObject (Flate, 1 bit per
    pixel). reportlab's drawImage would widen it to RGB, and inline images can
    end early in some parsers."""
    import zlib

    from reportlab.pdfbase import pdfdoc

    obj = pdfdoc.PDFImageXObject(name)
    obj.width, obj.height = img.size
    obj.bitsPerComponent = 1
    obj.colorSpace = "DeviceGray"
    obj._filters = ("FlateDecode",)
    obj.streamContent = zlib.compress(img.tobytes(), 6)
    reg = canvas._doc.getXObjectName(name)
    canvas._setXObjects(obj)
    canvas._doc.Reference(obj, reg)
    canvas._doc.addForm(name, obj)
    canvas.saveState()
    canvas.scale(width, height)
    canvas._code.append(f"/{reg} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)


def render_pdf(layout: Layout, path: str, title: str, subject: str, keywords: str = "") -> None:
    from reportlab.pdfgen import canvas as rl_canvas

    register_fonts()
    rl_config.invariant = 1
    house = layout.house
    w, h = house.pagesize
    c = rl_canvas.Canvas(path, pagesize=house.pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("atlas_courts synthetic corpus")
    c.setSubject(subject)
    c.setCreator("atlas_courts scripts/make_corpus.py")
    c.setProducer("ReportLab (invariant)")
    if keywords:
        c.setKeywords(keywords)
    for page in range(1, layout.pages + 1):
        ops = page_ops(layout, page)
        if page in house.scanned_pages:
            img = draw_ops_image(ops, house.pagesize, house.dpi, f"{house.noise_seed}:{page}")
            _draw_bilevel(c, img, w, h, f"scan{page}")
        else:
            draw_ops_pdf(c, ops, h)
        c.showPage()
    c.save()


# --------------------------------------------------------------------------- DOCX and TXT


def render_docx(layout: Layout, path: str, title: str, header: str) -> None:
    """A DOCX with an explicit page break wherever the layout starts a new page
    (blocks are not split across pages: paginate with split_blocks=False)."""
    import datetime

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(layout.house.body_size)
    props = document.core_properties
    fixed = datetime.datetime(2000, 1, 1, 0, 0, 0)
    props.author = "atlas_courts synthetic corpus"
    props.last_modified_by = "atlas_courts synthetic corpus"
    props.title = title
    props.created = fixed
    props.modified = fixed
    props.revision = 1
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    styles = layout.house.styles or default_styles(layout.house)
    align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
             "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT}
    prev_page = 1
    for bi, block in enumerate(layout.blocks):
        st = styles[block.style]
        para = document.add_paragraph()
        page = layout.block_first_page[bi]
        if page != prev_page:
            para.add_run().add_break(WD_BREAK.PAGE)
            prev_page = page
        run = para.add_run(block.text)
        run.bold = st.face in ("bold", "bolditalic")
        run.italic = st.face in ("italic", "bolditalic")
        para.alignment = align[st.align]
        if st.first_indent:
            para.paragraph_format.first_line_indent = Pt(st.first_indent)
        if st.left:
            para.paragraph_format.left_indent = Pt(st.left)
    buffer = io.BytesIO()
    document.save(buffer)
    _rezip(buffer.getvalue(), path)


def _rezip(data: bytes, path: str) -> None:
    """Rewrite a zip with fixed timestamps so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, src.read(info.filename))


TXT_WIDTH = 78
TXT_LINES = 60


def txt_pages(blocks: list[Block], header: str) -> tuple[list[list[str]], list[list[tuple[int, int]]]]:
    """Hard-wrapped monospaced pages (lines without the page header). Returns the
    pages and, per block, (start offset, page) for each of its lines."""
    pages: list[list[str]] = [[]]
    where: list[list[tuple[int, int]]] = []  # per block: list of (start offset, page)
    body = TXT_LINES - 3

    def new_page() -> None:
        pages.append([])

    for block in blocks:
        text = block.text
        centred = block.style in ("title", "center", "center_bold", "center_italic", "sig")
        indent = "    " if block.style == "para" else ("      " if block.style == "quote" else "")
        chunks: list[tuple[int, str]] = []
        pos = 0
        words = text.split(" ")
        cur = indent
        cur_start = 0
        for word in words:
            candidate = (cur + " " + word) if cur.strip() else (cur + word)
            if len(candidate) > TXT_WIDTH and cur.strip():
                chunks.append((cur_start, cur))
                cur = ("      " if block.style == "quote" else "") + word
                cur_start = pos
            else:
                cur = candidate
            pos += len(word) + 1
        chunks.append((cur_start, cur))
        if len(pages[-1]) + len(chunks) > body and pages[-1]:
            new_page()
        starts = []
        for start, line in chunks:
            if len(pages[-1]) >= body:
                new_page()
            if centred:
                line = line.strip().center(TXT_WIDTH).rstrip()
            pages[-1].append(line)
            starts.append((start, len(pages)))
        where.append(starts)
        if len(pages[-1]) < body:
            pages[-1].append("")
    return pages, where


def render_txt(blocks: list[Block], path: str, header: str, page_label: str = "Pág.") -> tuple[int, list[list[tuple[int, int]]]]:
    """A plain-text judgment: a header line and a blank line on each page, pages separated by form feeds."""
    pages, where = txt_pages(blocks, header)
    out = []
    for n, lines in enumerate(pages, 1):
        head = f"{header}".ljust(TXT_WIDTH - 12) + f"{page_label} {n}/{len(pages)}".rjust(12)
        out.append("\n".join([head, ""] + [ln.rstrip() for ln in lines]).rstrip() + "\n")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\f".join(out))
    return len(pages), where
