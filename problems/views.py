"""Browser pages for problem management (being built)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def problem_list(request):
    return HttpResponse("problems")


@login_required
def problem_detail(request, pk):
    return HttpResponse("problem")


@login_required
def known_error_detail(request, pk):
    return HttpResponse("known error")
