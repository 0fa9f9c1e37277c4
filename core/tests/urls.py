"""The project's URLs plus views that fail on purpose, for the error-shape tests
(``@pytest.mark.urls("core.tests.urls")``). The error handlers are the project's own."""

from django.db import IntegrityError
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from servicedesk.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


class Boom(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        raise RuntimeError("an unexpected failure")


class Duplicate(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        raise IntegrityError('duplicate key value violates unique constraint "x"')


def plain_boom(request):
    raise RuntimeError("an unexpected failure outside DRF")


urlpatterns = [
    path("api/v1/test-boom/", Boom.as_view()),
    path("api/v1/test-duplicate/", Duplicate.as_view()),
    path("api/v1/test-plain-boom/", plain_boom),
    path("test-page-boom/", plain_boom),
    *urlpatterns,
]
