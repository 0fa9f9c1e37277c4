# Filled by helper ITSM (session 2026-12-07, issue 24 item 9): an agent flags a suspected major
# incident as a proposal (a SpikeAlert with no rule) that the duty manager declares or dismisses.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("incidents", "0008_set_based_links"), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.AddField(
            model_name='historicalspikealert',
            name='flagged_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='flagged by'),
        ),
        migrations.AddField(
            model_name='historicalspikealert',
            name='incident',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='incidents.incident', verbose_name='flagged incident'),
        ),
        migrations.AddField(
            model_name='historicalspikealert',
            name='reason',
            field=models.CharField(blank=True, max_length=500, verbose_name='why it may be major'),
        ),
        migrations.AddField(
            model_name='spikealert',
            name='flagged_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='flagged by'),
        ),
        migrations.AddField(
            model_name='spikealert',
            name='incident',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='major_flags', to='incidents.incident', verbose_name='flagged incident'),
        ),
        migrations.AddField(
            model_name='spikealert',
            name='reason',
            field=models.CharField(blank=True, max_length=500, verbose_name='why it may be major'),
        ),
        migrations.AlterField(
            model_name='spikealert',
            name='rule',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='alerts', to='incidents.spikerule'),
        ),
        migrations.AddConstraint(
            model_name='spikealert',
            constraint=models.UniqueConstraint(condition=models.Q(('rule__isnull', True), ('status', 'open')), fields=('incident',), name='incidents_spikealert_one_open_flag'),
        ),
    ]
