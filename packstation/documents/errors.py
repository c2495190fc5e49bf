"""Why a document cannot be made, told so that the packer can fix the data.

Each error names the document (``Commande 1042``) and the field (``adresse du
destinataire``). Both are rendered in the language of whoever reads the message, which
need not be the document's language. Nothing is half-drawn: these are raised before a
PDF is returned, most of them before anything is drawn at all.
"""

from __future__ import annotations

from packstation.core.errors import PackstationError
# Importing texts registers the doc.error.* messages.
from packstation.documents.texts import LazyText


class DocumentError(PackstationError):
    """A document cannot be made from this data."""

    @property
    def field_key(self) -> str | None:
        """The message key of the field at fault (``doc.field.recipient``), if any."""
        field = self.params.get("field")
        return field.key if isinstance(field, LazyText) else None


class UnprintableTextError(DocumentError):
    """A text holds characters that no available font can print (or print correctly)."""

    def __init__(self, document: LazyText, field_key: str, characters: str) -> None:
        super().__init__(
            "doc.error.unprintable",
            document=document, field=LazyText(field_key),
            characters=describe_characters(characters),
        )
        self.characters = characters


class TextDoesNotFitError(DocumentError):
    """A fixed block cannot hold its text even at the smallest legible size."""

    def __init__(self, document: LazyText, field_key: str, smallest_size: float) -> None:
        super().__init__(
            "doc.error.does_not_fit",
            document=document, field=LazyText(field_key), size=f"{smallest_size:g}",
        )


class BarcodeValueError(DocumentError):
    """A value that cannot be printed as the barcode it should be."""


class ImageError(DocumentError):
    """An image (the shop logo) that cannot be read."""


class LayoutError(DocumentError):
    """A page layout name that does not exist."""

    def __init__(self, layout: str, choices: tuple[str, ...]) -> None:
        super().__init__("doc.error.unknown_layout", layout=layout, choices=", ".join(choices))


def describe_characters(characters: str, limit: int = 8) -> str:
    """``🧿 (U+1F9FF), 𐀀 (U+10000)``: each character and its code point, first ones only."""
    distinct = list(dict.fromkeys(characters))
    shown = ", ".join(f"{char} (U+{ord(char):04X})" for char in distinct[:limit])
    return shown + (", …" if len(distinct) > limit else "")


def order_document(ref: str) -> LazyText:
    return LazyText("doc.document.order", {"ref": ref})


def product_document(sku: str) -> LazyText:
    return LazyText("doc.document.product", {"sku": sku})
