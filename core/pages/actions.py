"""Actions on a record from its page, declared as a table: each app lists its ``Action``s
and an ``ActionView`` runs them the same way everywhere."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from django_htmx.http import HttpResponseClientRedirect

from ..forms import add_service_errors
from .access import LOST_RACE, REFUSALS, refusal_message

SAVE_FAILED = gettext_lazy("Nothing was saved: please correct the errors below.")
INCOMPLETE = gettext_lazy("Nothing was saved: the form was incomplete; reload the page.")


def _caught(invalid: bool, denied: bool) -> tuple:
    return REFUSALS + ((ValidationError,) if invalid else ()) + ((PermissionDenied,) if denied else ())


def attempt(request, call: Callable[[], Any], *, refusal: Callable[[Exception], str] | None = None,
            lost_race: str = LOST_RACE, states=None, current: str | None = None, form=None, invalid: bool = True,
            denied: bool = True) -> int | None:
    """Run a service call for a page. None when it worked; otherwise the HTTP status to show
    the page with, the reason already queued as a message or put on ``form``'s fields: 400
    for a ``ValidationError`` (unless ``invalid`` is False), 403 for a ``PermissionDenied``
    (unless ``denied`` is False: then the 403 error page), 409 for a refused or lost
    transition, said by ``refusal_message`` (the page's ``lost_race``, and with ``states``
    where the record stands now) or by ``refusal(exc)``."""
    try:
        call()
    except _caught(invalid, denied) as exc:
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
        messages.error(request, refusal(exc) if refusal is not None
                       else refusal_message(exc, lost_race, states=states, current=current))
        return 409
    return None


def refused(call: Callable[[], Any], *, lost_race: str = LOST_RACE, states=None, current: str | None = None,
            invalid: bool = True, denied: bool = True) -> str | None:
    """Run a service call and say why not, for a page that reports many calls at once (a bulk
    action): None when it worked; else a ``ValidationError``'s messages, a
    ``PermissionDenied``'s reason or a refused or lost transition (``refusal_message``).
    With ``invalid`` or ``denied`` False those go on to the caller."""
    try:
        call()
    except _caught(invalid, denied) as exc:
        if isinstance(exc, ValidationError):
            return " ".join(exc.messages)
        if isinstance(exc, PermissionDenied):
            return str(exc) or _("You are not allowed to do this.")
        return refusal_message(exc, lost_race, states=states, current=current)
    return None


def message_errors(request, form) -> None:
    """A form that only carries what a button posts (ids, a choice) and does not validate:
    each of its errors as a message, for the page it goes back to."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def _said(text, record) -> str:
    return str(text(record) if callable(text) else text)


@dataclass(frozen=True)
class Action:
    """One row of a page's table of actions: what it runs, what it says, and how the page
    offers it (``core/_actions.html`` draws the buttons and forms from the table)."""

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
    #: The button's words (a text, or ``label(record)``): a form's label opens it and
    #: ``submit`` sends it. ``confirm``: the question a destructive action asks first (the
    #: button carries it as ``data-confirm``).
    label: Any = ""
    submit: Any = ""
    confirm: Any = ""
    primary: bool = False
    accesskey: str = ""
    #: A keyboard shortcut (static/js/shortcuts.js: one key, outside text fields) and what
    #: the ``?`` help calls it (default: the label).
    shortcut: str = ""
    shortcut_label: Any = ""
    #: Who may: the verb of the record's available-actions selector it needs ("": its own
    #: name; None: none, whoever may open the page), and to be offered ``when(record, user)``
    #: too. The services refuse the rest; only ``may(user, record)`` is checked here (403).
    needs: str | None = ""
    when: Callable[[Any, Any], bool] | None = None
    may: Callable[[Any, Any], bool] | None = None
    #: False: the page places it itself (a comment box, an upload) instead of the actions card.
    card: bool = True
    #: A form's fields to set side by side (after the others), and a line under them.
    grid: tuple = ()
    help: Any = ""


