"""Development on one machine: DEBUG on, embedded SQLite and filesystem broker by default."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403
from .base import SECRET_KEY, TWILIO_AUTH_TOKEN, VAR_DIR  # noqa: E402

if not SECRET_KEY:
    # A development key that is stable per checkout, never used in production settings.
    SECRET_KEY = "dev-insecure-" + str(VAR_DIR)  # noqa: S105
if not TWILIO_AUTH_TOKEN:
    # The quick start's simulated call signs its webhook requests with it (never in production).
    TWILIO_AUTH_TOKEN = "dev-insecure-twilio-token"  # noqa: S105

VAR_DIR.mkdir(parents=True, exist_ok=True)
for _sub in ("celery/queue", "celery/processed", "celery/control", "celery/results", "cache", "media"):
    (VAR_DIR / _sub).mkdir(parents=True, exist_ok=True)
