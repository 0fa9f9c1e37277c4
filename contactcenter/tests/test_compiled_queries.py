"""The hooks' read queries compiled once per process (``contactcenter.compiled``, issue 22
bench) load what the ORM loads: the same instance, field by field, with the same related
objects (each field of each) and annotations; no row is None either way; one statement."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.tests.factories import ContactFactory, ServiceFactory, UserFactory
from contactcenter import compiled, services
from contactcenter.models import Call
from contactcenter.webhooks import views

from .factories import AnnouncementFactory, CallFactory, LineFactory, MenuOptionFactory, QueueFactory

pytestmark = pytest.mark.django_db

CALL_RELATED = ("line", "queue", "agent", "contact", "customer")


def fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def loaded(obj, related: tuple[str, ...]) -> dict:
    """The instance's fields and, for each related object, whether it is cached and its fields."""
    out = {"fields": fields(obj), "db": obj._state.db, "adding": obj._state.adding}
    for name in related:
        field = obj._meta.get_field(name)
        cached = field.is_cached(obj)
        value = field.get_cached_value(obj) if cached else "not cached"
        out[name] = (cached, fields(value) if value is not None and cached else value)
    return out


def compiled_and_orm(load, orm) -> tuple:
    compiled._COMPILED.clear()
    with CaptureQueriesContext(connection) as first:
        via_compiled = load()  # compiles, then runs it
    with CaptureQueriesContext(connection) as again:
        via_compiled_again = load()  # compiled already
    assert len(first) == len(again) == 1
    assert again[0]["sql"] == first[0]["sql"]
    assert compiled._COMPILED and None not in compiled._COMPILED.values()  # not the ORM fallback
    return via_compiled, via_compiled_again, orm()


def orm(sid: str) -> Call:
    return Call.objects.select_related("line__queue", "queue", "agent", "contact", "customer").get(call_sid=sid)


def test_the_hooks_call_as_the_orm_loads_it():
    customer_contact = ContactFactory()
    line = LineFactory()
    call = CallFactory(
        line=line,
        agent=UserFactory(),
        contact=customer_contact,
        customer=customer_contact.customer,
        input_flags=[{"field": "Digits", "reason": "not keys"}],
    )
    a, b, expected = compiled_and_orm(lambda: views._call({"CallSid": call.call_sid}), lambda: orm(call.call_sid))
    want = loaded(expected, CALL_RELATED)
    assert loaded(a, CALL_RELATED) == want == loaded(b, CALL_RELATED)
    assert a.input_flags == [{"field": "Digits", "reason": "not keys"}]  # the JSON converter ran
    assert all(want[name][0] and want[name][1] is not None for name in CALL_RELATED)
    assert fields(a.line.queue) == fields(expected.line.queue) and a.line.queue.pk == line.queue_id
    # Without the related rows: each cached as None, as the ORM's LEFT JOIN leaves them.
    bare = CallFactory(queue=None, queued_at=None)
    a = views._call({"CallSid": bare.call_sid})
    assert loaded(a, CALL_RELATED) == loaded(orm(bare.call_sid), CALL_RELATED)
    assert all(loaded(a, CALL_RELATED)[name] == (True, None) for name in CALL_RELATED)
    assert views._call({"CallSid": "CA-no-such-call"}) is None


def test_the_menu_option_with_its_announcement_as_the_orm_loads_it():
    service = ServiceFactory()
    option = MenuOptionFactory(digit="2", service=service)
    announcement = AnnouncementFactory(language="el", prompt_audio={"el": "/media/a.mp3"})
    announcement.services.add(service)

    def orm():
        return services._menu_option_query({"line_id": option.line_id, "digit": "2"}).first()

    a, b, expected = compiled_and_orm(lambda: services._menu_option(option.line_id, "2"), orm)
    assert loaded(a, ("queue",)) == loaded(expected, ("queue",)) == loaded(b, ("queue",))
    assert a.queue.pk == option.queue_id
    assert a.announcement_now == expected.announcement_now == b.announcement_now
    assert a.announcement_now["id"] == announcement.pk
    assert a.announcement_now["prompt_audio"] == {"el": "/media/a.mp3"}
    assert services._menu_option(option.line_id, "3") is None
    assert services._menu_option(option.line_id + 1000, "2") is None
    other = MenuOptionFactory(line=option.line, digit="3", queue=QueueFactory(), service=None)
    plain = services._menu_option(option.line_id, "3")
    assert plain.pk == other.pk and plain.announcement_now is None and plain.queue.pk == other.queue_id
