# Placeholder owned by helper W1 (session 2026-12-07); its operations are filled in by that helper.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("contactcenter", "0010_outbound_supervision")]

    operations = []
