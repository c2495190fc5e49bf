"""Column-mapping profiles: other shops' exports read through the generic builder."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from packstation.core.errors import InputError
from packstation.core.scan import ProductCode
from packstation.io import detect_format, parse
from packstation.io.fields import DEFAULT_TIMEZONE as PARIS
from packstation.io.profiles import (
    Profile, ProfileOptions, builtin_profiles, load_profiles, parse_with_profile,
    profile_from_toml, save_profile,
)

PRESTASHOP_HEADER = [
    "ID commande", "Référence", "Date", "État", "Transporteur", "Prénom livraison",
    "Nom livraison", "Société livraison", "Adresse livraison", "Adresse livraison (2)",
    "Code postal livraison", "Ville livraison", "Pays ISO livraison", "Téléphone livraison",
    "Email", "Référence produit", "EAN13", "Nom produit", "Quantité", "Prix unitaire TTC",
    "Poids", "Total payé TTC", "Message",
]


def prestashop_row(**values: str) -> dict:
    row = {"ID commande": "318", "Référence": "XKBKNABJK", "Date": "25/11/2026 09:05:00",
           "État": "Paiement accepté", "Transporteur": "Colissimo", "Prénom livraison": "Klaus",
           "Nom livraison": "Müller", "Adresse livraison": "8 rue de l'Église",
           "Code postal livraison": "67000", "Ville livraison": "Strasbourg",
           "Pays ISO livraison": "FR", "Téléphone livraison": "0388000000",
           "Email": "klaus@example.fr", "Référence produit": "CREME-01", "EAN13": "3017620422003",
           "Nom produit": "Crème brûlée", "Quantité": "2", "Prix unitaire TTC": "4,50",
           "Poids": "0,250000", "Total payé TTC": "1 009,00", "Message": ""}
    row.update(values)
    return row


def test_the_example_profiles_ship_and_load():
    profiles = {profile.name: profile for profile in builtin_profiles()}
    assert set(profiles) == {"woocommerce", "woocommerce-classic", "prestashop", "etsy",
                             "amazon"}
    assert profiles["woocommerce"].columns["customer_name"] == [
        "First Name (Shipping)", "Last Name (Shipping)"]
    assert profiles["woocommerce-classic"].columns["customer_name"] == [
        "Shipping First Name", "Shipping Last Name"]
    assert profiles["prestashop"].options.weight_unit == "kg"


def test_a_woocommerce_export_through_its_profile(fixtures):
    path = fixtures / "woocommerce_orders.csv"
    assert detect_format(path) == "woocommerce-classic"
    parsed = parse(path)
    assert parsed.errors == []
    assert parsed.format == "woocommerce-classic"
    orders = {order.ref: order for order in parsed.orders}
    assert list(orders) == ["2201", "2202", "2203"]
    moscow = orders["2201"]
    assert moscow.source == "woocommerce-classic"
    assert moscow.customer_name == "Иван Петров"           # two columns joined
    assert (moscow.address.address1, moscow.address.city, moscow.address.country) == (
        "ул. Тверская, 7", "Москва", "RU")
    assert moscow.ordered_at == datetime(2026, 11, 25, 9, 41, 7, tzinfo=PARIS)
    assert [(line.sku, line.quantity, line.unit_price) for line in moscow.lines] == [
        ("TEA-SEN-100", 2, Decimal("11.40")), ("INF-01", 1, Decimal("7.00"))]
    assert (moscow.total, moscow.currency, moscow.external_id) == (
        Decimal("44.80"), "EUR", "2201")
    assert orders["2202"].skip_reason == "fulfilled"         # "Completed"
    assert orders["2203"].service == "express"
    assert orders["2203"].address.company == "Müller GmbH"


def test_a_prestashop_export_in_windows_1252(write_csv):
    path = write_csv("commandes.csv", PRESTASHOP_HEADER, [
        prestashop_row(),
        prestashop_row(**{"Référence produit": "TEA-SEN-100", "EAN13": "036000291452",
                          "Nom produit": "Thé vert Sencha", "Quantité": "1",
                          "Prix unitaire TTC": "11,40", "Poids": "0,120000"}),
        prestashop_row(**{"ID commande": "319", "Référence": "QWERTYUIO", "État": "Annulé",
                          "Nom livraison": "Dubois"}),
    ], encoding="cp1252", delimiter=";")
    parsed = parse(path)
    assert parsed.errors == []
    assert (parsed.format, parsed.encoding, parsed.delimiter) == ("prestashop", "cp1252", ";")
    first, cancelled = parsed.orders
    assert (first.ref, first.external_id, first.customer_name) == (
        "XKBKNABJK", "318", "Klaus Müller")
    assert first.address.address1 == "8 rue de l'Église"
    assert first.ordered_at == datetime(2026, 11, 25, 9, 5, tzinfo=PARIS)
    assert (first.currency, first.total) == ("EUR", Decimal("1009.00"))   # from [defaults]
    assert [(line.name, list(line.codes), line.unit_price, line.weight_g) for line in first.lines] == [
        ("Crème brûlée", [ProductCode("3017620422003")], Decimal("4.50"), 250),
        ("Thé vert Sencha", [ProductCode("0036000291452")], Decimal("11.40"), 120),
    ]
    assert cancelled.skip_reason == "cancelled"


def test_profile_errors_name_the_files_own_columns(write_csv, english):
    path = write_csv("commandes.csv", PRESTASHOP_HEADER, [
        prestashop_row(),
        prestashop_row(**{"Transporteur": "DPD"}),
        prestashop_row(**{"Référence": "", "Quantité": "0"}),
    ], delimiter=";")
    parsed = parse(path, format="prestashop")
    assert [(error.line, error.key) for error in parsed.errors] == [
        (3, "csv.conflict"), (4, "csv.missing_ref")]
    assert 'already has Transporteur "Colissimo"' in parsed.errors[0].reason
    assert "(Référence column)" in parsed.errors[1].reason


def test_a_file_without_a_mapped_column_is_one_error_at_line_1(write_csv, english):
    header = [column for column in PRESTASHOP_HEADER if column != "Poids"]
    path = write_csv("commandes.csv", header, [prestashop_row()], delimiter=";")
    parsed = parse(path, format="prestashop")
    assert [(error.line, error.key) for error in parsed.errors] == [(1, "profile.missing_columns")]
    assert parsed.errors[0].reason == (
        "The file lacks columns the profile prestashop expects: Poids.")


def test_matches_needs_every_detect_header_in_any_case():
    profile = Profile(name="boutique", columns={"order_ref": "N°", "order_date": "Le",
                                                "quantity": "Qté", "sku": "Réf"},
                      detect=["N°", "Réf"])
    assert profile.matches(["n°", " RÉF ", "Le", "Qté"])
    assert not profile.matches(["N°", "Le", "Qté"])
    assert Profile(name="b", columns=profile.columns).matches(["N°", "Le", "Qté", "Réf"])
    assert not Profile(name="b", columns=profile.columns).matches(["N°", "Le", "Qté"])


def test_save_and_load_round_trip(tmp_path):
    profile = Profile(
        name="ma boutique/v2", description="Export « maison »",
        columns={"order_ref": "Commande", "order_date": "Date", "quantity": "Qté",
                 "sku": "Réf", "customer_name": ["Prénom", "Nom"], "note": 'Note "client"'},
        detect=["Commande", "Réf"],
        options=ProfileOptions(date_format="%d.%m.%Y", decimal=",", delimiter="\t",
                               timezone="Europe/Zurich", weight_unit="kg"),
        defaults={"currency": "CHF", "country": "CH"},
    )
    path = save_profile(profile, tmp_path / "profils")
    assert path.name == "ma-boutique-v2.toml"
    assert [p.name for p in (tmp_path / "profils").iterdir()] == ["ma-boutique-v2.toml"]
    [loaded] = load_profiles(tmp_path / "profils")
    assert loaded.origin == str(path)
    for attribute in ("name", "description", "columns", "detect", "options", "defaults"):
        assert getattr(loaded, attribute) == getattr(profile, attribute)


def test_a_saved_profile_reads_its_file(tmp_path, write_csv):
    profile = Profile(name="caisse", columns={
        "order_ref": "Ticket", "order_date": "Le", "quantity": "Qté", "ean": "Code",
        "customer_name": "Client", "address1": "Adresse", "city": "Ville"},
        options=ProfileOptions(date_format="%d.%m.%Y %H:%M"), defaults={"country": "CH"})
    save_profile(profile, tmp_path / "profils")
    path = write_csv("ventes.csv", ["Ticket", "Le", "Qté", "Code", "Client", "Adresse", "Ville"],
                     [["T-1", "25.11.2026 14:05", "3", "4006381333931*6", "Jürg", "Gasse 1", "Bern"]])
    user_profiles = load_profiles(tmp_path / "profils")
    assert detect_format(path, user_profiles) == "caisse"
    parsed = parse(path, profiles=user_profiles)
    assert parsed.errors == []
    [order] = parsed.orders
    assert order.address.country == "CH"
    assert order.ordered_at == datetime(2026, 11, 25, 14, 5, tzinfo=PARIS)
    assert list(order.lines[0].codes) == [ProductCode("4006381333931", 6)]


def test_a_users_profile_overrides_the_example_of_the_same_name(fixtures):
    mine = Profile(name="woocommerce-classic", columns={
        "order_ref": "Order ID", "order_date": "Order Date", "quantity": "Quantity",
        "sku": "SKU", "customer_name": "Shipping Last Name", "address1": "Shipping Address 1",
        "city": "Shipping City", "country": "Shipping Country"})
    parsed = parse(fixtures / "woocommerce_orders.csv", format="woocommerce-classic",
                   profiles=[mine])
    assert parsed.errors == []
    assert parsed.orders[0].customer_name == "Петров"


def test_load_profiles_of_a_missing_folder_is_empty(tmp_path):
    assert load_profiles(tmp_path / "none") == []


VALID = '''name = "x"
[columns]
order_ref = "A"
order_date = "B"
quantity = "C"
sku = "D"
'''


@pytest.mark.parametrize(("text", "key"), [
    ("name = ", "profile.bad_toml"),
    (VALID.replace('name = "x"', ""), "profile.missing_name"),
    (VALID.replace('name = "x"', 'name = "generic"'), "profile.reserved_name"),
    (VALID + 'colour = "E"\n', "profile.unknown_field"),
    (VALID.replace('quantity = "C"\n', ""), "profile.missing_fields"),
    (VALID.replace('sku = "D"\n', ""), "profile.missing_fields"),
    (VALID + '[options]\ndecimal = ";"\n', "profile.bad_value"),
    (VALID + '[options]\ntimezone = "Mars/Olympus"\n', "profile.bad_value"),
    (VALID + '[options]\nweight_unit = "lb"\n', "profile.bad_value"),
    (VALID + '[options]\nspeed = "fast"\n', "profile.unknown_key"),
    (VALID.replace('sku = "D"', "sku = 4"), "profile.bad_value"),
    ('extra = 1\n' + VALID, "profile.unknown_key"),
])
def test_broken_profiles_are_refused_with_a_reason(text, key):
    with pytest.raises(InputError) as caught:
        profile_from_toml(text, "mine.toml")
    assert caught.value.key == key
    assert caught.value.params["path"] == "mine.toml"
    assert caught.value.message        # renders in the current language


def test_a_broken_profile_in_a_folder_is_not_skipped(tmp_path):
    (tmp_path / "a.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.toml").write_text(VALID.replace("sku", "colour"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_profiles(tmp_path)
    assert caught.value.params["path"] == str(tmp_path / "b.toml")


def test_two_profiles_with_one_name_are_refused(tmp_path):
    (tmp_path / "a.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.toml").write_text(VALID, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_profiles(tmp_path)
    assert caught.value.key == "profile.duplicate_name"


def test_parse_with_profile_forces_the_profiles_delimiter(tmp_path):
    client = "Client (nom, prénom, titre, civilité, surnom, alias)"
    profile = profile_from_toml(
        VALID + f'customer_name = "{client}"\n[options]\ndelimiter = ";"\n'
        '[defaults]\naddress1 = "Rue"\ncity = "Ville"\ncountry = "FR"\n')
    path = tmp_path / "x.csv"
    # Sniffed alone, this header has more commas than semicolons: the profile knows better.
    path.write_text(f"A;B;C;D;{client}\n1;25/11/2026;2;S;Nom, Prénom\n", encoding="utf-8")
    parsed = parse_with_profile(path, profile)
    assert parsed.delimiter == ";"
    assert parsed.errors == []
    assert parsed.orders[0].customer_name == "Nom, Prénom"
    assert parse(path, format="x", profiles=[profile]).orders == parsed.orders


def test_unknown_files_and_format_names(tmp_path, english):
    path = tmp_path / "bank.csv"
    path.write_text("Date,Montant\n25/11/2026,12\n", encoding="utf-8")
    assert detect_format(path) == "unknown"
    parsed = parse(path)
    assert [(error.line, error.key) for error in parsed.errors] == [(1, "import.unknown_format")]
    assert "woocommerce" in parsed.errors[0].reason
    with pytest.raises(InputError) as caught:
        parse(path, format="magento")
    assert caught.value.key == "import.no_such_format"


def test_the_readme_profile_example_loads_and_reads_a_file(write_csv):
    """The example in the README is a working profile: its new keys do what it says."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(name = \"ma-boutique\".*?)```", readme, re.S).group(1)
    profile = profile_from_toml(block, "README.md")
    header = ["N° commande", "Date commande", "Statut", "Livraison", "Prénom", "Nom",
              "Adresse", "Code postal", "Ville", "Pays livraison", "Référence", "ID annonce",
              "Variante", "Quantité", "Date d'expédition"]          # no Société, Message...
    path = write_csv("commandes.csv", header, [
        ["M-1", "25/11/2026 10:00", "Payée", "Chronopost 24h", "Ana", "Silva", "Rua A 1",
         "1000-001", "Lisboa", "Portugal", "", "77", "Bleu", "2", ""],
        ["M-2", "25/11/2026 11:00", "En attente de paiement", "Colissimo", "Jo", "Lee",
         "1 rue B", "75001", "Paris", "France", "TEA", "", "", "1", ""],
        ["M-3", "25/11/2026 12:00", "Payée", "Colissimo", "Jo", "Lee", "1 rue B", "75001",
         "Paris", "France", "TEA", "", "", "1", "26/11/2026"],
    ], delimiter=";")
    assert detect_format(path, [profile]) == "ma-boutique"
    parsed = parse(path, profiles=[profile])
    assert parsed.errors == []
    orders = {order.ref: order for order in parsed.orders}
    assert (orders["M-1"].address.country, orders["M-1"].service) == ("PT", "express")
    assert orders["M-1"].lines[0].sku == "77 Bleu"                    # the fallback columns
    assert orders["M-2"].skip_reason == "unpaid"                     # a value map
    assert orders["M-3"].skip_reason == "fulfilled"                  # sent_when_filled
