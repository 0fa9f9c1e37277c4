"""Issue 23: what an API create no longer spends CPU on, and that nothing it did is lost.

- the serializer's fields are built once per process, each serializer with its own copies;
- problems' recurrence check is queued only when a problem fixed lately names the service or
  CI (and still is when one does, also one fixed after the process cached the list);
- mail's acknowledgement of an email incident that no mail opened costs one query;
- the shared cache versions of the per-process caches are read once per request;
- the token, its user and the user's roles are one statement (core.api.authentication), and a
  deleted or replaced token, a deactivated user or a changed role takes effect at once."""

import copy
import json
from datetime import timedelta

import pytest
from celery.signals import task_prerun
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory
from core.api.authentication import TokenAuthentication
from core.caching import LocalCache
from core.roles import Role, roles_of
from incidents import services
from incidents.api.serializers import IncidentSerializer
from incidents.api.views import IncidentViewSet
from incidents.models import Incident
from problems import services as problems
from problems.models import Problem

pytestmark = pytest.mark.django_db

URL = "/api/v1/incidents/"


@pytest.fixture
def tasks_run():
    names = []

    def seen(sender=None, task=None, **kwargs):
        names.append(task.name)

    task_prerun.connect(seen, weak=False, dispatch_uid="test-create-path-tasks")
    yield names
    task_prerun.disconnect(dispatch_uid="test-create-path-tasks")


@pytest.fixture
def token_api(monkeypatch):
    """An API client authenticated by token through core.api.authentication (the incidents
    views use it here whatever REST_FRAMEWORK's default)."""
    from rest_framework.authentication import SessionAuthentication

    monkeypatch.setattr(IncidentViewSet, "authentication_classes", [TokenAuthentication, SessionAuthentication])
    client = APIClient()

    def as_user(user):
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return token

    client.as_user = as_user
    return client


class TestSerializerFields:
    def test_built_once_and_copied_for_each_serializer(self, desk):
        first, second = IncidentSerializer(), IncidentSerializer()
        assert list(first.fields) == list(second.fields) == IncidentSerializer.Meta.fields
        built = IncidentSerializer.__dict__["_fields_built_once"]
        for name in first.fields:
            assert first.fields[name] is not second.fields[name] and first.fields[name] is not built[name]
            assert first.fields[name].parent is first and second.fields[name].parent is second
        assert first.fields["status"].read_only and not first.fields["title"].read_only
        assert first.fields["resolution_code"].allow_null  # core.api.serializers' blank-as-null field

    def test_the_answer_and_the_errors_as_before(self, desk, api):
        client = api
        client.force_authenticate(desk["agent"])
        created = client.post(
            URL, {"title": "VPN drops", "service": desk["service"].pk, "impact": 1, "urgency": 2}, format="json"
        )
        assert created.status_code == 201, created.content
        body = created.json()
        assert list(body) == IncidentSerializer.Meta.fields
        assert body["resolution_code"] is None and body["status"] == "new" and body["priority"] == 2
        bad = client.post(URL, {"title": "", "service": 10**9, "impact": 9, "team": 2**70}, format="json")
        assert bad.status_code == 400
        assert set(bad.json()) >= {"title", "service", "impact", "team"}
        assert bad.json()["service"] == [f'Invalid pk "{10**9}" - object does not exist.']
        assert bad.json()["team"] == [f'Invalid pk "{2**70}" - object does not exist.']  # DRF's path
        worse = client.post(URL, {"title": "x", "service": "abc", "ci": 1.5}, format="json")
        assert worse.status_code == 400
        assert worse.json()["service"] == ["Incorrect type. Expected pk value, received str."]

    def test_the_related_records_read_by_one_statement_are_the_orms(self, desk):
        fields = IncidentSerializer().fields
        service = fields["service"].run_validation(desk["service"].pk)
        team = fields["team"].run_validation(desk["team"].pk)
        assert service == desk["service"] and team == desk["team"]
        for record, orm in (
            (service, type(service).objects.get(pk=service.pk)),
            (team, type(team).objects.get(pk=team.pk)),
        ):
            assert not record._state.adding and record._state.db == "default"
            for field in type(record)._meta.concrete_fields:
                assert getattr(record, field.attname) == getattr(orm, field.attname), field.name


