"""The layers of DESIGN.md: only ui and app import PySide6."""

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "packstation"
QT_FREE = ["core", "db", "documents", "io", "shipping", "printing", "services", "cli"]


@pytest.mark.parametrize("layer", QT_FREE)
def test_importing_a_layer_loads_no_pyside6(layer):
    modules = sorted(
        "packstation." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for path in ([PACKAGE / f"{layer}.py"] if (PACKAGE / f"{layer}.py").exists()
                     else (PACKAGE / layer).rglob("*.py"))
        if path.name != "__main__.py"
    )
    code = ("import sys, importlib\n"
            f"for name in {modules!r}: importlib.import_module(name.removesuffix('.__init__'))\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
            "print(','.join(loaded))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{layer} loaded {result.stdout.strip()}"


def test_no_source_outside_ui_and_app_imports_pyside6():
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if not path.relative_to(PACKAGE).parts[0] in ("ui", "app.py")
        and any(line.lstrip().startswith(("import PySide6", "from PySide6"))
                for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []


def test_every_message_has_both_languages_and_the_same_placeholders():
    import importlib
    from packstation.core import i18n

    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0] in ("ui", "app", "__main__") or parts[-1] == "screenshots":
            continue
        importlib.import_module("packstation." + ".".join(p for p in parts if p != "__init__")
                                if parts != ("__init__",) else "packstation")
    for key, (french, english) in i18n.catalogue().items():
        assert french.strip() and english.strip(), key
        assert i18n.placeholders(french) == i18n.placeholders(english), key
