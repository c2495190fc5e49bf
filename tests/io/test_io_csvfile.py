"""Reading CSV files: encodings, delimiters, headers and physical line numbers."""

from __future__ import annotations

import codecs

import pytest

from packstation.core.errors import InputError
from packstation.io.csvfile import decode, header_key, read_table, sniff_delimiter

TEXT = "order_ref;city\nA-1;Zürich\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-8"), "utf-8"),
    (TEXT.encode("cp1252"), "cp1252"),
    (TEXT.encode("utf-16"), "utf-16"),           # Excel's "Unicode text" (with a BOM)
], ids=["utf-8-bom", "utf-8", "cp1252", "utf-16"])
def test_decode_reads_each_encoding_excel_writes(data, encoding):
    assert decode(data) == (TEXT, encoding)


def test_cp1252_characters_outside_latin1_are_read():
    text, encoding = decode("Œuf – 12,50 €".encode("cp1252"))
    assert (text, encoding) == ("Œuf – 12,50 €", "cp1252")


@pytest.mark.parametrize("data", [
    b"order_ref\n\x81\x8d\n",                    # bytes cp1252 leaves undefined
    "order_ref\nA".encode("utf-16-le"),          # UTF-16 without its BOM
])
def test_undecodable_files_are_reported_not_guessed(tmp_path, data):
    path = tmp_path / "strange.csv"
    path.write_bytes(data)
    table = read_table(path)
    assert [error.key for error in table.errors] == ["csv.bad_encoding"]
    assert table.records == []


@pytest.mark.parametrize(("header", "delimiter"), [
    ("order_ref,sku,quantity", ","),
    ("order_ref;sku;quantity", ";"),
    ("order_ref\tsku\tquantity", "\t"),
    ('"ref; with semicolon",sku,quantity', ","),
    ("order_ref", ","),
])
def test_delimiter_is_sniffed_from_the_header(header, delimiter):
    assert sniff_delimiter(header) == delimiter


def test_excel_sep_line_names_the_delimiter(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\norder_ref;note\nA-1;un, deux\n", encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == ";"
    assert table.header_line == 2
    assert [(record.line, record.get("note")) for record in table.records] == [(3, "un, deux")]


@pytest.mark.parametrize(("raw", "key"), [
    ("\ufeffOrder_Ref", "order_ref"),
    ("  Shipping   Zip ", "shipping zip"),
    ("LINEITEM SKU", "lineitem sku"),
])
def test_header_names_are_compared_trimmed_and_case_insensitively(raw, key):
    assert header_key(raw) == key


def test_records_keep_their_physical_line_numbers(tmp_path):
    path = tmp_path / "lines.csv"
    path.write_bytes(
        b"\r\n"                                    # 1: blank line before the header
        b"Order_Ref , Note\r\n"                    # 2: header, odd case and spaces
        b'A-1,"first line\r\nsecond line"\r\n'     # 3-4: a quoted value on two lines
        b"\r\n"                                    # 5: blank
        b",\r\n"                                   # 6: cells all empty (Excel's ";;;")
        b'A-2,"a\nb\nc"\n'                         # 7-9
        b"A-3,last"                                # 10, no final newline
    )
    table = read_table(path)
    assert table.header_line == 2
    assert table.headers == ["Order_Ref", "Note"]
    assert [(record.line, record.get("ORDER_REF"), record.get("note"))
            for record in table.records] == [
        (3, "A-1", "first line\nsecond line"),
        (7, "A-2", "a\nb\nc"),
        (10, "A-3", "last"),
    ]
    assert table.errors == []


def test_a_row_with_more_cells_than_the_header_is_rejected(tmp_path):
    path = tmp_path / "shifted.csv"
    path.write_text("order_ref,address1,city\nA-1,12 rue X,Paris\nA-2,12, rue Y,Lyon\n",
                    encoding="utf-8")
    table = read_table(path)
    assert [record.line for record in table.records] == [2]
    assert [(error.line, error.key, error.params) for error in table.errors] == [
        (3, "csv.too_many_cells", {"count": 4, "expected": 3})]


def test_trailing_empty_cells_are_not_extra_cells(tmp_path):
    path = tmp_path / "trailing.csv"
    path.write_text("order_ref;city\nA-1;Paris;;;\n", encoding="utf-8")
    table = read_table(path)
    assert table.errors == []
    assert table.records[0].values == {"order_ref": "A-1", "city": "Paris"}


def test_an_unclosed_quote_is_reported_at_the_line_where_it_opens(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('order_ref,note\nA-1,fine\nA-2,"never closed\nA-3,lost\n', encoding="utf-8")
    table = read_table(path)
    assert [record.line for record in table.records] == [2]
    assert [(error.line, error.key) for error in table.errors] == [(3, "csv.malformed")]


def test_missing_cells_read_as_empty(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("order_ref,city,note\nA-1,Paris\n", encoding="utf-8")
    assert read_table(path).records[0].get("note") == ""


def test_duplicate_headers_are_noted(tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text("sku,SKU,quantity\nA,B,1\n", encoding="utf-8")
    table = read_table(path)
    assert table.duplicate_headers == ["SKU"]
    assert table.records[0].get("sku") == "A"


@pytest.mark.parametrize("text", ["", "\n\n", "sep=;\n"])
def test_an_empty_file_is_one_error(tmp_path, text):
    path = tmp_path / "empty.csv"
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    assert [error.key for error in table.errors] == ["csv.empty"]
    assert table.records == []


def test_a_missing_file_raises_an_input_error(tmp_path, english):
    with pytest.raises(InputError) as caught:
        read_table(tmp_path / "nowhere.csv")
    assert caught.value.key == "csv.unreadable"
    assert "nowhere.csv" in str(caught.value)
