"""What every renderer shares: check first, then draw, then return the PDF bytes.

A renderer is one class per document, in the manner of pretix's invoice renderers: page
size and margins are attributes, and ``check``, ``draw`` (fixed layouts drawn at
coordinates) or ``story`` (flowing documents) are the hooks a subclass fills in.
:meth:`Renderer.render` runs ``check`` before anything is drawn, so that bad data is
reported with the field to fix and no half-made document exists.

Flowing documents number their pages per document ("page 2/3"), which needs the page
count before it is known: :class:`PagedCanvas` keeps the pages until the end, then
writes each footer. Several slips in one PDF restart their numbering; a
:class:`StartDocument` flowable tells the canvas where each one begins.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError as ReportLabLayoutError

from packstation import __version__
from packstation.documents.errors import TextDoesNotFitError
from packstation.documents.fonts import REGULAR, register_fonts
from packstation.documents.markup import paragraph
from packstation.documents.styles import MIN_FONT_SIZE, style
from packstation.documents.texts import LazyText, text

_CREATOR = f"Packstation {__version__}"


class Renderer:
    """One document type. Subclasses set ``page_size`` and fill in the hooks."""

    page_size: tuple[float, float]
    language: str = "fr"

    def check(self) -> None:
        """Raise a DocumentError for any data that cannot be printed. Called first."""

    def title(self) -> str:
        """The PDF's title (shown by viewers and print queues)."""
        return ""

    def render(self) -> bytes:
        register_fonts()
        self.check()
        buffer = BytesIO()
        self.build(buffer)
        return buffer.getvalue()

    def build(self, buffer: BytesIO) -> None:
        raise NotImplementedError


class CanvasRenderer(Renderer):
    """A document of fixed layouts drawn at coordinates (labels, stickers, code sheets)."""

    def build(self, buffer: BytesIO) -> None:
        canvas = Canvas(buffer, pagesize=self.page_size, initialFontName=REGULAR,
                        lang=self.language)
        canvas.setTitle(self.title())
        canvas.setCreator(_CREATOR)
        self.draw(canvas)
        canvas.save()

    def draw(self, canvas: Canvas) -> None:
        """Draw every page; call ``canvas.showPage()`` after each."""
        raise NotImplementedError


@dataclass(frozen=True)
class PageFooter:
    """What the bottom of each page of one document says, besides its page number."""

    text: str  # user text allowed (an order ref): it is escaped when drawn
    language: str
    document: LazyText  # what error messages call this document


class StartDocument(Flowable):
    """Zero-size marker: the pages from here on belong to a new document (a new slip)."""

    def __init__(self, footer: PageFooter) -> None:
        super().__init__()
        self.footer = footer
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.current_footer = self.footer  # type: ignore[attr-defined]


class PagedCanvas(Canvas):
    """A canvas that writes "page n/N" footers once every page of every document is known."""

    def __init__(self, *args: Any, footer_box: tuple[float, float, float], **kwargs: Any) -> None:
        """``footer_box``: where footers go, as (left x, bottom y, width)."""
        super().__init__(*args, **kwargs)
        self.footer_box = footer_box
        self.current_footer: PageFooter | None = None
        self._kept_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._kept_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages_per_document = Counter(id(page["current_footer"]) for page in self._kept_pages)
        page_numbers: Counter[int] = Counter()
        for page in self._kept_pages:
            self.__dict__.update(page)
            footer = self.current_footer
            if footer is not None:
                page_numbers[id(footer)] += 1
                self._draw_footer(footer, page_numbers[id(footer)], pages_per_document[id(footer)])
            super().showPage()
        super().save()

    def _draw_footer(self, footer: PageFooter, page: int, pages: int) -> None:
        x, y, width = self.footer_box
        left = paragraph(footer.text, style("Doc.Footer"))
        right = paragraph(
            text("doc.page", footer.language, page=page, pages=pages), style("Doc.FooterRight"),
        )
        right_width = width / 4
        left.wrap(width - right_width, 20 * mm)
        left.drawOn(self, x, y)
        right.wrap(right_width, 20 * mm)
        right.drawOn(self, x + width - right_width, y)


class FlowRenderer(Renderer):
    """A document of flowables that runs over as many pages as it needs."""

    margins = (15 * mm, 15 * mm, 18 * mm, 15 * mm)  # left, top, bottom, right
    #: The field named when a single flowable is too big for a page.
    overflow_field = "doc.field.order_lines"

    def story(self) -> list[Flowable]:
        raise NotImplementedError

    def build(self, buffer: BytesIO) -> None:
        left, top, bottom, right = self.margins
        width, height = self.page_size
        frame = Frame(left, bottom, width - left - right, height - top - bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        template = BaseDocTemplate(
            buffer, pagesize=self.page_size, title=self.title(), creator=_CREATOR,
            initialFontName=REGULAR, lang=self.language,
            pageTemplates=[PageTemplate(id="page", frames=[frame])],
        )
        footer_box = (left, bottom / 2 - 1 * mm, width - left - right)
        try:
            template.build(self.story(), canvasmaker=partial(PagedCanvas, footer_box=footer_box))
        except ReportLabLayoutError:
            # A table row taller than a page: say which document is at fault. Every
            # story starts with a StartDocument, so the canvas knows which one it was.
            footer: PageFooter = template.canv.current_footer
            raise TextDoesNotFitError(footer.document, self.overflow_field, MIN_FONT_SIZE) from None
