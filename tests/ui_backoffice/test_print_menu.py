"""The print menu: a pick list of the next batch, stickers for products without barcode."""

from pypdf import PdfReader

from packstation.core import gtin
from packstation.db.models import Barcode, Product


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_pick_list_of_the_next_ready_orders(window):
    job = window.backoffice.print_pick_list()
    assert job is not None and job.status == "done"
    text = pdf_text(job.output)
    for ref in ("CMD-1", "CMD-2", "CMD-3", "CMD-4"):
        assert ref in text
    assert "Imprimé" in window.notice_label.text()


def test_product_labels_give_products_without_barcode_an_internal_code(window):
    job = window.backoffice.print_product_labels()
    assert job is not None and job.status == "done"
    code = Barcode.get(Barcode.product == Product.get(Product.sku == "SPOON")).code
    assert gtin.is_internal(code) and gtin.is_valid(code)
    assert "SPOON" in pdf_text(job.output)
    assert window.backoffice.print_product_labels() is None  # every product has one now
    assert "déjà un code-barres" in window.notice_label.text()
