from django.db import migrations


def create(apps, schema_editor):
    from incidents.defaults import ensure_defaults

    ensure_defaults(apps.get_model("notifications", "MessageTemplate"), apps.get_model("incidents", "PriorityMatrix"))


class Migration(migrations.Migration):
    dependencies = [("incidents", "0001_initial"), ("notifications", "0002_default_templates")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
