"""Carrier schedules: reading them from TOML, writing them back, recognising a carrier
from a shop's shipping-method name, and the French defaults."""

from __future__ import annotations

import json
import textwrap
import tomllib
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from packstation.core import i18n
from packstation.core.carriers import (
    CarrierSchedule,
    default_carriers,
    match_carrier,
    parse_carriers,
    to_document,
    to_toml,
)
from packstation.core.errors import InputError

PARIS = ZoneInfo("Europe/Paris")

BRIEF_EXAMPLE = """
[[carriers]]
code = "colissimo"
name = "Colissimo"
timezone = "Europe/Paris"
holidays = "FR"
pickup = { mon = "15:00", tue = "15:00", wed = "15:00", thu = "15:00", fri = "15:00" }
closed = ["2026-08-14"]
extra = ["2026-12-19T11:00"]
match = ["Colissimo*", "La Poste*"]

[[carriers]]
code = "ups"
name = "UPS"
timezone = "Europe/London"
holidays = ""
pickup = { mon = ["12:00", "17:00"], sat = ["10:00"], thursday = "9h30" }
extra = ["2026-06-01T08:00+00:00"]
express_services = ["Express*", "Saver"]
"""


def parse(text: str) -> list[CarrierSchedule]:
    return parse_carriers(tomllib.loads(textwrap.dedent(text)))


def test_the_documented_example_is_read_field_by_field():
    colissimo, ups = parse(BRIEF_EXAMPLE)

    assert colissimo.code == "colissimo" and colissimo.name == "Colissimo"
    assert colissimo.timezone == "Europe/Paris" and colissimo.holidays_country == "FR"
    assert dict(colissimo.pickups) == {day: (time(15, 0),) for day in range(5)}
    assert colissimo.closed == frozenset({date(2026, 8, 14)})
    assert colissimo.extra == (datetime(2026, 12, 19, 11, 0, tzinfo=PARIS),)
    assert colissimo.extra[0].utcoffset().total_seconds() == 3600
    assert colissimo.match == ("Colissimo*", "La Poste*")
    assert colissimo.express_services == ("express",)

    assert ups.holidays_country is None
    assert dict(ups.pickups) == {0: (time(12), time(17)), 3: (time(9, 30),), 5: (time(10),)}
    # An offset given in the file wins over the carrier's zone; the time is kept in it.
    assert ups.extra == (datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/London")),)
    assert ups.extra[0].astimezone(timezone.utc).hour == 8


def test_toml_native_times_dates_and_datetimes_are_accepted():
    (schedule,) = parse("""
        [[carriers]]
        code = "dpd"
        pickup = { fri = 14:00:00, sat = [10:30:00] }
        closed = [2026-08-14]
        extra = [2026-12-19T11:00:00, 2026-12-20T10:00:00Z]
    """)
    assert schedule.name == "dpd" and schedule.timezone == "Europe/Paris"
    assert dict(schedule.pickups) == {4: (time(14),), 5: (time(10, 30),)}
    assert schedule.closed == {date(2026, 8, 14)}
    assert [moment.isoformat() for moment in schedule.extra] == [
        "2026-12-19T11:00:00+01:00", "2026-12-20T11:00:00+01:00"]


@pytest.mark.parametrize("written, expected", [
    ("15:00", time(15)), ("9:05", time(9, 5)), ("15:00:30", time(15, 0, 30)),
    ("15h00", time(15)), ("15 h 30", time(15, 30)), ("9h", time(9)), ("00:00", time(0)),
])
def test_pickup_times_are_read_in_the_usual_forms(written, expected):
    (schedule,) = parse(f'[[carriers]]\ncode = "x"\npickup = {{ mon = "{written}" }}')
    assert schedule.pickups[0] == (expected,)


@pytest.mark.parametrize("carrier", [*default_carriers(), *parse(BRIEF_EXAMPLE)],
                         ids=lambda schedule: schedule.code)
def test_to_document_and_to_toml_read_back_as_the_same_schedule(carrier):
    document = to_document(carrier)
    assert parse_carriers(json.loads(json.dumps({"carriers": [document]}))) == [carrier]
    assert parse_carriers(tomllib.loads(to_toml([carrier]))) == [carrier]


def test_to_toml_writes_several_carriers_and_escapes_text():
    odd = CarrierSchedule(
        code="relais", name='Relais "Colis" Économie\\Nord', timezone="Europe/Paris",
        holidays_country="FR", holidays_subdivision="57",
        pickups={0: (time(12), time(17, 0, 30))},
        extra=(datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=PARIS),),
    )
    text = to_toml([odd, *default_carriers()])
    read_back = parse_carriers(tomllib.loads(text))
    assert read_back == [odd, *default_carriers()]
    # 02:30 happens twice on 25 October: the second one must keep its offset.
    assert '"2026-10-25T02:30+01:00"' in text
    assert read_back[0].extra[0].astimezone(timezone.utc) == datetime(
        2026, 10, 25, 1, 30, tzinfo=timezone.utc)


def test_a_document_without_carriers_has_none():
    assert parse_carriers({}) == []
    assert parse_carriers({"carriers": []}) == []


