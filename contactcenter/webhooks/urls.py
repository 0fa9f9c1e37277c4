"""Twilio's webhooks under ``/telephony/`` (namespace ``telephony``), signed POSTs only."""

from django.urls import path

from . import conference, outbound, prompts, recordings, views

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
    # CC-A (issue 22.1, 22.3): call recordings, prompts recorded by phone and their audio
    path("twilio/recording-status/", recordings.recording_status, name="recording-status"),
    path("twilio/prompts/voice/", prompts.prompt_voice, name="prompt-voice"),
    path("twilio/prompts/code/", prompts.prompt_code, name="prompt-code"),
    path("twilio/prompts/recorded/", prompts.prompt_recorded, name="prompt-recorded"),
    path("twilio/prompts/recording-status/", prompts.prompt_recording_status, name="prompt-recording-status"),
    path("prompts/<int:pk>/<str:name>", prompts.prompt_audio, name="prompt-audio"),
    # CC-B (issue 22.2): outbound calls (contactcenter/webhooks/outbound.py)
    path("twilio/outbound/agent/", outbound.agent, name="outbound-agent"),
    path("twilio/outbound/dial/", outbound.dial, name="outbound-dial"),
    path("twilio/outbound/leg/", outbound.leg, name="outbound-leg"),
    path("twilio/outbound/status/", outbound.status, name="outbound-status"),
    # CC-C (issue 22.4): calls routed through a conference (contactcenter/webhooks/conference.py)
    path("twilio/conference/", conference.conference, name="conference"),
    path("twilio/conference/done/", conference.conference_done, name="conference_done"),
    path("twilio/conference/hold/", conference.conference_hold, name="conference_hold"),
]