class TestRecurrenceCheck:
    def _fixed_problem(self, desk, *, ci=None, days_ago=2):
        old = services.incident_create(title="Relay drops mail", actor=desk["agent"], service=desk["service"], ci=ci)
        problem = problems.problem_create(actor=desk["agent"], incidents=[old], owner=desk["agent"])
        problems.problem_investigate(problem=problem, actor=desk["agent"])
        problems.problem_update(problem=problem, actor=desk["agent"], root_cause="Queue limit")
        problems.problem_resolve(
            problem=problem,
            actor=desk["agent"],
            resolution="Limit raised",
            at=timezone.now() - timedelta(days=days_ago),
        )
        return problem

    def test_not_queued_when_no_problem_fixed_lately_names_the_service_or_ci(
        self, desk, celery_eager, tasks_run, django_capture_on_commit_callbacks
    ):
        self._fixed_problem(desk)
        elsewhere = ServiceFactory(name="Payroll")
        with django_capture_on_commit_callbacks(execute=True):
            services.incident_create(title="Payslips late", actor=desk["agent"], service=elsewhere)
        assert "problems.tasks.check_recurrence" not in tasks_run
        assert not problems.recurrence_possible(service_id=elsewhere.pk, ci_id=None, created_at=timezone.now())

    def test_queued_and_flagged_for_the_service_even_when_fixed_after_the_cache_was_filled(
        self, desk, celery_eager, tasks_run, django_capture_on_commit_callbacks
    ):
        assert not problems.recurrence_possible(
            service_id=desk["service"].pk, ci_id=None, created_at=timezone.now()
        )  # cached: nothing fixed yet
        problem = self._fixed_problem(desk)
        with django_capture_on_commit_callbacks(execute=True):
            again = services.incident_create(
                title="Relay drops mail again", actor=desk["agent"], service=desk["service"]
            )
        assert "problems.tasks.check_recurrence" in tasks_run
        flagged = Problem.objects.get(pk=problem.pk)
        assert flagged.needs_review and again.number in flagged.review_reason

    def test_queued_for_a_ci_and_for_an_instant_older_than_the_cache(self, desk):
        ci = ConfigurationItemFactory(service=desk["service"])
        self._fixed_problem(desk, ci=ci)
        assert problems.recurrence_possible(service_id=None, ci_id=ci.pk, created_at=timezone.now())
        other = ServiceFactory(name="Nothing fixed here")
        assert problems.recurrence_possible(
            service_id=other.pk, ci_id=None, created_at=timezone.now() - timedelta(days=400)
        )
        assert not problems.recurrence_possible(service_id=None, ci_id=None, created_at=timezone.now())


class TestMailAcknowledgement:
    def test_an_email_incident_no_mail_opened_reads_nothing_after_its_commit(
            self, desk, django_capture_on_commit_callbacks):
        # The mail channel acknowledges the incidents its own mails open (mail.services.inbound);
        # nothing listens for the others: recording one asks no more of the database.
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            incident = services.incident_create(
                title="Mailed in by hand", actor=desk["agent"], channel="email", service=desk["service"]
            )
        with CaptureQueriesContext(connection) as ctx:
            for callback in callbacks:
                callback()
        assert not [q for q in ctx.captured_queries if "mail_mailmessage" in q["sql"]]
        assert Incident.objects.filter(pk=incident.pk, channel="email").exists()


