"""The demo's welcome note to every demo user."""

from .services import notify


def seed_demo(context: dict) -> None:
    """``manage.py seed_demo``'s step (after the catalogue made the users)."""
    notify(list(context["users"].values()), "welcome", {}, ["in_app"], idempotency_key="seed-demo-welcome")
