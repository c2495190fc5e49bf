"""The window's Qt catalogues: the station window fixtures of tests/ui, and a clean translator."""

from __future__ import annotations

import pytest

from packstation.ui import texts
from tests.ui.conftest import QT_MACHINE_NOISE, config, make_window, shop  # noqa: F401 (fixtures)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/ui_i18n/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(QT_MACHINE_NOISE))


@pytest.fixture
def committed_translator(qapp):
    """After the test, the committed catalogue of the current language is the installed one
    again, whatever the test installed (a draft folder would otherwise leak to later tests)."""
    yield
    texts.install_translator(qapp)
