"""The project's URLs with the monitoring pages mounted at /monitoring/ (as servicedesk/urls.py
is asked to mount them), for the page tests; unchanged once the project mounts them itself."""

from django.urls import include, path

from servicedesk.urls import handler400, handler403, handler404, handler500  # noqa: F401
from servicedesk.urls import urlpatterns as project

mounted = any(getattr(pattern, "namespace", None) == "monitoring" for pattern in project)
urlpatterns = [*project, *([] if mounted else [path("monitoring/", include("monitoring.urls"))])]
