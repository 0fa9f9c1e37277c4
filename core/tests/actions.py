"""Helpers for the tests that hold a page and the API to one available-actions selector:
what a record's page offers, and which verbs the API carries out."""

from html.parser import HTMLParser

from django.db import transaction

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0  # inside the actions card: how deep
        self.buttons: set[str] = set()
        self.testids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("data-testid"):
            self.testids.add(attrs["data-testid"])
        if self.depth and attrs.get("data-action"):
            self.buttons.add(attrs["data-action"])
        if tag in VOID:
            return
        if self.depth or attrs.get("data-testid") == "actions":
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1


def offered(content: bytes, verbs, markers: dict | None = None) -> set[str]:
    """The verbs a page offers: a control ``data-action="<verb>"`` in its actions card
    (``data-testid="actions"``), or, for a verb in ``markers``, the element carrying that
    ``data-testid`` anywhere on the page (a form of its own: the vote, the comment box)."""
    page = _Page()
    page.feed(content.decode())
    markers = markers or {}
    return {verb for verb in verbs if (markers[verb] in page.testids if verb in markers else verb in page.buttons)}


def api_accepts(client, calls: dict) -> dict[str, int]:
    """Each verb's answer: ``calls`` maps a verb to ``(method, url, body)``, each tried on the
    record as it stands (what the call changed is rolled back before the next one)."""
    answers = {}
    for verb, (method, url, body) in calls.items():
        with transaction.atomic():
            answers[verb] = getattr(client, method)(url, body, format="json").status_code
            transaction.set_rollback(True)
    return answers


def accepted(answers: dict[str, int]) -> set[str]:
    """The verbs the API carried out; every other one answered a refusal (400, 403 or 409)."""
    refused = {verb: code for verb, code in answers.items() if code >= 300}
    assert all(code in (400, 403, 409) for code in refused.values()), refused
    return set(answers) - set(refused)
