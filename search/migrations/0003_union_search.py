# Placeholder: filled in by the work on issue 21/23 or removed.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0002_stored_vectors")]

    operations = []
