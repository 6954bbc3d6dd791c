from django.urls import path

from salon.access import views

app_name = "access"
urlpatterns = [
    path("gate/sw.js", views.service_worker, name="gate_sw"),
    path("gate/<slug:slug>/", views.gate, name="gate"),
]
