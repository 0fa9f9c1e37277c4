"""Core's own records: a person's saved views of the staff lists."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SavedView(models.Model):
    """A list's filters, sort, columns and page size saved under a name (``query``: the
    list's query string without the page). ``shared``: the owner's team-mates see it too
    (whoever is in one of the owner's teams when they look); only the owner changes or
    deletes it. ``list_key`` names the list (a ``FilteredListView``'s ``list_key``)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE,
                              related_name="saved_views")
    list_key = models.CharField(_("list"), max_length=40)
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("query"), max_length=2000, blank=True)
    shared = models.BooleanField(_("shared with my teams"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        ordering = ("name", "id")
        constraints = [models.UniqueConstraint(fields=("owner", "list_key", "name"), name="core_savedview_unique_name")]
        indexes = [models.Index(fields=("list_key", "owner"), name="core_savedview_list_owner")]

    def __str__(self) -> str:
        return self.name
