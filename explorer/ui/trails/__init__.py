"""Reading trails in the window: the trail bar, following a trail, the trail editor."""
