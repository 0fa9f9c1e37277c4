"""Twilio's webhooks: ``views.py`` (the hooks), ``twilio_params.py`` (one form per hook for the
fields Twilio posts) and ``urls.py`` (``/telephony/``)."""
