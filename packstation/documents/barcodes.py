"""Barcodes, drawn as vectors so that they stay sharp on any printer.

Code 128 carries text: tracking numbers, order refs, SKUs, command codes. EAN-13 (and
EAN-8) carries product GTINs. Both ReportLab and python-barcode silently drop characters
Code 128 cannot carry and "correct" wrong GTIN check digits, so values are checked here
first and a bad one is refused with the field it came from.

Bars are as wide as the space allows up to a target module width, and never narrower
than :data:`MIN_MODULE`: a value too long for its space is refused, not squeezed into
bars a scanner cannot read.
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.eanbc import Ean8BarcodeWidget, Ean13BarcodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.core import gtin
from packstation.documents.errors import BarcodeValueError, describe_characters
from packstation.documents.fonts import REGULAR
from packstation.documents.styles import MIN_MODULE, QUIET_MODULES
from packstation.documents.texts import LazyText

#: EAN symbols at 100 % magnification (GS1): 0.33 mm modules; 80 % is the smallest allowed.
EAN_MODULE = 0.33 * mm
EAN_MIN_MODULE = 0.264 * mm
_EAN13_MODULES = 113  # 95 for the symbol, quiet zones included
_EAN8_MODULES = 85


def check_code128(value: str, document: LazyText, field_key: str) -> None:
    """Refuse a value that Code 128 cannot carry as printable text."""
    if not value:
        raise BarcodeValueError(
            "doc.error.barcode_empty", document=document, field=LazyText(field_key),
        )
    refused = "".join(dict.fromkeys(char for char in value if not " " <= char <= "~"))
    if refused:
        raise BarcodeValueError(
            "doc.error.barcode_characters", document=document, field=LazyText(field_key),
            characters=describe_characters(refused),
        )


def code128(value: str, *, max_width: float, bar_height: float, target_module: float,
            document: LazyText, field_key: str) -> Code128:
    """A Code 128 symbol (a flowable) at most ``max_width`` wide, quiet zones included.

    ``value`` must have passed :func:`check_code128`.
    """
    modules = Code128(value, barWidth=1, quiet=0).width + 2 * QUIET_MODULES
    module = min(target_module, max_width / modules)
    if module < MIN_MODULE:
        raise BarcodeValueError(
            "doc.error.barcode_too_long", document=document, field=LazyText(field_key),
        )
    quiet = QUIET_MODULES * module
    return Code128(
        value, barWidth=module, barHeight=bar_height, humanReadable=0,
        quiet=1, lquiet=quiet, rquiet=quiet,
    )


def is_ean(code: str) -> bool:
    """True for a code printed as EAN-13 or EAN-8 (digits of a GTIN length).

    12 digits (UPC-A) print as the EAN-13 with a leading 0, which is the same symbol;
    14 digits print as EAN-13 when the GTIN-14 starts with 0. Other GTIN-14s, and
    codes of other lengths, are printed as Code 128.
    """
    if not (code.isascii() and code.isdigit()):
        return False
    return len(code) in (8, 12, 13) or (len(code) == 14 and code.startswith("0"))


def check_gtin(code: str, document: LazyText, product_name: str) -> None:
    """Refuse a GTIN whose check digit is wrong, naming the product."""
    if not gtin.is_valid(code):
        raise BarcodeValueError(
            "doc.error.bad_check_digit", document=document, name=product_name, code=code,
            expected=gtin.check_digit(code[:-1]),
        )


class EanSymbol:
    """An EAN-13 or EAN-8 symbol with its digits underneath, ready to draw."""

    def __init__(self, code: str, *, max_width: float, height: float, font_size: float) -> None:
        code = gtin.display(gtin.canonical(code))  # EAN-8 stays EAN-8; UPC-A becomes EAN-13
        if len(code) == 8:
            widget_class, modules = Ean8BarcodeWidget, _EAN8_MODULES
        else:
            widget_class, modules = Ean13BarcodeWidget, _EAN13_MODULES
        module = min(EAN_MODULE, max_width / modules)
        if module < EAN_MIN_MODULE:
            raise ValueError(f"no room for an EAN symbol in {max_width / mm:.1f} mm")
        # The widget computes the check digit itself from the body; it equals ours,
        # since check_gtin() refused codes where it would not.
        self.widget = widget_class(
            code[:-1], barWidth=module, barHeight=height, fontName=REGULAR, fontSize=font_size,
        )
        self.width = self.widget.width
        self.height = height

    def draw(self, canvas: Canvas, x: float, y: float) -> None:
        drawing = Drawing(self.width, self.height)
        drawing.add(self.widget)
        renderPDF.draw(drawing, canvas, x, y)
