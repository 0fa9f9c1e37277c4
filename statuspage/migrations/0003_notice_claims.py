# Placeholder, filled by the work it is named after (or left as a no-op).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("statuspage", "0002_maintenancenotice")]
    operations = []
