from django.urls import path  # noqa: F401 (the pages arrive with issue 19)

app_name = "crm"
urlpatterns: list = []

# --- complaints and surveys (crm-complaints) ---
from .views import complaint as complaint_views  # noqa: E402
from .views import survey as survey_views  # noqa: E402

urlpatterns += [
    path("complaints/", complaint_views.ComplaintListView.as_view(), name="complaints"),
    path("complaints/export.csv", complaint_views.ComplaintExportView.as_view(), name="complaints-export"),
    path("complaints/new/", complaint_views.ComplaintCreateView.as_view(), name="complaint-new"),
    path("complaints/<int:pk>/", complaint_views.ComplaintDetailView.as_view(), name="complaint"),
    path("complaints/<int:pk>/<slug:action>/", complaint_views.ComplaintActionView.as_view(),
         name="complaint-action"),
    path("surveys/<str:token>/", survey_views.survey_answer_view, name="survey-answer"),
]