class TestCacheVersionsPerRequest:
    def test_read_once_per_request_and_again_at_the_next(self, db, django_capture_on_commit_callbacks):
        local = LocalCache("test:create-path:version")
        loads = []

        def get():
            with django_capture_on_commit_callbacks(execute=True):  # an entry is kept once its reading commits
                return local.get("k", lambda: loads.append(1) or len(loads))

        request_started.send(sender=None)
        try:
            assert get() == 1
            cache.set(local.version_key, "changed by another process", None)
            assert get() == 1  # the version read at the request's start holds till its end
        finally:
            request_finished.send(sender=None)
        request_started.send(sender=None)
        try:
            assert get() == 2
            assert get() == 2
        finally:
            request_finished.send(sender=None)
        cache.set(local.version_key, "changed again", None)
        assert get() == 3  # outside a request: every use reads the version
        assert get() == 3


class TestTokenAuthentication:
    def test_one_statement_for_token_user_and_roles_and_the_create_in_eight_queries(
        self, desk, token_api, django_capture_on_commit_callbacks
    ):
        token_api.as_user(desk["agent"])
        payload = {"title": "VPN drops", "service": desk["service"].pk, "impact": 1, "urgency": 2}
        with django_capture_on_commit_callbacks(execute=True):
            assert token_api.post(URL, payload, format="json").status_code == 201
        with CaptureQueriesContext(connection) as ctx, django_capture_on_commit_callbacks(execute=True):
            response = token_api.post(URL, payload, format="json")
        assert response.status_code == 201, response.content
        sql = [q["sql"] for q in ctx.captured_queries]
        assert "authtoken_token" in sql[0] and "auth_group" in sql[0]
        assert not any("auth_group" in s for s in sql[1:])
        assert len(ctx) <= 8, "\n".join(s[:120] for s in sql)

    def test_a_deleted_or_replaced_token_is_refused_at_once(self, desk, token_api):
        old = token_api.as_user(desk["agent"])
        assert token_api.get(URL).status_code == 200
        old.delete()
        refused = token_api.get(URL)
        assert refused.status_code == 401 and refused.json()["detail"] == "Invalid token."
        assert refused["WWW-Authenticate"] == "Token"
        new = Token.objects.create(user=desk["agent"])
        token_api.credentials(HTTP_AUTHORIZATION=f"Token {new.key}")
        assert token_api.get(URL).status_code == 200
        token_api.credentials(HTTP_AUTHORIZATION=f"Token {old.key}")
        assert token_api.get(URL).status_code == 401

    def test_an_inactive_user_is_refused_and_roles_are_read_at_every_request(self, desk, token_api, make_user):
        rita = make_user(Role.REQUESTER, username="rita")
        token_api.as_user(rita)
        assert token_api.post(f"{URL}0/start/").status_code in (403, 404)
        from django.contrib.auth.models import Group

        rita.groups.add(Group.objects.get(name=Role.AGENT))
        incident = services.incident_create(title="Printer", actor=desk["agent"], service=desk["service"])
        assert token_api.post(f"{URL}{incident.pk}/start/").status_code == 200  # an agent now
        rita.is_active = False
        rita.save()
        refused = token_api.get(URL)
        assert refused.status_code == 401 and refused.json()["detail"] == "User inactive or deleted."

    def test_the_same_user_token_and_roles_as_drf(self, desk, make_user):
        from rest_framework.authentication import TokenAuthentication as DrfTokenAuthentication

        boss = make_user(Role.MANAGER, Role.AGENT, username="root", is_superuser=True)
        key = Token.objects.create(user=boss).key
        ours_user, ours_token = TokenAuthentication().authenticate_credentials(key)
        drf_user, drf_token = DrfTokenAuthentication().authenticate_credentials(key)
        assert ours_token == drf_token and ours_token.created == drf_token.created and ours_token.user is ours_user
        for field in type(boss)._meta.concrete_fields:
            assert getattr(ours_user, field.attname) == getattr(drf_user, field.attname), field.name
        assert roles_of(ours_user) == roles_of(drf_user) == {Role.MANAGER, Role.AGENT, Role.ADMIN}


