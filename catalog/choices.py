from django.db import models
from django.utils.translation import gettext_lazy as _


class CustomerTier(models.TextChoices):
    STANDARD = "standard", _("Standard")
    GOLD = "gold", _("Gold")
    VIP = "vip", _("VIP")


class CIType(models.TextChoices):
    APPLICATION = "application", _("Application")
    SERVER = "server", _("Server")
    DATABASE = "database", _("Database")
    NETWORK = "network", _("Network device")
    STORAGE = "storage", _("Storage")
    CLOUD = "cloud", _("Cloud resource")
    OTHER = "other", _("Other")


class CIStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    MAINTENANCE = "maintenance", _("In maintenance")
    RETIRED = "retired", _("Retired")


class CIRelationKind(models.TextChoices):
    DEPENDS_ON = "depends_on", _("depends on")
    RUNS_ON = "runs_on", _("runs on")
    PART_OF = "part_of", _("part of")
