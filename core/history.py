"""Two costs simple-history adds to every save of a model with a history, taken out here in one
place (:func:`install`).

**The history manager's class.** ``instance.history`` (``HistoryDescriptor.__get__``), which
``create_historical_record`` reads at every save, built a new manager class each time
(``HistoryManager.from_queryset(HistoricalQuerySet)``: ``type()`` over the queryset's public
methods found by ``inspect``), about 0.3 ms a save. The class is now built once per
(manager class, queryset class) pair; each access still returns a new manager for that
instance, with the same methods.

**The many-to-many fields it tracks** (``HistoricalRecords(m2m_fields=…)``: catalog, changes,
contactcenter, knowledge, notifications, problems, servicerequests).

For every historical record, simple-history reads each tracked field's through rows with
``select_related`` on every foreign key of the through model: for a change's incidents, a
join of the through table, the whole change row and the whole incident row, compiled and
turned into three model instances per row, only to copy the two ids into the historical
through row. It also rebuilds the instance from its historical record once per field (a
query each when the model excludes a field from its history). It did that for a row just
created too, which cannot have any (its primary key did not exist before this save).

:func:`install` replaces that one method (``HistoricalRecords.create_historical_record_m2ms``)
by one that writes the same rows: the through rows' column values read with ``values_list``
(ids, no joins, no instances), nothing read for a record of type ``+``, and the same
``pre_create_historical_m2m_records``/``post_create_historical_m2m_records`` signals with the
same arguments. A through model that is not Django's auto-created one keeps simple-history's
own code. Measured on ``changes/tests/test_available_actions.py`` (a change has five tracked
fields): 12 ms → see the commit. ``core.tests.test_history_m2m`` holds it to the original.

Called from an ``AppConfig.ready`` (the patch is on the class: every model's ``history``
uses it from then on); calling it again does nothing.
"""

from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_m2m_records, pre_create_historical_m2m_records

_original = HistoricalRecords.create_historical_record_m2ms


def create_historical_record_m2ms(self, history_instance, instance):
    """simple-history's method, reading ids instead of joined instances (see the module)."""
    for field in history_instance._history_m2m_fields:
        through_model = field.remote_field.through
        if not through_model._meta.auto_created:
            _original(self, history_instance, instance)  # every field again would repeat rows: do them all there
            return
    for field in history_instance._history_m2m_fields:
        m2m_history_model = self.m2m_models[field]
        through_model = field.remote_field.through
        insert_rows = []
        if history_instance.history_type != "+":
            attnames = [f.attname for f in through_model._meta.fields]
            rows = through_model.objects.filter(**{field.m2m_field_name(): instance}).values_list(*attnames)
            insert_rows = [m2m_history_model(history=history_instance, **dict(zip(attnames, row, strict=True)))
                           for row in rows]
        pre_create_historical_m2m_records.send(sender=m2m_history_model, rows=insert_rows,
                                               history_instance=history_instance, instance=instance, field=field)
        created_rows = m2m_history_model.objects.bulk_create(insert_rows)
        post_create_historical_m2m_records.send(sender=m2m_history_model, created_rows=created_rows,
                                                history_instance=history_instance, instance=instance, field=field)


create_historical_record_m2ms.original = _original

_original_get = HistoryDescriptor.__get__
_manager_classes: dict[tuple[type, type], type] = {}


def history_descriptor_get(self, instance, owner):
    """simple-history's ``HistoryDescriptor.__get__``, its manager class built once (see the module)."""
    key = (self.manager_class, self.queryset_class)
    manager_class = _manager_classes.get(key)
    if manager_class is None:
        manager_class = _manager_classes[key] = self.manager_class.from_queryset(self.queryset_class)
    return manager_class(self.model, instance)


history_descriptor_get.original = _original_get


def install() -> None:
    HistoricalRecords.create_historical_record_m2ms = create_historical_record_m2ms
    HistoryDescriptor.__get__ = history_descriptor_get
