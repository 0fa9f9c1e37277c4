# Placeholder owned by helper INC (session 2026-12-07); its operations are filled in by that helper.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("incidents", "0007_timeline_indexes")]

    operations = []
