from django.apps import AppConfig
from django.db.models.signals import post_save


class ServicedeskConfig(AppConfig):
    name = "servicedesk"
    verbose_name = "Service desk"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from . import preferences, signals  # noqa: F401 (connects receivers)

        post_save.connect(
            signals.superuser_holds_admin_role,
            sender=get_user_model(),
            dispatch_uid="superuser_holds_admin_role",
        )
