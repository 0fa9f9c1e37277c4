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
by one that writes the same rows: the through rows' column values (ids: no joins, no
instances), every tracked field's in one statement (``UNION ALL``; a change tracks five),
nothing read for a record of type ``+``, and the same
``pre_create_historical_m2m_records``/``post_create_historical_m2m_records`` signals with the
same arguments. A through model that is not Django's auto-created one keeps simple-history's
own code. ``core.tests.test_history_m2m`` holds it to the original.

Measured (CPU of the process, load ~6, 2026-12-07), both changes together: saving a change
with services, a CI and an incident 8.5–9.8 → 2.6–2.9 ms; creating one (``ChangeFactory``)
6.5–8.2 → 1.1–1.2 ms; ``changes/tests/test_available_actions.py`` (1,100 saves, most in
rolled-back API calls) 22.8 → 14.5 s with the API changes of the same session.

Called from an ``AppConfig.ready`` (the patch is on the class: every model's ``history``
uses it from then on); calling it again does nothing.
"""

from django.db import connections, router
from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_m2m_records, pre_create_historical_m2m_records

_original = HistoricalRecords.create_historical_record_m2ms


_INTEGERS = frozenset({"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField",
                       "SmallIntegerField", "PositiveIntegerField", "PositiveBigIntegerField",
                       "PositiveSmallIntegerField"})
_statements: dict[tuple, str] = {}


def _integer(field) -> bool:
    while field.is_relation:
        field = field.target_field
    return field.get_internal_type() in _INTEGERS


def _through_rows(fields: list, instance) -> list[list[tuple]] | None:
    """Every tracked field's through rows (their columns' values, in the through model's field
    order), read with one statement: a ``UNION ALL`` of one ``SELECT … WHERE <source>_id = %s``
    per through table. None when the through tables do not all live on one database or hold
    a column that is not an integer (the ORM reads those, converters and all)."""
    throughs = [field.remote_field.through for field in fields]
    aliases = {router.db_for_read(through, instance=instance) for through in throughs}
    if len(aliases) != 1 or not all(_integer(f) for through in throughs for f in through._meta.fields):
        return None
    alias = aliases.pop()
    connection = connections[alias]
    sources = [through._meta.get_field(field.m2m_field_name()) for field, through in zip(fields, throughs, strict=True)]
    key = (tuple(fields), alias, connection.vendor)
    sql = _statements.get(key)
    if sql is None:
        quote = connection.ops.quote_name
        parts = []
        for index, (through, source) in enumerate(zip(throughs, sources, strict=True)):
            columns = ", ".join(quote(f.column) for f in through._meta.fields)
            table, where = quote(through._meta.db_table), quote(source.column)
            parts.append(f"SELECT {index}, {columns} FROM {table} WHERE {where} = %s")  # noqa: S608 - names only
        sql = _statements[key] = " UNION ALL ".join(parts)
    rows: list[list[tuple]] = [[] for _ in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, [getattr(instance, source.target_field.attname) for source in sources])
        for index, *values in cursor.fetchall():
            rows[index].append(tuple(values))
    return rows


def create_historical_record_m2ms(self, history_instance, instance):
    """simple-history's method, reading ids instead of joined instances (see the module)."""
    fields = list(history_instance._history_m2m_fields)
    if not all(field.remote_field.through._meta.auto_created for field in fields):
        _original(self, history_instance, instance)  # every field again would repeat rows: do them all there
        return
    found = [[] for _ in fields]
    if history_instance.history_type != "+" and fields:
        found = _through_rows(fields, instance)
        if found is None:
            found = [list(field.remote_field.through.objects.filter(**{field.m2m_field_name(): instance})
                          .values_list(*(f.attname for f in field.remote_field.through._meta.fields)))
                     for field in fields]
    for field, rows in zip(fields, found, strict=True):
        m2m_history_model = self.m2m_models[field]
        attnames = [f.attname for f in field.remote_field.through._meta.fields]
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