class TestInsertInOneStatement:
    def test_the_rows_the_model_path_writes_and_post_save_once(self, desk, monkeypatch):
        from django.db.models.signals import post_save
        from django.forms.models import model_to_dict

        from incidents.services import setbased
        from sla.services import bulk

        saved = []

        def seen(sender, instance, created, **kwargs):
            saved.append((instance.pk, created, kwargs.get("update_fields"), kwargs.get("raw")))

        post_save.connect(seen, sender=Incident, weak=False, dispatch_uid="test-create-path-saved")
        at = timezone.now() - timedelta(minutes=5)
        try:
            by_sql = services.incident_create(
                title="Same",
                actor=desk["agent"],
                service=desk["service"],
                impact=1,
                urgency=3,
                channel="phone",
                description="d",
                at=at,
            )
            with monkeypatch.context() as patched:
                patched.setattr(setbased, "sql_path", lambda: False)
                patched.setattr(bulk, "sql_path", lambda: False)
                by_models = services.incident_create(
                    title="Same",
                    actor=desk["agent"],
                    service=desk["service"],
                    impact=1,
                    urgency=3,
                    channel="phone",
                    description="d",
                    at=at,
                )
        finally:
            post_save.disconnect(dispatch_uid="test-create-path-saved")
        assert [s for s in saved if s[0] == by_sql.pk] == [(by_sql.pk, True, None, False)]
        assert by_sql.number == f"INC{by_sql.pk:06d}" and not by_sql._state.adding

        def row(incident):
            stored = Incident.objects.filter(pk=incident.pk).values()[0]
            return {k: v for k, v in stored.items() if k not in ("id", "number", "updated_at")}

        assert row(by_sql) == row(by_models)
        assert model_to_dict(by_sql, exclude=["id", "number"]) == model_to_dict(by_models, exclude=["id", "number"])

        def history(incident):
            [stored] = Incident.history.filter(id=incident.pk).values()
            return {
                k: v for k, v in stored.items() if k not in ("id", "number", "history_id", "history_date", "updated_at")
            }

        assert history(by_sql) == history(by_models)
        assert history(by_sql)["history_type"] == "+" and history(by_sql)["history_change_reason"] == "created"


