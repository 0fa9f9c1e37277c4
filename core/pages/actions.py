"""Actions on a record from its page, declared as a table: each app lists its ``Action``s
and an ``ActionView`` runs them the same way everywhere."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from django_htmx.http import HttpResponseClientRedirect

from ..forms import add_service_errors
from .access import REFUSALS, refusal_message

SAVE_FAILED = gettext_lazy("Nothing was saved: please correct the errors below.")
INCOMPLETE = gettext_lazy("Nothing was saved: the form was incomplete; reload the page.")


def attempt(request, call: Callable[[], Any], *, refusal: Callable[[Exception], str], form=None,
            invalid: bool = True, denied: bool = True) -> int | None:
    """Run a service call for a page. None when it worked; otherwise the HTTP status to show
    the page with, the reason already queued as a message or put on ``form``'s fields: 400
    for a ``ValidationError`` (unless ``invalid`` is False), 403 for a ``PermissionDenied``
    (unless ``denied`` is False: then the 403 error page), 409 for a refused or lost
    transition (``refusal(exc)`` says it)."""
    catch = REFUSALS + ((ValidationError,) if invalid else ()) + ((PermissionDenied,) if denied else ())
    try:
        call()
    except catch as exc:
        if isinstance(exc, ValidationError):
            if form is not None:
                add_service_errors(form, exc)
                messages.error(request, SAVE_FAILED)
            else:
                messages.error(request, " ".join(exc.messages))
            return 400
        if isinstance(exc, PermissionDenied):
            messages.error(request, str(exc) or _("You are not allowed to do this."))
            return 403
        messages.error(request, refusal(exc))
        return 409
    return None


@dataclass(frozen=True)
class Action:
    """One row of a page's table of actions."""

    #: Calls the service: ``run(record, user, data)`` with the form's data.
    run: Callable[[Any, Any, dict], Any]
    #: The success message: text formatted with :meth:`ActionView.message_args`, or
    #: ``done(record, result) -> (message level, text)``.
    done: Any
    form: type | None = None
    #: The form's prefix and its name in the page's ``forms`` (default: the action's name).
    key: str | None = None
    #: Errors go next to the form's fields (False: the form has only hidden fields).
    inline: bool = True
    #: The button's label and the question it asks first, for templates that show them.
    label: str = ""
    confirm: str = ""
    #: Who may, beyond who may open the view: ``may(user, record)``; a no is a 403.
    may: Callable[[Any, Any], bool] | None = None


class ActionView(View):
    """POST ``…/<pk>/<action>/``: check the action's form, call its service, then back to the
    record (an HTMX request is told where with ``HX-Redirect``). A form that does not
    validate, or a ``ValidationError`` from the service, shows the page again with the
    errors next to the fields (400); a refusal of the person is a message (403); a refused
    or lost transition is a message with the page as it now stands (409).

    Declare ``actions`` (name → :class:`Action`), :meth:`get_record` and :meth:`render_page`
    (the record's page with ``bound`` forms, at ``status``); override :meth:`refusal`
    (what a lost race says), :meth:`get_form_kwargs`, :meth:`form_data`,
    :meth:`success_url` as needed. Add an access mixin (``StaffRequiredMixin``...) first."""

    http_method_names = ["post"]
    actions: dict[str, Action] = {}
    #: False: a ``PermissionDenied`` from a service is the 403 error page, not a message.
    denied_as_message = True
    lost_race = gettext_lazy("Someone else changed this meanwhile.")

    def get_action_name(self) -> str:
        return self.kwargs["action"]

    def unknown_action(self):
        raise Http404

    def get_record(self):
        raise NotImplementedError

    def render_page(self, bound: dict | None, status: int):
        raise NotImplementedError

    def refusal(self, exc: Exception) -> str:
        return refusal_message(exc, self.lost_race)

    def get_form_kwargs(self, spec: Action) -> dict:
        return {"prefix": spec.key or self.action}

    def get_form(self, spec: Action):
        if spec.form is None:
            return None
        return spec.form(self.request.POST, self.request.FILES, **self.get_form_kwargs(spec))

    def form_data(self, spec: Action, form) -> dict | None:
        """What the service gets; None: nothing changed (nothing is saved)."""
        return form.cleaned_data if form is not None else {}

    def message_args(self) -> dict:
        return {"number": self.record.number}

    def invalid_form_message(self, spec: Action) -> str:
        return SAVE_FAILED

    def validation_message(self, spec: Action, exc: ValidationError) -> str | None:
        """What a ``ValidationError`` says when it has no form to go next to (None: its messages)."""
        return None

    def success_url(self) -> str:
        return self.record.get_absolute_url()

    def back(self):
        url = self.success_url()
        return HttpResponseClientRedirect(url) if getattr(self.request, "htmx", False) else redirect(url)

    def post(self, request, *args, **kwargs):
        self.action = self.get_action_name()
        spec = self.actions.get(self.action)
        if spec is None:
            return self.unknown_action()
        self.record = self.get_record()
        if spec.may is not None and not spec.may(request.user, self.record):
            raise PermissionDenied(_("You are not allowed to do this."))
        key = spec.key or self.action
        form = self.get_form(spec)
        if form is not None and not form.is_valid():
            if spec.inline:
                messages.error(request, self.invalid_form_message(spec))
                return self.render_page({key: form}, 400)
            messages.error(request, INCOMPLETE)
            return self.render_page(None, 400)
        data = self.form_data(spec, form)
        if data is None:
            messages.info(request, _("Nothing changed."))
            return self.back()
        inline = form if spec.inline else None
        outcome = []

        def call():
            try:
                outcome.append(spec.run(self.record, request.user, data))
            except ValidationError as exc:
                text = None if inline is not None else self.validation_message(spec, exc)
                if text is None:
                    raise
                raise ValidationError(text) from exc

        status = attempt(request, call, refusal=self.refusal, form=inline, denied=self.denied_as_message)
        if status is not None:
            return self.render_page({key: form} if status == 400 and inline is not None else None, status)
        if callable(spec.done):
            level, text = spec.done(self.record, outcome[0])
        else:
            level, text = messages.SUCCESS, spec.done % self.message_args()
        messages.add_message(request, level, text)
        return self.back()
