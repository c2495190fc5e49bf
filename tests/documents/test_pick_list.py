"""Pick lists: products summed across the batch in bin order, and every order's barcode."""

from __future__ import annotations

from packstation.documents import PickOrder, SlipLine, render_pick_list
from packstation.documents.pick_list import pick_rows

from . import samples
from .pdfs import barcodes, page_sizes_mm, pdf_text

ORDERS = [
    PickOrder("#1001", "Colissimo", [SlipLine("TEA", "Thé vert", "B10", 2),
                                     SlipLine("MUG", "Mug émaillé", "A2", 1)]),
    PickOrder("#1002", "Chronopost", [SlipLine("MUG", "Mug émaillé", "A2", 3)]),
    PickOrder("#1003", "Colissimo", [SlipLine("TEA", "Thé vert", "B10", 1),
                                     SlipLine("JAM", "Confiture <abricot & co>", "A10", 1),
                                     SlipLine("TEA", "Thé vert", "B10", 1)]),
]


def test_products_are_summed_across_orders_in_bin_order():
    rows = pick_rows(ORDERS)
    assert [(row.bin, row.sku, row.quantity) for row in rows] == [
        ("A2", "MUG", 4), ("A10", "JAM", 1), ("B10", "TEA", 4)]
    assert rows[0].per_order == [("#1001", 1), ("#1002", 3)]
    assert rows[2].per_order == [("#1001", 2), ("#1003", 2)]  # one entry per order


def test_the_pdf_shows_sums_breakdowns_and_totals():
    text = pdf_text(render_pick_list(samples.pick_list(ORDERS)))
    assert "LISTE DE PRÉPARATION" in text
    assert "Imprimée le 14/03/2025 8 h 05" in text
    assert "3 commandes · 3 produits · 9 articles" in text
    assert "A2 MUG Mug émaillé 4 #1001 × 1, #1002 × 3" in text
    assert "B10 TEA Thé vert 4 #1001 × 2, #1003 × 2" in text
    assert "Confiture <abricot & co>" in text
    assert text.index("MUG") < text.index("JAM") < text.index("TEA")
    assert "page 1/1" in text
    assert page_sizes_mm(render_pick_list(samples.pick_list(ORDERS))) == [(210.0, 297.0)]


def test_in_english():
    text = pdf_text(render_pick_list(samples.pick_list(ORDERS, language="en")))
    assert "PICK LIST" in text and "3 orders · 3 products · 9 items" in text
    assert "Orders to pack" in text
    assert "Checked" in text.split()  # the heading whole, not "Checke" / "d"


def test_every_order_ref_barcode_decodes(tmp_path):
    found = barcodes(render_pick_list(samples.pick_list(ORDERS)), tmp_path)
    assert sorted(found) == [("CODE-128", "#1001"), ("CODE-128", "#1002"), ("CODE-128", "#1003")]


def test_a_big_batch_runs_over_pages():
    orders = [PickOrder(f"#{2000 + number}", "Colissimo",
                        samples.slip_lines(3 + number % 4)) for number in range(40)]
    text = pdf_text(render_pick_list(samples.pick_list(orders)))
    assert "page 1/" in text and "#2039" in text
    total_units = sum(line.quantity for order in orders for line in order.lines)
    assert f"{total_units} articles" in text


def test_the_orders_heading_is_never_left_alone_at_a_page_bottom():
    from .pdfs import page_texts

    stranded = []
    for count in range(18, 26):  # around the products table filling the first page
        orders = [PickOrder(f"#{n}", "Colissimo", [SlipLine(f"SKU-{n}", f"Produit {n}", f"A-{n:02d}", 1)])
                  for n in range(count)]
        pages = page_texts(render_pick_list(samples.pick_list(orders)))
        for page in pages[:-1]:
            lines = [line for line in page.splitlines() if line.strip()]
            # A heading stranded at the bottom is the last text before the page's footer.
            if any(line.strip() == "Commandes à préparer" for line in lines[-3:]):
                stranded.append(count)
    assert stranded == []
