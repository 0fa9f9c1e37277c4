"""A superuser (``createsuperuser``) holds the admin role, so the first administrator can
use the API and the pages straight away."""

from django.contrib.auth.models import Group

from .roles import Role


def superuser_holds_admin_role(sender, instance, created, raw=False, **kwargs):
    if raw or not instance.is_superuser:
        return
    group = Group.objects.filter(name=Role.ADMIN).first()
    if group is not None and not instance.groups.filter(pk=group.pk).exists():
        instance.groups.add(group)
