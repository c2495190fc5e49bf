"""The one stylesheet of every document: paragraph styles, table styles, colours, sizes.

Renderers refer to styles by name (``styles()["Label.RecipientCity"]``) and never set a
font, size or colour themselves, so the look of all documents is changed here. Documents
are printed on black-and-white printers: emphasis is weight, size, frames and light
grey shading, never colour.
"""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from packstation.documents.fonts import BOLD, REGULAR, register_fonts

INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.88, 0.88, 0.88)
PAPER = colors.white

#: The smallest size a fixed block may shrink its text to and still be read at arm's length.
MIN_FONT_SIZE = 6.0

#: Padding inside the cells of lines tables.
CELL_PADDING = 1.5 * mm

#: Line widths, in points.
THIN = 0.5
FRAME = 1.2
HEAVY = 2.0

#: Barcodes: the narrowest bar (module) allowed, and the width aimed for.
MIN_MODULE = 0.25 * mm
LABEL_MODULE = 0.5 * mm
DOCUMENT_MODULE = 0.38 * mm
#: Quiet zone each side of a Code 128 symbol, in modules (the standard's minimum).
QUIET_MODULES = 10


def _style(name: str, *, font: str = REGULAR, size: float, leading: float | None = None,
           colour: colors.Color = INK, align: int = TA_LEFT, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading or round(size * 1.2, 2),
        textColor=colour, alignment=align, splitLongWords=1, **extra,
    )


@functools.cache
def styles() -> StyleSheet1:
    """The stylesheet (built once; the bundled fonts are registered on the way)."""
    register_fonts()
    sheet = StyleSheet1()
    for style in (
        # Shipping label (sizes for the 100 x 150 mm design; other layouts scale it).
        _style("Label.Caption", font=BOLD, size=6.5, colour=MUTED),
        _style("Label.Carrier", font=BOLD, size=15),
        _style("Label.Service", font=BOLD, size=12, align=TA_RIGHT),
        _style("Label.Express", font=BOLD, size=17, colour=PAPER, align=TA_CENTER),
        _style("Label.SenderName", font=BOLD, size=8),
        _style("Label.Sender", size=8),
        _style("Label.RecipientName", font=BOLD, size=13),
        _style("Label.RecipientLine", size=11),
        _style("Label.RecipientCity", font=BOLD, size=18),
        _style("Label.RecipientCountry", font=BOLD, size=13),
        _style("Label.RecipientPhone", size=8),
        _style("Label.InfoValue", font=BOLD, size=10),
        _style("Label.Tracking", font=BOLD, size=11, align=TA_CENTER),
        # Sheets: slips, pick lists, manifests.
        _style("Doc.Title", font=BOLD, size=15),
        _style("Doc.TitleRight", font=BOLD, size=15, align=TA_RIGHT),
        _style("Doc.OrderRef", font=BOLD, size=18, align=TA_RIGHT),
        _style("Doc.ShopName", font=BOLD, size=12),
        _style("Doc.Heading", font=BOLD, size=10, spaceBefore=3 * mm, spaceAfter=1.5 * mm),
        _style("Doc.Body", size=9.5),
        _style("Doc.BodyRight", size=9.5, align=TA_RIGHT),
        _style("Doc.Small", size=8, colour=MUTED),
        _style("Doc.SmallRight", size=8, colour=MUTED, align=TA_RIGHT),
        _style("Doc.AddressName", font=BOLD, size=11),
        _style("Doc.Address", size=11),
        _style("Doc.NoteHeading", font=BOLD, size=9),
        # The customer's note: framed heavy and shaded; the indents keep the frame, drawn
        # around the padding, inside the text column.
        _style("Doc.Note", font=BOLD, size=12, borderWidth=HEAVY, borderColor=INK,
               backColor=SHADE, borderPadding=2.5 * mm, leftIndent=2.5 * mm,
               rightIndent=2.5 * mm, spaceBefore=2.5 * mm, spaceAfter=2.5 * mm),
        _style("Doc.Total", font=BOLD, size=11),
        _style("Doc.TotalRight", font=BOLD, size=11, align=TA_RIGHT),
        _style("Doc.Footer", size=8, colour=MUTED),
        _style("Doc.FooterRight", size=8, colour=MUTED, align=TA_RIGHT),
        _style("Doc.BarcodeText", size=8, align=TA_CENTER),
        _style("Table.Header", font=BOLD, size=8.5),
        _style("Table.HeaderRight", font=BOLD, size=8.5, align=TA_RIGHT),
        _style("Table.HeaderCentre", font=BOLD, size=8.5, align=TA_CENTER),
        _style("Table.Cell", size=9.5),
        _style("Table.CellRight", size=9.5, align=TA_RIGHT),
        _style("Table.CellCentre", size=9.5, align=TA_CENTER),
        _style("Table.Bin", font=BOLD, size=10.5),
        _style("Table.Quantity", font=BOLD, size=16, align=TA_CENTER),
        _style("Table.OrderRef", font=BOLD, size=10),
        _style("Signature.Caption", font=BOLD, size=9),
        _style("Signature.Hint", size=7.5, colour=MUTED),
        # Product labels.
        _style("Product.Name", font=BOLD, size=9),
        _style("Product.Sku", size=7.5),
        # Command sheet.
        _style("Command.Label", font=BOLD, size=13, align=TA_CENTER),
        _style("Command.Code", size=9, colour=MUTED, align=TA_CENTER),
    ):
        sheet.add(style)
    return sheet


