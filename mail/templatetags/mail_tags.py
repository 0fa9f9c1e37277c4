"""The email sections other apps' ticket pages include (their templates load this library;
incidents and servicerequests import nothing of mail):

    {% load mail_tags %}
    {% ticket_emails incident %}        each email of the ticket as it arrived or left:
                                        sender, time, subject, attachments, what the desk did
    {% email_reply_hint incident %}     under the reply box: the customer receives public
                                        notes by email (only on an email ticket with an address)

Each renders nothing when there is nothing to show; ``ticket_emails`` costs one query."""

from django import template

from servicerequests.models import ServiceRequest

from ..models import MailMessage

register = template.Library()

#: The most emails a ticket page lists (the newest; the count says how many there are).
LIMIT = 50


def _messages(ticket):
    field = "request" if isinstance(ticket, ServiceRequest) else "incident"
    return MailMessage.objects.filter(**{field: ticket}).order_by("-received_at", "-id")


@register.inclusion_tag("mail/_ticket_emails.html")
def ticket_emails(ticket):
    rows = list(_messages(ticket).only(
        "direction", "from_address", "from_name", "to_addresses", "subject", "date", "received_at", "result",
        "status", "attachment_count", "reason")[:LIMIT + 1])
    return {"emails": rows[:LIMIT], "more": len(rows) > LIMIT}


@register.inclusion_tag("mail/_email_reply_hint.html")
def email_reply_hint(ticket):
    """Where public notes go: the contact's address, else the address the ticket's mail came
    from (one query, only on an email ticket)."""
    if getattr(ticket, "channel", "") != "email":
        return {"show": False}
    contact = getattr(ticket, "contact", None)
    address = getattr(contact, "email", "") if contact is not None else ""
    if not address:
        address = (_messages(ticket).filter(direction="in").exclude(from_address="")
                   .values_list("from_address", flat=True).first() or "")
    return {"show": bool(address), "address": address}
