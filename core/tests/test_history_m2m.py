"""core/history.py: simple-history's many-to-many recording without its joins writes the same
historical through rows, sends the same signals, and reads nothing for a row just created; the
history manager's class is built once, and its managers are those simple-history built."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_m2m_records, pre_create_historical_m2m_records

from catalog.tests.factories import ConfigurationItemFactory, ServiceFactory
from changes.models import Change
from changes.tests.factories import ChangeFactory
from core import history
from incidents.tests.factories import IncidentFactory
from problems.tests.factories import ProblemFactory

pytestmark = pytest.mark.django_db

TRACKED = ("services", "cis", "incidents", "problems", "caused_incidents")


def _rows(record) -> dict:
    """The historical through rows of one historical change, without their own and the record's ids."""
    return {name: sorted(tuple(getattr(row, f.attname) for f in row._meta.concrete_fields
                               if f.attname not in ("m2m_history_id", "history_id"))
                         for row in getattr(record, name).all())
            for name in TRACKED}


@pytest.fixture
def signals():
    sent = []

    def pre(sender, rows, history_instance, instance, field, **kwargs):
        sent.append(("pre", sender, field.name, len(rows), instance.pk))

    def post(sender, created_rows, history_instance, instance, field, **kwargs):
        sent.append(("post", sender, field.name, len(created_rows), instance.pk))

    pre_create_historical_m2m_records.connect(pre)
    post_create_historical_m2m_records.connect(post)
    yield sent
    pre_create_historical_m2m_records.disconnect(pre)
    post_create_historical_m2m_records.disconnect(post)


def _save_with(method, change: Change, signals: list):
    """Save ``change`` with ``method`` recording the m2m fields: its new historical record and
    the signals sent."""
    current = HistoricalRecords.create_historical_record_m2ms
    HistoricalRecords.create_historical_record_m2ms = method
    try:
        signals.clear()
        change.save()
    finally:
        HistoricalRecords.create_historical_record_m2ms = current
    return change.history.order_by("-history_id").first(), list(signals)


def test_it_is_installed():
    assert HistoricalRecords.create_historical_record_m2ms is history.create_historical_record_m2ms
    assert HistoryDescriptor.__get__ is history.history_descriptor_get


def test_the_history_manager_is_simple_history_s_with_its_class_built_once():
    change = ChangeFactory()
    ours, again = change.history, change.history
    theirs = history.history_descriptor_get.original(Change.__dict__["history"], change, Change)
    assert type(ours) is type(again) and type(ours) is not type(theirs)
    assert type(ours).__name__ == type(theirs).__name__ and type(ours).__mro__[1:] == type(theirs).__mro__[1:]
    assert {name for name in dir(type(ours))} == {name for name in dir(type(theirs))}
    assert ours.instance is change and ours.model is theirs.model
    assert list(ours.values_list("history_id", flat=True)) == list(theirs.values_list("history_id", flat=True))
    assert list(Change.history.values_list("history_id", flat=True)) == [ours.get().history_id]


def test_the_same_rows_and_signals_as_simple_history(signals):
    change = ChangeFactory()
    change.services.set([ServiceFactory(), ServiceFactory()])
    change.cis.set([ConfigurationItemFactory()])
    change.incidents.set([IncidentFactory(), IncidentFactory(), IncidentFactory()])
    change.problems.set([ProblemFactory()])
    change.caused_incidents.set([IncidentFactory()])
    original, original_signals = _save_with(history.create_historical_record_m2ms.original, change, signals)
    ours, our_signals = _save_with(history.create_historical_record_m2ms, change, signals)
    assert _rows(ours) == _rows(original)
    assert [len(_rows(ours)[name]) for name in TRACKED] == [2, 1, 3, 1, 1]
    assert our_signals == original_signals and len(our_signals) == 2 * len(TRACKED)
    # Every field's rows in one SELECT of the through tables' ids, with no join.
    with CaptureQueriesContext(connection) as queries:
        change.save()
    through = [q["sql"] for q in queries if 'FROM "changes_change_' in q["sql"]]
    assert len(through) == 1 and through[0].count("UNION ALL") == len(TRACKED) - 1 and "JOIN" not in through[0]


def test_the_orm_reads_what_the_statement_cannot(signals, monkeypatch):
    """Through tables on several databases (or a column that is not an integer): the ORM reads
    each field's rows, the same rows."""
    change = ChangeFactory()
    change.services.set([ServiceFactory()])
    change.incidents.set([IncidentFactory(), IncidentFactory()])
    original, original_signals = _save_with(history.create_historical_record_m2ms.original, change, signals)
    monkeypatch.setattr(history, "_through_rows", lambda fields, instance: None)
    ours, our_signals = _save_with(history.create_historical_record_m2ms, change, signals)
    assert _rows(ours) == _rows(original) and our_signals == original_signals


def test_a_new_row_records_no_m2m_rows_and_reads_none(signals):
    with CaptureQueriesContext(connection) as queries:
        change = ChangeFactory()
    record = change.history.get()
    assert record.history_type == "+" and all(not rows for rows in _rows(record).values())
    assert not [q for q in queries if 'FROM "changes_change_' in q["sql"]]
    assert [(kind, field) for kind, _sender, field, _count, _pk in signals] == [
        (kind, field.name) for field in record._history_m2m_fields for kind in ("pre", "post")]
