"""User text on its way into a PDF: checked, escaped, laid out, never clipped.

Three steps, in this order, for every document:

1. :func:`check_printable` looks at every user string *before* anything is drawn and
   raises :class:`UnprintableTextError` naming the field if a character has no font.
2. :func:`to_markup` turns user text into ReportLab paragraph markup: escaped (so that
   ``<b>Ltd & Co</b>`` prints literally), newlines as ``<br/>``, and runs of characters
   that DejaVu Sans lacks set in the fallback font that has them.
3. :func:`fit_block` lays out a fixed block (a label field) in its box: text wraps, then
   shrinks step by step down to :data:`MIN_FONT_SIZE`; if it still does not fit it raises
   :class:`TextDoesNotFitError` naming the field. Flowing documents (slips) wrap in
   table cells and run over pages instead.

Text that fits on one line in the bundled fonts skips the paragraph machinery and is
drawn as a plain string (:class:`PlainLine`, :func:`cell`): same place, same look,
several times cheaper, and most label fields and table cells are like that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from packstation.documents.errors import TextDoesNotFitError, UnprintableTextError
from packstation.documents.fonts import REGULAR, clean_text, font_runs, unprintable_characters
from packstation.documents.model import Address
from packstation.documents.styles import MIN_FONT_SIZE
from packstation.documents.texts import LazyText

#: (field key, text): one user string and the field it comes from, for error messages.
Field = tuple[str, str]

# The whitespace a paragraph collapses (not the no-break spaces).
_COLLAPSED_SPACE = re.compile(r"[ \t\n\r\f\v]+")

_SHRINK_STEP = 0.05  # of the block's original size, per attempt
_UNBOUNDED = 1e6


def check_printable(document: LazyText, fields: Iterable[Field]) -> None:
    """Raise UnprintableTextError for the first field holding an unprintable character."""
    for field_key, value in fields:
        if value:
            unprintable = unprintable_characters(value)
            if unprintable:
                raise UnprintableTextError(document, field_key, unprintable)


def address_fields(address: Address, field_key: str) -> list[Field]:
    """Every printed part of an address, all under one field name."""
    parts = (address.name, address.company, address.line1, address.line2, address.postcode,
             address.city, address.region, address.country, address.phone, address.email)
    return [(field_key, part) for part in parts if part]


def to_markup(text: str) -> str:
    """Text as paragraph markup that prints exactly that text."""
    pieces = []
    for font, run in font_runs(clean_text(text)):
        escaped = escape(run).replace("\n", "<br/>")
        pieces.append(escaped if font == REGULAR else f'<font face="{font}">{escaped}</font>')
    return "".join(pieces)


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph that prints ``text`` literally (user text and our own words alike)."""
    return Paragraph(to_markup(text), style)


def plain_text(text: str) -> str | None:
    """``text`` as one line of the bundled fonts, or None if it needs a paragraph.

    Such text can be drawn as a plain string, which is several times cheaper than a
    paragraph (no markup to parse): most label fields and table cells are like that.
    It needs a paragraph when it has line breaks or characters from a fallback font.
    """
    text = clean_text(text)
    if "\n" in text:
        return None
    if not text.isascii() and any(font != REGULAR for font, _ in font_runs(text)):
        return None
    return _COLLAPSED_SPACE.sub(" ", text).strip(" ")


class PlainLine:
    """One line of plain text in a paragraph style, drawn exactly where a one-line
    paragraph would draw it (baseline one font size below the top)."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        self.text = text
        self.style = style
        self.width = stringWidth(text, style.fontName, style.fontSize)
        self.box_width = self.width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.box_width = available_width
        return available_width, self.style.leading

    def drawOn(self, canvas: Canvas, x: float, y: float) -> None:  # noqa: N802 - flowable API
        style = self.style
        baseline = y + style.leading - style.fontSize
        canvas.saveState()
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        if style.alignment == TA_CENTER:
            canvas.drawCentredString(x + self.box_width / 2, baseline, self.text)
        elif style.alignment == TA_RIGHT:
            canvas.drawRightString(x + self.box_width, baseline, self.text)
        else:
            canvas.drawString(x, baseline, self.text)
        canvas.restoreState()


def cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell of user text, ``width`` wide inside its padding.

    Text that fits on one line in the bundled fonts goes in as a plain string: ReportLab
    draws it literally (no escaping needed) in the cell's FONT, which the table must set
    from the same ``style`` (:func:`packstation.documents.styles.cell_font`). Anything
    else becomes a paragraph that wraps, in whatever fonts it needs.
    """
    plain = plain_text(text)
    if plain is not None and stringWidth(plain, style.fontName, style.fontSize) <= width:
        return plain
    return paragraph(text, style)


