"""The public help centre under /help/ (no login; url names in the ``knowledge`` namespace)."""

urlpatterns: list = []
