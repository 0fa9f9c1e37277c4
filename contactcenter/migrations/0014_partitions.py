# Placeholder, filled by the work it is named after (or left as a no-op).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("contactcenter", "0013_step2_leftovers")]
    operations = []
