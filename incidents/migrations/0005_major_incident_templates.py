from django.db import migrations


def create(apps, schema_editor):
    from incidents.defaults import ensure_defaults

    ensure_defaults(apps.get_model("notifications", "MessageTemplate"), apps.get_model("incidents", "PriorityMatrix"))


class Migration(migrations.Migration):
    dependencies = [("incidents", "0004_major_incidents_and_spikes")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
