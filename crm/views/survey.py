"""The survey page a contact opens from their email or SMS: no login, the signed token in
the address. A link with ``?score=N`` shows that score chosen, one click sends it (a GET
never records anything: mail scanners open links). A forged, expired or used link answers a
clear page (400/410/409), never a 500, and changes nothing."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.forms import add_service_errors

from ..forms.survey import SurveyAnswerForm
from ..services.survey import SurveyTokenError, survey_answer, survey_from_token

TEMPLATE = "crm/survey_answer.html"
STATUS = {"forged": 400, "expired": 410, "used": 409}


def _refused(request, exc: SurveyTokenError):
    return render(request, TEMPLATE, {"problem": exc.reason}, status=STATUS.get(exc.reason, 400))


@never_cache
@csrf_exempt  # no session to protect: the signed token in the address is the credential
@require_http_methods(["GET", "POST"])
def survey_answer_view(request, token: str):
    try:
        survey = survey_from_token(token)
    except SurveyTokenError as exc:
        return _refused(request, exc)
    if request.method == "GET":
        score = request.GET.get("score", "")
        form = SurveyAnswerForm(initial={"score": int(score)} if score in {"1", "2", "3", "4", "5"} else {})
        return render(request, TEMPLATE, {"form": form, "survey": survey})
    form = SurveyAnswerForm(request.POST)
    if not form.is_valid():
        return render(request, TEMPLATE, {"form": form, "survey": survey}, status=400)
    try:
        survey_answer(token=token, **form.cleaned_data)
    except SurveyTokenError as exc:  # answered meanwhile (another tab)
        return _refused(request, exc)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return render(request, TEMPLATE, {"form": form, "survey": survey}, status=400)
    return render(request, TEMPLATE, {"thanks": True, "survey": survey})
