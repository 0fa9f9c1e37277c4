"""The service-request pages, two doors with a namespace each:

- ``/requests/`` (``requests:``): the agents' queues and request page (staff), and the
  approvals inbox (anyone asked to approve).
- ``/portal/`` (``portal:``): the requester portal — the catalogue, my requests, my
  incidents (reporting one and following it, through incidents' services). The root
  URLconf mounts it with ``include(servicerequests.urls.portal)``."""

from django.urls import path

from . import views

app_name = "requests"
urlpatterns = [
    path("", views.request_queue, name="queue"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<int:pk>/", views.approval_decide, name="decide"),
    path("tasks/", views.task_queue, name="tasks"),
    path("tasks/<int:pk>/<slug:action>/", views.task_action, name="task-action"),
    path("<int:pk>/", views.request_detail, name="detail"),
    # the comment box's text with a canned reply added (before the actions: same shape)
    path("<int:pk>/canned-reply/", views.canned_reply, name="canned-reply"),
    path("<int:pk>/<slug:action>/", views.request_action, name="action"),
]

portal_urlpatterns = [
    path("", views.portal_home, name="home"),
    path("report/", views.portal_report, name="report"),
    path("incidents/<int:pk>/", views.portal_incident, name="incident"),
    path("catalog/<int:pk>/", views.portal_order, name="order"),
    path("requests/<int:pk>/", views.portal_request, name="request"),
    # Red Alert's one click: link me to the known problem (a major incident) instead of a new ticket
    path("me-too/<int:pk>/", views.portal_me_too, name="me-too"),
]
#: The portal's patterns with their namespace, for ``include()``.
portal = (portal_urlpatterns, "portal")
