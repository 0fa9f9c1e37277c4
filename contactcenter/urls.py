from django.urls import path

from . import webhooks

app_name = "telephony"
urlpatterns = [
    path("twilio/voice/", webhooks.voice, name="voice"),
    path("twilio/gather/", webhooks.gather, name="gather"),
    path("twilio/status/", webhooks.status, name="status"),
    path("twilio/queue/", webhooks.queue, name="queue"),
    path("twilio/recording/", webhooks.recording, name="recording"),
    path("twilio/connect/", webhooks.connect, name="connect"),
    path("twilio/dial/", webhooks.dial, name="dial"),
    path("twilio/wait/", webhooks.wait, name="wait"),
    path("twilio/hold/", webhooks.hold, name="hold"),
]