class TestClocksInOneStatement:
    """The new incident's SLA timers, escalations and START events: one statement with three
    JSON parameters on PostgreSQL (sla.services.bulk), the very rows bulk_create writes."""

    def _rows(self, incident):
        from django.contrib.contenttypes.models import ContentType

        content_type = ContentType.objects.get_for_model(Incident).pk
        with connection.cursor() as cursor:  # the stored text (an interval's days and hours as stored)
            cursor.execute(
                "SELECT to_jsonb(t) - 'id' - 'object_id' FROM sla_slatimer t WHERE content_type_id = %s "
                "AND object_id = %s ORDER BY id", [content_type, incident.pk])
            timers = [json.loads(row[0]) for row in cursor.fetchall()]
            cursor.execute(
                "SELECT t.metric, to_jsonb(e) - 'id' - 'timer_id' FROM sla_slaescalation e JOIN sla_slatimer t "
                "ON t.id = e.timer_id WHERE t.content_type_id = %s AND t.object_id = %s ORDER BY e.id",
                [content_type, incident.pk])
            escalations = [(metric, json.loads(row)) for metric, row in cursor.fetchall()]
            cursor.execute(
                "SELECT t.metric, to_jsonb(v) - 'id' - 'timer_id' - 'recorded_at', v.recorded_at FROM sla_slaevent v "
                "JOIN sla_slatimer t ON t.id = v.timer_id WHERE t.content_type_id = %s AND t.object_id = %s "
                "ORDER BY v.id", [content_type, incident.pk])
            events = [(metric, json.loads(row), recorded) for metric, row, recorded in cursor.fetchall()]
        return timers, escalations, events

    def test_the_rows_bulk_create_writes(self, desk, monkeypatch):
        from sla.services import bulk
        from sla.tests.factories import EscalationRuleFactory

        if connection.vendor != "postgresql":
            pytest.skip("the statement is PostgreSQL's")
        policy = desk["policy"]
        policy.resolution_minutes = 3 * 24 * 60 + 7  # an interval with days
        policy.save()
        EscalationRuleFactory(policy=policy, metric="response", at_percent=75, notify="assignee", channels=["sms"])
        EscalationRuleFactory(policy=policy, metric="resolution", at_percent=50, notify="team_lead",
                              channels=["email", "in_app"])
        EscalationRuleFactory(policy=policy, metric="resolution", at_percent=100, notify="assignee", channels=[])
        at = timezone.now().replace(microsecond=123456) - timedelta(minutes=5)
        started = timezone.now()
        by_sql = services.incident_create(title="Same", actor=desk["agent"], service=desk["service"], at=at)
        with monkeypatch.context() as patched:
            patched.setattr(bulk, "sql_path", lambda: False)
            by_models = services.incident_create(title="Same", actor=desk["agent"], service=desk["service"], at=at)
        sql_rows, model_rows = self._rows(by_sql), self._rows(by_models)
        assert sql_rows[0] == model_rows[0] and len(sql_rows[0]) == 2
        assert [t["metric"] for t in sql_rows[0]] == ["response", "resolution"]
        assert sql_rows[0][1]["target"] == "3 days 00:07:00" and sql_rows[0][1]["consumed"] == "00:00:00"
        assert sql_rows[1] == model_rows[1] and len(sql_rows[1]) == 3
        assert [(m, data) for m, data, _ in sql_rows[2]] == [(m, data) for m, data, _ in model_rows[2]]
        assert len(sql_rows[2]) == 2 and all(started <= recorded <= timezone.now() for _, _, recorded in sql_rows[2])
        # the timers the service hands back (the API's clocks) are those stored
        stored = {t.metric: t for t in by_sql.sla_timers.all()}
        assert {t.pk for t in stored.values()} == {t["id"] for t in Incident.objects.get(pk=by_sql.pk).sla_timers
                                                   .values("id")}
        assert all(not t._state.adding and t.pk is not None for t in stored.values())

    def test_db_values_are_djangos(self, desk):
        from sla.models import SLAEscalation, SLAEvent, SLATimer
        from sla.services.bulk import db_values

        incident = services.incident_create(title="Values", actor=desk["agent"], service=desk["service"])
        naive = timezone.now().replace(tzinfo=None)
        for obj in (incident, *SLATimer.objects.all(), *SLAEscalation.objects.all(), *SLAEvent.objects.all(),
                    Incident(title="x", created_at=timezone.now(), updated_at=timezone.now())):
            fields = [f for f in type(obj)._meta.concrete_fields if f.column != "id"]
            expected = []
            for f in fields:
                value = f.pre_save(obj, True)
                expected.append((f.name, f.get_db_prep_save(value, connection)))
            got = list(zip([f.name for f in fields], db_values(obj, fields), strict=True))
            for (name, want), (_, have) in zip(expected, got, strict=True):
                if name in ("updated_at", "recorded_at"):  # auto_now: now() again
                    continue
                want = getattr(want, "obj", want)  # a JSON field's Jsonb
                have = getattr(have, "obj", have)
                assert have == want and type(have) in (type(want), int), name
        from sla.services.bulk import _columns, _json_ready

        for obj in (*SLATimer.objects.all(), *SLAEscalation.objects.all(), *SLAEvent.objects.all()):
            fields = _columns(type(obj))[0] if type(obj) is SLATimer else _columns(type(obj), ("id", "timer_id"))[0]
            ready = db_values(obj, fields, json_ready=True)  # a JSON field's dict or list as it is
            assert any(type(v) in (dict, list) for v in ready) or type(obj) is SLATimer
            expected = [_json_ready(v) for v in db_values(obj, fields)]
            now = {k for k, f in enumerate(fields) if getattr(f, "auto_now", 0) or getattr(f, "auto_now_add", 0)}
            assert [v for k, v in enumerate(ready) if k not in now] == [v for k, v in enumerate(expected)
                                                                         if k not in now]
        with pytest.warns(RuntimeWarning):  # a naive datetime takes Django's path (its warning, made aware)
            [value] = db_values(Incident(acknowledged_at=naive), [Incident._meta.get_field("acknowledged_at")])
        assert value.tzinfo is not None


