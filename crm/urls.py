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

# --- the 360° view and opportunities (crm-360) ---
from .views import customer as customer_views  # noqa: E402
from .views import opportunity as opportunity_views  # noqa: E402

urlpatterns += [
    path("customers/<int:pk>/", customer_views.CustomerView.as_view(), name="customer"),
    path("contacts/<int:pk>/", customer_views.ContactView.as_view(), name="contact"),
    path("opportunities/", opportunity_views.PipelineView.as_view(), name="opportunities"),
    path("opportunities/new/", opportunity_views.OpportunityCreateView.as_view(), name="opportunity-new"),
    path("opportunities/<int:pk>/", opportunity_views.OpportunityView.as_view(), name="opportunity"),
    path("opportunities/<int:pk>/<slug:action>/", opportunity_views.OpportunityActionView.as_view(),
         name="opportunity-action"),
]
