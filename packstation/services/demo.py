"""A realistic demo shop: products with valid EANs, bins, weights and stock; customers
across Europe (Polish, Greek and Bulgarian addresses among them); several carriers;
orders from the last days. The same ``seed`` gives the same shop. It goes through the
importer, like a real shop's file would."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from packstation.core import gtin
from packstation.core.scan import ProductCode
from packstation.db.models import Packer, Product
from packstation.io.model import ImportedAddress, ImportedLine, ImportedOrder, ImportedProduct, ParsedFile
from packstation.services.carriers import ensure_carriers
from packstation.services.importing import ImportReport, Importer
from packstation.services.settings import DEMO_SHOP, save_shop_settings, shop_settings

# (sku, name, weight in grams, price) — a small French home-and-tea shop.
CATALOGUE = [
    ("THE-EARL-100", "Thé Earl Grey 100 g", 120, "8.90"),
    ("THE-VERT-100", "Thé vert Sencha 100 g", 115, "9.50"),
    ("THE-ROOI-100", "Rooibos vanille 100 g", 118, "7.90"),
    ("INF-VERV-50", "Infusion verveine 50 g", 70, "5.40"),
    ("TASSE-GRES-BL", "Tasse en grès bleu", 320, "14.00"),
    ("TASSE-GRES-VE", "Tasse en grès vert", 320, "14.00"),
    ("THEIERE-FONTE", "Théière en fonte 0,8 L", 1450, "49.00"),
    ("FILTRE-INOX", "Filtre à thé inox", 40, "6.50"),
    ("BOITE-METAL", "Boîte à thé métal", 180, "11.00"),
    ("MIEL-LAV-250", "Miel de lavande 250 g", 380, "9.80"),
    ("BISC-SABLE", "Sablés au beurre", 210, "4.90"),
    ("CUILL-BOIS", "Cuillère à miel en bois", 15, "3.50"),
    ("COFFRET-DECO", "Coffret découverte 6 thés", 540, "29.00"),
    ("PLATEAU-CHENE", "Plateau en chêne", 900, "35.00"),
    ("SUCRE-CANNE", "Sucre de canne en morceaux", 520, "3.90"),
    ("CARTE-CADEAU", "Carte cadeau imprimée", 10, "20.00"),
    ("BOUGIE-THE", "Bougie parfumée thé blanc", 260, "18.00"),
    ("SACHETS-VIDES", "Sachets à thé vides x100", 60, "4.20"),
]
# Products sold by the pack too: (sku, units per pack).
MULTIPACKS = {"BISC-SABLE": 6, "THE-EARL-100": 4}
# Loose goods without any barcode: confirmed with one key at the table.
NO_BARCODE = {"CUILL-BOIS", "CARTE-CADEAU"}

CUSTOMERS = [
    ("Camille Martin", "", "12 rue des Lilas", "", "69003", "Lyon", "", "FR", "+33 6 12 34 56 78"),
    ("Jean-Baptiste Lefèvre", "", "4 place de l'Église", "Bâtiment B", "44000", "Nantes", "", "FR", "06 98 76 54 32"),
    ("Élodie Rousseau", "Atelier Rousseau & Fils", "27 avenue Jean Jaurès", "", "31000", "Toulouse", "", "FR", "05 61 00 00 00"),
    ("Zofia Wójcik", "", "ul. Piotrkowska 104/12", "", "90-006", "Łódź", "łódzkie", "PL", "+48 42 123 45 67"),
    ("Grzegorz Brzęczyszczykiewicz", "", "ul. Świętokrzyska 18", "", "00-052", "Warszawa", "", "PL", "+48 22 555 01 02"),
    ("Γιώργος Παπαδόπουλος", "", "Οδός Ερμού 25", "", "105 63", "Αθήνα", "Αττική", "GR", "+30 21 0123 4567"),
    ("Ελένη Κωνσταντίνου", "", "Τσιμισκή 43", "3ος όροφος", "546 23", "Θεσσαλονίκη", "", "GR", "+30 2310 222 333"),
    ("Иван Петров", "", "бул. Витоша 15", "ет. 2, ап. 5", "1000", "София", "", "BG", "+359 2 987 6543"),
    ("Мария Георгиева", "", "ул. Княз Борис I 77", "", "9000", "Варна", "", "BG", "+359 52 600 700"),
    ("Lukas Müller", "", "Bahnhofstrasse 7", "", "8001", "Zürich", "ZH", "CH", "+41 44 123 45 67"),
    ("João Conceição", "", "Rua Augusta 200", "2º Esq.", "1100-053", "Lisboa", "", "PT", "+351 21 000 0000"),
    ("Sofie De Smet", "", "Korenmarkt 3", "", "9000", "Gent", "", "BE", "+32 9 123 45 67"),
    ("Lucía Fernández", "", "Calle de Alcalá 45", "", "28014", "Madrid", "", "ES", "+34 91 123 45 67"),
    ("Giulia Ricci", "Bottega Ricci S.r.l.", "Via dei Coronari 12", "", "00186", "Roma", "RM", "IT", "+39 06 1234 5678"),
    ("Anouk de Vries", "", "Prinsengracht 263", "", "1016 GV", "Amsterdam", "", "NL", "+31 20 555 0000"),
    ("Søren Østergaard", "", "Nørrebrogade 10", "", "2200", "København N", "", "DK", "+45 33 12 34 56"),
]
SHIPPING = [("Colissimo Domicile", "standard", 6), ("Colissimo Expert", "express", 1),
            ("Chronopost 13h", "express", 2), ("Mondial Relay Point Relais", "standard", 3),
            ("DPD Predict", "standard", 2)]
NOTES = ["", "", "", "", "Merci de glisser un petit mot : c'est un cadeau !",
         "Sonnette en panne, frapper fort.", "Pas de facture dans le colis (cadeau)."]
PACKERS = [("BADGE-ALICE", "Alice"), ("BADGE-BENOIT", "Benoît"), ("BADGE-STAGIAIRE", "Stagiaire")]


def _bin_for(index: int) -> str:
    aisle = "ABC"[index % 3]
    return f"{aisle}-{index // 3 + 1:02d}-{index % 4 + 1}"


def demo_products(rng: random.Random) -> list[ImportedProduct]:
    products = []
    for index, (sku, name, weight, _) in enumerate(CATALOGUE):
        codes: list[ProductCode] = []
        if sku not in NO_BARCODE:
            body = f"376{rng.randrange(10**9):09d}"  # 376 = GS1 France… kept fictional
            codes.append(ProductCode(body + gtin.check_digit(body)))
            if sku in MULTIPACKS:
                pack = f"376{rng.randrange(10**9):09d}"
                codes.append(ProductCode(pack + gtin.check_digit(pack), MULTIPACKS[sku]))
        products.append(ImportedProduct(line=index + 2, sku=sku, name=name, codes=codes,
                                        weight_g=weight, stock=rng.randint(20, 120),
                                        bin=_bin_for(index)))
    return products


def demo_orders(rng: random.Random, count: int, now: dt.datetime,
                products: list[ImportedProduct]) -> list[ImportedOrder]:
    by_sku = {product.sku: product for product in products}
    prices = {sku: Decimal(price) for sku, _, _, price in CATALOGUE}
    methods = [method for method, _, weight in SHIPPING for _ in range(weight)]
    services = {method: service for method, service, _ in SHIPPING}
    orders = []
    for number in range(count):
        customer = rng.choice(CUSTOMERS)
        name, company, address1, address2, postcode, city, region, country, phone = customer
        method = rng.choice(methods)
        ordered_at = now - dt.timedelta(minutes=rng.randint(10, 3 * 24 * 60))
        lines = []
        for sku in rng.sample(list(by_sku), rng.choice([1, 1, 1, 2, 2, 3, 4])):
            product = by_sku[sku]
            quantity = rng.choice([1, 1, 1, 2, 3]) if sku not in MULTIPACKS else rng.choice([1, 2, 6])
            lines.append(ImportedLine(line=0, sku=sku, name=product.name, quantity=quantity,
                                      codes=[], unit_price=prices[sku], weight_g=product.weight_g,
                                      bin=product.bin))
        email_name = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum()) or "client"
        orders.append(ImportedOrder(
            ref=f"CMD-{1001 + number}", line=0, source="demo", external_id=str(5000 + number),
            ordered_at=ordered_at, carrier=method, service=services[method], customer_name=name,
            address=ImportedAddress(name, company, address1, address2, postcode, city, region,
                                    country, phone, f"{email_name}{number}@example.com"),
            billing_country=country, currency="EUR",
            total=sum((line.unit_price * line.quantity for line in lines), Decimal("0")),
            note=rng.choice(NOTES), risk=rng.choice(["low"] * 8 + ["medium"]), tracking="",
            lines=lines))
    orders.sort(key=lambda order: order.ordered_at)
    for number, order in enumerate(orders):
        order.ref = f"CMD-{1001 + number}"
    return orders


def fill_demo(orders: int = 50, seed: int | None = None, *, now: dt.datetime | None = None,
              station: str = "") -> ImportReport:
    """Add a demo shop to the open database (carriers, packers, products, orders)."""
    rng = random.Random(seed)
    now = now or dt.datetime.now(dt.timezone.utc)
    ensure_carriers(station=station)
    if not shop_settings().configured:
        save_shop_settings(DEMO_SHOP, station=station)
    for badge, name in PACKERS:
        Packer.get_or_create(badge=badge, defaults={"name": name})
    products = demo_products(rng)
    known = {product.sku for product in Product.select(Product.sku)}
    parsed = ParsedFile(path="demo", format="demo", encoding="utf-8", delimiter=",",
                        products=[product for product in products if product.sku not in known],
                        orders=demo_orders(rng, orders, now, products))
    return Importer(station=station, clock=lambda: now).apply(parsed)
