"""The incident pages, two doors with a namespace each (like ``servicerequests.urls``):

- ``/incidents/`` (``incidents:``): the workspace queue, the incident page and its actions,
  create and edit — :mod:`incidents.views.incident`.
- ``/major-incidents/`` (``major:``): the major-incident list, the war room, the postmortem
  and spike alerts — :mod:`incidents.views.major`. The root URLconf mounts it with
  ``include(incidents.urls.major)``."""

from django.urls import path

from .views import incident as incident_views
from .views import major as major_views
from .views import pickers as picker_views

app_name = "incidents"
urlpatterns = [
    path("", incident_views.QueueView.as_view(), name="queue"),
    path("new/", incident_views.IncidentCreateView.as_view(), name="create"),
    path("bulk-assign/", incident_views.bulk_assign, name="bulk-assign"),
    # the create/edit forms' live helpers (htmx): incidents/views/pickers.py
    path("pick/assignees/", picker_views.assignee_options, name="pick-assignees"),
    path("pick/cis/", picker_views.ci_options, name="pick-cis"),
    path("pick/priority/", picker_views.priority_preview, name="pick-priority"),
    path("<int:pk>/", incident_views.incident_detail, name="detail"),
    path("<int:pk>/edit/", incident_views.IncidentEditView.as_view(), name="edit"),
    path("<int:pk>/attachments/<int:attachment_pk>/", incident_views.attachment_download, name="attachment"),
    # the note composer's text with a canned reply added (before the actions: same shape)
    path("<int:pk>/canned-reply/", incident_views.canned_reply, name="canned-reply"),
    # take, assign, start, hold, resume, resolve, close, reopen, link, unlink, note, attach
    path("<int:pk>/<slug:action>/", incident_views.incident_action, name="action"),
]

major_urlpatterns = [
    path("", major_views.major_list, name="list"),
    path("declare/<int:incident_pk>/", major_views.declare, name="declare"),
    path("flag/<int:incident_pk>/", major_views.flag_major, name="flag"),
    path("spikes/<int:pk>/", major_views.spike_alert, name="spike"),
    # declare, dismiss
    path("spikes/<int:pk>/<slug:decision>/", major_views.spike_decide, name="spike-decide"),
    path("<int:pk>/", major_views.war_room, name="detail"),
    path("<int:pk>/live/", major_views.war_room_live, name="live"),
    path("<int:pk>/postmortem/", major_views.postmortem, name="postmortem"),
    # take, done, cancel
    path("<int:pk>/tasks/<int:task_pk>/<slug:move>/", major_views.task_action, name="task"),
    # mobilise, contain, resolve, review, close, add-member, remove-member, add-task, update, announcement
    path("<int:pk>/<slug:action>/", major_views.major_action, name="action"),
]
#: The major-incident patterns with their namespace, for ``include()``.
major = (major_urlpatterns, "major")
