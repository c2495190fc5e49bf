"""Writing a file so that a crash or a full disk never leaves half of it behind."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Callable, TextIO


def write_atomically(path: str | Path, write: Callable[[TextIO], None], *,
                     newline: str | None = None) -> Path:
    """Write a UTF-8 text file through ``write(stream)`` and move it into place.

    The text goes to a hidden file next to ``path``, flushed to disk, then replaces
    ``path`` in one rename: readers see the old file or the whole new one. The file gets
    the usual permissions (unlike ``tempfile.mkstemp``'s owner-only ones). Raises
    OSError as the system reports it.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8", newline=newline) as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
