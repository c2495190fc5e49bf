"""Importers and exporters for shop platforms and plain CSV.

Files become plain data (:mod:`packstation.io.model`) and plain data becomes files;
nothing here touches the database. Modules:

- :mod:`~packstation.io.csvfile` — encodings, delimiters, headers, physical line numbers.
- :mod:`~packstation.io.fields` — one cell: amounts, quantities, dates, countries, barcodes.
- :mod:`~packstation.io.generic` — the generic order CSV and the shared order builder.
- :mod:`~packstation.io.shopify` — Shopify orders and products exports.
- :mod:`~packstation.io.profiles` — column-mapping profiles (WooCommerce, PrestaShop...).
- :mod:`~packstation.io.formats` — recognising a file's format and reading it.
- :mod:`~packstation.io.tracking` — tracking numbers exported back to the shop.
"""

from packstation.io.formats import detect_format, parse
from packstation.io.model import ParsedFile, RowError

__all__ = ["ParsedFile", "RowError", "detect_format", "parse"]
