"""The fonts documents are printed in, and which font prints which character.

DejaVu Sans (regular and bold, bundled under ``resources/fonts`` with its licence) prints
Latin, Greek and Cyrillic. For a character it lacks (Chinese, Japanese, Korean...), a
system font that has it is found through fontconfig (``fc-match``, then ``fc-list``),
loaded once, and used for that run of text only. Where there is no such font, or no
fontconfig (Windows, macOS), the character is *unprintable*: renderers check every user
string with :func:`unprintable_characters` before drawing anything, so that a packer is
told which field to fix instead of getting a label with empty boxes.

Right-to-left letters (Hebrew, Arabic) are unprintable too, even though DejaVu has some
of them: ReportLab lays text out left to right without shaping, so they would come out
reversed (and, for Arabic, with unjoined letters). An address printed wrong is worse
than one refused.

Fonts are registered with ReportLab once per process; this module is thread-safe, since
documents may be rendered from a worker thread.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from packstation.core import paths

#: ReportLab names of the bundled faces. ``REGULAR`` is also the family name, so that
#: ``<b>`` in a paragraph set in DejaVu Sans selects the real bold face.
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_BUNDLED_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_FONTCONFIG_TIMEOUT_S = 10
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def fonts_dir() -> Path:
    return paths.resources_dir() / "fonts"


@dataclass(frozen=True)
class FallbackFont:
    """A system font registered with ReportLab to print what DejaVu Sans lacks."""

    name: str  # its ReportLab name, usable in ``<font face="...">``
    path: Path
    index: int  # face index inside a TrueType collection (.ttc)
    charset: frozenset[int]


_lock = threading.RLock()
_bundled_charset: frozenset[int] = frozenset()
_registered = False
_fallbacks: list[FallbackFont] = []
_tried_faces: set[tuple[str, int]] = set()
_no_font: set[int] = set()


def register_fonts() -> None:
    """Register the bundled DejaVu Sans family with ReportLab (once; cheap afterwards)."""
    global _bundled_charset, _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        charsets = []
        for name, filename in _BUNDLED_FILES.items():
            font = TTFont(name, str(fonts_dir() / filename))
            pdfmetrics.registerFont(font)
            charsets.append(frozenset(font.face.charToGlyph))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD,
        )
        # A character counts as bundled only if every face has it: one that only the
        # regular face has would print as a box in a bold run.
        _bundled_charset = frozenset.intersection(*charsets)
        _registered = True


def clean_text(text: str) -> str:
    """User text as it will be printed.

    NFC-normalised (ReportLab does not compose accents), line breaks as ``\\n``, other
    control characters (tabs...) as spaces, and invisible format characters (zero-width
    spaces, direction marks, soft hyphens, byte order marks) dropped: they print nothing.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        if text.isprintable():
            return text
        return "".join(char if char.isprintable() or char == "\n" else " " for char in text)
    text = unicodedata.normalize("NFC", text).replace("\u2028", "\n").replace("\u2029", "\n")
    cleaned = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        cleaned.append(" " if category == "Cc" and char != "\n" else char)
    return "".join(cleaned)


def font_for(char: str) -> str | None:
    """The ReportLab font that prints ``char`` correctly, or None if none can.

    Returns :data:`REGULAR` for the bundled family (either face), else the name of a
    fallback font. ``char`` is one character of text passed through :func:`clean_text`.
    """
    register_fonts()
    code = ord(char)
    if 32 <= code < 127:
        return REGULAR
    if unicodedata.bidirectional(char) in _RIGHT_TO_LEFT:
        return None
    if code in _bundled_charset:
        return REGULAR
    fallback = _fallback_for(code)
    return fallback.name if fallback is not None else None


def unprintable_characters(text: str) -> str:
    """The characters of ``text`` that no font prints correctly, each once, in order."""
    text = clean_text(text)
    if text.isascii():
        return ""
    bad = (char for char in text if char != "\n" and font_for(char) is None)
    return "".join(dict.fromkeys(bad))


def font_runs(text: str) -> Iterator[tuple[str, str]]:
    """Split cleaned ``text`` into (font name, run) pieces, longest runs possible.

    Spaces and line breaks stay in the current run so that a Chinese address is one
    run, not one per word. Raises ValueError on a character no font prints: renderers
    must have checked the text with :func:`unprintable_characters` first.
    """
    if text.isascii():
        yield REGULAR, text
        return
    current_font: str | None = None
    start = 0
    for position, char in enumerate(text):
        if char in " \n":
            continue
        font = font_for(char)
        if font is None:
            raise ValueError(f"unchecked text: no font prints {char!r} (U+{ord(char):04X})")
        if font != current_font:
            if current_font is not None:
                yield current_font, text[start:position]
                start = position
            current_font = font
    if start < len(text):
        yield current_font or REGULAR, text[start:]


def _fallback_for(code: int) -> FallbackFont | None:
    for font in _fallbacks:
        if code in font.charset:
            return font
    if code in _no_font:
        return None
    with _lock:
        for font in _fallbacks:  # another thread may have loaded one meanwhile
            if code in font.charset:
                return font
        for path, index in _fontconfig_candidates(code):
            font = _load_fallback(path, index)
            if font is not None and code in font.charset:
                return font
        _no_font.add(code)
        return None


def _fontconfig_candidates(code: int) -> Iterator[tuple[str, int]]:
    """TrueType faces that fontconfig says have ``code``: its best sans match first."""
    output_format = "%{file}\t%{index}\t%{fontformat}\n"
    queries = (
        ["fc-match", "--format", output_format, f"sans-serif:charset={code:x}"],
        ["fc-list", "--format", output_format, f":charset={code:x}"],
    )
    for command in queries:
        if shutil.which(command[0]) is None:
            return
        try:
            output = subprocess.run(
                command, capture_output=True, text=True, check=False,
                timeout=_FONTCONFIG_TIMEOUT_S,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return
        faces = []
        for line in output.splitlines():
            path, _, rest = line.partition("\t")
            index, _, font_format = rest.partition("\t")
            # ReportLab reads TrueType outlines only (not CFF-flavoured OpenType).
            if font_format == "TrueType" and index.isdigit():
                faces.append((path, int(index)))
        yield from sorted(faces) if command[0] == "fc-list" else faces


def _load_fallback(path: str, index: int) -> FallbackFont | None:
    if (path, index) in _tried_faces:
        return None
    _tried_faces.add((path, index))
    name = "Fallback-" + re.sub(r"[^A-Za-z0-9]+", "", Path(path).stem) + f"-{index}"
    try:
        font = TTFont(name, path, subfontIndex=index)
    except Exception:  # noqa: BLE001 - a system font ReportLab cannot read is skipped
        return None
    pdfmetrics.registerFont(font)
    # No bold face: bold runs of this script print in the regular weight.
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    fallback = FallbackFont(name, Path(path), index, frozenset(font.face.charToGlyph))
    _fallbacks.append(fallback)
    return fallback
