"""Project-level pages: the agent home and the profile page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import Throttled, ValidationError

from catalog.models import Contact, Customer, Service
from catalog.preferences import remember_preferences
from catalog.services import profile_for, profile_update_preferences
from core.api.throttling import AuthRateThrottle
from core.lockout import cool_off_seconds
from core.roles import is_staff_member
from incidents.choices import OPEN_STATUSES
from incidents.selectors import incidents_visible_to, queue, with_list_data
from notifications.selectors import notifications_for

from .forms import ProfileForm


class TokenView(ObtainAuthToken):
    """``POST /api/v1/auth/token/`` with ``{"username", "password"}`` → ``{"token"}``.

    A username or address locked out by the login lockout (django-axes, which counts these
    failures too) answers 429 like any rate limit, whether the password was right or not."""

    throttle_classes = [AuthRateThrottle]

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            if getattr(request, "axes_locked_out", False):
                raise Throttled(wait=cool_off_seconds(request),
                                detail=_("Too many failed attempts to log in. Try again later.")) from None
            raise


@login_required
def home(request):
    """The agent home: my open incidents with their clocks and the queues' sizes.
    Requesters get their own page, which points to the portal."""
    if not is_staff_member(request.user):
        user = request.user
        return render(request, "servicedesk/requester_home.html", {
            "notifications": notifications_for(user)[:10],
            "open_incidents": incidents_visible_to(user).filter(status__in=OPEN_STATUSES).count(),
        })
    mine = queue(request.user, "mine")
    context = {
        "notifications": notifications_for(request.user)[:10],
        "my_incidents": list(with_list_data(mine).order_by("priority", "created_at", "id")[:10]),
        "queue_counts": {"mine": mine.count(), "team": queue(request.user, "team").count(),
                         "unassigned": queue(request.user, "unassigned").count(),
                         "breached": queue(request.user, "breached").count()},
        "counts": {
            "services": Service.objects.filter(is_active=True).count(),
            "customers": Customer.objects.count(),
            "contacts": Contact.objects.count(),
        },
        "my_teams": request.user.teams.select_related("manager").all(),
    }
    return render(request, "servicedesk/home.html", context)


@login_required
def profile(request):
    agent_profile = profile_for(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            profile_update_preferences(user=request.user, **form.cleaned_data)
            remember_preferences(request, **form.cleaned_data)
            messages.success(request, _("Your preferences are saved."))
            return redirect("profile")
    else:
        form = ProfileForm(initial={"language": agent_profile.language or translation.get_language(),
                                    "timezone": agent_profile.timezone or timezone.get_current_timezone_name()})
    return render(request, "servicedesk/profile.html", {"form": form, "profile": agent_profile})
