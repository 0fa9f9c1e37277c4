from django.urls import path

from . import views, views_proposal, views_release

app_name = "changes"
urlpatterns = [
    path("", views.change_list, name="list"),
    path("new/", views.change_create, name="create"),
    path("calendar/", views.calendar, name="calendar"),
    path("approvals/", views.approvals, name="approvals"),
    path("cis/<int:pk>/", views.ConfigurationItemDetailView.as_view(), name="ci-detail"),
    path("approvals/<int:pk>/vote/", views.approval_vote, name="approval-vote"),
    path("releases/", views_release.release_list, name="releases"),
    path("releases/new/", views_release.release_create, name="release-create"),
    path("releases/<int:pk>/", views_release.release_detail, name="release-detail"),
    path("releases/<int:pk>/edit/", views_release.release_edit, name="release-edit"),
    # authorize, complete, cancel, add-changes, remove-change
    path("releases/<int:pk>/<slug:action>/", views_release.release_action, name="release-action"),
    path("proposals/", views_proposal.proposal_list, name="proposals"),
    path("proposals/new/", views_proposal.proposal_create, name="proposal-create"),
    path("proposals/<int:pk>/", views_proposal.proposal_detail, name="proposal-detail"),
    path("proposals/<int:pk>/edit/", views_proposal.proposal_edit, name="proposal-edit"),
    # submit, approve, reject, withdraw, raise-rfc
    path("proposals/<int:pk>/<slug:action>/", views_proposal.proposal_action, name="proposal-action"),
    path("<int:pk>/", views.change_detail, name="detail"),
    path("<int:pk>/edit/", views.change_edit, name="edit"),
    # submit, assess, send-to-cab, authorize, reject, schedule, implement, complete, review, close, cancel,
    # vote, link
    path("<int:pk>/<slug:action>/", views.change_action, name="action"),
]
