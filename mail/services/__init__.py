"""Every write of the email channel, by direction: ``inbound`` (a raw message becomes a
ticket, a comment, a reopening — or is ignored with the reason) and ``outbound`` (ticket
mail to the contact with threading headers)."""
