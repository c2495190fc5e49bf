"""Pick lists: one walk through the stock for a batch of orders.

Products are summed across the batch and listed in bin order, each with its breakdown
per order (``#1042 × 2``), so that the picker takes everything in one pass and sorts
at the table. Then every order of the batch with its ref as a Code 128 barcode: the
packer scans it to open the order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer, Table

from packstation.documents.barcodes import check_code128, code128
from packstation.documents.base import FlowRenderer, PageFooter, StartDocument
from packstation.documents.flowables import BarcodeWithText, TickBox, bin_sort_key, check_image
from packstation.documents.markup import check_printable, paragraph
from packstation.documents.model import PickListData, PickOrder
from packstation.documents.parts import line_fields, shop_block, shop_fields
from packstation.documents.styles import (
    DOCUMENT_MODULE, header_grid_style, highlight, order_cards_style, style,
)
from packstation.documents.tables import Column, lines_table
from packstation.documents.texts import LazyText, format_datetime, plural, text

PICK_LIST = LazyText("doc.document.pick_list")


def render_pick_list(data: PickListData) -> bytes:
    """The pick list of a batch of orders, on A4."""
    return PickListRenderer(data).render()


@dataclass
class PickRow:
    """One product to take from one bin, for every order of the batch that wants it."""

    bin: str
    sku: str
    name: str
    quantity: int = 0
    per_order: list[tuple[str, int]] = field(default_factory=list)  # (order ref, quantity)


def pick_rows(orders: list[PickOrder] | tuple[PickOrder, ...]) -> list[PickRow]:
    """Products summed across orders, in bin order; per-order quantities in batch order."""
    rows: dict[tuple[str, str], PickRow] = {}
    for order in orders:
        for item in order.lines:
            row = rows.setdefault((item.bin, item.sku), PickRow(item.bin, item.sku, item.name))
            row.quantity += item.quantity
            if row.per_order and row.per_order[-1][0] == order.ref:
                # The same product twice in one order: one entry for that order.
                row.per_order[-1] = (order.ref, row.per_order[-1][1] + item.quantity)
            else:
                row.per_order.append((order.ref, item.quantity))
    return sorted(rows.values(), key=lambda row: (bin_sort_key(row.bin), row.sku))


class PickListRenderer(FlowRenderer):
    """A pick list on A4: products by bin, then the orders' barcodes."""

    page_size = A4
    overflow_field = "doc.field.order_lines"
    card_columns = 3

    def __init__(self, data: PickListData) -> None:
        self.data = data
        self.language = data.language
        left, _, _, right = self.margins
        self.width = self.page_size[0] - left - right

    def title(self) -> str:
        return text("doc.picklist.title", self.language)

    def check(self) -> None:
        check_printable(PICK_LIST, shop_fields(self.data.shop))
        for order in self.data.orders:
            check_printable(PICK_LIST, [("doc.field.order_ref", order.ref),
                                        ("doc.field.carrier", order.carrier_name),
                                        *line_fields(order.lines)])
            check_code128(order.ref, PICK_LIST, "doc.field.order_ref")
        if self.data.shop.logo:
            check_image(self.data.shop.logo, PICK_LIST, "doc.field.logo")

    def story(self) -> list[Flowable]:
        language = self.language
        printed_at = format_datetime(self.data.printed_at, language)
        footer = PageFooter(f"{self.title()} — {printed_at}", language, PICK_LIST)
        rows = pick_rows(list(self.data.orders))
        return [
            StartDocument(footer),
            self.header(rows, printed_at),
            *self.left_out(),
            Spacer(1, 6 * mm),
            self.products_table(rows),
            self.heading(text("doc.picklist.orders_heading", language)),
            self.order_cards(),
        ]

    @staticmethod
    def heading(words: str) -> Flowable:
        """A heading that goes to the next page with what it heads, never left at a bottom."""
        flowable = paragraph(words, style("Doc.Heading"))
        flowable.keepWithNext = True
        return flowable

    def left_out(self) -> list[Flowable]:
        """The orders short of stock, named apart so nobody looks for them in this batch."""
        if not self.data.left_out:
            return []
        language = self.language
        orders = "; ".join(f"{ref} ({missing})" for ref, missing in self.data.left_out)
        return [Spacer(1, 3 * mm),
                paragraph(text("doc.picklist.left_out", language, orders=orders), style("Doc.Note"))]

    def header(self, rows: list[PickRow], printed_at: str) -> Table:
        language = self.language
        units = sum(row.quantity for row in rows)
        summary = " · ".join((plural("doc.orders", len(self.data.orders), language),
                              plural("doc.products", len(rows), language),
                              plural("doc.units", units, language)))
        half = self.width / 2
        right = [
            paragraph(self.title().upper(), style("Doc.TitleRight")),
            Spacer(1, 1.5 * mm),
            paragraph(text("doc.picklist.printed_at", language, when=printed_at),
                      style("Doc.SmallRight")),
            paragraph(summary, style("Doc.TotalRight")),
        ]
        table = Table([[shop_block(self.data.shop, half - 5 * mm), right]], colWidths=[half, half])
        table.setStyle(header_grid_style())
        return table

    def products_table(self, rows: list[PickRow]) -> Table:
        language = self.language
        columns = [
            Column(text("doc.col.bin", language), "Table.Bin", width=26 * mm),
            Column(text("doc.col.sku", language), width=30 * mm),
            Column(text("doc.col.item", language)),
            Column(text("doc.col.quantity", language), "Table.Quantity", "Table.HeaderCentre",
                   width=15 * mm),
            Column(text("doc.col.orders", language), width=43 * mm),
            # Wide enough for "Checked" in the bold header face: a heading never breaks mid-word.
            Column(text("doc.col.check", language), "Table.CellCentre", "Table.HeaderCentre",
                   width=18 * mm),
        ]
        table_rows = []
        shaded = []
        for number, row in enumerate(rows, start=1):
            breakdown = ", ".join(f"{ref} × {quantity}" for ref, quantity in row.per_order)
            table_rows.append([row.bin, row.sku, row.name, str(row.quantity), breakdown, TickBox()])
            if row.quantity > 1:
                shaded.append(highlight((3, number)))
        return lines_table(columns, table_rows, self.width, shaded)

    def order_cards(self) -> Table:
        """Every order as a card: ref, barcode, carrier and unit count."""
        language = self.language
        card_width = self.width / self.card_columns
        cards = []
        for order in self.data.orders:
            symbol = code128(order.ref, max_width=card_width - 6 * mm, bar_height=12 * mm,
                             target_module=DOCUMENT_MODULE, document=PICK_LIST,
                             field_key="doc.field.order_ref")
            units = sum(item.quantity for item in order.lines)
            cards.append([
                paragraph(order.ref, style("Table.OrderRef")),
                Spacer(1, 1.5 * mm),
                BarcodeWithText(symbol, paragraph(order.ref, style("Doc.BarcodeText")), "CENTER"),
                Spacer(1, 1.5 * mm),
                paragraph(f"{order.carrier_name} · {plural('doc.units', units, language)}",
                          style("Doc.Small")),
                *([paragraph(text("doc.held", language), style("Doc.Small"))] if order.held else []),
            ])
        if not cards:
            cards.append([])
        cards += [[]] * (-len(cards) % self.card_columns)
        grid = [cards[start:start + self.card_columns]
                for start in range(0, len(cards), self.card_columns)]
        table = Table(grid, colWidths=[card_width] * self.card_columns)
        table.setStyle(order_cards_style())
        return table
