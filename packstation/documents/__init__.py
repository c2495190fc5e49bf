"""Documents: pure functions from plain data to PDF bytes (ReportLab).

Shipping labels, packing slips, pick lists, carrier manifests, product stickers and the
command-code sheet. Every function takes the plain dataclasses of
:mod:`packstation.documents.model` and returns the bytes of a PDF; nothing here touches
the database, the disk or Qt. Bad data raises a :class:`~.errors.DocumentError` naming
the document and the field to fix, before any PDF is returned.
"""

from packstation.documents.command_sheet import render_command_sheet
from packstation.documents.errors import (
    BarcodeValueError, DocumentError, ImageError, LayoutError, TextDoesNotFitError,
    UnprintableTextError,
)
from packstation.documents.labels import render_labels
from packstation.documents.manifest import render_manifest
from packstation.documents.model import (
    Address, LabelData, ManifestData, ManifestParcel, PickListData, PickOrder, ProductLabel,
    Shop, SlipData, SlipLine,
)
from packstation.documents.pick_list import render_pick_list
from packstation.documents.product_labels import next_internal_codes, render_product_labels
from packstation.documents.slips import render_slips

__all__ = [
    "Address", "BarcodeValueError", "DocumentError", "ImageError", "LabelData", "LayoutError",
    "ManifestData", "ManifestParcel", "PickListData", "PickOrder", "ProductLabel", "Shop",
    "SlipData", "SlipLine", "TextDoesNotFitError", "UnprintableTextError",
    "next_internal_codes", "render_command_sheet", "render_labels", "render_manifest",
    "render_pick_list", "render_product_labels", "render_slips",
]
