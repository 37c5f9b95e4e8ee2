"""The timeline: every partnership on a zoomable, filterable time axis (TimelinePanel)."""
