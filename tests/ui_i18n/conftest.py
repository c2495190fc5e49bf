"""The window's Qt catalogues: the station window fixtures of tests/ui, and a clean translator."""

from __future__ import annotations

import pytest

from packstation.ui import texts
from tests.ui.conftest import config, make_window, shop  # noqa: F401 (fixtures)


@pytest.fixture
def committed_translator(qapp):
    """After the test, the committed catalogue of the current language is the installed one
    again, whatever the test installed (a draft folder would otherwise leak to later tests)."""
    yield
    texts.install_translator(qapp)
