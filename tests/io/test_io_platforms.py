"""Each platform's export as the platform writes it: files written from each documented
header (Shopify, WooCommerce plugins and products, PrestaShop, Etsy, Amazon) with
invented people, read through the same entry point as an import (``io.parse``)."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest

from packstation.core.scan import ProductCode
from packstation.io import detect_format, parse

# -- Shopify orders --------------------------------------------------------------------

# The orders export header as Shopify writes it (2021 to 2026 exports share these columns;
# newer ones add "Payment References", older ones lack "Shipping Phone"... every one of
# them is read by name, so their order and the extra columns do not matter).
SHOPIFY_HEADER = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
    "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total",
    "Discount Code", "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity",
    "Lineitem name", "Lineitem price", "Lineitem compare at price", "Lineitem sku",
    "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
    "Billing Name", "Billing Street", "Billing Address1", "Billing Address2",
    "Billing Company", "Billing City", "Billing Zip", "Billing Province", "Billing Country",
    "Billing Phone", "Shipping Name", "Shipping Street", "Shipping Address1",
    "Shipping Address2", "Shipping Company", "Shipping City", "Shipping Zip",
    "Shipping Province", "Shipping Country", "Shipping Phone", "Notes", "Note Attributes",
    "Cancelled at", "Payment Method", "Payment Reference", "Refunded Amount", "Vendor",
    "Outstanding Balance", "Employee", "Location", "Device ID", "Id", "Tags", "Risk Level",
    "Source", "Lineitem discount", "Tax 1 Name", "Tax 1 Value", "Phone", "Receipt Number",
    "Duties", "Billing Province Name", "Shipping Province Name", "Payment ID",
    "Payment Terms Name", "Next Payment Due At", "Payment References",
]


def shopify_order(name: str, *items: dict, **order: str) -> list[dict]:
    """An order as Shopify writes it: order columns on the first row only, ``Name`` and
    ``Phone`` on every row."""
    first = {
        "Name": name, "Email": "lea@example.fr", "Financial Status": "paid",
        "Fulfillment Status": "unfulfilled", "Currency": "EUR", "Total": "31.00",
        "Shipping Method": "Colissimo Domicile", "Created at": "2026-11-25 10:12:33 +0100",
        "Billing Name": "Léa Dubois", "Shipping Name": "Léa Dubois",
        "Shipping Address1": "3 place du Marché", "Shipping City": "Dijon",
        "Shipping Zip": "'21000", "Shipping Country": "FR", "Shipping Phone": "'0611223344",
        "Phone": "+33 6 11 22 33 44", "Payment Method": "Shopify Payments", "Id": "5550002001",
        "Risk Level": "Low",
    }
    first.update(order)
    rows = []
    for index, item in enumerate(items or ({},)):
        row = dict(first) if index == 0 else {"Name": name, "Phone": first["Phone"]}
        row.update({"Lineitem quantity": "1", "Lineitem name": "Miel de lavande - 250 g",
                    "Lineitem price": "9.50", "Lineitem sku": "MIEL-250",
                    "Lineitem requires shipping": "true",
                    "Lineitem fulfillment status": "pending"})
        row.update(item)
        rows.append(row)
    return rows


def shopify_file(write_csv, *orders: list[dict]):
    return write_csv("orders_export_1.csv", SHOPIFY_HEADER,
                     [row for order in orders for row in order])


def test_shipping_phone_on_the_first_row_and_phone_on_every_row_never_conflict(write_csv):
    parsed = parse(shopify_file(write_csv, shopify_order(
        "#13527", {}, {"Lineitem name": "Pot en grès", "Lineitem sku": "POT-1"})))
    assert parsed.errors == []
    [order] = parsed.orders
    assert order.address.phone == "0611223344"
    assert [line.sku for line in order.lines] == ["MIEL-250", "POT-1"]


def test_lines_without_sku_come_in_by_name_and_a_gift_card_without_sku_is_skipped(write_csv):
    parsed = parse(shopify_file(write_csv, shopify_order(
        "#2001", {"Lineitem sku": ""},
        {"Lineitem sku": "", "Lineitem name": "Carte cadeau", "Lineitem requires shipping": "false"},
        {"Lineitem sku": "", "Lineitem name": "Pourboire", "Lineitem requires shipping": ""})))
    assert parsed.errors == []
    [order] = parsed.orders
    assert [(line.sku, line.name, line.requires_shipping) for line in order.lines] == [
        ("", "Miel de lavande - 250 g", True), ("", "Carte cadeau", False),
        ("", "Pourboire", True)]


@pytest.mark.parametrize(("status", "skip_reason", "payment"), [
    ("paid", "", "paid"),
    ("partially_refunded", "", "paid"),
    ("pending", "", "awaiting_payment"),
    ("authorized", "", "awaiting_payment"),
    ("partially_paid", "", "awaiting_payment"),
    ("refunded", "cancelled", ""),
    ("voided", "cancelled", ""),
])
def test_financial_status(write_csv, status, skip_reason, payment):
    [order] = parse(shopify_file(write_csv, shopify_order(
        "#3001", **{"Financial Status": status}))).orders
    assert (order.skip_reason, order.payment) == (skip_reason, payment)


def test_cash_on_delivery_is_cod_even_when_pending(write_csv):
    [order] = parse(shopify_file(write_csv, shopify_order(
        "#3002", **{"Financial Status": "pending",
                    "Payment Method": "Cash on Delivery (COD)"}))).orders
    assert order.payment == "cod"


@pytest.mark.parametrize(("method", "delivery"), [
    ("Colissimo Domicile", "shipping"),
    ("Mondial Relay - Point Relais", "shipping"),
    ("Retrait en magasin", "store_pickup"),
    ("Click & Collect - Boutique de Lyon", "store_pickup"),
    ("Collect from 12 rue Neuve", "store_pickup"),
    ("Local pickup", "store_pickup"),
    ("Livraison locale", "local_delivery"),
    ("Local Delivery", "local_delivery"),
])
def test_store_pickup_and_local_delivery(write_csv, method, delivery):
    [order] = parse(shopify_file(write_csv, shopify_order(
        "#4001", **{"Shipping Method": method}))).orders
    assert order.delivery == delivery


def test_a_store_pickup_needs_no_shipping_address(write_csv):
    parsed = parse(shopify_file(write_csv, shopify_order(
        "#4002", **{"Shipping Method": "Retrait en magasin", "Shipping Name": "",
                    "Shipping Address1": "", "Shipping City": "", "Shipping Zip": "",
                    "Shipping Country": "FR"})))
    assert parsed.errors == []
    assert (parsed.orders[0].customer_name, parsed.orders[0].delivery) == (
        "Léa Dubois", "store_pickup")


def test_the_relay_point_a_relay_app_wrote_in_note_attributes(write_csv):
    [order] = parse(shopify_file(write_csv, shopify_order(
        "#4003", **{"Shipping Method": "Mondial Relay",
                    "Note Attributes": "gift: no\nRelay point ID: FR-066974"}))).orders
    assert (order.pickup_point, order.delivery) == ("FR-066974", "shipping")


# -- Shopify products ------------------------------------------------------------------

SHOPIFY_PRODUCTS_HEADER = [
    "Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags",
    "Published", "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value",
    "Option3 Name", "Option3 Value", "Variant SKU", "Variant Grams",
    "Variant Inventory Tracker", "Variant Inventory Qty", "Variant Inventory Policy",
    "Variant Fulfillment Service", "Variant Price", "Variant Compare At Price",
    "Variant Requires Shipping", "Variant Taxable", "Variant Barcode", "Image Src",
    "Image Position", "Image Alt Text", "Gift Card", "SEO Title", "SEO Description",
    "Variant Image", "Variant Weight Unit", "Variant Tax Code", "Cost per item", "Status",
]


def test_products_decimal_grams_apostrophe_barcodes_and_a_variant_without_identity(
        write_csv, english):
    path = write_csv("products_export_1.csv", SHOPIFY_PRODUCTS_HEADER, [
        {"Handle": "miel", "Title": "Miel de lavande", "Option1 Name": "Poids",
         "Option1 Value": "250 g", "Variant SKU": "MIEL-250", "Variant Grams": "280.0",
         "Variant Barcode": "'0036000291452", "Variant Inventory Qty": "12",
         "Variant Weight Unit": "g", "Variant Requires Shipping": "TRUE"},
        {"Handle": "miel", "Option1 Value": "500 g", "Variant SKU": "",
         "Variant Grams": "540", "Variant Barcode": "", "Variant Requires Shipping": "TRUE"},
        {"Handle": "pot", "Title": "Pot en grès", "Option1 Value": "Default Title",
         "Variant SKU": "", "Variant Grams": "1200.5", "Variant Barcode": "4006381333931",
         "Variant Weight Unit": "kg"},
    ])
    parsed = parse(path)
    assert parsed.errors == []
    assert [(p.sku, p.name, p.weight_g, p.codes, p.stock) for p in parsed.products] == [
        ("MIEL-250", "Miel de lavande – 250 g", 280, [ProductCode("0036000291452")], 12),
        ("4006381333931", "Pot en grès", 1201, [ProductCode("4006381333931")], None),
    ]
    [warning] = parsed.warnings
    assert warning.line == 3 and "miel" in warning.reason and "left out" in warning.reason


def test_products_weight_in_its_variant_weight_unit(write_csv):
    header = ["Handle", "Title", "Variant SKU", "Variant Weight", "Variant Weight Unit",
              "Variant Barcode"]
    path = write_csv("products.csv", header, [
        ["a", "A", "A-1", "1.5", "kg", ""], ["b", "B", "B-1", "2", "lb", ""],
        ["c", "C", "C-1", "8", "oz", ""]])
    assert [p.weight_g for p in parse(path, format="shopify-products").products] == [
        1500, 907, 227]


# -- WooCommerce -----------------------------------------------------------------------

# "Advanced Order Export For WooCommerce" (AlgolPlus): the fields it exports by default.
ALGOLPLUS_HEADER = [
    "Order Number", "Order Status", "Order Date", "Customer Note", "First Name (Billing)",
    "Last Name (Billing)", "Company (Billing)", "Address 1&2 (Billing)", "City (Billing)",
    "State Code (Billing)", "Postcode (Billing)", "Country Code (Billing)", "Email (Billing)",
    "Phone (Billing)", "First Name (Shipping)", "Last Name (Shipping)",
    "Address 1&2 (Shipping)", "City (Shipping)", "State Code (Shipping)",
    "Postcode (Shipping)", "Country Code (Shipping)", "Payment Method Title",
    "Cart Discount Amount", "Order Subtotal Amount", "Shipping Method Title",
    "Order Shipping Amount", "Order Refund Amount", "Order Total Amount",
    "Order Total Tax Amount", "SKU", "Item #", "Item Name", "Quantity (- Refund)",
    "Item Cost", "Coupon Code", "Discount Amount", "Discount Amount Tax",
]


def algolplus_row(number: str, **values: str) -> dict:
    row = {"Order Number": number, "Order Status": "Processing", "Order Date": "2026-11-25 09:41",
           "First Name (Billing)": "Jonas", "Last Name (Billing)": "Weber",
           "Country Code (Billing)": "DE", "Email (Billing)": "jonas@example.de",
           "Phone (Billing)": "+49 30 1234567", "First Name (Shipping)": "Jonas",
           "Last Name (Shipping)": "Weber", "Address 1&2 (Shipping)": "Lindenstraße 5",
           "City (Shipping)": "Berlin", "Postcode (Shipping)": "10969",
           "Country Code (Shipping)": "DE", "Payment Method Title": "Carte bancaire",
           "Shipping Method Title": "Colissimo International", "Order Total Amount": "27.40",
           "SKU": "MIEL-250", "Item #": "1", "Item Name": "Miel de lavande 250 g",
           "Quantity (- Refund)": "2", "Item Cost": "9.50"}
    row.update(values)
    return row


@pytest.mark.parametrize(("status", "skip_reason"), [
    ("Processing", ""), ("On hold", ""), ("Completed", "fulfilled"),
    ("Cancelled", "cancelled"), ("Refunded", "cancelled"), ("Failed", "cancelled"),
    ("Pending payment", "unpaid"),
])
def test_algolplus_default_fields_without_a_profile(write_csv, status, skip_reason):
    path = write_csv("orders-2026-11-25.csv", ALGOLPLUS_HEADER, [
        algolplus_row("8101", **{"Order Status": status}),
        algolplus_row("8101", **{"Order Status": status, "SKU": "POT-1", "Item #": "2",
                                 "Item Name": "Pot en grès", "Quantity (- Refund)": "1"}),
    ])
    assert detect_format(path) == "woocommerce"
    parsed = parse(path)
    assert parsed.errors == []
    [order] = parsed.orders
    assert order.skip_reason == skip_reason
    assert (order.customer_name, order.address.address1, order.address.country) == (
        "Jonas Weber", "Lindenstraße 5", "DE")
    assert [(line.sku, line.quantity) for line in order.lines] == [("MIEL-250", 2), ("POT-1", 1)]


def test_algolplus_cash_on_delivery(write_csv):
    path = write_csv("orders.csv", ALGOLPLUS_HEADER, [
        algolplus_row("8102", **{"Payment Method Title": "Cash on delivery"})])
    assert parse(path).orders[0].payment == "cod"


# "Order Export & Order Import for WooCommerce" (WebToffee): one row per order.
WEBTOFFEE_HEADER = [
    "order_id", "order_number", "order_date", "paid_date", "status", "shipping_total",
    "shipping_tax_total", "fee_total", "tax_total", "cart_discount", "order_discount",
    "discount_total", "order_total", "order_currency", "payment_method",
    "payment_method_title", "transaction_id", "shipping_method", "customer_id",
    "customer_user", "customer_email", "billing_first_name", "billing_last_name",
    "billing_company", "billing_email", "billing_phone", "billing_address_1",
    "billing_address_2", "billing_postcode", "billing_city", "billing_state",
    "billing_country", "shipping_first_name", "shipping_last_name", "shipping_company",
    "shipping_phone", "shipping_address_1", "shipping_address_2", "shipping_postcode",
    "shipping_city", "shipping_state", "shipping_country", "customer_note",
    "shipping_items", "fee_items", "tax_items", "coupon_items", "order_notes",
    "line_item_1", "line_item_2", "line_item_3",
]


def webtoffee_row(number: str, **values: str) -> dict:
    row = {"order_id": "91" + number, "order_number": number, "order_date": "2026-11-25 11:02:00",
           "status": "processing", "order_total": "31.00", "order_currency": "EUR",
           "payment_method": "stripe", "payment_method_title": "Carte",
           "shipping_method": "Colissimo", "customer_email": "ana@example.es",
           "billing_first_name": "Ana", "billing_last_name": "García",
           "shipping_first_name": "Ana", "shipping_last_name": "García",
           "shipping_address_1": "Calle Mayor 1", "shipping_postcode": "28013",
           "shipping_city": "Madrid", "shipping_country": "ES",
           "line_item_1": "name:Miel de lavande 250 g|product_id:12|sku:MIEL-250|quantity:2|"
                          "total:19.00|sub_total:19.00",
           "line_item_2": "name:Pot en grès|product_id:13|sku:POT-1|quantity:1|total:12.00"}
    row.update(values)
    return row


@pytest.mark.parametrize(("status", "skip_reason"), [
    ("processing", ""), ("on-hold", ""), ("wc-processing", ""), ("completed", "fulfilled"),
    ("cancelled", "cancelled"), ("refunded", "cancelled"), ("failed", "cancelled"),
    ("pending", "unpaid"),
])
def test_webtoffee_line_items(write_csv, status, skip_reason):
    path = write_csv("order_export.csv", WEBTOFFEE_HEADER, [webtoffee_row("1042", status=status)])
    assert detect_format(path) == "woocommerce-webtoffee"
    parsed = parse(path)
    assert parsed.errors == []
    [order] = parsed.orders
    assert order.skip_reason == skip_reason
    assert (order.ref, order.customer_name, order.address.city) == ("1042", "Ana García", "Madrid")
    assert [(line.line, line.sku, line.name, line.quantity, line.unit_price)
            for line in order.lines] == [
        (2, "MIEL-250", "Miel de lavande 250 g", 2, Decimal("9.50")),
        (2, "POT-1", "Pot en grès", 1, Decimal("12.00"))]


# WooCommerce's own product export (Products > Export), WooCommerce 9.2+.
WOOCOMMERCE_PRODUCTS_HEADER = [
    "ID", "Type", "SKU", "GTIN, UPC, EAN, or ISBN", "Name", "Published", "Is featured?",
    "Visibility in catalog", "Short description", "Description", "Date sale price starts",
    "Date sale price ends", "Tax status", "Tax class", "In stock?", "Stock",
    "Low stock amount", "Backorders allowed?", "Sold individually?", "Weight (kg)",
    "Length (cm)", "Width (cm)", "Height (cm)", "Allow customer reviews?", "Purchase note",
    "Sale price", "Regular price", "Categories", "Tags", "Shipping class", "Images",
    "Download limit", "Download expiry days", "Parent", "Grouped products", "Upsells",
    "Cross-sells", "External URL", "Button text", "Position", "Attribute 1 name",
    "Attribute 1 value(s)", "Attribute 1 visible", "Attribute 1 global", "Meta: _ean",
]


def test_woocommerce_product_csv(write_csv, english):
    path = write_csv("wc-product-export-25-11-2026.csv", WOOCOMMERCE_PRODUCTS_HEADER, [
        {"ID": "12", "Type": "simple", "SKU": "MIEL-250", "GTIN, UPC, EAN, or ISBN":
         "3760123456784", "Name": "Miel de lavande 250 g", "In stock?": "1", "Stock": "14",
         "Weight (kg)": "0.28"},
        {"ID": "20", "Type": "variable", "SKU": "THE", "Name": "Thé vert"},
        {"ID": "21", "Type": "variation", "SKU": "THE-100", "Name": "Thé vert - 100 g",
         "Stock": "-2", "Weight (kg)": "0.12", "Meta: _ean": "036000291452", "Parent": "id:20"},
        {"ID": "30", "Type": "simple, virtual", "SKU": "ATELIER", "Name": "Atelier"},
        {"ID": "31", "Type": "simple", "SKU": "", "Name": "Savon sans référence"},
    ])
    assert detect_format(path) == "woocommerce-products"
    parsed = parse(path)
    assert parsed.errors == []
    assert [(p.sku, p.name, p.weight_g, p.stock, p.codes) for p in parsed.products] == [
        ("MIEL-250", "Miel de lavande 250 g", 280, 14, [ProductCode("3760123456784")]),
        ("THE-100", "Thé vert - 100 g", 120, -2, [ProductCode("0036000291452")]),
        ("ATELIER", "Atelier", None, None, []),
    ]
    assert [(w.line, w.key) for w in parsed.warnings] == [(6, "catalogue.no_sku")]


# -- PrestaShop ------------------------------------------------------------------------

PRESTASHOP_PRODUCTS_HEADER = [
    "ID", "Actif (0/1)", "Nom", "Catégories (x,y,z...)", "Prix TTC", "Référence",
    "Fournisseur", "Marque", "EAN13", "UPC", "Poids", "Quantité", "Résumé", "Description",
]


def test_prestashop_product_csv_in_windows_1252(write_csv):
    path = write_csv("produits.csv", PRESTASHOP_PRODUCTS_HEADER, [
        {"ID": "1", "Actif (0/1)": "1", "Nom": "Crème brûlée", "Prix TTC": "4,50",
         "Référence": "CREME-01", "EAN13": "3017620422003", "Poids": "0,250000",
         "Quantité": "31"},
        {"ID": "2", "Nom": "Pâte à tartiner", "Référence": "PATE-01", "Poids": "0,4",
         "Quantité": "0"},
    ], encoding="cp1252", delimiter=";")
    assert detect_format(path) == "prestashop-products"
    parsed = parse(path)
    assert (parsed.errors, parsed.encoding, parsed.delimiter) == ([], "cp1252", ";")
    assert [(p.sku, p.name, p.weight_g, p.stock, p.codes) for p in parsed.products] == [
        ("CREME-01", "Crème brûlée", 250, 31, [ProductCode("3017620422003")]),
        ("PATE-01", "Pâte à tartiner", 400, 0, []),
    ]


@pytest.mark.parametrize("header", [
    ["ID", "Référence", "Nouveau client", "Livraison", "Client", "Total", "Paiement", "État",
     "Date"],
    ["ID", "Reference", "New client", "Delivery", "Customer", "Total", "Payment", "Status",
     "Date"],
])
def test_prestashop_back_office_order_list_is_refused_with_what_to_export(
        write_csv, english, header):
    path = write_csv("order_2026-11-25.csv", header, [
        ["318", "XKBKNABJK", "Oui", "France", "K. Müller", "9,00 €", "Chèque",
         "Paiement accepté", "25/11/2026 09:05:00"]], delimiter=";")
    parsed = parse(path)
    [error] = parsed.errors
    assert error.line == 1
    assert "neither the addresses nor the items" in error.reason
    assert "prestashop" in error.reason and "profile" in error.reason
    assert parsed.orders == []


# -- Etsy and Amazon -------------------------------------------------------------------

ETSY_HEADER = [
    "Sale Date", "Item Name", "Buyer", "Quantity", "Price", "Coupon Code", "Coupon Details",
    "Discount Amount", "Shipping Discount", "Order Shipping", "Order Sales Tax",
    "Item Total", "Currency", "Transaction ID", "Listing ID", "Date Paid", "Date Shipped",
    "Ship Name", "Ship Address1", "Ship Address2", "Ship City", "Ship State",
    "Ship Zipcode", "Ship Country", "Order ID", "Variations", "Order Type",
    "Listings Type", "Payment Type", "InPerson Discount", "InPerson Location",
    "VAT Paid by Buyer", "SKU",
]


def etsy_row(order_id: str, **values: str) -> dict:
    row = {"Sale Date": "11/25/26", "Item Name": "Bol en céramique", "Buyer": "mariarossi",
           "Quantity": "1", "Price": "28.00", "Currency": "EUR", "Transaction ID": "3301",
           "Listing ID": "1458877001", "Date Paid": "11/25/26", "Date Shipped": "",
           "Ship Name": "Maria Rossi", "Ship Address1": "Via Roma 12", "Ship City": "Torino",
           "Ship Zipcode": "10121", "Ship Country": "Italy", "Order ID": order_id,
           "Variations": "Couleur:Bleu", "Order Type": "online", "Payment Type": "online_cc",
           "SKU": ""}
    row.update(values)
    return row


def test_etsy_sold_order_items(write_csv):
    path = write_csv("EtsySoldOrderItems2026-11.csv", ETSY_HEADER, [
        etsy_row("2950001"),
        etsy_row("2950001", **{"Transaction ID": "3302", "Variations": "Couleur:Vert"}),
        etsy_row("2950002", **{"Ship Country": "United States", "Ship State": "NY",
                               "Ship City": "New York", "Ship Zipcode": "10001",
                               "SKU": "BOL-XL", "Date Shipped": "11/26/26"}),
        etsy_row("2950003", **{"Ship Country": "Allemagne", "Ship City": "Köln",
                               "Ship Zipcode": "50667"}),
    ])
    assert detect_format(path) == "etsy"
    parsed = parse(path)
    assert parsed.errors == []
    orders = {order.ref: order for order in parsed.orders}
    first = orders["2950001"]
    assert first.address.country == "IT"                 # "Italy"
    assert first.ordered_at.date().isoformat() == "2026-11-25"
    # No SKU: the listing and its variations name the item.
    assert [line.sku for line in first.lines] == ["1458877001 Couleur:Bleu",
                                                  "1458877001 Couleur:Vert"]
    assert orders["2950002"].address.country == "US"
    assert orders["2950002"].skip_reason == "fulfilled"   # Date Shipped is filled
    assert orders["2950003"].address.country == "DE"      # "Allemagne"


AMAZON_HEADER = [
    "order-id", "order-item-id", "purchase-date", "payments-date", "buyer-email",
    "buyer-name", "buyer-phone-number", "sku", "product-name", "quantity-purchased",
    "currency", "item-price", "item-tax", "shipping-price", "shipping-tax",
    "ship-service-level", "recipient-name", "ship-address-1", "ship-address-2",
    "ship-address-3", "ship-city", "ship-state", "ship-postal-code", "ship-country",
    "ship-phone-number", "delivery-start-date", "delivery-end-date", "delivery-time-zone",
    "delivery-Instructions", "sales-channel", "is-business-order", "purchase-order-number",
    "price-designation",
]


@pytest.mark.parametrize(("level", "service"), [
    ("Standard", "standard"), ("Expedited", "express"), ("Priority", "express"),
    ("NextDay", "express")])
def test_amazon_order_report_tab_separated(write_csv, level, service):
    path = write_csv("amazon-orders.txt", AMAZON_HEADER, [{
        "order-id": "403-1234567-7654321", "order-item-id": "61234567890123",
        "purchase-date": "2026-11-25T08:12:40+00:00", "buyer-email": "x1y2@marketplace.amazon.fr",
        "buyer-name": "Paul Martin", "sku": "MIEL-250", "product-name": "Miel de lavande",
        "quantity-purchased": "3", "currency": "EUR", "item-price": "28.50",
        "ship-service-level": level, "recipient-name": "Paul Martin",
        "ship-address-1": "5 rue Haute", "ship-city": "Nantes", "ship-postal-code": "44000",
        "ship-country": "FR", "sales-channel": "Amazon.fr"}], delimiter="\t")
    assert detect_format(path) == "amazon"
    parsed = parse(path)
    assert (parsed.errors, parsed.delimiter) == ([], "\t")
    [order] = parsed.orders
    assert order.service == service
    assert order.ordered_at == datetime(2026, 11, 25, 8, 12, 40, tzinfo=timezone.utc)
    assert [(line.sku, line.quantity) for line in order.lines] == [("MIEL-250", 3)]
