# Placeholder owned by helper CC-B (session 2026-12-07); its operations are filled in by that helper.
# CC-C (issue 22.4) keeps its operations in the clearly marked block at the end of ``operations``.
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("contactcenter", "0009_language_recording"),
                    migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        # --- CC-B (issue 22.2): outbound calls and auto-dial lists ----------------------------------
        migrations.CreateModel(
            name='DialList',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('max_attempts', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(20)], verbose_name='attempts per number')),
                ('retry_minutes', models.PositiveIntegerField(default=60, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10080)], verbose_name='minutes between attempts')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'ordering': ['name', 'id'],
            },
        ),
        migrations.CreateModel(
            name='DialListEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.CharField(max_length=16, verbose_name='number (E.164)')),
                ('status', models.CharField(choices=[('pending', 'To dial'), ('done', 'Reached'), ('exhausted', 'Not reached (attempts used up)'), ('removed', 'Removed')], default='pending', max_length=10)),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('reserved_until', models.DateTimeField(blank=True, null=True)),
                ('last_result', models.CharField(blank=True, max_length=20)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('done_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'ordering': ['next_attempt_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalDialList',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('max_attempts', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(20)], verbose_name='attempts per number')),
                ('retry_minutes', models.PositiveIntegerField(default=60, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10080)], verbose_name='minutes between attempts')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical dial list',
                'verbose_name_plural': 'historical dial lists',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalDialListEntry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('number', models.CharField(max_length=16, verbose_name='number (E.164)')),
                ('status', models.CharField(choices=[('pending', 'To dial'), ('done', 'Reached'), ('exhausted', 'Not reached (attempts used up)'), ('removed', 'Removed')], default='pending', max_length=10)),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('last_result', models.CharField(blank=True, max_length=20)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('done_at', models.DateTimeField(blank=True, null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical dial list entry',
                'verbose_name_plural': 'historical dial list entrys',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='call',
            name='callback_task',
            field=models.ForeignKey(blank=True, help_text='the callback this call makes', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='outbound_calls', to='contactcenter.callback'),
        ),
        migrations.AddField(
            model_name='call',
            name='outbound_error',
            field=models.CharField(blank=True, help_text='why the provider could not place the outbound call', max_length=300),
        ),
        migrations.AddField(
            model_name='call',
            name='placed_by',
            field=models.ForeignKey(blank=True, help_text='the agent who dialled (outbound)', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='placed_calls', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='call',
            name='ticket_id',
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='call',
            name='ticket_kind',
            field=models.CharField(blank=True, help_text='incident, request or complaint', max_length=12),
        ),
        migrations.AddField(
            model_name='telephonyrequest',
            name='params',
            field=models.JSONField(blank=True, default=dict, help_text="the request's other fields (To, From…)"),
        ),
        migrations.AddIndex(
            model_name='call',
            index=models.Index(condition=models.Q(('placed_by__isnull', False)), fields=['placed_by', 'started_at'], name='call_placed_by'),
        ),
        migrations.AddIndex(
            model_name='call',
            index=models.Index(condition=models.Q(('ticket_id__isnull', False)), fields=['ticket_kind', 'ticket_id'], name='call_ticket'),
        ),
        migrations.AddField(
            model_name='diallist',
            name='calendar',
            field=models.ForeignKey(blank=True, help_text="empty: the line's", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='sla.businesscalendar', verbose_name='opening hours'),
        ),
        migrations.AddField(
            model_name='diallist',
            name='line',
            field=models.ForeignKey(help_text='the caller ID customers see, and its opening hours', on_delete=django.db.models.deletion.PROTECT, related_name='dial_lists', to='contactcenter.line', verbose_name='line'),
        ),
        migrations.AddField(
            model_name='diallist',
            name='queue',
            field=models.ForeignKey(help_text='its open callbacks are the list; its skill says who dials', on_delete=django.db.models.deletion.PROTECT, related_name='dial_lists', to='contactcenter.queue', verbose_name='queue'),
        ),
        migrations.AddField(
            model_name='diallistentry',
            name='callback',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='dial_entries', to='contactcenter.callback'),
        ),
        migrations.AddField(
            model_name='diallistentry',
            name='contact',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='catalog.contact'),
        ),
        migrations.AddField(
            model_name='diallistentry',
            name='dial_list',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='contactcenter.diallist'),
        ),
        migrations.AddField(
            model_name='diallistentry',
            name='last_call',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contactcenter.call'),
        ),
        migrations.AddField(
            model_name='diallistentry',
            name='reserved_by',
            field=models.ForeignKey(blank=True, help_text='the agent previewing it', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicaldiallist',
            name='calendar',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text="empty: the line's", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sla.businesscalendar', verbose_name='opening hours'),
        ),
        migrations.AddField(
            model_name='historicaldiallist',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicaldiallist',
            name='line',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='the caller ID customers see, and its opening hours', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.line', verbose_name='line'),
        ),
        migrations.AddField(
            model_name='historicaldiallist',
            name='queue',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='its open callbacks are the list; its skill says who dials', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.queue', verbose_name='queue'),
        ),
        migrations.AddField(
            model_name='historicaldiallistentry',
            name='callback',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.callback'),
        ),
        migrations.AddField(
            model_name='historicaldiallistentry',
            name='contact',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='catalog.contact'),
        ),
        migrations.AddField(
            model_name='historicaldiallistentry',
            name='dial_list',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.diallist'),
        ),
        migrations.AddField(
            model_name='historicaldiallistentry',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicaldiallistentry',
            name='last_call',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.call'),
        ),
        migrations.AddIndex(
            model_name='diallistentry',
            index=models.Index(condition=models.Q(('status', 'pending')), fields=['dial_list', 'next_attempt_at', 'id'], name='dial_entry_due'),
        ),
        migrations.AddConstraint(
            model_name='diallistentry',
            constraint=models.UniqueConstraint(fields=('dial_list', 'number'), name='dial_entry_number'),
        ),
        # --- end of CC-B's block ----------------------------------------------------------------------
        # --- CC-C (issue 22.4): live supervision through a conference -------------------------------
        migrations.CreateModel(
            name='Conference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=64, unique=True)),
                ('sid', models.CharField(blank=True, db_index=True, help_text="Twilio's ConferenceSid", max_length=64)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('ended_at', models.DateTimeField(blank=True, null=True)),
                ('call', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='conference', to='contactcenter.call')),
            ],
        ),
        migrations.CreateModel(
            name='ConferenceLeg',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('agent', 'Agent'), ('supervisor', 'Supervisor')], max_length=10)),
                ('call_sid', models.CharField(blank=True, db_index=True, help_text="the leg's CallSid", max_length=64)),
                ('status', models.CharField(choices=[('requested', 'Requested'), ('joined', 'Joined'), ('left', 'Left'), ('failed', 'Not answered')], default='requested', max_length=10)),
                ('muted', models.BooleanField(default=False)),
                ('coaching', models.BooleanField(default=False)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('joined_at', models.DateTimeField(blank=True, null=True)),
                ('left_at', models.DateTimeField(blank=True, null=True)),
                ('conference', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='legs', to='contactcenter.conference')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='conference_legs', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalConference',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(db_index=True, max_length=64)),
                ('sid', models.CharField(blank=True, db_index=True, help_text="Twilio's ConferenceSid", max_length=64)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('ended_at', models.DateTimeField(blank=True, null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('call', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.call')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical conference',
                'verbose_name_plural': 'historical conferences',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalConferenceEvent',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('sid', models.CharField(max_length=64)),
                ('sequence', models.IntegerField()),
                ('event', models.CharField(max_length=32)),
                ('call_sid', models.CharField(blank=True, max_length=64)),
                ('received_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('conference', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.conference')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical conference event',
                'verbose_name_plural': 'historical conference events',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalConferenceLeg',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('role', models.CharField(choices=[('agent', 'Agent'), ('supervisor', 'Supervisor')], max_length=10)),
                ('call_sid', models.CharField(blank=True, db_index=True, help_text="the leg's CallSid", max_length=64)),
                ('status', models.CharField(choices=[('requested', 'Requested'), ('joined', 'Joined'), ('left', 'Left'), ('failed', 'Not answered')], default='requested', max_length=10)),
                ('muted', models.BooleanField(default=False)),
                ('coaching', models.BooleanField(default=False)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('joined_at', models.DateTimeField(blank=True, null=True)),
                ('left_at', models.DateTimeField(blank=True, null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('conference', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.conference')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical conference leg',
                'verbose_name_plural': 'historical conference legs',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalSupervisionAction',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('action', models.CharField(choices=[('listen', 'Listen'), ('whisper', 'Whisper to the agent'), ('barge', 'Barge in'), ('leave', 'Leave')], max_length=10)),
                ('at', models.DateTimeField(default=django.utils.timezone.now)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('call', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.call')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('leg', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.conferenceleg')),
                ('supervisor', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical supervision action',
                'verbose_name_plural': 'historical supervision actions',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='SupervisionAction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('listen', 'Listen'), ('whisper', 'Whisper to the agent'), ('barge', 'Barge in'), ('leave', 'Leave')], max_length=10)),
                ('at', models.DateTimeField(default=django.utils.timezone.now)),
                ('call', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='supervision_actions', to='contactcenter.call')),
                ('leg', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions', to='contactcenter.conferenceleg')),
                ('supervisor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='supervision_actions', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='ConferenceEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sid', models.CharField(max_length=64)),
                ('sequence', models.IntegerField()),
                ('event', models.CharField(max_length=32)),
                ('call_sid', models.CharField(blank=True, max_length=64)),
                ('received_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('conference', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='contactcenter.conference')),
            ],
            options={
                'ordering': ['id'],
                'constraints': [models.UniqueConstraint(fields=('sid', 'sequence'), name='conference_event_once')],
            },
        ),
        migrations.AddConstraint(
            model_name='conferenceleg',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['requested', 'joined'])), fields=('conference', 'user', 'role'), name='conference_leg_live'),
        ),
        migrations.AddIndex(
            model_name='supervisionaction',
            index=models.Index(fields=['call', 'at'], name='supervision_call'),
        ),
        # --- end of CC-C's block ----------------------------------------------------------------------
    ]
