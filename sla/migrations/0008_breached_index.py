"""The tickets with a missed SLA target (issue 23): the queue's breached tab and the APIs'
``breached=true`` ask, for each open ticket, whether one of its timers is breached and not
met since. Without an index of those timers PostgreSQL read every timer (a sequential scan
of ``sla_slatimer`` for the hash of a semi-join: 113 ms of the tab's bounded count at
1,000,000 incidents and 200,000 timers, load 9); with this partial index it reads the
breached ones from the index alone (66 ms, no heap: 1,001 buffers instead of 5,625)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("sla", "0007_partitions")]

    operations = [
        migrations.AddIndex(
            model_name="slatimer",
            index=models.Index(
                condition=models.Q(("met_at__isnull", True), ("status", "breached")),
                fields=["content_type", "object_id"],
                name="sla_timer_breached_open",
            ),
        ),
    ]
