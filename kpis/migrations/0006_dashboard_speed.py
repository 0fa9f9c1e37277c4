# Placeholder owned by helper LOAD (session 2026-12-07); its operations are filled in by that helper.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("kpis", "0005_contact_center_step2")]

    operations = []
