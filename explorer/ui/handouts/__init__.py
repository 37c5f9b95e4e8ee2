"""Handouts (print and PDF) and quiz export for the classroom."""
