"""Tables of lines (slips, pick lists, manifests): one style per column, the header row
repeated on every page, and each cell as cheap as its text allows.

A slip is mostly its lines table, and a paragraph per cell is most of a slip's time, so a
text that fits its cell on one line in the bundled fonts goes in as a plain string (see
:func:`packstation.documents.markup.cell`); the column's style is then applied to it by
table commands. Text that wraps or needs a fallback font stays a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.platypus import Flowable, Table, TableStyle

from packstation.documents.markup import cell
from packstation.documents.styles import CELL_PADDING, cell_font, lines_table_style, style


@dataclass(frozen=True)
class Column:
    """A column: its header text, its styles, and its width (None: what is left)."""

    header: str
    body_style: str = "Table.Cell"
    header_style: str = "Table.Header"
    width: float | None = None


def lines_table(columns: Sequence[Column], rows: Sequence[Sequence[str | Flowable]],
                total_width: float, extra_commands: Sequence[tuple] = ()) -> Table:
    """A table of ``rows`` (texts, printed literally, or flowables) under ``columns``."""
    fixed = sum(column.width for column in columns if column.width is not None)
    flexible = [column for column in columns if column.width is None]
    share = (total_width - fixed) / len(flexible) if flexible else 0
    widths = [column.width if column.width is not None else share for column in columns]
    inner = [width - 2 * CELL_PADDING for width in widths]

    data: list[list[object]] = [[cell(column.header, style(column.header_style), inner[number])
                                 for number, column in enumerate(columns)]]
    for row in rows:
        data.append([value if isinstance(value, Flowable)
                     else cell(value, style(column.body_style), inner[number])
                     for number, (value, column) in enumerate(zip(row, columns))])

    commands: list[tuple] = []
    for number, column in enumerate(columns):
        commands += cell_font(style(column.header_style), (number, 0), (number, 0))
        if rows:
            commands += cell_font(style(column.body_style), (number, 1), (number, -1))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(lines_table_style())
    table.setStyle(TableStyle([*commands, *extra_commands]))
    return table
