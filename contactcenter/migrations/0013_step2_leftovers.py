# Issue 22 (step 2) leftovers: hold and transfer inside a call's conference (Conference.caller_held).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("contactcenter", "0012_all_hands")]
    operations = [
        migrations.AddField(
            model_name="conference",
            name="caller_held",
            field=models.BooleanField(default=False, help_text="the caller hears hold music in the conference"),
        ),
        migrations.AddField(
            model_name="historicalconference",
            name="caller_held",
            field=models.BooleanField(default=False, help_text="the caller hears hold music in the conference"),
        ),
    ]