class TestStartedTimersHeld:
    def test_the_queryset_the_relations_manager_builds_with_the_timers_as_its_result(self, desk):
        incident = services.incident_create(title="Held", actor=desk["agent"], service=desk["service"])
        held = incident._prefetched_objects_cache["sla_timers"]
        with CaptureQueriesContext(connection) as ctx:
            assert [t.metric for t in incident.sla_timers.all()] == ["resolution", "response"]
            assert held._prefetch_done and held._deferred_filter is not None  # the filter not built yet
        assert len(ctx) == 0
        theirs = Incident.objects.get(pk=incident.pk).sla_timers.all()  # what was held before
        assert type(held) is type(theirs) and held.db == theirs.db and held.model is theirs.model
        assert str(held.query) == str(theirs.query)  # this incident's timers, when something chains
        assert sorted(t.pk for t in held) == sorted(t.pk for t in theirs)
        assert list(held.filter(metric="response")) == list(theirs.filter(metric="response"))
        assert held.filter(metric="response").count() == 1


class TestFieldsBoundOnce:
    def test_each_serializers_fields_are_those_drf_binds(self, desk):
        from rest_framework.utils.serializer_helpers import BindingDict

        first, second = IncidentSerializer(), IncidentSerializer(data={"title": "x"})
        assert IncidentSerializer.__dict__["_fields_bound_once"]  # every field's bind only names it
        built = IncidentSerializer.__dict__["_fields_built_once"]
        reference = BindingDict(second)
        for name, field in built.items():
            reference[name] = copy.copy(field)  # what FieldsBuiltOnceMixin and DRF's `fields` did
        assert list(second.fields) == list(reference) == IncidentSerializer.Meta.fields
        templates = IncidentSerializer.__dict__["_fields_bound_once"]
        for name, field in second.fields.items():
            assert type(field) is type(reference[name]) and field.parent is second
            assert first.fields[name].parent is first and field is not first.fields[name]
            assert field is not templates[name] and templates[name].parent is None
            theirs = reference[name].__dict__
            assert field.__dict__.keys() == theirs.keys(), name
            for key, value in field.__dict__.items():
                assert value is theirs[key] or value == theirs[key], (name, key)

    def test_the_validators_worked_out_once_are_drfs(self, desk):
        from rest_framework import serializers as drf

        assert IncidentSerializer().get_validators() == drf.ModelSerializer.get_validators(IncidentSerializer()) == []


