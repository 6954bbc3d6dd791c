from django.urls import path

from salon.delegations import views

app_name = "delegations"

urlpatterns = [
    path("editions/<slug:slug>/delegations/", views.delegation_list, name="list"),
    path("editions/<slug:slug>/delegations/<int:pk>/", views.delegation_detail, name="detail"),
    path("editions/<slug:slug>/delegations/protocol.<str:fmt>", views.protocol_export, name="protocol"),
]
