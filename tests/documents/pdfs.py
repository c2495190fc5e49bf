"""Reading the PDFs that documents produce, as a person or a scanner would.

Text comes out of the PDF with pypdf, page sizes from the media box, fonts from the page
resources, and barcodes from a 300 dpi rendering (``pdftoppm``) decoded by ``zbarimg``.
Tools that are missing skip the test with the package to install, unless
``PACKSTATION_REQUIRE_SERVICES=1`` (as in CI), where a missing tool fails it.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

MM = 72 / 25.4
TOOLS = {"pdftoppm": "poppler-utils", "zbarimg": "zbar-tools"}


def require_tools(*names: str) -> None:
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        packages = ", ".join(sorted({TOOLS.get(name, name) for name in missing}))
        reason = f"{', '.join(missing)} not installed (Debian packages: {packages})"
        if os.environ.get("PACKSTATION_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def flat(text: str) -> str:
    """Whitespace runs (line breaks from wrapping included) as single spaces."""
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    """Every page's text, whitespace flattened."""
    return flat(" ".join(page_texts(pdf)))


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    return [(round(float(page.mediabox.width) / MM, 1), round(float(page.mediabox.height) / MM, 1))
            for page in reader(pdf).pages]


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font of every page (subset prefix removed) -> whether it is embedded."""
    found: dict[str, bool] = {}
    for page in reader(pdf).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            descriptor = font.get("/FontDescriptor")
            descendants = font.get("/DescendantFonts")
            if descriptor is None and descendants:
                descriptor = descendants[0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[name] = embedded
    return found


@dataclass(frozen=True)
class TextRun:
    """A piece of text as drawn: where (points, page coordinates) and at what size."""

    text: str
    x: float
    y: float
    size: float


def text_runs(pdf: bytes, page_number: int = 0) -> list[TextRun]:
    runs: list[TextRun] = []

    def visit(text, matrix, text_matrix, font, size):
        if text.strip():
            # Position and scale of the text in page space: text matrix times the CTM.
            a, b, c, d, e, f = matrix
            tx, ty = text_matrix[4], text_matrix[5]
            scale = (text_matrix[3] ** 2 + text_matrix[2] ** 2) ** 0.5 * (d ** 2 + c ** 2) ** 0.5
            runs.append(TextRun(text, a * tx + c * ty + e, b * tx + d * ty + f, size * scale))

    reader(pdf).pages[page_number].extract_text(visitor_text=visit)
    return runs


def barcodes(pdf: bytes, folder: Path, first_page: int = 1,
             last_page: int | None = None) -> list[tuple[str, str]]:
    """Every barcode zbarimg reads on a 300 dpi rendering: (symbology, data), page order."""
    require_tools("pdftoppm", "zbarimg")
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    command = ["pdftoppm", "-r", "300", "-png", "-f", str(first_page)]
    if last_page is not None:
        command += ["-l", str(last_page)]
    subprocess.run([*command, str(source), str(folder / "page")], check=True, timeout=120)
    found: list[tuple[str, str]] = []
    for image in sorted(folder.glob("page-*.png")):
        result = subprocess.run(["zbarimg", "--quiet", str(image)], capture_output=True,
                                text=True, timeout=120)
        # zbarimg exits with 4 when an image holds no barcode at all.
        assert result.returncode in (0, 4), result.stderr
        for line in result.stdout.splitlines():
            symbology, _, data = line.partition(":")
            found.append((symbology, data))
        image.unlink()
    return found
