"""Twilio's webhooks under ``/telephony/`` (namespace ``telephony``), signed POSTs only."""

from django.urls import path

from . import views

app_name = "telephony"
urlpatterns = [
    path("twilio/voice/", views.voice, name="voice"),
    path("twilio/gather/", views.gather, name="gather"),
    path("twilio/status/", views.status, name="status"),
    path("twilio/queue/", views.queue, name="queue"),
    path("twilio/recording/", views.recording, name="recording"),
    path("twilio/connect/", views.connect, name="connect"),
    path("twilio/dial/", views.dial, name="dial"),
    path("twilio/wait/", views.wait, name="wait"),
    path("twilio/hold/", views.hold, name="hold"),
]
