# Placeholder owned by helper LOAD (session 2026-12-07); its operations are filled in by that helper.
# Helper W1 (session 2026-12-07): the keypad survey's first-call resolution columns (issue 24.14).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("kpis", "0005_contact_center_step2")]

    operations = [
        # --- W1: first-call resolution from the keypad survey ---
        migrations.AddField(
            model_name="calldaily",
            name="fcr_survey_count",
            field=models.PositiveIntegerField(default=0, help_text='answers to "solved on this call?"'),
        ),
        migrations.AddField(
            model_name="calldaily",
            name="fcr_survey_yes",
            field=models.PositiveIntegerField(default=0, help_text="of which yes"),
        ),
        migrations.AddField(
            model_name="callinterval",
            name="fcr_survey_count",
            field=models.PositiveIntegerField(default=0, help_text='answers to "solved on this call?"'),
        ),
        migrations.AddField(
            model_name="callinterval",
            name="fcr_survey_yes",
            field=models.PositiveIntegerField(default=0, help_text="of which yes"),
        ),
    ]
