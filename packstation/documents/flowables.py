"""Small flowables the sheet documents share: tick boxes, the shop logo, a barcode with
its text underneath, and the natural order of bin locations.
"""

from __future__ import annotations

import functools
import re
from io import BytesIO

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from packstation.documents.errors import ImageError
from packstation.documents.styles import FRAME, INK
from packstation.documents.texts import LazyText

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8\xff"
_DIGIT_RUNS = re.compile(r"(\d+)")


def bin_sort_key(location: str) -> tuple[bool, list[str | int]]:
    """Bins in walking order: ``A2`` before ``A10``; lines without a bin come last."""
    parts: list[str | int] = []
    for position, part in enumerate(_DIGIT_RUNS.split(location.strip().casefold())):
        # re.split with a group alternates text (even positions) and digits (odd ones),
        # so compared keys never mix types at one position.
        parts.append(int(part) if position % 2 else part)
    return (not location.strip(), parts)


class TickBox(Flowable):
    """An empty square for the packer's pen."""

    def __init__(self, size: float = 5 * mm) -> None:
        super().__init__()
        self.size = size
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(FRAME)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


@functools.lru_cache(maxsize=8)
def _read_image(data: bytes) -> tuple[ImageReader, tuple[int, int]] | None:
    if not (data.startswith(_PNG_SIGNATURE) or data.startswith(_JPEG_SIGNATURE)):
        return None
    try:
        reader = ImageReader(BytesIO(data))
        return reader, reader.getSize()
    except Exception:  # noqa: BLE001 - any decoding failure means "not a readable image"
        return None


def check_image(data: bytes, document: LazyText, field_key: str) -> None:
    """Refuse bytes that are not a readable PNG or JPEG image."""
    if _read_image(data) is None:
        raise ImageError("doc.error.bad_image", document=document, field=LazyText(field_key))


class Logo(Flowable):
    """A PNG or JPEG image scaled into a box, keeping its proportions."""

    def __init__(self, data: bytes, max_width: float, max_height: float) -> None:
        super().__init__()
        read = _read_image(data)
        if read is None:
            raise ValueError("unchecked image: call check_image() first")
        self.reader, (pixels_wide, pixels_high) = read
        scale = min(max_width / pixels_wide, max_height / pixels_high)
        self.width, self.height = pixels_wide * scale, pixels_high * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


class BarcodeWithText(Flowable):
    """A Code 128 symbol with its value centred underneath, aligned as a whole."""

    def __init__(self, symbol: Code128, caption: Paragraph, align: str = "LEFT",
                 gap: float = 0.8 * mm) -> None:
        super().__init__()
        self.symbol = symbol
        self.caption = caption
        self.hAlign = align
        self.gap = gap
        self.width = symbol.width
        _, self.caption_height = caption.wrap(self.width, 50 * mm)
        self.height = symbol.height + gap + self.caption_height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.caption.drawOn(self.canv, 0, 0)
        self.symbol.drawOn(self.canv, 0, self.caption_height + self.gap)
