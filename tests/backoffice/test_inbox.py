"""The inbox folder: dropped CSV files imported, moved to done/ or rejected/ with a report."""

from __future__ import annotations

import datetime as dt
import os
import re
import time

import pytest

from packstation.core.errors import InputError
from packstation.db.models import Order
from packstation.services.importing import Importer
from packstation.services.inbox import IMPORTED, REJECTED, free_name, process_inbox
from tests.helpers import TEA, shop_rows, write_csv

LATER = 10.0   # seconds after the files were written: they have settled


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def drop(folder, name, rows, *, age: float = 60.0):
    """A CSV written ``age`` seconds ago."""
    path = write_csv(folder / name, rows)
    written = time.time() - age
    os.utime(path, (written, written))
    return path


def listing(folder) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_an_imported_file_moves_to_done(db, inbox):
    drop(inbox, "orders.csv", shop_rows())
    [result] = process_inbox(inbox, Importer(station="Table 1"))
    assert result.outcome == IMPORTED and result.ok
    assert result.moved_to == inbox / "done" / "orders.csv"
    assert listing(inbox) == ["done", "done/orders.csv"]
    assert sorted(result.report.new) == ["CMD-1", "CMD-2", "CMD-3", "CMD-4"]
    assert Order.select().count() == 4
    assert result.message.startswith("Boîte de dépôt — ")
    assert "4 nouvelle(s)" in result.message and result.message.endswith("Fichier rangé dans done.")


def test_a_rejected_file_moves_with_a_report_of_every_reason(db, inbox):
    rows = shop_rows()
    rows[0]["ean"] = TEA[:-1] + str((int(TEA[-1]) + 1) % 10)    # line 2: bad check digit
    rows[3]["quantity"] = "deux"                                  # line 5
    drop(inbox, "orders.csv", rows)
    [result] = process_inbox(inbox, Importer())
    assert result.outcome == REJECTED and not result.ok
    assert listing(inbox) == ["rejected", "rejected/orders.csv", "rejected/orders.txt"]
    assert result.report_path == inbox / "rejected" / "orders.txt"
    report = result.report_path.read_text(encoding="utf-8").splitlines()
    assert report[0].startswith("orders.csv refusé le ") and "rien n'a été importé" in report[0]
    reasons = [line for line in report if re.match(r"^orders\.csv:\d+: ", line)]
    assert [line.split(":")[1] for line in reasons] == ["2", "5"]
    assert "deux" in reasons[1]
    assert Order.select().count() == 0
    assert result.message == ("Boîte de dépôt — orders.csv refusé (2 erreur(s)), rien n'a été "
                              "importé : voir rejected/orders.txt.")


def test_a_file_of_unknown_format_is_rejected_with_its_reason(sqlite_db, inbox):
    path = inbox / "export.csv"
    path.write_text("colonne_a,colonne_b\n1,2\n", encoding="utf-8")
    os.utime(path, (time.time() - 60, time.time() - 60))
    [result] = process_inbox(inbox, Importer())
    assert result.outcome == REJECTED
    report = (inbox / "rejected" / "export.txt").read_text(encoding="utf-8")
    assert re.search(r"^export\.csv:1: .+", report, re.MULTILINE)


def test_a_file_still_being_written_waits_for_the_next_pass(sqlite_db, inbox):
    path = drop(inbox, "orders.csv", shop_rows(), age=0)
    assert process_inbox(inbox, Importer()) == []
    assert path.exists() and Order.select().count() == 0
    [result] = process_inbox(inbox, Importer(), now=time.time() + LATER)
    assert result.outcome == IMPORTED and not path.exists()


def test_other_files_are_left_alone(sqlite_db, inbox):
    for name in ("notes.txt", ".orders.csv.part", ".hidden.csv"):
        (inbox / name).write_text("order_ref\n", encoding="utf-8")
    (inbox / "archive.csv").mkdir()
    drop(inbox, "ORDERS.CSV", shop_rows())        # a Windows export is a CSV too
    results = process_inbox(inbox, Importer(), now=time.time() + LATER)
    assert [result.source.name for result in results] == ["ORDERS.CSV"]
    assert listing(inbox) == [".hidden.csv", ".orders.csv.part", "archive.csv", "done",
                              "done/ORDERS.CSV", "notes.txt"]


def test_files_are_taken_oldest_first_and_names_never_clash(sqlite_db, inbox):
    (inbox / "done").mkdir()
    (inbox / "done" / "orders.csv").write_text("yesterday's export", encoding="utf-8")
    rows = shop_rows()
    drop(inbox, "orders.csv", rows[:2], age=120)
    drop(inbox, "more.csv", rows, age=300)
    results = process_inbox(inbox, Importer())
    assert [result.source.name for result in results] == ["more.csv", "orders.csv"]
    moved = results[1].moved_to
    assert re.fullmatch(r"orders-\d{8}-\d{6}\.csv", moved.name)
    assert (inbox / "done" / "orders.csv").read_text(encoding="utf-8") == "yesterday's export"
    assert results[1].report.unchanged == ["CMD-1"]     # read again: nothing duplicated
    assert Order.select().count() == 4


def test_free_name_counts_when_the_stamp_is_taken_too(tmp_path):
    when = dt.datetime(2026, 11, 25, 9, 30)
    for name in ("orders.csv", "orders-20261125-093000.csv", "orders-20261125-093000-2.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert free_name(tmp_path, "orders.csv", when).name == "orders-20261125-093000-3.csv"
    assert free_name(tmp_path, "new.csv", when).name == "new.csv"


def test_a_missing_folder_is_said_plainly(sqlite_db, tmp_path):
    with pytest.raises(InputError, match="n'existe pas"):
        process_inbox(tmp_path / "nowhere", Importer())
