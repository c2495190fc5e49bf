"""A hold reason in one language at a time: a rule's reason is kept as its message key
and shown in the reader's language; a person's words stay as they were typed."""

from __future__ import annotations

import json

from tests.cli.test_cli import db_file, run  # noqa: F401 (fixture)
from tests.helpers import GENERIC_COLUMNS, TEA, row, write_csv


def import_held(db: str, tmp_path, lang: str) -> None:
    path = write_csv(tmp_path / "orders.csv", [
        row("RISKY", "TEA", 1, ean=TEA, risk="high"),
        row("CALM", "TEA", 1, ean=TEA),
    ], columns=[*GENERIC_COLUMNS, "risk"])
    result = run(db, "import", str(path), lang=lang)
    assert result.returncode == 0, result.stderr


def order_json(db: str, ref: str, lang: str) -> dict:
    result = run(db, "order", ref, "--json", lang=lang)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_rule_s_hold_reads_in_the_cli_s_language_whatever_the_import_s(db_file, tmp_path):
    import_held(db_file, tmp_path, lang="fr")
    french, english = order_json(db_file, "RISKY", "fr"), order_json(db_file, "RISKY", "en")
    assert french["status"] == english["status"] == "on_hold"
    assert french["hold_reason"] == "risque élevé selon la boutique"
    assert english["hold_reason"] == "high risk according to the shop"
    assert french["hold_reason_key"] == english["hold_reason_key"] == "hold.risk"
    assert english["hold_reason_keys"] == ["hold.risk"]
    calm = order_json(db_file, "CALM", "en")
    assert (calm["hold_reason"], calm["hold_reason_key"], calm["hold_reason_keys"]) == (None, None, [])


def test_the_history_of_a_rule_s_hold_reads_in_the_reader_s_language(db_file, tmp_path):
    import_held(db_file, tmp_path, lang="en")
    events = {lang: run(db_file, "order", "RISKY", lang=lang).stdout for lang in ("fr", "en")}
    assert "risque élevé selon la boutique" in events["fr"]
    assert "high risk" not in events["fr"]
    assert "high risk according to the shop" in events["en"]


def test_a_hold_typed_by_a_person_stays_as_typed_in_both_languages(db_file, tmp_path):
    import_held(db_file, tmp_path, lang="fr")
    result = run(db_file, "hold", "CALM", "--reason", "client au téléphone", "--by", "Alice")
    assert result.returncode == 0, result.stderr
    for lang in ("fr", "en"):
        detail = order_json(db_file, "CALM", lang)
        assert (detail["hold_reason"], detail["hold_reason_key"]) == ("client au téléphone", None)
