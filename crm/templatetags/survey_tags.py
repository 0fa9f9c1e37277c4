"""``{% load survey_tags %}{% ticket_survey incident %}``: a ticket's satisfaction survey (score,
comment, when) on its page — incidents, service requests and complaints. One query."""

from django import template

from ..complaint_selectors import survey_for_ticket

register = template.Library()

KINDS = {"incident": "incident", "servicerequest": "request", "complaint": "complaint"}


@register.inclusion_tag("crm/survey_on_ticket.html")
def ticket_survey(ticket):
    kind = KINDS.get(ticket._meta.model_name)
    return {"survey": survey_for_ticket(kind, ticket.pk) if kind and ticket.pk else None}