# Each case: the TOML of one carrier "acme", the message key, the field named, and a
# piece of the French and English messages.
BAD_VALUES = [
    ('pickup = { mon = "25:00" }', "carriers.bad_time", "pickup.mon",
     "heure invalide « 25:00 »", "invalid time “25:00”"),
    ('pickup = { tue = ["12:00", "12:61"] }', "carriers.bad_time", "pickup.tue[1]",
     "heure invalide « 12:61 »", "invalid time “12:61”"),
    ('pickup = { mon = "3pm" }', "carriers.bad_time", "pickup.mon",
     "heure invalide « 3pm »", "invalid time “3pm”"),
    ('pickup = { lundi = "15:00" }', "carriers.bad_weekday", "pickup",
     "jour inconnu « lundi »", "unknown weekday “lundi”"),
    ('pickup = "15:00"', "carriers.not_a_table", "pickup",
     "une table est attendue", "a table is expected"),
    ('timezone = "Europe/Pariss"', "carriers.bad_timezone", "timezone",
     "fuseau horaire inconnu « Europe/Pariss »", "unknown time zone “Europe/Pariss”"),
    ('timezone = "../etc/passwd"', "carriers.bad_timezone", "timezone",
     "fuseau horaire inconnu", "unknown time zone"),
    ('holidays = "XX"', "carriers.bad_holidays", "holidays",
     "pays inconnu « XX »", "unknown country “XX”"),
    ('holidays = "FR"\nholidays_subdivision = "Bretagne"', "carriers.bad_subdivision",
     "holidays_subdivision", "région inconnue « Bretagne »", "unknown region “Bretagne”"),
    ('holidays_subdivision = "57"', "carriers.subdivision_without_country",
     "holidays_subdivision", "le pays des jours fériés", "the country of the public"),
    ('closed = ["2026-02-30"]', "carriers.bad_date", "closed[0]",
     "date invalide « 2026-02-30 »", "invalid date “2026-02-30”"),
    ('closed = ["14/08/2026"]', "carriers.bad_date", "closed[0]",
     "date invalide « 14/08/2026 »", "invalid date “14/08/2026”"),
    ('closed = "2026-08-14"', "carriers.not_a_list_field", "closed",
     "une liste est attendue", "a list is expected"),
    ('extra = ["2026-12-19"]', "carriers.bad_datetime", "extra[0]",
     "date et heure invalides « 2026-12-19 »", "invalid date and time “2026-12-19”"),
    ('extra = [2026-12-19]', "carriers.bad_datetime", "extra[0]",
     "date et heure invalides « 2026-12-19 »", "invalid date and time “2026-12-19”"),
    ('extra = ["2026-12-19T25:00"]', "carriers.bad_datetime", "extra[0]",
     "« 2026-12-19T25:00 »", "“2026-12-19T25:00”"),
    ("match = [3]", "carriers.not_text", "match[0]", "doit être un texte", "must be a text"),
    ('name = 12', "carriers.not_text", "name", "doit être un texte", "must be a text"),
    ('pickups = { mon = "15:00" }', "carriers.unknown_field", "pickups",
     "ce champ n'existe pas (champs possibles : code, name,", "no such field (known fields:"),
]


@pytest.mark.parametrize("line, key, field, french, english", BAD_VALUES,
                         ids=[case[0] for case in BAD_VALUES])
def test_a_bad_value_names_the_carrier_and_the_field_in_both_languages(
        line, key, field, french, english):
    with pytest.raises(InputError) as caught:
        parse(f'[[carriers]]\ncode = "acme"\n{line}\n')
    error = caught.value
    assert error.key == key
    assert error.params["field"] == field
    assert i18n.tr(error.key, "fr", **error.params).startswith(
        f"Transporteur « acme », champ « {field} » : ")
    assert i18n.tr(error.key, "en", **error.params).startswith(
        f"Carrier “acme”, field “{field}”: ")
    assert french in i18n.tr(error.key, "fr", **error.params)
    assert english in i18n.tr(error.key, "en", **error.params)


@pytest.mark.parametrize("document, key, french, english", [
    ({"carriers": [{"name": "Sans code"}]}, "carriers.missing_code",
     "Transporteur n° 1 : le champ « code » manque", "Carrier no. 1: the “code” field"),
    ({"carriers": [{"code": "dpd"}, {"code": " "}]}, "carriers.missing_code",
     "Transporteur n° 2", "Carrier no. 2"),
    ({"carriers": [{"code": "dpd"}, {"code": "DPD"}]}, "carriers.duplicate_code",
     "« DPD » : ce code est déjà utilisé", "“DPD”: this code is already used"),
    ({"carriers": {"code": "dpd"}}, "carriers.not_a_list",
     "doit être une liste", "must be a list"),
])
def test_document_level_mistakes_are_reported(document, key, french, english):
    with pytest.raises(InputError) as caught:
        parse_carriers(document)
    assert caught.value.key == key
    assert french in i18n.tr(key, "fr", **caught.value.params)
    assert english in i18n.tr(key, "en", **caught.value.params)


