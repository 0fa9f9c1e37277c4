"""Reference data of the incidents app: the default priority matrix and message templates.
Data migrations create them; nothing here overwrites what an admin changed."""

# (impact, urgency) → priority; 1 is the highest of each.
DEFAULT_MATRIX = {
    (1, 1): 1, (1, 2): 2, (1, 3): 3,
    (2, 1): 2, (2, 2): 3, (2, 3): 4,
    (3, 1): 3, (3, 2): 4, (3, 3): 5,
}

TEMPLATES = [
    {
        "key": "incident-assigned",
        "description": "An incident was assigned to you.",
        "subject": "{{ number }} assigned to you: {{ title }}",
        "body": "{{ number }} — {{ title }}\nPriority P{{ incident.priority }}{% if incident.service %}, "
                "{{ incident.service }}{% endif %}.\n\n{{ site_url }}{{ url }}",
        "sms_body": "{{ number }} assigned to you (P{{ incident.priority }}): {{ title }}",
    },
    {
        "key": "incident-comment",
        "description": "A new comment on an incident you follow.",
        "subject": "{{ number }}: a new comment from {{ author }}",
        "body": "{{ author }} wrote on {{ number }} ({{ title }}):\n\n{{ body }}\n\n{{ site_url }}{{ url }}",
        "sms_body": "{{ number }}: new comment from {{ author }}",
    },
    {
        "key": "incident-resolved",
        "description": "Your incident was resolved.",
        "subject": "{{ number }} is resolved: {{ title }}",
        "body": "Your incident {{ number }} ({{ title }}) is resolved ({{ code }}).\n\n{{ resolution }}\n\n"
                "If it is not, reply from {{ site_url }}{{ url }} and we will reopen it.",
        "sms_body": "{{ number }} is resolved: {{ title }}",
    },
]


def ensure_defaults(template_model=None, matrix_model=None) -> None:
    if template_model is None:
        from notifications.models import MessageTemplate as template_model
    if matrix_model is None:
        from .models import PriorityMatrix as matrix_model
    for data in TEMPLATES:
        template_model.objects.get_or_create(key=data["key"], defaults=data)
    for (impact, urgency), priority in DEFAULT_MATRIX.items():
        matrix_model.objects.get_or_create(impact=impact, urgency=urgency, defaults={"priority": priority})
