"""Stylesheets and icons (read with importlib.resources)."""
