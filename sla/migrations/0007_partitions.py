"""SLA events partitioned by month on ``recorded_at`` (PostgreSQL only; SQLite keeps the plain
table). docs/operations.md, "Partitioned tables and retention"."""

from django.db import migrations
from django.db.migrations.exceptions import IrreversibleError

from core.partitions import convert_to_partitioned


def partition(apps, schema_editor):
    convert_to_partitioned(schema_editor, "sla_slaevent", "recorded_at")


def unpartition(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        raise IrreversibleError("sla_slaevent stays partitioned: restore a backup to go back")


class Migration(migrations.Migration):
    dependencies = [("sla", "0006_requester_escalation")]
    operations = [migrations.RunPython(partition, unpartition, elidable=False)]
