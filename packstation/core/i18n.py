"""Messages in French and English for every layer below the window.

Each module that speaks to a user registers its own messages with :func:`register`
(key -> (French, English)); :func:`tr` renders one in the current language. The window
uses Qt's translation system for its own widgets, and these catalogues for what the
services say (scan answers, domain errors), so that the CLI and the window say the same.
"""

from __future__ import annotations

import locale
import os
import string
from typing import Mapping

LANGUAGES = ("fr", "en")
_catalogue: dict[str, tuple[str, str]] = {}
_language = None


class MessageKeyError(KeyError):
    """A message key that no module registered: a bug, not a user error."""


def register(messages: Mapping[str, tuple[str, str]]) -> None:
    """Add messages (key -> (French, English)). A key registered twice must not differ."""
    for key, pair in messages.items():
        french, english = pair
        if not french or not english:
            raise ValueError(f"message {key!r} lacks a translation")
        known = _catalogue.get(key)
        if known is not None and known != (french, english):
            raise ValueError(f"message {key!r} registered twice with different texts")
        _catalogue[key] = (french, english)


def system_language() -> str:
    """The user's language from the environment: French unless it says English.

    Packstation's first users are French; a system that names no language (C, POSIX,
    unset) gets French, any language other than French gets English.
    """
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            break
    else:
        value = (locale.getlocale()[0] or "")
    code = value.split(":")[0].split("_")[0].split(".")[0].lower()
    if code in ("", "c", "posix", "fr"):
        return "fr"
    return "en"


def set_language(language: str | None) -> str:
    """Choose the language of every message; None follows the system. Returns it."""
    global _language
    if language is None:
        language = system_language()
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: choose one of {', '.join(LANGUAGES)}")
    _language = language
    return language


def language() -> str:
    if _language is None:
        set_language(None)
    return _language  # type: ignore[return-value]


def tr(key: str, lang: str | None = None, /, **params: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), filled with params."""
    try:
        french, english = _catalogue[key]
    except KeyError:
        raise MessageKeyError(key) from None
    text = french if (lang or language()) == "fr" else english
    return text.format(**params) if params else text


def catalogue() -> dict[str, tuple[str, str]]:
    """A copy of every registered message, for the translation tests."""
    return dict(_catalogue)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Message:
    """A text kept as its key and parameters, rendered in the reader's language when shown.

    What a service decides once and a person reads later in either language (a hold
    rule's reason) is stored this way (:meth:`to_json`), never as the text of the moment.
    A parameter may itself be a message (a risk level that has its own words); the other
    parameters must be JSON values (an amount as its string).
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def text(self, lang: str | None = None) -> str:
        return tr(self.key, lang, **{name: value.text(lang) if isinstance(value, Message) else value
                                     for name, value in self.params.items()})

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def to_json(self) -> dict:
        return {"key": self.key,
                "params": {name: value.to_json() if isinstance(value, Message) else value
                           for name, value in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping) -> "Message":
        return cls(data["key"], **{name: cls.from_json(value)
                                   if isinstance(value, Mapping) and "key" in value else value
                                   for name, value in (data.get("params") or {}).items()})
