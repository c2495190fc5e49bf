"""The command sheet: every command code as a large barcode, pinned up at the table.

The packer scans "next order" or "reprint label" here instead of reaching for the
keyboard. One A4 page, two columns, each command's label above its Code 128 symbol.
"""

from __future__ import annotations

import math

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.core import i18n
from packstation.core.commands import Command
from packstation.documents.barcodes import check_code128, code128
from packstation.documents.base import CanvasRenderer
from packstation.documents.markup import fit_block, line
from packstation.documents.styles import INK, RULE, THIN, style
from packstation.documents.texts import LazyText, text

COMMAND_SHEET = LazyText("doc.document.command_sheet")


def render_command_sheet(language: str = "fr") -> bytes:
    """One A4 page with every command code, labelled in ``language``."""
    return CommandSheetRenderer(language).render()


def command_label(command: Command, language: str) -> str:
    """What ``command`` does, in ``language`` (``Command.label`` uses the window's language)."""
    return i18n.tr(f"command.{command.name.lower()}", language)


class CommandSheetRenderer(CanvasRenderer):
    """All commands on one page, in a grid of two columns."""

    page_size = A4
    margin = 15 * mm
    header_height = 22 * mm
    columns = 2
    module = 0.5 * mm
    label_height = 11 * mm
    code_text_height = 5 * mm
    max_bar_height = 28 * mm

    def __init__(self, language: str = "fr") -> None:
        if language not in i18n.LANGUAGES:
            raise ValueError(f"unknown document language {language!r}")
        self.language = language
        self.commands = list(Command)

    def title(self) -> str:
        return text("doc.commands.title", self.language)

    def check(self) -> None:
        for command in self.commands:
            check_code128(command.code, COMMAND_SHEET, "doc.field.command")

    def draw(self, canvas: Canvas) -> None:
        page_width, page_height = self.page_size
        width = page_width - 2 * self.margin
        top = page_height - self.margin
        header = fit_block([line(self.title(), style("Doc.Title")),
                            line(text("doc.commands.intro", self.language), style("Doc.Body"))],
                           width, self.header_height, document=COMMAND_SHEET,
                           field_key="doc.field.command")
        header.draw(canvas, self.margin, top)
        top -= self.header_height

        rows = math.ceil(len(self.commands) / self.columns)
        cell_width = width / self.columns
        cell_height = (top - self.margin) / rows
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(THIN)
        for number, command in enumerate(self.commands):
            row, column = divmod(number, self.columns)
            cell_left = self.margin + column * cell_width
            cell_top = top - row * cell_height
            canvas.rect(cell_left, cell_top - cell_height, cell_width, cell_height)
            self.draw_command(canvas, command, cell_left, cell_top, cell_width, cell_height)
        canvas.showPage()

    def draw_command(self, canvas: Canvas, command: Command, left: float, top: float,
                     width: float, height: float) -> None:
        """Label, bars and code, centred as a group in their cell."""
        padding = 4 * mm
        inner = width - 2 * padding
        gap = 2 * mm
        bar_height = min(height - 2 * padding - self.label_height - self.code_text_height - 2 * gap,
                         self.max_bar_height)
        group_height = self.label_height + gap + bar_height + gap + self.code_text_height
        top -= (height - group_height) / 2
        label = fit_block([line(command_label(command, self.language), style("Command.Label"))],
                          inner, self.label_height, document=COMMAND_SHEET,
                          field_key="doc.field.command")
        label.draw_centred_vertically(canvas, left + padding, top, self.label_height)
        top -= self.label_height + gap
        bars = code128(command.code, max_width=inner, bar_height=bar_height,
                       target_module=self.module, document=COMMAND_SHEET,
                       field_key="doc.field.command")
        canvas.setFillColor(INK)
        bars.drawOn(canvas, left + (width - bars.width) / 2, top - bar_height)
        top -= bar_height + gap
        fit_block([line(command.code, style("Command.Code"))], inner, self.code_text_height,
                  document=COMMAND_SHEET, field_key="doc.field.command",
                  ).draw(canvas, left + padding, top)
