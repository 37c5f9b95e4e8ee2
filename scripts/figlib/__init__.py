"""Drawing helpers and figure definitions for scripts/make_figures.py."""
