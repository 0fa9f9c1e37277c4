"""The incident lists' indexes (issue 23, measured at 1,000,000 incidents: bench/README.md,
"`bench_incidents.py`").

- ``incident_updated`` (updated_at, id): the queue's ``?sort=-updated`` and the API's
  ``ordering=-updated_at`` read a page backwards along it instead of sorting the whole table
  (``tab=all&sort=-updated``: 2,053 ms → 0.15 ms; the agent's own, newest update first:
  749 ms → 14 ms under load).
- The single-column indexes Django made for the service, contact, customer, team and
  assignee foreign keys are dropped: a composite index leads with each of them
  (``incident_service_created``, ``incident_contact_created``, ``incident_customer_created``,
  ``incident_team_status``, ``incident_assignee_status``) and serves the same look-ups (the
  lists' counts by service and by assignee read the composite index alone, as they read the
  single one; the foreign keys' ``ON DELETE`` look-ups by column). Five fewer indexes to
  write on every incident insert and update.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("incidents", "0009_suspected_major")]

    operations = [
        migrations.AlterField(
            model_name="incident",
            name="assignee",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="assigned_incidents",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assignee",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="contact",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                help_text="the person affected, when not the requester",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="incidents",
                to="catalog.contact",
                verbose_name="reported for",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="customer",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="incidents",
                to="catalog.customer",
                verbose_name="customer",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="service",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="incidents",
                to="catalog.service",
                verbose_name="service",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="team",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="incidents",
                to="catalog.team",
                verbose_name="team",
            ),
        ),
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(fields=["updated_at", "id"], name="incident_updated"),
        ),
    ]
