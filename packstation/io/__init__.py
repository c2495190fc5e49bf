"""Importers and exporters for shop platforms and plain CSV."""
