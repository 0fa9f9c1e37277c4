"""``/api/schema/`` is generated once per process, version and language (core.api.schema_view.SchemaView)."""

import pytest
from rest_framework.test import APIClient

from core.api.schema_view import SchemaView


@pytest.mark.django_db
def test_the_schema_is_generated_once_per_language_and_rendered_per_request():
    SchemaView._schemas.clear()
    client = APIClient()
    first = client.get("/api/schema/", {"format": "json"})
    again = client.get("/api/schema/", {"format": "json"})
    yaml = client.get("/api/schema/")
    greek = client.get("/api/schema/", {"format": "json", "lang": "el"})
    assert first.status_code == again.status_code == yaml.status_code == greek.status_code == 200
    assert first.data is again.data is yaml.data  # one generation, three renderings
    assert first.content == again.content and yaml.content.startswith(b"openapi: ")
    assert greek.data is not first.data and len(SchemaView._schemas) == 2
    assert first.json()["paths"].keys() == greek.json()["paths"].keys()
    assert first["Content-Disposition"].startswith('inline; filename="Service desk API')
