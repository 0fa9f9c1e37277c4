# All hands on the phones (issue 24.11, helper W2): temporary agents during a major incident,
# their queues (with history) and the calls they take.
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contactcenter", "0011_providers"),
        ("incidents", "0005_major_incident_templates"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalTemporaryAgent",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("joined_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("left_at", models.DateTimeField(blank=True, null=True)),
                (
                    "ended_by",
                    models.CharField(
                        blank=True, choices=[("left", "left"), ("resolved", "major incident resolved")], max_length=10
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "major_incident",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="incidents.majorincident",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical temporary agent",
                "verbose_name_plural": "historical temporary agents",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="TemporaryAgent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("joined_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("left_at", models.DateTimeField(blank=True, null=True)),
                (
                    "ended_by",
                    models.CharField(
                        blank=True, choices=[("left", "left"), ("resolved", "major incident resolved")], max_length=10
                    ),
                ),
                (
                    "major_incident",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="temporary_agents",
                        to="incidents.majorincident",
                    ),
                ),
                ("queues", models.ManyToManyField(related_name="temporary_agents", to="contactcenter.queue")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="temporary_agent_stints",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["joined_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalTemporaryAgent_queues",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="contactcenter.historicaltemporaryagent",
                    ),
                ),
                (
                    "queue",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="contactcenter.queue",
                    ),
                ),
                (
                    "temporaryagent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="contactcenter.temporaryagent",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalTemporaryAgent_queues",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="call",
            name="temporary_agent",
            field=models.ForeignKey(
                blank=True,
                help_text="taken while helping on the phones",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="calls",
                to="contactcenter.temporaryagent",
            ),
        ),
        migrations.AddIndex(
            model_name="temporaryagent",
            index=models.Index(fields=["major_incident", "joined_at"], name="temporary_agent_major"),
        ),
        migrations.AddConstraint(
            model_name="temporaryagent",
            constraint=models.UniqueConstraint(
                condition=models.Q(("left_at__isnull", True)), fields=("user",), name="temporary_agent_open"
            ),
        ),
    ]
