"""Create the platform's message templates (see notifications/defaults.py)."""

from django.db import migrations


def create(apps, schema_editor):
    from notifications.defaults import ensure_default_templates

    ensure_default_templates(apps.get_model("notifications", "MessageTemplate"))


def remove(apps, schema_editor):
    from notifications.defaults import DEFAULT_TEMPLATES

    apps.get_model("notifications", "MessageTemplate").objects.filter(
        key__in=[t["key"] for t in DEFAULT_TEMPLATES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
