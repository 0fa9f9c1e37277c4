"""The contact-centre pages under ``/contact-center/``: the agent's console, the screen pop,
the call log and the agent's state. The webhooks are in ``webhooks/urls.py``, the API in
``api/urls.py``."""

from django.urls import path

from . import all_hands_views, outbound_views, quality_views, simulation_views, supervision_views, views

app_name = "contactcenter"
urlpatterns = [
    path("", views.console, name="console"),
    path("pop/", views.screen_pop, name="screen-pop"),
    path("calls/", views.call_log, name="calls"),
    path("state/", views.set_state, name="state"),
    # the demo's simulated call (DEMO_TELEPHONY): contactcenter/simulation_views.py
    path("simulate/", simulation_views.simulate, name="simulate"),
    path("simulate/hangup/", simulation_views.hangup, name="simulate-hangup"),
    path("calls/<int:pk>/incident/", views.incident_from_call, name="incident-from-call"),
    # CC-A (issue 22.1, 22.3): the call page, recordings, quality reviews, prompts (quality_views.py)
    path("calls/<int:pk>/", quality_views.call_detail, name="call"),
    path("calls/<int:pk>/evaluations/new/", quality_views.evaluation_new, name="evaluation-new"),
    path("recordings/<int:pk>/audio/", quality_views.recording_audio, name="recording-audio"),
    path("prompts/", quality_views.prompt_list, name="prompts"),
    path("prompts/upload/", quality_views.prompt_upload, name="prompt-upload"),
    path("prompts/code/", quality_views.prompt_code, name="prompt-code"),
    path("prompts/<int:pk>/delete/", quality_views.prompt_delete, name="prompt-delete"),
    path("calls/<int:pk>/<str:action>/", views.call_action, name="call-action"),
    # CC-B (issue 22.2): click-to-call and the auto-dial lists (contactcenter/outbound_views.py)
    path("dial/<str:kind>/<int:pk>/", outbound_views.dial, name="dial"),
    path("dial-lists/", outbound_views.dial_lists, name="dial-lists"),
    path("dial-lists/<int:pk>/", outbound_views.dial_list, name="dial-list"),
    path("dial-lists/<int:pk>/entries/<int:entry>/<str:action>/", outbound_views.dial_entry, name="dial-entry"),
    # CC-C (issue 22.4): live supervision (contactcenter/supervision_views.py)
    path("live/", supervision_views.live_calls, name="live-calls"),
    path("live/<int:pk>/<str:action>/", supervision_views.supervise, name="supervise"),
    # W2 (issue 24.11): all hands on the phones (contactcenter/all_hands_views.py)
    path("all-hands/<int:pk>/join/", all_hands_views.join, name="all-hands-join"),
    path("all-hands/leave/", all_hands_views.leave, name="all-hands-leave"),
]
