"""A realistic demo shop: products with valid EANs, bins, weights and stock; customers
across Europe (Polish, Greek and Bulgarian addresses among them); several carriers;
orders from the last days. The same ``seed`` gives the same shop. It goes through the
importer, like a real shop's file would."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from packstation.core import gtin, i18n
from packstation.core.errors import InputError
from packstation.core.scan import ProductCode
from packstation.db import atomic
from packstation.db.models import (
    Barcode, Carrier, Event, Order, OrderLine, OrderStatus, Packer, Product, ScanRecord, Shipment,
)
from packstation.db.queries import bulk_insert
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_ZONE
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


# -- a year at the table -------------------------------------------------------------------

#: Parcels a day in the history (DESIGN.md: 10 to 300), and the working days' hours.
HISTORY_PER_DAY = 300
_STATIONS = ("Table 1", "Table 2")


@dataclass
class HistoryReport:
    days: int
    orders: int
    scans: int
    events: int
    seconds: float

    def summary(self) -> str:
        return i18n.tr("demo.history", days=self.days, orders=self.orders, scans=self.scans,
                       events=self.events, seconds=f"{self.seconds:.1f}")


def fill_history(days: int, seed: int | None = None, *, per_day: int = HISTORY_PER_DAY,
                 now: dt.datetime | None = None, station: str = "") -> HistoryReport:
    """Add ``days`` past days of packed and shipped orders to the demo shop, with their
    lines, shipments, scans and events, as a real shop has them after that time (a year
    at 300 parcels a day is about 100,000 orders): for statistics, the pace projection
    and the benchmarks. Bulk inserts, one transaction per day or so; the products and
    carriers come from :func:`fill_demo` (run first).

    Sundays are closed; about one order in a hundred had a wrong item
    scanned on the way, one in fifty a misread. The newest day's parcels are packed but
    not yet handed over; every older one is shipped.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    now = now or dt.datetime.now(dt.timezone.utc)
    products = list(Product.select(Product.id, Product.sku, Product.name, Product.weight_g,
                                   Product.bin).order_by(Product.id))
    carriers = [carrier.id for carrier in Carrier.select(Carrier.id).order_by(Carrier.id)]
    packers = [name for _, name in PACKERS]
    if not products or not carriers:
        raise InputError("demo.history_needs_shop")
    codes = {product_id: code for code, product_id in
             Barcode.select(Barcode.code, Barcode.product).where(Barcode.units == 1).tuples()}
    serial = Shipment.select(fn.COUNT(Shipment.id)).scalar() or 0
    counts = {"orders": 0, "scans": 0, "events": 0}
    today = now.astimezone(SHOP_ZONE).date()
    batch: list[tuple[dt.date, int]] = []
    for back in range(days, 0, -1):
        day = today - dt.timedelta(days=back)
        weekday = day.weekday()
        if weekday == 6:
            continue
        batch.append((day, max(1, int(per_day * rng.uniform(0.9, 1.2)))))
        if sum(count for _, count in batch) >= 3000 or back == 1:
            serial = _history_days(batch, rng, products, carriers, packers, codes, serial,
                                   counts, last_day=today - dt.timedelta(days=1), station=station)
            batch = []
    if batch:
        _history_days(batch, rng, products, carriers, packers, codes, serial, counts,
                      last_day=today - dt.timedelta(days=1), station=station)
    return HistoryReport(days, counts["orders"], counts["scans"], counts["events"],
                         time.perf_counter() - started)


