"""Shared fixtures: a real database on each engine, the language, a clean process."""

from __future__ import annotations

import os

# Without a display QApplication aborts the process; tests run Qt offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from packstation.core import i18n  # noqa: E402

pytest_plugins = ["tests.services"]


@pytest.fixture(autouse=True)
def french():
    """Every test starts in French (the product's first language) and restores it."""
    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep the user's real data, configuration and documents folders out of tests."""
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                             ("XDG_DOCUMENTS_DIR", "Documents"), ("XDG_CACHE_HOME", "cache"),
                             ("XDG_STATE_HOME", "state")):  # the log (packstation.logs)
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.delenv("PACKSTATION_DB", raising=False)
    monkeypatch.delenv("PACKSTATION_CONFIG", raising=False)
    return home


@pytest.fixture
def sqlite_path(tmp_path):
    return str(tmp_path / "shop.sqlite3")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path):
    """A fresh database of each engine: a SQLite file, and a private PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "shop.sqlite3")
    return request.getfixturevalue("postgres_database")


@pytest.fixture
def db(db_target):
    """The fresh database of ``db_target``, opened and migrated, closed afterwards."""
    from packstation.db import close
    from packstation.services.shop import open_shop

    database = open_shop(db_target)
    yield database
    close()


@pytest.fixture
def sqlite_db(sqlite_path):
    """A fresh SQLite database only (for tests about the file itself)."""
    from packstation.db import close
    from packstation.services.shop import open_shop

    database = open_shop(sqlite_path)
    yield database
    close()
