# Placeholder, filled by the work it is named after (or left as a no-op).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("incidents", "0009_suspected_major")]
    operations = []