def test_every_carrier_message_has_the_same_placeholders_in_both_languages():
    messages = {key: pair for key, pair in i18n.catalogue().items()
                if key.startswith("carriers.")}
    assert len(messages) >= 10
    for key, (french, english) in messages.items():
        assert i18n.placeholders(french) == i18n.placeholders(english), key


SHOP = [
    *default_carriers(),
    CarrierSchedule(code="laposte_lettre", name="La Poste Lettre suivie",
                    timezone="Europe/Paris", holidays_country="FR", pickups={0: (time(9),)}),
    CarrierSchedule(code="relais_colis", name="Relais Colis Économie",
                    timezone="Europe/Paris", holidays_country="FR", pickups={},
                    match=("Relais Colis*",)),
]


@pytest.mark.parametrize("method, code", [
    ("Colissimo", "colissimo"),
    ("colissimo", "colissimo"),
    ("Colissimo Domicile sans signature", "colissimo"),
    ("  COLISSIMO   point retrait ", "colissimo"),
    ("La Poste - Colissimo", "colissimo"),
    # An exact name wins over an earlier carrier's broad pattern ("La Poste*").
    ("La Poste Lettre suivie", "laposte_lettre"),
    ("laposte_lettre", "laposte_lettre"),
    ("Chronopost 13h", "chronopost"),
    ("Chrono Relais", "chronopost"),
    ("DPD Predict", "dpd"),
    ("mondial_relay", "mondial_relay"),
    ("Mondial Relay - Point Relais", "mondial_relay"),
    # Accents and case do not matter, either way round.
    ("relais colis economie", "relais_colis"),
    ("RELAIS COLIS ÉCO", "relais_colis"),
    ("Livraison gratuite", None),
    ("", None),
    ("   ", None),
])
def test_a_shipping_method_names_its_carrier(method, code):
    found = match_carrier(SHOP, method)
    assert (found.code if found else None) == code


@pytest.mark.parametrize("code, service, express", [
    ("chronopost", "", True),            # every Chronopost service is express
    ("chronopost", "Chrono 13", True),
    ("colissimo", "express", True),
    ("colissimo", "EXPRESS", True),
    ("colissimo", "Standard", False),
    ("colissimo", "", False),
])
def test_default_express_services(code, service, express):
    carrier = next(schedule for schedule in default_carriers() if schedule.code == code)
    assert carrier.is_express(service) is express


@pytest.mark.parametrize("service, express", [
    ("Priorité", True), ("PRIORITE 24h", True), ("  priorite   24H ", True),
    ("Express", True), ("Economique", False), ("Non prioritaire", False),
])
def test_express_services_are_patterns_without_case_or_accents(service, express):
    (carrier,) = parse("""
        [[carriers]]
        code = "gls"
        express_services = ["Priorité*", "express"]
    """)
    assert carrier.is_express(service) is express


def test_default_carriers_are_the_usual_french_set():
    by_code = {schedule.code: schedule for schedule in default_carriers()}
    assert list(by_code) == ["colissimo", "chronopost", "dpd", "mondial_relay"]
    expected = {"colissimo": (15, 5), "chronopost": (17, 5), "dpd": (14, 5),
                "mondial_relay": (11, 6)}
    for code, (hour, days) in expected.items():
        schedule = by_code[code]
        assert dict(schedule.pickups) == {day: (time(hour),) for day in range(days)}
        assert schedule.holidays_country == "FR" and schedule.timezone == "Europe/Paris"
    assert by_code["colissimo"].is_holiday(date(2026, 7, 14))
    assert not by_code["colissimo"].is_holiday(date(2026, 7, 15))


def test_a_schedule_is_immutable_and_hashable():
    colissimo = default_carriers()[0]
    with pytest.raises(TypeError):
        colissimo.pickups[5] = (time(10),)  # type: ignore[index]
    assert len({colissimo, default_carriers()[0]}) == 1


@pytest.mark.parametrize("kwargs", [
    {"pickups": {7: (time(15),)}},
    {"pickups": {0: (time(15, tzinfo=timezone.utc),)}},
    {"pickups": {}, "extra": (datetime(2026, 12, 19, 11),)},
])
def test_a_schedule_built_in_code_refuses_impossible_values(kwargs):
    with pytest.raises(ValueError):
        CarrierSchedule(code="x", name="X", timezone="Europe/Paris", holidays_country=None,
                        **kwargs)


def test_a_carrier_s_weight_limit_is_read_checked_and_written_back():
    import dataclasses
    import tomllib

    from packstation.core.carriers import DEFAULT_MAX_WEIGHT_G, default_carriers, parse_carriers, to_toml
    from packstation.core.errors import InputError

    assert {schedule.max_weight_g for schedule in default_carriers()} == {DEFAULT_MAX_WEIGHT_G}
    lighter = dataclasses.replace(default_carriers()[0], max_weight_g=20000)
    assert parse_carriers(tomllib.loads(to_toml([lighter]))) == [lighter]
    for bad in ("30 kg", 0, True):
        with pytest.raises(InputError, match="max_weight_g"):
            parse_carriers({"carriers": [{"code": "x", "max_weight_g": bad}]})
