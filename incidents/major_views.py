"""Browser pages for major incidents (being built)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def major_list(request):
    return HttpResponse("major incidents")


@login_required
def war_room(request, pk):
    return HttpResponse("war room")


@login_required
def spike_alert(request, pk):
    return HttpResponse("spike alert")
