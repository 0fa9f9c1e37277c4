from django.db import migrations


def create(apps, schema_editor):
    from changes.defaults import ensure_defaults

    ensure_defaults(apps.get_model("changes", "CategoryMatrix"))


class Migration(migrations.Migration):
    dependencies = [("changes", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
