"""Where the program writes what went wrong: a rotating file in the user log folder.

The window and the command line both call :func:`setup_logging` first, so that an error a
packer reports can be found afterwards (``packstation.log``, a few files of 1 MB kept).
Nothing here knows Qt; the window's crash dialog (``ui.crash``) says where the file is.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from packstation.core.paths import APP

LOG_ENV = "PACKSTATION_LOG_DIR"
FILE_NAME = "packstation.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_handler: logging.Handler | None = None


def log_dir() -> Path:
    """``PACKSTATION_LOG_DIR``, else the platform's user log folder."""
    return Path(os.environ.get(LOG_ENV) or platformdirs.user_log_dir(APP, appauthor=False))


def log_file() -> Path:
    return log_dir() / FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the program's log (INFO and above) to the rotating file; its path, or None
    when the folder cannot be written (the program goes on: a log is no reason to stop)."""
    global _handler
    target = log_file()
    root = logging.getLogger()
    if _handler is not None:
        if Path(getattr(_handler, "baseFilename", "")) == target.resolve():
            return target
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8",
                                                       delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _handler = handler
    return target
