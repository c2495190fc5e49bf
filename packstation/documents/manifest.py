"""The carrier manifest (bordereau de remise), signed by the shop and the driver at pickup.

Every parcel handed over: tracking number, order, recipient and destination, weight.
Then the totals the driver checks (number of parcels, total weight) and two signature
boxes, kept together on the last page.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from packstation.documents.base import FlowRenderer, PageFooter, StartDocument
from packstation.documents.flowables import check_image
from packstation.documents.markup import check_printable, paragraph
from packstation.documents.model import ManifestData
from packstation.documents.parts import shop_block, shop_fields
from packstation.documents.styles import header_grid_style, style, totals_style, two_boxes_style
from packstation.documents.tables import Column, lines_table
from packstation.documents.texts import LazyText, format_datetime, format_weight, text


def render_manifest(data: ManifestData) -> bytes:
    """The manifest of one carrier's pickup, on A4."""
    return ManifestRenderer(data).render()


class ManifestRenderer(FlowRenderer):
    """A carrier manifest on A4."""

    page_size = A4
    overflow_field = "doc.field.recipient"
    signature_height = 28 * mm

    #: Parcels that go over with the totals when these would otherwise start a page alone.
    tail_rows = 3

    def __init__(self, data: ManifestData) -> None:
        self.data = data
        self.split_tail = False
        self._pages: dict[str, int] = {}
        self.language = data.language
        self.document = LazyText("doc.document.manifest", {"carrier": data.carrier_name})
        left, _, _, right = self.margins
        self.width = self.page_size[0] - left - right

    def title(self) -> str:
        return f"{text('doc.manifest.title', self.language)} {self.data.carrier_name}"

    def check(self) -> None:
        check_printable(self.document, [("doc.field.carrier", self.data.carrier_name),
                                         *shop_fields(self.data.shop)])
        for parcel in self.data.parcels:
            check_printable(self.document, [
                ("doc.field.tracking", parcel.tracking),
                ("doc.field.order_ref", parcel.order_ref),
                ("doc.field.recipient", parcel.recipient_name),
                ("doc.field.recipient", parcel.postcode),
                ("doc.field.recipient", parcel.city),
                ("doc.field.recipient", parcel.country),
            ])
        if self.data.shop.logo:
            check_image(self.data.shop.logo, self.document, "doc.field.logo")

    def render(self) -> bytes:
        """The totals and signatures are signed under parcels: when they would start a page
        of their own, the last few parcels go over with them (the list stays on one page
        with them whenever it fits)."""
        document = super().render()
        if self._pages.get("totals", 0) > self._pages.get("list_end", 0) and \
                len(self.data.parcels) > self.tail_rows:
            self.split_tail = True
            document = super().render()
        return document

    def story(self) -> list[Flowable]:
        language = self.language
        when = format_datetime(self.data.pickup_at, language)
        footer = PageFooter(f"{self.title()} — {when}", language, self.document)
        closing = [self.totals(), Spacer(1, 8 * mm), self.signatures()]
        self._pages = {}
        if self.split_tail:
            parcels = list(self.data.parcels)
            cut = len(parcels) - self.tail_rows
            return [StartDocument(footer), self.header(when), Spacer(1, 6 * mm),
                    self.parcels_table(parcels[:cut]), PageBreak(),
                    KeepTogether([self.parcels_table(parcels[cut:], first=cut + 1),
                                  Spacer(1, 4 * mm), *closing])]
        return [
            StartDocument(footer),
            self.header(when),
            Spacer(1, 6 * mm),
            self.parcels_table(),
            _PageMark(self._pages, "list_end"),
            Spacer(1, 4 * mm),
            KeepTogether([_PageMark(self._pages, "totals"), *closing]),
        ]

    def header(self, when: str) -> Table:
        language = self.language
        half = self.width / 2
        right = [
            paragraph(text("doc.manifest.title", language).upper(), style("Doc.TitleRight")),
            Spacer(1, 2 * mm),
            paragraph(text("doc.manifest.carrier", language, carrier=self.data.carrier_name),
                      style("Doc.TotalRight")),
            paragraph(text("doc.manifest.pickup", language, when=when), style("Doc.BodyRight")),
        ]
        table = Table([[shop_block(self.data.shop, half - 5 * mm), right]], colWidths=[half, half])
        table.setStyle(header_grid_style())
        return table

    def _fitting_width(self, texts: list[str], style_name: str, least: float, header: str = "") -> float:
        """A column wide enough for its longest text (and its header's word) on one line: a
        tracking number or a ref broken in the middle is misread by the driver who checks it."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from packstation.documents.styles import CELL_PADDING

        body, head = style(style_name), style("Table.Header")
        widest = max((stringWidth(value, body.fontName, body.fontSize) for value in texts), default=0)
        longest_word = max((stringWidth(word, head.fontName, head.fontSize) for word in header.split()),
                           default=0)
        return max(least, widest + 2 * CELL_PADDING + 1 * mm, longest_word + 2 * CELL_PADDING + 1 * mm)

    def parcels_table(self, parcels: list | None = None, first: int = 1) -> Table:
        """The parcels (all, or a part numbered from ``first``) in columns sized for all."""
        language = self.language
        parcels = self.data.parcels if parcels is None else parcels
        columns = [
            Column(text("doc.col.number", language), width=8 * mm),
            Column(text("doc.col.tracking", language), "Table.OrderRef",
                   width=self._fitting_width([p.tracking for p in self.data.parcels], "Table.OrderRef",
                                             36 * mm)),
            Column(text("doc.col.order", language),
                   width=self._fitting_width([p.order_ref for p in self.data.parcels], "Table.Cell",
                                             20 * mm, header=text("doc.col.order", language))),
            Column(text("doc.col.recipient", language)),
            Column(text("doc.col.postcode", language), width=17 * mm),
            Column(text("doc.col.city", language), width=28 * mm),
            Column(text("doc.col.country", language), width=12 * mm),
            Column(text("doc.col.weight", language), "Table.CellRight", "Table.HeaderRight",
                   width=18 * mm),
        ]
        rows = [[str(number), parcel.tracking, parcel.order_ref, parcel.recipient_name,
                 parcel.postcode, parcel.city, parcel.country.upper(),
                 format_weight(parcel.weight_g, language)]
                for number, parcel in enumerate(parcels, start=first)]
        return lines_table(columns, rows, self.width)

    def totals(self) -> Table:
        language = self.language
        total_weight = sum(parcel.weight_g for parcel in self.data.parcels)
        rows = [
            [paragraph(text("doc.manifest.total_parcels", language), style("Doc.Total")),
             paragraph(str(len(self.data.parcels)), style("Doc.TotalRight"))],
            [paragraph(text("doc.manifest.total_weight", language), style("Doc.Total")),
             paragraph(format_weight(total_weight, language), style("Doc.TotalRight"))],
        ]
        table = Table(rows, colWidths=[self.width - 40 * mm, 40 * mm])
        table.setStyle(totals_style())
        return table

    def signatures(self) -> Table:
        language = self.language
        gap = 10 * mm
        box_width = (self.width - gap) / 2

        def box(caption_key: str) -> list[Flowable]:
            return [paragraph(text(caption_key, language), style("Signature.Caption")),
                    paragraph(text("doc.manifest.sign_hint", language), style("Signature.Hint")),
                    Spacer(1, self.signature_height)]

        table = Table([[box("doc.manifest.sign_shop"), [], box("doc.manifest.sign_driver")]],
                      colWidths=[box_width, gap, box_width])
        table.setStyle(two_boxes_style())
        return table


class _PageMark(Flowable):
    """Zero-size: notes on which page it is drawn, under ``name``."""

    def __init__(self, pages: dict[str, int], name: str) -> None:
        super().__init__()
        self.pages, self.name = pages, name
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.name] = self.canv.getPageNumber()
