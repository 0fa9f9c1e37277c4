"""The service-request pages, two doors with a namespace each:

- ``/requests/`` (``requests:``): the agents' queues and request page (staff), and the
  approvals inbox (anyone asked to approve).
- ``/portal/`` (``portal:``): the requester portal — the catalogue, my requests, my
  incidents. The root URLconf mounts it with ``include(servicerequests.urls.portal)``.
  Reporting an incident and following one are still incidents' views (``report/``,
  ``incidents/<pk>/``) until they move here (issue 16, item 5)."""

from django.urls import path

from incidents import views as incident_views

from . import views

app_name = "requests"
urlpatterns = [
    path("", views.request_queue, name="queue"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<int:pk>/", views.approval_decide, name="decide"),
    path("tasks/", views.task_queue, name="tasks"),
    path("tasks/<int:pk>/<slug:action>/", views.task_action, name="task-action"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.request_action, name="action"),
]

portal_urlpatterns = [
    path("", views.portal_home, name="home"),
    path("report/", incident_views.portal_home, name="report"),
    path("incidents/<int:pk>/", incident_views.portal_incident, name="incident"),
    path("catalog/<int:pk>/", views.portal_order, name="order"),
    path("requests/<int:pk>/", views.portal_request, name="request"),
]
#: The portal's patterns with their namespace, for ``include()``.
portal = (portal_urlpatterns, "portal")
