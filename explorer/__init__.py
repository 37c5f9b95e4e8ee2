"""Space Partnerships Explorer: learn how nations, agencies and companies explore space together."""

__version__ = "0.1.0"
