"""The message templates the platform itself uses. A data migration creates them; admins
may edit them afterwards, and nothing here overwrites an edited one."""

from .models import MessageTemplate

DEFAULT_TEMPLATES = [
    {
        "key": "generic",
        "description": "A free-form message: context gives subject and body.",
        "subject": "{{ subject }}",
        "body": "{{ body }}{% if url %}\n\n{{ site_url }}{{ url }}{% endif %}",
        "sms_body": "{{ subject }}",
    },
    {
        "key": "welcome",
        "description": "Sent to a person when their account is created.",
        "subject": "Welcome to the service desk, {{ recipient.get_short_name|default:recipient.username }}",
        "body": "Your account {{ recipient.username }} is ready. Sign in at {{ site_url }}/login/.",
        "sms_body": "Your service desk account {{ recipient.username }} is ready.",
    },
]


def ensure_default_templates(model=None) -> None:
    """Create the missing templates; a data migration passes its historical model."""
    model = model or MessageTemplate
    for data in DEFAULT_TEMPLATES:
        model.objects.get_or_create(key=data["key"], defaults=data)


def ensure_defaults() -> None:
    """Reference data (``core.bootstrap.ensure_reference_data`` calls every app's)."""
    ensure_default_templates()