@dataclass(frozen=True)
class BlockLine:
    """One paragraph of a fixed block: its markup, its style at full size, and its text
    when it is a plain line of the bundled fonts (see :func:`plain_text`)."""

    markup: str
    style: ParagraphStyle
    plain: str | None = None


def line(text: str, style: ParagraphStyle) -> BlockLine:
    """A block line that prints ``text`` literally."""
    return BlockLine(to_markup(text), style, plain_text(text))


#: Lines of a fixed block once laid out, each with its height.
LaidOut = list[tuple[Paragraph | PlainLine, float]]


class FittedBlock:
    """Paragraphs laid out in a fixed box, at the largest size that fits."""

    def __init__(self, lines: LaidOut, scale: float) -> None:
        self.lines = lines  # each laid out, with its height
        self.scale = scale
        self.height = sum(height for _, height in lines)

    def draw(self, canvas: Canvas, x: float, top: float) -> None:
        """Draw with the block's top-left corner at (x, top)."""
        y = top
        for laid_out, height in self.lines:
            y -= height
            laid_out.drawOn(canvas, x, y)

    def draw_centred_vertically(self, canvas: Canvas, x: float, top: float, height: float) -> None:
        self.draw(canvas, x, top - (height - self.height) / 2)


def fit_block(lines: Sequence[BlockLine], width: float, height: float, *,
              document: LazyText, field_key: str,
              min_size: float = MIN_FONT_SIZE) -> FittedBlock:
    """Lay ``lines`` out in a ``width`` x ``height`` box, shrinking them if need be.

    Every line shrinks by the same factor, in steps of 5 %, but none below
    ``min_size`` (or its own size if smaller). At each size, lines first wrap between
    words only; a word wider than the box is broken only once no size can avoid it.
    """
    if not lines:
        return FittedBlock([], 1.0)
    plain = _plain_lines(lines, width, height)
    if plain is not None:
        return FittedBlock(plain, 1.0)
    # Shrinking stops when every line has reached its floor.
    floor_scale = min(min(min_size, ln.style.fontSize) / ln.style.fontSize for ln in lines)
    scales = []
    scale = 1.0
    while scale > floor_scale + 1e-9:
        scales.append(scale)
        scale = round(scale - _SHRINK_STEP, 4)
    scales.append(floor_scale)
    for split_words in (False, True):
        for scale in scales:
            laid_out = _lay_out(lines, width, height, scale, split_words, min_size)
            if laid_out is not None:
                return FittedBlock(laid_out, scale)
    raise TextDoesNotFitError(document, field_key, min_size)


def _plain_lines(lines: Sequence[BlockLine], width: float, height: float) -> LaidOut | None:
    """The block as plain lines at full size, if every line is plain and it all fits."""
    laid_out: LaidOut = []
    for block_line in lines:
        if block_line.plain is None:
            return None
        plain = PlainLine(block_line.plain, block_line.style)
        if plain.width > width + 0.01:
            return None
        laid_out.append((plain, plain.wrap(width, height)[1]))
    if sum(line_height for _, line_height in laid_out) > height + 0.01:
        return None
    return laid_out


def _lay_out(lines: Sequence[BlockLine], width: float, height: float, scale: float,
             split_words: bool, min_size: float) -> LaidOut | None:
    laid_out: LaidOut = []
    total = 0.0
    for block_line in lines:
        style = _scaled(block_line.style, scale, split_words, min_size)
        para = Paragraph(block_line.markup, style)
        if not split_words and para.minWidth() > width + 0.01:
            return None
        _, line_height = para.wrap(width, _UNBOUNDED)
        total += line_height
        if total > height + 0.01:
            return None
        laid_out.append((para, line_height))
    return laid_out


_scaled_styles: dict[tuple[str, float, bool], ParagraphStyle] = {}


def _scaled(style: ParagraphStyle, scale: float, split_words: bool,
            min_size: float) -> ParagraphStyle:
    """``style`` at ``scale`` of its size, never below ``min_size`` (or its own size)."""
    if scale == 1.0 and bool(style.splitLongWords) == split_words:
        return style
    size = max(style.fontSize * scale, min(style.fontSize, min_size))
    key = (style.name, round(size, 3), split_words)
    scaled = _scaled_styles.get(key)
    if scaled is None:
        scaled = ParagraphStyle(
            f"{style.name}@{size:.2f}", parent=style, fontSize=size,
            leading=style.leading * size / style.fontSize, splitLongWords=int(split_words),
        )
        _scaled_styles[key] = scaled
    return scaled
