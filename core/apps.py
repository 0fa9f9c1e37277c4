from django.apps import AppConfig
from django.db.models.signals import post_save


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        # In ready(): the app registry is loaded only now (signals imports auth's Group model too).
        from django.contrib.auth import get_user_model

        from . import history, live, signals

        # simple-history's m2m recording and history manager, cheaper and the same rows
        # (core/history.py); patched on its classes, for every app's historied models.
        history.install()

        live.connect()  # live pages: a version per topic, bumped when a change commits (core/live.py)

        post_save.connect(
            signals.superuser_holds_admin_role,
            sender=get_user_model(),
            dispatch_uid="superuser_holds_admin_role",
        )
