"""The agents' pages under /knowledge/ (url names in the ``knowledge`` namespace)."""

urlpatterns: list = []
