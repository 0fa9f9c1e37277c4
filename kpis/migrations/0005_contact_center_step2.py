# Placeholder owned by helper CC-B (session 2026-12-07); its operations are filled in by that helper.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("kpis", "0004_incidentdaily_channel")]

    operations = [
        # CC-C (issue 22.5): outbound calls, recordings and quality reviews in the call rollups.
        migrations.AddField(
            model_name="calldaily",
            name="outbound",
            field=models.PositiveIntegerField(default=0, help_text="outbound calls attempted"),
        ),
        migrations.AddField(
            model_name="calldaily",
            name="outbound_answered",
            field=models.PositiveIntegerField(default=0, help_text="outbound calls the other side answered"),
        ),
        migrations.AddField(
            model_name="calldaily",
            name="recorded",
            field=models.PositiveIntegerField(default=0, help_text="calls (both directions) with a recording"),
        ),
        migrations.AddField(
            model_name="calldaily",
            name="quality_count",
            field=models.PositiveIntegerField(default=0, help_text="quality evaluations submitted"),
        ),
        migrations.AddField(
            model_name="calldaily",
            name="quality_sum",
            field=models.FloatField(default=0, help_text="their scores (0–100), summed"),
        ),
        migrations.AddField(
            model_name="callinterval",
            name="outbound",
            field=models.PositiveIntegerField(default=0, help_text="outbound calls attempted"),
        ),
        migrations.AddField(
            model_name="callinterval",
            name="outbound_answered",
            field=models.PositiveIntegerField(default=0, help_text="outbound calls the other side answered"),
        ),
        migrations.AddField(
            model_name="callinterval",
            name="recorded",
            field=models.PositiveIntegerField(default=0, help_text="calls (both directions) with a recording"),
        ),
        migrations.AddField(
            model_name="callinterval",
            name="quality_count",
            field=models.PositiveIntegerField(default=0, help_text="quality evaluations submitted"),
        ),
        migrations.AddField(
            model_name="callinterval",
            name="quality_sum",
            field=models.FloatField(default=0, help_text="their scores (0–100), summed"),
        ),
    ]
