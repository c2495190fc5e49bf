"""Product stickers: name, SKU and barcode, for products that came without one.

GTINs print as EAN-13 (or EAN-8) with their digits; any other code prints as Code 128.
A GTIN with a wrong check digit is refused naming the product, since ReportLab would
silently print a "corrected" code that matches nothing in the shop's catalogue.

:func:`next_internal_codes` hands out new codes in the GS1 in-store range (prefixes
20 to 29), which never clash with a manufacturer's code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import barcode as python_barcode
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.core import gtin
from packstation.documents.barcodes import (
    EAN_MODULE, EanSymbol, check_code128, check_gtin, code128, is_ean,
)
from packstation.documents.base import CanvasRenderer
from packstation.documents.errors import DocumentError, LayoutError, product_document
from packstation.documents.markup import check_printable, fit_block, line
from packstation.documents.model import ProductLabel
from packstation.documents.styles import style
from packstation.documents.texts import text

_LARGEST_INTERNAL_NUMBER = 10**10 - 1  # ten digits between the prefix and the check digit


@dataclass(frozen=True)
class StickerSheet:
    """A paper layout for product stickers: sticker size and grid on the page."""

    page_size: tuple[float, float]
    sticker_size: tuple[float, float]
    columns: int = 1
    rows: int = 1
    padding: float = 2.5 * mm
    name_height: float = 8 * mm

    def slots(self) -> list[tuple[float, float]]:
        """Bottom-left corners of the stickers, in reading order, grid centred on the page."""
        page_width, page_height = self.page_size
        width, height = self.sticker_size
        left = (page_width - self.columns * width) / 2
        top = page_height - (page_height - self.rows * height) / 2
        return [(left + column * width, top - (row + 1) * height)
                for row in range(self.rows) for column in range(self.columns)]


LAYOUTS = {
    # 24 stickers of 70 x 37 mm (Avery 3474 and its equivalents).
    "a4-3x8": StickerSheet(A4, (70 * mm, 37 * mm), columns=3, rows=8),
    # 21 stickers of 63.5 x 38.1 mm (Avery L7160): a printer's 5 mm margins stay blank.
    "a4-3x7": StickerSheet(A4, (63.5 * mm, 38.1 * mm), columns=3, rows=7),
    # 65 stickers of 38.1 x 21.2 mm (Avery L7651), for small products.
    "a4-5x13": StickerSheet(A4, (38.1 * mm, 21.2 * mm), columns=5, rows=13,
                            padding=1.2 * mm, name_height=6.5 * mm),
    # One 50 x 30 mm sticker per page, for label printers.
    "label-50x30": StickerSheet((50 * mm, 30 * mm), (50 * mm, 30 * mm),
                                padding=1.5 * mm, name_height=6.5 * mm),
}


def render_product_labels(products: Sequence[ProductLabel], layout: str = "a4-3x8") -> bytes:
    """Product stickers as one PDF."""
    return ProductLabelRenderer(products, layout).render()


def next_internal_codes(existing: Iterable[str], count: int, prefix: str = "20") -> list[str]:
    """``count`` new in-store EAN-13 codes with ``prefix`` (20-29), none of them in ``existing``.

    Numbering continues after the highest code already used with that prefix rather than
    filling gaps: a gap is often a deleted product whose stickers are still on a shelf.
    """
    if count < 0:
        raise ValueError(f"cannot make {count} codes")
    if prefix not in gtin.INTERNAL_PREFIXES:
        raise ValueError(f"internal codes use a prefix from 20 to 29, not {prefix!r}")
    taken = {gtin.canonical(code) for code in existing
             if code.isascii() and code.isdigit() and len(code) in gtin.GTIN_LENGTHS}
    highest = max((int(code[2:12]) for code in taken if gtin.is_internal(code)
                   and code.startswith(prefix)), default=0)
    codes: list[str] = []
    number = highest + 1
    while len(codes) < count:
        if number > _LARGEST_INTERNAL_NUMBER:
            raise DocumentError("doc.error.no_internal_codes_left", prefix=prefix)
        code = gtin.internal_ean13(number, prefix)
        # A second, independent implementation of the check digit: a wrong one would be
        # printed on every sticker of the product before anyone noticed.
        if python_barcode.EAN13(code[:12]).get_fullcode() != code:
            raise AssertionError(f"check digit of {code} disputed by python-barcode")
        if code not in taken:
            codes.append(code)
        number += 1
    return codes


class ProductLabelRenderer(CanvasRenderer):
    """Stickers with the product's name, SKU and barcode."""

    sku_height = 3.5 * mm
    barcode_text_height = 3.5 * mm
    ean_digits_size = 7

    def __init__(self, products: Sequence[ProductLabel], layout: str = "a4-3x8") -> None:
        if layout not in LAYOUTS:
            raise LayoutError(layout, tuple(LAYOUTS))
        if not products:
            raise ValueError("no product labels to render")
        self.products = list(products)
        self.sheet = LAYOUTS[layout]
        self.page_size = self.sheet.page_size

    def check(self) -> None:
        for product in self.products:
            document = product_document(product.sku)
            check_printable(document, [("doc.field.product_sku", product.sku),
                                       ("doc.field.product_name", product.name)])
            if is_ean(product.code):
                check_gtin(product.code, document, product.name)
            else:
                check_code128(product.code, document, "doc.field.product_code")

    def draw(self, canvas: Canvas) -> None:
        slots = self.sheet.slots()
        for number, product in enumerate(self.products):
            x, y = slots[number % len(slots)]
            self.draw_sticker(canvas, product, x, y)
            if number % len(slots) == len(slots) - 1 or number == len(self.products) - 1:
                canvas.showPage()

    def draw_sticker(self, canvas: Canvas, product: ProductLabel, x: float, y: float) -> None:
        sheet = self.sheet
        document = product_document(product.sku)
        padding = sheet.padding
        width = sheet.sticker_size[0] - 2 * padding
        top = y + sheet.sticker_size[1] - padding
        bottom = y + padding

        fit_block([line(product.name, style("Product.Name"))], width, sheet.name_height,
                  document=document, field_key="doc.field.product_name",
                  ).draw(canvas, x + padding, top)
        top -= sheet.name_height
        fit_block([line(product.sku, style("Product.Sku"))], width, self.sku_height,
                  document=document, field_key="doc.field.product_sku",
                  ).draw(canvas, x + padding, top)
        top -= self.sku_height + 1 * mm

        room = top - bottom
        if is_ean(product.code):
            symbol = EanSymbol(product.code, max_width=width, height=min(room, 20 * mm),
                               font_size=self.ean_digits_size)
            symbol.draw(canvas, x + padding + (width - symbol.width) / 2, top - symbol.height)
            return
        bar_height = min(room - self.barcode_text_height, 16 * mm)
        bars = code128(product.code, max_width=width, bar_height=bar_height,
                       target_module=EAN_MODULE, document=document,
                       field_key="doc.field.product_code")
        bars.drawOn(canvas, x + padding + (width - bars.width) / 2, top - bar_height)
        fit_block([line(product.code, style("Doc.BarcodeText"))], width, self.barcode_text_height,
                  document=document, field_key="doc.field.product_code",
                  ).draw(canvas, x + padding, top - bar_height)

    def title(self) -> str:
        return text("doc.stickers.title", self.language)
