"""x"""

FIGURES: dict = {}
