"""Diagrams for the case-study lessons."""

FIGURES: dict = {}
