"""A secret kept in the OS keyring (``password = "keyring:SERVICE/USER"``)."""

from __future__ import annotations

import pytest

keyring = pytest.importorskip("keyring")
from keyring.backend import KeyringBackend  # noqa: E402

from packstation.db.models import LabelStatus  # noqa: E402
from packstation.services.labels import obtain_label  # noqa: E402
from packstation.shipping.accounts import parse_account  # noqa: E402
from tests.shipping import standins  # noqa: E402
from tests.shipping.conftest import order  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A keyring of this test only, in place of the operating system's."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def test_the_secret_comes_from_the_keyring(make_shop, colissimo, memory_keyring):
    config = make_shop(colissimo_url=colissimo.url)
    account = config.label_accounts["colissimo"]
    config.label_accounts["colissimo"] = parse_account("colissimo", {
        "provider": "colissimo", "url": account.url, "contract": standins.COLISSIMO_CONTRACT,
        "password": "keyring:packstation/colissimo"})
    row = obtain_label(order("C-HOME").id, config=config)
    assert row.status == LabelStatus.WAITING
    assert "packstation/colissimo" in row.carrier_message and colissimo.received == []

    memory_keyring.set_password("packstation", "colissimo", standins.COLISSIMO_PASSWORD)
    from packstation.services.labels import retry_waiting

    assert retry_waiting(config)[0].status == LabelStatus.READY
    assert colissimo.received[0].json()["password"] == standins.COLISSIMO_PASSWORD
