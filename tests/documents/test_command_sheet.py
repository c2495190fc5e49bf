"""The command sheet: one page, every command decodes, labels in the document's language."""

from __future__ import annotations

import pytest

from packstation.core import i18n
from packstation.core.commands import Command
from packstation.documents import render_command_sheet

from .pdfs import barcodes, page_sizes_mm, pdf_text


def test_every_command_decodes_from_one_page(tmp_path):
    pdf = render_command_sheet("fr")
    assert page_sizes_mm(pdf) == [(210.0, 297.0)]
    found = barcodes(pdf, tmp_path)
    assert sorted(found) == sorted(("CODE-128", command.code) for command in Command)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_labels_are_in_the_sheets_language_whatever_the_windows(language):
    i18n.set_language("en" if language == "fr" else "fr")
    text = pdf_text(render_command_sheet(language))
    for command in Command:
        assert i18n.tr(f"command.{command.name.lower()}", language) in text
        assert command.code in text
    assert ("Codes de commande" if language == "fr" else "Command codes") in text
    assert i18n.language() == ("en" if language == "fr" else "fr")  # left as it was
