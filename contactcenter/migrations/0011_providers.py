# Helper W1 (session 2026-12-07): providers of queues and teams (issue 24.13) and the keypad
# survey's "solved on this call" (issue 24.14).

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0004_canned_reply'),
        ('contactcenter', '0010_outbound_supervision'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Provider',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='name')),
                ('kind', models.CharField(choices=[('in_house', 'In-house'), ('outsourced', 'Outsourced')], default='in_house', max_length=12, verbose_name='kind')),
                ('cost_basis', models.CharField(choices=[('per_call', 'Per answered call'), ('per_hour', 'Per agent hour')], default='per_hour', max_length=10, verbose_name='cost basis')),
                ('cost', models.DecimalField(decimal_places=2, default=0, help_text='per answered call or per agent hour, as the cost basis says', max_digits=10, validators=[django.core.validators.MinValueValidator(0)], verbose_name='cost')),
                ('currency', models.CharField(blank=True, help_text='empty: KPI_COST_CURRENCY', max_length=3, validators=[django.core.validators.RegexValidator('^[A-Z]{3}$', 'An ISO 4217 code such as EUR.')], verbose_name='currency')),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.AddField(
            model_name='call',
            name='solved_on_call',
            field=models.BooleanField(blank=True, help_text='survey: issue solved on this call', null=True),
        ),
        migrations.CreateModel(
            name='HistoricalProvider',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(db_index=True, max_length=120, verbose_name='name')),
                ('kind', models.CharField(choices=[('in_house', 'In-house'), ('outsourced', 'Outsourced')], default='in_house', max_length=12, verbose_name='kind')),
                ('cost_basis', models.CharField(choices=[('per_call', 'Per answered call'), ('per_hour', 'Per agent hour')], default='per_hour', max_length=10, verbose_name='cost basis')),
                ('cost', models.DecimalField(decimal_places=2, default=0, help_text='per answered call or per agent hour, as the cost basis says', max_digits=10, validators=[django.core.validators.MinValueValidator(0)], verbose_name='cost')),
                ('currency', models.CharField(blank=True, help_text='empty: KPI_COST_CURRENCY', max_length=3, validators=[django.core.validators.RegexValidator('^[A-Z]{3}$', 'An ISO 4217 code such as EUR.')], verbose_name='currency')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical provider',
                'verbose_name_plural': 'historical providers',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalTeamProvider',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('team', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='catalog.team', verbose_name='team')),
                ('provider', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.provider', verbose_name='provider')),
            ],
            options={
                'verbose_name': 'historical team provider',
                'verbose_name_plural': 'historical team providers',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='historicalqueue',
            name='provider',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contactcenter.provider', verbose_name='provider'),
        ),
        migrations.AddField(
            model_name='queue',
            name='provider',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='queues', to='contactcenter.provider', verbose_name='provider'),
        ),
        migrations.CreateModel(
            name='TeamProvider',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('provider', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='team_links', to='contactcenter.provider', verbose_name='provider')),
                ('team', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='provider_link', to='catalog.team', verbose_name='team')),
            ],
            options={
                'ordering': ['team_id'],
            },
        ),
    ]
