"""The search pages: ``/search/?q=`` (the results, or straight to the record a number names)
and ``/search/suggest/?q=`` (the header box's live suggestions, an HTMX partial)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from .engine import KINDS, allowed_kinds, clean, search
from .kinds import KIND_LABELS

#: Suggestions under the header box.
SUGGESTIONS = 8
#: Results on the page.
RESULTS = 50


def _kind(request) -> str | None:
    kind = request.GET.get("kind", "")
    return kind if kind in KINDS else None


@login_required
@require_GET
def results(request):
    q, kind = clean(request.GET.get("q")), _kind(request)
    outcome = search(request.user, q, kind=kind, limit=RESULTS)
    if outcome.jump:
        return redirect(outcome.jump.url)
    kinds = [(k, KIND_LABELS[k]) for k in allowed_kinds(request.user)]
    return render(request, "search/results.html", {
        "q": q, "kind": kind, "kinds": kinds, "outcome": outcome, "hits": outcome.hits, "words": outcome.words,
    })


@login_required
@require_GET
def suggest(request):
    q = clean(request.GET.get("q"))
    outcome = search(request.user, q, limit=SUGGESTIONS)
    return render(request, "search/_suggestions.html", {"q": q, "hits": outcome.hits, "words": outcome.words})
