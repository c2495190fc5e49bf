"""Packing slips: what goes in the parcel, for the packer first and the customer next.

The packer scans the order ref's barcode to open the order, then takes the lines in bin
order, ticking each box; quantities above one are shaded so that they are not missed.
The customer's note stands out in a heavy shaded frame above the lines. Long orders run
over pages with the header row repeated and "page n/N" numbering per slip.
"""

from __future__ import annotations

from typing import Sequence

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from packstation.documents.barcodes import check_code128, code128
from packstation.documents.base import FlowRenderer, PageFooter, StartDocument
from packstation.documents.countries import is_abroad
from packstation.documents.errors import LayoutError, order_document
from packstation.documents.flowables import BarcodeWithText, TickBox, bin_sort_key, check_image
from packstation.documents.markup import address_fields, check_printable, paragraph
from packstation.documents.model import SlipData, SlipLine
from packstation.documents.parts import address_lines, line_fields, shop_block, shop_fields
from packstation.documents.styles import (
    DOCUMENT_MODULE, header_grid_style, highlight, style, two_boxes_style,
)
from packstation.documents.tables import Column, lines_table
from packstation.documents.texts import format_date, plural, text

PAPERS = {"a4": A4, "letter": LETTER}


def render_slips(slips: Sequence[SlipData], paper: str = "a4") -> bytes:
    """Packing slips as one PDF; each slip starts on a new page and numbers its own pages."""
    return SlipRenderer(slips, paper).render()


def sorted_lines(lines: Sequence[SlipLine]) -> list[SlipLine]:
    """Order lines in picking order: by bin (naturally: A2 before A10), then SKU."""
    return sorted(lines, key=lambda line: (bin_sort_key(line.bin), line.sku))


