"""Programs that tests start as real processes, to test what happens between processes."""
