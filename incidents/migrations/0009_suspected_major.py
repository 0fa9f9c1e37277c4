# Placeholder owned by helper ITSM (session 2026-12-07); its operations are filled in by that helper.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("incidents", "0008_set_based_links")]

    operations = []
