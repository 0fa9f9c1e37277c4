"""The message templates the platform itself uses. Admins may edit them afterwards; this
migration only creates those that are missing."""

from django.db import migrations

TEMPLATES = [
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


def create(apps, schema_editor):
    MessageTemplate = apps.get_model("notifications", "MessageTemplate")
    for data in TEMPLATES:
        MessageTemplate.objects.get_or_create(key=data["key"], defaults=data)


def remove(apps, schema_editor):
    apps.get_model("notifications", "MessageTemplate").objects.filter(
        key__in=[t["key"] for t in TEMPLATES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
