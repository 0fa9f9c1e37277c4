from django.apps import AppConfig
from django.db.models.signals import post_save


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        # In ready(): the app registry is loaded only now (signals imports auth's Group model too).
        from django.contrib.auth import get_user_model

        from . import live, signals

        live.connect()  # live pages: a version per topic, bumped when a change commits (core/live.py)

        post_save.connect(
            signals.superuser_holds_admin_role,
            sender=get_user_model(),
            dispatch_uid="superuser_holds_admin_role",
        )
