# ruff: noqa: E501 - the fields as makemigrations wrote them
# Issue 23 / 22 (helper KPI, session 2026-12-07): the dashboard for a year of 10,000,000 calls.
# Two coarser call tables beside CallDaily, written by kpis.rollups from the same rows (see
# the models): per day and queue (every agent together) and per month and agent (every queue
# together). The history already rolled up is summed into them here from CallDaily (grouped
# reads, a few thousand rows a year; PostgreSQL and SQLite alike).
from datetime import UTC

from django.db import migrations, models
from django.db.models import Sum
from django.db.models.functions import Trunc

SUMS = ("arrivals", "offered", "answered", "abandoned", "short_abandoned", "answered_in_sl", "wait_sum", "talk_sum",
        "hold_sum", "wrap_sum", "wrap_count", "transfers", "transferred", "fcr", "csat_count", "csat_good", "csat_sum",
        "deflected", "callbacks_done", "callback_seconds_sum", "outbound", "outbound_answered", "recorded",
        "quality_count", "quality_sum", "fcr_survey_count", "fcr_survey_yes")


def fill_from_daily(apps, schema_editor):
    daily = apps.get_model("kpis", "CallDaily").objects.using(schema_editor.connection.alias)
    queue_daily = apps.get_model("kpis", "CallQueueDaily")
    agent_monthly = apps.get_model("kpis", "CallAgentMonthly")
    sums = {f"k_{name}": Sum(name) for name in SUMS}
    grouped = daily.values("start", "queue_id", "service_id").annotate(**sums).order_by()
    queue_daily.objects.bulk_create(
        [queue_daily(start=row["start"], queue_id=row["queue_id"], service_id=row["service_id"],
                     **{name: row[f"k_{name}"] or 0 for name in SUMS}) for row in grouped.iterator()],
        batch_size=1000)
    grouped = (daily.annotate(month=Trunc("start", "month", tzinfo=UTC)).values("month", "agent_id")
               .annotate(**sums).order_by())
    agent_monthly.objects.bulk_create(
        [agent_monthly(start=row["month"], agent_id=row["agent_id"], **{name: row[f"k_{name}"] or 0 for name in SUMS})
         for row in grouped.iterator()], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("kpis", "0006_dashboard_speed")]

    operations = [
        migrations.CreateModel(
            name='CallAgentMonthly',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('arrivals', models.PositiveIntegerField(default=0, help_text='every inbound call')),
                ('offered', models.PositiveIntegerField(default=0)),
                ('answered', models.PositiveIntegerField(default=0)),
                ('abandoned', models.PositiveIntegerField(default=0)),
                ('short_abandoned', models.PositiveIntegerField(default=0, help_text='hung up within the grace period')),
                ('answered_in_sl', models.PositiveIntegerField(default=0)),
                ('wait_sum', models.BigIntegerField(default=0, help_text='seconds, answered calls')),
                ('talk_sum', models.BigIntegerField(default=0)),
                ('hold_sum', models.BigIntegerField(default=0)),
                ('wrap_sum', models.BigIntegerField(default=0)),
                ('wrap_count', models.PositiveIntegerField(default=0, help_text='answered calls whose wrap-up has ended')),
                ('transfers', models.PositiveIntegerField(default=0, help_text='transfers, summed')),
                ('transferred', models.PositiveIntegerField(default=0, help_text='answered calls transferred at least once')),
                ('fcr', models.PositiveIntegerField(default=0, help_text='answered calls without a repeat call')),
                ('csat_count', models.PositiveIntegerField(default=0)),
                ('csat_good', models.PositiveIntegerField(default=0, help_text='ratings of 4 or 5')),
                ('csat_sum', models.PositiveIntegerField(default=0)),
                ('deflected', models.PositiveIntegerField(default=0)),
                ('callbacks_done', models.PositiveIntegerField(default=0)),
                ('callback_seconds_sum', models.BigIntegerField(default=0, help_text='created → done, completed callbacks')),
                ('outbound', models.PositiveIntegerField(default=0, help_text='outbound calls attempted')),
                ('outbound_answered', models.PositiveIntegerField(default=0, help_text='outbound calls the other side answered')),
                ('recorded', models.PositiveIntegerField(default=0, help_text='calls (both directions) with a recording')),
                ('quality_count', models.PositiveIntegerField(default=0, help_text='quality evaluations submitted')),
                ('quality_sum', models.FloatField(default=0, help_text='their scores (0–100), summed')),
                ('fcr_survey_count', models.PositiveIntegerField(default=0, help_text='answers to "solved on this call?"')),
                ('fcr_survey_yes', models.PositiveIntegerField(default=0, help_text='of which yes')),
                ('start', models.DateTimeField(verbose_name='month start')),
                ('agent_id', models.PositiveIntegerField(default=0, help_text='user id, 0 = none')),
            ],
            options={
                'verbose_name_plural': 'call agent monthlies',
                'ordering': ['start', 'agent_id'],
                'constraints': [models.UniqueConstraint(fields=('start', 'agent_id'), name='kpis_callagentmonthly_key')],
            },
        ),
        migrations.CreateModel(
            name='CallQueueDaily',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('arrivals', models.PositiveIntegerField(default=0, help_text='every inbound call')),
                ('offered', models.PositiveIntegerField(default=0)),
                ('answered', models.PositiveIntegerField(default=0)),
                ('abandoned', models.PositiveIntegerField(default=0)),
                ('short_abandoned', models.PositiveIntegerField(default=0, help_text='hung up within the grace period')),
                ('answered_in_sl', models.PositiveIntegerField(default=0)),
                ('wait_sum', models.BigIntegerField(default=0, help_text='seconds, answered calls')),
                ('talk_sum', models.BigIntegerField(default=0)),
                ('hold_sum', models.BigIntegerField(default=0)),
                ('wrap_sum', models.BigIntegerField(default=0)),
                ('wrap_count', models.PositiveIntegerField(default=0, help_text='answered calls whose wrap-up has ended')),
                ('transfers', models.PositiveIntegerField(default=0, help_text='transfers, summed')),
                ('transferred', models.PositiveIntegerField(default=0, help_text='answered calls transferred at least once')),
                ('fcr', models.PositiveIntegerField(default=0, help_text='answered calls without a repeat call')),
                ('csat_count', models.PositiveIntegerField(default=0)),
                ('csat_good', models.PositiveIntegerField(default=0, help_text='ratings of 4 or 5')),
                ('csat_sum', models.PositiveIntegerField(default=0)),
                ('deflected', models.PositiveIntegerField(default=0)),
                ('callbacks_done', models.PositiveIntegerField(default=0)),
                ('callback_seconds_sum', models.BigIntegerField(default=0, help_text='created → done, completed callbacks')),
                ('outbound', models.PositiveIntegerField(default=0, help_text='outbound calls attempted')),
                ('outbound_answered', models.PositiveIntegerField(default=0, help_text='outbound calls the other side answered')),
                ('recorded', models.PositiveIntegerField(default=0, help_text='calls (both directions) with a recording')),
                ('quality_count', models.PositiveIntegerField(default=0, help_text='quality evaluations submitted')),
                ('quality_sum', models.FloatField(default=0, help_text='their scores (0–100), summed')),
                ('fcr_survey_count', models.PositiveIntegerField(default=0, help_text='answers to "solved on this call?"')),
                ('fcr_survey_yes', models.PositiveIntegerField(default=0, help_text='of which yes')),
                ('start', models.DateTimeField(verbose_name='day start')),
                ('queue_id', models.PositiveIntegerField(default=0, help_text='contactcenter.Queue id, 0 = none')),
                ('service_id', models.PositiveIntegerField(default=0, help_text='catalog.Service id, 0 = none')),
            ],
            options={
                'verbose_name_plural': 'call queue dailies',
                'ordering': ['start', 'queue_id', 'service_id'],
                'constraints': [models.UniqueConstraint(fields=('start', 'queue_id', 'service_id'), name='kpis_callqueuedaily_key')],
            },
        ),
        migrations.RunPython(fill_from_daily, migrations.RunPython.noop, elidable=True),
    ]
