from django.urls import path

from . import canned_views, pickers, views

app_name = "catalog"
urlpatterns = [
    path("services/", views.ServiceListView.as_view(), name="service-list"),
    path("services/<int:pk>/", views.ServiceDetailView.as_view(), name="service-detail"),
    path("customers/", views.CustomerListView.as_view(), name="customer-list"),
    path("customers/<int:pk>/", views.CustomerDetailView.as_view(), name="customer-detail"),
    path("contacts/", views.ContactListView.as_view(), name="contact-list"),
    path("contacts/<int:pk>/", views.ContactDetailView.as_view(), name="contact-detail"),
    # the team managers' canned replies: catalog/canned_views.py
    path("canned-replies/", canned_views.canned_reply_list, name="canned-replies"),
    path("canned-replies/<int:pk>/", canned_views.canned_reply_edit, name="canned-reply-edit"),
    path("canned-replies/<int:pk>/delete/", canned_views.canned_reply_remove, name="canned-reply-delete"),
    # the pickers' suggestions (JSON): catalog/pickers.py
    path("pick/contacts/", pickers.pick_contacts, name="pick-contacts"),
    path("pick/customers/", pickers.pick_customers, name="pick-customers"),
]
