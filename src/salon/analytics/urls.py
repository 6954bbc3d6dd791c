from django.urls import path

from salon.analytics import views

app_name = "analytics"
urlpatterns = [
    path("editions/<slug:slug>/dashboard/", views.dashboard, name="dashboard"),
    path("editions/<slug:slug>/dashboard/live/", views.live, name="live"),
]
