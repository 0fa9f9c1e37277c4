"""DRF's token authentication, in one statement: the token, its user and the user's roles.

DRF's ``TokenAuthentication`` reads the token with its user through the ORM (building and
compiling the query on every request), and the first permission check reads the user's
groups with a second query (``core.roles.roles_of``). Here one SQL statement, built once
per process, reads all three on PostgreSQL; every request still asks the database, so a
deleted or replaced token, or a deactivated user, is refused at once. The answers (401 and
its messages, ``request.user``, ``request.auth``: the ``Token``) are DRF's own; other
databases, or a user model with fields that convert their database values, take DRF's path."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connections, router
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

from core.roles import remember_roles

_statements: dict[str, str | None] = {}


def _statement(alias: str) -> str | None:
    """The token + user + group names query for database ``alias``, or None where DRF's path
    is taken."""
    if alias in _statements:
        return _statements[alias]
    connection = connections[alias]
    user_model = get_user_model()
    fields = user_model._meta.concrete_fields
    sql = None
    if connection.vendor == "postgresql" and not any(hasattr(f, "from_db_value") for f in fields):
        qn = connection.ops.quote_name
        groups = user_model._meta.get_field("groups")
        token, user_pk = Token._meta, qn(user_model._meta.pk.column)
        columns = ", ".join("u." + qn(f.column) for f in fields)
        names = (
            f"SELECT g.{qn(Group._meta.get_field('name').column)} FROM {qn(Group._meta.db_table)} g "  # noqa: S608
            f"JOIN {qn(groups.remote_field.through._meta.db_table)} ug "
            f"ON ug.{qn(groups.m2m_reverse_name())} = g.{qn(Group._meta.pk.column)} "
            f"WHERE ug.{qn(groups.m2m_column_name())} = u.{user_pk}"
        )
        # Table and column names from the models' meta, quoted; the key is a parameter.
        sql = (
            f"SELECT {columns}, t.{qn(token.get_field('created').column)}, ARRAY({names}) "  # noqa: S608
            f"FROM {qn(token.db_table)} t JOIN {qn(user_model._meta.db_table)} u "
            f"ON u.{user_pk} = t.{qn(token.get_field('user').column)} WHERE t.{qn(token.get_field('key').column)} = %s"
        )
    _statements[alias] = sql
    return sql


class TokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token <key>``, as DRF's, read with one statement (see above)."""

    def authenticate_credentials(self, key):
        if self.model is not None and self.model is not Token:
            return super().authenticate_credentials(key)
        alias = router.db_for_read(Token)
        sql = _statement(alias)
        if sql is None:
            return super().authenticate_credentials(key)
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, [key])
            row = cursor.fetchone()
        if row is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        user_model = get_user_model()
        fields = user_model._meta.concrete_fields
        user = user_model.from_db(alias, [f.attname for f in fields], row[: len(fields)])
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        remember_roles(user, row[len(fields) + 1])
        values = {"key": key, "user_id": user.pk, "created": row[len(fields)]}
        names = [f.attname for f in Token._meta.concrete_fields]
        token = Token.from_db(alias, names, [values[name] for name in names])
        token.user = user
        return user, token
