"""The agent workspace's pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from .selectors import incidents_visible_to, notes_visible_to, with_list_data


@login_required
def incident_detail(request, pk: int):
    incident = get_object_or_404(with_list_data(incidents_visible_to(request.user)), pk=pk)
    return render(request, "incidents/detail.html", {
        "incident": incident, "notes": notes_visible_to(request.user, incident),
        "history": incident.history.select_related("history_user").order_by("-history_date")[:50],
    })
