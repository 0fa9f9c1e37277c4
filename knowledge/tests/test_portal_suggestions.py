"""The portal's order form of a catalogue item asks the help centre for the articles about
that item (``/help/suggest/?q=<item>``, loaded with the page), so a requester may find the
answer instead of ordering."""

import re

import pytest
from django.urls import reverse

from core.roles import Role
from knowledge.tests.factories import PublishedArticleFactory
from servicerequests.tests.factories import CatalogItemFactory

pytestmark = pytest.mark.django_db


def test_the_order_form_loads_the_articles_about_its_item(client, make_user):
    item = CatalogItemFactory(name="VPN access")
    article = PublishedArticleFactory(title="VPN access from home", body="Install the client, then sign in.")
    client.force_login(make_user(Role.REQUESTER))
    page = client.get(reverse("portal:order", args=[item.pk])).content.decode()
    found = re.search(r'hx-get="([^"]+)" hx-trigger="load"', page)
    assert found, "the order form does not ask for suggestions"
    suggested = client.get(found.group(1).replace("&amp;", "&")).content.decode()
    assert f'data-number="{article.number}"' in suggested