@dataclass
class Offered:
    """An action a page offers now, ready for ``core/_actions.html``."""

    name: str
    url: str
    label: str
    submit: str = ""
    confirm: str = ""
    primary: bool = False
    accesskey: str = ""
    shortcut: str = ""
    shortcut_label: str = ""
    key: str = ""
    #: The field that names the action, for forms that post to one address for all.
    name_field: str = ""
    form: Any = None
    open: bool = False
    fields: list = field(default_factory=list)
    grid: list = field(default_factory=list)
    help: str = ""


def action_card(actions: dict[str, Action], record, user, available, *, url: Callable[[str], str],
                forms: dict | None = None, open_form: str | None = None, links=(), notes=(), extra: str = "",
                always: bool = False, name_field: str = "") -> dict:
    """What a record's actions card shows (``core/_actions.html``): the one-click buttons and
    the forms of ``actions`` (a page's table) that this person may take now (their verb in
    ``available``, the record's available-actions selector, and ``when``), in the table's
    order; a form shown again with its errors stays. ``url(name)`` is where each posts (with
    ``name_field``, a field naming the action: a page whose forms all post to one address);
    ``links`` (``{"url", "label", "name", "accesskey"}``) and ``notes`` (``{"text", "css",
    "testid"}``) follow the buttons and the forms; ``extra`` is a template with more of the
    page's own. The card is drawn when it offers anything (``always``: in any case)."""
    forms = forms or {}
    buttons, with_forms = [], []
    for name, spec in actions.items():
        key = spec.key or name
        needs = name if spec.needs == "" else spec.needs
        offered = (needs is None or needs in available) and (spec.when is None or spec.when(record, user))
        if not spec.card or not (offered or (spec.form is not None and key == open_form)):
            continue
        item = Offered(name=name, url=url(name), label=_said(spec.label, record), submit=_said(spec.submit, record),
                       confirm=_said(spec.confirm, record), primary=spec.primary, accesskey=spec.accesskey, key=key,
                       name_field=name_field, shortcut=spec.shortcut,
                       shortcut_label=_said(spec.shortcut_label or spec.label, record) if spec.shortcut else "")
        if spec.form is None:
            buttons.append(item)
            continue
        item.form, item.open, item.help = forms[key], key == open_form, _said(spec.help, record)
        item.fields = [f for f in item.form.visible_fields() if f.name not in spec.grid]
        item.grid = [item.form[field_name] for field_name in spec.grid]
        with_forms.append(item)
    return {"buttons": buttons, "forms": with_forms, "links": list(links), "notes": list(notes), "extra": extra,
            "shown": bool(always or buttons or with_forms or links)}


class ActionView(View):
    """POST ``…/<pk>/<action>/``: check the action's form, call its service, then back to the
    record (an HTMX request is told where with ``HX-Redirect``). A form that does not
    validate, or a ``ValidationError`` from the service, shows the page again with the
    errors next to the fields (400); a refusal of the person is a message (403); a refused
    or lost transition is a message with the page as it now stands (409).

    Declare ``actions`` (name → :class:`Action`), ``visible_to`` (or :meth:`get_record`),
    ``lost_race`` and :meth:`render_page` (the record's page with ``bound`` forms, at
    ``status``); override :meth:`get_form_kwargs`, :meth:`form_data`, :meth:`success_url` as
    needed. Add an access mixin (``StaffRequiredMixin``...) first."""

    http_method_names = ["post"]
    actions: dict[str, Action] = {}
    #: False: a ``PermissionDenied`` from a service is the 403 error page, not a message.
    denied_as_message = True
    lost_race = LOST_RACE
    #: The record's status choices: a refusal then also says where the record stands now.
    states = None
    #: The app's visibility selector, ``visible_to(user)`` (declare it with ``staticmethod``):
    #: the record is found among what the person sees (else 404).
    visible_to = None

    def get_action_name(self) -> str:
        return self.kwargs["action"]

    def unknown_action(self):
        raise Http404

    def get_record(self):
        return get_object_or_404(self.visible_to(self.request.user), pk=self.kwargs["pk"])

    def render_page(self, bound: dict | None, status: int):
        raise NotImplementedError

    def refusal(self, exc: Exception) -> str:
        current = None
        if self.states is not None:  # as it is now, after the refusal
            current = (type(self.record)._default_manager.filter(pk=self.record.pk)
                       .values_list("status", flat=True).first())
        return refusal_message(exc, self.lost_race, states=self.states, current=current)

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
