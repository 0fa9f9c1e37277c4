"""The team managers' page of canned replies (``/catalog/canned-replies/``): the replies of the
teams they manage (an admin: every team's and the global ones), a form to add one, and each
one's own form to change or delete it. Writes go through :mod:`catalog.canned_replies`."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.roles import is_admin

from .canned_replies import (
    PLACEHOLDERS,
    canned_replies_managed_by,
    canned_reply_delete,
    canned_reply_save,
    may_manage_replies,
    teams_managed_by,
)


class CannedReplyForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=120)
    body = forms.CharField(label=gettext_lazy("Text"), max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}))
    team = forms.ModelChoiceField(label=gettext_lazy("Team"), queryset=None, required=False,
                                  empty_label=gettext_lazy("Everyone (global)"))
    is_active = forms.BooleanField(label=gettext_lazy("Active"), required=False, initial=True)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams_managed_by(user)
        if not is_admin(user):  # a manager's replies always belong to one of their teams
            self.fields["team"].required = True
            self.fields["team"].empty_label = None


def _allowed(request):
    if not may_manage_replies(request.user):
        raise PermissionDenied(_("Only team managers and admins can manage canned replies."))


def _page(request, form, editing=None, status=200):
    return render(request, "catalog/canned_replies.html", {
        "replies": list(canned_replies_managed_by(request.user)), "form": form, "editing": editing,
        "placeholders": PLACEHOLDERS.items()}, status=status)


def _save(request, form, reply=None):
    if not form.is_valid():
        return None
    try:
        return canned_reply_save(actor=request.user, reply=reply, **form.cleaned_data)
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def canned_reply_list(request):
    """The list, and the form that adds one."""
    _allowed(request)
    form = CannedReplyForm(request.POST or None, user=request.user)
    if request.method == "POST":
        reply = _save(request, form)
        if reply is None:
            return _page(request, form, status=400)
        messages.success(request, _("The canned reply “%(name)s” is saved.") % {"name": reply.name})
        return redirect("catalog:canned-replies")
    return _page(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def canned_reply_edit(request, pk: int):
    _allowed(request)
    reply = get_object_or_404(canned_replies_managed_by(request.user), pk=pk)
    initial = {"name": reply.name, "body": reply.body, "team": reply.team, "is_active": reply.is_active}
    form = CannedReplyForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST":
        if _save(request, form, reply) is None:
            return _page(request, form, editing=reply, status=400)
        messages.success(request, _("The canned reply “%(name)s” is saved.") % {"name": reply.name})
        return redirect("catalog:canned-replies")
    return _page(request, form, editing=reply)


@login_required
@require_POST
def canned_reply_remove(request, pk: int):
    _allowed(request)
    reply = get_object_or_404(canned_replies_managed_by(request.user), pk=pk)
    canned_reply_delete(actor=request.user, reply=reply)
    messages.success(request, _("The canned reply “%(name)s” is deleted.") % {"name": reply.name})
    return redirect(reverse("catalog:canned-replies"))
