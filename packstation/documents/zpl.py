"""Shipping labels in ZPL, the language of Zebra-type thermal printers.

A pure function like the PDF renderers: :func:`render_labels_zpl` takes the same
:class:`~packstation.documents.model.LabelData` and returns the bytes a thermal printer
reads on its raw port (or through a raw queue). The printer draws the text with its own
fonts and the tracking number as a native Code 128 (``^BC``), so the bars are exactly on
its dots: no picture of a barcode, nothing scaled.

The label is the PDF label's design (carrier and service, sender, the recipient in a
heavy frame with postcode and city largest, weight, parcel n/N, date and order, the
tracking barcode with its text below), laid out in printer dots for 203 dpi (8 dots/mm)
or 300 dpi (12 dots/mm) on a 100 x 150 mm label.

Text is sent as UTF-8 (``^CI28``), every field through ``^FH`` hex escapes so that a
``^`` or ``~`` in an address never becomes a command. The printer's resident font 0
prints Latin scripts only: a text in another script (Greek, Cyrillic...) is refused
before anything is sent, naming the field, unless the station gives a Unicode font that
is on the printer (``font = "E:TT0003M_.TTF"``, Zebra's Swiss Unicode font).
"""

from __future__ import annotations

import re
from typing import Sequence

from packstation.core import i18n
from packstation.documents.barcodes import check_code128
from packstation.documents.countries import country_name, is_abroad
from packstation.documents.errors import DocumentError, describe_characters, order_document
from packstation.documents.markup import address_fields
from packstation.documents.model import Address, LabelData
from packstation.documents.texts import LazyText, format_date, format_weight, text

DPIS = (203, 300)
LABEL_WIDTH_MM = 100
LABEL_HEIGHT_MM = 150

i18n.register({
    "doc.error.zpl_font": (
        "{document} : {field} contient des caractères que la police de l'imprimante "
        "thermique ne sait pas imprimer ({characters}). Donnez une police Unicode de "
        "l'imprimante dans le fichier du poste (font = \"E:TT0003M_.TTF\"), ou imprimez "
        "les étiquettes en PDF (format = \"pdf\").",
        "{document}: {field} holds characters the thermal printer's font cannot print "
        "({characters}). Give a Unicode font of the printer in the station file "
        "(font = \"E:TT0003M_.TTF\"), or print labels as PDF (format = \"pdf\").",
    ),
    "doc.error.zpl_dpi": (
        "Résolution {dpi} inconnue pour une imprimante thermique : 203 ou 300.",
        "Unknown thermal printer resolution {dpi}: 203 or 300.",
    ),
})

# What the resident font 0 prints with ^CI28: Basic Latin, Latin-1 and Latin Extended-A/B,
# and the usual punctuation (dashes, quotes, euro).
_SMALLEST_MM = 2.2  # the smallest letters a packer or a sorting centre still reads
_RESIDENT = re.compile(r"[^\u0020-\u024F\u2010-\u2027\u20AC]")


def render_labels_zpl(labels: Sequence[LabelData], *, dpi: int = 203,
                      font: str | None = None) -> bytes:
    """One ZPL format (``^XA``...``^XZ``) per label, as UTF-8 bytes.

    ``font`` is a font file on the printer (``E:TT0003M_.TTF``) used for every text, for
    scripts beyond Latin; without it the resident font 0 is used and non-Latin text is
    refused with a :class:`DocumentError` that names the field.
    """
    if dpi not in DPIS:
        raise DocumentError("doc.error.zpl_dpi", dpi=dpi)
    if not labels:
        raise ValueError("no labels to render")
    return "".join(_Label(label, dpi, font).render() for label in labels).encode("utf-8")


def field_data(value: str) -> str:
    """A text as ``^FH``-escaped field data: ``^``, ``~`` and ``_`` as hex, no newlines."""
    value = " ".join(value.split())
    return (value.replace("_", "_5F").replace("^", "_5E").replace("~", "_7E"))


