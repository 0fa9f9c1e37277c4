"""Deliveries partitioned by month on ``created_at`` (PostgreSQL only; SQLite keeps the plain
table). The idempotency key stays unique across every month in a key table the partitioned
table's triggers keep (``notifications_delivery_key1``); the foreign keys to deliveries
(in-app notifications, mail messages) are no longer enforced by the database.
docs/operations.md, "Partitioned tables and retention"."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.migrations.exceptions import IrreversibleError

from core.partitions import UniqueKey, convert_to_partitioned


def partition(apps, schema_editor):
    convert_to_partitioned(schema_editor, "notifications_delivery", "created_at",
                           unique_keys=(UniqueKey(("idempotency_key",)),))


def unpartition(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        raise IrreversibleError("notifications_delivery stays partitioned: restore a backup to go back")


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0004_stakeholdergroup_services"),
        # mail's foreign key to deliveries is made before the table is partitioned (and
        # dropped by it): made after, it would point at a table without a unique id.
        ("mail", "0001_initial"),
    ]
    operations = [
        migrations.AlterField(
            model_name="notification",
            name="delivery",
            field=models.OneToOneField(blank=True, db_constraint=False, null=True,
                                       on_delete=django.db.models.deletion.SET_NULL, related_name="notification",
                                       to="notifications.delivery"),
        ),
        migrations.RunPython(partition, unpartition, elidable=False),
    ]
