"""A rule's hold reason in the window's language, whatever the language of the import;
a reason written before (free text) as it was written."""

from __future__ import annotations

import pytest

from packstation.core import i18n
from packstation.db.models import Order
from packstation.services.holds import hold_rules
from packstation.services.importing import Importer
from packstation.ui.queue_model import Column
from tests.helpers import TEA, row, write_csv
from tests.ui.conftest import burst

OTHER = {"fr": "en", "en": "fr"}


def queue_state(window, ref: str) -> str:
    model = window.queue_model
    model.reload()
    while model.canFetchMore():
        model.fetchMore()
    return model.index(model.row_of(ref), Column.STATE).data()


@pytest.mark.parametrize("language, held, risky, legacy", [
    ("fr", "bloquée", "risque élevé selon la boutique", "bloquée : appel du client"),
    ("en", "on hold", "high risk according to the shop", "on hold: appel du client"),
])
def test_a_rule_s_hold_shows_in_the_window_s_language(qtbot, make_window, config, tmp_path,
                                                      committed_translator, language, held,
                                                      risky, legacy):
    from packstation.ui.backoffice.history import HistoryWindow

    i18n.set_language(OTHER[language])      # imported by someone reading the other language
    path = write_csv(tmp_path / "risky.csv", [row("RISKY", "TEA", 1, ean=TEA, risk="high")])
    assert Importer(station="test", hold_rules=hold_rules()).import_file(path).ok
    # A hold from before schema 6: its text only, shown as written.
    Order.update(status="on_hold", hold_reason="appel du client").where(Order.ref == "CMD-4").execute()

    i18n.set_language(language)
    window = make_window(config)
    assert queue_state(window, "RISKY") == f"{held}{' ' if language == 'fr' else ''}: {risky}"
    assert queue_state(window, "CMD-4") == legacy

    burst(qtbot, window.scan_field, "RISKY")          # refused at the table, with its reason
    assert window.station.order_ref != "RISKY"
    assert risky in window.answer_label.text()

    history = HistoryWindow(config, station="Table 1", packer="Alice")
    qtbot.addWidget(history)
    history.search_field.setText("RISKY")
    history.search()
    assert history.order_title.text().endswith(f" — {risky}")
    assert any(risky in line for line in history.timeline_model.column(3))
    history.close()
