"""Holds against card fraud: each rule through a real import, the table refusing a held
order, and releasing or cancelling it with a reason and a name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from packstation.core.errors import InputError, StateError
from packstation.core.packing import Outcome
from packstation.db.models import Event, Order, OrderStatus, Product
from packstation.services.context import StationConfig
from packstation.services.holds import cancel, hold_rules, release
from packstation.services.importing import Importer
from packstation.services.settings import HoldSettings, save_hold_settings
from packstation.services.station import build_station
from tests.helpers import GENERIC_COLUMNS, TEA, row, write_csv

COLUMNS = GENERIC_COLUMNS + ["billing_country", "total"]
NO_RULE = HoldSettings(hold_risk_levels=[], hold_country_mismatch=False, hold_total_above=None,
                       hold_first_order_express=False)


def import_with(tmp_path, settings: HoldSettings, *rows: dict, name: str = "orders.csv"):
    report = Importer(station="Bureau", hold_rules=hold_rules(settings)).import_file(
        write_csv(tmp_path / name, list(rows), columns=COLUMNS))
    assert report.ok, report.errors
    return report


def order_row(ref: str = "F-1", **values) -> dict:
    return row(ref, "TEA", 1, ean=TEA, **values)


@pytest.mark.parametrize("rule, values, reason", [
    ({"hold_risk_levels": ["high"]}, {"risk": "High"}, "risque élevé selon la boutique"),
    ({"hold_country_mismatch": True}, {"billing_country": "DE"},
     "pays de facturation DE différent du pays de livraison PL"),
    ({"hold_total_above": "500"}, {"total": "612,50"}, "montant 612.50 EUR au-dessus de 500 EUR"),
    ({"hold_first_order_express": True}, {"service": "express"}, "première commande du client, en express"),
    # Chronopost is express whatever the service the shop wrote.
    ({"hold_first_order_express": True}, {"carrier": "Chronopost 13h", "service": "standard"},
     "première commande du client, en express"),
    ({"deny_emails": [" Fraud@Example.com "]}, {"email": "fraud@example.COM"},
     "adresse e-mail fraud@example.COM sur la liste noire"),
    ({"deny_addresses": ["12, Rue de l'Église"]}, {"address1": "12 rue de l eglise", "city": "Paris"},
     "adresse de livraison sur la liste noire"),
])
def test_each_rule_holds_an_order_at_import(db, tmp_path, rule, values, reason):
    import_with(tmp_path, replace(NO_RULE, **rule), order_row("F-1", **values), order_row("OK-2"))
    held, fine = Order.get(Order.ref == "F-1"), Order.get(Order.ref == "OK-2")
    assert (held.status, held.hold_reason) == (OrderStatus.ON_HOLD, reason)
    assert fine.status == OrderStatus.PENDING and fine.hold_reason == ""
    event = Event.get((Event.order == held) & (Event.kind == "held"))
    assert (event.station, event.reason) == ("Bureau", reason)


@pytest.mark.parametrize("values", [
    {"risk": "low"}, {"billing_country": "pl"}, {"total": "500.00"}, {"service": "standard"},
    {"email": "fraud@example.org"}, {"address1": "12 rue de l'Église", "city": "Lyon"},
])
def test_orders_that_break_no_rule_stay_pending(sqlite_db, tmp_path, values):
    settings = HoldSettings(hold_risk_levels=["high"], hold_total_above="500",
                            deny_emails=["fraud@example.com"], deny_addresses=["12 rue de l'Église, Paris"])
    import_with(tmp_path, settings, order_row("F-1", **{"email": "zofia@example.com", **values}))
    # F-1 is zofia's first order: standard shipping, so the express rule does not apply.
    assert Order.get(Order.ref == "F-1").status == OrderStatus.PENDING


def test_a_known_customer_is_no_first_order(db, tmp_path):
    settings = replace(NO_RULE, hold_first_order_express=True)
    import_with(tmp_path, settings, order_row("F-1", email="Zofia@Example.com", order_date="2026-11-20 09:00"))
    import_with(tmp_path, settings, order_row("F-2", email="zofia@example.com", service="express"),
                name="later.csv")
    assert Order.get(Order.ref == "F-2").status == OrderStatus.PENDING


def test_several_reasons_are_all_given(sqlite_db, tmp_path):
    settings = replace(NO_RULE, hold_risk_levels=["high"], hold_country_mismatch=True)
    import_with(tmp_path, settings, order_row(risk="high", billing_country="DE"))
    assert Order.get(Order.ref == "F-1").hold_reason == (
        "risque élevé selon la boutique; pays de facturation DE différent du pays de livraison PL")


def test_the_stored_settings_apply_by_default(sqlite_db, tmp_path):
    save_hold_settings(replace(NO_RULE, deny_emails=["zofia@example.com"]))
    Importer(hold_rules=hold_rules()).import_file(write_csv(tmp_path / "o.csv", [order_row()]))
    assert Order.get(Order.ref == "F-1").status == OrderStatus.ON_HOLD


@pytest.mark.parametrize("limit", ["abc", "-5", "NaN"])
def test_a_hold_amount_that_is_no_amount_is_refused(limit):
    with pytest.raises(InputError, match="Montant de blocage"):
        hold_rules(replace(NO_RULE, hold_total_above=limit))


@pytest.fixture
def held(sqlite_db, tmp_path):
    import_with(tmp_path, replace(NO_RULE, hold_risk_levels=["high"]), order_row(risk="high"))
    Product.update(stock=10).execute()
    return Order.get(Order.ref == "F-1")


@pytest.fixture
def station(tmp_path):
    return build_station(StationConfig(station="Table 1", output_dir=str(tmp_path / "out")),
                         packer="Alice")


def test_a_held_order_cannot_be_opened(held, station):
    answer = station.handle("F-1")
    assert answer.outcome is Outcome.ORDER_ON_HOLD and not answer.ok
    assert "bloquée (risque élevé selon la boutique)" in answer.message
    assert Order.get_by_id(held.id).status == OrderStatus.ON_HOLD
    assert station.handle(":next").outcome is Outcome.QUEUE_EMPTY


def test_release_with_a_reason_puts_it_back_in_the_queue(held, station):
    released = release("F-1", reason="client rappelé, carte vérifiée", by="Claire", station="Bureau")
    assert (released.status, released.hold_reason) == (OrderStatus.PENDING, "")
    event = Event.get((Event.order == held) & (Event.kind == "released"))
    assert (event.packer, event.station, event.reason) == ("Claire", "Bureau", "client rappelé, carte vérifiée")
    assert station.handle("F-1").outcome is Outcome.ORDER_OPENED


def test_cancel_with_a_reason(held):
    cancelled = cancel("F-1", reason="fraude confirmée", by="Claire")
    assert cancelled.status == OrderStatus.CANCELLED
    assert Event.get((Event.order == held) & (Event.kind == "cancelled")).packer == "Claire"


@pytest.mark.parametrize("reason, by, error, words", [
    ("", "Claire", InputError, "raison"),
    ("ok", " ", InputError, "votre nom"),
])
def test_release_needs_a_reason_and_a_name(held, reason, by, error, words):
    with pytest.raises(error, match=words):
        release("F-1", reason=reason, by=by)
    assert Order.get_by_id(held.id).status == OrderStatus.ON_HOLD
    assert not Event.select().where(Event.kind == "released").exists()


def test_only_a_held_order_can_be_released(held):
    release("F-1", reason="vérifiée", by="Claire")
    with pytest.raises(StateError, match="en attente"):
        release("F-1", reason="encore", by="Claire")
    assert Event.select().where(Event.kind == "released").count() == 1


def test_the_older_of_two_new_orders_in_one_file_is_the_first(db, tmp_path):
    settings = replace(NO_RULE, hold_first_order_express=True)
    import_with(tmp_path, settings,
                order_row("F-2", service="express", order_date="2026-11-25 10:00"),
                order_row("F-1", service="express", order_date="2026-11-25 09:00"))
    assert {order.ref: order.status for order in Order.select()} == {
        "F-1": OrderStatus.ON_HOLD, "F-2": OrderStatus.PENDING}


def test_a_cancelled_order_does_not_make_a_customer_known(sqlite_db, tmp_path):
    settings = replace(NO_RULE, hold_first_order_express=True)
    import_with(tmp_path, settings, order_row("F-1", order_date="2026-11-20 09:00"))
    cancel("F-1", reason="fraude", by="Claire")
    import_with(tmp_path, settings, order_row("F-2", service="express"), name="later.csv")
    assert Order.get(Order.ref == "F-2").status == OrderStatus.ON_HOLD
