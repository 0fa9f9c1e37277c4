"""Reacts to the incidents app's signals (filled in with the status page)."""
