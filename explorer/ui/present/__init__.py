"""Presenter mode: slides on the projector, notes on the laptop (View > Present, F5)."""