class _Label:
    margin_mm = 4

    def __init__(self, label: LabelData, dpi: int, font: str | None) -> None:
        self.label = label
        self.dots_per_mm = dpi / 25.4
        self.font = font
        self.document = order_document(label.order_ref)
        self.commands: list[str] = []

    def dots(self, mm: float) -> int:
        return round(mm * self.dots_per_mm)

    # -- checks ---------------------------------------------------------------------

    def check(self) -> None:
        label = self.label
        check_code128(label.tracking or label.order_ref, self.document, "doc.field.tracking")
        if self.font:
            return
        fields = [("doc.field.order_ref", label.order_ref), ("doc.field.carrier", label.carrier_name),
                  *address_fields(label.sender, "doc.field.sender"),
                  *address_fields(label.recipient, "doc.field.recipient")]
        for field_key, value in fields:
            refused = "".join(_RESIDENT.findall(value or ""))
            if refused:
                raise DocumentError("doc.error.zpl_font", document=self.document,
                                    field=LazyText(field_key),
                                    characters=describe_characters(refused))

    # -- drawing --------------------------------------------------------------------

    def text(self, x_mm: float, y_mm: float, width_mm: float, height_mm: float, value: str, *,
             lines: int = 1, align: str = "L", reverse: bool = False) -> None:
        """Text of ``height_mm`` letters in a block ``width_mm`` wide.

        The printer's font is not measured here: a text longer than the block (at about
        0.6 of its height a letter) is made smaller, then given a second line, so that it
        is never cut at the edge.
        """
        value = " ".join(value.split())
        room = width_mm / max(1, len(value)) / 0.6
        if room < height_mm:
            if room >= _SMALLEST_MM or lines > 1:
                height_mm = max(_SMALLEST_MM, room)
            else:
                height_mm, lines = max(_SMALLEST_MM, 2 * room), 2
        height = self.dots(height_mm)
        font = f"^A1N,{height},{height}" if self.font else f"^A0N,{height},{round(height * 0.9)}"
        self.commands.append(
            f"^FO{self.dots(x_mm)},{self.dots(y_mm)}{font}"
            f"^FB{self.dots(width_mm)},{lines},0,{align},0"
            f"{'^FR' if reverse else ''}^FH^FD{field_data(value)}^FS")

    def box(self, x_mm: float, y_mm: float, width_mm: float, height_mm: float,
            thickness_mm: float, *, filled: bool = False) -> None:
        width, height = self.dots(width_mm), self.dots(height_mm)
        thickness = min(width, height) if filled else max(1, self.dots(thickness_mm))
        self.commands.append(f"^FO{self.dots(x_mm)},{self.dots(y_mm)}"
                             f"^GB{width},{height},{thickness},B,0^FS")

    def render(self) -> str:
        self.check()
        label, language = self.label, self.label.language
        left, width = self.margin_mm, LABEL_WIDTH_MM - 2 * self.margin_mm
        self.commands = ["^XA", "^CI28", f"^PW{self.dots(LABEL_WIDTH_MM)}",
                         f"^LL{self.dots(LABEL_HEIGHT_MM)}", "^LH0,0"]
        if self.font:
            self.commands.append(f"^CW1,{self.font}")
        # Carrier and service.
        self.text(left, 5, width - 36, 7, label.carrier_name)
        service = text(f"doc.service.{label.service}", language)
        if label.service == "express":
            self.box(left + width - 34, 4, 34, 10, 0, filled=True)
            self.text(left + width - 34, 6, 34, 6.5, service, align="C", reverse=True)
        else:
            self.text(left + width - 34, 6, 34, 6, service, align="C")
        self.box(left, 17, width, 0.3, 0.3)
        # Sender.
        top = 19
        self.text(left, top, width, 2.6, text("doc.label.sender", language).upper())
        top = self._address(label.sender, left, top + 3.4, width, name_mm=3.4, line_mm=3.0,
                            city_mm=3.0, phone=False, bottom=37)
        # Recipient, framed.
        frame_top, frame_height = 39, 56
        self.box(left, frame_top, width, frame_height, 0.8)
        inner_left, inner_width = left + 3, width - 6
        self.text(inner_left, frame_top + 3, inner_width, 2.6,
                  text("doc.label.recipient", language).upper())
        self._address(label.recipient, inner_left, frame_top + 6.5, inner_width, name_mm=5.5,
                      line_mm=4.4, city_mm=6.5, phone=True, bottom=frame_top + frame_height - 2)
        # Weight, parcel, date, order.
        info_top = frame_top + frame_height + 2.5
        self.box(left, info_top, width, 14, 0.4)
        cells = ((20, "doc.label.weight", format_weight(label.weight_g, language)),
                 (16, "doc.label.parcel", f"{label.parcel_index}/{label.parcel_count}"),
                 (22, "doc.label.date", format_date(label.shipped_on, language)),
                 (width - 58, "doc.label.order", label.order_ref))
        cell_left = left
        for cell_width, caption, value in cells:
            self.text(cell_left + 1.5, info_top + 1.5, cell_width - 3, 2.4,
                      text(caption, language).upper())
            self.text(cell_left + 1.5, info_top + 5.5, cell_width - 3, 4.5, value)
            cell_left += cell_width
            if cell_left < left + width - 1:
                self.box(cell_left, info_top, 0.3, 14, 0.3)
        # The tracking number: a native Code 128, its text below. An own label has no
        # carrier number (none is ever made up): it carries the order ref instead.
        code = label.tracking or label.order_ref
        barcode_top = info_top + 17
        bar_height = LABEL_HEIGHT_MM - self.margin_mm - 8 - barcode_top
        module = max(2, round(0.375 * self.dots_per_mm))  # 0.375 mm bars, 3 dots at 203 dpi
        self.commands.append(
            f"^FO{self.dots(left + 4)},{self.dots(barcode_top)}^BY{module},3"
            f"^BCN,{self.dots(bar_height)},N,N,N^FH^FD{field_data(code)}^FS")
        self.text(left, barcode_top + bar_height + 1.5, width, 4.5, code, align="C")
        self.commands.append("^PQ1")
        self.commands.append("^XZ")
        return "\n".join(self.commands) + "\n"

    def _address(self, address: Address, left: float, top: float, width: float, *,
                 name_mm: float, line_mm: float, city_mm: float, phone: bool,
                 bottom: float) -> float:
        """An address line by line (long lines wrap on two), as far as ``bottom``."""
        language = self.label.language
        rows: list[tuple[str, float]] = [(address.name, name_mm)]
        rows += [(part, line_mm) for part in (address.company, address.line1, address.line2) if part]
        town = " ".join(part for part in (address.postcode, address.city) if part)
        if town:
            rows.append((town, city_mm))
        if address.region:
            rows.append((address.region, line_mm))
        if address.country and is_abroad(self.label.sender, self.label.recipient):
            rows.append((country_name(address.country, language).upper(), line_mm))
        if phone and address.phone:
            rows.append((text("doc.label.phone", language, phone=address.phone), line_mm))
        room = bottom - top
        needed = sum(size * 1.25 for _, size in rows)
        shrink = min(1.0, room / needed) if needed else 1.0
        for value, size in rows:
            size *= shrink
            self.text(left, top, width, size, value)
            top += size * 1.25
        return top
