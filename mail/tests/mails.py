"""Test messages: the golden files under ``messages/`` and small ones built on the spot."""

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from django.utils import timezone

MESSAGES = Path(__file__).parent / "messages"


def golden(name: str) -> bytes:
    return (MESSAGES / f"{name}.eml").read_bytes()


def build(*, sender: str = "Maria Lopes <maria.lopes@example.org>", to: str = "support@desk.example.com",
          subject: str = "Printer broken", body: str = "It prints nothing.", message_id: str | None = None,
          headers: dict | None = None, attachments=()) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(timezone.now())
    msg["Message-ID"] = message_id or make_msgid(domain="example.org")
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    for name, content_type, content in attachments:
        maintype, subtype = content_type.split("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()
