"""The search results page under /search/ (url names in the ``search`` namespace)."""

app_name = "search"
urlpatterns: list = []
