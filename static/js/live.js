// Live pages (filled in by issue 21).
