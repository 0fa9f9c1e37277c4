"""Browser pages for service requests and the portal (being built)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from incidents import views as incident_views


@login_required
def portal_home(request):
    return incident_views.portal_home(request)


@login_required
def portal_order(request, pk):
    return HttpResponse("order")


@login_required
def portal_request(request, pk):
    return HttpResponse("request")


@login_required
def request_queue(request):
    return HttpResponse("requests")


@login_required
def approvals(request):
    return HttpResponse("approvals")


@login_required
def request_detail(request, pk):
    return HttpResponse("request")
