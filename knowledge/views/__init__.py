"""The knowledge base's pages: ``agent`` (the agents' /knowledge/…) and ``help`` (the public
help centre /help/…)."""
