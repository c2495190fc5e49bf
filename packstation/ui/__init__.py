"""The PySide6 window: the only package besides app.py that imports Qt."""
