"""Message templates the SLA engine uses (created by a data migration; admins may edit)."""

from notifications.models import MessageTemplate

TEMPLATES = [
    {
        "key": "sla-escalation",
        "description": "An SLA escalation: a target is about to be missed, or was missed.",
        "subject": "{{ ticket }}: {% if breached %}{{ metric }} target missed{% if overdue_minutes %} "
                   "by {{ overdue_minutes }} min{% endif %}{% else %}{{ remaining_minutes }} minutes left "
                   "for {{ metric }}{% endif %}",
        "body": "{{ ticket }}\n\n{% if breached %}The {{ metric }} target of {{ target_minutes }} business "
                "minutes was missed{% if overdue_minutes %} by {{ overdue_minutes }} minutes{% endif %}."
                "{% else %}{{ remaining_minutes }} business minutes are left before the {{ metric }} target "
                "({{ target_minutes }} minutes) is missed.{% endif %}{% if url %}\n\n{{ site_url }}{{ url }}"
                "{% endif %}",
        "sms_body": "{{ ticket }}: {% if breached %}{{ metric }} SLA missed{% else %}{{ remaining_minutes }} "
                    "minutes are left ({{ metric }}){% endif %}",
    },
    {
        "key": "sla-requester-late",
        "description": "Told to the requester: the date we promised was missed (escalation target requester).",
        "subject": "{{ ticket }}: we are late",
        "body": "{{ ticket }}\n\nWe promised an answer{% if due_at %} by {{ due_at }}{% endif %}, and we are "
                "late. We are sorry: the team has been "
                "told and is on it.{% if url %}\n\nFollow it here: {{ site_url }}{{ url }}{% endif %}",
        "sms_body": "{{ ticket }}: we are late. The team has been told and is on it.",
    },
]


def ensure_defaults(model=None) -> None:
    """Create the missing templates; a data migration passes its historical model."""
    model = model or MessageTemplate
    for data in TEMPLATES:
        model.objects.get_or_create(key=data["key"], defaults=data)
