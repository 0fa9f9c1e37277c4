# Helper W1 (session 2026-12-07): the ticket survey asks whether the issue was solved at the
# first contact (issue 24.14).
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("crm", "0003_survey_timeline_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="survey",
            name="solved_first_contact",
            field=models.BooleanField(blank=True, null=True, verbose_name="solved at the first contact"),
        ),
    ]
