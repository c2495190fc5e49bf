"""Pieces shared by the sheet documents (slips, pick lists, manifests): the shop's corner,
addresses as written, and the user fields every sheet checks.
"""

from __future__ import annotations

from typing import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from packstation.documents.countries import country_name
from packstation.documents.flowables import Logo
from packstation.documents.markup import Field, address_fields, paragraph
from packstation.documents.model import Address, Shop, SlipLine
from packstation.documents.styles import style


def shop_fields(shop: Shop) -> list[Field]:
    return [
        ("doc.field.shop_name", shop.name),
        *address_fields(shop.address, "doc.field.shop_address"),
        ("doc.field.return_instructions", shop.return_instructions),
    ]


def line_fields(lines: Sequence[SlipLine]) -> list[Field]:
    fields: list[Field] = []
    for item in lines:
        fields += [("doc.field.item_sku", item.sku), ("doc.field.item_name", item.name),
                   ("doc.field.item_bin", item.bin)]
    return fields


def shop_block(shop: Shop, width: float) -> list[Flowable]:
    """Logo, shop name and address, for the top-left corner of a sheet."""
    flowables: list[Flowable] = []
    if shop.logo:
        flowables += [Logo(shop.logo, min(width, 45 * mm), 18 * mm), Spacer(1, 2 * mm)]
    flowables.append(paragraph(shop.name, style("Doc.ShopName")))
    flowables += [paragraph(part, style("Doc.Small"))
                  for part in address_lines(shop.address, shop.language)[1:]]
    return flowables


def address_lines(address: Address, language: str, *, with_country: bool = False) -> list[str]:
    """An address as written, one string per line (name first)."""
    town = " ".join(part for part in (address.postcode, address.city) if part)
    lines = [address.name, address.company, address.line1, address.line2, town, address.region]
    if with_country and address.country:
        lines.append(country_name(address.country, language).upper())
    return [part for part in lines if part]
