"""``manage.py simulate_call [CALLER] [--agent USERNAME] [--line NUMBER]``: ring the desk as
Twilio would (contactcenter/simulation.py), signed with ``TWILIO_AUTH_TOKEN``, through the
real voice webhook. CALLER is a contact's id, phone number (any format) or e-mail address;
by default the first demo caller with a phone number."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from catalog.models import Contact
from catalog.phone import phone_from_query
from catalog.selectors import contact_by_phone

from ...models import Line
from ...simulation import demo_callers, simulate_call, simulation_enabled


def find_caller(ref: str | None) -> Contact | None:
    if not ref:
        return demo_callers(1).first()
    if ref.isdigit() and (contact := Contact.objects.filter(pk=int(ref)).first()):
        return contact
    if "@" in ref:
        return Contact.objects.filter(email__iexact=ref).order_by("pk").first()
    number = phone_from_query(ref)
    return contact_by_phone(number) if number else None


class Command(BaseCommand):
    help = "Simulate an incoming call from a contact: a signed Twilio voice webhook through the real view."

    def add_arguments(self, parser):
        parser.add_argument("caller", nargs="?", help="contact id, phone number or e-mail (default: a demo caller)")
        parser.add_argument("--agent", help="username of an agent to make available first, to take the call")
        parser.add_argument("--line", help="the line's number (default: the first active line)")
        parser.add_argument("--force", action="store_true", help="run even when DEMO_TELEPHONY is off")

    def handle(self, *args, caller=None, agent=None, line=None, force=False, **options):
        if not (force or simulation_enabled()):
            raise CommandError("Call simulation is off: set DEMO_TELEPHONY=true (or DEBUG), or pass --force.")
        contact = find_caller(caller)
        if contact is None:
            raise CommandError(f"No contact matches {caller!r}." if caller else "No contact has a phone number.")
        user = None
        if agent:
            user = get_user_model().objects.filter(username=agent).first()
            if user is None:
                raise CommandError(f"There is no user {agent!r}.")
        chosen = None
        if line:
            chosen = Line.objects.filter(number=phone_from_query(line) or line).first()
            if chosen is None:
                raise CommandError(f"There is no line {line!r}.")
        try:
            result = simulate_call(contact=contact, line=chosen, agent=user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for exchange in result.exchanges:
            self.stdout.write(f"POST {exchange.path} -> {exchange.status}")
            self.stdout.write(f"  {exchange.body}")
        call = result.call
        if call is None:
            raise CommandError("The webhook recorded no call (see the answers above).")
        who = call.agent.get_username() if call.agent_id else "nobody yet (waiting in the queue)"
        self.stdout.write(self.style.SUCCESS(
            f"Call {call.call_sid} from {contact.name} ({call.from_number}) to {call.to_number}: "
            f"queue {call.queue.name if call.queue_id else '-'}, offered to {who}."))
