"""Errors a packer or a merchant must see, as opposed to bugs.

A :class:`PackstationError` carries a message key and its parameters; its text is
rendered in the current language when shown, so the CLI prints it and the window
displays it without knowing which error it is. Anything else that escapes is a bug.
"""

from __future__ import annotations

from packstation.core import i18n


class PackstationError(Exception):
    """An error with a message for the user: what went wrong and what to do next."""

    key = "error.generic"

    def __init__(self, key: str | None = None, /, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key)

    @property
    def message(self) -> str:
        return i18n.tr(self.key, **self.params)

    def __str__(self) -> str:
        return self.message


class InputError(PackstationError):
    """Bad input from a file, a scan or a command line."""


class NotFoundError(PackstationError):
    """Something named by the user does not exist."""


class StateError(PackstationError):
    """An action that the current state of an order or a station does not allow."""


class DatabaseError(PackstationError):
    """The database cannot be opened, is too new, is locked or the connection is lost."""


i18n.register({
    "error.generic": ("Une erreur est survenue.", "Something went wrong."),
})
