"""Printing PDFs through Qt: the system print path on Windows and macOS.

:class:`QtPrinting` is a :class:`packstation.printing.destinations.SystemPrinting`: the
printers come from ``QPrinterInfo``, and :class:`QtPdfDestination` prints a PDF silently
on one of them — QtPdf's ``QPdfDocument`` renders each page, ``QPrinter`` prints it at
the document's own page size (a 100 x 150 mm label on a label printer, an A4 slip on an
office printer), without margins and without a dialog. Raw data (ZPL) goes to the
platform's raw path (the Windows spooler's ``RAW`` data type, or a CUPS raw queue).

The composition roots install it (:func:`packstation.app.install_system_printing`); the
printing layer only knows the interface. It runs on the print worker's thread: a
``QPrinter`` and a ``QPdfDocument`` may be used off the GUI thread once a
``QGuiApplication`` exists.

``QPdfDocument.render`` gives an ARGB image with a transparent background: each page is
painted on white before it is printed.
"""

from __future__ import annotations

import os
import tempfile
import threading

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from packstation.printing.destinations import (
    CupsPrinting, Delivery, Destination, Orientation, PrintError,
)

#: Pages are rendered at this resolution at most: enough for barcodes on any office or
#: thermal printer, and a 100 x 150 mm page stays a few megabytes of image.
RENDER_DPI = 300

_lock = threading.Lock()  # one print at a time: QPdfDocument and QPrinter share Qt state


class QtPdfDestination:
    """Prints PDF pages on a system printer through Qt, each page at its own size."""

    def __init__(self, printer: str, orientation: Orientation = "portrait", copies: int = 1) -> None:
        self.printer = printer
        self.orientation = orientation
        self.copies = copies

    def __repr__(self) -> str:
        return f"QtPdfDestination({self.printer!r})"

    def deliver(self, document: bytes, *, kind: str, ref: str) -> Delivery:
        if not document.startswith(b"%PDF-"):
            raise ValueError("a PDF destination takes PDF bytes")
        with _lock:
            info = QPrinterInfo.printerInfo(self.printer)
            if info.isNull():
                known = ", ".join(QPrinterInfo.availablePrinterNames()) or "—"
                raise PrintError("print.printer_unknown", printer=self.printer, known=known)
            descriptor, path = tempfile.mkstemp(prefix="packstation-", suffix=".pdf")
            try:
                with os.fdopen(descriptor, "wb") as file:
                    file.write(document)
                self._print(path, info, title=f"{kind}-{ref}")
            finally:
                os.unlink(path)
        return Delivery(destination=self.printer)

    def _print(self, path: str, info: QPrinterInfo, *, title: str) -> None:
        pdf = QPdfDocument()
        error = pdf.load(path)
        if error != QPdfDocument.Error.None_ or pdf.pageCount() == 0:
            raise PrintError("print.printer_failed", printer=self.printer,
                             detail=f"PDF ({error.name})")
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setCopyCount(self.copies)
        printer.setFullPage(True)
        self._set_page(printer, pdf.pagePointSize(0))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("print.printer_failed", printer=self.printer,
                             detail="QPrinter could not start the job")
        try:
            for index in range(pdf.pageCount()):
                points = pdf.pagePointSize(index)
                if index:
                    self._set_page(printer, points)
                    printer.newPage()
                target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                painter.drawImage(target, _page_on_white(pdf, index, points))
        finally:
            painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintError("print.printer_failed", printer=self.printer,
                             detail="the system refused the job")

    def _set_page(self, printer: QPrinter, points: QSizeF) -> None:
        landscape = points.width() > points.height()
        portrait_size = QSizeF(min(points.width(), points.height()),
                               max(points.width(), points.height()))
        size = QPageSize(portrait_size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        orientation = (QPageLayout.Orientation.Landscape if landscape or self.orientation == "landscape"
                       else QPageLayout.Orientation.Portrait)
        printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0),
                                          QPageLayout.Unit.Point))


def _page_on_white(pdf: QPdfDocument, index: int, points: QSizeF) -> QImage:
    pixels = QSize(round(points.width() / 72 * RENDER_DPI), round(points.height() / 72 * RENDER_DPI))
    page = pdf.render(index, pixels, QPdfDocumentRenderOptions())
    white = QImage(pixels, QImage.Format.Format_RGB32)
    white.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(white)
    painter.drawImage(0, 0, page)
    painter.end()
    return white


class QtPrinting(CupsPrinting):
    """Qt's printers and PDF path; raw data through the platform's raw path."""

    name = "qt"

    def printer_names(self) -> list[str]:
        return list(QPrinterInfo.availablePrinterNames())

    def pdf_destination(self, printer: str, media: str | None, orientation: Orientation,
                        copies: int) -> Destination:
        # The page size is the document's own: a label's 100 x 150 mm, a slip's A4.
        return QtPdfDestination(printer, orientation, copies)
