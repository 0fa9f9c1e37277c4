// Keyboard shortcuts (filled in by issue 21).
