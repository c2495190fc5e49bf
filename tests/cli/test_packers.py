"""The shop's own packers from the command line: add, list, rename, retire, badge cards."""

from __future__ import annotations

import json

from tests.cli.test_cli import db_file, run  # noqa: F401 (the fixture)
from tests.documents.pdfs import barcodes, pdf_text


def test_packers_are_added_listed_renamed_and_retired(db_file, tmp_path):
    added = run(db_file, "packer", "add", "Chloé", "--badge", "BADGE-CHLOE")
    assert added.returncode == 0, added.stderr
    assert "Packer added: Chloé, badge BADGE-CHLOE." in added.stdout
    assert run(db_file, "packer", "add", "Zoé").returncode == 0  # a badge is made up
    listed = json.loads(run(db_file, "packer", "list", "--json").stdout)
    assert listed == [{"name": "Chloé", "badge": "BADGE-CHLOE", "active": True},
                      {"name": "Zoé", "badge": "BADGE-ZOE1", "active": True}]

    assert run(db_file, "packer", "rename", "BADGE-ZOE1", "Zoé Martin").returncode == 0
    assert run(db_file, "packer", "retire", "Chloé").returncode == 0
    text = run(db_file, "packer", "list").stdout
    assert "Zoé Martin\tBADGE-ZOE1" in text and "Chloé\tBADGE-CHLOE  (retired)" in text

    # A retired badge no longer logs in at the table.
    answers = [json.loads(line) for line in
               run(db_file, "scan", "--json", stdin="BADGE-CHLOE\nBADGE-ZOE1\n").stdout.splitlines()]
    assert answers[0]["outcome"] != "packer_set" and answers[1]["outcome"] == "packer_set"

    cards = tmp_path / "badges.pdf"
    assert run(db_file, "print", "badges", "--out", str(cards)).returncode == 0
    assert "Zoé Martin" in pdf_text(cards.read_bytes()) and "Chloé" not in pdf_text(cards.read_bytes())
    assert ("CODE-128", "BADGE-ZOE1") in barcodes(cards.read_bytes(), tmp_path)


def test_bad_packers_are_refused_with_their_reason(db_file):
    assert run(db_file, "packer", "add", "Chloé", "--badge", "BADGE-CHLOE").returncode == 0
    for args, reason in ((("Chloé",), "already called"), (("Léa", "--badge", "BADGE-CHLOE"), "already given"),
                         (("Léa", "--badge", "PSC01"), "command codes"), (("Léa", "--badge", "a b"), "refused"),
                         (("  ",), "Give the packer's name")):
        done = run(db_file, "packer", "add", *args)
        assert done.returncode == 1 and reason in done.stderr, (args, done.stderr)
    assert run(db_file, "packer", "retire", "Nobody").returncode == 1