class TestCreateInOneStatement:
    """The incident, its number, its history row, its SLA timers, their escalations and START
    events: one statement (incidents.services.setbased.insert_new with the timers), atomic in
    itself, so outside a transaction no BEGIN and COMMIT are sent; after-commit work runs."""

    def test_the_statement_keeps_psycopgs_parsed_form(self, desk):
        from psycopg import _queries

        from incidents.services import setbased

        if connection.vendor != "postgresql":
            pytest.skip("the statement is PostgreSQL's")
        for with_history in (True, False):
            _, sql = setbased._insert_new_sql(with_history, True)
            assert len(sql.encode()) <= _queries.MAX_CACHED_STATEMENT_LENGTH, len(sql.encode())
            assert sql.count("%s") <= _queries.MAX_CACHED_STATEMENT_PARAMS

    @pytest.mark.django_db(transaction=True)
    def test_outside_a_transaction_one_statement_and_every_row(self, desk):
        from incidents.signals import incident_created
        from sla.models import SLAEscalation, SLAEvent, SLATimer
        from sla.tests.factories import EscalationRuleFactory

        if connection.vendor != "postgresql":
            pytest.skip("the statement is PostgreSQL's")
        EscalationRuleFactory(policy=desk["policy"], metric="resolution", at_percent=50, notify="assignee",
                              channels=["email"])
        services.incident_create(title="Warm", actor=desk["agent"], service=desk["service"])  # caches filled
        told = []
        incident_created.connect(lambda sender, signal, **facts: told.append(facts), weak=False,
                                 dispatch_uid="test-one-statement")
        try:
            assert not connection.in_atomic_block
            with CaptureQueriesContext(connection) as ctx:
                incident = services.incident_create(title="Alone", actor=desk["agent"], service=desk["service"])
        finally:
            incident_created.disconnect(dispatch_uid="test-one-statement")
        sql = [q["sql"] for q in ctx.captured_queries]
        assert len(sql) == 1 and "INSERT INTO incidents_incident" in sql[0] and "sla_slatimer" in sql[0], sql
        assert told == [{"incident_id": incident.pk, "channel": "portal", "service_id": desk["service"].pk,
                         "ci_id": None, "created_at": incident.created_at}]  # after the commit: at once
        stored = Incident.objects.get(pk=incident.pk)
        assert stored.number == incident.number == f"INC{incident.pk:06d}"
        [history] = Incident.history.filter(id=incident.pk)
        assert history.history_type == "+" and history.history_change_reason == "created"
        assert history.history_user_id == desk["agent"].pk and history.number == incident.number
        timers = {t.metric: t for t in SLATimer.objects.filter(object_id=incident.pk, content_type__model="incident")}
        assert sorted(timers) == ["resolution", "response"]
        held = {t.metric: t for t in incident.sla_timers.all()}
        assert {m: (t.pk, t.object_id, t.due_at) for m, t in held.items()} == {
            m: (t.pk, t.object_id, t.due_at) for m, t in timers.items()}
        assert SLAEscalation.objects.filter(timer=timers["resolution"], at_percent=50).count() == 1
        assert sorted(SLAEvent.objects.filter(timer__in=timers.values()).values_list("kind", flat=True)) == [
            "start", "start"]

    def test_inside_a_transaction_a_savepoint(self, desk):
        with CaptureQueriesContext(connection) as ctx:
            services.incident_create(title="Nested", actor=desk["agent"], service=desk["service"])
        sql = [q["sql"] for q in ctx.captured_queries]  # (the caches' reads first: a new test's caches are empty)
        [k] = [k for k, s in enumerate(sql) if "INSERT INTO incidents_incident" in s]
        assert "sla_slatimer" in sql[k] and sql[k - 1].startswith("SAVEPOINT"), sql
        assert sql[k + 1:] == [sql[k - 1].replace("SAVEPOINT", "RELEASE SAVEPOINT", 1)], sql


class TestServiceRows:
    """The create's service is read from the process's copy of every service's row
    (incidents.api.serializers.ServiceField), emptied when a service or a team changes."""

    def test_no_statement_once_read_and_every_change_seen(self, desk, django_capture_on_commit_callbacks):
        from catalog.models import Team

        field = IncidentSerializer().fields["service"]
        service = desk["service"]
        with django_capture_on_commit_callbacks(execute=True):  # kept once the reading transaction commits
            assert field.run_validation(service.pk) == service
        with CaptureQueriesContext(connection) as ctx:
            read = field.run_validation(service.pk)
        assert len(ctx) == 0
        assert read == service and read is not field.run_validation(service.pk)  # a new instance each time
        orm = type(service).objects.get(pk=service.pk)
        for f in type(service)._meta.concrete_fields:
            assert getattr(read, f.attname) == getattr(orm, f.attname), f.name
        with pytest.raises(Exception, match="object does not exist"):
            field.run_validation(10**9)
        with django_capture_on_commit_callbacks(execute=True):
            service.name = "Renamed"
            service.save()
        with django_capture_on_commit_callbacks(execute=True):
            assert field.run_validation(service.pk).name == "Renamed"
        team = Team.objects.get(pk=service.owner_team_id)
        with django_capture_on_commit_callbacks(execute=True):
            team.delete()  # its services' owner set to NULL by an UPDATE
        assert field.run_validation(service.pk).owner_team_id is None
        new = ServiceFactory()
        assert field.run_validation(new.pk) == new
