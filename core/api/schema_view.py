"""The view of ``/api/schema/`` (apart from :mod:`core.api.schema`, which DRF imports while
drf-spectacular's views import DRF's settings)."""

from django.conf import settings
from django.urls import get_urlconf
from django.utils import translation
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response


class SchemaView(SpectacularAPIView):
    """``/api/schema/``: drf-spectacular's view, the schema generated once per process, API
    version, language and URL configuration instead of on every request (2–3 s of CPU each:
    every view, serializer and filter of the API introspected). The schema is public
    (``SERVE_PUBLIC``) and describes the code, which a process does not change while it runs; a
    deployment restarts the processes. Rendering (JSON or YAML) still happens per request."""

    _schemas: dict = {}

    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        key = (version, translation.get_language(), get_urlconf() or settings.ROOT_URLCONF, self.serve_public)
        schema = self._schemas.get(key)
        if schema is None:
            generator = self.generator_class(urlconf=self.urlconf, api_version=version, patterns=self.patterns)
            schema = self._schemas[key] = generator.get_schema(request=request, public=self.serve_public)
        return Response(data=schema, headers={
            "Content-Disposition": f'inline; filename="{self._get_filename(request, version)}"'})