def _history_days(days: list[tuple[dt.date, int]], rng: random.Random, products, carriers,
                  packers, codes, serial: int, counts: dict, *, last_day: dt.date,
                  station: str) -> int:
    orders, plans = [], []
    for day, parcels in days:
        opening = dt.datetime.combine(day, dt.time(8, 30), SHOP_ZONE)
        for number in range(parcels):
            serial += 1
            packed_at = opening + dt.timedelta(seconds=number * 6 * 3600 / parcels + rng.randint(0, 60))
            seconds = rng.uniform(35, 140)
            claimed_at = packed_at - dt.timedelta(seconds=seconds)
            # Past parcels carry no tracking number: a demo never shows one a carrier
            # did not issue (the shop's own labels have none).
            tracking = None
            shipped = day < last_day
            ref = f"H{day:%y%m%d}-{number + 1:04d}"
            orders.append({
                "ref": ref, "source": "demo", "external_id": f"h{serial}",
                "ordered_at": claimed_at - dt.timedelta(hours=rng.uniform(2, 40)),
                "imported_at": claimed_at - dt.timedelta(hours=1), "updated_at": packed_at,
                "status": OrderStatus.SHIPPED if shipped else OrderStatus.PACKED,
                "carrier": rng.choice(carriers), "customer_name": rng.choice(CUSTOMERS)[0],
                "address1": "1 rue de la Paix", "postcode": "75002", "city": "Paris",
                "country": "FR", "currency": "EUR", "tracking": tracking,
                "claimed_packer": rng.choice(packers), "claimed_at": claimed_at,
            })
            plans.append((ref, packed_at, claimed_at, seconds, tracking, shipped,
                          rng.sample(products, rng.choice([1, 1, 1, 2, 2, 3]))))
    with atomic():
        bulk_insert(Order, orders)
        ids = dict(Order.select(Order.ref, Order.id)
                   .where(Order.ref.in_([plan[0] for plan in plans])).tuples())
        lines, shipments = [], []
        for ref, packed_at, claimed_at, seconds, tracking, shipped, chosen in plans:
            for position, product in enumerate(chosen, start=1):
                quantity = rng.choice([1, 1, 1, 2, 3])
                lines.append({"order": ids[ref], "position": position, "product": product.id,
                              "sku": product.sku, "name": product.name, "quantity": quantity,
                              "verified": quantity, "weight_g": product.weight_g,
                              "bin": product.bin})
        bulk_insert(OrderLine, lines)
        line_rows = defaultdict(list)
        for line_id, order_id, product_id, quantity, weight in (
                OrderLine.select(OrderLine.id, OrderLine.order, OrderLine.product,
                                 OrderLine.quantity, OrderLine.weight_g)
                .where(OrderLine.order.in_(list(ids.values()))).tuples()):
            line_rows[order_id].append((line_id, product_id, quantity, weight or 0))
        scans, events = [], []
        for ref, packed_at, claimed_at, seconds, tracking, shipped, _ in plans:
            order_id = ids[ref]
            packer = rng.choice(packers)
            table = station or rng.choice(_STATIONS)
            weight = sum(q * w for _, _, q, w in line_rows[order_id]) + 150
            shipments.append({"order": order_id, "tracking": tracking, "weight_g": weight,
                              "packer": packer, "station": table, "packed_at": packed_at,
                              "packing_seconds": seconds,
                              "handed_over_at": packed_at.replace(hour=14) + dt.timedelta(hours=1)
                              if shipped else None})
            at = claimed_at
            scans.append({"at": at, "station": table, "packer": packer, "order": order_id,
                          "line": None, "raw": ref, "code": ref, "outcome": "order_opened",
                          "units": 0})
            events.append({"at": at, "station": table, "packer": packer, "order": order_id,
                           "kind": "claimed", "reason": "", "data": None})
            units = sum(q for _, _, q, _ in line_rows[order_id]) or 1
            step = dt.timedelta(seconds=seconds / (units + 1))
            for line_id, product_id, quantity, _ in line_rows[order_id]:
                code = codes.get(product_id, "")
                for _ in range(quantity):
                    at += step
                    if rng.random() < 0.01:
                        scans.append({"at": at, "station": table, "packer": packer,
                                      "order": order_id, "line": None, "raw": "3760000000000",
                                      "code": "3760000000000", "outcome": "wrong_item", "units": 0})
                    if rng.random() < 0.02:
                        scans.append({"at": at, "station": table, "packer": packer,
                                      "order": order_id, "line": None, "raw": code[:-1] or "?",
                                      "code": code[:-1] or "?", "outcome": "misread", "units": 0})
                    scans.append({"at": at, "station": table, "packer": packer, "order": order_id,
                                  "line": line_id, "raw": code or ":confirm", "code": code,
                                  "outcome": "verified" if code else "confirmed", "units": 1})
            events.append({"at": packed_at, "station": table, "packer": packer, "order": order_id,
                           "kind": "completed", "reason": "",
                           "data": {"tracking": tracking, "weight_g": weight, "computed_weight_g": weight}})
            if shipped:
                events.append({"at": packed_at.replace(hour=14) + dt.timedelta(hours=1),
                               "station": table, "packer": packer, "order": order_id,
                               "kind": "handed_over", "reason": "", "data": {"tracking": tracking}})
        bulk_insert(Shipment, shipments)
        bulk_insert(ScanRecord, scans)
        bulk_insert(Event, events)
    counts["orders"] += len(plans)
    counts["scans"] += len(scans)
    counts["events"] += len(events)
    return serial


i18n.register({
    "demo.history": ("Historique : {days} jours, {orders} commandes emballées, {scans} scans, "
                     "{events} événements ({seconds} s).",
                     "History: {days} days, {orders} packed orders, {scans} scans, {events} "
                     "events ({seconds} s)."),
    "demo.history_needs_shop": ("L'historique de démonstration s'ajoute à une boutique de "
                                "démonstration : ses produits et transporteurs manquent.",
                                "The demo history is added to a demo shop: its products and "
                                "carriers are missing."),
})
