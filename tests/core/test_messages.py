"""A stored message (key and parameters) renders in the language of whoever reads it."""

from __future__ import annotations

import json

from packstation.core import i18n
from packstation.core.i18n import Message

i18n.register({
    "test.message.outer": ("risque {level} : {amount} €", "{level} risk: €{amount}"),
    "test.message.level": ("élevé", "high"),
})


def test_a_message_round_trips_through_json_and_renders_in_each_language():
    message = Message("test.message.outer", level=Message("test.message.level"), amount="612.50")
    stored = json.loads(json.dumps(message.to_json()))
    again = Message.from_json(stored)
    assert again == message
    assert again.text("fr") == "risque élevé : 612.50 €"
    assert again.text("en") == "high risk: €612.50"
    i18n.set_language("en")
    assert str(again) == "high risk: €612.50"
