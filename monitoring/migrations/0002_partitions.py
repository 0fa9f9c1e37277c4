"""Alerts partitioned by month on ``first_received_at`` (PostgreSQL only; SQLite keeps the
plain table). The deduplication (one firing alert per source and fingerprint) stays unique
across every month in a key table the partitioned table's triggers keep
(``monitoring_alert_key1``); ``previous`` is no longer enforced by the database.
docs/operations.md, "Partitioned tables and retention"."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.migrations.exceptions import IrreversibleError

from core.partitions import UniqueKey, convert_to_partitioned


def partition(apps, schema_editor):
    convert_to_partitioned(schema_editor, "monitoring_alert", "first_received_at",
                           unique_keys=(UniqueKey(("source_id", "fingerprint"), "{row}.status = 'firing'"),))


def unpartition(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        raise IrreversibleError("monitoring_alert stays partitioned: restore a backup to go back")


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [
        migrations.AlterField(
            model_name="alert",
            name="previous",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True,
                                    on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                                    to="monitoring.alert", verbose_name="previous episode"),
        ),
        migrations.RunPython(partition, unpartition, elidable=False),
    ]
