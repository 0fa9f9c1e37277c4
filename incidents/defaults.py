"""Reference data of the incidents app: the default priority matrix and message templates.
Data migrations create them; nothing here overwrites what an admin changed."""

from notifications.models import MessageTemplate

from .models import PriorityMatrix

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
    {
        "key": "major-incident-mobilise",
        "description": "You are on a major incident's team: the bridge and the war room.",
        "subject": "MAJOR INCIDENT {{ number }}: {{ summary }} (you are {{ role }})",
        "body": "A major incident was declared: {{ summary }}.\nYou are on the team as {{ role }}.\n\n"
                "Conference bridge: {{ bridge_number }}, PIN {{ bridge_pin }}\n"
                "War room: {{ site_url }}{{ url }}",
        "sms_body": "MAJOR INCIDENT {{ number }}: {{ summary }}. Bridge {{ bridge_number }} PIN {{ bridge_pin }}. "
                    "{{ site_url }}{{ url }}",
    },
    {
        "key": "major-incident-update",
        "description": "A stakeholder update on a major incident (the ALERT shape).",
        "subject": "[{{ status }}] {{ what }}",
        "body": "Affected: {{ what }}\n{% if where %}Where: {{ where }}\n{% endif %}"
                "Event: {{ event }}\nExpected resolution: {% if eta %}{{ eta|date:'Y-m-d H:i T' }}"
                "{% else %}not known yet{% endif %}\n{% if contact %}Contact: {{ contact }}\n{% endif %}"
                "{% if body %}\n{{ body }}\n{% endif %}\nStatus: {{ status }}",
        "sms_body": "[{{ status }}] {{ what }}{% if eta %} ETA {{ eta|date:'H:i T' }}{% endif %}",
    },
    {
        "key": "major-incident-reminder",
        "description": "No stakeholder update has gone out for the cadence of this major incident.",
        "subject": "{{ number }}: no update for {{ minutes }} minutes — please post one",
        "body": "The last stakeholder update on {{ number }} ({{ summary }}) went out {{ minutes }} minutes ago. "
                "Post an update from the war room: {{ site_url }}{{ url }}",
        "sms_body": "{{ number }}: no stakeholder update for {{ minutes }} min. Please post one.",
    },
    {
        "key": "spike-alert",
        "description": "Demand for a service spiked: declare a major incident or dismiss.",
        "subject": "Spike on {{ service }}: {{ count }} in {{ window }} minutes",
        "body": "{{ count }} incidents and calls for {{ service }} in the last {{ window }} minutes"
                "{% if baseline is not None %} (usually {{ baseline }}){% endif %}.\n\n"
                "Declare a major incident or dismiss the alert: {{ site_url }}{{ url }}",
        "sms_body": "Spike on {{ service }}: {{ count }} in {{ window }} min. {{ site_url }}{{ url }}",
    },
]


def ensure_defaults(template_model=None, matrix_model=None) -> None:
    """Create the missing templates and matrix cells; a data migration passes its historical models."""
    template_model = template_model or MessageTemplate
    matrix_model = matrix_model or PriorityMatrix
    for data in TEMPLATES:
        template_model.objects.get_or_create(key=data["key"], defaults=data)
    for (impact, urgency), priority in DEFAULT_MATRIX.items():
        matrix_model.objects.get_or_create(impact=impact, urgency=urgency, defaults={"priority": priority})
