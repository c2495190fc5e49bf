"""Shipping labels: one per parcel, on thermal rolls or A4 sheets.

The label is designed once at 100 x 150 mm and every layout places that design in its
slots, scaled (and turned a quarter for the landscape halves of an A4 sheet). Whether a
text fits is therefore decided once, in design units, whatever the paper.

From top to bottom: carrier and service (EXPRESS white on black), sender, the recipient
in a heavy frame with postcode and city largest, the destination country when it is
not the sender's, then weight, parcel n/N, date and order, and the tracking number as
a Code 128 barcode with its text below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from packstation.documents.barcodes import check_code128, code128
from packstation.documents.base import CanvasRenderer
from packstation.documents.countries import country_name, is_abroad
from packstation.documents.errors import LayoutError, order_document
from packstation.documents.markup import (
    BlockLine, Field, address_fields, check_printable, fit_block, line,
)
from packstation.documents.model import Address, LabelData
from packstation.documents.styles import FRAME, HEAVY, INK, LABEL_MODULE, THIN, style
from packstation.documents.texts import format_date, format_weight, text

LABEL_WIDTH = 100 * mm
LABEL_HEIGHT = 150 * mm

Slot = tuple[float, float, float, float]  # x, y, width, height on the page


@dataclass(frozen=True)
class LabelSheet:
    """A paper layout: page size and the slots labels go in, in reading order."""

    page_size: tuple[float, float]
    columns: int = 1
    rows: int = 1
    turned: bool = False  # slots are landscape: the label is drawn a quarter turned

    @property
    def slots(self) -> list[Slot]:
        width, height = self.page_size
        slot_width, slot_height = width / self.columns, height / self.rows
        return [
            (column * slot_width, height - (row + 1) * slot_height, slot_width, slot_height)
            for row in range(self.rows) for column in range(self.columns)
        ]


LAYOUTS = {
    "100x150": LabelSheet((100 * mm, 150 * mm)),
    "4x6": LabelSheet((4 * inch, 6 * inch)),
    "a6": LabelSheet(A6),
    "a4x2": LabelSheet(A4, columns=1, rows=2, turned=True),
    "a4x4": LabelSheet(A4, columns=2, rows=2),
}


def render_labels(labels: Sequence[LabelData], layout: str = "100x150") -> bytes:
    """Shipping labels as one PDF: one per page, or several per A4 sheet."""
    return LabelRenderer(labels, layout).render()


class LabelRenderer(CanvasRenderer):
    """Draws the label design into each slot of the chosen sheet layout."""

    margin = 4 * mm
    carrier_band_height = 13 * mm
    sender_height = 19 * mm
    recipient_height = 56 * mm
    info_height = 14 * mm
    frame_padding = 3 * mm
    barcode_text_height = 6 * mm

    def __init__(self, labels: Sequence[LabelData], layout: str = "100x150") -> None:
        if layout not in LAYOUTS:
            raise LayoutError(layout, tuple(LAYOUTS))
        if not labels:
            raise ValueError("no labels to render")
        self.labels = list(labels)
        self.sheet = LAYOUTS[layout]
        self.page_size = self.sheet.page_size
        self.language = self.labels[0].language

    def title(self) -> str:
        return text("doc.label.title", self.language)

    def check(self) -> None:
        for label in self.labels:
            document = order_document(label.order_ref)
            check_printable(document, self._fields(label))
            check_code128(label.tracking or label.order_ref, document, "doc.field.tracking")

    @staticmethod
    def _fields(label: LabelData) -> list[Field]:
        return [
            ("doc.field.order_ref", label.order_ref),
            ("doc.field.tracking", label.tracking),
            ("doc.field.carrier", label.carrier_name),
            *address_fields(label.sender, "doc.field.sender"),
            *address_fields(label.recipient, "doc.field.recipient"),
        ]

    def draw(self, canvas: Canvas) -> None:
        slots = self.sheet.slots
        for number, label in enumerate(self.labels):
            slot = slots[number % len(slots)]
            self._draw_in_slot(canvas, label, slot)
            if number % len(slots) == len(slots) - 1 or number == len(self.labels) - 1:
                canvas.showPage()

    def _draw_in_slot(self, canvas: Canvas, label: LabelData, slot: Slot) -> None:
        x, y, width, height = slot
        room_width, room_height = (height, width) if self.sheet.turned else (width, height)
        scale = min(room_width / LABEL_WIDTH, room_height / LABEL_HEIGHT)
        canvas.saveState()
        canvas.translate(x + width / 2, y + height / 2)
        if self.sheet.turned:
            canvas.rotate(90)
        canvas.scale(scale, scale)
        canvas.translate(-LABEL_WIDTH / 2, -LABEL_HEIGHT / 2)
        self.draw_label(canvas, label)
        canvas.restoreState()

    def draw_label(self, canvas: Canvas, label: LabelData) -> None:
        """Draw one label in design units, origin at its bottom-left corner.

        Each block is drawn below the previous one and returns where the next begins.
        """
        top = LABEL_HEIGHT - self.margin
        top = self._draw_carrier(canvas, label, top)
        top = self._draw_sender(canvas, label, top)
        top = self._draw_recipient(canvas, label, top)
        top = self._draw_details(canvas, label, top)
        self._draw_tracking(canvas, label, top)

    @property
    def _width(self) -> float:
        return LABEL_WIDTH - 2 * self.margin

    def _draw_carrier(self, canvas: Canvas, label: LabelData, top: float) -> float:
        """Carrier name on the left; the service on the right, EXPRESS white on black."""
        document = order_document(label.order_ref)
        left, width, band = self.margin, self._width, self.carrier_band_height
        service_width = 34 * mm
        fit_block([line(label.carrier_name, style("Label.Carrier"))],
                  width - service_width - 2 * mm, band,
                  document=document, field_key="doc.field.carrier",
                  ).draw_centred_vertically(canvas, left, top, band)
        service_left = left + width - service_width
        if label.service == "express":
            canvas.setFillColor(INK)
            canvas.rect(service_left, top - band, service_width, band, stroke=0, fill=1)
            service_style = style("Label.Express")
        else:
            service_style = style("Label.Service")
        fit_block([line(text(f"doc.service.{label.service}", label.language), service_style)],
                  service_width, band, document=document, field_key="doc.field.service",
                  ).draw_centred_vertically(canvas, service_left, top, band)
        rule_y = top - band - 1.5 * mm
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(THIN)
        canvas.line(left, rule_y, left + width, rule_y)
        return rule_y - 1.5 * mm

    def _draw_sender(self, canvas: Canvas, label: LabelData, top: float) -> float:
        lines = [line(text("doc.label.sender", label.language).upper(), style("Label.Caption"))]
        lines += self._address_lines(
            label.sender, label, name_style="Label.SenderName", line_style="Label.Sender",
            city_style="Label.Sender", country_style="Label.Sender", phone=False,
        )
        fit_block(lines, self._width, self.sender_height, document=order_document(label.order_ref),
                  field_key="doc.field.sender").draw(canvas, self.margin, top)
        return top - self.sender_height - 2 * mm

    def _draw_recipient(self, canvas: Canvas, label: LabelData, top: float) -> float:
        """The recipient as written, in a heavy frame, postcode and city largest."""
        left, width, height = self.margin, self._width, self.recipient_height
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(HEAVY)
        canvas.rect(left, top - height, width, height)
        lines = [
            line(text("doc.label.recipient", label.language).upper(), style("Label.Caption")),
            *self._address_lines(
                label.recipient, label, name_style="Label.RecipientName",
                line_style="Label.RecipientLine", city_style="Label.RecipientCity",
                country_style="Label.RecipientCountry", phone=True,
            ),
        ]
        padding = self.frame_padding
        fit_block(lines, width - 2 * padding, height - 2 * padding,
                  document=order_document(label.order_ref), field_key="doc.field.recipient",
                  ).draw(canvas, left + padding, top - padding)
        return top - height - 2.5 * mm

    def _draw_details(self, canvas: Canvas, label: LabelData, top: float) -> float:
        """Weight, parcel n/N, date and order ref, in a row of captioned cells."""
        language = label.language
        left, width, height = self.margin, self._width, self.info_height
        cells = (
            (20 * mm, "doc.label.weight", format_weight(label.weight_g, language),
             "doc.field.weight"),
            (16 * mm, "doc.label.parcel", f"{label.parcel_index}/{label.parcel_count}",
             "doc.field.parcel"),
            (22 * mm, "doc.label.date", format_date(label.shipped_on, language), "doc.field.date"),
            (None, "doc.label.order", label.order_ref, "doc.field.order_ref"),
        )
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(FRAME)
        canvas.line(left, top, left + width, top)
        canvas.line(left, top - height, left + width, top - height)
        canvas.setLineWidth(THIN)
        cell_left = left
        for cell_width, caption_key, value, field_key in cells:
            cell_width = cell_width or left + width - cell_left
            fit_block([line(text(caption_key, language).upper(), style("Label.Caption")),
                       line(value, style("Label.InfoValue"))],
                      cell_width - 3 * mm, height - 2 * mm,
                      document=order_document(label.order_ref), field_key=field_key,
                      ).draw(canvas, cell_left + 1.5 * mm, top - 1 * mm)
            cell_left += cell_width
            if cell_left < left + width:
                canvas.line(cell_left, top, cell_left, top - height)
        return top - height - 3 * mm

    def _draw_tracking(self, canvas: Canvas, label: LabelData, top: float) -> None:
        """The tracking number as a Code 128 barcode filling the rest, its text below.

        An own label has no carrier number (none is ever made up): it carries the order
        ref instead, which the shop's own hand-over can scan."""
        document = order_document(label.order_ref)
        code = label.tracking or label.order_ref
        left, width = self.margin, self._width
        bar_height = top - self.margin - self.barcode_text_height
        symbol = code128(code, max_width=width, bar_height=bar_height,
                         target_module=LABEL_MODULE, document=document,
                         field_key="doc.field.tracking")
        canvas.setFillColor(INK)
        symbol.drawOn(canvas, left + (width - symbol.width) / 2, top - bar_height)
        text_height = self.barcode_text_height
        fit_block([line(code, style("Label.Tracking"))], width, text_height,
                  document=document, field_key="doc.field.tracking",
                  ).draw_centred_vertically(canvas, left, top - bar_height, text_height)

    @staticmethod
    def _address_lines(address: Address, label: LabelData, *, name_style: str, line_style: str,
                       city_style: str, country_style: str, phone: bool) -> list[BlockLine]:
        """An address as written, line by line; the country by name when abroad."""
        lines = [line(address.name, style(name_style))]
        for part in (address.company, address.line1, address.line2):
            if part:
                lines.append(line(part, style(line_style)))
        town = " ".join(part for part in (address.postcode, address.city) if part)
        if town:
            lines.append(line(town, style(city_style)))
        if address.region:
            lines.append(line(address.region, style(line_style)))
        if address.country and is_abroad(label.sender, label.recipient):
            lines.append(line(country_name(address.country, label.language).upper(),
                              style(country_style)))
        if phone and address.phone:
            lines.append(line(text("doc.label.phone", label.language, phone=address.phone),
                              style("Label.RecipientPhone")))
        return lines
