"""Comparing 2 to 4 partnerships: the partnerships chosen, the Compare actions in the
search results, the timeline and its list, and the compare page's own actions."""
