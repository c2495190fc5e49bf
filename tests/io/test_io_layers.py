"""The io layer stays pure: no Qt, no database, and every message in both languages."""

from __future__ import annotations

import subprocess
import sys

import pytest

from packstation.core import i18n
from packstation.io import formats, tracking  # noqa: F401  (registers every io message)

IO_MESSAGE_PREFIXES = ("csv.", "shopify.", "profile.", "import.", "tracking.")


def test_importing_io_loads_neither_qt_nor_later_layers():
    code = (
        "import sys\n"
        "import packstation.io, packstation.io.tracking, packstation.io.formats\n"
        "bad = sorted(name for name in sys.modules if name.startswith(('PySide6', "
        "'packstation.db', 'packstation.services', 'packstation.printing', "
        "'packstation.documents', 'packstation.ui', 'peewee', 'reportlab')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


IO_MESSAGES = sorted(key for key in i18n.catalogue() if key.startswith(IO_MESSAGE_PREFIXES))


def test_io_messages_are_registered():
    assert len(IO_MESSAGES) > 40


@pytest.mark.parametrize("key", IO_MESSAGES)
def test_each_message_has_the_same_placeholders_in_french_and_english(key):
    french, english = i18n.catalogue()[key]
    assert i18n.placeholders(french) == i18n.placeholders(english)
    assert french != english
