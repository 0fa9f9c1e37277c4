# Placeholder, filled by the work it is named after (or left as a no-op).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("crm", "0004_survey_first_contact")]
    operations = []