def style(name: str) -> ParagraphStyle:
    return styles()[name]


def _table_style(commands: list[tuple]) -> TableStyle:
    # ReportLab sets text cells in Helvetica unless told otherwise, and Helvetica has no
    # Ł, Greek or Cyrillic: every table starts from the bundled font.
    return TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 9.5), *commands])


def lines_table_style(header_rows: int = 1) -> TableStyle:
    """Order lines, pick list and manifest tables: shaded header, rules between rows."""
    return _table_style([
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
        ("LINEBELOW", (0, 0), (-1, header_rows - 1), FRAME, INK),
        ("LINEBELOW", (0, header_rows), (-1, -1), THIN, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ])


def cell_font(paragraph_style: ParagraphStyle, start: tuple[int, int],
              end: tuple[int, int]) -> list[tuple]:
    """Table commands that set plain-text cells as ``paragraph_style`` sets paragraphs."""
    align = {TA_LEFT: "LEFT", TA_CENTER: "CENTER", TA_RIGHT: "RIGHT"}[paragraph_style.alignment]
    return [
        ("FONT", start, end, paragraph_style.fontName, paragraph_style.fontSize,
         paragraph_style.leading),
        ("TEXTCOLOR", start, end, paragraph_style.textColor),
        ("ALIGN", start, end, align),
    ]


def header_grid_style() -> TableStyle:
    """A sheet's header: the shop on the left, the document's title and refs on the right."""
    return _table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ])


def highlight(cell: tuple[int, int]) -> tuple:
    """The table command that shades one cell (a quantity above one)."""
    return ("BACKGROUND", cell, cell, SHADE)


def two_boxes_style() -> TableStyle:
    """Two framed cells side by side, the middle column an empty gap."""
    return _table_style([
        ("BOX", (0, 0), (0, -1), FRAME, INK),
        ("BOX", (2, 0), (2, -1), FRAME, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
    ])


def order_cards_style() -> TableStyle:
    """The grid of order cards on a pick list: one framed cell per order."""
    return _table_style([
        ("GRID", (0, 0), (-1, -1), THIN, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
    ])


def totals_style() -> TableStyle:
    """The totals under a manifest: label and value, heavy rule above."""
    return _table_style([
        ("LINEABOVE", (0, 0), (-1, 0), HEAVY, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ])
