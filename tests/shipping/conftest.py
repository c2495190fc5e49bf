"""A shop on a real SQLite file whose carriers have label accounts at local stand-ins."""

from __future__ import annotations

import pytest

from tests.helpers import import_rows, row
from tests.shipping import standins


@pytest.fixture
def colissimo():
    service = standins.ColissimoSLS()
    yield service
    service.close()


@pytest.fixture
def sendcloud():
    service = standins.Sendcloud()
    yield service
    service.close()


@pytest.fixture
def mondial_relay():
    service = standins.MondialRelay()
    yield service
    service.close()


def station_toml(*, colissimo_url="https://ws.colissimo.fr/sls-ws/SlsServiceWSRest/2.0",
                 colissimo_format="pdf", sendcloud_url="", mondial_relay_url="",
                 mondial_relay_label_url="", chronopost_url="https://ws.chronopost.fr/shipping-cxf/ShippingServiceWS",
                 chronopost_format="pdf", gls_url="https://api.gls-group.eu/public/v1/shipit-farm/backend",
                 gls_format="pdf", dpd_url="https://e-station.cargonet.software/dpd-eprintwebservice/eprintwebservice.asmx") -> str:
    text = f'''
[station]
name = "Table 1"

[[carriers]]
code = "colissimo"
name = "Colissimo"
pickup = {{ mon = "15:00", tue = "15:00", wed = "15:00", thu = "15:00", fri = "15:00" }}
match = ["Colissimo*"]
label = {{ provider = "colissimo", url = "{colissimo_url}", contract = "{standins.COLISSIMO_CONTRACT}", password = "env:COLISSIMO_PASSWORD", format = "{colissimo_format}" }}

[[carriers]]
code = "sendcloud"
name = "Sendcloud"
match = ["Sendcloud*"]
# the sub-table form reads the same as an inline table
[carriers.label]
provider = "sendcloud"
url = "{sendcloud_url or 'https://panel.sendcloud.sc/api/v2'}"
public_key = "{standins.SENDCLOUD_PUBLIC}"
secret_key = "env:SENDCLOUD_SECRET"
shipping_method = 8
shipping_method_relay = 1343

[[carriers]]
code = "mondial_relay"
name = "Mondial Relay"
match = ["Mondial*"]
label = {{ provider = "mondial_relay", url = "{mondial_relay_url or 'https://api.mondialrelay.com/Web_Services.asmx'}", enseigne = "{standins.MR_ENSEIGNE}", private_key = "env:MR_KEY", label_url = "{mondial_relay_label_url or 'https://www.mondialrelay.com'}" }}

[[carriers]]
code = "chronopost"
name = "Chronopost"
match = ["Chrono*"]
label = {{ provider = "chronopost", url = "{chronopost_url}", account_number = "{standins.CHRONO_ACCOUNT}", password = "env:CHRONO_PASSWORD", format = "{chronopost_format}" }}

[[carriers]]
code = "gls"
name = "GLS"
match = ["GLS*"]
label = {{ provider = "gls", url = "{gls_url}", user = "{standins.GLS_USER}", password = "env:GLS_PASSWORD", contact_id = "{standins.GLS_CONTACT}", format = "{gls_format}" }}

[[carriers]]
code = "dpd"
name = "DPD"
match = ["DPD*", "Predict*"]
label = {{ provider = "dpd", url = "{dpd_url}", login = "{standins.DPD_LOGIN}", password = "env:DPD_PASSWORD", customer = "{standins.DPD_CUSTOMER}" }}

[[carriers]]
code = "hand"
name = "Remise en main propre"
match = ["Retrait*"]
'''
    return text


@pytest.fixture
def chronopost():
    service = standins.Chronopost()
    yield service
    service.close()


@pytest.fixture
def gls():
    service = standins.GLS()
    yield service
    service.close()


@pytest.fixture
def dpd():
    service = standins.DPDFrance()
    yield service
    service.close()


@pytest.fixture
def secrets(monkeypatch):
    monkeypatch.setenv("COLISSIMO_PASSWORD", standins.COLISSIMO_PASSWORD)
    monkeypatch.setenv("SENDCLOUD_SECRET", standins.SENDCLOUD_SECRET)
    monkeypatch.setenv("MR_KEY", standins.MR_KEY)
    monkeypatch.setenv("CHRONO_PASSWORD", standins.CHRONO_PASSWORD)
    monkeypatch.setenv("GLS_PASSWORD", standins.GLS_PASSWORD)
    monkeypatch.setenv("DPD_PASSWORD", standins.DPD_PASSWORD)


@pytest.fixture
def make_shop(tmp_path, secrets):
    """make_shop(**urls) -> the station config, with the shop open and its orders imported."""
    from packstation.db import close
    from packstation.services.context import load_config
    from packstation.services.settings import ShopSettings, save_shop_settings
    from packstation.services.shop import open_shop

    opened = []

    def make(*, rows=None, sender=True, target=None, **urls):
        path = tmp_path / "station.toml"
        path.write_text(station_toml(**urls), encoding="utf-8")
        config = load_config(path)
        open_shop(target or str(tmp_path / "shop.sqlite3"), config)
        opened.append(True)
        if sender:
            save_shop_settings(ShopSettings(
                name="Le Comptoir des Thés", address1="8 rue de la Paix", postcode="69002",
                city="Lyon", country="FR", phone="+33 4 72 00 00 00",
                email="bonjour@comptoir.example"))
        import_rows(tmp_path, rows if rows is not None else default_rows())
        return config

    yield make
    if opened:
        close()


def default_rows():
    home = dict(customer_name="Camille Martin", address1="12 rue des Lilas", postcode="75011",
                city="Paris", country="FR", phone="06 12 34 56 78", email="camille@example.com")
    return [
        row("C-HOME", "TEA", 2, carrier="Colissimo Domicile", product_name="Thé vert", weight_g="250",
            **home),
        row("C-CH", "TEA", 1, carrier="Colissimo International", product_name="Thé vert",
            weight_g="250", customer_name="Lena Keller", address1="Bahnhofstrasse 1",
            postcode="8001", city="Zürich", country="CH", phone="+41 44 000 00 00",
            email="lena@example.ch"),
        row("S-HOME", "MUG", 1, carrier="Sendcloud Colissimo", product_name="Tasse",
            weight_g="320", **home),
        row("M-RELAY", "MUG", 1, carrier="Mondial Relay Point Relais", product_name="Tasse",
            weight_g="320", **home),
        row("CH-1", "MUG", 1, carrier="Chronopost 13h", product_name="Tasse", weight_g="320",
            **home),
        row("G-1", "MUG", 1, carrier="GLS Business Parcel", product_name="Tasse", weight_g="320",
            **home),
        row("D-1", "MUG", 1, carrier="DPD Predict", product_name="Tasse", weight_g="320", **home),
        row("H-1", "MUG", 1, carrier="Transports Martin", product_name="Tasse", weight_g="320",
            **home),
    ]


def order(ref):
    from packstation.db.models import Order

    return Order.get(Order.ref == ref)
