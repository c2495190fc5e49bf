"""Packstation: the packing-and-shipping station of a small web shop."""

__version__ = "0.1.0"