class SlipRenderer(FlowRenderer):
    """Packing slips on A4 or Letter paper."""

    overflow_field = "doc.field.order_lines"

    def __init__(self, slips: Sequence[SlipData], paper: str = "a4") -> None:
        if paper not in PAPERS:
            raise LayoutError(paper, tuple(PAPERS))
        if not slips:
            raise ValueError("no packing slips to render")
        self.slips = list(slips)
        self.page_size = PAPERS[paper]
        self.language = self.slips[0].language
        left, _, _, right = self.margins
        self.width = self.page_size[0] - left - right

    def title(self) -> str:
        refs = ", ".join(slip.order_ref for slip in self.slips[:3])
        more = ", …" if len(self.slips) > 3 else ""
        return f"{text('doc.slip.title', self.language)} {refs}{more}"

    def check(self) -> None:
        for slip in self.slips:
            document = order_document(slip.order_ref)
            check_printable(document, [
                ("doc.field.order_ref", slip.order_ref),
                ("doc.field.carrier", slip.carrier_name),
                ("doc.field.note", slip.note),
                ("doc.field.pickup_point", slip.pickup_point),
                *address_fields(slip.recipient, "doc.field.recipient"),
                *shop_fields(slip.shop),
                *line_fields(slip.lines),
            ])
            check_code128(slip.order_ref, document, "doc.field.order_ref")
            if slip.shop.logo:
                check_image(slip.shop.logo, document, "doc.field.logo")

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for number, slip in enumerate(self.slips):
            if number:
                story.append(PageBreak())
            story += self.slip_story(slip)
        return story

    def slip_story(self, slip: SlipData) -> list[Flowable]:
        language = slip.language
        footer = PageFooter(
            f"{text('doc.slip.title', language)} — "
            f"{text('doc.footer.order', language, ref=slip.order_ref)}",
            language, order_document(slip.order_ref),
        )
        story: list[Flowable] = [StartDocument(footer), self.header(slip), Spacer(1, 5 * mm),
                                 self.addresses(slip), Spacer(1, 4 * mm)]
        if slip.held:
            story += [paragraph(text("doc.held", language), style("Doc.Note")), Spacer(1, 4 * mm)]
        if slip.note.strip():
            story += [self.note(slip), Spacer(1, 4 * mm)]
        story.append(self.lines_table(slip))
        units = sum(item.quantity for item in slip.lines)
        story.append(Spacer(1, 2 * mm))
        story.append(paragraph(
            text("doc.slip.total", language, units=plural("doc.units", units, language)),
            style("Doc.TotalRight"),
        ))
        if slip.shop.return_instructions.strip():
            story += [Spacer(1, 6 * mm), self.returns(slip)]
        return story

    def header(self, slip: SlipData) -> Table:
        language = slip.language
        half = self.width / 2
        document = order_document(slip.order_ref)
        symbol = code128(slip.order_ref, max_width=half, bar_height=13 * mm,
                         target_module=DOCUMENT_MODULE, document=document,
                         field_key="doc.field.order_ref")
        right = [
            paragraph(text("doc.slip.title", language).upper(), style("Doc.TitleRight")),
            Spacer(1, 1.5 * mm),
            paragraph(slip.order_ref, style("Doc.OrderRef")),
            Spacer(1, 1.5 * mm),
            BarcodeWithText(symbol, paragraph(slip.order_ref, style("Doc.BarcodeText")), "RIGHT"),
            Spacer(1, 1.5 * mm),
            paragraph(
                text("doc.slip.order_date", language,
                     date=format_date(slip.order_date.date(), language)),
                style("Doc.SmallRight"),
            ),
        ]
        table = Table([[shop_block(slip.shop, half - 5 * mm), right]], colWidths=[half, half])
        table.setStyle(header_grid_style())
        return table

    def addresses(self, slip: SlipData) -> Table:
        language = slip.language
        lines = address_lines(slip.recipient, language,
                              with_country=is_abroad(slip.shop.address, slip.recipient))
        ship_to = [paragraph(text("doc.slip.ship_to", language), style("Doc.NoteHeading")),
                   Spacer(1, 1 * mm),
                   paragraph(lines[0], style("Doc.AddressName")),
                   *(paragraph(part, style("Doc.Address")) for part in lines[1:])]
        if slip.recipient.phone:
            ship_to.append(paragraph(text("doc.label.phone", language, phone=slip.recipient.phone),
                                     style("Doc.Small")))
        service = text("doc.slip.service", language, carrier=slip.carrier_name,
                       service=text(f"doc.service.{slip.service}", language))
        shipping = [paragraph(text("doc.slip.shipping", language), style("Doc.NoteHeading")),
                    Spacer(1, 1 * mm),
                    paragraph(service, style("Doc.AddressName")),
                    *([paragraph(text("doc.slip.pickup_point", language, point=slip.pickup_point),
                                 style("Doc.Address"))] if slip.pickup_point else []),
                    paragraph(plural("doc.units", sum(item.quantity for item in slip.lines),
                                     language), style("Doc.Address"))]
        gap = 5 * mm
        left_width = self.width * 0.58
        table = Table([[ship_to, [], shipping]],
                      colWidths=[left_width, gap, self.width - left_width - gap])
        table.setStyle(two_boxes_style())
        return table

    def note(self, slip: SlipData) -> Flowable:
        """The customer's note in a heavy shaded frame (it runs over pages if it must)."""
        heading = text("doc.slip.note", slip.language).upper()
        return paragraph(f"{heading}\n{slip.note.strip()}", style("Doc.Note"))

    def lines_table(self, slip: SlipData) -> Table:
        language = slip.language
        columns = [
            Column(text("doc.col.bin", language), "Table.Bin", width=30 * mm),
            Column(text("doc.col.sku", language), width=34 * mm),
            Column(text("doc.col.item", language)),
            Column(text("doc.col.quantity", language), "Table.Quantity", "Table.HeaderCentre",
                   width=16 * mm),
            Column(text("doc.col.check", language), "Table.CellCentre", "Table.HeaderCentre",
                   width=17 * mm),
        ]
        rows = []
        shaded = []
        for number, item in enumerate(sorted_lines(slip.lines), start=1):
            rows.append([item.bin, item.sku, item.name, str(item.quantity), TickBox()])
            if item.quantity > 1:  # the packer must not miss a quantity above one
                shaded.append(highlight((3, number)))
        return lines_table(columns, rows, self.width, shaded)

    def returns(self, slip: SlipData) -> Flowable:
        return KeepTogether([
            paragraph(text("doc.slip.returns", slip.language), style("Doc.Heading")),
            paragraph(slip.shop.return_instructions, style("Doc.Body")),
        ])
