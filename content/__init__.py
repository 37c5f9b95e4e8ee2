"""Bundled lessons and partnership data (read with importlib.resources)."""
