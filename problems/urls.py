from django.urls import path

from . import views

app_name = "problems"
urlpatterns = [
    path("", views.problem_list, name="list"),
    path("new/", views.problem_create, name="create"),
    path("known-errors/", views.known_error_list, name="known-errors"),
    path("known-errors/new/", views.known_error_create, name="known-error-create"),
    path("known-errors/suggest/", views.known_error_suggest, name="known-error-suggest"),
    path("known-errors/<int:pk>/", views.known_error_detail, name="known-error"),
    path("known-errors/<int:pk>/apply/", views.known_error_apply, name="known-error-apply"),
    path("candidates/", views.candidate_list, name="candidates"),
    path("candidates/<int:pk>/<slug:decision>/", views.candidate_decide, name="candidate-decide"),
    path("<int:pk>/", views.problem_detail, name="detail"),
    # investigate, mark-known-error, resolve, close, acknowledge-review, link, unlink, analysis, edit
    path("<int:pk>/<slug:action>/", views.problem_action, name="action"),
]
