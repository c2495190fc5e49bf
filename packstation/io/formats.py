"""Which format a file is in, and reading it with the right importer.

A file is recognised from its header: a Shopify orders or products export, the generic
format, or the first column-mapping profile that matches (the caller's own profiles
before the example ones shipped with Packstation, so a shop can override them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.io import catalogue, generic, shopify, woocommerce
from packstation.io.csvfile import CsvTable, read_table
from packstation.io.model import ParsedFile, RowError
from packstation.io.profiles import Profile, builtin_profiles, parse_with_profile

AUTO = "auto"
UNKNOWN = "unknown"
BUILTIN_FORMATS = (generic.FORMAT, shopify.ORDERS_FORMAT, shopify.PRODUCTS_FORMAT,
                   woocommerce.WEBTOFFEE_FORMAT, catalogue.WOOCOMMERCE_PRODUCTS,
                   catalogue.PRESTASHOP_PRODUCTS)
#: PrestaShop's back office Orders > Export: the order list, with neither addresses nor
#: lines (French and English headers). Refused with what to export instead.
PRESTASHOP_ORDER_LIST = "prestashop-order-list"
_PRESTASHOP_LISTS = (("ID", "Référence", "Nouveau client", "Livraison", "Client", "Total",
                      "Paiement", "État", "Date"),
                     ("ID", "Reference", "New client", "Delivery", "Customer", "Total",
                      "Payment", "Status", "Date"))


def candidate_profiles(profiles: Sequence[Profile] | None = None) -> list[Profile]:
    """The caller's profiles, then the shipped ones whose name they do not reuse."""
    chosen = list(profiles or ())
    taken = {profile.name.casefold() for profile in chosen}
    chosen += [profile for profile in builtin_profiles() if profile.name.casefold() not in taken]
    return chosen


def detect_table_format(table: CsvTable, profiles: Sequence[Profile] | None = None) -> str:
    if not table.headers:
        return UNKNOWN
    if shopify.is_orders_export(table):
        return shopify.ORDERS_FORMAT
    if shopify.is_products_export(table):
        return shopify.PRODUCTS_FORMAT
    if woocommerce.is_webtoffee_export(table):
        return woocommerce.WEBTOFFEE_FORMAT
    if generic.check_generic_header(table) is None:
        return generic.FORMAT
    for profile in candidate_profiles(profiles):
        if profile.matches(table.headers):
            return profile.name
    found = catalogue.catalogue_format(table)
    if found:
        return found
    if _is_prestashop_order_list(table):
        return PRESTASHOP_ORDER_LIST
    return UNKNOWN


def _is_prestashop_order_list(table: CsvTable) -> bool:
    return any(all(table.has(header) for header in headers) for headers in _PRESTASHOP_LISTS) \
        and len(table.headers) <= 12


def detect_format(path: str | Path, profiles: Sequence[Profile] | None = None) -> str:
    """"generic", "shopify-orders", "shopify-products", a profile's name or "unknown"."""
    with read_table(path, stream=True) as table:
        return detect_table_format(table, profiles)


def parse(path: str | Path, format: str = AUTO,
          profiles: Sequence[Profile] | None = None) -> ParsedFile:
    """Read an order or product file in the given format, or the one its header shows.

    ``format`` is "auto", "generic", "shopify" (orders or products, from the header),
    "shopify-orders", "shopify-products" or a profile name. Row problems are returned
    in ``errors``; an unreadable file or an unknown format name raises InputError.
    """
    with read_table(path, stream=True) as table:   # rows are read as they are parsed
        return _parse_table(table, path, format, profiles)


def _parse_table(table: CsvTable, path: str | Path, format: str,
                 profiles: Sequence[Profile] | None) -> ParsedFile:
    known_profiles = candidate_profiles(profiles)
    wanted = format.strip().casefold()
    if wanted == AUTO:
        wanted = detect_table_format(table, known_profiles)
    elif wanted == shopify.SOURCE:
        wanted = (shopify.PRODUCTS_FORMAT if shopify.is_products_export(table)
                  and not shopify.is_orders_export(table) else shopify.ORDERS_FORMAT)

    if wanted == generic.FORMAT:
        return generic.parse_generic_table(table)
    if wanted == shopify.ORDERS_FORMAT:
        return shopify.parse_orders(table)
    if wanted == shopify.PRODUCTS_FORMAT:
        return shopify.parse_products(table)
    if wanted == woocommerce.WEBTOFFEE_FORMAT:
        return woocommerce.parse_webtoffee(table)
    if wanted in (catalogue.WOOCOMMERCE_PRODUCTS, catalogue.PRESTASHOP_PRODUCTS):
        return catalogue.parse_catalogue(table, wanted)
    if wanted == PRESTASHOP_ORDER_LIST:
        return ParsedFile(table.path, PRESTASHOP_ORDER_LIST, table.encoding, table.delimiter,
                          errors=[RowError(table.path, table.header_line,
                                           "import.prestashop_order_list")],
                          rows=_count(table))
    for profile in known_profiles:
        if profile.name.casefold() == wanted:
            if profile.options.delimiter and profile.options.delimiter != table.delimiter:
                return parse_with_profile(path, profile)
            return parse_with_profile(table, profile)
    if wanted == UNKNOWN:
        rows = _count(table)
        parsed = ParsedFile(table.path, UNKNOWN, table.encoding, table.delimiter,
                            errors=list(table.errors), rows=rows)
        if table.headers:
            parsed.errors.append(RowError(table.path, table.header_line, "import.unknown_format", {
                "formats": ", ".join(format_names(known_profiles))}))
        return parsed
    raise InputError("import.no_such_format", format=format,
                     formats=", ".join((AUTO, shopify.SOURCE, *format_names(known_profiles))))


def _count(table: CsvTable) -> int:
    for _ in table.records:
        pass
    return table.row_count


def format_names(profiles: Sequence[Profile] | None = None) -> list[str]:
    """Every format a file can be read in: the built-in ones, then the profiles."""
    return [*BUILTIN_FORMATS, *(profile.name for profile in candidate_profiles(profiles)
                                if profile.name not in BUILTIN_FORMATS)]


i18n.register({
    "import.unknown_format": (
        "Format de fichier non reconnu d'après son en-tête (formats connus : {formats}). "
        "Un profil de colonnes permet de lire d'autres exports.",
        "File format not recognised from its header (known formats: {formats}). "
        "A column-mapping profile lets other exports be read.",
    ),
    "import.prestashop_order_list": (
        "C'est la liste des commandes du back-office PrestaShop (Commandes > Exporter) : "
        "elle n'a ni les adresses ni les articles. Exportez les commandes avec un module "
        "d'export de commandes (une ligne par produit, lu par le profil « prestashop »), "
        "ou associez les colonnes de votre export dans un profil.",
        "This is PrestaShop's back-office order list (Orders > Export): it has neither the "
        "addresses nor the items. Export the orders with an order-export module (one row "
        "per product, read by the \"prestashop\" profile), or map your export's columns in "
        "a profile.",
    ),
    "import.no_such_format": (
        "Format inconnu « {format} » (formats possibles : {formats}).",
        "Unknown format \"{format}\" (possible formats: {formats}).",
    ),
})
