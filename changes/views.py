"""Browser pages for change management (being built)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def change_list(request):
    return HttpResponse("changes")


@login_required
def change_detail(request, pk):
    return HttpResponse("change")


@login_required
def calendar(request):
    return HttpResponse("calendar")


@login_required
def approvals(request):
    return HttpResponse("approvals")
