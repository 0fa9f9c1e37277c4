import factory

from mail.choices import Direction, Protocol
from mail.models import Mailbox, MailMessage


class MailboxFactory(factory.django.DjangoModelFactory):
    """A push mailbox that opens incidents and makes contacts for unknown senders."""

    class Meta:
        model = Mailbox
        django_get_or_create = ("address",)

    name = factory.Sequence(lambda n: f"Support {n}")
    address = factory.Sequence(lambda n: f"support{n}@desk.example.com")
    protocol = Protocol.PUSH
    create_contacts = True


class MailMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MailMessage

    mailbox = factory.SubFactory(MailboxFactory)
    direction = Direction.IN
    message_id = factory.Sequence(lambda n: f"<msg-{n}@example.org>")
    from_address = factory.Sequence(lambda n: f"sender{n}@example.org")
    subject = factory.Sequence(lambda n: f"Message {n}")
