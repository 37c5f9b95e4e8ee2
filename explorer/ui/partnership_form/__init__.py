"""The partnership form: one partnership added or edited by hand, its widgets, hints and
the delete and revert questions."""
