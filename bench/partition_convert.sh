#!/bin/sh
# Conversion cost of notifications 0005 on N deliveries (bench DB partition_bench kept).
# The plain tables come from tests/schema.sql as of 567d892 (before the partitions), so this measures the conversion itself.
set -e
cd /work/main
N=${N:-1000000}
P="psql -h 127.0.0.1 -U postgres -q"
$P -c "DROP DATABASE IF EXISTS partition_bench" -c "CREATE DATABASE partition_bench"
git show 567d892:tests/schema.sql | grep -v '^\\\(un\)\?restrict' | $P -d partition_bench -v ON_ERROR_STOP=1 >/dev/null
$P -d partition_bench -c "DELETE FROM django_migrations WHERE (app, name) IN (('notifications','0005_partitions'),('sla','0007_partitions'),('monitoring','0002_partitions'))"
$P -d partition_bench -c "INSERT INTO notifications_delivery (channel, recipient, template, subject, body, status, attempts, last_error, provider_id, idempotency_key, related, url, created_at) SELECT 'email', 'user' || g || '@example.org', 'incident-assigned', 'Incident ' || g || ' assigned to you', repeat('Body text ', 30), 'sent', 1, '', '', 'incident:' || g || ':assigned:email:' || (g % 97), 'incidents.incident:' || g, '/incidents/' || g || '/', timestamptz '2026-12-07' - (g * interval '30 seconds') FROM generate_series(1, $N) g"
$P -d partition_bench -c "VACUUM ANALYZE notifications_delivery"
$P -d partition_bench -Atc "SELECT pg_size_pretty(pg_total_relation_size('notifications_delivery')), min(created_at), max(created_at) FROM notifications_delivery"
cat /proc/loadavg
TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/partition_bench DJANGO_SETTINGS_MODULE=servicedesk.settings.test \
  .venv/bin/python -c "
import time, django; django.setup()
from django.core.management import call_command
from django.db import connection
t0 = time.perf_counter(); c0 = time.process_time()
call_command('migrate', 'notifications', '0005', verbosity=0)
print(f'migrate notifications 0005: {time.perf_counter()-t0:.1f} s wall, {time.process_time()-c0:.2f} s client CPU')
with connection.cursor() as cur:
    cur.execute(\"SELECT count(*) FROM pg_inherits WHERE inhparent = 'notifications_delivery'::regclass\"); print('partitions', cur.fetchone()[0])
" 2>&1 | grep -v INFO
cat /proc/loadavg
