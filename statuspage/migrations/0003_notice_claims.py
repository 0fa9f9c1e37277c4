# Notices are claimed with a lease before their mail goes out (issue 23): a worker killed in
# the middle of a batch leaves claims that the next run takes over once they are older than
# the lease. Two nullable columns: no rewrite of the tables, on PostgreSQL or SQLite.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("statuspage", "0002_maintenancenotice")]
    operations = [
        migrations.AddField(
            model_name="subscribernotice",
            name="claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="maintenancenotice",
            name="claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
