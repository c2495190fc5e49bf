"""Any bytes in: a report or row errors out, never an exception, never a partial import.

Hypothesis writes files of three kinds: raw bytes, and text made of CSV-ish pieces under
the headers of the formats Packstation recognises (generic, Shopify, a profile), so that
most examples get past the header and reach the cells. Each example is imported into a
real SQLite file, in one transaction and staged as a big file is; the database must then
hold the whole file or nothing of it.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from packstation.db.models import Event, ImportBatch, ImportChange, Order, OrderLine, Product
from packstation.services.importing import Importer
from tests.helpers import GENERIC_COLUMNS, TEA
from tests.io.test_io_platforms import ALGOLPLUS_HEADER, SHOPIFY_HEADER

HEADERS = [
    ",".join(GENERIC_COLUMNS + ["tracking", "payment", "pickup_point", "hs_code"]),
    ";".join(GENERIC_COLUMNS),
    ",".join(SHOPIFY_HEADER),
    ",".join(f'"{header}"' for header in ALGOLPLUS_HEADER),
]
# Cells that exercise the readers: numbers of every size, dates in and out of range,
# barcodes, countries by name, NULs, quotes, delimiters, very long texts.
CELLS = st.one_of(
    st.sampled_from(["", "1", "0", "-3", "2", "99999999999999999999", "12,50", "1e400",
                     "25/11/2026 14:30", "2026-11-25T10:00:00+01:00", "01/01/0001",
                     "9999-12-31T23:59:59-12:00", TEA, f"{TEA}*6", "5,90123E+12", "France",
                     "Allemagne", "XX", "paid", "pending", "refunded", "Retrait en magasin",
                     "#1001", "'01000", "\x00", '"', '""', "a,b", "x;y", "\t", "\r\n",
                     "é" * 600, "🙂", "6A12345678901"]),
    st.text(alphabet=string.printable + "éüßŁ€\u00a0", max_size=12),
)
ROWS = st.lists(st.lists(CELLS, min_size=1, max_size=30), max_size=6)


VALID = {"order_ref": "H-1", "order_date": "2026-11-25 09:30", "carrier": "Colissimo",
         "customer_name": "Ana", "address1": "1 rue A", "postcode": "75001", "city": "Paris",
         "country": "FR", "sku": "S-1", "ean": TEA, "quantity": "1"}
COLUMNS = GENERIC_COLUMNS + ["tracking", "payment", "pickup_point", "hs_code"]


def _cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@st.composite
def damaged_generic(draw) -> str:
    """Generic rows that are valid but for a few cells: most reach the database."""
    rows = []
    for index in range(draw(st.integers(1, 5))):
        values = dict(VALID, order_ref=f"H-{draw(st.integers(1, 3))}",
                      sku=f"S-{draw(st.integers(1, 3))}", ean="")
        for column in draw(st.lists(st.sampled_from(COLUMNS), max_size=2)):
            values[column] = draw(CELLS)
        rows.append(",".join(_cell(values.get(column, "")) for column in COLUMNS))
    return "\n".join([",".join(COLUMNS), *rows])


@st.composite
def files(draw) -> bytes:
    kind = draw(st.sampled_from(["bytes", "table", "table", "generic", "generic"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "generic":
        return draw(damaged_generic()).encode("utf-8")
    header = draw(st.sampled_from(HEADERS))
    delimiter = ";" if header.startswith("order_ref;") else ","
    lines = [header] + [delimiter.join(cells) for cells in draw(ROWS)]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return "\n".join(lines).encode(encoding, errors="replace")


def _counts() -> tuple[int, int, int]:
    return Order.select().count(), OrderLine.select().count(), Product.select().count()


@pytest.fixture(params=["one transaction", "staged"])
def way(request, monkeypatch):
    """Both ways a file is written: in one transaction, and staged as a big file is (its
    orders out of sight, the import decided by one row, then carried out in chunks)."""
    if request.param == "staged":
        from packstation.services import importing

        monkeypatch.setattr(importing, "_STAGE_ABOVE", 0)
    return request.param


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=files())
def test_any_bytes_give_a_report_and_never_a_partial_import(sqlite_db, tmp_path, way, data):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    before = _counts()
    files_imported = Event.select().where((Event.kind == "imported") & Event.order.is_null())
    events = files_imported.count()
    report = Importer().import_file(path)           # never raises
    event("refused" if report.errors else f"imported {bool(report.new)}")
    assert report.summary()                         # and can always be told
    for error in report.errors + report.warnings:
        assert str(error).startswith(f"{path}:") and error.reason
    after = _counts()
    imported = files_imported.count() - events
    if report.errors:
        assert after == before and imported == 0    # nothing of a refused file
    else:
        assert imported == 1
        assert after[0] - before[0] == len(report.new)
    # Nothing left out of sight: every order the file brought is in the queue or held.
    assert Order.select().where(Order.import_batch.is_null(False)).count() == 0
    assert (ImportBatch.select().count(), ImportChange.select().count()) == (0, 0)
