# Placeholder, filled by the work it is named after (or left as a no-op).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("kpis", "0006_dashboard_speed")]
    operations = []
